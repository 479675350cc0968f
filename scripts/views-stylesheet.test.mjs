// scripts/views-stylesheet.mjs on a made-up build: the views' stylesheet minified, named by
// its content, named on the start-up tag with a matching integrity, the unnamed copy gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { integrity } from "./minify.mjs";
import { nameInIndex, nameViewsStylesheet } from "./views-stylesheet.mjs";

const CSS = "/* the map */\n.capability-map   {\n  fill : var(--accent);\n}\n";
const BOOT = '<script type="module" src="./boot.js" data-vitrina-boot data-vitrina-js="./vitrina-0123456789abcdef.js"></script>';

function site(css = CSS) {
  const folder = mkdtempSync(join(tmpdir(), "vitrina-views-"));
  if (css !== null) writeFileSync(join(folder, "views.css"), css);
  writeFileSync(join(folder, "index.html"), `<!doctype html>\n<head>\n${BOOT}\n</head>\n`);
  return folder;
}

const bootTag = (folder) => readFileSync(join(folder, "index.html"), "utf8").match(/<script[^>]*data-vitrina-boot[^>]*>/)[0];
const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

test("the stylesheet is minified, named by its content and named on the start-up tag", () => {
  const folder = site();
  const name = nameViewsStylesheet(folder);
  assert.match(name, /^vitrina-views-[0-9a-f]{16}\.css$/);
  assert.equal(existsSync(join(folder, "views.css")), false, "the unnamed copy would be precached twice");
  const code = readFileSync(join(folder, name), "utf8");
  assert.ok(code.length < CSS.length && !code.includes("the map"), code);
  const tag = bootTag(folder);
  assert.equal(attribute(tag, "data-vitrina-views-css"), name);
  assert.equal(attribute(tag, "data-vitrina-views-css-integrity"), integrity(code));
  // What the app needs from the tag is still there.
  assert.equal(attribute(tag, "data-vitrina-js"), "./vitrina-0123456789abcdef.js");
});

test("another stylesheet gets another name; the same one the same name", () => {
  const [a, b, c] = [site(), site(), site(CSS.replace("--accent", "--text"))].map(nameViewsStylesheet);
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("naming twice replaces the attributes instead of repeating them", () => {
  const once = nameInIndex(BOOT, { name: "vitrina-views-1.css", integrity: "sha384-a" });
  const twice = nameInIndex(once, { name: "vitrina-views-2.css", integrity: "sha384-b" });
  assert.equal(twice.match(/data-vitrina-views-css=/g).length, 1);
  assert.equal(twice.match(/data-vitrina-views-css-integrity=/g).length, 1);
  assert.equal(attribute(twice, "data-vitrina-views-css"), "vitrina-views-2.css");
});

test("a build without the stylesheet is left as it is", () => {
  const folder = site(null);
  const before = readdirSync(folder);
  assert.equal(nameViewsStylesheet(folder), null);
  assert.deepEqual(readdirSync(folder), before);
  assert.equal(attribute(bootTag(folder), "data-vitrina-views-css"), undefined);
});

test("an index.html without the start-up tag is an error, not a silent unstyled view", () => {
  assert.throws(() => nameInIndex("<!doctype html>", { name: "x.css", integrity: "y" }), /data-vitrina-boot/);
});
