// Flags for Debian's headless Chromium, shared by the Playwright tests and the benchmark.
// Without the background-networking flags Chromium keeps trying hosts this closed network
// refuses; --no-sandbox because CI runs as root. (webdriver.json holds the same list for
// wasm-bindgen-test, which cannot import JavaScript.)
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
