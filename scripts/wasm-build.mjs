// The visitor app's wasm pipeline, in place of Trunk's own rust step, so the app can be split
// into chunks loaded on demand (issue 15). Trunk cannot run a splitter between cargo and
// wasm-bindgen, so this script does the whole chain and writes its result into the site Trunk
// is building; Trunk stays the build and serve tool for everything else. Run first by the one
// post_build hook (scripts/post-build.mjs), so `make build`, `make serve`, `make test` and
// `make bench` all take this one path.
//
//   1. cargo, with `-C link-args=--emit-relocs` for the app's final link only (`cargo rustc`),
//      so the splitter can move functions; every dependency keeps its cache with test builds.
//   2. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/ensure-tools.sh)
//      cuts the module at the app's `#[wasm_split]` points (src/split.rs): a main module, one
//      module per split point and shared chunks, and a loader (__wasm_split.js).
//   3. wasm-bindgen on the main module (keeping the exports the chunks link against), then
//      wasm-opt on every module in release builds.
//   4. Names with content hashes; the loader learns them, and fetches every chunk with its
//      Subresource Integrity hash, so a chunk altered on the way is refused, not run.
//   5. index.html's start-up tag learns the app's names (boot.js reads them) and the browser
//      is told to preload the main module, its glue and the loader.
//
// Setting --emit-relocs for every wasm32 build in .cargo/config.toml, as first planned, was
// measured and refused: wasm-bindgen keeps the relocation sections, binaryen then cannot
// optimise the module ("linking section is present"), and the staff page's wasm, which is not
// split, came out more than twice its size.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { integrity } from "./minify.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..");
const BIN = "vitrina";
const FEATURES = "app,split";
const TARGET = "wasm32-unknown-unknown";
/** Trunk's leftover of index.html's `<link data-trunk rel="rust" data-trunk-skip>`. */
const SKIPPED_RUST_LINK = /\s*<link\b[^>]*\bdata-trunk-skip\b[^>]*>/;
/** The start-up tag of index.html that this script fills in. */
const BOOT_TAG = /<script\b[^>]*\bdata-vitrina-boot\b[^>]*>\s*<\/script>/;

/**
 * The integrity of a chunk, as the loader checks it: SHA-256, not the SHA-384 of the files
 * index.html names. The loader, on the way to the first screen, holds one per chunk, and
 * there are dozens: 20 fewer random characters each were 0.6 KB brotli (issue 16). SHA-256 is
 * as strong against a tampered file as Subresource Integrity needs.
 */
export function chunkIntegrity(bytes) {
  return `sha256-${createHash("sha256").update(bytes).digest("base64")}`;
}

/** The first 16 hex digits of the SHA-256 of `parts`: the form of Trunk's own hashed names. */
export function contentHash(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
}

/** The loader's makeLoad, replacing wasm-split-cli's (see `rewriteLoader`). */
const MAKE_LOAD = `// Loads that failed so far: a load started before the latest failure is never joined.
let failedLoads = 0;
function makeLoad(fetcher, deps) {
    let succeeded;
    let current;
    let instance;
    const load = async () => {
        const parallelStuff = deps.map((d) => d());
        const instantiate = fetcher();
        const settled = await Promise.allSettled(parallelStuff);
        const failed = settled.find((result) => result.status === "rejected");
        if (failed) throw failed.reason;
        // Two attempts may both download the module: only the first to get here runs it.
        if (instance === undefined) {
            instance = instantiate(getSharedImports());
            instance.catch(() => { instance = undefined; });
        }
        return instance;
    };
    return () => {
        if (succeeded !== undefined) return succeeded;
        if (current !== undefined && current.failedBefore === failedLoads) return current.promise;
        const promise = load();
        current = { promise, failedBefore: failedLoads };
        promise.then(
            () => { succeeded = promise; },
            () => {
                failedLoads += 1;
                if (current !== undefined && current.promise === promise) current = undefined;
            },
        );
        return promise;
    };
}
`;

/**
 * The loader wasm-split-cli wrote, made to fetch `chunks` (`{file, name, integrity}`: its file
 * name, the hashed name it gets and that file's SRI hash) and to import the glue at `glue`.
 *
 * The generated loader fetches `new URL("./file.wasm", import.meta.url)` with no integrity and
 * hands the response to `instantiateStreaming`, which also fails on a host that serves .wasm
 * with another type. Every fetch is rewritten to go through `fetchChunk`: the hashed name, the
 * integrity hash, a clear error for a failed response, and a fallback that compiles the bytes
 * when the type is not application/wasm. Throws when the loader does not have the shape this
 * rewrite expects (a new wasm-split-cli), rather than shipping chunks without integrity.
 */
