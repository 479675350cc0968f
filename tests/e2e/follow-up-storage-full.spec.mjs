// Storage that fills up during a visit: the change stays in memory, the visitor is told,
// the saved list is left as it was, and the next save after space is freed writes it all.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, entry, openList, saveButton, storedList } from "./follow-up.mjs";

test("a full storage keeps the change in memory, says so, and saves once there is space", async ({ page }) => {
  // A switch the test flips: while on, every write to localStorage fails as a full disk does.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  const note = entry(page, ACEROS.name).getByLabel("Nota");
  await note.fill("Guardada");
  await expect.poll(async () => (await storedList(page)).entries[0].note).toBe("Guardada");

  await page.evaluate(() => (window.__storageFull = true));
  await note.fill("Guardada y luego ampliada");
  const full = page.getByRole("status").filter({ hasText: "El almacenamiento del navegador está lleno" });
  await expect(full).toHaveText(
    "El almacenamiento del navegador está lleno: sus últimos cambios no se guardaron. Exporte su lista para no perderlos.",
  );
  await expect(note).toHaveValue("Guardada y luego ampliada");
  expect((await storedList(page)).entries[0].note, "the saved list is left as it was").toBe("Guardada");

  await page.evaluate(() => (window.__storageFull = false));
  await entry(page, ACEROS.name).getByLabel("Estado").selectOption("contacted");
  await expect(full).toHaveCount(0);
  await page.reload();
  await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("Guardada y luego ampliada");
  await expect(entry(page, ACEROS.name).getByLabel("Estado")).toHaveValue("contacted");
});
