// Issue 13, items 2 and 3: every page of tests/e2e/pages.mjs reflows on a phone with the
// browser's text size doubled (WCAG 1.4.4, 360×640) and on a 320 px screen at normal size
// (WCAG 1.4.10), in Spanish and English: nothing scrolls sideways, no text is cut off, no
// short word is broken in two, and the navigation stays one compact bar that never covers
// the field being typed in. The text size is the browser's own setting (CDP
// Page.setFontSizes), as a visitor sets it; the CSP would block an injected stylesheet.
import { test, expect } from "./fixtures.mjs";
import { EXPECTED_CONSOLE_ERRORS, PAGES } from "./pages.mjs";

test.use({ expectedConsoleErrors: EXPECTED_CONSOLE_ERRORS });

// Every row twice, each with its own page load; rows with a follow-up list are slow on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** Chromium's default sizes (standard 16 px, monospace 13 px), and double them. */
const NORMAL_TEXT = { standard: 16, fixed: 13 };
const DOUBLE_TEXT = { standard: 32, fixed: 26 };

/** The most of the screen's height the navigation may take, with doubled text. */
const MAX_NAV_SHARE = 0.15;

async function setTextSize(page, fontSizes) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes });
}

/**
 * What does not reflow, one readable line each: the page wider than the screen; text cut
 * off by a box that hides its overflow (tables and charts may scroll in their own box,
 * WCAG 1.4.10's exception); and a word broken in two although it is narrower than 40% of the
 * screen (a squeezed box, not a long address that must break somewhere; a break after
 * a hyphen is a break between words). Content only for screen readers (1 px boxes) is skipped. Cards the
 * browser skips while off screen (content-visibility) are laid out for the check: their
 * paint containment clips what overflows them, so cut-off text there shows only when laid out.
 */
