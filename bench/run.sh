#!/usr/bin/env bash
# Runs every benchmark program of a build folder (default: build) and prints their figures.
set -euo pipefail
build=${1:-build}
echo "== start-up and idle (bench_startup) =="
"$build/bench/bench_startup"
