// Trunk's one post_build hook (Trunk.toml): the app's wasm (scripts/wasm-build.mjs: Trunk
// builds no rust itself), then every step that changes the built files, in order, then the
// service worker written from the result, then a check of it.
//
// One hook, not one per step: Trunk 0.21 starts all post_build hooks at once, and with
// minify.mjs and service-worker.mjs as two hooks the worker hashed files while they were
// being minified (its version changed from build to build of the same sources). A step
// that adds or changes files in the build goes before `writeServiceWorker`.
import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkServiceWorker } from "./check-dist.mjs";
import { minifySite } from "./minify.mjs";
import { writeServiceWorker } from "./service-worker.mjs";
import { nameViewsStylesheet } from "./views-stylesheet.mjs";
import { buildWasm } from "./wasm-build.mjs";

/**
 * Copies a built staff page (crates/vitrina-staff, its own Trunk build) into `site`/staff/.
 * `make build` copies it after this hook; `make serve` has the hook do it (VITRINA_STAFF_DIST),
 * since `trunk serve` rebuilds dist/ on every change. The service worker leaves staff/ out.
 */
export function copyStaffPage(site, staffDist) {
  if (!staffDist || !existsSync(join(staffDist, "index.html"))) return false;
  rmSync(join(site, "staff"), { recursive: true, force: true });
  cpSync(staffDist, join(site, "staff"), { recursive: true });
  return true;
}

/**
 * Finishes the build in `site` once its wasm is there (the hook builds it first); throws if
 * its sw.js does not match it afterwards.
 */
export function postBuild(site, log = () => {}, staffDist = process.env.VITRINA_STAFF_DIST) {
  if (copyStaffPage(site, staffDist)) log(`copied the staff page from ${staffDist} into staff/`);
  const views = nameViewsStylesheet(site);
  if (views) log(`views' stylesheet (loaded on demand): ${views}`);
  for (const { name, before, after } of minifySite(site)) log(`minified ${name}: ${before} → ${after} bytes`);
  const { version, shell } = writeServiceWorker(site);
  log(`sw.js: version ${version}, ${shell.length} shell files`);
  const problems = checkServiceWorker(site);
  if (problems.length > 0) throw new Error(`sw.js does not match the build:\n  - ${problems.join("\n  - ")}`);
  return { version, shell };
}

function main() {
  const site = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!site) {
    console.error("usage: node scripts/post-build.mjs SITE_FOLDER (or run as Trunk's post_build hook)");
    process.exit(2);
  }
  const log = (line) => console.log(line);
  // The app's wasm first: every later step works on the files it writes.
  buildWasm({ site: resolve(site), release: process.env.TRUNK_PROFILE !== "debug", base: process.env.TRUNK_PUBLIC_URL ?? "./", log });
  postBuild(resolve(site), log);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
