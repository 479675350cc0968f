// Where Vitrina's time goes: DevTools CPU profiles of loading the directory, typing the
// benchmark's query and toggling a facet, with wasm function names. Not part of
// `make bench` (it needs a build that keeps the wasm name section); see bench/README.md.
//
//   make bench-profile            (or: node bench/profile.mjs [--scale 10k] [--rate 4])
//
// Builds nothing itself: expects target/bench/diag/, a copy of target/bench/dist with the
// wasm replaced by wasm-bindgen's output of the unoptimised release wasm (names kept).
import { chromium } from "@playwright/test";
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIAG = join(ROOT, "target/bench/diag");
const PORT = Number(process.env.BENCH_PORT ?? 8496);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const scale = option("--scale", "10k");
const rate = Number(option("--rate", "4"));
const app = option("--app", "vitrina"); // or minisearch, flexsearch: the baselines, for comparison
const QUERY = "troquelado juarez";

if (app === "vitrina" && !existsSync(join(DIAG, "index.html"))) throw new Error(`${DIAG} is missing: run \`make bench-profile\``);
const data = join(ROOT, `target/bench/data/directory-${scale}.json`);
if (!existsSync(data)) throw new Error(`${data} is missing: run make bench (or the generator) first`);
mkdirSync(join(ROOT, "target/bench"), { recursive: true });
writeFileSync(join(ROOT, "target/bench/calibrate.html"), "<!doctype html><title>blank</title><link rel=icon href=data:,>");
const css = existsSync(DIAG) ? readdirSync(DIAG).find((name) => /^main-.*\.css$/.test(name)) : undefined;
const server = await serve(PORT, {
  "/app/data/directory.json": data,
  "/app/lib/minisearch.js": join(ROOT, "node_modules/minisearch/dist/es/index.js"),
  "/app/lib/flexsearch.js": join(ROOT, "node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs"),
  ...(css ? { "/app/style.css": join(DIAG, css) } : {}),
  "/app/": app === "vitrina" ? `${DIAG}/` : join(ROOT, "bench/baseline/"),
  "/blank.html": join(ROOT, "target/bench/calibrate.html"),
});
const appUrl = app === "vitrina" ? `${ORIGIN}/app/` : `${ORIGIN}/app/?engine=${app}`;

const profileDir = mkdtempSync("/tmp/vitrina-profile-");
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-features=BackForwardCache"],
  viewport: { width: 1280, height: 800 },
  locale: "es-MX",
  // The service worker would copy the shell and the directory into Cache Storage mid-measure.
  serviceWorkers: "block",
});
const probe = readFileSync(join(ROOT, "bench/probe.js"), "utf8");
await context.addInitScript({ content: `${probe}\nbenchProbe({ entries: 50 });` });
const page = context.pages()[0];
const cdp = await context.newCDPSession(page);

/** Self time per category and the top functions of a CPU profile. */
function summarize(title, profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const categories = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || "(anonymous)";
    const where = callFrame.url.endsWith(".wasm") || /^\$?[a-z_]+::/.test(name) ? "wasm" : callFrame.url ? "js" : "";
    const category = categorize(name, where);
    if (category === "idle") continue;
    total += ms;
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const file = where === "js" ? ` (${callFrame.url.slice(callFrame.url.lastIndexOf("/") + 1).slice(0, 40)}:${callFrame.lineNumber})` : "";
    const key = `${where ? `[${where}] ` : ""}${name.replace(/::h[0-9a-f]{16}$/, "")}${file}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const lines = [`\n## ${title}: ${total.toFixed(0)} ms of CPU on the page's main thread (self time, ${rate}× throttled)`, ""];
  lines.push("| where | ms | share |", "|---|---:|---:|");
  for (const [category, ms] of [...categories].sort((a, b) => b[1] - a[1]))
    lines.push(`| ${category} | ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(0)} % |`);
  lines.push("", "| top functions (self) | ms |", "|---|---:|");
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`| \`${name.slice(0, 140)}\` | ${ms.toFixed(1)} |`);
  return lines.join("\n");
}

