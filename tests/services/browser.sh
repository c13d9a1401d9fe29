#!/usr/bin/env bash
# Debian's Chromium for the browser journeys (Playwright drives it; we never download a browser build).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "[browser] $(chromium --version 2>/dev/null | head -n 1)" >&2
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "[browser] ERROR: Chromium is missing: run 'sudo apt-get install -y chromium'." >&2; exit 1; }
echo "[browser] installing Debian's chromium" >&2
DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || { echo "[browser] ERROR: apt-get install chromium failed." >&2; exit 1; }
echo "[browser] $(chromium --version | head -n 1)" >&2
