import { test, expect, fixture } from "./fixtures.mjs";

// Issue 13, item 5: what the browser's own JSON reader accepts loads. One string with a lone
// surrogate escape ("\ud800", as JSON.parse and many spreadsheet exporters produce) used to
// refuse the whole file; now every member loads and the problems view lists that one field.
test("a file with one lone surrogate in a name loads every member and lists that field", async ({ page, app }) => {
  await app.serveDirectory(fixture("broken/lone-surrogate.json"));
  await app.open();
  await expect(app.memberCards()).toHaveCount(3);
  await expect(app.memberCards().filter({ hasText: "Forjas \u{FFFD} del Bajío" })).toHaveCount(1);
  await page.getByRole("link", { name: "Problemas en los datos (1)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Problemas en los datos" })).toBeVisible();
  const problem = page.locator(".problem");
  await expect(problem).toHaveCount(1);
  await expect(problem.locator(".problem-member")).toHaveText("forjas-bajio");
  await expect(problem.locator(".problem-field")).toHaveText("members[1].name");
  await expect(problem.locator(".problem-what")).toContainText("media pareja sustituta");
  await expect(problem.locator(".problem-action")).toHaveText("se leyó con \u{FFFD} en su lugar");
  // On phones the language switch is in the navigation bar's "Más" panel.
  await (await app.languageButton("English")).click();
  await expect(problem.locator(".problem-what")).toContainText("half a surrogate pair");
  await expect(problem.locator(".problem-action")).toHaveText("read with \u{FFFD} in its place");
});
