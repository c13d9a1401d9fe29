#!/usr/bin/env bash
# Debian's Chromium for the browser journeys (Playwright drives it; we never download a browser build), and
# axe-core from the npm registry for the accessibility journeys (tests/e2e/axe: package.json + package-lock.json;
# Playwright injects it from disk, never from a CDN).
set -euo pipefail
cd "$(dirname "$0")/../.."
AXE_DIR=tests/e2e/axe

apt_install() {
  [ "$(id -u)" = 0 ] || { echo "[browser] ERROR: $1 is missing: run 'sudo apt-get install -y $1'." >&2; exit 1; }
  echo "[browser] installing Debian's $1" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >&2 || { echo "[browser] ERROR: apt-get install $1 failed." >&2; exit 1; }
}

command -v chromium >/dev/null 2>&1 || apt_install chromium
echo "[browser] $(chromium --version 2>/dev/null | head -n 1)" >&2

# the lock file pins axe-core; install when what is on disk is not that version
command -v npm >/dev/null 2>&1 || apt_install npm
axe_version() { node -p "require('./$AXE_DIR/$1').$2" 2>/dev/null || true; }
if [ "$(axe_version package-lock.json "packages['node_modules/axe-core'].version")" \
     != "$(axe_version node_modules/axe-core/package.json version)" ]; then
  echo "[browser] installing axe-core with npm ci in $AXE_DIR" >&2
  npm ci --prefix "$AXE_DIR" --no-audit --no-fund --loglevel=error >&2 \
    || { echo "[browser] ERROR: 'npm ci' in $AXE_DIR failed (is registry.npmjs.org reachable?)." >&2; exit 1; }
fi
echo "[browser] axe-core $(node -p "require('./$AXE_DIR/node_modules/axe-core/package.json').version")" >&2
