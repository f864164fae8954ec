#!/usr/bin/env bash
# Builds everything and serves the demo intranet page, printing its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
