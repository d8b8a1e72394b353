#!/usr/bin/env bash
# Builds every fuzz target and runs each for N seconds (default 10): `fuzz/smoke.sh [SECONDS]`.
#
# cargo-fuzz needs nightly flags; on the stable toolchain RUSTC_BOOTSTRAP=1 allows them. Builds
# go to $FUZZ_TARGET_DIR (default ~/.cache/career-copilot/fuzz-target), apart from the main build
# because of the sanitizer flags. Seeds come from
# fuzz/fixtures/<target> (past crashes and hand-made regression inputs, replayed by
# tests/tests/bad_input.rs) and, when present,
# ../shared/data. A crash leaves its input in fuzz/artifacts/<target>/: copy it into
# fuzz/fixtures/<target>/ once fixed so the replay test keeps it fixed.
set -uo pipefail
cd "$(dirname "$0")"
SECS="${1:-${FUZZ_SECONDS:-10}}"
TOOLS="${CAREER_COPILOT_TOOLS:-$HOME/.cache/career-copilot/tools}"
VERSION=0.13.2
export PATH="$TOOLS/bin:$PATH"
export RUSTC_BOOTSTRAP=1
# Instrumented builds live outside the clone so that a fresh clone (CI) reuses them.
FUZZ_TARGET="${FUZZ_TARGET_DIR:-$HOME/.cache/career-copilot/fuzz-target}"

if ! cargo fuzz --version 2>/dev/null | grep -q "$VERSION"; then
  cargo install cargo-fuzz --version "=$VERSION" --locked --root "$TOOLS" || exit 1
fi

t0=$SECONDS
cargo fuzz build --target-dir "$FUZZ_TARGET" || { echo "fuzz build failed"; exit 1; }
echo "== fuzz build: $((SECONDS - t0)) s"

DATA=../../shared/data
seeds() {
  case "$1" in
    pdf_extract) echo "$DATA/resumes/rendercv $DATA/resumes/open-resume" ;;
    docx_extract) echo "$DATA/resumes/word-cvs $DATA/resumes/pandoc-resume" ;;
    html_extract) echo "$DATA/resumes/pandoc-resume" ;;
    parse_resume) echo "$DATA/resumes/pandoc-resume $DATA/resumes/yamlresume" ;;
    parse_job) echo "$DATA/jobs/remoteok-sample" ;;
  esac
}

failed=()
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target" "fixtures/$target"
  dirs=("corpus/$target" "fixtures/$target")
  for d in $(seeds "$target"); do [ -d "$d" ] && dirs+=("$d"); done
  t1=$SECONDS
  if cargo fuzz run --target-dir "$FUZZ_TARGET" "$target" "${dirs[@]}" -- -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=0 >"corpus/$target.log" 2>&1; then
    echo "== $target: ok ($((SECONDS - t1)) s, $(grep -o 'stat::number_of_executed_units: [0-9]*\|#[0-9]*.*DONE' "corpus/$target.log" | tail -1))"
  else
    echo "== $target: FAILED ($((SECONDS - t1)) s); last lines of corpus/$target.log:"
    tail -30 "corpus/$target.log"
    failed+=("$target")
  fi
done
echo "== total: $((SECONDS - t0)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashing targets: ${failed[*]} (inputs in fuzz/artifacts/)"
  exit 1
fi
