// docs/hosting.md and its ready files (docs/hosting/): the configuration a cluster copies
// from the page is the one the tests run (nginx: tests/e2e/nginx.spec.mjs), every host
// sends the app's own Content-Security-Policy, and the _headers rules give each file one
// Cache-Control.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => readFileSync(join(repo, path), "utf8");
const GUIDE = "docs/hosting.md";

/** Every `<!-- verbatim: PATH … -->` in `markdown` with the fenced block that follows it. */
function verbatimBlocks(markdown) {
  const blocks = [];
  const pattern = /<!-- verbatim: (\S+)[^\n]*-->\n```[a-z]*\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern)) blocks.push({ path: match[1], body: match[2] });
  return blocks;
}

/** index.html's meta policy plus frame-ancestors: what every host's header must say. */
function headerPolicy() {
  const meta = read("index.html").match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  assert.ok(meta, "index.html has a Content-Security-Policy meta tag");
  return `${meta[1]}; frame-ancestors 'none'`;
}

test("verbatimBlocks finds a marked block and ignores unmarked ones", () => {
  const markdown = "```\nnot this\n```\n<!-- verbatim: a/b.conf (kept equal) -->\n```nginx\nline 1\nline 2\n```\n";
  assert.deepEqual(verbatimBlocks(markdown), [{ path: "a/b.conf", body: "line 1\nline 2\n" }]);
});

test("the guide's copies of the nginx, _headers and Apache files are the files themselves", () => {
  const blocks = verbatimBlocks(read(GUIDE));
  assert.deepEqual(blocks.map((block) => block.path).sort(), [
    "docs/hosting/_headers",
    "docs/hosting/htaccess",
    "docs/hosting/nginx.conf",
  ]);
  for (const { path, body } of blocks) assert.equal(body, read(path), `${GUIDE}'s copy of ${path} differs from the file`);
});

test("nginx, Apache and _headers send index.html's policy plus frame-ancestors", () => {
  const policy = headerPolicy();
  const nginx = [...read("docs/hosting/nginx.conf").matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)];
  assert.deepEqual(nginx.map((match) => match[1]), [policy]);
  const apache = [...read("docs/hosting/htaccess").matchAll(/Header always set Content-Security-Policy "([^"]+)"/g)];
  assert.deepEqual(apache.map((match) => match[1]), [policy]);
  const headers = parseHeadersFile(read("docs/hosting/_headers"));
  const csp = headers.flatMap((rule) => rule.headers.filter(([name]) => name === "Content-Security-Policy"));
  assert.deepEqual(csp, [["Content-Security-Policy", policy]]);
});

/** The rules of a Netlify/Cloudflare `_headers` file: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const header = line.trim().match(/^([A-Za-z-]+):\s*(.*)$/);
    assert.ok(header && rules.length > 0, `not a header line under a path: ${line}`);
    rules.at(-1).headers.push([header[1], header[2]]);
  }
  return rules;
}

/** The headers a request for `path` gets: every matching rule's, as Cloudflare merges them (`*` matches anything). */
function headersFor(rules, path) {
  const matching = rules.filter((rule) => {
    const pattern = rule.path.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    return new RegExp(`^${pattern}$`).test(path);
  });
  return matching.flatMap((rule) => rule.headers);
}

test("_headers gives every file one Cache-Control: revalidated, or a year for hashed names", () => {
  const rules = parseHeadersFile(read("docs/hosting/_headers"));
  const hash = "0123456789abcdef";
  const expected = {
    "/": "no-cache",
    "/index.html": "no-cache",
    "/sw.js": "no-cache",
    "/data/directory.json": "no-cache",
    "/staff/": "no-cache",
    "/staff/index.html": "no-cache",
    [`/vitrina-${hash}.js`]: "public, max-age=31536000, immutable",
    [`/vitrina-${hash}_bg.wasm`]: "public, max-age=31536000, immutable",
    [`/main-${hash}.css`]: "public, max-age=31536000, immutable",
    [`/staff/vitrina-staff-${hash}.js`]: "public, max-age=31536000, immutable",
    [`/staff/vitrina-staff-${hash}_bg.wasm`]: "public, max-age=31536000, immutable",
    [`/staff/main-${hash}.css`]: "public, max-age=31536000, immutable",
    [`/staff/staff-${hash}.css`]: "public, max-age=31536000, immutable",
  };
  for (const [path, cacheControl] of Object.entries(expected)) {
    const headers = headersFor(rules, path);
    const cache = headers.filter(([name]) => name === "Cache-Control").map(([, value]) => value);
    assert.deepEqual(cache, [cacheControl], `Cache-Control for ${path}`);
    assert.equal(headers.filter(([name]) => name === "Content-Security-Policy").length, 1, `one policy for ${path}`);
  }
  // Unhashed files are left to the host's default, which revalidates on both services.
  for (const path of ["/boot.js", "/staff/staff-worker.js", "/staff/boot.js", "/manifest.webmanifest"]) {
    assert.deepEqual(headersFor(rules, path).filter(([name]) => name === "Cache-Control"), [], `no long cache for ${path}`);
  }
});

test("the guide links only to files that exist, and the README links the guide", () => {
  const guide = read(GUIDE);
  const links = [...guide.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((match) => match[1]).filter((link) => !/^[a-z]+:/.test(link));
  assert.ok(links.includes("hosting/github-pages.yml"), "the guide links the workflow");
  for (const link of links) assert.ok(existsSync(join(repo, "docs", link)), `${GUIDE} links to ${link}, which does not exist`);
  assert.match(read("README.md"), /\]\(docs\/hosting\.md\)/);
});
