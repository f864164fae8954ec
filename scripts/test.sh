#!/usr/bin/env bash
# Runs every test: formatting and lints; the core's unit, golden, property, schema,
# type-generation and fuzz-replay tests; then, against the built package: Node tests, browser
# tests in headless Chromium, the core journeys in Chromium, Firefox ESR and WebKitGTK (with
# tablet and phone sizes), consumer tests of the packed tarball (script tag, ES module,
# Vite, webpack, esbuild, Next.js, Node, TypeScript), and the release zip as an intranet
# editor unpacks it.
# Time-bounded fuzzing is its own command: scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "== Formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
cargo clippy -p maturity-widget --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p maturity-api --features quick-read --target wasm32-unknown-unknown --locked -- -D warnings

echo "== Rust tests (native)"
cargo test --workspace --all-features --locked

echo "== Independent oracle (every golden figure recomputed in Python) and strict readers of the exports"
python3 tests/oracle/oracle.py
python3 tests/oracle/strict.py

echo "== Build the package"
scripts/build.sh

echo "== Node tests of the built package (WebAssembly)"
node --test tests/node/

echo "== Browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

echo "== Journeys in every engine (Chromium, Firefox ESR, WebKitGTK), each timed"
node --test --test-concurrency=1 tests/journeys/

echo "== Consumer tests of the packed npm package"
node --test tests/consumers/

echo "== The release zip, unpacked into an empty folder: every page over http and from file://"
node --test --test-concurrency=1 tests/release/
