// Registers the service worker (sw.js) that keeps the app and the last directory file
// for use without a network. A file of its own, not inline, so the CSP needs no
// 'unsafe-inline'. It waits until the app has shown the directory (the app marks
// <html data-vitrina-ready> and sends "vitrina-ready"): the worker's install fetches every
// shell file, which then come from the HTTP cache instead of competing with the first
// download on a slow connection.
//
// The directory's address travels in the worker's URL, read from the same
// <meta name="vitrina-directory"> the app reads: that tag stays the one place to change
// it, and changing it installs a worker that caches the new address.

function directoryUrl() {
  const meta = document.querySelector("meta[name='vitrina-directory']");
  const configured = (meta?.getAttribute("content") ?? "").trim() || "data/directory.json";
  return new URL(configured, document.baseURI).href;
}

async function register() {
  if (!("serviceWorker" in navigator)) return;
  const script = new URL("sw.js", document.baseURI);
  script.searchParams.set("directory", directoryUrl());
  try {
    // updateViaCache "none": the browser asks the server for sw.js on every visit, so a
    // new version is found on the next visit even if the host caches files for long.
    await navigator.serviceWorker.register(script.href, { scope: "./", updateViaCache: "none" });
  } catch (error) {
    // Without a worker the app works online exactly as before; nothing to tell the visitor.
    console.warn("Vitrina: service worker not registered:", error);
  }
}

if (document.documentElement.hasAttribute("data-vitrina-ready")) {
  register();
} else {
  window.addEventListener("vitrina-ready", register, { once: true });
}
