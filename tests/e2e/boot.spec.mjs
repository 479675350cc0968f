// What the page shows before the app runs: its own header and a loading line while the
// wasm downloads (painted with the page itself), and a plain message if it cannot start.
import { test, expect } from "./fixtures.mjs";

// One pattern: Playwright reads a two-element array option as [value, options].
test.use({ expectedConsoleErrors: [/Failed to load resource|WebAssembly|wasm|Vitrina could not start/i] });

test("while the wasm downloads the page already shows its header and a loading line", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./");
  await expect(page.locator(".boot-shell .brand")).toHaveText("Vitrina");
  await expect(page.locator(".boot-shell .loading")).toHaveText("Cargando… Loading…");
  release();
  // The app takes the page over: one header, the first results, no loading line left.
  await expect(page.locator(".member-card").first()).toBeVisible();
  await expect(page.locator(".boot-shell")).toHaveCount(0);
  await expect(page.locator("header.site-header")).toHaveCount(1);
});

test("a wasm that cannot be fetched says the app could not start, in both languages", async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "not here" }));
  await page.goto("./");
  const failure = page.getByRole("alert");
  await expect(failure).toContainText("Vitrina no pudo iniciar en este navegador.");
  await expect(failure).toContainText("Vitrina could not start in this browser.");
  // The loading line would say the opposite.
  await expect(page.locator(".boot-shell .loading")).toHaveCount(0);
});
