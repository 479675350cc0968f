// `make bench`: Vitrina against two plain-JavaScript baselines (MiniSearch and
// FlexSearch, bench/baseline/) in Debian's Chromium, on generated directories of
// 1k, 10k and 100k members, unthrottled and with the CPU throttled 4× (a mid-range
// phone). Every time comes from the page's own clock (bench/probe.js); every figure
// is reported absolute and as Vitrina / baseline. Writes bench/results/latest.{json,md}.
//
//   node bench/run.mjs                      the full run (expects target/bench/dist and
//                                           target/release/xtask: `make bench` builds them)
//   node bench/run.mjs --smoke              1k members, one repetition, written to target/bench/smoke
//   node bench/run.mjs --smoke --dist dist --xtask target/debug/xtask
//                                           the same on an existing build (`make test` runs this)
//   node bench/run.mjs --scales 1k,10k --reps 1k=3,10k=2 --out DIR
//   node bench/run.mjs --markdown-only bench/results/latest.json   (tables again from the samples)
//
// It fails (exit 1) if any scenario could not be measured: no silent zeroes.
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { constants as zlibConstants, brotliCompressSync, gzipSync } from "node:zlib";
import { serve } from "./server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(ROOT, "target/bench/data");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const PORT = Number(process.env.BENCH_PORT ?? 8497);
const ORIGIN = `http://127.0.0.1:${PORT}`;

// What a visitor does, the same on every page.
const QUERY = "troquelado juarez"; // a capability alias and a city, typed letter by letter
const CAPABILITY = "Estampado"; // the capability facet value toggled
const CERTIFICATION = "IATF 16949"; // the certification facet value toggled
const FOLLOW_UP_ENTRIES = 50;
// Issue 13: a sales team's long follow-up list, seeded into storage, opened at 4×.
const LONG_LIST_ENTRIES = 1_000;
const LONG_LIST_RATE = 4;
const NOTE_KEYS = 12;
// Rows in a list's first page, in both apps (Vitrina's LIST_PAGE_SIZE, the baseline's PAGE_SIZE).
const PAGE_ROWS = 40;
const PROFILES_PER_RUN = 2;
const FLOOR_SAMPLES = 5;

const SCALES = {
  "1k": { members: 1_000 },
  "10k": { members: 10_000 },
  "100k": { members: 100_000 },
};
// Per scale: repetitions, and the runs of each repetition. A run is one fresh browser
// context (cold HTTP cache): loaded at `nav`× throttling, cold then warm; interactions at
// each rate of `interact`; then 50 follow-up saves and a reload at `followUp`×.
// At 100k, loading under 4× throttling would take minutes per page for the baselines,
// and the targets ask for it unthrottled; interactions are still measured at both rates.
const PLANS = {
  "1k": { reps: 2, runs: [{ nav: 1, interact: [1], followUp: 1 }, { nav: 4, interact: [4], followUp: 4 }] },
  "10k": { reps: 3, runs: [{ nav: 1, interact: [1], followUp: 1 }, { nav: 4, interact: [4], followUp: 4 }] },
  "100k": { reps: 2, runs: [{ nav: 1, interact: [1, 4], followUp: 1 }] },
};

const ALL_APPS = [
  { id: "vitrina", name: "Vitrina", path: (scale) => `/vitrina/${scale}/` },
  { id: "minisearch", name: "MiniSearch", path: (scale) => `/baseline/${scale}/?engine=minisearch` },
  { id: "flexsearch", name: "FlexSearch", path: (scale) => `/baseline/${scale}/?engine=flexsearch` },
];

// Metrics: key, unit, what it is, and which apps have it.
const METRICS = [
  ["first_results_cold", "ms", "navigation → first results painted, cold HTTP cache"],
  ["first_results_warm", "ms", "navigation → first results painted, warm HTTP cache"],
  ["whole_page_cold", "ms", `navigation → the first page's ${PAGE_ROWS} rows all painted, cold HTTP cache`],
  ["whole_page_warm", "ms", `navigation → the first page's ${PAGE_ROWS} rows all painted, warm HTTP cache`],
  ["directory_received_cold", "ms", "navigation → directory file received (cold)"],
  ["after_directory_cold", "ms", "directory received → first results in the DOM (parse, index, render; cold)"],
  ["phase_parse", "ms", "baseline only: JSON.parse (warm load)", "baseline"],
  ["phase_index", "ms", "baseline only: text index, facets and name order (warm load)", "baseline"],
  ["phase_render", "ms", "baseline only: first list and facets into the DOM (warm load)", "baseline"],
  ["keystroke_handler", "ms", "keystroke → DOM updated (handler and its microtasks)"],
  ["keystroke_history", "ms", "of which history.replaceState (the query kept in the URL)"],
  ["keystroke_paint", "ms", "keystroke → results painted"],
  ["facet_handler", "ms", "facet toggle → DOM updated"],
  ["facet_history", "ms", "of which history.pushState"],
  ["facet_paint", "ms", "facet toggle → results and counts painted"],
  ["profile_dom", "ms", "click on a result → profile in the DOM"],
  ["profile_paint", "ms", "click on a result → profile painted"],
  ["save_handler", "ms", "“Guardar” on a result → DOM updated (list written to storage)"],
  ["save_paint", "ms", "“Guardar” on a result → painted"],
  ["follow_up_reload", "ms", `reload of #/follow-up with ${FOLLOW_UP_ENTRIES} entries → list painted`],
  ["long_list_first_screen", "ms", `#/follow-up with ${LONG_LIST_ENTRIES} entries, warm cache: navigation → the first screen of entries painted`, "vitrina"],
  ["long_list_whole", "ms", `#/follow-up with ${LONG_LIST_ENTRIES} entries, warm cache: navigation → all of them in the DOM and painted`, "vitrina"],
  ["note_key_handler", "ms", `a keystroke in a note of the ${LONG_LIST_ENTRIES}-entry list → DOM updated`, "vitrina"],
  ["note_key_paint", "ms", `a keystroke in a note of the ${LONG_LIST_ENTRIES}-entry list → painted`, "vitrina"],
  ["frame_floor", "ms", "an interaction that does nothing → painted (the frame floor)"],
  ["js_heap_mb", "MB", "JS heap after loading (after a GC)"],
  ["wasm_memory_mb", "MB", "wasm memory after loading", "vitrina"],
  ["memory_total_mb", "MB", "JS heap + wasm memory after loading"],
];

