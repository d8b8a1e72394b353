#!/usr/bin/env bash
# Fetches the ONNX Runtime shared library the `fastembed` feature loads at run time, once, into
# ~/.cache/career-copilot/ort/, and prints its path. Idempotent: a second run only prints.
#
#   export CAREER_COPILOT_ORT_DYLIB="$(scripts/ci/onnxruntime.sh)"
#
# The library comes from the onnxruntime wheel on PyPI (ort 2.0.0-rc.15 needs 1.24 or newer).
set -euo pipefail

VERSION="${ORT_VERSION:-1.24.4}"
DIR="${CAREER_COPILOT_ORT_DIR:-$HOME/.cache/career-copilot/ort}"
LIB="$DIR/libonnxruntime.so.$VERSION"

if [[ -s "$LIB" ]]; then
    echo "$LIB"
    exit 0
fi

PIP="${PIP:-}"
if [[ -z "$PIP" ]]; then
    if [[ -x "$HOME/.cache/career-copilot/venv/bin/pip" ]]; then
        PIP="$HOME/.cache/career-copilot/venv/bin/pip"
    else
        PIP="python3 -m pip"
    fi
fi

mkdir -p "$DIR"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
$PIP download --quiet --no-deps --only-binary=:all: \
    --platform manylinux_2_28_x86_64 --python-version 3.11 \
    "onnxruntime==$VERSION" -d "$TMP" >&2
WHEEL="$(ls "$TMP"/onnxruntime-"$VERSION"-*.whl)"
python3 - "$WHEEL" "$VERSION" "$TMP/lib" <<'PY'
import sys, zipfile, shutil, os
wheel, version, out = sys.argv[1:]
name = f"onnxruntime/capi/libonnxruntime.so.{version}"
with zipfile.ZipFile(wheel) as z, z.open(name) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
mv "$TMP/lib" "$LIB"
echo "$LIB"
