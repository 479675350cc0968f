// Lighthouse (mobile preset: a mid-range phone, slow 4G, 4x CPU slowdown, simulated) on the
// release build in dist/, served under /vitrina/ with brotli like a typical static host,
// for the member list, a profile and the follow-up list with entries.
// Writes bench/results/lighthouse/{summary.md, <page>.json}. Not part of `make test`:
// slow, and performance scores vary with the machine's load.
//
// Usage: node bench/lighthouse.mjs [--port 8470] [--out bench/results/lighthouse] [--dist dist] [--pages list,profile,follow-up]
import { createServer } from "node:http";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { execSync } from "node:child_process";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? 8470);
const out = resolve(args.out ?? "bench/results/lighthouse");
const dist = resolve(args.dist ?? "dist");
const base = `http://127.0.0.1:${port}/vitrina/`;

/** The pages measured; `prepare` runs in the same browser profile first (storage is kept). */
const PAGES = [
  { name: "list", url: base },
  { name: "profile", url: `${base}#/member/aceros-del-norte` },
  {
    name: "follow-up",
    url: `${base}#/follow-up`,
    // Three entries saved the way a visitor does, then the HTTP cache emptied so the
    // measured load is as cold as the others; only the list in localStorage remains.
    prepare: async (page) => {
      for (const id of ["aceros-del-norte", "acabados-cumbres", "motores-sierra-madre"]) {
        // A real load each time: a goto that changes only the fragment resolves while the
        // previous profile (already saved) is still on screen, and its button would be hit.
        await page.goto("about:blank");
        await page.goto(`${base}#/member/${id}`);
        await page.waitForSelector(".profile .save-button[aria-pressed=false]");
        await page.click(".profile .save-button");
        await page.waitForSelector(".profile .save-button[aria-pressed=true]");
      }
      // The service worker installed by these visits would answer the measured load from
      // its cache (a return visit); it goes too, with its caches, so all three loads are cold.
      await page.evaluate(async () => {
        const registrations = await navigator.serviceWorker.getRegistrations();
        await Promise.all(registrations.map((registration) => registration.unregister()));
        await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
      });
      const cdp = await page.createCDPSession();
      await cdp.send("Network.clearBrowserCache");
      await cdp.detach();
    },
  },
];

const TARGETS = { performance: 0.95, accessibility: 1, "best-practices": 1, seo: 0.9 };

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** dist/ under /vitrina/, brotli when asked for, hashed assets cached for a year. */
function serve() {
  // Compressed before the first request, like a host serving precompressed files: done on
  // the fly, brotli 11 of the wasm blocked this server for seconds during the first
  // page's load, and Lighthouse's simulation counts server time (the first page measured
  // lost 10-20 points to it).
  const compressed = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!path.endsWith(".png")) {
        compressed.set(path, brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    }
  };
  walk(dist);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith("/vitrina/")) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(dist, path.slice("/vitrina/".length)));
    if (!file.startsWith(dist)) {
      response.writeHead(404).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const hashed = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/.test(file);
    const headers = { "content-type": type, "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache" };
    let body = readFileSync(file);
    if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "") && compressed.has(file)) {
      body = compressed.get(file);
      headers["content-encoding"] = "br";
      headers.vary = "accept-encoding";
    }
    response.writeHead(200, { ...headers, "content-length": body.length });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

/** The report without its pictures (hundreds of kB of base64 that say nothing in a diff). */
function slim(lhr) {
  for (const id of ["screenshot-thumbnails", "final-screenshot", "full-page-screenshot"]) delete lhr.audits[id];
  delete lhr.fullPageScreenshot;
  delete lhr.i18n;
  return lhr;
}

/** Audits that lost points in a category, as "title (score)". */
function misses(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.title} (${audit.displayValue ?? audit.score})`);
}

const server = await serve();
mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: "new",
  args: [...CHROMIUM_ARGS, "--headless=new"],
});
const rows = [];
const details = [];
try {
  for (const target of PAGES.filter((page) => !args.pages || args.pages.split(",").includes(page.name))) {
    const page = await browser.newPage();
    if (target.prepare) await target.prepare(page);
    const flags = { output: "json", logLevel: "error", disableStorageReset: Boolean(target.prepare), formFactor: "mobile" };
    const result = await lighthouse(target.url, flags, undefined, page);
    const lhr = slim(result.lhr);
    writeFileSync(join(out, `${target.name}.json`), JSON.stringify(lhr, null, 1));
    const scores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, Math.round(lhr.categories[id].score * 100)]));
    const metric = (id) => lhr.audits[id].displayValue;
    rows.push(
      `| ${target.name} | ${Object.entries(scores)
        .map(([id, score]) => (score >= TARGETS[id] * 100 ? `${score}` : `**${score}**`))
        .join(" | ")} | ${metric("first-contentful-paint")} | ${metric("largest-contentful-paint")} | ${metric("total-blocking-time")} | ${metric("cumulative-layout-shift")} |`,
    );
    details.push(`### ${target.name}\n`);
    for (const id of Object.keys(TARGETS)) {
      const lost = misses(lhr, id);
      if (lost.length) details.push(`- ${lhr.categories[id].title}: ${lost.join("; ")}`);
    }
    // What the load waits for: each request's compressed size and when it finished (unthrottled).
    const requests = lhr.audits["network-requests"].details.items.map(
      (item) => `${item.url.split("/").pop() || "index.html"} ${(item.transferSize / 1024).toFixed(0)} kB`,
    );
    details.push(`- Requests, in order: ${requests.join(", ")}`);
    const lcp = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet;
    if (lcp) details.push(`- Largest contentful paint: \`${lcp}\``);
    const warnings = lhr.runWarnings.filter(Boolean);
    if (warnings.length) details.push(`- Lighthouse warnings: ${warnings.join(" ")}`);
    details.push("");
    console.log(target.name, scores);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const commit = execSync("git rev-parse --short HEAD").toString().trim();
const chromium = execSync(`${process.env.CHROME_PATH ?? "/usr/bin/chromium"} --version`, { stdio: ["ignore", "pipe", "ignore"] })
  .toString()
  .trim();
const summary = `# Lighthouse, mobile preset

Commit ${commit}, ${new Date().toISOString().slice(0, 10)}, Lighthouse ${JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version}, ${chromium},
\`make lighthouse\` on the release build served under \`/vitrina/\` with brotli (\`bench/lighthouse.mjs\`).
Simulated throttling (slow 4G, 4× CPU) on a shared 2-core machine: performance varies by a few points between runs.
Targets: accessibility 100, best practices 100, SEO ≥ 90, performance ≥ 95; misses in **bold**.

| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

## Where points were lost

${details.join("\n")}
`;
writeFileSync(join(out, "summary.md"), summary);
console.log(`wrote ${join(out, "summary.md")}`);
