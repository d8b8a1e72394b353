#!/usr/bin/env bash
# Compiles every Kotlin test and example against the uniffi-generated Kotlin and runs them on the
# JVM with JNA. Meant to be called by scripts/test.sh (stage mobile) after it has built the
# library and generated the bindings:
#
#     bash scripts/ci/kotlin.sh KOTLIN_HOME JNA_JAR LIB_DIR GENERATED_KOTLIN_DIR OUT_DIR DATA_DIR
#
# The test programs: IngestTestKt (parsing, real documents from DATA_DIR) and AtsTestKt (ats,
# matching, skills, model, and the shared vectors of tests/vectors compared exactly).
set -euo pipefail
cd "$(dirname "$0")/../.."
KOTLIN_HOME=$1 JNA_JAR=$2 LIB_DIR=$3 GENERATED=$4 OUT=$5 DATA=$6
mapfile -t generated < <(find "$GENERATED" -name '*.kt')
# kotlinx-coroutines (shipped with the compiler) for the generated `suspend` functions.
COROUTINES=$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar
"$KOTLIN_HOME/bin/kotlinc" -nowarn -cp "$JNA_JAR:$COROUTINES" -d "$OUT" \
    "${generated[@]}" bindings-mobile/tests/kotlin/*.kt examples/kotlin/*.kt
classpath=$OUT:$JNA_JAR:$COROUTINES:$KOTLIN_HOME/lib/kotlin-stdlib.jar
java -Djna.library.path="$LIB_DIR" -cp "$classpath" IngestTestKt "$DATA"
java -Djna.library.path="$LIB_DIR" -cp "$classpath" AtsTestKt "$PWD"
