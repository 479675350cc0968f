// Debian's nginx, unprivileged, serving dist/ under /vitrina/ with exactly the
// configuration docs/hosting.md documents (docs/hosting/nginx.conf, included as it is).
// `node tests/e2e/nginx-site.mjs PORT` lays out target/e2e-nginx/ (the prefix: configuration,
// pid file, temp folders, and www/vitrina -> dist) and runs nginx in the foreground until
// it is stopped (playwright.config.mjs starts it as a web server, and stops it after the run,
// passed or failed); `findNginx()` tells whether nginx is here at all.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The snippet a cluster copies into its server block; the test includes this very file. */
export const DOCUMENTED_SNIPPET = resolve("docs/hosting/nginx.conf");
/** The sub-path the snippet serves (its `location`), the same as the other specs use. */
export const SUB_PATH = "/vitrina/";
const PREFIX = resolve("target/e2e-nginx");

/** The nginx binary, or null when nginx is not installed (`scripts/ensure-tools.sh test` installs it). */
export function findNginx() {
  const candidates = [process.env.NGINX, "/usr/sbin/nginx", ...(process.env.PATH ?? "").split(":").map((dir) => join(dir, "nginx"))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not this one.
    }
  }
  return null;
}

/** Where this nginx keeps its dynamic modules (`--modules-path` of `nginx -V`, which prints on stderr). */
function modulesPath(nginx) {
  const { stdout, stderr } = spawnSync(nginx, ["-V"], { encoding: "utf8" });
  return `${stdout}${stderr}`.match(/--modules-path=(\S+)/)?.[1] ?? "/usr/lib/nginx/modules";
}

/** Writes the prefix folder and its nginx.conf for `port`; returns the arguments for nginx. */
export function layOut(nginx, port) {
  if (!existsSync(resolve("dist/index.html"))) throw new Error("dist/index.html is missing: run `make build` first");
  rmSync(PREFIX, { recursive: true, force: true });
  for (const dir of ["www", "tmp/client", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"]) {
    mkdirSync(join(PREFIX, dir), { recursive: true });
  }
  symlinkSync(resolve("dist"), join(PREFIX, "www", SUB_PATH.replaceAll("/", "")), "dir");

  const modules = modulesPath(nginx);
  const brotliFilter = join(modules, "ngx_http_brotli_filter_module.so");
  if (!existsSync(brotliFilter)) {
    throw new Error(`${brotliFilter} is missing: install libnginx-mod-http-brotli-filter (scripts/ensure-tools.sh test)`);
  }
  const conf = `# Written by tests/e2e/nginx-site.mjs; the server block includes docs/hosting/nginx.conf.
load_module ${brotliFilter};
# In the foreground, one process: Playwright stops it with the run, and as root no
# worker switches to another user (who could not read the work tree).
daemon off;
master_process off;
pid ${join(PREFIX, "nginx.pid")};
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${join(PREFIX, "tmp/client")};
    proxy_temp_path ${join(PREFIX, "tmp/proxy")};
    fastcgi_temp_path ${join(PREFIX, "tmp/fastcgi")};
    uwsgi_temp_path ${join(PREFIX, "tmp/uwsgi")};
    scgi_temp_path ${join(PREFIX, "tmp/scgi")};
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${join(PREFIX, "www")};
        include ${DOCUMENTED_SNIPPET};
    }
}
`;
  writeFileSync(join(PREFIX, "nginx.conf"), conf);
  return ["-p", PREFIX, "-c", join(PREFIX, "nginx.conf"), "-e", "stderr"];
}

function main() {
  const nginx = findNginx();
  if (!nginx) {
    console.error("nginx is not installed (scripts/ensure-tools.sh test installs Debian's nginx)");
    process.exit(1);
  }
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0) {
    console.error("usage: node tests/e2e/nginx-site.mjs PORT");
    process.exit(2);
  }
  const args = layOut(nginx, port);
  // Checked before starting, so a broken snippet fails with nginx's own message.
  execFileSync(nginx, [...args, "-t", "-q"], { stdio: "inherit" });
  const server = spawn(nginx, args, { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill("SIGTERM"));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
