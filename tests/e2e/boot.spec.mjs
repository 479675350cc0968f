// What the page shows before the app runs: its own header and a loading line while the
// wasm downloads (painted with the page itself), and a plain message if it cannot start.
import { test, expect, fixture } from "./fixtures.mjs";
import { ACEROS, entry, saveMemberFromProfile } from "./follow-up.mjs";

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

test("on the member list the directory file downloads alongside the wasm, not after it", async ({ page }) => {
  let directoryRequested;
  const requested = new Promise((resolve) => (directoryRequested = resolve));
  // The wasm is held until the file was asked for: fetched only after the wasm, it never
  // would be, and the test runs out of time here (however slow the machine, not after 5 s).
  await page.route(/_bg\.wasm$/, async (route) => {
    await requested;
    await route.continue();
  });
  await page.route(/data\/directory\.json$/, async (route) => {
    directoryRequested();
    await route.continue();
  });
  await page.goto("./");
  await expect(page.locator(".member-card").first()).toBeVisible();
});

test.describe(() => {
  // The service worker would answer the second load from its cache, unseen by page.route.
  test.use({ serviceWorkers: "block" });

  test("the follow-up list shows its entries first and fetches the directory after", async ({ page }) => {
    await saveMemberFromProfile(page, ACEROS);
    // Only the fragment changes: the same document shows the list, and a reload starts afresh.
    await page.goto("./#/follow-up");
    let requests = 0;
    await page.route(/data\/directory\.json$/, async (route) => {
      requests += 1;
      await route.continue();
    });
    // While the wasm is held back, nothing may ask for the file: boot.js would at once.
    await page.route(/_bg\.wasm$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(requests, "no directory request while the app downloads").toBe(0);
      await route.continue();
    });
    await page.reload();
    await expect(entry(page, ACEROS.name)).toBeVisible();
    // The file still comes, to refresh what the entries show.
    await expect.poll(() => requests).toBe(1);
  });
});

test.describe(() => {
  test.use({ serviceWorkers: "block" });

  // boot.js runs before the wasm and decides in JavaScript which pages get the early directory
  // request; the app decides in Rust (Route::shows_without_directory) which pages fetch it
  // later. One table feeds both checks, so the two cannot drift apart unseen.
  const table = JSON.parse(fixture("routes/shown-without-directory.json"));
  const cases = [
    ...table.without_directory.map((fragment) => [fragment, false]),
    ...table.with_directory.map((fragment) => [fragment, true]),
  ];
  test("boot.js starts the early directory request on exactly the pages the app does not show without it", async ({
    page,
  }) => {
    expect(cases.length).toBeGreaterThan(0);
    for (const [fragment, early] of cases) {
      let wasmRequested;
      const requested = new Promise((resolve) => (wasmRequested = resolve));
      // boot.js decides before it imports the glue, which then asks for the wasm: once the
      // wasm is asked for, the decision is made. The wasm is never served (a 404, as in the
      // test above, with its expected console errors): the app stays out.
      await page.route(/_bg\.wasm$/, async (route) => {
        wasmRequested();
        await route.fulfill({ status: 404, body: "not here" });
      });
      // A new document each time: from one fragment to another the page would not load again.
      await page.goto("about:blank");
      await page.goto(`./${fragment}`);
      await requested;
      const started = await page.evaluate(() => globalThis.vitrinaEarlyDirectory !== undefined);
      expect(started, `early directory request on "${fragment}"`).toBe(early);
      await page.unroute(/_bg\.wasm$/);
    }
  });
});
