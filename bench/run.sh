#!/usr/bin/env bash
# Runs every benchmark program of a build folder (default: build) and prints their figures.
set -euo pipefail
build=${1:-build}
echo "== start-up and idle (bench_startup) =="
"$build/bench/bench_startup"
echo "== scheduler: FSRS updates, fsrs replay, today's queue (bench_scheduler) =="
"$build/bench/bench_scheduler"
echo "== import and lint of a 50,000-line word list (bench_import) =="
"$build/bench/bench_import"
echo "== FSRS optimizer on a 300,000-review log (bench_optimizer; with the reference: bench/reference/run_reference.sh) =="
"$build/bench/bench_optimizer"
echo "== storage: answer commit, undo, a 1,000,000-card collection (bench_storage; the first run generates it, minutes) =="
"$build/bench/bench_storage"
