// Fair-day mode (issue 6): while an event runs, "Feria hoy" in the header opens the stands
// to visit, the visitor's own list first, sortable by stand (natural order) and by name;
// one tap marks a stand and a short note saves as it is typed, across reloads.
import { test, expect } from "./fixtures.mjs";
import { saveMemberFromProfile, openList, entry } from "./follow-up.mjs";
import { FAIR_NAME, fairAttendees, fairDirectory, fairRow, localToday, naturalCompare, rowNames } from "./fair.mjs";
import { label } from "./sample.mjs";

const TRES_PUENTES = { id: "tres-puentes-logistics", name: "Tres Puentes Logistics" };
const CORTELASER = { id: "cortelaser-delicias", name: "CorteLáser Delicias" };

test.beforeEach(async ({ app }) => {
  await app.serveDirectory(fairDirectory());
});

test("the header opens today's fair: the visitor's list first, then every stand in natural order", async ({ page, app }) => {
  await saveMemberFromProfile(page, TRES_PUENTES);
  await page.getByRole("navigation").getByRole("link", { name: "Feria hoy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toBeVisible();
  await expect(page.getByRole("link", { name: FAIR_NAME })).toBeVisible();
  expect(page.url()).toMatch(/#\/fair$/);

  const lists = page.locator("ol.fair-list");
  await expect(page.getByRole("heading", { level: 2, name: "En su seguimiento" })).toBeVisible();
  expect(await rowNames(lists.nth(0))).toEqual([TRES_PUENTES.name]);
  await expect(fairRow(page, TRES_PUENTES.name).locator(".fair-stand")).toHaveText("Stand A-10");

  const others = fairAttendees().filter((member) => member.id !== TRES_PUENTES.id);
  const byStand = [...others].sort((a, b) => {
    if (a.stand && b.stand) return naturalCompare(a.stand, b.stand);
    return a.stand ? -1 : b.stand ? 1 : a.name.localeCompare(b.name, "es", { sensitivity: "base" });
  });
  expect(await rowNames(lists.nth(1))).toEqual(byStand.map((member) => member.name));
  const stands = await lists.nth(1).locator(".fair-stand").allInnerTexts();
  expect(stands.indexOf("Stand A-9")).toBeLessThan(stands.indexOf("Stand A-100"));
  expect(stands.at(-1)).toBe("Sin stand");

  await page.getByRole("button", { name: "Por nombre" }).click();
  await expect(page.getByRole("button", { name: "Por nombre" })).toHaveAttribute("aria-pressed", "true");
  const byName = [...others].sort((a, b) => a.name.localeCompare(b.name, "es", { sensitivity: "base" }));
  await expect.poll(() => rowNames(lists.nth(1))).toEqual(byName.map((member) => member.name));
  expect(page.url()).toMatch(/#\/fair\?sort=name$/);
  expect(await app.hasNoHorizontalScroll()).toBe(true);
});

test("a mark and a note are one tap and some typing, survive a reload and put the member on the list", async ({ page }) => {
  await page.goto("./#/fair");
  const row = fairRow(page, CORTELASER.name);
  const comeBack = row.getByRole("button", { name: "Volver", exact: true });
  await expect(comeBack).toHaveAttribute("aria-pressed", "false");
  await comeBack.click();
  await expect(comeBack).toHaveAttribute("aria-pressed", "true");
  await row.getByLabel("Nota rápida").fill("Pedir cotización de corte de tubo");
  // Leaving the field is not needed to save: the note is kept as it is typed.
  await page.reload();

  await expect(page.getByRole("heading", { level: 2, name: "En su seguimiento" })).toBeVisible();
  const again = fairRow(page, CORTELASER.name);
  await expect(again.getByRole("button", { name: "Volver", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(again.getByLabel("Nota rápida")).toHaveValue("Pedir cotización de corte de tubo");
  // Another mark replaces it; the same mark again clears it.
  await again.getByRole("button", { name: "Visitado" }).click();
  await expect(again.getByRole("button", { name: "Volver", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(again.getByRole("button", { name: "Visitado" })).toHaveAttribute("aria-pressed", "true");

  await openList(page);
  const saved = entry(page, CORTELASER.name);
  await expect(saved.getByLabel("Nota")).toHaveValue("Pedir cotización de corte de tubo");
  await expect(saved.getByLabel("Dónde nos conocimos")).toHaveValue("event:paace-2026");
});

test("touch targets are at least 44 px and nothing scrolls sideways", async ({ page, app }) => {
  await page.goto("./#/fair");
  const row = page.locator("li.fair-row").first();
  for (const target of await row.locator("button, input, a").all()) {
    const box = await target.boundingBox();
    expect(box.height, await target.evaluate((node) => node.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
  }
  expect(await app.hasNoHorizontalScroll()).toBe(true);
});

test("with no event today the header has no fair link and the visitor picks an event", async ({ page, app }) => {
  await page.unroute("**/vitrina/data/directory.json");
  await app.serveDirectory(fairDirectory({ running: false }));
  await page.goto("./#/events");
  await expect(page.getByRole("heading", { level: 1, name: "Eventos" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Feria hoy" })).toHaveCount(0);
  await page.getByRole("link", { name: FAIR_NAME }).click();
  await page.getByRole("link", { name: "Modo feria" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toBeVisible();
  expect(page.url()).toMatch(/#\/event\/paace-2026\/fair$/);
  await expect(page.locator("li.fair-row")).toHaveCount(fairAttendees().length);

  await page.goto("./#/fair");
  await expect(page.getByText("Hoy no hay ningún evento del directorio en curso.")).toBeVisible();
  await page.getByRole("link", { name: FAIR_NAME }).click();
  await expect(page.locator("li.fair-row")).toHaveCount(fairAttendees().length);
});

test("rows say which certificates have expired and when the data was checked", async ({ page }) => {
  const today = localToday();
  const members = JSON.parse(fairDirectory()).members;
  const attendees = new Set(fairAttendees().map((member) => member.id));
  const expired = members.find(
    (member) =>
      attendees.has(member.id) &&
      member.verified_on &&
      (member.certifications ?? []).some((held) => typeof held === "object" && held.valid_until && held.valid_until < today),
  );
  expect(expired, "the sample has an exhibitor with an expired certificate").toBeTruthy();
  const held = expired.certifications.find((held) => typeof held === "object" && held.valid_until < today);
  await page.goto("./#/fair");
  const row = fairRow(page, expired.name);
  await expect(row.locator(".expired-certificates")).toContainText(`${label("certifications", held.id)} vencida`);
  await expect(row.locator(".verified")).toContainText("Datos verificados el");
});
