// The stylesheet of the views the first screen never shows (the cluster's views, matchmaking:
// issue 16), downloaded when one of them first opens, not on the way to the first screen.
//
// Trunk copies style/views.css into the build as it is (copy-file: a `rel="css"` link would
// be a render-blocking <link> in index.html). This step minifies it, names it by its content
// (`vitrina-views-<hash>.css`, under the hosts' rules for immutable files: docs/hosting.md),
// and writes its name and integrity onto the start-up tag, where the app's adapter
// (src/adapters/page.rs, `views_stylesheet`) finds it. The service worker precaches it with
// the rest of the shell, so the views are styled offline too.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { integrity } from "./minify.mjs";
import { contentHash } from "./wasm-build.mjs";

/** The file Trunk copies into the build. */
export const SOURCE_NAME = "views.css";

const BOOT_TAG = /<script\b[^>]*\bdata-vitrina-boot\b[^>]*>/;

/**
 * `index` with the start-up tag naming the views' stylesheet (relative to the app's glue, as
 * the chunks are) and its integrity.
 */
export function nameInIndex(index, { name, integrity }) {
  const tag = index.match(BOOT_TAG);
  if (!tag) throw new Error("index.html has no <script data-vitrina-boot> tag to name the views' stylesheet on");
  const cleaned = tag[0].replace(/\s+data-vitrina-views-css(-integrity)?="[^"]*"/g, "");
  const named = cleaned.replace(/>$/, ` data-vitrina-views-css="${name}" data-vitrina-views-css-integrity="${integrity}">`);
  return index.replace(tag[0], named);
}

/**
 * Minifies and names `site`/views.css and points index.html at it; returns its new name, or
 * null when the build has no such file (a build without the views).
 */
export function nameViewsStylesheet(site) {
  const source = join(site, SOURCE_NAME);
  if (!existsSync(source)) return null;
  const { code } = transformSync(readFileSync(source, "utf8"), { loader: "css", minify: true, charset: "utf8" });
  const name = `vitrina-views-${contentHash(code)}.css`;
  writeFileSync(join(site, name), code);
  rmSync(source);
  const indexPath = join(site, "index.html");
  writeFileSync(indexPath, nameInIndex(readFileSync(indexPath, "utf8"), { name, integrity: integrity(code) }));
  return name;
}