export function rewriteLoader(loader, chunks, glue) {
  const mainImport = /import \{ initSync \} from "\.\/[^"]+";/;
  if (!mainImport.test(loader)) throw new Error("wasm-split-cli's loader does not import initSync from the main module as expected");
  let text = loader.replace(mainImport, `import { initSync } from "./${glue}";`);
  const fetches = /fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g;
  const seen = new Set();
  text = text.replace(fetches, (_, file) => {
    const chunk = chunks.find((candidate) => candidate.file === file);
    if (!chunk) throw new Error(`wasm-split-cli's loader fetches ${file}, which it did not write`);
    seen.add(file);
    return `fetchChunk(new URL(${JSON.stringify(`./${chunk.name}`)}, import.meta.url), ${JSON.stringify(chunk.integrity)})`;
  });
  const unfetched = chunks.filter((chunk) => !seen.has(chunk.file)).map((chunk) => chunk.file);
  if (unfetched.length > 0) throw new Error(`the loader never fetches ${unfetched.join(", ")}`);
  const streaming = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
  const instantiations = (text.match(streaming) ?? []).length;
  if (instantiations !== chunks.length) {
    throw new Error(`expected ${chunks.length} instantiateStreaming calls in wasm-split-cli's loader, found ${instantiations}`);
  }
  text = text.replace(streaming, "instantiateChunk(src, imports)");
  // The generated makeLoad shares one in-flight load per module between every caller. On
  // venue wifi that made Retry fail again: a part gave up at its first failed chunk while
  // its other chunks were still downloading (to fail too), and a Retry, or a part sharing a
  // chunk with a prefetch that was failing, joined those doomed downloads. Seen as a flaky
  // e2e test. Ours never joins a load started before the latest failure, waits for all of
  // a part's chunks before saying it failed, and instantiates each module at most once.
  const makeLoad = /function makeLoad\(fetcher, deps\) \{[\s\S]*?\n\}\n/;
  if (!makeLoad.test(text)) throw new Error("wasm-split-cli's loader has no makeLoad(fetcher, deps) as expected");
  text = text.replace(makeLoad, () => MAKE_LOAD);

  return `${text}
// Added by scripts/wasm-build.mjs: every chunk is fetched with its integrity hash, and a
// failed response is an error the app shows with a retry, never a half-loaded module.
function fetchChunk(url, integrity) {
  return fetch(url, { integrity }).then((response) => {
    if (!response.ok) throw new Error(\`\${url}: HTTP \${response.status}\`);
    return response;
  });
}
async function instantiateChunk(response, imports) {
  const answer = await response;
  if ((answer.headers.get("content-type") ?? "").split(";")[0].trim() === "application/wasm") {
    return WebAssembly.instantiateStreaming(answer, imports);
  }
  return WebAssembly.instantiate(await answer.arrayBuffer(), imports);
}
`;
}

/**
 * For each split point of the loader wasm-split-cli wrote, the files its part needs (its
 * shared chunks and its own module), as `{split: [hashedName, ...]}`: boot.js fetches the
 * ones of the page it opens on beside the main module, so a profile opened from a QR code
 * does not wait for the app to start before its code is requested. Names only: that fetch
 * only fills the HTTP cache, and the loader checks every chunk's integrity when it takes it
 * from there; 38 integrity hashes were 1.8 KB brotli of index.html (issue 16).
 */
export function partsOfLoader(loader, chunks) {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const sharedChunks = new Map();
  for (const match of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+\.wasm)"/g)) {
    sharedChunks.set(match[1], match[2]);
  }
  const parts = {};
  const splits = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g;
  for (const [, split, fetcher, deps] of loader.matchAll(splits)) {
    const files = deps.split(",").map((dep) => dep.trim()).filter(Boolean).map((dep) => sharedChunks.get(dep));
    const own = fetcher.match(/new URL\("\.\/([^"]+\.wasm)"/);
    if (own) files.push(own[1]);
    if (files.some((file) => !byFile.has(file))) throw new Error(`the loader's part ${split} names a chunk it did not write`);
    parts[split] = files.map((file) => byFile.get(file).name);
  }
  return parts;
}

