import { test, expect } from "./fixtures.mjs";
import { membersWith } from "./sample.mjs";

test("a search is in the URL: shared, it opens the same results in a new page", async ({ page, app, context }) => {
  await app.open("#/?cap=stamping&sort=name");
  await page.getByRole("searchbox").fill("chihuahua");
  await expect(page).toHaveURL(/q=chihuahua/);
  const names = await app.memberCards().getByRole("link").allTextContents();
  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.locator(".member-card").first()).toBeVisible();
  expect(await other.locator(".member-card").getByRole("link").allTextContents()).toEqual(names);
  await expect(other.getByRole("searchbox")).toHaveValue("chihuahua");
  await other.close();
});

test("Back restores the previous search, and typing is one step, not one per letter", async ({ page, app }) => {
  await app.open("#/?cap=stamping");
  const stampingCount = membersWith({ capabilities: ["stamping"] }).length;
  await expect(page.locator(".result-count").first()).toHaveText(`${stampingCount} de 114 miembros`);
  await page.getByRole("searchbox").pressSequentially("aceros", { delay: 30 });
  await expect(page).toHaveURL(/q=aceros/);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.locator(".result-count").first()).toHaveText(`${stampingCount} de 114 miembros`);
  await expect(page.getByRole("searchbox")).toHaveValue("");
  await page.goForward();
  await expect(page.getByRole("searchbox")).toHaveValue("aceros");
});

test("a link with filters this directory no longer has opens with a quiet notice", async ({ page, app }) => {
  await app.open("#/?cap=teletransportacion&cap=stamping");
  await expect(page.getByRole("status").filter({ hasText: "ya no existen" })).toContainText("teletransportacion");
  await expect(page).toHaveURL(/cap=stamping$/);
  await expect(page.locator(".result-count").first()).toHaveText(
    `${membersWith({ capabilities: ["stamping"] }).length} de 114 miembros`,
  );
});