// ---------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
// The app measured and the generator: `make bench` builds both into target/; `make test`
// points them at the dist/ it already built and a debug generator (1k members is quick).
const DIST = args.dist;
const XTASK = args.xtask;
// `--apps` is for developing the harness; a report always has all three.
const APPS = ALL_APPS.filter((app) => args.apps.includes(app.id));
const BASELINES = APPS.filter((app) => app.id !== "vitrina");
const started = Date.now();
const log = (message) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function parseArgs(argv) {
  const options = {
    smoke: false,
    scales: Object.keys(SCALES),
    reps: {},
    out: join(ROOT, "bench/results"),
    apps: ALL_APPS.map((app) => app.id),
    dist: join(ROOT, "target/bench/dist"),
    xtask: join(ROOT, "target/release/xtask"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--smoke") options.smoke = true;
    else if (arg === "--scales") options.scales = argv[++i].split(",");
    else if (arg === "--reps")
      for (const pair of argv[++i].split(",")) {
        const [scale, n] = pair.split("=");
        options.reps[scale] = Number(n);
      }
    else if (arg === "--out") options.out = resolve(argv[++i]);
    else if (arg === "--apps") options.apps = argv[++i].split(",");
    else if (arg === "--dist") options.dist = resolve(argv[++i]);
    else if (arg === "--xtask") options.xtask = resolve(argv[++i]);
    else if (arg === "--markdown-only") options.markdownOnly = resolve(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.smoke) {
    options.scales = ["1k"];
    options.reps = { "1k": 1 };
    if (!argv.includes("--out")) options.out = join(ROOT, "target/bench/smoke");
  }
  for (const scale of options.scales) if (!SCALES[scale]) throw new Error(`unknown scale ${scale}`);
  return options;
}

class BenchError extends Error {}
const fail = (message) => {
  throw new BenchError(message);
};

// ---------------------------------------------------------------------------------------
// Files: the app, the directories, the site layout

function directoryFile(scale) {
  const file = join(DATA, `directory-${scale}.json`);
  if (!existsSync(file)) {
    if (!existsSync(XTASK)) fail(`${XTASK} is missing: run \`cargo build --release -p xtask\` (make bench does)`);
    mkdirSync(DATA, { recursive: true });
    log(`generating ${scale} members → ${file}`);
    execFileSync(XTASK, ["gen-directory", "--members", String(SCALES[scale].members), "--seed", "1", "--out", file], { stdio: "inherit" });
  }
  return file;
}

function distFiles() {
  if (!existsSync(join(DIST, "index.html"))) fail(`${DIST}/index.html is missing: make bench builds it`);
  const names = readdirSync(DIST);
  const pick = (pattern) => names.filter((name) => pattern.test(name)).map((name) => join(DIST, name));
  const css = pick(/^main-.*\.css$/);
  if (css.length !== 1) fail(`expected one main-*.css in ${DIST}, found ${css.length}`);
  // The landing module is the one wasm on the way to the first screen; the code split's
  // chunks (scripts/wasm-build.mjs) are downloaded when their part is opened.
  const landing = pick(/^vitrina-[0-9a-f]{1,16}_bg\.wasm$/);
  if (landing.length !== 1) fail(`expected one landing vitrina-*_bg.wasm in ${DIST}, found ${landing.length}`);
  return {
    shell: [...landing, ...pick(/\.js$/), ...css, join(DIST, "index.html")],
    chunks: pick(/\.wasm$/).filter((file) => !landing.includes(file)),
    landing: landing[0],
    css: css[0],
  };
}

function mounts(scales, css) {
  const table = {};
  for (const scale of scales) {
    const data = directoryFile(scale);
    table[`/vitrina/${scale}/data/directory.json`] = data;
    table[`/vitrina/${scale}/`] = `${DIST}/`;
    table[`/baseline/${scale}/data/directory.json`] = data;
    table[`/baseline/${scale}/lib/minisearch.js`] = join(ROOT, "node_modules/minisearch/dist/es/index.js");
    table[`/baseline/${scale}/lib/flexsearch.js`] = join(ROOT, "node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs");
    table[`/baseline/${scale}/style.css`] = css;
    table[`/baseline/${scale}/`] = join(ROOT, "bench/baseline/");
  }
  const blank = join(ROOT, "target/bench/calibrate.html");
  writeFileSync(blank, "<!doctype html><title>calibrate</title><link rel=icon href=data:,>");
  table["/calibrate.html"] = blank;
  return table;
}

// ---------------------------------------------------------------------------------------
// Sizes (raw, gzip -9, brotli: q11 for the shell, q9 for the big directory files)

function compressedSizes(file, brotliQuality = 11) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlibConstants.BROTLI_PARAM_LGWIN]: 24,
      },
    }).length,
  };
}

function sizeTable(files) {
  const rows = files.map(([label, file]) => ({ file: label, ...compressedSizes(file) }));
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total };
}

function shellSizes(dist) {
  const base = (file) => file.slice(file.lastIndexOf("/") + 1);
  const vitrina = sizeTable(dist.shell.map((file) => [base(file), file]));
  const chunks = sizeTable(dist.chunks.map((file) => [base(file), file]));
  const landing = compressedSizes(dist.landing);
  const common = [
    ["index.html", join(ROOT, "bench/baseline/index.html")],
    ["app.js", join(ROOT, "bench/baseline/app.js")],
    ["style.css (Vitrina's)", dist.css],
  ];
  return {
    vitrina,
    chunks,
    landing,
    minisearch: sizeTable([...common, ["minisearch (dist/es, as published: not minified)", join(ROOT, "node_modules/minisearch/dist/es/index.js")]]),
    flexsearch: sizeTable([...common, ["flexsearch.bundle.module.min.mjs", join(ROOT, "node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs")]]),
  };
}

function directorySizes(scale) {
  const file = directoryFile(scale);
  const stat = statSync(file);
  const cacheFile = join(DATA, "sizes.json");
  const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};
  const key = `${scale}:${stat.size}:${stat.mtimeMs}`;
  if (!cache[key]) {
    log(`compressing the ${scale} directory file to report its size`);
    cache[key] = compressedSizes(file, 9);
    writeFileSync(cacheFile, JSON.stringify(cache, null, 2));
  }
  return cache[key];
}

// ---------------------------------------------------------------------------------------
// The machine

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  const chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  let os = "";
  try {
    os = /PRETTY_NAME="(.*)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "";
  } catch {}
  let load = "";
  try {
    load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {}
  return { nproc, cpu: model, memory_gb: Math.round(totalmem() / 1e9), chromium, node: process.version, os, loadavg_at_start: load };
}

