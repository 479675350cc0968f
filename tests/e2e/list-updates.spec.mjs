// Issue 15: the list's rows and the facet values are updated in place when a filter changes
// (a row's chips are keyed by position, a value's dimming is set with its count). Whatever
// row shows whatever member, it must show that member's own text, and only values with no
// results (and not selected) are dimmed.
import { test, expect } from "./fixtures.mjs";
import { sample, label, SAMPLE_LIST } from "./sample.mjs";

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The chips a card shows for `member`: its first five capabilities, by their Spanish labels. */
function chipsOf(member) {
  const ids = (member.capabilities ?? []).slice(0, 5).map((item) => (typeof item === "string" ? item : item.id));
  return ids.filter((id) => sample.capabilities.some((capability) => capability.id === id)).map((id) => label("capabilities", id));
}

/** Every card's name and chips, as shown. */
const shownCards = (page) =>
  page.locator(".member-card").evaluateAll((cards) =>
    cards.map((card) => ({
      name: card.querySelector(".member-name a").textContent,
      chips: [...card.querySelectorAll(".chips .chip:not(.chip-more)")].map((chip) => chip.textContent),
    })),
  );

/** Facet values whose dimming does not follow their count and check. */
const wronglyDimmed = (page) =>
  page.locator("#facet-sheet .facet-value").evaluateAll((values) =>
    values
      .filter((value) => {
        const empty = value.querySelector(".facet-count").textContent === "0" && !value.querySelector("input").checked;
        return value.classList.contains("empty") !== empty;
      })
      .map((value) => value.textContent),
  );

test("after a filter changes, every row shows its own member's chips and only empty values are dimmed", async ({ page, app }) => {
  await app.open();
  // The whole first page and every facet value, so a row or value still on its way is not read.
  await app.listBuilt(SAMPLE_LIST);
  const phone = page.viewportSize().width < 960;
  const expectRowsTrue = async () => {
    await expect(app.memberCards().first()).toBeVisible();
    const cards = await shownCards(page);
    for (const card of cards) {
      const member = sample.members.find((member) => member.name === card.name);
      expect(member, card.name).toBeDefined();
      expect(card.chips, card.name).toEqual(chipsOf(member));
    }
  };
  await expectRowsTrue();
  if (phone) await page.getByRole("button", { name: /^Filtros/ }).click();
  const facets = page.locator("#facet-sheet");
  const certification = facets.getByRole("checkbox", { name: new RegExp(`^${escape(label("certifications", "iatf-16949"))} \\d+$`) });
  const before = await page.locator(".result-count").first().textContent();
  await certification.check();
  await expect(page.locator(".result-count").first()).not.toHaveText(before);
  expect(await wronglyDimmed(page)).toEqual([]);
  // Some value must be dimmed now, or the check above proves nothing.
  await expect(facets.locator(".facet-value.empty").first()).toBeAttached();
  if (phone) await page.getByRole("button", { name: /^Mostrar \d+ resultados?$/ }).click();
  await expectRowsTrue();
  if (phone) await page.getByRole("button", { name: /^Filtros/ }).click();
  await certification.uncheck();
  await expect(page.locator(".result-count").first()).toHaveText(before);
  expect(await wronglyDimmed(page)).toEqual([]);
  if (phone) await page.getByRole("button", { name: /^Mostrar \d+ resultados?$/ }).click();
  await expectRowsTrue();
});
