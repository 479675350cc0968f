// Starts the app without any inline script, so the Content-Security-Policy can
// forbid inline code entirely. The build (scripts/wasm-build.mjs) writes the hashed
// file names into this script tag's data attributes.
const tag = document.querySelector("script[data-vitrina-js]");

// The directory file is fetched now, while the wasm downloads and compiles, instead of
// after: the app takes this request over (src/adapters/directory_fetch.rs). The URL comes
// from the one place that sets it, the vitrina-directory meta tag, resolved like the app
// does; the request is the app's own (cache: "no-cache"), so a service worker or the HTTP
// cache answers it the same way.
//
// Not on the follow-up list or a handoff link: they show what is on this device or in the
// link, and the app fetches the file once they are shown and the browser is idle, so that it
// does not share the connection with the app's own download (Route::shows_without_directory).
const directoryMeta = document.querySelector("meta[name='vitrina-directory']");
const configured = (directoryMeta?.getAttribute("content") ?? "").trim() || "data/directory.json";
const segments = location.hash.replace(/^#/, "").split("?")[0].split("/").filter(Boolean);
const showsWithoutDirectory = segments.length === 1 && ["follow-up", "handoff"].includes(segments[0]);
// A preview (issue 14) shows the directory the staff page sends, never the published file.
// The handshake runs here, while the wasm downloads, and costs the app's wasm nothing; the
// app takes the answer (src/adapters/preview.rs). The staff page (crates/vitrina-staff) is
// the other side: this tab says it is ready, to its opener and its own origin only; the
// opener answers {type: "vitrina-preview-directory", bytes: ArrayBuffer}.
const preview = new URLSearchParams(location.search).has("preview");
if (preview) {
  globalThis.vitrinaPreview = () =>
    new Promise((resolve) => {
      if (!opener) return resolve("no-opener");
      // The staff page answers at once; this only ends a wait for one closed or reloaded since.
      const timer = setTimeout(() => resolve("no-answer"), 20000);
      addEventListener("message", function listen(event) {
        const { data } = event;
        if (event.source !== opener || event.origin !== location.origin) return;
        if (data?.type !== "vitrina-preview-directory" || !(data.bytes instanceof ArrayBuffer)) return;
        clearTimeout(timer);
        removeEventListener("message", listen);
        resolve(data.bytes);
      });
      opener.postMessage({ type: "vitrina-preview-ready" }, location.origin);
    });
  globalThis.vitrinaPreviewAnswer = globalThis.vitrinaPreview();
} else if (!showsWithoutDirectory) {
  try {
    const url = new URL(configured, document.baseURI).href;
    const response = fetch(url, { cache: "no-cache" });
    // Handled here so that a failure is the app's to report, never an "unhandled rejection".
    response.catch(() => {});
    globalThis.vitrinaEarlyDirectory = { url, response };
  } catch {
    // A URL that does not parse: the app fetches (and reports) it itself.
  }
}

// The code of the page the app opens on (issue 15's code split), fetched now beside the main
// module rather than once the app has started: a profile opened from a QR code is a chunk.
// The build writes each part's files into this tag (scripts/wasm-build.mjs); the app's own
// request for them is answered by the HTTP cache, and checks their integrity there.
// The same pages as the app's `pages::preload_for`.
const PART_OF_PAGE = {
  member: "member", "follow-up": "follow_up", events: "events", event: "events", fair: "events", problems: "problems",
  shared: "received", handoff: "received", cluster: "cluster", map: "cluster", opportunities: "cluster",
  investment: "cluster", "my-company": "cluster", matches: "cluster", pairs: "cluster", prepare: "cluster",
};
// `#/event/<id>/prepare` is matchmaking's, not the events' page.
const pagePart = PART_OF_PAGE[segments[0] === "event" && segments[2] === "prepare" ? "prepare" : segments[0]];
/** The parts whose views use the views' stylesheet (below). */
const VIEWS_OF_PAGE = new Set(["cluster"]);
try {
  const part = JSON.parse(tag.dataset.vitrinaParts ?? "{}")[pagePart] ?? [];
  // Beside the glue, as the loader resolves them.
  const folder = new URL(tag.dataset.vitrinaJs, document.baseURI);
  for (const file of part) fetch(new URL(file, folder)).catch(() => {});
} catch {
  // A damaged attribute: the app fetches what it needs itself.
}

// The stylesheet of the views the first screen never shows (issue 16: the cluster's views and
// matchmaking), added when the app first asks (src/adapters/views_stylesheet.rs), once. The
// promise settles when it applied or failed; after a failure the next view asks again. The
// build names the file and its integrity on this tag (scripts/views-stylesheet.mjs).
let viewsStylesheet;
globalThis.vitrinaViewsStylesheet = () =>
  (viewsStylesheet ??= new Promise((resolve) => {
    const { vitrinaViewsCss: name, vitrinaViewsCssIntegrity: integrity, vitrinaJs: glue } = tag.dataset;
    if (!name) return resolve();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    // Beside the glue, as the chunks are.
    link.href = new URL(name, new URL(glue, document.baseURI)).href;
    if (integrity) link.integrity = integrity;
    link.dataset.vitrinaViews = "";
    link.onload = resolve;
    link.onerror = () => {
      link.remove();
      viewsStylesheet = undefined;
      resolve();
    };
    document.head.append(link);
  }));
if (VIEWS_OF_PAGE.has(pagePart)) globalThis.vitrinaViewsStylesheet();

function showFailure(error) {
  // The loading line of index.html would say the opposite of the failure.
  document.querySelector(".boot-shell .loading")?.remove();
  // Plain DOM text only: the message may contain anything.
  const box = document.createElement("p");
  box.className = "boot-failure";
  box.setAttribute("role", "alert");
  box.textContent =
    "Vitrina no pudo iniciar en este navegador. Vitrina could not start in this browser. (" + error + ")";
  document.body.append(box);
  console.error(error);
}

try {
  const bindings = await import(tag.dataset.vitrinaJs);
  await bindings.default({ module_or_path: tag.dataset.vitrinaWasm });
} catch (error) {
  showFailure(error);
}