/** The commit measured, and any uncommitted change to what goes into the app. */
function source() {
  const git = (...a) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).replace(/\n$/, "");
  try {
    const dirty = git("status", "--porcelain", "--", "src", "crates", "index.html", "boot.js", "style", "assets", "Cargo.toml", "Cargo.lock", "Trunk.toml")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit: git("rev-parse", "--short", "HEAD"), uncommitted_app_changes: dirty };
  } catch {
    return { commit: "unknown", uncommitted_app_changes: [] };
  }
}

// ---------------------------------------------------------------------------------------
// Measuring in the browser

const samples = []; // { scale, rate, app, metric, value }
const record = (scale, rate, app, metric, value) => {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    fail(`${scale} ${rate}× ${app} ${metric}: not a measurement (${value})`);
  samples.push({ scale, rate, app, metric, value });
};
const sanity = {}; // per scale and app: what the pages showed, to compare the apps

const probeSource = readFileSync(join(ROOT, "bench/probe.js"), "utf8");

async function setRate(cdp, rate) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/** Navigates and waits until the probe saw the awaited rows painted; returns the load's timeline. */
async function load(page, url, what, { reload = false } = {}) {
  if (reload) await page.reload({ waitUntil: "commit", timeout: 120_000 });
  else await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  try {
    await page.waitForFunction(() => window.__bench?.load.wholePaintAt !== undefined || window.__bench?.errors.length > 0, null, {
      timeout: 600_000,
      polling: 200,
    });
  } catch (error) {
    fail(`${what}: ${url} never painted ${await page.evaluate(() => window.__bench?.load.waitingFor).catch(() => "its rows")} (${error.message.split("\n")[0]})`);
  }
  const timeline = await page.evaluate(() => {
    const entry = performance.getEntriesByType("resource").find((r) => r.name.includes("data/directory.json"));
    return {
      ...window.__bench.load,
      errors: window.__bench.errors,
      directory: entry && { responseEnd: entry.responseEnd, transferSize: entry.transferSize, bodySize: entry.decodedBodySize },
      marks: Object.fromEntries(performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime])),
    };
  });
  if (timeline.errors.length) fail(`${what}: errors in the page: ${timeline.errors.join("; ")}`);
  return timeline;
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
  // Vitrina's one memory, asked of its glue (initSync hands back the running instance's
  // exports). DevTools' Runtime.queryObjects on WebAssembly.Memory crashes Chromium 156's
  // renderer once the code split's chunks share that memory (found when issue 15's split
  // build made every bench run end with "Target page closed"), so it is kept for the
  // baselines, which have none.
  const vitrina = await page.evaluate(async () => {
    const tag = document.querySelector("script[data-vitrina-js]");
    if (!tag) return null;
    const glue = await import(tag.dataset.vitrinaJs);
    return [glue.initSync(undefined, undefined).memory.buffer.byteLength];
  });
  let sizes = vitrina;
  if (sizes === null) {
    const prototype = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: prototype.result.objectId });
    const answer = await cdp.send("Runtime.callFunctionOn", {
      objectId: found.objects.objectId,
      functionDeclaration: "function () { return this.map((memory) => memory.buffer.byteLength); }",
      returnByValue: true,
    });
    await cdp.send("Runtime.releaseObjectGroup", { objectGroup: "" }).catch(() => {});
    sizes = answer.result.value;
  }
  const wasm = sizes.reduce((sum, n) => sum + n, 0);
  return { heap, wasm, memories: sizes.length };
}

const interact = (page, fn, arg) => page.evaluate(fn, arg);

async function typing(page, ctx) {
  await page.evaluate(() => document.getElementById("search-input").focus());
  for (let k = 1; k <= QUERY.length; k++) {
    const r = await interact(
      page,
      (value) => {
        const input = document.getElementById("search-input");
        return window.__bench.interact(() => {
          input.value = value;
          input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value.at(-1) }));
        });
      },
      QUERY.slice(0, k),
    );
    ctx.record("keystroke_handler", r.handler);
    ctx.record("keystroke_history", r.history);
    ctx.record("keystroke_paint", r.paint);
    if (r.deferred) ctx.note(`keystroke ${k}: DOM changed after the first frame`);
  }
  const shown = await page.evaluate(() => ({
    count: document.querySelector(".result-count")?.textContent,
    first: [...document.querySelectorAll(".member-card .member-name")].slice(0, 5).map((node) => node.textContent),
    input: document.getElementById("search-input").value,
  }));
  if (shown.input !== QUERY) fail(`${ctx.what}: the search box holds "${shown.input}" after typing "${QUERY}"`);
  if (!/ de /.test(shown.count ?? "")) fail(`${ctx.what}: after typing, the count reads "${shown.count}"`);
  ctx.sanity(`after typing "${QUERY}"`, shown);
  // Back to the whole list (not measured).
  await interact(page, () => {
    const input = document.getElementById("search-input");
    return window.__bench.interact(() => {
      input.value = "";
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }));
    });
  });
}

async function facets(page, ctx) {
  const steps = [
    [CAPABILITY, true],
    [CERTIFICATION, true],
    [CERTIFICATION, false],
    [CAPABILITY, false],
  ];
  const counts = [];
  for (const [label, checked] of steps) {
    const r = await interact(
      page,
      ({ label, checked }) => {
        const box = [...document.querySelectorAll("#facet-sheet .facet-value label")]
          .find((node) => node.querySelector(".facet-label")?.textContent === label)
          ?.querySelector("input[type=checkbox]");
        if (!box) throw new Error(`no facet checkbox labelled ${label}`);
        if (box.checked === checked) throw new Error(`facet ${label} is already ${checked ? "on" : "off"}`);
        return window.__bench.interact(() => box.click());
      },
      { label, checked },
    );
    ctx.record("facet_handler", r.handler);
    ctx.record("facet_history", r.history);
    ctx.record("facet_paint", r.paint);
    const state = await page.evaluate((label) => {
      const node = [...document.querySelectorAll("#facet-sheet .facet-value label")].find((n) => n.querySelector(".facet-label")?.textContent === label);
      return { checked: node?.querySelector("input").checked, count: document.querySelector(".result-count")?.textContent };
    }, label);
    if (state.checked !== checked) fail(`${ctx.what}: facet ${label} did not turn ${checked ? "on" : "off"}`);
    counts.push(state.count);
  }
  if (counts[0] === counts[3] || counts[1] === counts[0]) fail(`${ctx.what}: facet toggles did not change the result count (${counts.join(" | ")})`);
  ctx.sanity("result counts: +capability, +certification, −certification, −capability", counts);
}

