// Determinism: the shared vectors give, through wasm in Node, exactly the numbers the Rust test
// (tests/tests/ats_vectors.rs) pins down, to the last digit.
import { test } from "node:test";
import assert from "node:assert/strict";

import { score } from "career-copilot";
import { VECTORS, pinned } from "./vectors.mjs";

test("there are vectors", () => assert.ok(VECTORS.length >= 5));

for (const vector of VECTORS) {
  test(`vector ${vector.name}: the core's config form`, () => {
    const report = score(vector.profile, vector.job, vector.config);
    // deepStrictEqual compares numbers with Object.is: the same doubles, not approximately.
    assert.deepStrictEqual(pinned(report), vector.expected);
  });

  test(`vector ${vector.name}: camelCase options and an ISO date`, () => {
    const { as_of: asOf, ...rest } = vector.config;
    const iso = `${String(asOf.year).padStart(4, "0")}-${String(asOf.month).padStart(2, "0")}`;
    const report = score(vector.profile, vector.job, { ...rest, asOf: iso });
    assert.deepStrictEqual(pinned(report), vector.expected);
  });
}
