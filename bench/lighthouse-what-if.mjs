// What a Lighthouse run would have scored with some files larger or smaller, without building
// them: re-audits a run saved by `node bench/lighthouse.mjs --save DIR` after changing the
// transfer size of the responses whose URL contains a given text. Lighthouse simulates slow
// 4G from the saved trace (requests, their order and connections, CPU tasks), so the answer
// is exact for that run; e.g. how many kilobytes the wasm is from the next round trip.
//
// Usage: node bench/lighthouse-what-if.mjs DIR/<page>-<run> [URL-PART=BYTES ...]
//   e.g. node bench/lighthouse-what-if.mjs target/lh/list.http1-1 _bg.wasm=-17000
import lighthouse from "lighthouse";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [saved, ...changes] = process.argv.slice(2);
if (!saved) {
  console.error("usage: node bench/lighthouse-what-if.mjs DIR/<page>-<run> [URL-PART=BYTES ...]");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "vitrina-what-if-"));
try {
  cpSync(resolve(saved), work, { recursive: true });
  const logFile = join(work, "defaultPass.devtoolslog.json");
  const log = JSON.parse(readFileSync(logFile, "utf8"));
  const urls = new Map(log.filter((e) => e.method === "Network.requestWillBeSent").map((e) => [e.params.requestId, e.params.request.url]));
  for (const change of changes) {
    const [part, bytes] = change.split("=");
    const changed = log.filter((e) => e.method === "Network.loadingFinished" && (urls.get(e.params.requestId) ?? "").includes(part));
    if (!changed.length || !Number.isFinite(Number(bytes))) throw new Error(`${change}: no response whose URL contains "${part}", or not a number of bytes`);
    for (const event of changed) event.params.encodedDataLength = Math.max(0, event.params.encodedDataLength + Number(bytes));
  }
  writeFileSync(logFile, JSON.stringify(log));
  // The settings must be the gathering's: the follow-up list keeps its storage.
  const artifacts = JSON.parse(readFileSync(join(work, "artifacts.json"), "utf8"));
  const flags = { auditMode: work, output: "json", logLevel: "error", formFactor: "mobile", disableStorageReset: artifacts.settings?.disableStorageReset ?? false };
  const { lhr } = await lighthouse(undefined, flags);
  const metric = (id) => lhr.audits[id].numericValue.toFixed(0);
  console.log(
    `${changes.join(" ") || "as measured"}: performance ${Math.round(lhr.categories.performance.score * 100)}, ` +
      `LCP ${metric("largest-contentful-paint")} ms, FCP ${metric("first-contentful-paint")} ms, TBT ${metric("total-blocking-time")} ms`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
