// Lays out target/e2e-site/vitrina/ -> dist/, so the app is served under a sub-path
// by python's http.server (no rewrite rules, like most static hosts).
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";

const dist = resolve("dist");
if (!existsSync(resolve(dist, "index.html"))) {
  console.error("dist/index.html is missing: run `make build` first");
  process.exit(1);
}
const site = resolve("target/e2e-site");
mkdirSync(site, { recursive: true });
rmSync(resolve(site, "vitrina"), { force: true, recursive: true });
symlinkSync(dist, resolve(site, "vitrina"), "dir");
