// Minifies a build's stylesheet, wasm-bindgen's JS glue and the two start-up scripts, and
// corrects the Subresource Integrity hashes in index.html. Run by Trunk's post_build hook
// (scripts/post-build.mjs) before the service worker is written. All of them are on the way to the first
// screen on venue wifi: about 4 kB less brotli, which on slow 4G is a round trip less before
// the app can start. Their sources in the repository keep their comments.
//
// index.html itself is left as written (Trunk's own minifier would rewrite it): staff edit
// its vitrina-directory meta tag by hand, guided by its comments.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

/**
 * The files minified: Trunk's hashed stylesheet, the app's JS glue and the start-up scripts.
 * Trunk writes its 64-bit hashes in hex without leading zeros, so one build in sixteen has a
 * 15-digit hash (or shorter): seen in issue 14, where such a build shipped its glue unminified.
 */
const MINIFIED = [
  { pattern: /^main-[0-9a-f]{1,16}\.css$/, loader: "css" },
  { pattern: /^vitrina-(split-)?[0-9a-f]{1,16}\.js$/, loader: "js" },
  { pattern: /^(boot|sw-register)\.js$/, loader: "js" },
];

/** The `sha384-…` Subresource Integrity value of `bytes`. */
export function integrity(bytes) {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/** Minifies the matching files of `site` in place and rewrites their integrity in index.html. */
export function minifySite(site) {
  const indexPath = join(site, "index.html");
  let index = readFileSync(indexPath, "utf8");
  const done = [];
  for (const name of readdirSync(site)) {
    const kind = MINIFIED.find(({ pattern }) => pattern.test(name));
    if (!kind) continue;
    const path = join(site, name);
    const before = readFileSync(path, "utf8");
    const { code } = transformSync(before, { loader: kind.loader, minify: true, format: kind.loader === "js" ? "esm" : undefined, charset: "utf8" });
    writeFileSync(path, code);
    // Every tag naming the file gets its new hash (stylesheet, modulepreload): with a stale
    // one the browser would refuse the file.
    const hash = integrity(code);
    index = index.replace(/<[^>]*>/g, (tag) => {
      if (!tag.includes(`/${name}"`) && !tag.includes(`"${name}"`)) return tag;
      // The attribute itself, not one ending in "-integrity" (the start-up tag's
      // data-vitrina-views-css-integrity names another file).
      return tag.replace(/(\s)integrity="[^"]*"/, `$1integrity="${hash}"`);
    });
    done.push({ name, before: Buffer.byteLength(before), after: Buffer.byteLength(code) });
  }
  writeFileSync(indexPath, index);
  return done;
}

function main() {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node scripts/minify.mjs SITE_FOLDER");
    process.exit(2);
  }
  for (const { name, before, after } of minifySite(resolve(site))) console.log(`minified ${name}: ${before} → ${after} bytes`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