async function profiles(page, ctx) {
  for (let i = 0; i < PROFILES_PER_RUN; i++) {
    const r = await interact(
      page,
      (i) => {
        const link = document.querySelectorAll(".member-card .member-name a")[i];
        if (!link) throw new Error(`no result link #${i}`);
        const name = link.textContent;
        return window.__bench.until(() => link.click(), () => document.getElementById("profile-name")?.textContent === name, 120_000);
      },
      i,
    );
    ctx.record("profile_dom", r.handler);
    ctx.record("profile_paint", r.paint);
    await interact(page, () =>
      window.__bench.until(() => history.back(), () => document.querySelectorAll(".member-card").length >= 40, 120_000),
    );
  }
}

async function followUp(page, ctx, url) {
  let saved = 0;
  for (let guard = 0; saved < FOLLOW_UP_ENTRIES; guard++) {
    if (guard > FOLLOW_UP_ENTRIES * 3) fail(`${ctx.what}: could not find ${FOLLOW_UP_ENTRIES} members to save`);
    const r = await interact(page, () => {
      const button = document.querySelector('.member-list .member-card button.save-button[aria-pressed="false"]');
      if (!button) {
        const more = document.querySelector(".show-more button");
        if (!more) throw new Error("no unsaved member and no “show more”");
        return window.__bench.interact(() => more.click()).then(() => null);
      }
      const card = button.closest(".member-card");
      const name = card.querySelector(".member-name").textContent;
      return window.__bench.interact(() => button.click()).then((r) => {
        const now = [...document.querySelectorAll(".member-card")].find((c) => c.querySelector(".member-name").textContent === name);
        return { ...r, pressed: now?.querySelector("button.save-button").getAttribute("aria-pressed") };
      });
    });
    if (r === null) continue;
    if (r.pressed !== "true") fail(`${ctx.what}: a “Guardar” button did not turn pressed`);
    ctx.record("save_handler", r.handler);
    ctx.record("save_paint", r.paint);
    saved++;
  }
  // The list holds them all (not measured), then the reload is.
  await page.goto(`${url}#/follow-up`, { waitUntil: "commit" });
  await page.waitForFunction((n) => document.querySelectorAll(".entry").length >= n, FOLLOW_UP_ENTRIES, { timeout: 120_000, polling: 200 });
  await page.waitForTimeout(300);
  const timeline = await load(page, `${url}#/follow-up`, `${ctx.what} follow-up reload`, { reload: true });
  ctx.record("follow_up_reload", timeline.wholePaintAt);
}

/**
 * The stored follow-up document for a long list: the first `n` members of the directory file,
 * with the mix of statuses, dates, places and notes a sales team's list has.
 */
function longListDocument(scale, n, now) {
  const directory = JSON.parse(readFileSync(directoryFile(scale), "utf8"));
  const members = directory.members.slice(0, n);
  if (members.length < n) fail(`${scale}: the directory has ${members.length} members, fewer than the ${n} entries wanted`);
  const events = directory.events ?? [];
  const statuses = ["to_contact", "contacted", "meeting_set", "proposal", "won", "not_now"];
  const day = (offset) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const entries = members.map((member, i) => {
    const event = events.length && i % 3 === 0 ? events[i % events.length] : null;
    const eventName = event && (typeof event.name === "string" ? event.name : event.name.es ?? Object.values(event.name)[0]);
    return {
      id: `m.${member.id}`,
      member: member.id,
      snapshot: { member_name: typeof member.name === "string" ? member.name : Object.values(member.name)[0] },
      ...(i % 2 === 0 ? { note: `Nota ${i}: cotizar troquel y visitar planta` } : {}),
      status: statuses[i % statuses.length],
      ...(i % 4 === 0 ? { next: day((i % 30) - 10) } : {}),
      ...(event ? { met_at: { event: event.id, name: eventName } } : i % 7 === 1 ? { met_at: { text: "Cámara de comercio" } } : {}),
      added_at: now - (n - i) * 60_000,
      updated_at: now - (n - i) * 60_000,
    };
  });
  return JSON.stringify({ kind: "vitrina.follow-up", version: 2, entries, last_backup: now, changes_since_backup: 0 });
}

/**
 * Vitrina only (the baselines keep another format): a long list (`LONG_LIST_ENTRIES`) written to
 * storage, then #/follow-up loaded with a warm cache at `LONG_LIST_RATE`×: navigation → the first
 * screen of entries painted (entries reach the viewport's bottom), and → all entries painted;
 * then keystrokes in a note, each → DOM updated and → painted.
 */
async function longList(page, ctx, url, scale) {
  const doc = longListDocument(scale, LONG_LIST_ENTRIES, Date.now());
  const seeded = await page.evaluate(
    ({ doc, whole }) => {
      const key = Object.keys(localStorage).find((key) => key.startsWith("vitrina.follow-up.v1:") && !key.slice(21).includes("."));
      if (!key) return "no follow-up list in storage";
      localStorage.setItem(key, doc);
      // Read by bench/probe.js on the next load: what "first" and "whole" mean for this list.
      sessionStorage.setItem("__bench_follow_up", JSON.stringify({ firstScreen: true, whole }));
      return null;
    },
    { doc, whole: LONG_LIST_ENTRIES },
  );
  if (seeded) fail(`${ctx.what}: ${seeded}`);
  const timeline = await load(page, `${url}#/follow-up`, `${ctx.what} ${LONG_LIST_ENTRIES}-entry follow-up list`, { reload: true });
  ctx.record("long_list_first_screen", timeline.firstPaintAt);
  ctx.record("long_list_whole", timeline.wholePaintAt);
  await page.evaluate(() => sessionStorage.removeItem("__bench_follow_up"));
  const shown = await page.evaluate(() => document.querySelectorAll(".entry").length);
  if (shown !== LONG_LIST_ENTRIES) fail(`${ctx.what}: the long list shows ${shown} entries, not ${LONG_LIST_ENTRIES}`);
  ctx.sanity(`${LONG_LIST_ENTRIES}-entry follow-up list`, { entries: shown });
  // Typing into the note of the first entry (whose note is "Nota 0: …").
  const start = await page.evaluate(() => {
    const note = document.querySelector(".entry textarea");
    note.focus();
    return note.value;
  });
  for (let k = 1; k <= NOTE_KEYS; k++) {
    const r = await interact(
      page,
      (value) => {
        const note = document.querySelector(".entry textarea");
        return window.__bench.interact(() => {
          note.value = value;
          note.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value.at(-1) }));
        });
      },
      `${start} ${"abcdefghijklmnop".slice(0, k)}`,
    );
    ctx.record("note_key_handler", r.handler);
    ctx.record("note_key_paint", r.paint);
    if (r.deferred) ctx.note(`note keystroke ${k}: DOM changed after the first frame`);
  }
  // The note is kept (written once typing pauses, or when the field is left).
  await page.evaluate(() => document.querySelector(".entry textarea").blur());
  const kept = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((key) => key.startsWith("vitrina.follow-up.v1:") && !key.slice(21).includes("."));
    return JSON.parse(localStorage.getItem(key)).entries.some((entry) => entry.note?.endsWith("abcdefghijkl"));
  });
  if (!kept) fail(`${ctx.what}: the typed note was not saved`);
}

