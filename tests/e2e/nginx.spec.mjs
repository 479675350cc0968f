// Issue 14, "Publishing": the nginx configuration in docs/hosting.md, served by Debian's
// nginx (tests/e2e/nginx-site.mjs includes docs/hosting/nginx.conf as it is). The offline
// and deep-link journeys run against it too (playwright.config.mjs, project "nginx");
// this file checks what only the server decides: headers, caching and compression.
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { test, expect } from "./fixtures.mjs";
import { findNginx } from "./nginx-site.mjs";

test.skip(!findNginx(), "nginx is not installed: `scripts/ensure-tools.sh test` installs Debian's nginx and its brotli module");

/** index.html's own policy (its meta tag), which the header must repeat, plus what only a header can say. */
const META_POLICY = readFileSync("dist/index.html", "utf8").match(
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/,
)[1];
const HEADER_POLICY = `${META_POLICY}; frame-ancestors 'none'`;
const NO_CACHE = "no-cache";
const LONG_CACHE = "public, max-age=31536000, immutable";

/** The file in `folder` of dist/ whose name matches `pattern` (the build puts a content hash in it). */
function hashed(pattern, folder = "") {
  const name = readdirSync(`dist/${folder}`).find((file) => pattern.test(file));
  if (!name) throw new Error(`no file in dist/${folder} matches ${pattern}`);
  return `${folder}${name}`;
}
const WASM = hashed(/^vitrina-[0-9a-f]{1,16}_bg\.wasm$/);
const JS = hashed(/^vitrina-[0-9a-f]{1,16}\.js$/);
const CSS = hashed(/^main-[0-9a-f]{1,16}\.css$/);
// The staff page, the second build copied into dist/staff/.
const STAFF_WASM = hashed(/^vitrina-staff-[0-9a-f]{1,16}_bg\.wasm$/, "staff/");
const STAFF_CSS = hashed(/^staff-[0-9a-f]{1,16}\.css$/, "staff/");

/** GETs `path` under the project's base URL as nginx answers it: status, headers and the raw body. */
function fetchRaw(path, headers = {}) {
  const url = new URL(path, test.info().project.use.baseURL);
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

test("every page and the worker carry the app's Content-Security-Policy, with frame-ancestors", async () => {
  for (const path of ["./", "index.html", "sw.js", "data/directory.json", "staff/", "staff/staff-worker.js"]) {
    const response = await fetchRaw(path);
    expect(response.status, path).toBe(200);
    expect(response.headers["content-security-policy"], path).toBe(HEADER_POLICY);
    expect(response.headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("index.html, sw.js and the directory are revalidated; hashed files are kept a year", async () => {
  for (const path of [
    "./",
    "index.html",
    "sw.js",
    "data/directory.json",
    "data/directory.json?vitrina-fresh=1",
    "boot.js",
    "staff/",
    "staff/staff-worker.js",
  ]) {
    expect((await fetchRaw(path)).headers["cache-control"], path).toBe(NO_CACHE);
  }
  for (const path of [WASM, JS, CSS, STAFF_WASM, STAFF_CSS]) {
    const response = await fetchRaw(path);
    expect(response.status, path).toBe(200);
    expect(response.headers["cache-control"], path).toBe(LONG_CACHE);
    expect(response.headers["x-content-type-options"], path).toBe("nosniff");
  }
  // The browser compiles the wasm while it downloads only when its type is right.
  expect((await fetchRaw(WASM)).headers["content-type"]).toBe("application/wasm");
  expect((await fetchRaw("manifest.webmanifest")).headers["content-type"]).toBe("application/manifest+json");
});

test("brotli when the browser asks for it, gzip otherwise, and the same bytes either way", async () => {
  for (const [path, file] of [
    [WASM, WASM],
    [JS, JS],
    [CSS, CSS],
    ["data/directory.json", "data/directory.json"],
    ["./", "index.html"],
  ]) {
    const original = readFileSync(`dist/${file}`);
    const brotli = await fetchRaw(path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"], path).toBe("br");
    expect(brotli.headers.vary, path).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(brotli.body).equals(original), `${path} decompressed from brotli`).toBe(true);

    const gzip = await fetchRaw(path, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"], path).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(original), `${path} decompressed from gzip`).toBe(true);

    const plain = await fetchRaw(path);
    expect(plain.headers["content-encoding"], path).toBeUndefined();
    expect(plain.body.equals(original), `${path} uncompressed`).toBe(true);
  }
});

test("the sub-path without its slash is redirected to the app", async () => {
  const response = await fetchRaw("/vitrina");
  expect(response.status).toBe(301);
  expect(new URL(response.headers.location).pathname).toBe("/vitrina/");
});

test("the app runs under nginx's policy with no violation", async ({ page, app }) => {
  // The fixture fails the test on any CSP violation: the header's policy and the meta's agree.
  await app.open(`#/member/aceros-del-norte`);
  await expect(page.getByRole("heading", { level: 1, name: "Aceros del Norte" })).toBeVisible();
});

test("the staff page runs under the same policy with no violation", async ({ page }) => {
  await page.goto("staff/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test.describe("framed by another page", () => {
  // The browser says so on the console when it refuses the frame: that is the point here.
  test.use({ expectedConsoleErrors: [/frame-ancestors/] });

  test("the app cannot be shown inside another site's frame", async ({ page }) => {
    const appUrl = test.info().project.use.baseURL;
    await page.setContent(`<iframe title="framed" src="${appUrl}"></iframe>`);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect.poll(() => framed.url()).not.toBe("about:blank");
    expect(framed.url()).not.toBe(appUrl);
    await expect(page.frameLocator("iframe").locator(".boot-shell, .result-count")).toHaveCount(0);
  });
});
