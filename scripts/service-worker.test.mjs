// The service worker's build step: `node --test scripts/` (part of `make test`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NEVER_PRECACHE, isPrecached, renderServiceWorker } from "./service-worker.mjs";

function site(files) {
  const root = mkdtempSync(join(tmpdir(), "vitrina-sw-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const BUILD = {
  "index.html": '<script src="./boot.js" data-vitrina-js="./vitrina-0123456789abcdef.js"></script>',
  "boot.js": "import('x')",
  "vitrina-0123456789abcdef.js": "glue",
  "vitrina-0123456789abcdef_bg.wasm": "wasm",
  "main-fedcba9876543210.css": "body{}",
  "icons/icon-192.png": "png",
  "manifest.webmanifest": "{}",
  "data/directory.json": '{"format":1}',
  "data/directory.schema.json": "{}",
  "sw.js": "old worker",
  ".stage/index.html": "half-built",
};

test("the shell is every built file but the directory data, the worker and staging leftovers", () => {
  const { shell } = renderServiceWorker(site(BUILD), "template");
  assert.deepEqual(shell, [
    "boot.js",
    "icons/icon-192.png",
    "index.html",
    "main-fedcba9876543210.css",
    "manifest.webmanifest",
    "vitrina-0123456789abcdef.js",
    "vitrina-0123456789abcdef_bg.wasm",
  ]);
});

test("the worker's source starts with the build's version and shell, then the template", () => {
  const { version, source } = renderServiceWorker(site(BUILD), "// template\n");
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.ok(source.startsWith(`const BUILD = {\n  "version": "${version}",`));
  assert.ok(source.endsWith("\n\n// template\n"));
  const BUILD_VALUE = new Function(`${source.replace("// template\n", "")}; return BUILD;`)();
  assert.equal(BUILD_VALUE.shell.length, 7);
});

test("the same files give the same version, wherever the site is", () => {
  assert.equal(renderServiceWorker(site(BUILD), "t").version, renderServiceWorker(site(BUILD), "t").version);
});

test("any change to the shell or the template changes the version; the data does not", () => {
  const base = renderServiceWorker(site(BUILD), "t").version;
  const changed = (edit, template = "t") => renderServiceWorker(site({ ...BUILD, ...edit }), template).version;
  assert.notEqual(changed({ "index.html": `${BUILD["index.html"]} ` }), base);
  assert.notEqual(changed({ "vitrina-0123456789abcdef_bg.wasm": "wasm2" }), base);
  assert.notEqual(changed({ "icons/icon-512.png": "png" }), base);
  assert.notEqual(changed({}, "t2"), base);
  // A file's bytes and its name are hashed apart: moving bytes between files is a change.
  assert.notEqual(changed({ "boot.js": "import('x')glue", "vitrina-0123456789abcdef.js": "" }), base);
  assert.equal(changed({ "data/directory.json": '{"format":1,"members":[]}' }), base);
});

test("a folder without index.html is refused", () => {
  assert.throws(() => renderServiceWorker(site({ "boot.js": "x" }), "t"), /no index.html/);
});

test("what must never be precached stays out of the shell: the data, the staff page, per-member pages", () => {
  const never = {
    "data/directory.json": "{}",
    "data/directory.schema.json": "{}",
    "data/2027/directory.json": "{}",
    "staff/index.html": "staff",
    "staff/check-directory.js": "staff",
    "m/aceros-del-norte/index.html": "member page",
    "m/index.html": "member index",
    "members/aceros-del-norte.html": "member page",
  };
  // Names that only start like those folders are the app's own files.
  const app = { "database.js": "x", "staff.svg": "x", "members.js": "x", "icons/m/icon.png": "x", "main.data.css": "x" };
  const { shell } = renderServiceWorker(site({ ...BUILD, ...never, ...app }), "t");
  for (const path of Object.keys(never)) assert.ok(!shell.includes(path), `${path} is precached`);
  for (const path of Object.keys(app)) assert.ok(shell.includes(path), `${path} is not precached`);
  // The rule, not only this site: it is one list, each entry with its reason.
  for (const path of Object.keys(never)) assert.equal(isPrecached(path), false, path);
  for (const { pattern, why } of NEVER_PRECACHE) {
    assert.ok(pattern instanceof RegExp && why.length > 20, `${pattern} needs a reason`);
  }
});

test("pages added under the never-precached folders do not change the version", () => {
  const base = renderServiceWorker(site(BUILD), "t").version;
  const withPages = renderServiceWorker(site({ ...BUILD, "staff/index.html": "s", "m/a/index.html": "a", "members/b.html": "b" }), "t");
  assert.equal(withPages.version, base);
});
