// A small static server for the benchmark: serves big directory files straight
// from disk (Playwright's route.fulfill crashes the renderer with 118 MB bodies),
// with the caching headers of a typical static host, so the warm-cache scenario
// is what a returning visitor gets:
//   - index.html, boot.js, the baseline's own scripts: `no-cache` + ETag (revalidated, 304);
//   - the directory file: `no-cache` + ETag (both apps fetch it with cache: "no-cache");
//   - Trunk's hashed assets and the npm libraries: a year, immutable.
// Nothing is compressed on the fly (loopback transfer is not what is measured;
// compressed sizes are reported separately).
//
// Usage: node bench/server.mjs PORT MOUNTS_JSON
// MOUNTS_JSON maps URL prefixes to folders or files, longest prefix first:
//   {"/vitrina/1k/data/directory.json": "/abs/dir-1k.json", "/vitrina/1k/": "/abs/dist/"}
import { createServer } from "node:http";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Starts serving `mounts` on 127.0.0.1:`port`; resolves with the server once listening. */
export function serve(port, mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const file = resolveFile(path, prefixes, mounts);
    let stat;
    try {
      stat = file && statSync(file);
    } catch {
      stat = null;
    }
    if (!stat || !stat.isFile()) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end(`not found: ${path}`);
      return;
    }
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const immutable = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/.test(file) || file.includes(`${sep}node_modules${sep}`);
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      etag,
      "last-modified": stat.mtime.toUTCString(),
    };
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, "content-length": stat.size });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

function resolveFile(path, prefixes, mounts) {
  for (const prefix of prefixes) {
    if (path === prefix || (prefix.endsWith("/") && path.startsWith(prefix))) {
      const target = mounts[prefix];
      if (!prefix.endsWith("/")) return target;
      let rest = path.slice(prefix.length);
      if (rest === "" || rest.endsWith("/")) rest += "index.html";
      const full = normalize(join(target, rest));
      // No escaping the mounted folder with "..".
      return full.startsWith(normalize(target)) ? full : null;
    }
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, mountsFile] = process.argv.slice(2);
  const mounts = JSON.parse(readFileSync(mountsFile, "utf8"));
  serve(Number(port), mounts).then(() => console.log(`bench server on http://127.0.0.1:${port}/`));
}
