// Issue 15: a part of the app whose chunk does not download says so, in the visitor's
// language, with a Retry that loads it, while the rest of the app keeps working. The
// chunk's download fails as on venue wifi that dropped, until the test lets it through.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, download, exportButton, openList, saveButton } from "./follow-up.mjs";

// The browser and the chunk loader log each failed download.
test.use({ expectedConsoleErrors: [/Failed to load resource|Failed to fetch/] });

/** Makes the download of split module `chunk` fail while `blocked.on` is true. */
async function blockChunk(page, chunk) {
  const blocked = { on: true, requests: 0 };
  await page.route(new RegExp(`/vitrina-split_${chunk}-[0-9a-f]+\\.wasm$`), (route) => {
    blocked.requests += 1;
    return blocked.on ? route.abort("internetdisconnected") : route.fallback();
  });
  return blocked;
}

test("a profile whose chunk fails says so, the header still works, and Retry opens it", async ({ page, app }) => {
  const blocked = await blockChunk(page, "member");
  await page.goto(`./#/member/${ACEROS.id}`);
  const failure = page.getByRole("alert").filter({ hasText: "Esta parte no se pudo cargar." });
  await expect(failure).toBeVisible();
  // Only the part failed: the header's language switch works, and the message follows it.
  await (await app.languageButton("English")).click();
  await expect(failure).toHaveCount(0);
  await expect(page.getByRole("alert").filter({ hasText: "This part could not be loaded." })).toBeVisible();
  // A thumb's target, and the keyboard's: focused and pressed with Enter.
  const retry = page.getByRole("button", { name: "Retry" });
  expect((await retry.boundingBox()).height).toBeGreaterThanOrEqual(44);
  blocked.on = false;
  await retry.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: ACEROS.name })).toBeVisible();
  // The button went with the failure; the keyboard goes on from the page's content.
  await expect(page.locator("#main")).toBeFocused();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(blocked.requests).toBeGreaterThanOrEqual(2);
});

test("an export whose writers do not download says so, and Retry downloads the file", async ({ page }) => {
  await page.goto(`./#/member/${ACEROS.id}`);
  await saveButton(page, ACEROS.name).click();
  const blocked = await blockChunk(page, "exports");
  await openList(page);
  await exportButton(page, "CSV").click();
  const failure = page.getByRole("alert").filter({ hasText: "Esta parte no se pudo cargar." });
  await expect(failure).toBeVisible();
  // The list itself is there and keeps working.
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  blocked.on = false;
  const csv = await download(page, failure.getByRole("button", { name: "Reintentar" }));
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text).toContain(ACEROS.name);
  await expect(failure).toHaveCount(0);
});
