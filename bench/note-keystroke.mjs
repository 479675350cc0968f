// Issue 12: the cost of one keystroke in a note of a 1,000-entry follow-up list, at 4x CPU
// throttling (Chrome DevTools Protocol `Emulation.setCPUThrottlingRate`).
//
//   node bench/note-keystroke.mjs [--dist dist] [--entries 1000] [--keys 20]
//
// Serves `dist` under /vitrina/, adds one person through the form, copies that entry to
// `entries` entries in storage, reloads, then types `keys` characters into the first note,
// one at a time: each is timed from the input event to the end of the next task (the
// handler, the reactive updates and the storage write it caused). Prints the median and
// the worst, and the localStorage writes the typing caused.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dist = resolve(args.dist ?? "dist");
const n = Number(args.entries ?? 1000);
const keys = Number(args.keys ?? 20);
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };
const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname).replace(/^\/vitrina\//, "/");
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${server.address().port}/vitrina/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await browser.newPage({ serviceWorkers: "block", locale: "es-MX" });
await page.goto(`${base}#/follow-up`);
await page.getByText("Agregar a una persona que conocí").click();
const form = page.locator("details.add-person form");
await form.getByLabel("Nombre").fill("Persona 0");
await form.getByLabel("Empresa").fill("Empresa de prueba");
await form.getByRole("button", { name: "Agregar", exact: true }).click();
await page.locator("ol.entry-list > li").first().waitFor();
await page.evaluate((n) => {
  const key = Object.keys(localStorage).find((key) => key.startsWith("vitrina.follow-up.v1:") && !key.slice(21).includes("."));
  const doc = JSON.parse(localStorage.getItem(key));
  const [first] = doc.entries;
  doc.entries = Array.from({ length: n }, (_, i) => ({
    ...first,
    id: `${first.id}-${i}`,
    snapshot: { ...first.snapshot, contact_name: `Persona ${i}` },
    note: `Nota ${i}`,
  }));
  localStorage.setItem(key, JSON.stringify(doc));
}, n);
await page.reload();
const note = page.locator("ol.entry-list > li textarea").first();
await page.locator("ol.entry-list > li").nth(n - 1).waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.evaluate(() => {
  window.__writes = 0;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...a) {
    window.__writes += 1;
    return setItem.apply(this, a);
  };
});
const times = await note.evaluate(async (textarea, keys) => {
  textarea.focus();
  const times = [];
  for (let i = 0; i < keys; i++) {
    const start = performance.now();
    textarea.value += "x";
    textarea.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
    await new Promise((done) => setTimeout(done, 0));
    times.push(performance.now() - start);
    // A typist's pause between keys, shorter than the save delay.
    await new Promise((done) => setTimeout(done, 100));
  }
  return times;
}, keys);
const writesWhileTyping = await page.evaluate(() => window.__writes);
await page.waitForTimeout(1500);
const writesAfterPause = await page.evaluate(() => window.__writes);
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    dist,
    entries: n,
    keys,
    cpuThrottling: 4,
    medianMs: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)),
    worstMs: Number(sorted.at(-1).toFixed(1)),
    storageWritesWhileTyping: writesWhileTyping,
    storageWritesAfterPause: writesAfterPause,
  }),
);
await browser.close();
server.close();
