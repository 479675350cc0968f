// What a screen reader hears without looking: the polite live region speaks the result
// count once typing pauses (not after every keystroke), saves, removals, undo, and a
// storage failure on the page where it happened (issue 6).
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, saveButton } from "./follow-up.mjs";

/** Starts recording every text the live region takes; returns a reader of the non-empty ones. */
async function listen(page) {
  const region = page.locator("#announcer");
  await expect(region).toHaveAttribute("aria-live", "polite");
  await page.evaluate(() => {
    window.__said = [];
    const region = document.getElementById("announcer");
    new MutationObserver(() => {
      const text = region.textContent.trim();
      if (text) window.__said.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => window.__said);
}

test("the result count is announced once the visitor stops typing", async ({ page, app }) => {
  await app.open();
  await expect(app.memberCards().first()).toBeVisible();
  const said = await listen(page);
  const count = page.locator(".result-count");
  await expect(count).toHaveText("114 miembros");

  // Keys faster than the settling pause: the counts in between are not spoken.
  await page.getByRole("searchbox").pressSequentially("estampado", { delay: 40 });
  await expect(count).not.toHaveText("114 miembros");
  const final = await count.textContent();
  await expect(page.locator("#announcer")).toHaveText(final);
  expect(await said()).toEqual([final]);

  // A filter changes the count again, and that is said too.
  await page.getByRole("searchbox").fill("");
  await expect(page.locator("#announcer")).toHaveText("114 miembros");
  expect(await said()).toEqual([final, "114 miembros"]);
});

test("saving, removing and undoing are announced", async ({ page, app }) => {
  await app.open();
  await expect(app.memberCards().first()).toBeVisible();
  const said = await listen(page);
  const region = page.locator("#announcer");

  await saveButton(page, ACABADOS.name).click();
  await expect(region).toHaveText(`Guardado en su seguimiento: ${ACABADOS.name}`);
  await saveButton(page, ACABADOS.name, { saved: true }).click();
  await expect(region).toHaveText(`Se quitó de su lista: ${ACABADOS.name}. Deshacer`);
  await page.getByRole("complementary").getByRole("button", { name: "Deshacer" }).click();
  await expect(region).toHaveText(`De nuevo en su lista: ${ACABADOS.name}`);
  await expect(saveButton(page, ACABADOS.name, { saved: true })).toBeVisible();
  expect(await said()).toEqual([
    `Guardado en su seguimiento: ${ACABADOS.name}`,
    `Se quitó de su lista: ${ACABADOS.name}. Deshacer`,
    `De nuevo en su lista: ${ACABADOS.name}`,
  ]);
});

test("a save that cannot reach storage is announced where it happened", async ({ page, app }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await app.open();
  await expect(app.memberCards().first()).toBeVisible();
  await page.evaluate(() => (window.__storageFull = true));
  await saveButton(page, ACABADOS.name).click();
  await expect(page.locator("#announcer")).toHaveText(/^El almacenamiento del navegador está lleno/);
});
