#!/usr/bin/env bash
# The one test command, for people and CI alike (CI runs it through .ci/run):
#
#     bash scripts/test.sh
#
# Stages: setup, rust, wasm32, docs, package, python, node, browser, mobile, fuzz. Each prints its time
# and a summary table closes the run; the script fails if any stage fails. It installs what it
# needs itself, idempotently, and caches tools outside the clone under
# ${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}, so a second run only rebuilds what
# changed.
#
# Knobs: SKIP_FUZZ=1 skips the fuzz smoke test; STAGES="rust python" runs only those stages
# (setup always runs); CARGO_TARGET_DIR overrides the shared target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

CACHE=${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}
# One cargo target directory for every stage and every build (host, wasm32, wheel, cdylib),
# outside the clone: CI's fresh clone on this machine then reuses this machine's build cache
# instead of starting cold. Every build uses the `dev` profile (see the root Cargo.toml:
# no debug info, optimised dependencies), so dependencies are compiled once per target.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
TOOLS=$CACHE/tools
VENV=$CACHE/test-venv
KOTLIN_HOME=$CACHE/kotlin/node_modules/kotlin-compiler
JNA_JAR=/usr/share/java/jna.jar
MATURIN_VERSION=1.16.0
KOTLIN_VERSION=2.4.20
TYPESCRIPT_VERSION=5.9.3
TSC=$CACHE/node-tools/node_modules/.bin/tsc
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
DATA=$ROOT/../shared/data
export CAREER_COPILOT_DATA=${CAREER_COPILOT_DATA:-$DATA}
EXAMPLE_RESUME=$DATA/resumes/rendercv/John_Doe_ClassicTheme_CV.pdf
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
mkdir -p "$CACHE" "$TOOLS" "$CARGO_TARGET_DIR"

# --- stage bookkeeping --------------------------------------------------------------------------

STAGE_NAMES=()
STAGE_RESULTS=()
STAGE_TIMES=()
PASSED=0
FAILED=0
RUN_START=$(date +%s)

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# stage NAME FUNCTION: runs FUNCTION in a subshell with `set -e` in force, prints a header and its
# duration, and records the result. Later stages still run after a failure, so one run shows
# everything that is broken; the script's exit status reports it.
stage() {
    local name=$1 fn=$2 start rc
    if [[ -n ${STAGES:-} && $name != setup && " $STAGES " != *" $name "* ]]; then
        return 0
    fi
    printf '\n==== stage %s ====\n' "$name"
    start=$(date +%s)
    set +e
    (set -e; "$fn")
    rc=$?
    set -e
    local took=$(($(date +%s) - start))
    STAGE_NAMES+=("$name")
    STAGE_TIMES+=("$took")
    if [[ $rc -eq 0 ]]; then
        STAGE_RESULTS+=(ok)
        PASSED=$((PASSED + 1))
        printf '==== stage %s: ok in %s\n' "$name" "$(fmt_time "$took")"
    elif [[ $rc -eq 99 ]]; then
        STAGE_RESULTS+=(skipped)
        printf '==== stage %s: skipped\n' "$name"
    else
        STAGE_RESULTS+=("FAILED (exit $rc)")
        FAILED=$((FAILED + 1))
        printf '==== stage %s: FAILED (exit %d) after %s\n' "$name" "$rc" "$(fmt_time "$took")"
    fi
    return 0
}

summary() {
    printf '\n==== summary ====\n'
    printf '%-10s %-18s %s\n' stage result time
    local i
    for i in "${!STAGE_NAMES[@]}"; do
        printf '%-10s %-18s %s\n' "${STAGE_NAMES[$i]}" "${STAGE_RESULTS[$i]}" "$(fmt_time "${STAGE_TIMES[$i]}")"
    done
    printf '%-10s %-18s %s\n' total "" "$(fmt_time $(($(date +%s) - RUN_START)))"
    printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
}

# A real resume for the examples, or a small one when ../shared/data is absent.
example_resume() {
    if [[ -f $EXAMPLE_RESUME ]]; then
        echo "$EXAMPLE_RESUME"
    else
        printf 'Jane Doe\njane@example.com\n\nExperience\nEngineer, Acme  2020 - 2022\n' > "$CARGO_TARGET_DIR/example-resume.txt"
        echo "$CARGO_TARGET_DIR/example-resume.txt"
    fi
}

# --- stages -------------------------------------------------------------------------------------

APT_UPDATED=
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    echo "installing Debian packages: ${missing[*]}"
    local sudo=
    [[ $(id -u) -ne 0 ]] && sudo=sudo
    if [[ -z $APT_UPDATED ]]; then
        $sudo apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

