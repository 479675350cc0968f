// Two tabs of the same browser edit the list at once: each sees the other's changes
// (storage events) and neither overwrites the other's edits.
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, entries, entry, openList, saveButton, storedList } from "./follow-up.mjs";

async function addPerson(page, name) {
  const form = page.locator("details.add-person");
  if (!(await form.evaluate((details) => details.open))) await form.getByText("Agregar a una persona que conocí").click();
  await form.getByLabel("Nombre").fill(name);
  await form.getByRole("button", { name: "Agregar", exact: true }).click();
}

test("two tabs editing at once keep both sets of changes", async ({ page, newTab }) => {
  const a = page;
  await a.goto("./");
  const b = await newTab();
  await b.goto("./");
  await expect(b.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();

  // Each tab saves a different member; the other tab shows it saved without a reload.
  await saveButton(a, ACEROS.name).click();
  await saveButton(b, ACABADOS.name).click();
  await expect(saveButton(a, ACABADOS.name, { saved: true })).toBeVisible();
  await expect(saveButton(b, ACEROS.name, { saved: true })).toBeVisible();

  await openList(a);
  await openList(b);
  await expect(entries(a)).toHaveCount(2);
  await expect(entries(b)).toHaveCount(2);
  // At once: a note in each tab on a different entry, and a person added in each.
  await Promise.all([
    entry(a, ACEROS.name).getByLabel("Nota").fill("Nota escrita en la pestaña A"),
    entry(b, ACABADOS.name).getByLabel("Nota").fill("Nota escrita en la pestaña B"),
  ]);
  await Promise.all([addPerson(a, "Persona de la pestaña A"), addPerson(b, "Persona de la pestaña B")]);

  for (const tab of [a, b]) {
    await expect(entries(tab)).toHaveCount(4);
    await expect(entry(tab, ACEROS.name).getByLabel("Nota")).toHaveValue("Nota escrita en la pestaña A");
    await expect(entry(tab, ACABADOS.name).getByLabel("Nota")).toHaveValue("Nota escrita en la pestaña B");
  }
  const stored = await storedList(a);
  expect(stored.entries).toHaveLength(4);

  await Promise.all([a.reload(), b.reload()]);
  for (const tab of [a, b]) {
    await expect(entries(tab)).toHaveCount(4);
    await expect(entry(tab, "Persona de la pestaña A")).toHaveCount(1);
    await expect(entry(tab, "Persona de la pestaña B")).toHaveCount(1);
    await expect(entry(tab, ACEROS.name).getByLabel("Nota")).toHaveValue("Nota escrita en la pestaña A");
    await expect(entry(tab, ACABADOS.name).getByLabel("Nota")).toHaveValue("Nota escrita en la pestaña B");
  }
});

test("an entry removed in one tab stays removed when the other tab edits", async ({ page, newTab }) => {
  const a = page;
  await a.goto("./");
  await saveButton(a, ACEROS.name).click();
  await saveButton(a, ACABADOS.name).click();
  await openList(a);
  const b = await newTab();
  await openList(b);
  await expect(entries(b)).toHaveCount(2);

  await entry(a, ACEROS.name).getByRole("button", { name: `Quitar de la lista (${ACEROS.name})` }).click();
  await expect(entry(b, ACEROS.name)).toHaveCount(0);
  await entry(b, ACABADOS.name).getByLabel("Nota").fill("Editada en B después");
  await expect(entry(a, ACABADOS.name).getByLabel("Nota")).toHaveValue("Editada en B después");

  await Promise.all([a.reload(), b.reload()]);
  for (const tab of [a, b]) {
    await expect(entries(tab)).toHaveCount(1);
    await expect(entry(tab, ACABADOS.name).getByLabel("Nota")).toHaveValue("Editada en B después");
  }
});
