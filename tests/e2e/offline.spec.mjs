// Issue 6, "Offline and installable": after one visit the service worker keeps the app and
// the directory, so with no network the whole app still works; back online, a newer
// directory file is offered, never swapped in silently.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { sample } from "./sample.mjs";
import { ACEROS, download, entry, exportButton, openList, saveButton } from "./follow-up.mjs";

// The one spec family where the worker runs (playwright.config.mjs blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

/** The directory file, also as the app asks for the server's copy (`?vitrina-fresh=1`). */
const DIRECTORY_URL = /\/vitrina\/data\/directory\.json(\?.*)?$/;

/** The version the build wrote into dist/sw.js (scripts/service-worker.mjs). */
const BUILD_VERSION = readFileSync("dist/sw.js", "utf8").match(/"version": "([0-9a-f]{16})"/)[1];

/** Loads the app once, online, and waits until the worker answers for the page. */
async function visitOnce(page) {
  await page.goto("./");
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("after one visit the app works with no network: search, profile, follow-up, export", async ({ page, context }) => {
  const origin = new URL(test.info().project.use.baseURL).origin;
  const foreign = [];
  context.on("request", (request) => {
    if (new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
  await visitOnce(page);
  // One cache for this build's shell, named after its version, and the directory beside it.
  const caches = await page.evaluate(() => caches.keys());
  expect(caches.filter((name) => name.startsWith("vitrina-shell-"))).toEqual([
    expect.stringMatching(new RegExp(`^vitrina-shell-${BUILD_VERSION}-[0-9a-f]+$`)),
  ]);
  expect(caches).toContain("vitrina-directory");

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  const offline = page.getByRole("status").filter({ hasText: "Sin conexión" });
  await expect(offline).toContainText("la búsqueda, los perfiles y su lista siguen funcionando con los datos guardados");
  await expect(offline).toContainText(/Datos descargados hoy a las \d\d:\d\d\./);
  await expect(page.locator(".site-footer")).toContainText("Datos actualizados el 20 de noviembre de 2026");

  await page.getByRole("searchbox", { name: "Buscar en el directorio" }).fill("norte acer");
  await expect(page.locator(".member-card").first().getByRole("link")).toHaveText(ACEROS.name);
  await page.locator(".member-card").first().getByRole("link", { name: ACEROS.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACEROS.name })).toBeVisible();
  await saveButton(page, ACEROS.name).click();
  await expect(saveButton(page, ACEROS.name, { saved: true })).toBeVisible();

  await openList(page);
  await expect(entry(page, ACEROS.name)).toBeVisible();
  const csv = await download(page, exportButton(page, "CSV"));
  expect(csv.text).toContain(ACEROS.name);
  const vcard = await download(page, exportButton(page, "vCard"));
  expect(vcard.text).toContain("BEGIN:VCARD");

  // A deep link opened cold, still offline, is answered by the worker too.
  await page.goto(`./#/member/${ACEROS.id}`);
  await expect(saveButton(page, ACEROS.name, { saved: true })).toBeVisible();
  expect(foreign, "requests to other origins").toEqual([]);
});

test("back online, a newer directory is offered and shown only when the visitor asks", async ({ page, context }) => {
  await visitOnce(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Sin conexión" })).toBeVisible();

  // The staff publish a new file: one member renamed. context.route sees the worker's requests.
  const renamed = "Aceros del Norte Renovado";
  const newer = structuredClone(sample);
  newer.members.find((member) => member.id === ACEROS.id).name = renamed;
  let served = 0;
  await context.route(DIRECTORY_URL, (route) => {
    served += 1;
    return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(newer) });
  });

  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Sin conexión" })).toHaveCount(0);
  const notice = page.getByRole("status").filter({ hasText: "Hay datos más recientes del directorio." });
  await expect(notice).toBeVisible();
  expect(served).toBeGreaterThan(0);
  // Nothing changed under the visitor meanwhile.
  const firstName = page.locator(".member-card").first().getByRole("link");
  await page.getByRole("searchbox", { name: "Buscar en el directorio" }).fill("norte acer");
  await expect(firstName).toHaveText(ACEROS.name);

  await notice.getByRole("button", { name: "Usar los datos nuevos" }).click();
  await expect(notice).toHaveCount(0);
  await expect(firstName).toHaveText(renamed);
  // The search survived the swap, and the footer says the data was just downloaded.
  await expect(page.getByRole("searchbox", { name: "Buscar en el directorio" })).toHaveValue("norte acer");
  await expect(page.locator(".site-footer")).toContainText(/Datos descargados hoy a las \d\d:\d\d/);

  // The next visit starts from the newer copy, with nothing left to offer.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Buscar en el directorio" })).toHaveValue("norte acer");
  await expect(firstName).toHaveText(renamed);
  await expect(page.locator(".result-count")).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("a captive portal's page does not replace the saved directory", async ({ page, context }) => {
  await visitOnce(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  await context.route(DIRECTORY_URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Wi-Fi login</title>" }),
  );
  // Back online, the background check gets the portal's page (the worker answers the
  // page only after deciding whether to keep it). Nothing is offered.
  const portal = page.waitForResponse(
    (response) => DIRECTORY_URL.test(response.url()) && /html/.test(response.headers()["content-type"] ?? ""),
  );
  await context.setOffline(false);
  await portal;
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  // Offline again, the next visit still has the directory, not the portal's page.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  await expect(page.getByRole("status").filter({ hasText: "Hay datos más recientes" })).toHaveCount(0);
});
