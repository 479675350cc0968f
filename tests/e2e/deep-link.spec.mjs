import { test, expect } from "./fixtures.mjs";

test("a member's link opens its profile and survives a reload under a sub-path", async ({ page, app }) => {
  await app.open("#/member/aceros-del-norte");
  await expect(page.getByRole("heading", { level: 1, name: "Aceros del Norte" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/vitrina/");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Aceros del Norte" })).toBeVisible();
  await expect(page).toHaveTitle(/^Aceros del Norte · /);
});

test("from the list to a profile and back", async ({ page, app }) => {
  await app.open();
  const first = app.memberCards().first().getByRole("link");
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
});

test("an unknown member id shows a quiet notice, not a crash", async ({ page, app }) => {
  await app.open("#/member/no-existe-ya");
  await expect(page.getByText("Este miembro no está en el directorio actual")).toBeVisible();
  await page.getByRole("link", { name: "Volver al directorio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
});

// Issue 5: the list is kept (hidden) while a profile opened from it is shown, so Back
// shows the very same list, with its rows, without rebuilding it.
test("Back from a profile shows the same list, not a rebuilt one", async ({ page, app }) => {
  await app.open("#/?q=aceros");
  const first = app.memberCards().first();
  await expect(first).toBeVisible();
  await first.evaluate((node) => (node.dataset.testMark = "kept"));
  await first.getByRole("link").click();
  await expect(page.locator("#profile-name")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("searchbox")).toBeHidden();
  await page.goBack();
  await expect(page.getByRole("searchbox")).toHaveValue("aceros");
  await expect(app.memberCards().first()).toHaveAttribute("data-test-mark", "kept");
});
