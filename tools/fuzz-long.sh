#!/usr/bin/env bash
# Runs the loader/engine fuzz harness (tests/fuzz.rs) repeatedly for SECONDS (default 600),
# each round with fresh random seeds, and reports the executions. Any crash stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
per_round=5000
cargo test --quiet --test fuzz --no-run >/dev/null 2>&1
end=$((SECONDS + secs)); rounds=0
while ((SECONDS < end)); do
  PROPTEST_CASES=$per_round cargo test --quiet --test fuzz >/dev/null 2>&1 || { echo "fuzz failure in round $((rounds+1))"; exit 1; }
  rounds=$((rounds + 1))
done
echo "fuzz: $rounds rounds, $((rounds * per_round * 2)) executions in ${secs}s, no crash"