run_setup() {
    echo "cache: $CACHE; cargo target: $CARGO_TARGET_DIR"
    rustc --version
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi

    # JNA for the Kotlin test on the JVM.
    [[ -f $JNA_JAR ]] || apt_install libjna-java

    # A private venv with the pinned maturin and pytest.
    if ! "$VENV/bin/python" -c 'import pytest' 2>/dev/null \
        || [[ $("$VENV/bin/maturin" --version 2>/dev/null) != "maturin $MATURIN_VERSION" ]]; then
        python3 -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION" pytest
    fi
    "$VENV/bin/maturin" --version

    # kotlinc (with the stdlib) from npm.
    if [[ $(node -p "require('$KOTLIN_HOME/package.json').version" 2>/dev/null) != "$KOTLIN_VERSION" ]]; then
        npm install --silent --no-audit --no-fund --prefix "$CACHE/kotlin" "kotlin-compiler@$KOTLIN_VERSION"
    fi
    echo "kotlin-compiler $KOTLIN_VERSION"

    # tsc, to check the npm package's TypeScript declarations.
    if [[ $("$TSC" --version 2>/dev/null) != "Version $TYPESCRIPT_VERSION" ]]; then
        npm install --silent --no-audit --no-fund --prefix "$CACHE/node-tools" "typescript@$TYPESCRIPT_VERSION"
    fi
    "$TSC" --version

    # wasm-bindgen-cli, exactly the crate's version (a 2 to 7 minute build the first time).
    if [[ $("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null) != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
        # No --locked: one of its locked dependencies is missing from the registry here.
        cargo install --quiet wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --root "$TOOLS"
    fi
    "$TOOLS/bin/wasm-bindgen" --version
}

# Every native feature is tested for real: the examples crate's defaults bring render, http,
# sqlite and postgres; these add the ONNX embedder, usearch and the store conformance suite.
RUST_FEATURES="career-copilot/fastembed career-copilot/usearch career-copilot/test-utils career-copilot-e2e/fastembed"

# Services and runtimes the tests use, set up in this shell so their variables reach every
# stage: ONNX Runtime for the fastembed tests, a private PostgreSQL for the store suite. The
# REQUIRE flags turn a missing one into a failure instead of a skip.
services() {
    local start=$(date +%s)
    if ort=$(bash scripts/ci/onnxruntime.sh | tail -n 1) && [[ -f $ort ]]; then
        export CAREER_COPILOT_ORT_DYLIB=$ort
    fi
    export CAREER_COPILOT_REQUIRE_MODEL=1
    export CAREER_COPILOT_MODEL_DIR=${CAREER_COPILOT_MODEL_DIR:-$ROOT/../shared/models/all-MiniLM-L6-v2}
    if [[ -f scripts/ci/postgres.sh ]]; then
        if url=$(bash scripts/ci/postgres.sh start | tail -n 1) && [[ $url == postgres://* ]]; then
            export CAREER_COPILOT_PG_URL=$url
        fi
        export CAREER_COPILOT_REQUIRE_PG=1
    fi
    echo "services: ORT ${CAREER_COPILOT_ORT_DYLIB:-missing}, PostgreSQL ${CAREER_COPILOT_PG_URL:-missing} ($(($(date +%s) - start)) s)"
}

run_rust() {
    # The core must not depend on any binding generator.
    if cargo tree -p career-copilot -e normal --prefix none | grep -E '^(pyo3|wasm-bindgen|uniffi)[ _-]'; then
        echo "career-copilot depends on a binding crate (above)" >&2
        exit 1
    fi
    # Default members only: the pure crates (core, examples, benches, tests). Doc tests run
    # even when unit tests fail, so one run reports both.
    local rc=0
    if cargo nextest --version >/dev/null 2>&1; then
        cargo nextest run --no-fail-fast --features "$RUST_FEATURES" || rc=$?
    else
        cargo test --no-fail-fast --features "$RUST_FEATURES" || rc=$?
    fi
    cargo test --doc -p career-copilot || rc=$?
    return "$rc"
}

run_wasm32() {
    # The core with its default (pure-Rust) features builds for the browser.
    cargo build -p career-copilot --target wasm32-unknown-unknown
}

run_docs() {
    RUSTDOCFLAGS="-D warnings" cargo doc -p career-copilot --no-deps
}

run_package() {
    # Verifies that the published crate builds from its own files.
    cargo package -p career-copilot --allow-dirty
}

run_python() {
    local wheels=$CARGO_TARGET_DIR/wheels
    rm -rf "$wheels"
    # The dev profile, like every other stage (`pip install ./bindings-python` builds release).
    "$VENV/bin/maturin" build --profile dev -m bindings-python/Cargo.toml -i "$VENV/bin/python" --out "$wheels"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/career_copilot-*.whl
    "$VENV/bin/python" -m pytest -p no:cacheprovider bindings-python/tests
    "$VENV/bin/python" examples/python/quickstart.py "$(example_resume)"
}

run_node() {
    cargo test -p career-copilot-wasm --lib
    cargo build -p career-copilot-wasm --target wasm32-unknown-unknown
    local wasm=$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/career_copilot_wasm.wasm
    rm -rf bindings-wasm/pkg
    "$TOOLS/bin/wasm-bindgen" "$wasm" --target nodejs --out-dir bindings-wasm/pkg/node
    "$TOOLS/bin/wasm-bindgen" "$wasm" --target web --out-dir bindings-wasm/pkg/web
    local out=bindings-wasm/pkg/node/career_copilot_wasm_bg.wasm
    echo "wasm size (dev profile, no wasm-opt): $(stat -c %s "$out") bytes raw, $(gzip -9c "$out" | wc -c) bytes gzipped"
    "$TSC" -p bindings-wasm/tests
    echo "TypeScript declarations check"
    node --test bindings-wasm/tests/*.test.mjs
    node examples/node/quickstart.mjs "$(example_resume)"
}

run_mobile() {
    cargo test -p career-copilot-mobile --lib
    # The library and its own uniffi-bindgen, so the generator matches the scaffolding.
    cargo build -p career-copilot-mobile
    local lib=$CARGO_TARGET_DIR/debug/libcareer_copilot_mobile.so
    local bindgen=$CARGO_TARGET_DIR/debug/uniffi-bindgen
    local out=$CARGO_TARGET_DIR/uniffi
    rm -rf "$out"
    local language
    for language in kotlin swift python; do
        "$bindgen" generate --no-format --library "$lib" --language "$language" --out-dir "$out/$language"
    done
    # Swift cannot be compiled here (no toolchain in any reachable registry): check it is produced.
    local file
    for file in career_copilot_mobile.swift career_copilot_mobileFFI.h career_copilot_mobileFFI.modulemap; do
        [[ -s $out/swift/$file ]] || { echo "uniffi produced no $file" >&2; exit 1; }
    done
    grep -q 'func parseResume' "$out/swift/career_copilot_mobile.swift"
    echo "swift: $(ls "$out/swift" | tr '\n' ' ')"

    # Kotlin on the JVM with JNA, as an Android app would call it.
    bash scripts/ci/kotlin.sh "$KOTLIN_HOME" "$JNA_JAR" "$CARGO_TARGET_DIR/debug" "$out/kotlin" "$out/kotlin-classes" "$DATA"
    local classpath=$out/kotlin-classes:$JNA_JAR:$KOTLIN_HOME/lib/kotlin-stdlib.jar
    java -Djna.library.path="$CARGO_TARGET_DIR/debug" -cp "$classpath" QuickstartKt "$(example_resume)" > "$out/quickstart.txt"
    head -c 300 "$out/quickstart.txt"
    echo

    # The same scaffolding through uniffi's Python bindings (ctypes).
    cp "$lib" "$out/python/"
    PYTHONPATH="$out/python" "$VENV/bin/python" -m pytest -p no:cacheprovider bindings-mobile/tests
}

run_browser() {
    # The npm package and examples/web in headless Chromium (scripts/ci/browser.sh). Timing is
    # reported, not asserted: CI machines are shared.
    BROWSER_MAX_RATIO=${BROWSER_MAX_RATIO:-0} bash scripts/ci/browser.sh
}

run_fuzz() {
    if [[ ${SKIP_FUZZ:-0} == 1 ]]; then
        echo "SKIP_FUZZ=1"
        exit 99
    fi
    if [[ ! -f fuzz/smoke.sh ]]; then
        echo "no fuzz/smoke.sh"
        exit 99
    fi
    bash fuzz/smoke.sh
}

# --- run ----------------------------------------------------------------------------------------

stage setup run_setup
if [[ $FAILED -ne 0 ]]; then
    summary
    exit 1
fi
services
stage rust run_rust
stage wasm32 run_wasm32
stage docs run_docs
stage package run_package
stage python run_python
stage node run_node
stage browser run_browser
stage mobile run_mobile
stage fuzz run_fuzz
summary
[[ $FAILED -eq 0 ]]
