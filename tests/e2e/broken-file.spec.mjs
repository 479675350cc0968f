import { test, expect, fixture } from "./fixtures.mjs";

// The browser itself logs failed requests; these tests provoke them on purpose.
test.use({ expectedConsoleErrors: [/Failed to load resource/] });

const cases = [
  { file: "html-404.json", status: 404, contentType: "text/html", says: /404/ },
  { file: "html-404.json", status: 200, contentType: "text/html", says: /página web \(HTML\)/ },
  { file: "empty.json", says: /vacío/i },
  { file: "cut-off.json", says: /línea 5/ },
  { file: "not-json.json", says: /línea 1/ },
  { file: "format-2.json", says: /2.*1|1.*2/ },
  { file: "format-missing.json", says: /format/ },
];

for (const { file, status = 200, contentType = "application/json", says } of cases) {
  test(`${file} served with ${status} shows the error screen`, async ({ page, app }) => {
    await app.serveDirectory(fixture(`broken/${file}`), { status, contentType });
    await app.open();
    const screen = app.errorScreen();
    await expect(screen.getByRole("heading", { name: "No se pudo cargar el directorio" })).toBeVisible();
    await expect(screen.locator(".fetched-url")).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/vitrina\/data\/directory\.json$/);
    await expect(screen.locator(".error-message")).toHaveText(says);
    await expect(screen.locator(".error-advice")).not.toBeEmpty();
  });
}

test("the error screen follows the language switch", async ({ page, app }) => {
  await app.serveDirectory(fixture("broken/cut-off.json"));
  await app.open();
  await (await app.languageButton("English")).click();
  await expect(app.errorScreen().getByRole("heading", { name: "The directory could not be loaded" })).toBeVisible();
  await expect(app.errorScreen().locator(".error-message")).toHaveText(/line 5/);
});

test("a network failure can be retried", async ({ page, app }) => {
  let attempts = 0;
  await page.route("**/vitrina/data/directory.json", async (route) => {
    attempts += 1;
    if (attempts === 1) await route.abort("internetdisconnected");
    else await route.continue();
  });
  await app.open();
  await expect(app.errorScreen().locator(".error-advice")).toContainText("Revise su conexión");
  await page.getByRole("button", { name: "Reintentar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  expect(attempts).toBe(2);
});
