import { test, expect, fixture } from "./fixtures.mjs";

test.use({ expectedConsoleErrors: [/Failed to load resource/] });

test("no page scrolls sideways on a 360 px phone", async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  for (const fragment of ["", "#/member/aceros-del-norte", "#/problems", "#/no-such-page"]) {
    await app.open(fragment);
    await expect(page.locator("main h1")).toBeVisible();
    expect(await app.hasNoHorizontalScroll(), `horizontal scroll at ${fragment || "the list"}`).toBe(true);
  }
  await app.serveDirectory(fixture("broken/hostile.json"));
  for (const fragment of ["#/problems", "#/member/script-co"]) {
    await page.goto("about:blank");
    await app.open(fragment);
    await expect(page.locator("main h1")).toBeVisible();
    expect(await app.hasNoHorizontalScroll(), `horizontal scroll at ${fragment} of a hostile file`).toBe(true);
  }
  await app.serveDirectory(fixture("broken/html-404.json"), { status: 404, contentType: "text/html" });
  await page.goto("about:blank");
  await app.open();
  await expect(app.errorScreen()).toBeVisible();
  expect(await app.hasNoHorizontalScroll(), "horizontal scroll on the error screen").toBe(true);
});
