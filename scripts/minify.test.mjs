// scripts/minify.mjs on a made-up build: smaller files, integrity hashes that match them,
// and everything else (index.html's text, other files) left as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { integrity, minifySite } from "./minify.mjs";

const CSS = "/* the site's colours */\n:root {\n  --accent: #0b5cad;\n}\n\n.card   {\n  color : var(--accent);\n}\n";
const JS = "// glue\nexport function greet(name) {\n  const greeting = `Hola, ${name}`;\n  return greeting;\n}\nexport default greet;\n";
const INDEX = (css, js) =>
  [
    "<!doctype html>",
    "<!-- THE ONE PLACE to say where the directory file lives -->",
    '<meta name="vitrina-directory" content="data/directory.json" />',
    `<link rel="stylesheet" href="./main-0123456789abcdef.css" integrity="${css}"/>`,
    '<script type="module" src="./boot.js" data-vitrina-js="./vitrina-0123456789abcdef.js"></script>',
    `<link rel="modulepreload" href="./vitrina-0123456789abcdef.js" crossorigin="anonymous" integrity="${js}">`,
  ].join("\n");

function site() {
  const folder = mkdtempSync(join(tmpdir(), "vitrina-minify-"));
  writeFileSync(join(folder, "main-0123456789abcdef.css"), CSS);
  writeFileSync(join(folder, "vitrina-0123456789abcdef.js"), JS);
  writeFileSync(join(folder, "boot.js"), "// readable\nconsole.log( 1 );\n");
  writeFileSync(join(folder, "index.html"), INDEX(integrity(CSS), integrity(JS)));
  return folder;
}

test("the stylesheet and the glue shrink, and index.html names their new hashes", async () => {
  const folder = site();
  const done = minifySite(folder);
  assert.deepEqual(done.map((file) => file.name).sort(), ["boot.js", "main-0123456789abcdef.css", "vitrina-0123456789abcdef.js"]);
  const css = readFileSync(join(folder, "main-0123456789abcdef.css"), "utf8");
  const js = readFileSync(join(folder, "vitrina-0123456789abcdef.js"), "utf8");
  assert.ok(css.length < CSS.length && js.length < JS.length);
  assert.match(css, /--accent: ?#0b5cad/);
  assert.equal(readFileSync(join(folder, "index.html"), "utf8"), INDEX(integrity(css), integrity(js)));
  // The glue still works as the module it was.
  const module = await import(`data:text/javascript,${encodeURIComponent(js)}`);
  assert.equal(module.default("Ana"), "Hola, Ana");
  assert.equal(module.greet("Luis"), "Hola, Luis");
});

test("the start-up scripts shrink too; index.html keeps its comments, other files stay as written", () => {
  const folder = site();
  writeFileSync(join(folder, "sw.js"), "// the service worker\nself.skipWaiting( );\n");
  minifySite(folder);
  assert.match(readFileSync(join(folder, "index.html"), "utf8"), /<!-- THE ONE PLACE/);
  assert.equal(readFileSync(join(folder, "boot.js"), "utf8"), "console.log(1);\n");
  assert.equal(readFileSync(join(folder, "sw.js"), "utf8"), "// the service worker\nself.skipWaiting( );\n");
});

test("a build whose hashes Trunk wrote with fewer than 16 digits is minified too", () => {
  // Trunk formats its 64-bit hash without leading zeros: 1 build in 16 has 15 digits.
  const folder = mkdtempSync(join(tmpdir(), "vitrina-minify-"));
  writeFileSync(join(folder, "main-123456789abcdef.css"), CSS);
  writeFileSync(join(folder, "vitrina-2f1016efa52c830.js"), JS);
  writeFileSync(join(folder, "index.html"), "<!doctype html>");
  const done = minifySite(folder).map((file) => file.name).sort();
  assert.deepEqual(done, ["main-123456789abcdef.css", "vitrina-2f1016efa52c830.js"]);
  assert.ok(readFileSync(join(folder, "vitrina-2f1016efa52c830.js"), "utf8").length < JS.length);
});

test("a tag naming the glue keeps the integrity of another file it names (issue 16)", () => {
  // The start-up tag names the glue and carries the views' stylesheet's integrity: a new hash
  // for the glue written over the stylesheet's would have the browser refuse the stylesheet.
  const folder = site();
  const boot =
    '<script type="module" src="./boot.js" data-vitrina-boot data-vitrina-js="./vitrina-0123456789abcdef.js" ' +
    'data-vitrina-views-css="vitrina-views-1.css" data-vitrina-views-css-integrity="sha384-views"></script>';
  writeFileSync(join(folder, "index.html"), `${INDEX(integrity(CSS), integrity(JS))}\n${boot}`);
  minifySite(folder);
  const index = readFileSync(join(folder, "index.html"), "utf8");
  assert.ok(index.includes(boot), index);
});
