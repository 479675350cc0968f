// Diagnosis: main-thread tasks of a cold start (4x CPU like Lighthouse's mobile preset),
// longest first, with what ran inside them. Usage: node bench/startup-trace.mjs [hash] [dist]
import puppeteer from "puppeteer-core";
import { resolve } from "node:path";
import { serve } from "./server.mjs";
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";

const hash = process.argv[2] ?? "";
const dist = resolve(process.argv[3] ?? "dist");
const port = 8533;
const server = await serve(port, { "/vitrina/": dist + "/" });
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.setViewport({ width: 412, height: 823 });
const cdp = await page.createCDPSession();
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await cdp.send("ServiceWorker.enable").catch(() => {});
await page.setBypassServiceWorker(true);
await page.tracing.start({ categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading"] });
await page.goto(`http://127.0.0.1:${port}/vitrina/${hash}`, { waitUntil: "networkidle0" });
await new Promise((r) => setTimeout(r, 1500));
const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
const events = trace.traceEvents;
// The renderer that ran the page: the thread that navigated to it.
const navigation = events.find((e) => e.name === "navigationStart" && String(e.args?.data?.documentLoaderURL ?? "").includes("/vitrina/"));
const onMain = events.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === "X");
const tasks = onMain.filter((e) => e.name === "RunTask" && e.dur > 8000).sort((a, b) => a.ts - b.ts);
const t0 = navigation.ts;
for (const task of tasks) {
  const inner = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task && e.dur > (process.env.DETAIL ? 300 : 2000));
  const byName = new Map();
  for (const e of inner) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
  const parts = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(", ");
  console.log(`${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ms  task ${(task.dur / 1000).toFixed(0).padStart(4)} ms: ${parts}`);
}
const fcp = events.find((e) => e.name === "firstContentfulPaint")?.ts ?? t0;
const lcps = events.filter((e) => e.name === "largestContentfulPaint::Candidate");
const blocking = tasks.filter((t) => t.ts + t.dur > fcp).reduce((sum, t) => sum + Math.max(0, t.dur / 1000 - 50), 0);
const longest = Math.max(...tasks.map((t) => t.dur / 1000));
console.log(`SUMMARY blocking=${blocking.toFixed(0)} longest=${longest.toFixed(0)} fcp=${((fcp - t0) / 1000).toFixed(0)} lcp=${((lcps.at(-1)?.ts - t0) / 1000).toFixed(0)}`);
const marks = events.filter((e) => ["firstContentfulPaint", "largestContentfulPaint::Candidate"].includes(e.name));
for (const m of marks) console.log(m.name, ((m.ts - t0) / 1000).toFixed(0));
await browser.close();
server.close();
