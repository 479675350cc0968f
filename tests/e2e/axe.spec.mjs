// Every page in the table of tests/e2e/pages.mjs passes axe-core (WCAG 2.0/2.1 A and AA
// plus best practices) with no violation, in Spanish and English, light and dark.
// On the phone, every control is at least 44 px and nothing scrolls sideways (issue 6).
import { test, expect } from "./fixtures.mjs";
import { EXPECTED_CONSOLE_ERRORS, PAGES } from "./pages.mjs";
import { axeViolations, scrollsSideways, smallTargets } from "./a11y.mjs";

test.use({ expectedConsoleErrors: EXPECTED_CONSOLE_ERRORS });

// A time budget for axe, not for the app: two axe runs over the whole list (40 rows, 233
// facet values) took 11–13 s of a test's time with 2 busy cores (stress-ng --cpu 2 beside
// other builds), and ran past the default 30 s on a busier machine (issue 12).
test.describe.configure({ timeout: 90_000 });

for (const [lang, locale] of [
  ["es", "es-MX"],
  ["en", "en-US"],
]) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });
    for (const row of PAGES) {
      test(`${row.name}: no axe violations, light and dark`, async ({ page, app }, testInfo) => {
        await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
        await row.open(page, app, testInfo.project.name);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        expect(await axeViolations(page), "light").toEqual([]);
        await page.emulateMedia({ colorScheme: "dark" });
        expect(await axeViolations(page), "dark").toEqual([]);
        if (testInfo.project.name === "phone") {
          expect(await smallTargets(page), "touch targets under 44 px").toEqual([]);
          expect(await scrollsSideways(page), "scrolls sideways").toBe(false);
        }
      });
    }
  });
}