async function floor(page, ctx) {
  for (let i = 0; i < FLOOR_SAMPLES; i++) {
    const r = await interact(page, () => window.__bench.interact(() => document.createElement("input").dispatchEvent(new Event("input"))));
    ctx.record("frame_floor", r.paint);
  }
}

const BROWSER_ARGS = [
  ...CHROMIUM_ARGS,
  "--enable-precise-memory-info",
  "--disable-renderer-backgrounding",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
];

/**
 * A browser with a fresh profile of its own: empty HTTP cache and storage. A real profile
 * (not an incognito context) so the HTTP cache is the on-disk one a returning visitor has,
 * with its default size; an incognito context's in-memory cache never keeps files over
 * about 6 MB, which would make every "warm" load of 10k members a cold one.
 */
async function freshBrowser() {
  mkdirSync(join(ROOT, "target/bench/profiles"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, "target/bench/profiles/p-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: BROWSER_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "es-MX",
    serviceWorkers: "block",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One fresh browser profile: cold load, warm load, memory, interactions, follow-up. */
async function session(scale, app, run, rep) {
  const url = `${ORIGIN}${app.path(scale)}`;
  const what = `${scale} ${app.name} (rep ${rep + 1}, load ${run.nav}×)`;
  const browser = await freshBrowser();
  const context = browser.context;
  await context.addInitScript({ content: `${probeSource}\nbenchProbe(${JSON.stringify({ entries: FOLLOW_UP_ENTRIES, wholePage: PAGE_ROWS })});` });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("crash", () => problems.push("the renderer crashed"));
  page.on("console", (message) => message.type() === "error" && problems.push(`console error: ${message.text()}`));
  const cdp = await context.newCDPSession(page);
  const notes = [];
  const ctxFor = (rate) => ({
    what: `${what} at ${rate}×`,
    record: (metric, value) => record(scale, rate, app.id, metric, value),
    note: (text) => notes.push(`${rate}×: ${text}`),
    sanity: (key, value) => {
      sanity[scale] ??= {};
      sanity[scale][app.id] ??= {};
      const seen = (sanity[scale][app.id][key] ??= []);
      if (!seen.some((known) => JSON.stringify(known) === JSON.stringify(value))) seen.push(value);
    },
  });
  const check = () => {
    if (problems.length) fail(`${what}: ${problems.join("; ")}`);
  };
  try {
    await setRate(cdp, run.nav);
    const loading = ctxFor(run.nav);
    const cold = await load(page, url, `${what} cold`);
    if (!cold.directory) fail(`${what}: no resource timing for the directory file`);
    loading.record("first_results_cold", cold.firstPaintAt);
    loading.record("whole_page_cold", cold.wholePaintAt);
    loading.record("directory_received_cold", cold.directory.responseEnd);
    loading.record("after_directory_cold", cold.firstDomAt - cold.directory.responseEnd);
    check();
    await page.waitForTimeout(500);
    await page.goto("about:blank");
    const warm = await load(page, url, `${what} warm`);
    loading.record("first_results_warm", warm.firstPaintAt);
    loading.record("whole_page_warm", warm.wholePaintAt);
    if (app.id !== "vitrina") {
      const m = warm.marks;
      for (const mark of ["bench:fetched", "bench:parsed", "bench:indexed", "bench:rendered"])
        if (m[mark] === undefined) fail(`${what}: the baseline did not mark ${mark}`);
      loading.record("phase_parse", m["bench:parsed"] - m["bench:fetched"]);
      loading.record("phase_index", m["bench:indexed"] - m["bench:parsed"]);
      loading.record("phase_render", m["bench:rendered"] - m["bench:indexed"]);
    }
    loading.sanity("warm loads: bytes transferred for the directory file (a few hundred = 304, answered from the HTTP cache)", warm.directory?.transferSize);
    const shown = await page.evaluate(() => ({
      count: document.querySelector(".result-count")?.textContent,
      rows: document.querySelectorAll(".member-card").length,
      facetValues: document.querySelectorAll("#facet-sheet .facet-value").length,
    }));
    loading.sanity("first page", shown);
    if (shown.rows !== PAGE_ROWS) fail(`${what}: the first page shows ${shown.rows} rows, not ${PAGE_ROWS}`);
    await page.waitForTimeout(300);
    await setRate(cdp, 1);
    const mem = await memory(page, cdp);
    loading.record("js_heap_mb", mem.heap / 1e6);
    if (app.id === "vitrina") {
      if (mem.memories < 1 || mem.wasm <= 0) fail(`${what}: no wasm memory found`);
      loading.record("wasm_memory_mb", mem.wasm / 1e6);
    }
    loading.record("memory_total_mb", (mem.heap + mem.wasm) / 1e6);
    check();

    for (const rate of run.interact) {
      await setRate(cdp, rate);
      const ctx = ctxFor(rate);
      await floor(page, ctx);
      await typing(page, ctx);
      await facets(page, ctx);
      await profiles(page, ctx);
      check();
    }
    await setRate(cdp, run.followUp);
    await followUp(page, ctxFor(run.followUp), url);
    check();
    if (app.id === "vitrina" && run.followUp === LONG_LIST_RATE) {
      await longList(page, ctxFor(LONG_LIST_RATE), url, scale);
      check();
    }
  } finally {
    await browser.close();
  }
  return notes;
}

/** Checks that CPU throttling is in force, including across a navigation. */
async function calibrate() {
  const browser = await freshBrowser();
  const context = browser.context;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Several runs of a fixed loop. Unthrottled, the fastest run counts: other processes on a
  // shared machine only slow it down. Throttled, the median: Chromium throttles by pausing the
  // renderer now and then, so the fastest of several short runs is the one that slipped between
  // pauses. The loop is long enough (about 30 ms unthrottled) to span many pauses: with a loop
  // of 6 ms, the fastest throttled run once measured ×2.4 for 4× and failed `make test`.
  const spin = (pick) =>
    page.evaluate((pick) => {
      const times = [];
      for (let r = 0; r < 5; r++) {
        const start = performance.now();
        let x = 0;
        for (let i = 0; i < 5e7; i++) x += i % 7;
        times.push(performance.now() - start + (x < 0 ? 1 : 0));
      }
      times.sort((a, b) => a - b);
      return pick === "median" ? times[2] : times[0];
    }, pick);
  await page.goto(`${ORIGIN}/calibrate.html`);
  const before = await spin("fastest");
  await setRate(cdp, 4);
  await page.goto("about:blank");
  await page.goto(`${ORIGIN}/calibrate.html?after-navigation`);
  const throttled = await spin("median");
  await setRate(cdp, 1);
  const base = Math.min(before, await spin("fastest"));
  await browser.close();
  const factor = throttled / base;
  log(`CPU throttling check: ${base.toFixed(1)} ms unthrottled, ${throttled.toFixed(1)} ms at 4× after a navigation (×${factor.toFixed(1)})`);
  if (factor < 2.5) fail(`CPU throttling is not in force after a navigation (measured ×${factor.toFixed(2)} for 4×)`);
  return { loop_ms_1x: base, loop_ms_4x: throttled, factor };
}

// ---------------------------------------------------------------------------------------
// Statistics and reports

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, median, p95: at(0.95), min: sorted[0], max: sorted.at(-1) };
}

function appliesTo(metric, app) {
  const only = METRICS.find(([key]) => key === metric)[3];
  return !only || (only === "baseline" ? app !== "vitrina" : app === only);
}

function aggregate(plans) {
  const results = {};
  for (const scale of Object.keys(plans)) {
    results[scale] = {};
    const rates = [...new Set(plans[scale].runs.flatMap((run) => [run.nav, ...run.interact, run.followUp]))].sort();
    for (const rate of rates) {
      const condition = {};
      for (const [metric] of METRICS) {
        const row = {};
        for (const app of APPS) {
          const values = samples.filter((s) => s.scale === scale && s.rate === rate && s.app === app.id && s.metric === metric).map((s) => s.value);
          if (values.length) row[app.id] = { ...summarize(values), samples: values.map((v) => Math.round(v * 100) / 100) };
        }
        if (Object.keys(row).length === 0) continue;
        // Every app measures what applies to it, or the run failed.
        for (const app of APPS) if (appliesTo(metric, app.id) && !row[app.id]) fail(`${scale} ${rate}×: ${metric} was not measured for ${app.name}`);
        if (row.vitrina)
          for (const base of BASELINES)
            if (row[base.id]) {
              row[`vitrina/${base.id}`] = {
                median: row.vitrina.median / row[base.id].median,
                p95: row.vitrina.p95 / row[base.id].p95,
              };
            }
        condition[metric] = row;
      }
      results[scale][`${rate}x`] = condition;
    }
  }
  return results;
}

function expectedMetrics(run, rate) {
  const keys = [];
  if (run.nav === rate)
    keys.push("first_results_cold", "first_results_warm", "whole_page_cold", "whole_page_warm", "directory_received_cold", "after_directory_cold", "js_heap_mb", "memory_total_mb");
  if (run.interact.includes(rate))
    keys.push("keystroke_handler", "keystroke_history", "keystroke_paint", "facet_handler", "facet_history", "facet_paint", "profile_dom", "profile_paint", "frame_floor");
  if (run.followUp === rate) keys.push("save_handler", "save_paint", "follow_up_reload");
  if (run.followUp === rate && rate === LONG_LIST_RATE) keys.push("long_list_first_screen", "long_list_whole", "note_key_handler", "note_key_paint");
  return keys;
}

function checkComplete(plans, results) {
  for (const [scale, plan] of Object.entries(plans))
    for (const run of plan.runs)
      for (const rate of new Set([run.nav, ...run.interact, run.followUp]))
        for (const metric of expectedMetrics(run, rate))
          for (const app of APPS)
            if (appliesTo(metric, app.id) && !results[scale]?.[`${rate}x`]?.[metric]?.[app.id]) fail(`${scale} ${rate}×: ${metric} missing for ${app.name}`);
}

const fmt = (value, unit) => {
  if (value === undefined) return "—";
  if (unit === "MB") return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
};
const ratio = (r) => (r ? `${r.median.toFixed(2)} / ${r.p95.toFixed(2)}` : "—");
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function targets(results, sizes) {
  const get = (scale, rate, metric, app, stat) => results[scale]?.[`${rate}x`]?.[metric]?.[app]?.[stat];
  const rows = [];
  const add = (target, value, ok, detail = "") => rows.push({ target, value, met: value === undefined ? null : ok, detail });
  const ms = (v) => (v === undefined ? undefined : `${v.toFixed(1)} ms`);
  for (const kind of ["cold", "warm"]) {
    const v = get("10k", 4, `first_results_${kind}`, "vitrina", "median");
    add(`10k, 4×: navigation → first results ≤ 800 ms (${kind} cache, median)`, ms(v), v <= 800);
  }
  // Issue 15: interactions ahead of both peers, at 10k members and 4× CPU, against the
  // better peer of the same run (the lower of MiniSearch's and FlexSearch's figure).
  const better = (metric, stat) => {
    const peers = BASELINES.map((base) => get("10k", 4, metric, base.id, stat)).filter((v) => v !== undefined);
    return peers.length ? Math.min(...peers) : undefined;
  };
  const versus = (metric, stat) => {
    const v = get("10k", 4, metric, "vitrina", stat);
    const b = better(metric, stat);
    return v === undefined || b === undefined ? undefined : { v, b, ratio: v / b };
  };
  for (const [metric, label] of [
    ["keystroke", "keystroke"],
    ["facet", "facet toggle"],
  ]) {
    const median = versus(`${metric}_handler`, "median");
    add(
      `10k, 4×: ${label} → DOM ≤ 0.8 × the better peer (median)`,
      median && `${median.v.toFixed(1)} ms vs ${median.b.toFixed(1)} ms (× ${median.ratio.toFixed(2)})`,
      median?.ratio <= 0.8,
    );
    const n = get("10k", 4, `${metric}_handler`, "vitrina", "n");
    const p95 = versus(`${metric}_handler`, "p95");
    if (n >= 30)
      add(`10k, 4×: ${label} → DOM ≤ 0.8 × the better peer (p95, ${n} samples)`, p95 && `${p95.v.toFixed(1)} ms vs ${p95.b.toFixed(1)} ms (× ${p95.ratio.toFixed(2)})`, p95?.ratio <= 0.8);
    else if (n !== undefined) add(`10k, 4×: ${label} → DOM ≤ 0.8 × the better peer (p95; judged from 30 samples, this run has ${n})`, undefined, null);
    const paint = get("10k", 4, `${metric}_paint`, "vitrina", "p95");
    const floor = get("10k", 4, "frame_floor", "vitrina", "p95");
    add(
      `10k, 4×: ${label} → painted p95 ≤ 33 ms (two frames)`,
      ms(paint),
      paint <= 33,
      floor === undefined ? "" : `the empty interaction's floor p95 ${floor.toFixed(1)} ms`,
    );
  }
  const behind = [];
  const level = [];
  for (const metric of ["keystroke_paint", "facet_paint", "profile_dom", "profile_paint", "save_handler", "save_paint"]) {
    const median = versus(metric, "median");
    if (median) (median.ratio <= 1 ? level : behind).push(`${metric} × ${median.ratio.toFixed(2)}`);
  }
  if (behind.length + level.length)
    add(
      "10k, 4×: every other interaction figure no worse than the better peer (median)",
      `${level.length} of ${behind.length + level.length}`,
      behind.length === 0,
      behind.length ? `behind: ${behind.join(", ")}` : "",
    );
  const fr = get("100k", 1, "first_results_cold", "vitrina", "median");
  add("100k, unthrottled: first results ≤ 3 s (cold, median)", ms(fr), fr <= 3000);
  const kh = get("100k", 4, "keystroke_handler", "vitrina", "p95");
  const khh = get("100k", 4, "keystroke_history", "vitrina", "p95");
  add("100k, 4×: keystroke handler p95 ≤ 20 ms", ms(kh), kh <= 20, khh === undefined ? "" : `of which the History API p95 ${khh.toFixed(1)} ms`);
  const mem = get("100k", 1, "memory_total_mb", "vitrina", "median");
  add("100k: memory (JS heap + wasm) ≤ 200 MB", mem === undefined ? undefined : `${mem.toFixed(1)} MB`, mem <= 200);
  for (const scale of ["1k", "10k"]) {
    const first = get(scale, LONG_LIST_RATE, "long_list_first_screen", "vitrina", "median");
    add(`${scale}, ${LONG_LIST_RATE}×: ${LONG_LIST_ENTRIES}-entry follow-up list, navigation → first screen ≤ 1 s (warm cache, median)`, ms(first), first <= 1000);
    const note = get(scale, LONG_LIST_RATE, "note_key_paint", "vitrina", "p95");
    const f = get(scale, LONG_LIST_RATE, "frame_floor", "vitrina", "p95");
    add(
      `${scale}, ${LONG_LIST_RATE}×: a keystroke in a note of that list painted in the next frame (p95 within one 16.7 ms frame of the floor)`,
      note === undefined || f === undefined ? undefined : `${note.toFixed(1)} ms vs floor ${f.toFixed(1)} ms`,
      note - f <= 16.7,
    );
  }
  const shell = sizes.shell.vitrina.total.brotli;
  add("App shell ≤ 200 KB brotli", kb(shell), shell <= 200_000);
  const landing = sizes.shell.landing?.brotli;
  add("Landing wasm ≤ 280 KB brotli (issue 15; chunks apart)", landing === undefined ? undefined : kb(landing), landing <= 280_000);
  return rows;
}

/** Indented JSON, with arrays of numbers (the samples) on one line each. */
function compactJson(value) {
  return JSON.stringify(value, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, list) => `[${list.replace(/\s+/g, "")}]`);
}

