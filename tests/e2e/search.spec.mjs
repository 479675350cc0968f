import { test, expect } from "./fixtures.mjs";
import { membersWith } from "./sample.mjs";

test("typing without accents finds accented words, as you type", async ({ page, app }) => {
  await app.open();
  const search = page.getByRole("searchbox", { name: "Buscar en el directorio" });
  await search.fill("inyeccion");
  await expect(page.locator(".result-count")).not.toHaveText("114 miembros");
  await expect(app.memberCards().first()).toBeVisible();
  // Word order and prefixes: "norte acer" still finds Aceros del Norte first.
  await search.fill("norte acer");
  await expect(app.memberCards().first().getByRole("link")).toHaveText("Aceros del Norte");
});

test("a buyer's English word and a supplier's Spanish alias find the same members", async ({ page, app }) => {
  await app.open("#/?q=stamping");
  await expect(app.memberCards().first()).toBeVisible();
  const english = await app.memberCards().getByRole("link").allTextContents();
  expect(english.length).toBeGreaterThanOrEqual(membersWith({ capabilities: ["stamping"] }).length);
  await app.open("#/?q=troquelado");
  await expect(app.memberCards().first()).toBeVisible();
  const spanish = await app.memberCards().getByRole("link").allTextContents();
  for (const name of membersWith({ capabilities: ["stamping"] }).map((member) => member.name)) {
    expect(english).toContain(name);
    expect(spanish).toContain(name);
  }
});

test("no match says so and suggests what to do", async ({ page, app }) => {
  await app.open("#/?q=zzzzqqqq");
  await expect(page.getByText("Ningún miembro coincide con la búsqueda y los filtros.")).toBeVisible();
  await expect(app.memberCards()).toHaveCount(0);
});
