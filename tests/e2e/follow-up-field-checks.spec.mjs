// Issue 13, item 4: the entry's own fields are checked like the person form's, so a slip
// of the keyboard never sets a date nobody meant, clears a saved one, or keeps an invisible place.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, entry, isoDate, openList, saveMemberFromProfile, storedList } from "./follow-up.mjs";

test("a next date with a year typed short (0026) is flagged and the saved date stays", async ({ page }) => {
  await saveMemberFromProfile(page);
  await openList(page);
  const card = entry(page, ACEROS.name);
  const date = card.getByLabel("Próximo seguimiento");
  const planned = await isoDate(page, 7);
  await date.fill(planned);
  await expect.poll(async () => (await storedList(page)).entries[0].next).toBe(planned);

  // A date field reads a year typed as "26" as the year 0026.
  await date.fill("0026-12-01");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(
    "El año debe estar entre 2000 y 2099; no se cambió la fecha guardada.",
  );
  expect((await storedList(page)).entries[0].next).toBe(planned);

  // Fixing it clears the flag and saves; emptying the field still clears the date.
  await date.fill("2026-12-01");
  await expect(date).not.toHaveAttribute("aria-invalid", "true");
  await expect.poll(async () => (await storedList(page)).entries[0].next).toBe("2026-12-01");
  await date.fill("");
  await expect.poll(async () => (await storedList(page)).entries[0].next).toBeUndefined();
});

test("a place typed by hand made only of invisible characters is not kept", async ({ page }) => {
  await saveMemberFromProfile(page);
  await openList(page);
  const card = entry(page, ACEROS.name);
  await card.getByLabel("Dónde nos conocimos").selectOption("other");
  const other = card.getByRole("textbox", { name: "Otro lugar" });
  await other.fill("Expo Monterrey");
  await other.blur();
  await expect.poll(async () => (await storedList(page)).entries[0].met_at).toEqual({ text: "Expo Monterrey" });
  await other.fill("\u200B\u2060 ");
  await other.blur();
  await expect.poll(async () => (await storedList(page)).entries[0].met_at).toBeUndefined();
  await expect(other).toHaveAttribute("maxlength", "120");
});
