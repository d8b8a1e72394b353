#!/usr/bin/env bash
# Packages the mobile bindings for Android: the library for every Android ABI (cargo-ndk, the
# `mobile` profile: opt-level "z", LTO, stripped), the uniffi-generated Kotlin, and an AAR with
# both plus a POM naming its two runtime dependencies (JNA, kotlinx-coroutines).
#
#     bash scripts/mobile/android.sh [OUT_DIR]        # default: target/android
#
# Needs: the Android NDK (ANDROID_NDK_HOME), `cargo install cargo-ndk`, the Rust targets
# (`rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
# i686-linux-android`), kotlinc, and the JNA and kotlinx-coroutines jars for compiling the
# Kotlin (JNA_JAR, COROUTINES_JAR). Not run in this repository's CI (no NDK there); the test
# command checks the same Kotlin on the JVM instead.
#
# Output:
#   OUT_DIR/jniLibs/<abi>/libcareer_copilot_mobile.so   drop into app/src/main/jniLibs, or
#   OUT_DIR/kotlin/uniffi/career_copilot_mobile/*.kt     add to an Android library module, or
#   OUT_DIR/career-copilot-<version>.aar (+ .pom)        use the AAR with
#       implementation("net.java.dev.jna:jna:5.14.0@aar")
#       implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.8.1")
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$(realpath -m "${1:-target/android}")
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
API_LEVEL=${ANDROID_API_LEVEL:-24}
ABIS=(arm64-v8a armeabi-v7a x86_64 x86)
VERSION=$(cargo metadata --no-deps --format-version 1 \
    | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "career-copilot-mobile"))')

: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the NDK (for example \$ANDROID_HOME/ndk/27.0.12077973)}"
command -v cargo-ndk >/dev/null || { echo "cargo-ndk is missing: cargo install cargo-ndk" >&2; exit 1; }
: "${JNA_JAR:?set JNA_JAR to a JNA jar (compile-time only)}"
: "${COROUTINES_JAR:?set COROUTINES_JAR to a kotlinx-coroutines-core-jvm jar (compile-time only)}"
rm -rf "$OUT" && mkdir -p "$OUT"

# 1. Kotlin, generated from a host build that still has uniffi's metadata (the mobile profile
#    strips it); the generated code is the same for every ABI.
cargo build -p career-copilot-mobile
"$TARGET_DIR/debug/uniffi-bindgen" generate --library "$TARGET_DIR/debug/libcareer_copilot_mobile.so" \
    --language kotlin --out-dir "$OUT/kotlin"

# 2. The library for every ABI. 16 KB page alignment is required from Android 15 on.
export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-Wl,-z,max-page-size=16384"
ndk_targets=()
for abi in "${ABIS[@]}"; do ndk_targets+=(-t "$abi"); done
cargo ndk "${ndk_targets[@]}" --platform "$API_LEVEL" -o "$OUT/jniLibs" \
    build -p career-copilot-mobile --profile mobile --lib
for abi in "${ABIS[@]}"; do
    lib=$OUT/jniLibs/$abi/libcareer_copilot_mobile.so
    [[ -s $lib ]] || { echo "missing $lib" >&2; exit 1; }
    echo "$abi: $(stat -c %s "$lib") bytes"
done

# 3. The AAR: manifest, classes.jar (the compiled Kotlin), jni/<abi>/*.so, an empty R.txt,
#    and the Kotlin sources beside it for IDEs.
aar=$OUT/aar
mkdir -p "$aar/jni" "$OUT/classes"
cat > "$aar/AndroidManifest.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="dev.careercopilot">
    <uses-sdk android:minSdkVersion="$API_LEVEL" />
</manifest>
XML
mapfile -t sources < <(find "$OUT/kotlin" -name '*.kt')
kotlinc -nowarn -jvm-target 1.8 -cp "$JNA_JAR:$COROUTINES_JAR" -d "$OUT/classes" "${sources[@]}"
(cd "$OUT/classes" && jar cf "$aar/classes.jar" .)
cp -r "$OUT/jniLibs/." "$aar/jni/"
: > "$aar/R.txt"
(cd "$aar" && zip -qr "$OUT/career-copilot-$VERSION.aar" .)
(cd "$OUT/kotlin" && jar cf "$OUT/career-copilot-$VERSION-sources.jar" .)
cat > "$OUT/career-copilot-$VERSION.pom" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.careercopilot</groupId>
  <artifactId>career-copilot</artifactId>
  <version>$VERSION</version>
  <packaging>aar</packaging>
  <dependencies>
    <dependency><groupId>net.java.dev.jna</groupId><artifactId>jna</artifactId><version>5.14.0</version><type>aar</type></dependency>
    <dependency><groupId>org.jetbrains.kotlinx</groupId><artifactId>kotlinx-coroutines-android</artifactId><version>1.8.1</version></dependency>
  </dependencies>
</project>
XML
echo "wrote $OUT/career-copilot-$VERSION.aar"
