#!/usr/bin/env bash
# For `make bench-profile`: target/bench/diag/ is target/bench/dist/ with the app's wasm built
# again by the same pipeline (scripts/wasm-build.mjs, the same split) but without wasm-opt,
# which keeps the name section, so CPU profiles name Rust functions. Slower and bigger than the
# real build: use it to see where time goes, never for the benchmark's numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/bench/dist/index.html ] || { echo "build first: make bench-build" >&2; exit 1; }
rm -rf target/bench/diag
cp -r target/bench/dist target/bench/diag
# The optimised app goes, with its preload tags; the pipeline writes the unoptimised one and its own.
rm -f target/bench/diag/vitrina-*.js target/bench/diag/vitrina-*.wasm
sed -i '/rel="modulepreload"\|rel="preload"/d' target/bench/diag/index.html
node scripts/wasm-build.mjs target/bench/diag --keep-names
[ -f target/bench/data/directory-10k.json ] \
  || target/release/xtask gen-directory --members 10000 --seed 1 --out target/bench/data/directory-10k.json
