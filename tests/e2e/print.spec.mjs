// Print styles (issue 6): the follow-up list and a profile print without navigation,
// buttons or toasts, with the addresses of web links spelled out and notes printed whole.
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, entry, openList, saveMemberFromProfile } from "./follow-up.mjs";

test("a profile prints without navigation or buttons, with its web links spelled out", async ({ page }) => {
  await page.goto(`./#/member/${ACABADOS.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ACABADOS.name })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toBeHidden();
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: `Guardar (${ACABADOS.name})`, exact: true })).toBeHidden();
  await expect(page.getByText("Código QR del perfil")).toBeHidden();
  const website = page.locator(".links a").first();
  const after = await website.evaluate((link) => [getComputedStyle(link, "::after").content, link.getAttribute("href")]);
  expect(after[0]).toBe(`" (${after[1]})"`);
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toBeVisible();
});

test("the follow-up list prints its entries and whole notes, without controls or toasts", async ({ page }) => {
  await saveMemberFromProfile(page, ACABADOS);
  await saveMemberFromProfile(page, ACEROS);
  await openList(page);
  const note = Array.from({ length: 12 }, (_, i) => `Renglón ${i + 1} de una nota larga sobre la visita.`).join("\n");
  await entry(page, ACABADOS.name).getByLabel("Nota").fill(note);
  // A removal leaves its "undo" toast on screen; it must not reach the paper.
  await entry(page, ACEROS.name).getByRole("button", { name: `Quitar de la lista (${ACEROS.name})` }).click();
  const toast = page.locator(".toast");
  await expect(toast).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(toast).toBeHidden();
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  await expect(entry(page, ACABADOS.name)).toBeVisible();
  const visibleButtons = await page.locator("button").evaluateAll((buttons) =>
    buttons.filter((button) => button.checkVisibility()).map((button) => button.textContent),
  );
  expect(visibleButtons).toEqual([]);
  const textarea = entry(page, ACABADOS.name).getByLabel("Nota");
  const { scrollHeight, clientHeight } = await textarea.evaluate((node) => ({
    scrollHeight: node.scrollHeight,
    clientHeight: node.clientHeight,
  }));
  expect(scrollHeight, "the whole note is printed").toBeLessThanOrEqual(clientHeight + 1);
  await page.emulateMedia({ media: "screen" });
  expect(await textarea.evaluate((node) => node.scrollHeight > node.clientHeight + 1), "a long note scrolls on screen").toBe(true);
});
