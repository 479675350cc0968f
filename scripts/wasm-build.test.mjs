// scripts/wasm-build.mjs's rewriting of what wasm-split-cli, wasm-bindgen and Trunk wrote, on
// the loader wasm-split-cli 0.2.4 really writes (tests/fixtures/wasm-split/, one split point
// named "probe"), and that loader run in Node against a fake network: integrity passed on,
// a failed response reported as a failure, a retry that loads, a host without the wasm type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chunkIntegrity, contentHash, partsOfLoader, rewriteGlue, rewriteIndex, rewriteLoader } from "./wasm-build.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LOADER = readFileSync(join(ROOT, "tests/fixtures/wasm-split/__wasm_split.js"), "utf8");
const CHUNK = { file: "split_probe.wasm", name: "vitrina-split_probe-00112233aabbccdd.wasm", integrity: "sha384-probe" };
const GLUE = "vitrina-0123456789abcdef.js";
// The app's real loader (wasm-split-cli 0.2.4 on issue 15's split points), with every file it
// fetches as a chunk named and hashed after it.
const APP_LOADER = readFileSync(join(ROOT, "tests/fixtures/wasm-split/app-loader.js"), "utf8");
const APP_CHUNKS = [...APP_LOADER.matchAll(/fetch\(new URL\("\.\/([^"]+\.wasm)"/g)].map(([, file]) => ({
  file,
  name: `h-${file}`,
  integrity: `sha384-${file}`,
}));

