import { test, expect, fixture } from "./fixtures.mjs";

test("the footer leads staff to every problem in a hostile file", async ({ page, app }) => {
  await app.serveDirectory(fixture("broken/hostile.json"));
  await app.open();
  // The visitor sees the members that are safe to show.
  await expect(app.memberCards()).toHaveCount(3);
  const link = page.getByRole("link", { name: /^Problemas en los datos \(\d+\)$/ });
  const count = Number((await link.textContent()).match(/\((\d+)\)/)[1]);
  expect(count).toBeGreaterThanOrEqual(25);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Problemas en los datos" })).toBeVisible();
  await expect(page.locator(".problem")).toHaveCount(count);
  await expect(page.locator(".problem-field").filter({ hasText: /^members\[0\]\.website$/ })).toHaveCount(1);
  await expect(page.locator(".problem-member").filter({ hasText: "script-co" }).first()).toBeVisible();
});

test("a clean file says so", async ({ page, app }) => {
  await app.open("#/problems");
  await expect(page.getByText("El archivo no tiene problemas.")).toBeVisible();
});

test("nothing from a hostile file becomes markup or a dangerous link", async ({ page, app }) => {
  await app.serveDirectory(fixture("broken/hostile.json"));
  await app.open("#/member/script-co");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<script>alert('name')</script>");
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  for (const href of hrefs) expect(href).toMatch(/^(#\/|https?:|mailto:|tel:)/);
  expect(await page.locator("main script, main img, main iframe, main b, main i").count()).toBe(0);
});
