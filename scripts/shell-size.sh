#!/usr/bin/env bash
# Prints raw and brotli sizes of the visitor's app shell (wasm + js + css + html at the top of a
# dist folder), then, apart, of the staff page in its staff/ folder when the build has one.
# The staff page is never part of the visitor's figure: visitors do not download it.
set -euo pipefail
dist="${1:-dist}"

report() {
  local title="$1" folder="$2" total_raw=0 total_br=0 raw br file
  printf '%s\n' "$title"
  printf '%-40s %10s %10s\n' file raw brotli
  for file in "$folder"/*.wasm "$folder"/*.js "$folder"/*.css "$folder"/index.html; do
    [ -f "$file" ] || continue
    raw=$(stat -c %s "$file")
    br=$(brotli -c -q 11 "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_br=$((total_br + br))
    printf '%-40s %10d %10d\n' "$(basename "$file")" "$raw" "$br"
  done
  printf '%-40s %10d %10d\n' total "$total_raw" "$total_br"
}

report "Visitor shell ($dist)" "$dist"
if [ -d "$dist/staff" ]; then
  echo
  report "Staff page ($dist/staff, not downloaded by visitors)" "$dist/staff"
fi
