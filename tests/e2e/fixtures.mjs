// Shared fixtures: every test fails on a console error, an uncaught exception or a
// Content-Security-Policy violation, unless it declares the errors it expects.
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Bytes of a file under tests/fixtures/. */
export function fixture(path) {
  return readFileSync(resolve("tests/fixtures", path));
}

export const DIRECTORY_URL = "**/vitrina/data/directory.json";

export const test = base.extend({
  // Messages matching one of these patterns are expected by the test (e.g. a 404 it provokes).
  expectedConsoleErrors: [[], { option: true }],

  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems = [];
    await watchForProblems(page, expectedConsoleErrors, problems);
    await use(page);
    expect(problems, "console errors, page errors or CSP violations").toEqual([]);
  },

  /** Opens another tab in the same browser context (same storage), with the same checks as `page`. */
  newTab: async ({ context, expectedConsoleErrors }, use) => {
    const problems = [];
    await use(async () => {
      const tab = await context.newPage();
      await watchForProblems(tab, expectedConsoleErrors, problems);
      return tab;
    });
    expect(problems, "console errors, page errors or CSP violations in the other tab").toEqual([]);
  },

  /**
   * Opens a page in a browser context of its own (fresh storage: another device or
   * browser), with the project's settings and the same console checks as `page`.
   */
  newVisitor: async ({ browser, expectedConsoleErrors }, use, testInfo) => {
    const contexts = [];
    const problems = [];
    const { baseURL, locale, viewport, deviceScaleFactor, isMobile, hasTouch, serviceWorkers } = testInfo.project.use;
    await use(async (options = {}) => {
      const context = await browser.newContext({
        baseURL,
        locale,
        viewport,
        deviceScaleFactor,
        isMobile,
        hasTouch,
        serviceWorkers,
        ...options,
      });
      contexts.push(context);
      const page = await context.newPage();
      await watchForProblems(page, expectedConsoleErrors, problems);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
    expect(problems, "console errors, page errors or CSP violations in the new visitor's browser").toEqual([]);
  },

  /** The app, with helpers phrased as a visitor would act. */
  app: async ({ page }, use) => {
    await use(new VitrinaApp(page));
  },
});

export { expect };

/** Records console errors (unless expected), uncaught exceptions and CSP violations of `page` in `problems`. */
async function watchForProblems(page, expectedConsoleErrors, problems) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export class VitrinaApp {
  constructor(page) {
    this.page = page;
  }

  /** Serves `body` as the directory file instead of the sample. */
  async serveDirectory(body, { status = 200, contentType = "application/json" } = {}) {
    await this.page.route(DIRECTORY_URL, (route) => route.fulfill({ status, contentType, body }));
  }

  async open(fragment = "") {
    await this.page.goto(`./${fragment}`);
  }

  memberCards() {
    return this.page.locator(".member-card");
  }

  /** Waits until the first directory load is over, shown or failed (the app marks `<html data-vitrina-ready>`). */
  async loaded() {
    await this.page.locator("html[data-vitrina-ready]").waitFor({ state: "attached" });
  }

  /**
   * Waits until the list is whole: loaded, with `rows` result rows and `facetValues` facet
   * values built. After the first results, the other rows and the facets come a few per task,
   * so a check of the whole page (axe, layout shift) made sooner sees part of it.
   */
  async listBuilt({ rows, facetValues }) {
    await this.loaded();
    await expect(this.memberCards()).toHaveCount(rows);
    await expect(this.page.locator("#facet-sheet .facet-value")).toHaveCount(facetValues);
  }

  errorScreen() {
    return this.page.getByRole("alert");
  }

  /**
   * The language switch's button named `name` ("English", "Español"). On a phone it lives
   * in the navigation bar's "Más" panel (issue 13), which this opens first.
   */
  async languageButton(name) {
    const more = this.page.getByRole("navigation").getByRole("button", { name: /^(Más|More)$/ });
    const button = this.page.getByRole("button", { name, exact: true });
    // The app's header first: right after `open()` the page may still show index.html's boot
    // header, which has neither, and a phone then never opened the panel (a flaky test, once
    // in about 450 tests of `make test`).
    await more.or(button).first().waitFor({ state: "visible" });
    if (!(await button.isVisible())) await more.click();
    return button;
  }

  async hasNoHorizontalScroll() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  }
}
