// A list saved by a newer version of the app (another tab not yet reloaded, a rollback):
// shown read-only with an explanation, and never written over.
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, entry, listKey, openList, saveButton } from "./follow-up.mjs";

test("a list from a newer app version is shown read-only and left untouched", async ({ page }) => {
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  const key = await listKey(page);
  // One version above what this app writes (read from its own save, so the test follows a
  // raise of the version: with version 3 the list carries the visitor's company, issue 16).
  const { newer, version } = await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.version += 1;
    doc.entries[0].note = `Escrita por la versión ${doc.version}`;
    doc.entries[0].future_field = { anything: true };
    const text = JSON.stringify(doc);
    localStorage.setItem(key, text);
    return { newer: text, version: doc.version };
  }, key);
  expect(version).toBeGreaterThan(3);
  await page.goto("about:blank");
  await openList(page);

  await expect(page.getByRole("alert")).toContainText(`versión más nueva de la aplicación (versión ${version}`);
  await expect(page.getByRole("alert")).toContainText("la lista es de solo lectura");
  const card = entry(page, ACEROS.name);
  await expect(card.getByLabel("Nota")).toHaveValue(`Escrita por la versión ${version}`);
  // Nothing here can change it.
  await expect(card.getByLabel("Nota")).toBeDisabled();
  await expect(card.getByLabel("Estado")).toBeDisabled();
  await expect(card.getByLabel("Próximo seguimiento")).toBeDisabled();
  await expect(card.getByRole("button", { name: `Quitar de la lista (${ACEROS.name})` })).toBeDisabled();
  await expect(page.getByLabel("Importar un respaldo")).toBeDisabled();
  await page.getByText("Agregar a una persona que conocí").click();
  await expect(page.locator("details.add-person").getByRole("button", { name: "Agregar", exact: true })).toBeDisabled();

  await page.goto("./#/");
  await expect(saveButton(page, ACABADOS.name)).toBeDisabled();
  expect(await page.evaluate((key) => localStorage.getItem(key), key)).toBe(newer);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vitrina.follow-up.")));
  expect(keys).toEqual([key]);
});
