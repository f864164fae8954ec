#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already in place.
#   scripts/setup.sh build     Rust target, wasm-bindgen CLI, the package's build tools
#   scripts/setup.sh release   all of the above, plus the tools that write the release's bills
#                              of materials (cargo-cyclonedx; @cyclonedx/cyclonedx-npm, which
#                              comes with the test packages)
#   scripts/setup.sh test      all of the above, plus the browser engines, their WebDriver
#                              servers and the consumer tests' tools
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The test command checks formatting and lints; minimal rustup profiles lack both tools.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component Rust component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (have: ${have:-none}); this takes a few minutes once"
  # Not --locked: the registry mirror lacks one of its locked dependency versions.
  cargo install wasm-bindgen-cli --version "$wanted"
fi

npm_ci() { # npm ci in $1 unless node_modules was installed from this very lockfile
  local dir="$1" stamp="$1/node_modules/.installed-from-lock"
  if ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_ci www

if [ "$what" = release ] || [ "$what" = test ]; then
  # The bills of materials (www/scripts/sbom.mjs, which checks this exact version). About a
  # minute to build from source on a fresh two-core machine; --locked works for this one.
  cyclonedx=0.5.9
  have=$(cargo cyclonedx --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$cyclonedx" ]; then
    say "installing cargo-cyclonedx $cyclonedx (have: ${have:-none}); this takes about a minute once"
    cargo install cargo-cyclonedx --version "$cyclonedx" --locked
  fi
  # The release's own tests check what the npm tool writes, so it lives with the test packages.
  npm_ci tests
fi

if [ "$what" = test ]; then
  # The browser engines the tests drive, all from Debian's packages (nothing is downloaded at
  # test time): Chromium, Firefox ESR and WebKitGTK, each with its WebDriver server, and a
  # virtual display for WebKitGTK, which has no headless mode.
  missing=()
  for wanted in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver \
      firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/xvfb-run \
      poppler-utils:/usr/bin/pdftotext; do
    [ -x "${wanted#*:}" ] || missing+=("${wanted%%:*}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  npm_ci tests
  # The independent reader of the board paper's Word file (tests/oracle/read_docx.py):
  # python-docx, at the version pinned in tests/oracle/requirements.txt, in a virtual environment
  # of the tests' own, remade whenever that file changes.
  if ! cmp -s tests/oracle/requirements.txt tests/.venv/installed-from-requirements; then
    say "installing python-docx into tests/.venv"
    rm -rf tests/.venv
    # Debian's own Python makes virtual environments only with its python3-venv package.
    if ! python3 -c "import ensurepip" 2>/dev/null; then
      say "installing Debian's python3-venv"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv tests/.venv
    tests/.venv/bin/pip install --quiet --disable-pip-version-check -r tests/oracle/requirements.txt
    cp tests/oracle/requirements.txt tests/.venv/installed-from-requirements
  fi
  # The consumer tests' tools (webpack, esbuild, Next.js): installing them here fills the npm
  # cache that each test project then installs from offline, with the same lockfile.
  npm_ci tests/consumers/project
fi
