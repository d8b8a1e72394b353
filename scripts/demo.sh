#!/usr/bin/env bash
# The main job, offline, no key: parse a resume and a job posting and print them as JSON.
# then score the resume against the job (explainable ATS report), print the tailored profile and
# write it as a PDF (Typst in-process, no fonts or network needed): tailored-cv.pdf, or $OUT.
# Usage: bash scripts/demo.sh [RESUME] [JOB]
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
resume="${1:-examples/data/jane-doe.md}"
job="${2:-examples/data/senior-rust-engineer.txt}"
cargo build -q -p career-copilot-examples --bin copilot
copilot="$CARGO_TARGET_DIR/debug/copilot"
echo "== copilot parse $resume" >&2
"$copilot" parse "$resume"
echo "== copilot job $job" >&2
"$copilot" job "$job"
echo "== copilot score $resume $job" >&2
"$copilot" score "$resume" "$job"
echo "== copilot optimize $resume $job" >&2
"$copilot" optimize "$resume" "$job"
out="${OUT:-tailored-cv.pdf}"
echo "== copilot tailor $resume $job --out $out" >&2
"$copilot" tailor "$resume" "$job" --out "$out" --theme modern
echo "wrote $out ($(stat -c %s "$out") bytes)" >&2
