#!/usr/bin/env bash
# Runs every test: formatting and lints; the core's unit, golden, property, schema,
# type-generation and fuzz-replay tests; then, against the built package: Node tests, browser
# tests in headless Chromium, the core journeys in Chromium, Firefox ESR and WebKitGTK (with
# tablet and phone sizes), consumer tests of the packed tarball (script tag, ES module,
# Vite, webpack, esbuild, Next.js, Node, TypeScript), the SharePoint web part's package (built
# with Microsoft's SPFx toolchain: its manifests, its files, and the web part run under
# SharePoint Online's policy by a stand-in for SharePoint's loader), and the release zip as an
# intranet editor unpacks it.
# Time-bounded fuzzing is its own command: scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each phase's wall time, printed as a table when the run ends (passed or not), so anyone can
# see where the time goes.
phases=()
phase_started=$SECONDS
phase_name=""
phase() { # phase "name": ends the phase running, starts the next
  if [ -n "$phase_name" ]; then phases+=("$(printf '%-10s %5d s' "$phase_name" $((SECONDS - phase_started)))"); fi
  phase_name="$1"
  phase_started=$SECONDS
  [ -n "$1" ] && printf '\n\033[1m== %s\033[0m\n' "$2"
  return 0
}
report() {
  local status=$?
  phase ""
  printf '\nPhase times (%s):\n' "$([ $status = 0 ] && echo passed || echo "failed in the last phase listed")"
  printf '  %s\n' "${phases[@]}"
  printf '  %-10s %5d s\n' total "$SECONDS"
}
trap report EXIT

phase install "Installing what is missing (skipped when present)"
scripts/setup.sh test

phase lints "Formatting and lints (native, then wasm32: both WebAssembly crates at once, and the rater's build)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
cargo clippy -p maturity-widget -p maturity-api --features maturity-api/quick-read \
  --target wasm32-unknown-unknown --locked -- -D warnings
# The rater's build: the widget without its board screens (the compiler keeps them out).
cargo clippy -p maturity-widget --no-default-features --target wasm32-unknown-unknown --locked -- -D warnings

phase rust "Rust tests (native)"
cargo test --workspace --all-features --locked

phase oracle "Independent oracle (every golden figure recomputed in Python) and strict readers of the exports"
python3 tests/oracle/oracle.py
python3 tests/oracle/strict.py

phase build "Build the package"
scripts/build.sh

phase sharepoint "Build the SharePoint web part's package (SPFx from npm, Node 22 from the node package)"
sharepoint/build.sh

phase node "Node tests of the built package (WebAssembly)"
node --test tests/node/

phase browser "Browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

phase journeys "Journeys in every engine (Chromium, Firefox ESR, WebKitGTK), each timed"
node --test --test-concurrency=1 tests/journeys/

phase consumers "Consumer tests of the packed npm package"
node --test tests/consumers/

phase release "The release zip, unpacked into an empty folder: every page over http and from file://"
node --test --test-concurrency=1 tests/release/
