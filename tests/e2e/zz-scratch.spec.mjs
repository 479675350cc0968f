import { test, expect } from "./fixtures.mjs";
test("scratch", async ({ page }) => {
  await page.goto("./#/member/aceros-del-norte");
  await expect(page.locator("h1")).toBeVisible();
  console.log(await page.locator("main").ariaSnapshot());
  await page.getByRole("button", { name: /Guardar \(Ana Lucía/ }).click();
  await page.goto("./#/follow-up");
  await expect(page.locator("h1")).toBeVisible();
  console.log(await page.locator("body").ariaSnapshot());
});
