#!/usr/bin/env bash
# Prints raw and brotli sizes of the visitor's first screen (the landing wasm, its JS, CSS and
# HTML at the top of a dist folder), then each chunk of the code split (loaded on demand, never
# on the way to the first screen; scripts/wasm-build.mjs), then, apart, the staff page in its
# staff/ folder when the build has one. The staff page is never part of the visitor's figure:
# visitors do not download it.
set -euo pipefail
dist="${1:-dist}"

row() {
  local file="$1" raw br
  raw=$(stat -c %s "$file")
  br=$(brotli -c -q 11 "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_br=$((total_br + br))
  printf '%-48s %10d %10d\n' "$(basename "$file")" "$raw" "$br"
}

report() {
  local title="$1" folder="$2" chunks_apart="${3:-}" file
  total_raw=0 total_br=0
  printf '%s\n' "$title"
  printf '%-48s %10s %10s\n' file raw brotli
  for file in "$folder"/*.wasm "$folder"/*.js "$folder"/*.css "$folder"/index.html; do
    [ -f "$file" ] || continue
    [ -n "$chunks_apart" ] && is_chunk "$file" && continue
    row "$file"
  done
  printf '%-48s %10d %10d\n' total "$total_raw" "$total_br"
}

# A chunk: any wasm of the visitor app but the landing module (vitrina-<hash>_bg.wasm), and
# the views' stylesheet (scripts/views-stylesheet.mjs), which the first screen never loads.
is_chunk() {
  local name
  name="$(basename "$1")"
  [[ "$name" == vitrina-*.wasm && ! "$name" =~ ^vitrina-[0-9a-f]{1,16}_bg\.wasm$ ]] ||
    [[ "$name" =~ ^vitrina-views-[0-9a-f]{1,16}\.css$ ]]
}

report "Visitor shell, first screen ($dist)" "$dist" chunks-apart
chunks=()
for file in "$dist"/vitrina-*.wasm "$dist"/vitrina-views-*.css; do
  [ -f "$file" ] && is_chunk "$file" && chunks+=("$file")
done
if [ "${#chunks[@]}" -gt 0 ]; then
  echo
  echo "Chunks, loaded on demand ($dist)"
  printf '%-48s %10s %10s\n' file raw brotli
  total_raw=0 total_br=0
  for file in "${chunks[@]}"; do row "$file"; done
  printf '%-48s %10d %10d\n' total "$total_raw" "$total_br"
fi
if [ -d "$dist/staff" ]; then
  echo
  report "Staff page ($dist/staff, not downloaded by visitors)" "$dist/staff"
fi
