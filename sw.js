// Vitrina's service worker: after one visit the app and the last directory file work
// with no network.
//
// This is a template: scripts/service-worker.mjs (a Trunk post_build hook) writes
// dist/sw.js as `const BUILD = { version, shell };` followed by this file. `shell` lists
// every file of the build (hashed wasm, js, css, index.html, boot.js, icons, manifest);
// `version` is a hash of their bytes, so any change to the app gives a new sw.js, which
// the browser installs beside the old one.
//
// Versions never mix. A new worker copies the whole new shell into a cache of its own
// before it counts as installed (one failed file fails the install, and it is tried
// again on the next visit), then waits: the old worker keeps answering from the old
// cache until no tab uses it, so a page never gets old html with new wasm. No
// skipWaiting: the new version starts on the next visit.
//
// The directory file is kept apart (one cache for every version) and answered from
// that copy first. The app asks for the server's copy by adding `?vitrina-fresh` to the
// address, and decides itself whether to offer it: the worker never swaps data under a
// page. (Not a cache mode: DevTools and test drivers rewrite those when they intercept.)

/* global BUILD */
const SCOPE = new URL(self.registration.scope);
const SHELL_PREFIX = "vitrina-shell-";
// The registration URL is part of the name: a new directory address is a new install.
const SHELL_CACHE = `${SHELL_PREFIX}${BUILD.version}-${shortHash(self.location.search)}`;
const DATA_CACHE = "vitrina-directory";
const DIRECTORY = new URL(new URL(self.location.href).searchParams.get("directory") ?? "data/directory.json", SCOPE);
DIRECTORY.hash = "";
const SHELL = new Set(BUILD.shell);
/** The query parameter by which the app asks for the server's copy of the directory. */
const FRESH = "vitrina-fresh";
/** When this copy of the directory came from the network (milliseconds since 1970). */
const FETCHED_AT = "x-vitrina-fetched-at";
/** "cache" when answered from the saved copy, "network" when just fetched. */
const SOURCE = "x-vitrina-source";

self.addEventListener("install", (event) => {
  event.waitUntil(installShell().then(keepDirectoryIfMissing));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name)),
      );
      // Only reached when no page runs an older version, so taking pages over mixes nothing;
      // on a first visit it lets the page that installed the worker work offline at once.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  const fresh = url.searchParams.has(FRESH);
  url.searchParams.delete(FRESH);
  if (sameFile(url, DIRECTORY)) {
    event.respondWith(directory(request, fresh));
    return;
  }
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === "navigate" && (path === "" || path === "index.html")) {
    event.respondWith(fromShell("index.html", request));
  } else if (SHELL.has(path)) {
    event.respondWith(fromShell(path, request));
  }
});

/** Copies every file of this version into its own cache, or fails the install. */
async function installShell() {
  const cache = await caches.open(SHELL_CACHE);
  // Hashed names never change content: the HTTP cache may answer. The others
  // (index.html, boot.js, ...) must come from the server, not from an older visit.
  const hashed = /-[0-9a-f]{1,16}[._]/;
  await cache.addAll(
    BUILD.shell.map((path) => new Request(new URL(path, SCOPE), { cache: hashed.test(path) ? "default" : "reload" })),
  );
  // If the site was replaced while this worker installed, index.html may name files of
  // the next version: refuse to keep a shell that does not hold together. The chunks of
  // the code split are named by the app's split loader (a .js of the shell), not by
  // index.html, so every text file of the shell counts as naming.
  const texts = await Promise.all(
    BUILD.shell
      .filter((path) => path === "index.html" || path.endsWith(".js"))
      .map(async (path) => (await cache.match(new URL(path, SCOPE))).text()),
  );
  const named = texts.join("\n");
  const missing = BUILD.shell.filter((path) => hashed.test(path) && !path.endsWith(".wasm.map") && !named.includes(path));
  if (missing.some((path) => /\.(js|wasm|css)$/.test(path))) {
    await caches.delete(SHELL_CACHE);
    throw new Error(`index.html does not match this build (${missing.join(", ")})`);
  }
}

/** A first visit's page was not controlled yet, so its directory request was not kept: fetch it now. */
async function keepDirectoryIfMissing() {
  const cache = await caches.open(DATA_CACHE);
  if (await cache.match(DIRECTORY)) return;
  try {
    await fetchAndKeep(new Request(DIRECTORY), cache);
  } catch {
    // Offline or refused: the next request of the page will try again.
  }
}

async function fromShell(path, request) {
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(new URL(path, SCOPE))) ?? fetch(request);
}

async function directory(request, fresh) {
  const cache = await caches.open(DATA_CACHE);
  if (!fresh) {
    const saved = await cache.match(DIRECTORY);
    if (saved) return labelled(saved, "cache");
  }
  return fetchAndKeep(request, cache);
}

/**
 * Fetches the directory and keeps it if it looks like a whole JSON object. Anything else
 * (a 404, a captive portal's HTML page, a cut-off file) still reaches the app, whose
 * error handling explains it, but never replaces the copy kept for offline use.
 */
async function fetchAndKeep(request, cache) {
  const response = await fetch(request, { cache: "no-cache" });
  if (!response.ok || response.type === "opaque") return response;
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(FETCHED_AT, String(Date.now()));
  headers.set(SOURCE, "network");
  const init = { status: response.status, statusText: response.statusText, headers };
  if (looksLikeWholeJsonObject(body, response.headers.get("content-type"))) {
    await cache.put(DIRECTORY, new Response(body, init));
  }
  return new Response(body, init);
}

/** Checks the first and last non-blank bytes only, so a 100 MB file costs nothing to check. */
function looksLikeWholeJsonObject(body, contentType) {
  if (contentType && /html/i.test(contentType)) return false;
  const bytes = new Uint8Array(body);
  const blank = (byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
  let first = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) first = 3;
  while (first < bytes.length && blank(bytes[first])) first += 1;
  let last = bytes.length - 1;
  while (last > first && blank(bytes[last])) last -= 1;
  return last > first && bytes[first] === 0x7b && bytes[last] === 0x7d;
}

function labelled(response, source) {
  const headers = new Headers(response.headers);
  headers.set(SOURCE, source);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function sameFile(a, b) {
  return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
}

function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}
