#!/usr/bin/env bash
# The benchmark command (not part of the test command): builds the release files, then measures
# bytes, load, interaction, memory and the core, prints a table and writes docs/benchmarks.md.
#   scripts/bench.sh [--runs 15] [--clicks 100]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
CONVERGE=1 scripts/build.sh

echo "== Core, native (release build)"
cargo bench -q --locked -p maturity-core --features sample --bench core | tee target/native-bench.txt

echo "== Core, WebAssembly builds for Node (the widget's profile, and the api's)"
for profile in release api; do
  cargo build --profile "$profile" --locked --target wasm32-unknown-unknown -p maturity-bench-wasm
  wasm-bindgen --target nodejs --no-typescript --out-dir "target/bench-core-$profile" \
    "target/wasm32-unknown-unknown/$profile/maturity_bench_wasm.wasm"
done

echo "== Browser and Node measurements"
node tests/bench/run.mjs --native target/native-bench.txt "$@"
