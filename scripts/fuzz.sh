#!/usr/bin/env bash
# Fuzzes the core's parsers for a bounded time each (FUZZ_SECONDS, default 45) and prints the
# executions. Run on demand, not by the test command: the test command replays the seeds and
# every saved crash input (core/fuzz/regressions/) as ordinary tests. The corpus in
# core/fuzz/corpus/ is kept between runs, so each run goes on from where the last one stopped.
# Needs the nightly toolchain; installs cargo-fuzz if missing.
set -euo pipefail
cd "$(dirname "$0")/../core/fuzz"
seconds="${FUZZ_SECONDS:-45}"
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] SKIPPED: no nightly toolchain on this machine (cargo-fuzz needs one)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz"
  cargo install cargo-fuzz
fi
total=0
for target in instrument response; do
  mkdir -p "corpus/$target"
  # -malloc_limit_mb turns any single oversized allocation into a failure.
  log=$(cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len=65536 -print_final_stats=1 2>&1) || {
    echo "$log" | tail -40
    echo "[fuzz] $target FAILED: once fixed, copy the input from core/fuzz/artifacts/$target/"
    echo "[fuzz] into core/fuzz/regressions/$target/ so the test command replays it"
    exit 1
  }
  runs=$(echo "$log" | awk '/stat::number_of_executed_units/ { print $2 }' | tail -1)
  echo "[fuzz] $target: ${runs:-?} executions in ${seconds}s, no crash"
  total=$((total + ${runs:-0}))
done
echo "[fuzz] total: $total executions"
