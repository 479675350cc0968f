#!/usr/bin/env bash
# The two files a Vitrina release offers for download, which the GitHub Pages workflow
# (docs/hosting/github-pages.yml) fetches: the built app and the command-line tool.
# Usage: scripts/release-assets.sh DIST VITRINA_BINARY OUT_DIR
#   DIST:           a finished build (`make build` leaves it in dist/, the staff page in dist/staff/)
#   VITRINA_BINARY: the `vitrina` tool for Linux x86-64 (cargo build --release -p vitrina-cli)
#   OUT_DIR:        receives vitrina-dist.tar.gz (the contents of DIST, no top folder)
#                   and vitrina-x86_64-linux.tar.gz (the file `vitrina`)
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: scripts/release-assets.sh DIST VITRINA_BINARY OUT_DIR" >&2
  exit 2
fi
dist="$1" binary="$2" out="$3"
[ -f "$dist/index.html" ] || { echo "$dist/index.html is missing: not a finished build" >&2; exit 1; }
[ -x "$binary" ] || { echo "$binary is not an executable" >&2; exit 1; }

mkdir -p "$out"
# Sorted names and no owners from this machine.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$dist" -czf "$out/vitrina-dist.tar.gz" .
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp "$binary" "$staging/vitrina"
chmod 755 "$staging/vitrina"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$staging" -czf "$out/vitrina-x86_64-linux.tar.gz" vitrina
echo "$out/vitrina-dist.tar.gz"
echo "$out/vitrina-x86_64-linux.tar.gz"
