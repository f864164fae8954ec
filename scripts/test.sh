#!/usr/bin/env bash
# Runs every test: the core's unit, golden, property, schema and type-generation tests; bounded
# fuzzing; then, against the built package: Node tests, browser tests in headless Chromium, and
# consumer tests of the packed tarball (script tag, ES module, Vite app, Node, TypeScript).
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

echo "== Consumer tests of the packed npm package"
node --test tests/consumers/