async function reflowDefects(page) {
  return page.evaluate(() => {
    const defects = [];
    const root = document.documentElement;
    const skippedOffScreen = new Set();
    for (const element of document.body.querySelectorAll("*")) {
      if (getComputedStyle(element).contentVisibility !== "auto") continue;
      skippedOffScreen.add(element);
      element.style.contentVisibility = "visible";
    }
    if (root.scrollWidth > root.clientWidth) defects.push(`page ${root.scrollWidth} px wide in ${root.clientWidth}`);
    const describe = (element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList].map((c) => `.${c}`).join("")}`;
    const onlyForScreenReaders = (element) => {
      const box = element.getBoundingClientRect();
      return box.width <= 1 && box.height <= 1;
    };
    const shown = (element) =>
      element.checkVisibility({ visibilityProperty: true }) &&
      !element.closest(".visually-hidden") &&
      !onlyForScreenReaders(element);
    for (const element of document.body.querySelectorAll("*")) {
      if (!shown(element) || element.matches("input, textarea, select, svg, svg *, canvas")) continue;
      const style = getComputedStyle(element);
      const clips =
        ["hidden", "clip", "auto", "scroll"].includes(style.overflowX) ||
        /paint|content|strict/.test(style.contain) ||
        skippedOffScreen.has(element);
      if (!clips || element.scrollWidth <= element.clientWidth + 1) continue;
      // Two-dimensional content may scroll inside its own box.
      if (["auto", "scroll"].includes(style.overflowX) && element.querySelector("table, svg, canvas")) continue;
      // Cut off: text beyond the padding box, where the clipping happens (scrollWidth also
      // counts content that only reaches into the end padding).
      const box = element.getBoundingClientRect();
      const left = box.left + element.clientLeft;
      const right = left + element.clientWidth;
      const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const textRange = document.createRange();
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (!text.parentElement || !shown(text.parentElement) || text.data.trim() === "") continue;
        textRange.selectNodeContents(text);
        const outside = [...textRange.getClientRects()].some((rect) => rect.right > right + 1 || rect.left < left - 1);
        if (outside) {
          defects.push(`${describe(element)} cuts "${text.data.trim().slice(0, 30)}" (${element.scrollWidth} px in ${element.clientWidth})`);
          break;
        }
      }
    }
    const short = root.clientWidth * 0.4;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !shown(parent) || parent.closest("script, style, noscript")) continue;
      const measure = (start, text) => {
        range.setStart(node, start);
        range.setEnd(node, start + text.length);
        const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const width = lines.reduce((sum, rect) => sum + rect.width, 0);
        return { width, lines: new Set(lines.map((rect) => Math.round(rect.top))).size };
      };
      for (const word of node.data.matchAll(/\S+/g)) {
        if (measure(word.index, word[0]).width >= short) continue;
        for (const part of word[0].matchAll(/[^\-\u2010-\u2014]+/g)) {
          const { lines } = measure(word.index + part.index, part[0]);
          if (lines > 1) defects.push(`"${part[0]}" in ${describe(parent)} broken over ${lines} lines`);
        }
      }
    }
    return [...new Set(defects)].slice(0, 20);
  });
}

/** The boxes of the site's header and navigation, clipped to the screen. */
async function chromeBoxes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("header.site-header, nav.main-nav")]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .map((element) => {
        const box = element.getBoundingClientRect();
        const top = Math.max(0, box.top);
        const bottom = Math.min(window.innerHeight, box.bottom);
        return { top, bottom, height: Math.max(0, bottom - top) };
      })
      .filter((box) => box.height > 0),
  );
}

/** How many pixels of the screen's height the header and navigation cover (their union). */
async function chromeHeight(page) {
  const boxes = (await chromeBoxes(page)).sort((a, b) => a.top - b.top);
  let covered = 0;
  let reach = 0;
  for (const { top, bottom } of boxes) {
    if (bottom <= reach) continue;
    covered += bottom - Math.max(top, reach);
    reach = bottom;
  }
  return covered;
}

for (const [lang, locale] of [
  ["es", "es-MX"],
  ["en", "en-US"],
]) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });
    for (const row of PAGES) {
      test(`${row.name}: reflows at 200% text on 360 px and at 320 px`, async ({ page, app }) => {
        await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });

        await page.setViewportSize({ width: 360, height: 640 });
        await setTextSize(page, DOUBLE_TEXT);
        // "phone" in both projects: at these sizes the facets are the phone's sheet.
        await row.open(page, app, "phone");
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        // The text really is doubled: the app sizes its text in rem, so it follows the setting.
        expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(32);
        expect(await reflowDefects(page), "200% text, 360 px").toEqual([]);
        // The header and navigation, at the top and scrolled down: at most 15% of the height.
        const limit = 640 * MAX_NAV_SHARE;
        expect(await chromeHeight(page), "navigation height at the top, 200% text").toBeLessThanOrEqual(limit);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        expect(await chromeHeight(page), "navigation height scrolled, 200% text").toBeLessThanOrEqual(limit);

        // The second pass starts as the first did: the rows that save entries expect an empty list.
        const origin = new URL(page.url()).origin;
        await page.goto("about:blank");
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "all" });
        await page.setViewportSize({ width: 320, height: 640 });
        await setTextSize(page, NORMAL_TEXT);
        await row.open(page, app, "phone");
        expect(await reflowDefects(page), "100% text, 320 px").toEqual([]);
      });
    }

    test("the navigation never covers the field being typed in, at 200% text", async ({ page }) => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 360, height: 640 });
      await setTextSize(page, DOUBLE_TEXT);
      await page.goto("./#/follow-up");
      await page.locator("details.add-person summary").click();
      const fields = page.locator("main input:not([type=checkbox], [type=radio]), main textarea");
      const n = await fields.count();
      expect(n).toBeGreaterThan(2);
      for (let i = 0; i < n; i++) {
        // Focus moves as Tab would move it: the browser scrolls the field into view.
        await fields.nth(i).evaluate((field) => field.focus());
        const field = await fields.nth(i).boundingBox();
        for (const bar of await chromeBoxes(page)) {
          const overlap = Math.min(field.y + field.height, bar.bottom) - Math.max(field.y, bar.top);
          expect(overlap, `field ${i} under the navigation`).toBeLessThanOrEqual(0);
        }
      }
    });
  });
}
