// Writes the service worker of a build: `const BUILD = { version, shell };` followed by the
// template sw.js. Runs as Trunk's post_build hook (Trunk.toml), so `make build`,
// `make serve` and the benchmark build all get it; also by hand on a finished site
// after editing its index.html: `node scripts/service-worker.mjs dist`.
//
// shell: every file of the build except the directory data (data/) and sw.js itself.
// version: a hash of those files' names and bytes and of the template, so any change to
// the app, however small, gives visitors a new sw.js and with it a new cache.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATE = resolve(dirname(fileURLToPath(import.meta.url)), "..", "sw.js");

/** Folders and files of a build that are not the app shell. */
const NOT_SHELL = [/^data\//, /^sw\.js$/, /^\./, /\/\./, /\.(br|gz)$/];

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
  return files.filter((path) => !NOT_SHELL.some((pattern) => pattern.test(path))).sort();
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

function main() {
  const site = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!site) {
    console.error("usage: node scripts/service-worker.mjs SITE_FOLDER (or run as Trunk's post_build hook)");
    process.exit(2);
  }
  const { version, shell, source } = renderServiceWorker(resolve(site));
  writeFileSync(join(site, "sw.js"), source);
  console.log(`sw.js: version ${version}, ${shell.length} shell files`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
