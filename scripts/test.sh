#!/usr/bin/env bash
# Runs every test: the core's unit, golden and property tests, the widget's native render
# tests, then the browser tests against the built package in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "== Rust tests (native)"
cargo test --workspace --all-features --locked

echo "== Fuzz the parsers (bounded time)"
scripts/fuzz.sh

echo "== Build the package"
scripts/build.sh

echo "== Node tests of the built package (WebAssembly)"
node --test tests/node/

echo "== Browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