function markdown(report) {
  const lines = [];
  const m = report.machine;
  lines.push(`# Vitrina benchmark — ${report.date}`);
  lines.push("");
  lines.push(
    `Machine: ${m.cpu}, ${m.nproc} CPUs (nproc), ${m.memory_gb} GB; ${m.os}; ${m.chromium} (headless, software rendering); Node ${m.node}. ` +
      `Load average at start: ${m.loadavg_at_start}. The machine is shared: absolute times vary from run to run; the ratios, taken in the same run, are the point.`,
  );
  lines.push("");
  const src = report.source;
  lines.push(
    `App measured: ${src.wasm ?? "the release build"} (\`trunk build --release\`${src.built ? ` at ${src.built}` : ""}), the work tree at commit ${src.commit}${src.uncommitted_app_changes.length ? ` with uncommitted changes to ${src.uncommitted_app_changes.join(", ")}` : ""} when the run started.`,
  );
  lines.push("");
  lines.push(
    `Query typed: “${QUERY}” (one character at a time); facets toggled: “${CAPABILITY}” then “${CERTIFICATION}”, on then off; ` +
      `${PROFILES_PER_RUN} profiles opened per run; ${FOLLOW_UP_ENTRIES} members saved to the follow-up list, then #/follow-up reloaded. ` +
      `Repetitions: ${Object.entries(report.plans).map(([s, p]) => `${s} × ${p.reps}`).join(", ")} (each a fresh browser profile per app, the apps interleaved; at 100k loaded unthrottled only, interactions at both rates). ` +
      `CPU throttling by DevTools (Emulation.setCPUThrottlingRate; check: ×${report.calibration.factor.toFixed(1)} measured for 4×). ` +
      `Times in ms from the page's own clock; “median / p95”; ratio = Vitrina ÷ baseline (below 1: Vitrina is faster or smaller).`,
  );
  lines.push("");
  lines.push("## Targets (issues 5 and 15)");
  lines.push("");
  lines.push("| target | Vitrina | met |");
  lines.push("|---|---|---|");
  for (const t of report.targets) lines.push(`| ${t.target} | ${t.value ?? "not measured in this run"}${t.detail ? ` — ${t.detail}` : ""} | ${t.met === null ? "—" : t.met ? "yes" : "**no**"} |`);
  lines.push("");
  for (const [scale, conditions] of Object.entries(report.results)) {
    const d = report.directories[scale];
    for (const [condition, metrics] of Object.entries(conditions)) {
      lines.push(`## ${scale} members (${(d.raw / 1e6).toFixed(1)} MB), CPU ${condition === "1x" ? "unthrottled" : `throttled ${condition.replace("x", "×")}`}`);
      lines.push("");
      lines.push("| measure | Vitrina | MiniSearch | FlexSearch | Vitrina ÷ MiniSearch | Vitrina ÷ FlexSearch |");
      lines.push("|---|---:|---:|---:|---:|---:|");
      for (const [metric, unit, label] of METRICS) {
        const row = metrics[metric];
        if (!row) continue;
        const cell = (app) => (row[app] ? `${fmt(row[app].median, unit)} / ${fmt(row[app].p95, unit)}` : "—");
        lines.push(`| ${label} (${unit}, n=${row.vitrina?.n ?? row.minisearch?.n}) | ${cell("vitrina")} | ${cell("minisearch")} | ${cell("flexsearch")} | ${ratio(row["vitrina/minisearch"])} | ${ratio(row["vitrina/flexsearch"])} |`);
      }
      lines.push("");
    }
  }
  lines.push("## Transfer sizes");
  lines.push("");
  lines.push("App shell (what every visitor downloads before the directory file): raw, gzip -9, brotli q11.");
  lines.push("");
  lines.push("| app | raw | gzip | brotli | brotli, Vitrina ÷ app |");
  lines.push("|---|---:|---:|---:|---:|");
  const v = report.sizes.shell.vitrina.total;
  for (const app of APPS) {
    const t = report.sizes.shell[app.id].total;
    lines.push(`| ${app.name} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} | ${(v.brotli / t.brotli).toFixed(2)} |`);
  }
  lines.push("");
  lines.push("| Vitrina file | raw | gzip | brotli |");
  lines.push("|---|---:|---:|---:|");
  for (const f of report.sizes.shell.vitrina.files) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  lines.push("");
  const chunks = report.sizes.shell.chunks;
  if (chunks?.files.length) {
    lines.push(`Chunks of the code split, downloaded when their part is opened (not in the shell): ${chunks.files.length} files, ${kb(chunks.total.raw)} raw, ${kb(chunks.total.brotli)} brotli.`);
    lines.push("");
  }
  lines.push("Directory file (the same file for every app): raw, gzip -9, brotli q9.");
  lines.push("");
  lines.push("| members | raw | gzip | brotli |");
  lines.push("|---|---:|---:|---:|");
  for (const [scale, d] of Object.entries(report.directories)) lines.push(`| ${scale} | ${kb(d.raw)} | ${kb(d.gzip)} | ${kb(d.brotli)} |`);
  lines.push("");
  lines.push("## What the pages showed");
  lines.push("");
  lines.push("The apps must agree on what they show for the benchmark to compare like with like (ranking may differ; counts should not).");
  lines.push("");
  lines.push("| members | app | first screen | after typing the query | result counts: +capability, +certification, −certification, −capability | directory bytes on warm loads |");
  lines.push("|---|---|---|---|---|---|");
  for (const [scale, apps] of Object.entries(report.sanity))
    for (const app of APPS) {
      const s = apps[app.id] ?? {};
      const pick = (prefix) => Object.entries(s).find(([key]) => key.startsWith(prefix))?.[1] ?? [];
      const first = pick("first screen").map((v) => `${v.count}, ${v.rows} rows, ${v.facetValues} facet values`).join("; ");
      const typed = pick("after typing").map((v) => `${v.count}; first: ${v.first.slice(0, 3).join(", ")}`).join(" | ");
      const counts = pick("result counts").map((v) => v.join(" → ")).join(" | ");
      const warm = pick("warm loads").join(", ");
      lines.push(`| ${scale} | ${app.name} | ${first} | ${typed} | ${counts} | ${warm} |`);
    }
  if (report.notes.length) {
    lines.push("");
    lines.push("## Notes from the run");
    lines.push("");
    for (const note of report.notes) lines.push(`- ${note}`);
  }
  lines.push("");
  lines.push(`Run took ${(report.seconds / 60).toFixed(1)} minutes. Raw samples: latest.json.`);
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (args.markdownOnly) {
    // Rewrites latest.md beside a latest.json, e.g. after changing how tables are laid out.
    const report = JSON.parse(readFileSync(args.markdownOnly, "utf8"));
    writeFileSync(join(dirname(args.markdownOnly), "latest.md"), markdown(report));
    return;
  }
  const plans = {};
  for (const scale of args.scales) {
    const plan = structuredClone(PLANS[scale]);
    if (args.reps[scale]) plan.reps = args.reps[scale];
    plans[scale] = plan;
  }
  const dist = distFiles();
  // What was built, noted now: the work tree may change while the benchmark runs.
  const measured = { ...source(), wasm: dist.landing.split("/").pop(), built: statSync(join(DIST, "index.html")).mtime.toISOString() };
  const table = mounts(args.scales, dist.css);
  const sizes = { shell: shellSizes(dist) };
  const directories = Object.fromEntries(args.scales.map((scale) => [scale, { members: SCALES[scale].members, ...directorySizes(scale) }]));
  const server = await serve(PORT, table);
  const notes = [];
  try {
    const calibration = await calibrate();
    for (const [scale, plan] of Object.entries(plans)) {
      for (let rep = 0; rep < plan.reps; rep++) {
        for (const run of plan.runs) {
          // Interleave the apps, rotating who goes first, so a busy minute hurts them alike.
          const order = APPS.map((_, i) => APPS[(i + rep + run.nav) % APPS.length]);
          for (const app of order) {
            const t = Date.now();
            const sessionNotes = await session(scale, app, run, rep);
            notes.push(...sessionNotes.map((note) => `${scale} ${app.name} rep ${rep + 1}: ${note}`));
            log(`${scale} rep ${rep + 1}/${plan.reps} load ${run.nav}× interactions ${run.interact.join("×,")}× — ${app.name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
          }
        }
      }
    }
    const results = aggregate(plans);
    checkComplete(plans, results);
    const report = {
      date: new Date().toISOString(),
      machine: machine(),
      source: measured,
      plans,
      scenario: { query: QUERY, capability: CAPABILITY, certification: CERTIFICATION, follow_up_entries: FOLLOW_UP_ENTRIES, long_list_entries: LONG_LIST_ENTRIES, note_keys: NOTE_KEYS, profiles_per_run: PROFILES_PER_RUN },
      calibration,
      metrics: Object.fromEntries(METRICS.map(([key, unit, label]) => [key, { unit, label }])),
      sizes,
      directories,
      results,
      sanity,
      notes,
      seconds: (Date.now() - started) / 1000,
    };
    report.targets = targets(results, { shell: sizes.shell });
    mkdirSync(args.out, { recursive: true });
    writeFileSync(join(args.out, "latest.json"), `${compactJson(report)}\n`);
    writeFileSync(join(args.out, "latest.md"), markdown(report));
    log(`wrote ${join(args.out, "latest.md")} and latest.json`);
    for (const t of report.targets) if (t.met !== null) log(`${t.met ? "met   " : "MISSED"} ${t.target}: ${t.value}`);
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(`\nbench FAILED: ${error instanceof BenchError ? error.message : error.stack}`);
  process.exit(1);
});
