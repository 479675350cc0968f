import { test, expect, fixture } from "./fixtures.mjs";
import { SAMPLE_LIST } from "./sample.mjs";

test.use({ expectedConsoleErrors: [/Failed to load resource/] });

test("no page scrolls sideways on a 360 px phone", async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  for (const fragment of [
    "",
    "#/?q=estampado&cap=stamping&sort=employees",
    "#/member/aceros-del-norte",
    "#/events",
    "#/event/paace-2027",
    "#/problems",
    "#/no-such-page",
  ]) {
    await app.open(fragment);
    // `:visible`: a profile opened from the list keeps the list alive, hidden, for Back (issue 5).
    await expect(page.locator("main h1:visible")).toBeVisible();
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

test("on a phone the filters open in a full-screen sheet with a results button", async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await app.open();
  const facets = page.locator("#facet-sheet");
  await expect(facets).toBeHidden();
  await page.getByRole("button", { name: "Filtros" }).click();
  const sheet = page.getByRole("dialog", { name: "Filtros" });
  await expect(sheet).toBeVisible();
  expect(await app.hasNoHorizontalScroll()).toBe(true);
  await sheet.getByRole("checkbox", { name: /^Tier 1 \d+$/ }).check();
  const show = sheet.getByRole("button", { name: /^Mostrar \d+ resultados?$/ });
  const n = Number((await show.textContent()).match(/\d+/)[0]);
  await show.click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("button", { name: "Filtros (1)" })).toBeFocused();
  await expect(page.locator(".result-count").first()).toHaveText(`${n} de 114 miembros`);
  await page.getByRole("button", { name: "Filtros (1)" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("nothing on screen jumps while the list, a profile or the follow-up list loads", async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  // Every layout shift not caused by the visitor, from the first paint on (the boot shell
  // giving way to the app, rows and facets arriving task by task).
  await page.addInitScript(() => {
    globalThis.layoutShift = 0;
    const add = (entries) => {
      for (const entry of entries) if (!entry.hadRecentInput) globalThis.layoutShift += entry.value;
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: "layout-shift", buffered: true });
    // The total once the frames painted so far are measured: a frame's shifts are recorded
    // as it renders, and reach the observer's callback only in a later task.
    globalThis.layoutShiftSoFar = async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      add(observer.takeRecords());
      return globalThis.layoutShift;
    };
  });
  // Each page's last step: the list's whole first page and every facet value; a profile's
  // similar members (after the search index); the follow-up list's directory load.
  const pages = [
    { fragment: "", built: () => app.listBuilt(SAMPLE_LIST) },
    { fragment: "#/member/aceros-del-norte", built: () => expect(page.locator(".similar")).toBeVisible() },
    { fragment: "#/follow-up", built: () => app.loaded() },
  ];
  for (const { fragment, built } of pages) {
    await page.goto("about:blank");
    await page.goto(`./${fragment}`);
    await expect(page.locator("main h1:visible")).toBeVisible();
    await app.loaded();
    await built();
    const shift = await page.evaluate(() => globalThis.layoutShiftSoFar());
    expect(shift, `layout shift at ${fragment || "the list"}`).toBeLessThan(0.01);
  }
});
