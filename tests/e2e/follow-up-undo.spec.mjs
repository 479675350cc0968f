// Removing an entry by mistake is undone with one tap, note and all.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, MOTORES, entries, entry, openList, saveMemberFromProfile, storedList } from "./follow-up.mjs";

test("undo after removing an entry puts it back with its note, also after a reload", async ({ page }) => {
  await saveMemberFromProfile(page, ACEROS);
  await saveMemberFromProfile(page, MOTORES);
  await openList(page);
  const card = entry(page, ACEROS.name);
  await card.getByLabel("Nota").fill("Pedir muestras de tapas");
  await card.getByLabel("Estado").selectOption("contacted");
  await expect(entries(page)).toHaveCount(2);

  await card.getByRole("button", { name: `Quitar de la lista (${ACEROS.name})` }).click();
  await expect(entry(page, ACEROS.name)).toHaveCount(0);
  await expect(entries(page)).toHaveCount(1);
  const toast = page.getByRole("complementary", { name: /^Se quitó de su lista:/ });
  await expect(toast).toContainText(ACEROS.name);
  await expect.poll(async () => (await storedList(page)).entries.some((e) => e.member === ACEROS.id)).toBe(false);

  await toast.getByRole("button", { name: "Deshacer" }).click();
  await expect(toast).toHaveCount(0);
  const back = entry(page, ACEROS.name);
  await expect(back.getByLabel("Nota")).toHaveValue("Pedir muestras de tapas");
  await expect(back.getByLabel("Estado")).toHaveValue("contacted");
  await expect(entries(page)).toHaveCount(2);

  await page.reload();
  await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("Pedir muestras de tapas");
  await expect(entries(page)).toHaveCount(2);
});
