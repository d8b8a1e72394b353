#!/usr/bin/env bash
# The browser test of the npm package and the demo page (examples/web): Debian's Chromium,
# headless, driven by npm playwright-core against the page served on 127.0.0.1. Drops a PDF
# resume, pastes a job, checks the score and the tailored-profile download, keeps a screenshot,
# and compares parse + score time in the browser with native (same cargo profile).
#
#     bash scripts/ci/browser.sh [PACKAGE_DIR]
#
# PACKAGE_DIR is a built package (bindings-wasm after bindings-wasm/build.sh, or its --out
# copy); without it this script builds one. Installs what it needs idempotently (apt chromium,
# playwright-core under $CACHE/node-tools). Artefacts (screenshot, downloaded JSON,
# timing.json) go to $CARGO_TARGET_DIR/browser-test. Knobs: BROWSER_MAX_RATIO (default 2: fail
# when the fastest browser run is slower than that many times the fastest native run; 0 turns
# the check off), BROWSER_RUNS (timed runs, default 9). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CACHE=${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export PATH="$CACHE/tools/bin:$HOME/.cargo/bin:$PATH"
PLAYWRIGHT_VERSION=1.65.1
NODE_TOOLS=$CACHE/node-tools
DATA=${CAREER_COPILOT_DATA:-$ROOT/../shared/data}
RESUME=$DATA/resumes/rendercv/John_Doe_ClassicTheme_CV.pdf
JOB=$ROOT/examples/data/senior-rust-engineer.txt
OUT=$CARGO_TARGET_DIR/browser-test
START=$(date +%s)
took() { echo "$(($(date +%s) - START))s"; }

if [[ ! -x /usr/bin/chromium ]]; then
    echo "installing Debian's chromium"
    sudo=; [[ $(id -u) -ne 0 ]] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
fi
if [[ $(node -p "require('$NODE_TOOLS/node_modules/playwright-core/package.json').version" 2>/dev/null) != "$PLAYWRIGHT_VERSION" ]]; then
    npm install --silent --no-audit --no-fund --prefix "$NODE_TOOLS" "playwright-core@$PLAYWRIGHT_VERSION"
fi
echo "$(/usr/bin/chromium --version 2>/dev/null), playwright-core $PLAYWRIGHT_VERSION ($(took))"

[[ -f $RESUME ]] || { echo "no test resume at $RESUME (set CAREER_COPILOT_DATA)" >&2; exit 1; }

if [[ $# -ge 1 ]]; then
    PKG=$(cd "$1" && pwd)
else
    bash bindings-wasm/build.sh
    PKG=$ROOT/bindings-wasm
fi
[[ -f $PKG/pkg/web/career_copilot_wasm_bg.wasm ]] || { echo "$PKG holds no built package" >&2; exit 1; }

# The web entry's declarations against the DOM library (the node stage checks the Node ones).
TSC=$NODE_TOOLS/node_modules/.bin/tsc
if [[ -x $TSC && $PKG == "$ROOT/bindings-wasm" ]]; then
    "$TSC" -p bindings-wasm/tests/tsconfig.web.json
    echo "TypeScript declarations of the web entry check ($(took))"
fi

# The native side of the speed comparison, in the dev profile like the wasm.
cargo build --quiet -p career-copilot-wasm --example native_timing
echo "native timing example built ($(took))"

node examples/web/tests/browser.mjs --playwright "$NODE_TOOLS" --pkg "$PKG" --out "$OUT" \
    --resume "$RESUME" --job "$JOB" --docx "$DATA/resumes/pandoc-resume/johnny_coder_sample.docx" --native "$CARGO_TARGET_DIR/debug/examples/native_timing" \
    --runs "${BROWSER_RUNS:-9}" --max-ratio "${BROWSER_MAX_RATIO:-2}"
echo "browser stage done in $(took); artefacts in $OUT"
