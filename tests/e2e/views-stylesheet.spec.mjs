// Issue 16: the cluster's views and matchmaking have their own stylesheet, downloaded when one
// of them first opens (scripts/views-stylesheet.mjs): the member list never waits for it, and
// a stylesheet that does not arrive leaves those views readable, never broken.
import { test, expect } from "./fixtures.mjs";

const VIEWS_CSS = /\/vitrina-views-[0-9a-f]+\.css$/;

/** The views' stylesheet on the page: its address and how many rules it applied (null: none). */
const viewsSheet = (page) =>
  page.evaluate(() => {
    const link = document.querySelector("link[data-vitrina-views]");
    if (!link) return null;
    let rules = 0;
    try {
      rules = link.sheet?.cssRules.length ?? 0;
    } catch {
      rules = -1;
    }
    return { href: link.href, integrity: link.integrity, rules };
  });

test("the list does not load the views' stylesheet; the cluster's views load and apply it", async ({ page, app }) => {
  const requested = [];
  page.on("request", (request) => VIEWS_CSS.test(request.url()) && requested.push(request.url()));
  await app.open();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  expect(await viewsSheet(page)).toBeNull();
  expect(requested).toEqual([]);

  await page.locator(".main-nav .nav-cluster").click();
  await expect(page.locator("main h1")).toBeVisible();
  const sheet = await viewsSheet(page);
  expect(sheet.href).toMatch(VIEWS_CSS);
  expect(sheet.integrity).toMatch(/^sha384-/);
  expect(sheet.rules).toBeGreaterThan(0);
  // Once: another view of the cluster reuses it.
  await page.goto("./#/map");
  await expect(page.locator("main h1")).toBeVisible();
  expect(await page.locator("link[data-vitrina-views]").count()).toBe(1);
  expect(requested).toHaveLength(1);
});

test.describe("a views' stylesheet that does not download", () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test("leaves the view readable and the app working, and the next view asks again", async ({ page, app }) => {
    let blocked = true;
    await page.route(VIEWS_CSS, (route) => (blocked ? route.abort("internetdisconnected") : route.fallback()));
    await app.open("#/cluster");
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.locator("main a[href='#/map']").first()).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
    // No rule of it applies, and the failed link is gone.
    expect(await viewsSheet(page)).toBeNull();
    // The rest of the app goes on.
    await page.locator(".main-nav .nav-directory").click();
    await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
    // Back online, the next view of the cluster gets its stylesheet.
    blocked = false;
    await page.locator(".main-nav .nav-cluster").click();
    await expect(page.locator("main h1")).toBeVisible();
    await expect.poll(async () => (await viewsSheet(page))?.rules ?? 0).toBeGreaterThan(0);
  });
});
