#!/usr/bin/env bash
# Prints raw and brotli sizes of the app shell (wasm + js + css + html) in a dist folder.
set -euo pipefail
dist="${1:-dist}"
total_raw=0
total_br=0
printf '%-40s %10s %10s\n' file raw brotli
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$file" ] || continue
  raw=$(stat -c %s "$file")
  br=$(brotli -c -q 11 "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_br=$((total_br + br))
  printf '%-40s %10d %10d\n' "$(basename "$file")" "$raw" "$br"
done
printf '%-40s %10d %10d\n' total "$total_raw" "$total_br"
