#!/usr/bin/env bash
# Builds the files a page loads into www/dist/ and prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

# Three WebAssembly files: the widget's rater's build (no board screens), its board's build
# (everything), and the functions alone, for `maturity-matrix/api`, Node and init(), which read
# responses the quick way. The two widget builds share every compiled dependency; only the
# final link differs, so each is copied aside before the other is linked.
cargo build --release --locked --target wasm32-unknown-unknown -p maturity-widget --no-default-features
mkdir -p target/widget-builds
cp target/wasm32-unknown-unknown/release/maturity_widget.wasm target/widget-builds/rater.wasm
cargo build --release --locked --target wasm32-unknown-unknown -p maturity-widget
cp target/wasm32-unknown-unknown/release/maturity_widget.wasm target/widget-builds/board.wasm
cargo build --profile api --locked --target wasm32-unknown-unknown -p maturity-api --features quick-read
rm -rf www/build www/dist
mkdir -p www/dist

# Optimising until nothing changes takes about twice as long for about 3 KB less gzip per file:
# worth it for a release (scripts/release.sh asks for it), not for every test run.
converge=""
if [ "${CONVERGE:-}" = 1 ]; then converge="--converge"; fi

# glue <input .wasm> <out dir> <out name> <file>: wasm-bindgen's glue into www/build/<out dir>,
# and the optimised .wasm as www/build/<file> and www/dist/<file>.
glue() {
  # --omit-default-module-path: the glue must not name a .wasm of its own (bundlers such as
  # webpack would try to resolve it); every entry passes the file's location or bytes to init.
  # The declarations are kept: the package's function signatures come from them.
  wasm-bindgen --target web --omit-default-module-path --out-dir "www/build/$2" --out-name "$3" "$1"
  # The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
  node www/node_modules/binaryen/bin/wasm-opt -Oz $converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "www/build/$2/$3_bg.wasm" -o "www/build/$4"
  cp "www/build/$4" "www/dist/$4"
}
glue target/widget-builds/rater.wasm rater-pkg maturity_widget maturity-matrix.wasm
glue target/widget-builds/board.wasm board-pkg maturity_widget maturity-matrix-board.wasm
glue target/wasm32-unknown-unknown/api/maturity_api.wasm api-pkg maturity_api maturity-matrix-api.wasm
node www/scripts/bundle.mjs
