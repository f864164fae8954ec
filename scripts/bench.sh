#!/usr/bin/env bash
# Benchmarks (not part of the test command): native timings of the core.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Core, native (release build)"
cargo bench -p maturity-core --bench core
