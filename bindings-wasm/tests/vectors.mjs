// The shared ATS vectors (tests/vectors/*.json) for the node tests.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

/** Every vector, sorted by file name. */
export const VECTORS = readdirSync(DIR)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(DIR + name, "utf8")));

export const STRONG = VECTORS.find((v) => v.name === "strong_backend_match");

/** The part of a report the vectors pin down (as in tests/tests/ats_vectors.rs). */
export function pinned(report) {
  const pick = (object, keys) => Object.fromEntries(keys.map((k) => [k, object[k]]));
  return {
    score: report.score,
    experience_years: report.experience_years,
    breakdown: report.breakdown.map((c) => pick(c, ["name", "weight", "value", "points"])),
    matched: report.matched.map((m) => pick(m, ["skill", "required", "credit", "evidence"])),
    missing: report.missing.map((m) => pick(m, ["skill", "required"])),
  };
}
