// Lighthouse (mobile preset: a mid-range phone, slow 4G, 4x CPU slowdown, simulated) on the
// release build in dist/, served under /vitrina/ like a typical static host (GitHub Pages,
// GitLab Pages, Netlify, Cloudflare Pages): HTTPS with HTTP/2 and precompressed brotli, for
// the member list, a profile and the follow-up list with entries. The same pages are also
// measured over plain HTTP/1.1, as a bare web server without TLS would serve them.
// Each page is measured `--runs` times per protocol and the median run (by performance
// score) is kept: single runs on a shared machine vary by a few points.
// Writes bench/results/lighthouse/{summary.md, <page>.json, <page>.http1.json}. Not part of
// `make test`: slow, and performance scores vary with the machine's load.
//
// Usage: node bench/lighthouse.mjs [--port 8470] [--out bench/results/lighthouse] [--dist dist]
//          [--pages list,profile,follow-up] [--protocols h2,h1] [--runs 3] [--save DIR]
// --save DIR keeps each run's trace and DevTools log in DIR/<page>[.http1]-<run>, for
// bench/lighthouse-what-if.mjs.
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { execFileSync, execSync } from "node:child_process";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../scripts/chromium-args.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? 8470);
const out = resolve(args.out ?? "bench/results/lighthouse");
const dist = resolve(args.dist ?? "dist");
const runs = Math.max(1, Number(args.runs ?? 3));
const save = args.save && resolve(args.save);
const PROTOCOLS = {
  h2: { title: "HTTPS, HTTP/2 (a static host)", scheme: "https", suffix: "" },
  h1: { title: "plain HTTP/1.1 (a bare server)", scheme: "http", suffix: ".http1" },
};
const protocols = (args.protocols ?? "h2,h1").split(",");
for (const protocol of protocols) if (!PROTOCOLS[protocol]) throw new Error(`unknown protocol ${protocol}: h2 or h1`);

/** The pages measured at `base`; `prepare` runs in the same browser profile first (storage is kept). */
const pages = (base) => [
  { name: "list", url: base },
  { name: "profile", url: `${base}#/member/aceros-del-norte` },
  {
    name: "follow-up",
    url: `${base}#/follow-up`,
    // Three entries saved the way a visitor does, then the HTTP cache emptied so the
    // measured load is as cold as the others; only the list in localStorage remains.
    prepare: async (page) => {
      // Each run starts from an empty list: an earlier run's entries would turn these saves into removals.
      await page.goto(base);
      await page.evaluate(() => localStorage.clear());
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

/** A self-signed certificate for 127.0.0.1 (openssl), for the HTTPS server. */
function certificate() {
  const folder = mkdtempSync(join(tmpdir(), "vitrina-lighthouse-"));
  const [key, cert] = [join(folder, "key.pem"), join(folder, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** dist/ under /vitrina/ on `port`, brotli when asked for, hashed assets cached for a year. */
function serve(protocol, port) {
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
  const handle = (request, response) => {
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
    const hashed = /-[0-9a-f]{1,16}(_bg)?\.(wasm|js|css)$/.test(file);
    const headers = { "content-type": type, "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache" };
    let body = readFileSync(file);
    if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "") && compressed.has(file)) {
      body = compressed.get(file);
      headers["content-encoding"] = "br";
      headers.vary = "accept-encoding";
    }
    response.writeHead(200, { ...headers, "content-length": body.length });
    response.end(request.method === "HEAD" ? undefined : body);
  };
  const server = protocol === "h2" ? createSecureServer({ ...certificate(), allowHTTP1: true }, handle) : createServer(handle);
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

/** The run with the median performance score of `results` (sorted by score). */
function median(results) {
  const sorted = [...results].sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const seconds = (lhr, id) => lhr.audits[id].displayValue;
const tables = [];
const details = [];
mkdirSync(out, { recursive: true });
for (const [offset, protocol] of protocols.entries()) {
  const { title, scheme, suffix } = PROTOCOLS[protocol];
  const server = await serve(protocol, port + offset);
  const base = `${scheme}://127.0.0.1:${port + offset}/vitrina/`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    headless: "new",
    // The certificate is this run's own, made a minute ago.
    args: [...CHROMIUM_ARGS, "--headless=new", ...(protocol === "h2" ? ["--ignore-certificate-errors"] : [])],
  });
  const rows = [];
  try {
    for (const target of pages(base).filter((page) => !args.pages || args.pages.split(",").includes(page.name))) {
      const results = [];
      for (let run = 0; run < runs; run++) {
        const page = await browser.newPage();
        if (target.prepare) await target.prepare(page);
        const flags = { output: "json", logLevel: "error", disableStorageReset: Boolean(target.prepare), formFactor: "mobile" };
        // Gathered to disk, then audited from there: the same result, and the run kept.
        if (save) flags.gatherMode = flags.auditMode = join(save, `${target.name}${suffix}-${run + 1}`);
        results.push(slim((await lighthouse(target.url, flags, undefined, page)).lhr));
        await page.close();
      }
      const lhr = median(results);
      writeFileSync(join(out, `${target.name}${suffix}.json`), JSON.stringify(lhr, null, 1));
      const scores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, Math.round(lhr.categories[id].score * 100)]));
      const every = results.map((result) => Math.round(result.categories.performance.score * 100)).join(", ");
      rows.push(
        `| ${target.name} | ${Object.entries(scores)
          .map(([id, score]) => (score >= TARGETS[id] * 100 ? `${score}` : `**${score}**`))
          .join(" | ")} | ${every} | ${seconds(lhr, "first-contentful-paint")} | ${seconds(lhr, "largest-contentful-paint")} | ${seconds(lhr, "total-blocking-time")} | ${seconds(lhr, "cumulative-layout-shift")} |`,
      );
      details.push(`### ${target.name}, ${title}\n`);
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
      console.log(protocol, target.name, scores, `performance of each run: ${every}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  tables.push(`### ${title}

| page | performance | accessibility | best practices | SEO | performance, each run | FCP | LCP | TBT | CLS |
|---|---:|---:|---:|---:|---|---:|---:|---:|---:|
${rows.join("\n")}
`);
}

const commit = execSync("git rev-parse --short HEAD").toString().trim();
const chromium = execSync(`${process.env.CHROME_PATH ?? "/usr/bin/chromium"} --version`, { stdio: ["ignore", "pipe", "ignore"] })
  .toString()
  .trim();
const summary = `# Lighthouse, mobile preset

Commit ${commit}, ${new Date().toISOString().slice(0, 10)}, Lighthouse ${JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version}, ${chromium},
\`make lighthouse\` on the release build served under \`/vitrina/\` with precompressed brotli (\`bench/lighthouse.mjs\`),
over HTTPS with HTTP/2 as static hosts serve it, and over plain HTTP/1.1 for comparison.
Simulated throttling (slow 4G, 4× CPU) on a shared 2-core machine: each page is measured ${runs} times per protocol,
the median run is shown (its report is kept beside this file); the score of every run is listed too.
Targets: accessibility 100, best practices 100, SEO ≥ 90, performance ≥ 95; misses in **bold**.

${tables.join("\n")}
## Where points were lost

${details.join("\n")}
`;
writeFileSync(join(out, "summary.md"), summary);
console.log(`wrote ${join(out, "summary.md")}`);
