// scripts/check-dist.mjs and scripts/post-build.mjs on made-up builds: the check passes on
// what the hook writes and names every way a sw.js can disagree with its site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkServiceWorker, writtenBuild } from "./check-dist.mjs";
import { integrity } from "./minify.mjs";
import { postBuild } from "./post-build.mjs";
import { renderServiceWorker, writeServiceWorker } from "./service-worker.mjs";

const CSS = "/* colours */\n.card   {\n  color : #0b5cad;\n}\n";
const GLUE = "// glue\nexport function greet(name) {\n  return `Hola, ${name}`;\n}\n";

/** A build as Trunk leaves it in its staging folder, before the hook. */
function site(extra = {}) {
  const root = mkdtempSync(join(tmpdir(), "vitrina-dist-"));
  const files = {
    "index.html": [
      `<link rel="stylesheet" href="./main-0123456789abcdef.css" integrity="${integrity(CSS)}"/>`,
      '<script type="module" src="./boot.js" data-vitrina-js="./vitrina-0123456789abcdef.js"></script>',
      `<link rel="modulepreload" href="./vitrina-0123456789abcdef.js" integrity="${integrity(GLUE)}">`,
    ].join("\n"),
    "boot.js": "// start\nimport( './vitrina-0123456789abcdef.js' );\n",
    "sw-register.js": "// register\nnavigator.serviceWorker.register( 'sw.js' );\n",
    "vitrina-0123456789abcdef.js": GLUE,
    "vitrina-0123456789abcdef_bg.wasm": "wasm",
    "main-0123456789abcdef.css": CSS,
    "data/directory.json": '{"format":1}',
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

test("the hook minifies first and writes the worker from the minified files", () => {
  const folder = site();
  const unminified = renderServiceWorker(folder).version;
  const { version, shell } = postBuild(folder);
  assert.deepEqual(checkServiceWorker(folder), []);
  assert.notEqual(version, unminified, "the version is of the files as served, not as Trunk wrote them");
  assert.equal(writtenBuild(readFileSync(join(folder, "sw.js"), "utf8")).version, version);
  assert.ok(readFileSync(join(folder, "main-0123456789abcdef.css"), "utf8").length < CSS.length, "minified");
  assert.ok(shell.includes("vitrina-0123456789abcdef.js") && !shell.includes("data/directory.json"));
});

test("a worker written before the last change to a file is caught: the race of two hooks", () => {
  const folder = site();
  writeServiceWorker(folder);
  // What minify.mjs did while service-worker.mjs ran beside it as a second hook.
  writeFileSync(join(folder, "main-0123456789abcdef.css"), ".card{color:#0b5cad}");
  const problems = checkServiceWorker(folder);
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /carries version [0-9a-f]{16}, but the files give [0-9a-f]{16}/);
});

test("a file added after the worker, or one it lists that is gone, is named", () => {
  const added = site();
  writeServiceWorker(added);
  writeFileSync(join(added, "vitrina-0123456789abcdef_bg.wasm.chunk-1"), "later");
  const problems = checkServiceWorker(added);
  assert.ok(problems.some((p) => /does not list vitrina-0123456789abcdef_bg\.wasm\.chunk-1: not available offline/.test(p)), problems.join("\n"));

  const removed = site();
  writeServiceWorker(removed);
  rmSync(join(removed, "boot.js"));
  assert.ok(checkServiceWorker(removed).some((p) => /lists boot\.js, which the site does not hold/.test(p)));
});

test("a worker that precaches the data, the staff page or member pages is refused", () => {
  const folder = site({ "staff/index.html": "staff", "m/aceros/index.html": "member" });
  writeServiceWorker(folder);
  const path = join(folder, "sw.js");
  const source = readFileSync(path, "utf8");
  const build = writtenBuild(source);
  const widened = { ...build, shell: [...build.shell, "data/directory.json", "m/aceros/index.html", "staff/index.html"].sort() };
  writeFileSync(path, source.replace(/^const BUILD = [\s\S]*?\n\};\n/, `const BUILD = ${JSON.stringify(widened, null, 2)};\n`));
  const problems = checkServiceWorker(folder).join("\n");
  for (const never of ["data/directory.json", "staff/index.html", "m/aceros/index.html"]) {
    assert.match(problems, new RegExp(`lists ${never.replace(/[./]/g, "\\$&")}, which must never be precached`));
  }
});

test("the staff page copied into staff/ stays out of the visitor's worker, before or after the hook", () => {
  const staff = mkdtempSync(join(tmpdir(), "vitrina-staff-"));
  writeFileSync(join(staff, "index.html"), "<title>staff</title>");
  writeFileSync(join(staff, "vitrina-staff-0123456789abcdef_bg.wasm"), "staff wasm");
  const without = postBuild(site(), () => {}, undefined);

  const during = site();
  const { version, shell } = postBuild(during, () => {}, staff);
  assert.equal(readFileSync(join(during, "staff/index.html"), "utf8"), "<title>staff</title>", "copied by the hook");
  assert.deepEqual(checkServiceWorker(during), []);
  assert.ok(!shell.some((path) => path.startsWith("staff/")), shell.join(", "));
  assert.equal(version, without.version, "a new staff page does not send visitors a new worker");

  // `make build`: copied after the hook, as the Makefile does.
  const after = site();
  postBuild(after, () => {}, undefined);
  mkdirSync(join(after, "staff"));
  writeFileSync(join(after, "staff/index.html"), "<title>staff</title>");
  assert.deepEqual(checkServiceWorker(after), []);
});

test("a missing or hand-written sw.js is reported, not crashed on", () => {
  const folder = site();
  assert.match(checkServiceWorker(folder).join(), /sw\.js cannot be read \(ENOENT\)/);
  writeFileSync(join(folder, "sw.js"), "self.addEventListener('fetch', () => {});\n");
  assert.match(checkServiceWorker(folder).join(), /does not start with "const BUILD/);
});

test("a worker built from another template is reported", () => {
  const folder = site();
  writeFileSync(join(folder, "sw.js"), renderServiceWorker(folder, "// an older template\n").source);
  assert.ok(checkServiceWorker(folder, "// the template now\n").length > 0);
  assert.deepEqual(checkServiceWorker(folder, "// an older template\n"), []);
});
