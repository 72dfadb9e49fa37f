#!/usr/bin/env bash
# Runs the reference optimizer (fsrs-rs 6.5 through the npm package @open-spaced-repetition/binding)
# on the benchmark's log, then bench_optimizer with its weights side by side. Installs the package
# into a temporary folder that is removed afterwards; not part of `make test`.
# Usage: bench/reference/run_reference.sh [BUILD_DIR] [REFERENCE_RUNS] [OUR_RUNS] [SEED]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
reference_runs=${2:-3}
our_runs=${3:-11}
seed=${4:-20231} # the simulated learner of docs/benchmarks.md
package="@open-spaced-repetition/binding@0.5.0" # fsrs-rs 6.5.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== installing $package into a temporary folder =="
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "$package")

echo "== exporting the training items =="
"$build/bench/bench_optimizer" --seed "$seed" --export-reference "$work/items.json"

echo "== reference: computeParameters ($reference_runs runs) =="
cp "$here/reference_fit.mjs" "$work/"
(cd "$work" && node reference_fit.mjs items.json "$build/bench/reference_fit.txt" "$reference_runs")

echo "== ours, side by side =="
"$build/bench/bench_optimizer" --seed "$seed" --runs "$our_runs" --reference "$build/bench/reference_fit.txt"
