#!/usr/bin/env bash
# For `make bench-profile`: target/bench/diag/ is target/bench/dist/ with the wasm
# replaced by wasm-bindgen's output of the release wasm *before* wasm-opt, which keeps
# the name section, so CPU profiles name Rust functions. Slower and bigger than the
# real build: use it to see where time goes, never for the benchmark's numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/wasm32-unknown-unknown/release/vitrina.wasm
[ -f target/bench/dist/index.html ] && [ -f "$wasm" ] || { echo "build first: make bench-build" >&2; exit 1; }
rm -rf target/bench/diag target/bench/diag-bindgen
wasm-bindgen --target web --no-typescript --out-dir target/bench/diag-bindgen "$wasm"
cp -r target/bench/dist target/bench/diag
hashed="$(basename target/bench/diag/vitrina-*_bg.wasm _bg.wasm)"
cp target/bench/diag-bindgen/vitrina_bg.wasm "target/bench/diag/${hashed}_bg.wasm"
cp target/bench/diag-bindgen/vitrina.js "target/bench/diag/${hashed}.js"
# The files changed, so the Subresource Integrity hashes no longer hold.
sed -i 's/ integrity="[^"]*"//g' target/bench/diag/index.html
[ -f target/bench/data/directory-10k.json ] \
  || target/release/xtask gen-directory --members 10000 --seed 1 --out target/bench/data/directory-10k.json
