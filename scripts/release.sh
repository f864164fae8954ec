#!/usr/bin/env bash
# Builds a release into target/distrib/ (or the folder given):
#   maturity-matrix-<version>/      both builds with an example page each, the authoring page as
#                                   one file, the guides as pages, the licences, the security and
#                                   information-governance notes, the bills of materials (sbom/),
#                                   SHA256SUMS
#   maturity-matrix-<version>.zip   that folder, for intranet editors
#   maturity-matrix-<version>.tgz   the npm package
#   maturity-matrix.sppkg           the SharePoint web part (and Teams tab) for the app catalog,
#                                   built by sharepoint/build.sh with Microsoft's SPFx toolchain
# The version is [workspace.package] version in Cargo.toml; the build stops if www/package.json
# or sharepoint/'s package.json and package-solution.json say otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
CONVERGE=1 scripts/build.sh
sharepoint/build.sh
node www/scripts/release.mjs "${1:-target/distrib}"