function categorize(name, where) {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "JS garbage collector";
  if (name === "(program)") return "browser: style, layout, paint, event dispatch, other native";
  if (where === "wasm") {
    if (/serde_json|serde::/.test(name)) return "wasm: JSON parsing (serde_json)";
    if (/vitrina_core::load|vitrina_core::valid|vitrina_core::model|vitrina_core::text/.test(name)) return "wasm: loading and validating members";
    if (/vitrina_core::search/.test(name)) return "wasm: search index (build and query)";
    if (/dlmalloc|alloc::|__rust_alloc|__rust_dealloc|__rdl_|memcpy|memmove|memset|core::ptr::drop_in_place/.test(name)) return "wasm: allocation, copying, dropping";
    if (/reactive_graph|tachys|leptos|any_spawner|wasm_bindgen_futures|futures/.test(name)) return "wasm: Leptos (reactivity and rendering)";
    if (/wasm_bindgen|js_sys|web_sys/.test(name)) return "wasm: wasm-bindgen glue";
    if (/^vitrina::|vitrina::/.test(name)) return "wasm: app components";
    return "wasm: other";
  }
  if (where === "js") return /__wbg_|__wbindgen|getStringFromWasm|passStringToWasm|takeObject|addHeapObject/.test(name) ? "JS: wasm-bindgen glue (DOM calls included)" : "JS: other";
  if (/^(pushState|replaceState)$/.test(name)) return "browser: history.pushState / replaceState";
  return "browser: DOM and other APIs called from JS";
}

async function profiled(title, action) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await action();
  const { profile } = await cdp.send("Profiler.stop");
  // The whole profile too, for DevTools (Performance → Load profile) or a closer look.
  const slug = title.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").slice(0, 40).toLowerCase();
  writeFileSync(join(ROOT, `target/bench/profile-${app}-${scale}-${rate}x-${slug}.cpuprofile`), JSON.stringify(profile));
  return summarize(title, profile);
}

const report = [
  `# ${app} CPU profile — ${scale} members, ${rate}× throttled, ${new Date().toISOString()}`,
  "",
  app === "vitrina"
    ? "Made by `make bench-profile` from the release wasm *before* wasm-opt (names kept, slower than the shipped build): read the shares, not the milliseconds. Self time on the page's main thread; \"browser: style, layout, paint…\" is V8's (program), native work with no JS or wasm frame."
    : "A baseline page (bench/baseline/), profiled by `node bench/profile.mjs --app NAME` for comparison with Vitrina's. Self time on the page's main thread; \"browser: style, layout, paint…\" is V8's (program).",
];
try {
  await page.goto(`${ORIGIN}/blank.html`);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  report.push(
    await profiled("navigation → first results (cold cache)", async () => {
      await page.goto(appUrl, { waitUntil: "commit" });
      await page.waitForFunction(() => window.__bench?.load.firstPaintAt !== undefined, null, { timeout: 600_000, polling: 200 });
    }),
  );
  const load = await page.evaluate(() => window.__bench.load);
  report.push(`\n(first results painted at ${load.firstPaintAt.toFixed(0)} ms; this profile's sampling slows the page somewhat)`);
  await page.waitForTimeout(500);
  report.push(
    await profiled(`typing “${QUERY}”, ${QUERY.length} keystrokes`, async () => {
      for (let k = 1; k <= QUERY.length; k++)
        await page.evaluate((value) => {
          const input = document.getElementById("search-input");
          return window.__bench.interact(() => {
            input.value = value;
            input.dispatchEvent(new InputEvent("input", { bubbles: true }));
          });
        }, QUERY.slice(0, k));
    }),
  );
  await page.evaluate(() => {
    const input = document.getElementById("search-input");
    return window.__bench.interact(() => {
      input.value = "";
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
  });
  report.push(
    await profiled("toggling “Estampado” on and off 5 times (10 toggles)", async () => {
      for (let i = 0; i < 10; i++)
        await page.evaluate(() => {
          const box = [...document.querySelectorAll("#facet-sheet .facet-value label")]
            .find((node) => node.querySelector(".facet-label")?.textContent === "Estampado")
            .querySelector("input");
          return window.__bench.interact(() => box.click());
        });
    }),
  );
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
  server.close();
}
const out = join(ROOT, `target/bench/profile-${app}-${scale}-${rate}x.md`);
writeFileSync(out, `${report.join("\n")}\n`);
console.log(report.join("\n"));
console.log(`\nwritten to ${out}`);
