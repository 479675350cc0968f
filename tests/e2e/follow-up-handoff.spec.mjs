// The whole list, notes, statuses and dates included, handed to another device by links.
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, ACUSTICA, entries, entry, isoDate, openHandoff, openList, saveButton } from "./follow-up.mjs";

/** Notes long and varied enough that the handoff needs more than one link. */
function note(seed) {
  let x = seed * 7919 + 17;
  const words = [];
  for (let i = 0; i < 60; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    words.push(x.toString(36));
  }
  return `Nota ${seed}: ${words.join(" ")}`;
}

test("a list handed over by its links arrives whole in a fresh browser", async ({ page, newVisitor }) => {
  const members = [ACEROS, ACABADOS, ACUSTICA];
  await page.goto("./");
  for (const member of members) await saveButton(page, member.name).click();
  await openList(page);
  const date = await isoDate(page, 10);
  for (const [i, member] of members.entries()) await entry(page, member.name).getByLabel("Nota").fill(note(i));
  await entry(page, ACABADOS.name).getByLabel("Estado").selectOption("proposal");
  await entry(page, ACABADOS.name).getByLabel("Próximo seguimiento").fill(date);

  // The last edit has been rendered (the links are rendered with it).
  await expect(entry(page, ACABADOS.name).locator(".due-badge")).toHaveText("En 10 días");
  await openHandoff(page);
  const links = page.getByRole("link", { name: /#\/handoff\?/ });
  const count = await links.count();
  expect(count, "the list is large enough to need several links").toBeGreaterThan(1);
  const parts = await Promise.all((await links.all()).map((link) => link.getAttribute("href")));
  expect(new Set(parts).size).toBe(count);

  // Another device: nothing stored there.
  const other = await newVisitor();
  await other.goto(parts[0]);
  await expect(other.getByRole("heading", { level: 1, name: "Recibir una lista" })).toBeVisible();
  await expect(other.getByRole("status")).toHaveText(new RegExp(`^Recibidas 1 de ${count} partes; faltan: `));
  await expect(other.getByRole("button", { name: "Agregar a mi seguimiento" })).toHaveCount(0);
  for (const href of parts.slice(1)) {
    await other.goto(href);
    await expect(other.getByRole("heading", { level: 1, name: "Recibir una lista" })).toBeVisible();
  }
  await expect(other.getByRole("status")).toHaveText(`Recibidas las ${count} partes.`);
  await other.getByRole("button", { name: "Agregar a mi seguimiento" }).click();
  const done = other.getByRole("status").filter({ hasText: "Lista recibida y combinada con la suya." });
  await expect(done).toBeVisible();
  await done.getByRole("link", { name: "Ver mi seguimiento" }).click();

  await expect(other.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  await expect(entries(other)).toHaveCount(members.length);
  for (const [i, member] of members.entries()) {
    await expect(entry(other, member.name).getByLabel("Nota")).toHaveValue(note(i));
  }
  await expect(entry(other, ACABADOS.name).getByLabel("Estado")).toHaveValue("proposal");
  await expect(entry(other, ACABADOS.name).getByLabel("Próximo seguimiento")).toHaveValue(date);
  // Kept on the other device, not only shown.
  await other.reload();
  await expect(entry(other, ACUSTICA.name).getByLabel("Nota")).toHaveValue(note(2));
});
