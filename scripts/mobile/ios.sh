#!/usr/bin/env bash
# Packages the mobile bindings for iOS: static libraries for devices and simulators (the
# `mobile` profile), an XCFramework with the uniffi C header and module map, and a Swift
# package whose Swift target is the uniffi-generated Swift.
#
#     bash scripts/mobile/ios.sh [OUT_DIR]        # default: target/ios
#
# Needs macOS with Xcode (xcodebuild, lipo) and the Rust targets (`rustup target add
# aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios`). Not run in this repository's CI
# (no Apple toolchain there); the test command checks that uniffi generates the Swift.
#
# Output: OUT_DIR/CareerCopilot/ — a Swift package. Add it in Xcode (File > Add Package
# Dependencies > Add Local) or by path in another Package.swift, then `import CareerCopilot`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$(realpath -m "${1:-target/ios}")
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
LIB=libcareer_copilot_mobile.a
FFI=career_copilot_mobileFFI
[[ $(uname) == Darwin ]] || { echo "ios.sh needs macOS with Xcode" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
export IPHONEOS_DEPLOYMENT_TARGET=${IPHONEOS_DEPLOYMENT_TARGET:-13.0}

# 1. Swift, generated from a host build that keeps uniffi's metadata (mobile strips it).
cargo build -p career-copilot-mobile
"$TARGET_DIR/debug/uniffi-bindgen" generate --library "$TARGET_DIR/debug/libcareer_copilot_mobile.dylib" \
    --language swift --out-dir "$OUT/swift"

# 2. Static libraries: one for devices, one fat library for both simulator architectures.
for target in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
    cargo build -p career-copilot-mobile --profile mobile --lib --target "$target"
done
mkdir -p "$OUT/simulator"
lipo -create "$TARGET_DIR/aarch64-apple-ios-sim/mobile/$LIB" "$TARGET_DIR/x86_64-apple-ios/mobile/$LIB" \
    -output "$OUT/simulator/$LIB"

# 3. The XCFramework: each slice with the C header and a module map named `module.modulemap`
#    (the generated Swift imports the module `career_copilot_mobileFFI` it declares).
headers=$OUT/headers
mkdir -p "$headers"
cp "$OUT/swift/$FFI.h" "$headers/"
cp "$OUT/swift/$FFI.modulemap" "$headers/module.modulemap"
package=$OUT/CareerCopilot
mkdir -p "$package/Sources/CareerCopilot"
xcodebuild -create-xcframework \
    -library "$TARGET_DIR/aarch64-apple-ios/mobile/$LIB" -headers "$headers" \
    -library "$OUT/simulator/$LIB" -headers "$headers" \
    -output "$package/$FFI.xcframework"

# 4. The Swift package: the binary target and the generated Swift on top of it.
cp "$OUT/swift/career_copilot_mobile.swift" "$package/Sources/CareerCopilot/"
cat > "$package/Package.swift" <<'SWIFT'
// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "CareerCopilot",
    platforms: [.iOS(.v13)],
    products: [.library(name: "CareerCopilot", targets: ["CareerCopilot"])],
    targets: [
        .binaryTarget(name: "career_copilot_mobileFFI", path: "career_copilot_mobileFFI.xcframework"),
        .target(name: "CareerCopilot", dependencies: ["career_copilot_mobileFFI"]),
    ]
)
SWIFT
echo "wrote the Swift package $package"
