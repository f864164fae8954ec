#!/usr/bin/env bash
# Builds sharepoint/solution/maturity-matrix.sppkg, the SharePoint Framework package of the web
# part (and Teams tab), with Microsoft's own toolchain from the npm registry:
#   1. checks that every version here is Cargo.toml's ([workspace.package] version);
#   2. installs the toolchain from the lockfile (npm ci; skipped when node_modules was installed
#      from this very lockfile). SPFx 1.23 needs Node 22: the `node` package in devDependencies
#      puts a Node 22 binary in node_modules/.bin, which the build puts first on its PATH, so the
#      system's Node is neither used nor changed;
#   3. compiles and bundles the web part (Heft, SharePoint's rig, production);
#   4. copies the release files the web part loads (www/dist, built by scripts/build.sh) beside
#      its bundle, so SharePoint deploys them with it to ClientSideAssets;
#   5. packages the solution (Heft package-solution, production).
# Usage: sharepoint/build.sh [OUT]   (OUT: also copy the .sppkg there)
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS

node package-files.mjs check-version

# The same stamp as scripts/setup.sh's: a copy of the lockfile node_modules was installed from.
stamp=node_modules/.installed-from-lock
if ! cmp -s package-lock.json "$stamp"; then
  install_started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
  echo "Installed the SharePoint Framework toolchain in $((SECONDS - install_started)) s."
fi

export PATH="$PWD/node_modules/.bin:$PATH"
case "$(node --version)" in
  v22.*) ;;
  *) echo "node_modules/.bin/node is $(node --version), not Node 22: reinstall (rm -rf node_modules)." >&2; exit 1 ;;
esac

build_started=$SECONDS
heft build --clean --production
node package-files.mjs copy release/assets
heft package-solution --production
echo "Built sharepoint/solution/maturity-matrix.sppkg ($(stat -c%s solution/maturity-matrix.sppkg) bytes) in $((SECONDS - build_started)) s (with the install: $((SECONDS - started)) s)."

if [ $# -gt 0 ]; then
  mkdir -p "$1"
  cp solution/maturity-matrix.sppkg "$1/"
fi