test("the loader imports the hashed glue and fetches every chunk by its hashed name with its integrity", () => {
  const loader = rewriteLoader(LOADER, [CHUNK], GLUE);
  assert.match(loader, /import \{ initSync \} from "\.\/vitrina-0123456789abcdef\.js";/);
  assert.match(loader, /fetchChunk\(new URL\("\.\/vitrina-split_probe-00112233aabbccdd\.wasm", import\.meta\.url\), "sha384-probe"\)/);
  assert.doesNotMatch(loader, /split_probe\.wasm/);
  assert.doesNotMatch(loader, /[^.]fetch\(new URL/);
  // instantiateStreaming only where the response's type was checked.
  assert.equal(loader.match(/instantiateStreaming/g).length, 1);
});

test("a loader of another shape is refused rather than shipped without integrity", () => {
  assert.throws(() => rewriteLoader(LOADER, [], GLUE), /fetches split_probe\.wasm, which it did not write/);
  assert.throws(() => rewriteLoader(LOADER, [CHUNK, { ...CHUNK, file: "chunk_1.wasm" }], GLUE), /never fetches chunk_1\.wasm/);
  assert.throws(() => rewriteLoader(LOADER.replace("initSync", "init"), [CHUNK], GLUE), /does not import initSync/);
  const notStreaming = LOADER.replace("WebAssembly.instantiateStreaming(src, imports)", "WebAssembly.instantiate(src, imports)");
  assert.throws(() => rewriteLoader(notStreaming, [CHUNK], GLUE), /instantiateStreaming/);
});

test("the glue imports the loader under its hashed name, every time it imports it", () => {
  const glue = 'import * as import1 from "./__wasm_split.js"\nconst x = 1;';
  assert.equal(rewriteGlue(glue, "vitrina-split-0123456789abcdef.js"), 'import * as import1 from "./vitrina-split-0123456789abcdef.js"\nconst x = 1;');
  assert.throws(() => rewriteGlue("const x = 1;", "x.js"), /found 0/);
  // wasm-bindgen imports the loader once per chunk the main module links (ten in the app).
  const twice = 'import * as import1 from "./__wasm_split.js"\nimport * as import2 from "./__wasm_split.js"';
  assert.equal(
    rewriteGlue(twice, "l.js"),
    'import * as import1 from "./l.js"\nimport * as import2 from "./l.js"',
  );
});

test("index.html's start-up tag names the app's files under the public URL, and they are preloaded", () => {
  const index = [
    "<html><head>",
    '<link rel="stylesheet" href="/v/main-1.css"/>',
    '<link data-trunk rel="rust" data-trunk-skip data-trunk-id="7" />',
    '<script type="module" src="boot.js" data-vitrina-boot></script>',
    "</head><body></body></html>",
  ].join("\n");
  const written = rewriteIndex(index, {
    base: "/v/",
    glue: { name: GLUE, integrity: "sha384-glue" },
    wasm: { name: "vitrina-0123456789abcdef_bg.wasm", integrity: "sha384-wasm" },
    loader: { name: "vitrina-split-0123456789abcdef.js", integrity: "sha384-loader" },
  });
  assert.doesNotMatch(written, /data-trunk/);
  assert.match(written, /<script type="module" src="\/v\/boot\.js" data-vitrina-boot data-vitrina-js="\/v\/vitrina-0123456789abcdef\.js" data-vitrina-wasm="\/v\/vitrina-0123456789abcdef_bg\.wasm" data-vitrina-parts="\{\}"><\/script>/);
  assert.match(written, /<link rel="modulepreload" href="\/v\/vitrina-0123456789abcdef\.js" crossorigin="anonymous" integrity="sha384-glue">/);
  assert.match(written, /<link rel="modulepreload" href="\/v\/vitrina-split-0123456789abcdef\.js" crossorigin="anonymous" integrity="sha384-loader">/);
  assert.match(written, /<link rel="preload" href="\/v\/vitrina-0123456789abcdef_bg\.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application\/wasm">\n<\/head>/);
  const withoutSplit = rewriteIndex(index, { base: "./", glue: { name: GLUE, integrity: "a" }, wasm: { name: "w.wasm", integrity: "b" }, loader: null });
  assert.doesNotMatch(withoutSplit, /modulepreload" href="\.\/vitrina-split/);
  assert.throws(() => rewriteIndex("<html><head></head></html>", { base: "./", glue: {}, wasm: {}, loader: null }), /data-vitrina-boot/);
});

test("names change with any byte of what they name", () => {
  assert.match(contentHash("a"), /^[0-9a-f]{16}$/);
  assert.notEqual(contentHash("a", "b"), contentHash("a", "c"));
});

// The smallest valid wasm module: the loader instantiates it like a chunk (it imports nothing).
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** The rewritten `loaderText` as a module in a folder with a fake glue, and what its callbacks saw. */
async function loadedLoader(loaderText = LOADER, chunks = [CHUNK]) {
  const folder = mkdtempSync(join(tmpdir(), "vitrina-split-"));
  const calls = [];
  globalThis.__splitCallbacks = calls;
  writeFileSync(
    join(folder, GLUE),
    "export function initSync() { return { __indirect_function_table: { get: (index) => (data, success) => globalThis.__splitCallbacks.push({ index, data, success }) } }; }\n",
  );
  writeFileSync(join(folder, "loader.mjs"), rewriteLoader(loaderText, chunks, GLUE));
  const loader = await import(pathToFileURL(join(folder, "loader.mjs")).href);
  return { loader, calls };
}

/** Replaces fetch with `answers` in order, recording each request. */
function fakeNetwork(answers) {
  const requests = [];
  globalThis.fetch = async (url, options) => {
    requests.push({ url: String(url), integrity: options?.integrity });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return requests;
}

test("run in a browser-like world, the loader reports a failed chunk, retries, and falls back without the wasm type", async () => {
  const realFetch = globalThis.fetch;
  const realError = console.error;
  console.error = () => {};
  try {
    const { loader, calls } = await loadedLoader();
    const requests = fakeNetwork([
      new Response("Service Unavailable", { status: 503 }),
      new TypeError("Failed to fetch (integrity)"),
      new Response(EMPTY_WASM, { status: 200, headers: { "content-type": "application/octet-stream" } }),
    ]);
    await loader.__wasm_split_load_probe(7, 70);
    await loader.__wasm_split_load_probe(7, 71);
    await loader.__wasm_split_load_probe(7, 72);
    assert.deepEqual(calls, [
      { index: 7, data: 70, success: false },
      { index: 7, data: 71, success: false },
      { index: 7, data: 72, success: true },
    ]);
    assert.equal(requests.length, 3, "a failed load is not remembered: each call fetched again");
    for (const request of requests) {
      assert.match(request.url, /\/vitrina-split_probe-00112233aabbccdd\.wasm$/);
      assert.equal(request.integrity, "sha384-probe");
    }
    // Loaded once, it stays loaded.
    await loader.__wasm_split_load_probe(7, 73);
    assert.equal(requests.length, 3);
    assert.deepEqual(calls.at(-1), { index: 7, data: 73, success: true });
  } finally {
    globalThis.fetch = realFetch;
    console.error = realError;
  }
});

test("a part whose first chunk fails ends only when its other downloads have, so Retry starts afresh", async () => {
  // "events" waits on nine chunks.
  const { loader, calls } = await loadedLoader(APP_LOADER, APP_CHUNKS);

  const realFetch = globalThis.fetch;
  const realError = console.error;
  console.error = () => {};
  const slow = [];
  try {
    // The first chunk fails at once; the others hang until released, then fail (altered).
    let first = true;
    globalThis.fetch = (url) => {
      if (first) {
        first = false;
        return Promise.resolve(new Response("", { status: 503 }));
      }
      return new Promise((_, reject) => slow.push(() => reject(new TypeError(`integrity: ${url}`))));
    };
    const failing = loader.__wasm_split_load_events(1, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(slow.length > 0, "the other chunks are downloading");
    assert.deepEqual(calls, [], "no verdict while chunks it started are still downloading");
    for (const release of slow) release();
    await failing;
    assert.deepEqual(calls, [{ index: 1, data: 1, success: false }]);

    // Back online: Retry fetches everything again and loads.
    globalThis.fetch = async () => new Response(EMPTY_WASM, { status: 200, headers: { "content-type": "application/wasm" } });
    await loader.__wasm_split_load_events(1, 2);
    assert.deepEqual(calls.at(-1), { index: 1, data: 2, success: true });
  } finally {
    globalThis.fetch = realFetch;
    console.error = realError;
  }
});

test("each part lists its shared chunks and its own module, hashed, for boot.js to fetch early", () => {
  const parts = partsOfLoader(APP_LOADER, APP_CHUNKS);
  assert.deepEqual(Object.keys(parts).sort(), ["events", "exports", "follow_up", "handoff_compression", "member", "problems", "qr", "received"]);
  // The part's own module last, after the chunks the loader waits for first.
  assert.deepEqual(parts.exports, ["h-chunk_18.wasm", "h-chunk_19.wasm", "h-split_exports.wasm"]);
  assert.throws(() => partsOfLoader(APP_LOADER, []), /names a chunk it did not write/);
  const index = rewriteIndex('<head><script type="module" src="boot.js" data-vitrina-boot></script></head>', {
    base: "./",
    glue: { name: GLUE, integrity: "g" },
    wasm: { name: "w.wasm", integrity: "w" },
    loader: null,
    parts: { exports: parts.exports },
  });
  assert.match(index, /data-vitrina-parts="\{&quot;exports&quot;:\[&quot;h-chunk_18\.wasm&quot;,/);
});

test("a chunk's integrity is the SHA-256 Subresource Integrity value of its bytes", () => {
  // The value of RFC 6234's "abc" test vector, in SRI's base64.
  assert.equal(chunkIntegrity(Buffer.from("abc")), "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
});
