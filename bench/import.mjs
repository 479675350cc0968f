// `make bench-import`: the staff page imports a members workbook of 10 000 rows in Debian's
// Chromium, unthrottled, from the file pick to the merge summary on screen: the reading in the
// worker (read_file), the import, the merge into a published directory of the same 10 000
// members, and the page's render. The time is the page's own clock: from the file input's
// `change` event to the summary's appearance. Median of a few runs, each in a fresh page (the
// worker starts and compiles the wasm every time, as it does for a staff member).
//
//   node bench/import.mjs [--dist target/bench/dist] [--runs 5] [--members 10000]
//
// Expects the staff page in DIST/staff/ (`make bench-build`). Builds target/debug/xtask and the
// `vitrina` tool (debug) if missing, to generate the directory and export it as .xlsx.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";
import { serve } from "./server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const DIST = resolve(ROOT, option("--dist", "target/bench/dist"));
const RUNS = Number(option("--runs", "5"));
const MEMBERS = Number(option("--members", "10000"));
const PORT = Number(process.env.BENCH_PORT ?? 8498);
const OUT = join(ROOT, "target/bench/import");

if (!existsSync(join(DIST, "staff/index.html"))) {
  console.error(`${DIST}/staff/index.html is missing: run \`make bench-build\` first`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const directory = join(OUT, `directory-${MEMBERS}.json`);
const workbook = join(OUT, `socios-${MEMBERS}.xlsx`);
if (!existsSync(workbook)) {
  execFileSync("cargo", ["build", "-p", "xtask", "-p", "vitrina-cli"], { cwd: ROOT, stdio: "inherit" });
  execFileSync(join(ROOT, "target/debug/xtask"), ["gen-directory", "--members", String(MEMBERS), "--seed", "1", "--out", directory], { stdio: "inherit" });
  execFileSync(join(ROOT, "target/debug/vitrina"), ["export", directory, "-o", workbook], { stdio: "inherit" });
}
const bytes = readFileSync(workbook);

const server = await serve(PORT, { "/vitrina/data/directory.json": directory, "/vitrina/": `${DIST}/` });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
const samples = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The page's own clock: the pick's change event, then the summary's first appearance.
      document.addEventListener("change", (event) => {
        if (event.target?.type === "file") globalThis.importStarted ??= performance.now();
      }, true);
      new MutationObserver(() => {
        if (globalThis.importStarted && !globalThis.importShown && document.querySelector("[data-testid=merge-summary]")) {
          globalThis.importShown = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`http://127.0.0.1:${PORT}/vitrina/staff/`);
    await page.locator("main[data-published=loaded]").waitFor({ timeout: 60_000 });
    await page.getByLabel(/Elegir archivos|Pick files/).setInputFiles({ name: "socios.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.getByTestId("merge-summary").waitFor({ timeout: 120_000 });
    const ms = await page.evaluate(() => globalThis.importShown - globalThis.importStarted);
    const headline = await page.getByTestId("merge-summary").textContent();
    console.log(`run ${run + 1}: ${ms.toFixed(0)} ms — ${headline}`);
    samples.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(`import of ${MEMBERS} rows (.xlsx, ${bytes.length} bytes) into a published directory of ${MEMBERS}: median ${median.toFixed(0)} ms over ${RUNS} runs (aim: under 2000 ms)`);
