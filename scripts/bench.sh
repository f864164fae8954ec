#!/usr/bin/env bash
# The benchmark command (not part of the test command): builds the release files, then measures
# bytes, load, interaction, memory and the core, prints a table and writes docs/benchmarks.md.
#   scripts/bench.sh [--runs 15] [--clicks 100]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh

echo "== Core, native (release build)"
cargo bench -q --locked -p maturity-core --features sample --bench core | tee target/native-bench.txt

echo "== Core, WebAssembly build for Node"
cargo build --release --locked --target wasm32-unknown-unknown -p maturity-bench-wasm
wasm-bindgen --target nodejs --no-typescript --out-dir target/bench-core \
  target/wasm32-unknown-unknown/release/maturity_bench_wasm.wasm

echo "== Browser and Node measurements"
node tests/bench/run.mjs --native target/native-bench.txt "$@"
