// Writes the service worker of a build: `const BUILD = { version, shell };` followed by the
// template sw.js. Run by Trunk's post_build hook (scripts/post-build.mjs, after minify.mjs),
// so `make build`, `make serve` and the benchmark build all get it; also by hand on a
// finished site after editing its index.html: `node scripts/service-worker.mjs dist`.
//
// This file is the one place that decides what a visitor's browser keeps for offline use:
// the worker precaches `shell` and answers from it, and keeps nothing else but the
// directory file (sw.js).
//
// shell: every file of the build except what must never be precached (`NEVER_PRECACHE`)
// and what is not part of the app (`NOT_THE_APP`).
// version: a hash of those files' names and bytes and of the template, so any change to
// the app, however small, gives visitors a new sw.js and with it a new cache.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATE = resolve(dirname(fileURLToPath(import.meta.url)), "..", "sw.js");

/**
 * What a visitor's offline cache must never hold, whatever a build (or a later step that
 * adds pages to dist/) puts beside the app. Paths are relative to the site, with "/".
 */
export const NEVER_PRECACHE = [
  {
    pattern: /^data\//,
    why: "the directory data: staff replace it without a rebuild, and the worker keeps the last copy apart, one for every version",
  },
  {
    pattern: /^staff\//,
    why: "the staff page: for the cluster's staff, not for visitors' phones",
  },
  {
    pattern: /^(m|members)\//,
    why: "per-member static pages: one per member (thousands of files); the app shows profiles itself",
  },
];

/** Files of a build folder that are not the app: the worker itself, leftovers, a host's compressed copies. */
const NOT_THE_APP = [/^sw\.js$/, /^\./, /\/\./, /\.(br|gz)$/];

/** Whether the offline shell holds `path` (relative to the site, "/" separators). */
export function isPrecached(path) {
  return ![...NEVER_PRECACHE.map(({ pattern }) => pattern), ...NOT_THE_APP].some((pattern) => pattern.test(path));
}

/** The app shell's files under `site`, as sorted paths relative to it with "/" separators. */
export function shellFiles(site) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(site, path).split(sep).join("/"));
    }
  };
  walk(site);
  return files.filter(isPrecached).sort();
}

/** A short hash of the template and of every shell file's name and bytes. */
export function shellVersion(site, files, template) {
  const hash = createHash("sha256");
  hash.update(template);
  for (const path of files) {
    hash.update(`\0${path}\0`);
    hash.update(readFileSync(join(site, path)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The service worker's source for a build. */
export function renderServiceWorker(site, template = readFileSync(TEMPLATE, "utf8")) {
  const shell = shellFiles(site);
  if (!shell.includes("index.html")) throw new Error(`${site} has no index.html: not a build of the app`);
  const version = shellVersion(site, shell, template);
  return { version, shell, source: `const BUILD = ${JSON.stringify({ version, shell }, null, 2)};\n\n${template}` };
}

/** Writes `site`/sw.js for the files `site` holds now; returns its version and shell. */
export function writeServiceWorker(site) {
  const { version, shell, source } = renderServiceWorker(site);
  writeFileSync(join(site, "sw.js"), source);
  return { version, shell };
}

function main() {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node scripts/service-worker.mjs SITE_FOLDER");
    process.exit(2);
  }
  const { version, shell } = writeServiceWorker(resolve(site));
  console.log(`sw.js: version ${version}, ${shell.length} shell files`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
