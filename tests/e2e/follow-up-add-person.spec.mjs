// Someone met at a stand who is not in the directory gets an entry of their own.
import { test, expect } from "./fixtures.mjs";
import { entries, entry, openList, storedList } from "./follow-up.mjs";

test("a person who is not in the directory is added through the form; an empty form says why not", async ({ page }) => {
  await openList(page);
  await expect(page.getByText("Su lista está vacía.", { exact: false })).toBeVisible();
  await page.getByText("Agregar a una persona que conocí").click();
  const form = page.locator("details.add-person form");
  const add = form.getByRole("button", { name: "Agregar", exact: true });

  // Nothing written, or only spaces: refused with a message, nothing added.
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("Escriba al menos un nombre o una empresa.");
  await form.getByLabel("Nombre").fill("   ");
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("Escriba al menos un nombre o una empresa.");
  await expect(entries(page)).toHaveCount(0);

  await form.getByLabel("Nombre").fill("Rosa Elena Quiñónez");
  await form.getByLabel("Empresa").fill("Troqueles «La Paz», S.A.");
  await form.getByLabel("Puesto").fill("Compras");
  await form.getByLabel("Correo").fill("rosa@troqueles.example.com");
  await form.getByLabel("Teléfono").fill("+52 656 555 0199");
  await add.click();

  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Nombre")).toHaveValue("");
  const card = entry(page, "Rosa Elena Quiñónez");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Troqueles «La Paz», S.A. · Compras");
  // Not a directory member: no profile link, but the contact links work from the typed details.
  await expect(card.getByRole("heading", { level: 2 }).getByRole("link")).toHaveCount(0);
  await expect(card.getByRole("link", { name: "Llamar" })).toHaveAttribute("href", "tel:+526565550199");
  await expect(card.getByRole("link", { name: "Correo" })).toHaveAttribute("href", /^mailto:rosa@troqueles\.example\.com\?/);
  await card.getByLabel("Nota").fill("Nos vimos en el pasillo B");
  // A note is written once typing pauses or the field is left (issue 12): leave it.
  await card.getByLabel("Nota").blur();

  const stored = await storedList(page);
  expect(stored.entries).toHaveLength(1);
  expect(stored.entries[0]).toMatchObject({ note: "Nos vimos en el pasillo B" });
  expect(stored.entries[0].id).toMatch(/^p\./);
  expect(stored.entries[0].member).toBeUndefined();

  await page.reload();
  await expect(entry(page, "Rosa Elena Quiñónez").getByLabel("Nota")).toHaveValue("Nos vimos en el pasillo B");
});