/** wasm-bindgen's glue, importing the loader under its hashed name (once per chunk it links). */
export function rewriteGlue(glue, loaderName) {
  const imports = glue.match(/from ["']\.\/__wasm_split\.js["']/g) ?? [];
  if (imports.length === 0) throw new Error("expected an import of ./__wasm_split.js in wasm-bindgen's glue, found 0");
  return glue.replaceAll(/from ["']\.\/__wasm_split\.js["']/g, `from "./${loaderName}"`);
}

/**
 * `index` with its start-up tag naming the app's files (under `base`, the public URL) and
 * preload links for them, each with its integrity hash (minify.mjs corrects the hashes of the
 * files it minifies afterwards).
 */
export function rewriteIndex(index, { base, glue, wasm, loader, parts = {} }) {
  if (!BOOT_TAG.test(index)) throw new Error("index.html has no <script data-vitrina-boot> tag to start the app from");
  const attribute = (value) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  const tag =
    `<script type="module" src="${attribute(base)}boot.js" data-vitrina-boot ` +
    `data-vitrina-js="${attribute(base + glue.name)}" data-vitrina-wasm="${attribute(base + wasm.name)}" ` +
    `data-vitrina-parts="${attribute(JSON.stringify(parts))}"></script>`;
  const preloads = [
    `<link rel="modulepreload" href="${attribute(base + glue.name)}" crossorigin="anonymous" integrity="${glue.integrity}">`,
    ...(loader ? [`<link rel="modulepreload" href="${attribute(base + loader.name)}" crossorigin="anonymous" integrity="${loader.integrity}">`] : []),
    `<link rel="preload" href="${attribute(base + wasm.name)}" crossorigin="anonymous" integrity="${wasm.integrity}" as="fetch" type="application/wasm">`,
  ].join("\n");
  return index.replace(SKIPPED_RUST_LINK, "").replace(BOOT_TAG, tag).replace("</head>", `${preloads}\n</head>`);
}

function run(command, args, log) {
  log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * Builds, splits, binds, optimises and names the app into `site`, and points `site`/index.html
 * at it. `release`: cargo's release profile and wasm-opt; `optimise: false` keeps the function
 * names (bench/build-diag.sh). Returns the files written, main module first.
 */
export function buildWasm({ site, release = true, optimise = release, base = "./", log = () => {} }) {
  const profile = release ? "release" : "debug";
  run("cargo", ["rustc", "--quiet", "--target", TARGET, "--bin", BIN, "--features", FEATURES, ...(release ? ["--release"] : []), "--", "-C", "link-args=--emit-relocs"], log);
  const input = join(ROOT, "target", TARGET, profile, `${BIN}.wasm`);
  const work = join(ROOT, "target", "wasm-split", profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "bindgen"), { recursive: true });
  run("wasm-split-cli", [input, work, "--out-name", BIN], log);
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle", "--out-dir", join(work, "bindgen"), "--out-name", BIN, join(work, `${BIN}.wasm`)], log);
  if (existsSync(join(work, "bindgen", "snippets"))) throw new Error("wasm-bindgen wrote JS snippets: this pipeline does not copy them yet");

  const chunkFiles = readdirSync(work).filter((file) => file.endsWith(".wasm") && file !== `${BIN}.wasm`).sort();
  const mainWasm = join(work, "bindgen", `${BIN}_bg.wasm`);
  if (optimise) {
    for (const file of [mainWasm, ...chunkFiles.map((chunk) => join(work, chunk))]) {
      // --converge repeats -Oz until nothing shrinks: 1.5 KB brotli off the landing module
      // for about 12 s of build (measured 2026-12-04). --low-memory-unused would take 1 KB
      // more by assuming the stack never reaches the first kilobyte: not taken.
      run("wasm-opt", ["-Oz", "--converge", file, "-o", file], log);
    }
  }

  const chunks = chunkFiles.map((file) => {
    const bytes = readFileSync(join(work, file));
    return { file, bytes, name: `${BIN}-${basename(file, ".wasm")}-${contentHash(bytes)}.wasm`, integrity: chunkIntegrity(bytes) };
  });
  const wasmBytes = readFileSync(mainWasm);
  const glueSource = readFileSync(join(work, "bindgen", `${BIN}.js`), "utf8");
  const loaderSource = readFileSync(join(work, "__wasm_split.js"), "utf8");
  // One hash for the main module, its glue and the loader: the glue names the loader and the
  // loader names the glue, so neither can be named by its own bytes; any change in any of
  // the three (or in a chunk, whose name the loader holds) renames all three.
  const hash = contentHash(wasmBytes, glueSource, loaderSource, ...chunks.map((chunk) => chunk.name));
  const names = { wasm: `${BIN}-${hash}_bg.wasm`, glue: `${BIN}-${hash}.js`, loader: `${BIN}-split-${hash}.js` };
  // Without split points the main module imports nothing from the loader, and none is shipped.
  const split = chunks.length > 0;
  const loader = split ? rewriteLoader(loaderSource, chunks, names.glue) : null;
  const glue = split ? rewriteGlue(glueSource, names.loader) : glueSource;

  writeFileSync(join(site, names.wasm), wasmBytes);
  writeFileSync(join(site, names.glue), glue);
  if (split) writeFileSync(join(site, names.loader), loader);
  for (const chunk of chunks) writeFileSync(join(site, chunk.name), chunk.bytes);

  const indexPath = join(site, "index.html");
  const index = rewriteIndex(readFileSync(indexPath, "utf8"), {
    base,
    glue: { name: names.glue, integrity: integrity(glue) },
    wasm: { name: names.wasm, integrity: integrity(wasmBytes) },
    loader: split ? { name: names.loader, integrity: integrity(loader) } : null,
    parts: split ? partsOfLoader(loaderSource, chunks) : {},
  });
  writeFileSync(indexPath, index);
  const written = [names.wasm, names.glue, ...(split ? [names.loader] : []), ...chunks.map((chunk) => chunk.name)];
  log(`wasm: ${written.join(", ")}`);
  return written;
}

function main() {
  const site = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!site) {
    console.error("usage: node scripts/wasm-build.mjs SITE_FOLDER [--debug] [--keep-names]");
    process.exit(2);
  }
  const release = !process.argv.includes("--debug");
  buildWasm({ site: resolve(site), release, optimise: release && !process.argv.includes("--keep-names"), log: console.log });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
