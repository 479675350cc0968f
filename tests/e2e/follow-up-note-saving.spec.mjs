// Issue 12: a note is written a moment after the last key (and at once when the field loses
// focus or the page is hidden), not on every key: each write is the whole list. A tab that is
// killed fires no `pagehide`, so that moment is all a crash can lose.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, entry, listKey, openList, saveMemberFromProfile, storedList } from "./follow-up.mjs";

test("typing a note writes the list once it pauses, not on every key", async ({ page }) => {
  await saveMemberFromProfile(page, ACEROS);
  await openList(page);
  const key = await listKey(page);
  await page.evaluate((key) => {
    window.__listWrites = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      if (name === key) window.__listWrites += 1;
      return setItem.call(this, name, value);
    };
  }, key);
  const note = entry(page, ACEROS.name).getByLabel("Nota");
  await note.pressSequentially("Pedir cotización de troqueles", { delay: 20 });
  await expect.poll(async () => (await storedList(page)).entries[0].note).toBe("Pedir cotización de troqueles");
  // 29 keys; a few writes at most even if the machine stalls between two of them.
  expect(await page.evaluate(() => window.__listWrites)).toBeLessThan(5);
});

test("a note typed a second before the tab crashes is there when the list is opened again", async ({ page, context }) => {
  await saveMemberFromProfile(page, ACEROS);
  await openList(page);
  await entry(page, ACEROS.name).getByLabel("Nota").pressSequentially("Llamar el lunes", { delay: 20 });
  // The scenario itself, not a wait for the app: the renderer dies a second after the last key,
  // with the field still focused (no blur, no pagehide, no visibilitychange).
  await page.waitForTimeout(1000);
  const crashed = page.waitForEvent("crash");
  const cdp = await context.newCDPSession(page);
  cdp.send("Page.crash").catch(() => {});
  await crashed;

  const reopened = await context.newPage();
  await openList(reopened);
  await expect(entry(reopened, ACEROS.name).getByLabel("Nota")).toHaveValue("Llamar el lunes");
});
