// Checks a finished build: its sw.js must carry the version and the file list of the files
// the folder holds now. A worker whose version is stale never replaces the old one on
// visitors' phones (they keep the previous app), and a file missing from its list is not
// there offline. Run by `make test` after `make build` (`node scripts/check-dist.mjs dist`)
// and by the build's own hook on its staging folder (scripts/post-build.mjs).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NEVER_PRECACHE, renderServiceWorker } from "./service-worker.mjs";

/** The `BUILD` value at the head of a written sw.js, or null when there is none. */
export function writtenBuild(source) {
  const head = source.match(/^const BUILD = (\{[\s\S]*?\n\});\n/);
  if (!head) return null;
  try {
    return JSON.parse(head[1]);
  } catch {
    return null;
  }
}

/**
 * Every way `site`/sw.js disagrees with the files of `site`, one sentence each; empty when
 * it matches. `template` is the worker's template (sw.js in the repository by default).
 */
export function checkServiceWorker(site, template) {
  let written;
  try {
    written = readFileSync(join(site, "sw.js"), "utf8");
  } catch (error) {
    return [`${site}/sw.js cannot be read (${error.code ?? error.message}): the build's hook did not write it`];
  }
  const build = writtenBuild(written);
  if (!build) return [`${site}/sw.js does not start with "const BUILD = {…};": not written by scripts/service-worker.mjs`];
  const expected = renderServiceWorker(site, template);
  const problems = [];
  const listed = new Set(build.shell);
  const present = new Set(expected.shell);
  const missing = expected.shell.filter((path) => !listed.has(path));
  const extra = build.shell.filter((path) => !present.has(path));
  if (missing.length > 0) problems.push(`sw.js does not list ${missing.join(", ")}: not available offline`);
  if (extra.length > 0) problems.push(`sw.js lists ${extra.join(", ")}, which the site does not hold: the worker's install would fail`);
  for (const path of build.shell) {
    const rule = NEVER_PRECACHE.find(({ pattern }) => pattern.test(path));
    if (rule) problems.push(`sw.js lists ${path}, which must never be precached (${rule.why})`);
  }
  if (build.version !== expected.version) {
    problems.push(
      `sw.js carries version ${build.version}, but the files give ${expected.version}: ` +
        "a file changed after the worker was written (is every post-build step in scripts/post-build.mjs, before it?)",
    );
  }
  if (problems.length === 0 && written !== expected.source) {
    problems.push("sw.js differs from the template sw.js after its BUILD line: written from another template");
  }
  return problems;
}

function main() {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node scripts/check-dist.mjs SITE_FOLDER");
    process.exit(2);
  }
  const problems = checkServiceWorker(resolve(site));
  if (problems.length > 0) {
    console.error(`check-dist: ${site}/sw.js does not match the build:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  const { version, shell } = writtenBuild(readFileSync(join(site, "sw.js"), "utf8"));
  console.log(`check-dist: ${site}/sw.js matches the build (version ${version}, ${shell.length} shell files)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
