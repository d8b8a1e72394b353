#!/usr/bin/env bash
# Builds the npm package `career-copilot` in place (bindings-wasm/pkg/{web,node}) and, with
# --out DIR, assembles a publishable copy of it in DIR (what `npm publish DIR` would ship).
#
#     bash bindings-wasm/build.sh [--release] [--out DIR]
#
# The default is the workspace's `dev` profile, like every CI stage. --release builds the
# `release` profile tuned for size through environment overrides (opt-level "z", LTO, one
# codegen unit; never stripped, or wasm-bindgen loses the target features); wasm-opt is not run.
# Needs the wasm32 target and wasm-bindgen-cli at the version in Cargo.lock, on PATH or in
# ${CAREER_COPILOT_CACHE:-~/.cache/career-copilot}/tools/bin (scripts/test.sh installs it).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd .. && pwd)
CACHE=${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export PATH="$CACHE/tools/bin:$HOME/.cargo/bin:$PATH"

profile=dev out=
while [[ $# -gt 0 ]]; do
    case $1 in
        --release) profile=release ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        *) echo "usage: build.sh [--release] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null || true)
if [[ $have != "wasm-bindgen $want" ]]; then
    echo "need wasm-bindgen $want (found: ${have:-none}); install it with" >&2
    echo "  cargo install wasm-bindgen-cli --version =$want --root $CACHE/tools" >&2
    exit 1
fi

if [[ $profile == release ]]; then
    export CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true \
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_STRIP=false \
        CARGO_PROFILE_RELEASE_PANIC=abort
    cargo build --release -p career-copilot-wasm --target wasm32-unknown-unknown
    wasm=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/career_copilot_wasm.wasm
else
    cargo build -p career-copilot-wasm --target wasm32-unknown-unknown
    wasm=$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/career_copilot_wasm.wasm
fi

rm -rf pkg
wasm-bindgen "$wasm" --target nodejs --out-dir pkg/node
wasm-bindgen "$wasm" --target web --out-dir pkg/web
# Both targets get the same .wasm: Node loads the web copy rather than ship it twice.
node_js=pkg/node/career_copilot_wasm.js
cmp -s pkg/node/career_copilot_wasm_bg.wasm pkg/web/career_copilot_wasm_bg.wasm
grep -q '^const wasmPath = `${__dirname}/career_copilot_wasm_bg.wasm`;$' "$node_js"
sed -i 's|^const wasmPath = `${__dirname}/career_copilot_wasm_bg.wasm`;$|const wasmPath = `${__dirname}/../web/career_copilot_wasm_bg.wasm`;|' "$node_js"
rm pkg/node/career_copilot_wasm_bg.wasm
# The package root has no "type": say what each generated directory is.
echo '{ "type": "commonjs" }' > pkg/node/package.json
echo '{ "type": "module" }' > pkg/web/package.json

bytes=pkg/web/career_copilot_wasm_bg.wasm
raw=$(stat -c %s "$bytes")
gz=$(gzip -9c "$bytes" | wc -c)
printf 'career-copilot %s: wasm %s bytes raw (%.1f MB), %s bytes gzip -9 (%.2f MB); wasm-opt not run\n' \
    "$profile" "$raw" "$(awk "BEGIN { print $raw / 1e6 }")" "$gz" "$(awk "BEGIN { print $gz / 1e6 }")"

if [[ -n $out ]]; then
    rm -rf "$out"
    mkdir -p "$out"
    cp -r package.json README.md types.d.ts js "$out"/
    mkdir -p "$out/pkg"
    cp -r pkg/node pkg/web "$out/pkg/"
    # The generated .d.ts files import the data types from ../../types: keep that layout.
    echo "package assembled in $out ($(du -sh "$out" | cut -f1))"
fi
