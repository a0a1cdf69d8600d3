#!/usr/bin/env bash
# Rebuild the web app from a clean install and fail when the committed build differs from it.
# Run from anywhere; needs Node.js 20.19+ and npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
built="$here/../src/orbithub/web/static"
cd "$here"

before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
if [ -d "$built" ]; then
  cp -a "$built/." "$before/"
fi

npm ci --no-audit --no-fund --loglevel=error
npm run --silent build > "$before.log" 2>&1 || { cat "$before.log"; rm -f "$before.log"; exit 1; }
rm -f "$before.log"

if ! diff -r -q "$before" "$built"; then
  echo "The committed web app (src/orbithub/web/static) differs from a fresh build of web/." >&2
  echo "Run 'cd web && npm ci && npm run build', then commit src/orbithub/web/static." >&2
  exit 1
fi
echo "web app: committed build matches the sources"
