#!/usr/bin/env bash
# Installs what building and testing Vitrina needs, skipping whatever is present.
# Usage: scripts/ensure-tools.sh [build|test|all]
#   build: wasm32 target, trunk, wasm-bindgen-cli (exact Cargo.lock version), wasm-split-cli, wasm-opt
#          (npm's binaryen), esbuild (npm, for the build's minify hook), brotli
#   test:  build tools plus Chromium, ChromeDriver and Playwright (without its browser download),
#          and nginx with its brotli modules (tests/e2e/nginx.spec.mjs serves dist/ with the
#          configuration docs/hosting.md documents)
# Trunk itself is never allowed to download anything (Trunk.toml sets offline = true),
# so every tool it calls must be installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-build}"
TRUNK_VERSION="0.21.14" # 0.22 needs rustc >= 1.96
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen crate byte for byte, so read it from the lock.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$bindgen_version" ]; then
  echo "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

export PATH="$HOME/.cargo/bin:$PATH"

apt_missing=()
need_apt() { command -v "$1" >/dev/null 2>&1 || apt_missing+=("$2"); }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Not --locked: the CLI's own lock names a crate version crates.io no longer has.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# The code split (scripts/wasm-build.mjs): the splitter that cuts the app's wasm into chunks.
# 0.2.4 or later: earlier ones cache a failed chunk download for the whole session.
SPLIT_VERSION="0.2.4"
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION"
  cargo install --locked wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary
fi

need_apt brotli brotli
if [ "$what" != build ]; then
  need_apt chromium chromium
  need_apt chromedriver chromium-driver
  # Only the binary and the modules are used: the e2e starts its own unprivileged nginx on
  # a loopback port with its own prefix and configuration, never the system service. (On a
  # desktop Debian, apt also starts that service on port 80: `systemctl disable --now nginx`.)
  [ -x /usr/sbin/nginx ] || apt_missing+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || apt_missing+=(libnginx-mod-http-brotli-filter)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_missing+=(libnginx-mod-http-brotli-static)
fi

if [ "${#apt_missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

# wasm-opt comes from npm's binaryen (version 132), not Debian's binaryen 108:
# 108 renumbers tables and points wasm-bindgen's externref table export at the
# function table, so the optimised app dies at start-up with
# "WebAssembly.Table.set(): Argument 1 is invalid". The Makefile puts
# node_modules/.bin first on PATH so Trunk finds this one.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/@playwright/test ] \
  || [ ! -d node_modules/@axe-core/playwright ] || [ ! -x node_modules/.bin/lighthouse ] || [ ! -d node_modules/yaml ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen's wasm-opt; esbuild for scripts/minify.mjs; Playwright without its browser download; axe-core; Lighthouse; yaml for the GitHub Pages workflow's test)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
say "tools ready (trunk $TRUNK_VERSION, wasm-bindgen $bindgen_version, wasm-split-cli $SPLIT_VERSION, $(node_modules/.bin/wasm-opt --version 2>/dev/null | head -1))"
