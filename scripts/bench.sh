#!/usr/bin/env bash
# Whole-process figures (issue 7): `readouts check` of a generated file and
# its peak memory, the time to the first frame in a pseudo-terminal, and
# plain-text output against `fold | paste`. Release build; medians.
#
#   scripts/bench.sh                 # 10 MB, seed 1, 10 runs
#   MEGABYTES=50 RUNS=5 scripts/bench.sh
#
# Uses hyperfine when it is installed (apt-get install hyperfine), else a
# loop over /usr/bin/time. The machine may be shared: run it twice and
# compare before trusting a figure.
set -euo pipefail
cd "$(dirname "$0")/.."

MEGABYTES=${MEGABYTES:-10}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
# The pane width for plain output; 60 is a pane of a 150-column terminal.
WIDTH=${WIDTH:-60}
BINARY=target/release/readouts
DATA=target/bench-data
FILE=$DATA/generated-${MEGABYTES}mb-seed$SEED.toml
LEFT_TEXT=$DATA/generated-${MEGABYTES}mb-seed$SEED-left.txt
RIGHT_TEXT=$DATA/generated-${MEGABYTES}mb-seed$SEED-right.txt

# The commands whose plain-text output of the whole file is compared, in
# one run so that their ratio holds on a noisy machine. The first is the
# baseline: both sides folded to the width and pasted side by side.
# `print` gets both columns and the rule between them.
PLAIN_OUTPUT_COMMANDS=(
    "paste <(fold -s -w $WIDTH $LEFT_TEXT) <(fold -s -w $WIDTH $RIGHT_TEXT)"
    "$BINARY print --width $((2 * WIDTH + 1)) $FILE"
)

section() {
    printf '\n== %s\n' "$1"
}

build() {
    section "build (release)"
    cargo build --release --bin readouts --example generate
}

generate() {
    mkdir -p "$DATA"
    if [[ ! -s $FILE || ! -s $LEFT_TEXT || ! -s $RIGHT_TEXT ]]; then
        target/release/examples/generate --megabytes "$MEGABYTES" --seed "$SEED" \
            --out "$FILE" --left-text "$LEFT_TEXT" --right-text "$RIGHT_TEXT"
    fi
    "$BINARY" check "$FILE"
}

# Times shell commands, each on its own, median of $RUNS runs.
time_commands() {
    if command -v hyperfine > /dev/null; then
        hyperfine --shell bash --warmup 1 --runs "$RUNS" --style basic \
            --export-json "$DATA/hyperfine.json" "$@"
        # hyperfine's summary gives means; the figures are medians.
        python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%s\n  median %.3f s (min %.3f, max %.3f, %d runs)" % (r["command"], r["median"], r["min"], r["max"], len(r["times"])))' "$DATA/hyperfine.json"
        return
    fi
    local command run
    for command in "$@"; do
        for ((run = 0; run < RUNS; run++)); do
            /usr/bin/time -f %e -o "$DATA/time.out" bash -c "$command > /dev/null"
            cat "$DATA/time.out"
        done | sort -n | awk -v name="$command" \
            '{ t[NR] = $1 } END { printf "%s\n  median %.3f s (min %.3f, max %.3f, %d runs)\n", name, t[int((NR + 1) / 2)], t[1], t[NR], NR }'
    done
}

measure_check() {
    section "readouts check of $FILE"
    time_commands "$BINARY check $FILE"
}

measure_peak_memory() {
    local command
    for command in check print; do
        section "peak memory of readouts $command"
        /usr/bin/time -v "$BINARY" "$command" "$FILE" 2>&1 >/dev/null | grep 'Maximum resident set size'
    done
}

measure_first_frame() {
    section "first frame in a pseudo-terminal (200x50)"
    python3 scripts/first_frame.py "$BINARY" --runs "$RUNS"
    python3 scripts/first_frame.py "$BINARY" "$FILE" --runs "$RUNS"
    python3 scripts/first_frame.py "$BINARY" "$FILE" --runs "$RUNS" --first-key
}

measure_plain_output() {
    section "plain-text output at width $WIDTH"
    time_commands "${PLAIN_OUTPUT_COMMANDS[@]}"
}

build
generate
measure_check
measure_peak_memory
measure_first_frame
measure_plain_output
