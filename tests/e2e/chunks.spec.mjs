// Issue 15, the code split: the pages the first screen does not need are wasm chunks the app
// downloads when they are opened (scripts/wasm-build.mjs, src/split.rs). On venue wifi a
// download fails or arrives damaged: the page says so in the visitor's language and offers a
// retry, and the rest of the app keeps working. After one visit every chunk is offline too.
import { readdirSync, readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

/** This build's chunks: every wasm of the app but the landing module. */
const CHUNKS = readdirSync("dist").filter((name) => /^vitrina-.+\.wasm$/.test(name) && !/^vitrina-[0-9a-f]{1,16}_bg\.wasm$/.test(name));
const CHUNK_URL = /\/vitrina\/vitrina-(?![0-9a-f]{1,16}_bg\.wasm).+\.wasm$/;

/** The split pages, how to reach them, and what shows once their chunk is there. */
const SPLIT_PAGES = [
  { path: "#/fair", ready: (page) => page.getByRole("heading", { level: 1, name: "Hoy en la feria" }) },
  { path: "#/events", ready: (page) => page.getByRole("heading", { level: 1, name: "Eventos" }) },
  { path: "#/problems", ready: (page) => page.getByRole("heading", { level: 1, name: "Problemas en los datos" }) },
  { path: "#/member/aceros-del-norte", ready: (page) => page.getByRole("heading", { level: 1, name: "Aceros del Norte" }) },
  {
    path: "#/member/aceros-del-norte/card",
    ready: (page) => page.getByRole("article", { name: "Aceros del Norte" }).getByRole("heading", { level: 1, name: "Aceros del Norte" }),
  },
  { path: "#/follow-up", ready: (page) => page.getByRole("heading", { level: 1, name: "Mi seguimiento" }) },
  { path: "#/my-company", ready: (page) => page.getByRole("heading", { level: 1, name: "Mi empresa" }) },
  { path: "#/pairs", ready: (page) => page.getByRole("heading", { level: 1, name: "Necesidades y proveedores" }) },
  { path: "#/event/paace-2027/prepare", ready: (page) => page.getByRole("heading", { level: 1, name: "Preparar la feria" }) },
  { path: "#/cluster", ready: (page) => page.getByRole("heading", { level: 1, name: "El clúster" }) },
  { path: "#/map", ready: (page) => page.getByRole("heading", { level: 1, name: "Mapa de capacidades" }) },
  { path: "#/opportunities", ready: (page) => page.getByRole("heading", { level: 1, name: "Oportunidades" }) },
  { path: "#/investment", ready: (page) => page.getByRole("heading", { level: 1, name: "Inversión planeada" }) },
];

const FAILED_ES = "Esta parte no se pudo cargar.";
const FAILED_EN = "This part could not be loaded.";

test("the build has chunks, each listed by the service worker", () => {
  expect(CHUNKS.length).toBeGreaterThan(0);
  const worker = readFileSync("dist/sw.js", "utf8");
  for (const chunk of CHUNKS) expect(worker).toContain(`"${chunk}"`);
});

test.describe("a chunk that fails to download", () => {
  // One pattern: Playwright reads a second array element as the option's settings.
  // A 503's body also fails the integrity check, and the browser says so too.
  test.use({ expectedConsoleErrors: [/503|Failed to load resource|integrity|Failed to fetch/i] });

  test("shows what failed with a retry, and loads on retry; the rest of the app keeps working", async ({ page }) => {
    // Refused until the failure shows: the app also asks for the chunk early (beside the
    // directory), and a retry of its own after that early failure would hide this one.
    let refusing = true;
    let refused = 0;
    await page.route(CHUNK_URL, (route) => {
      if (!refusing) return route.continue();
      refused += 1;
      return route.fulfill({ status: 503, body: "Service Unavailable" });
    });
    await page.goto("./#/fair");
    const failure = page.getByRole("alert").filter({ hasText: FAILED_ES });
    await expect(failure).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toHaveCount(0);
    // The header and its navigation still work while the part is missing.
    await expect(page.getByRole("banner")).toBeVisible();
    expect(refused).toBeGreaterThan(0);

    // Downloads asked for while the server refused (the app's idle prefetch of other parts
    // shares chunks with this one) end first: a Retry joins a download still in flight, and
    // one the server already answered with 503 would fail it again. On a real network the
    // requests made while it was down have failed by the time anyone taps Retry.
    await page.waitForLoadState("networkidle");
    refusing = false;
    await failure.getByRole("button", { name: "Reintentar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toBeVisible();
    await expect(failure).toHaveCount(0);
    // The app's idle prefetch may still be downloading through the route.
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  test.describe("in English", () => {
    test.use({ locale: "en-US" });

    test("says so in English", async ({ page }) => {
      await page.route(CHUNK_URL, (route) => route.fulfill({ status: 503, body: "Service Unavailable" }));
      await page.goto("./#/fair");
      const failure = page.getByRole("alert").filter({ hasText: FAILED_EN });
      await expect(failure).toBeVisible();
      await expect(failure.getByRole("button", { name: "Retry" })).toBeVisible();
      await page.unrouteAll({ behavior: "ignoreErrors" });
    });
  });
});

test.describe("a chunk altered on the way", () => {
  test.use({ expectedConsoleErrors: [/integrity|Failed to fetch|Failed to load resource/i] });

  test("is refused, never run, and the genuine one loads on retry", async ({ page }) => {
    let tampering = true;
    await page.route(CHUNK_URL, async (route) => {
      if (!tampering) return route.continue();
      const genuine = await route.fetch();
      const bytes = Buffer.from(await genuine.body());
      // A flipped bit near the end of the module: still a wasm file of the right size.
      bytes[bytes.length - 16] ^= 0x01;
      return route.fulfill({ response: genuine, body: bytes });
    });
    await page.goto("./#/fair");
    const failure = page.getByRole("alert").filter({ hasText: FAILED_ES });
    await expect(failure).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toHaveCount(0);
    // As above: altered downloads already under way end before the network is made honest.
    await page.waitForLoadState("networkidle");
    tampering = false;
    await failure.getByRole("button", { name: "Reintentar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hoy en la feria" })).toBeVisible();
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
});

test.describe("offline after one visit", () => {
  test.use({ serviceWorkers: "allow" });

  test("every split page opens with no network", async ({ page, context }) => {
    await page.goto("./");
    await expect(page.locator(".result-count")).toHaveText("114 miembros");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The worker's install finished: every chunk is in its cache.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const shell = await caches.open(names.find((name) => name.startsWith("vitrina-shell-")));
      return (await shell.keys()).map((request) => new URL(request.url).pathname.split("/").pop());
    });
    for (const chunk of CHUNKS) expect(cached).toContain(chunk);

    await context.setOffline(true);
    for (const { path, ready } of SPLIT_PAGES) {
      await page.goto(`./${path}`);
      await expect(ready(page)).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: FAILED_ES })).toHaveCount(0);
    }
    // The cluster's views are styled offline too: their stylesheet is in the worker's shell.
    const viewsRules = await page.evaluate(() => document.querySelector("link[data-vitrina-views]")?.sheet?.cssRules.length ?? 0);
    expect(viewsRules).toBeGreaterThan(0);
  });
});
