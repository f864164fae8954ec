#!/usr/bin/env bash
# Builds the files a page loads into www/dist/ and prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

cargo build --release --locked --target wasm32-unknown-unknown -p maturity-widget
rm -rf www/build www/dist
# --omit-default-module-path: the glue must not name a .wasm of its own (bundlers such as webpack
# would try to resolve it); every entry passes the file's location or bytes to init.
wasm-bindgen --target web --no-typescript --omit-default-module-path --out-dir www/build/pkg --out-name maturity_widget \
  target/wasm32-unknown-unknown/release/maturity_widget.wasm
# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
node www/node_modules/binaryen/bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  www/build/pkg/maturity_widget_bg.wasm -o www/build/maturity-matrix.wasm
mkdir -p www/dist
cp www/build/maturity-matrix.wasm www/dist/maturity-matrix.wasm
node www/scripts/bundle.mjs
