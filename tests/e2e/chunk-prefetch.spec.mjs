// Issue 15: the code of a profile and of the follow-up list is in chunks; once the list is
// on screen and the browser idle, both are fetched, so that opening them from the list does
// not wait for a download (on venue wifi, a round trip or several).
import { test, expect } from "./fixtures.mjs";

test("the list fetches the profile's and the follow-up list's chunks once it is shown", async ({ page, app }) => {
  const member = page.waitForRequest(/\/vitrina-split_member-[0-9a-f]+\.wasm$/);
  const followUp = page.waitForRequest(/\/vitrina-split_follow_up-[0-9a-f]+\.wasm$/);
  await app.open();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  await Promise.all([member, followUp]);
  // The rare pages are not fetched for nothing.
  const rare = [];
  page.on("request", (request) => /vitrina-split_(problems|received|exports)-/.test(request.url()) && rare.push(request.url()));
  const first = app.memberCards().first().getByRole("link");
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(rare).toEqual([]);
});
