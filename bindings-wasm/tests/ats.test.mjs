// The ats binding in Node: arguments, plain-object results, errors with codes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { optimize, score } from "career-copilot";
import { STRONG } from "./vectors.mjs";
import { throwsCode } from "./helpers.mjs";

const { profile, job } = STRONG;

test("score returns a plain report", () => {
  const report = score(profile, job, { asOf: "2024-06" });
  assert.equal(report.score, STRONG.expected.score);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  for (const key of ["breakdown", "matched", "missing", "suggestions", "matched_keywords"]) {
    assert.ok(Array.isArray(report[key]), key);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});

test("options are optional", () => {
  const a = score(profile, job);
  assert.deepEqual(score(profile, job, undefined), a);
  assert.deepEqual(score(profile, job, null), a);
  assert.ok(a.score >= 0 && a.score <= 100);
});

test("asOf forms agree, and later dates add experience", () => {
  const byString = score(profile, job, { asOf: "2024-06" });
  assert.deepEqual(score(profile, job, { asOf: { year: 2024, month: 6 } }), byString);
  assert.deepEqual(score(profile, job, { as_of: "2024-06" }), byString);
  assert.ok(score(profile, job, { asOf: "2030-01" }).experience_years > byString.experience_years);
});

test("camelCase weights reach the engine", () => {
  const zero = { preferredSkills: 0, title: 0, experience: 0, education: 0, keywords: 0, sections: 0, contact: 0, parsability: 0, bullets: 0 };
  const report = score(profile, job, { asOf: "2024-06", weights: zero });
  const required = report.breakdown.find((c) => c.name === "required_skills");
  assert.ok(Math.abs(report.score - required.value * 100) < 0.01, `${report.score} vs ${required.value}`);
});

test("a parse result's layout counts", () => {
  const layout = { pages: 1, columns: true, tables: false, header_footer_text: false, icon_glyphs: false, images: false };
  const report = score(profile, job, { asOf: "2024-06", layout });
  assert.ok(report.score < STRONG.expected.score);
  assert.ok(report.suggestions.some((s) => s.kind === "layout-columns"));
});

test("bad input throws invalid_input naming what", () => {
  assert.match(throwsCode(() => score({ work: "no" }, job), "invalid_input").message, /profile/);
  assert.match(throwsCode(() => score(profile, { required_skills: 3 }), "invalid_input").message, /job/);
  assert.match(throwsCode(() => score(profile, job, { asOf: "June 2024" }), "invalid_input").message, /as_of/);
  throwsCode(() => score(profile, job, { weights: { title: "heavy" } }), "invalid_input");
  throwsCode(() => score(profile, job, 42), "invalid_input");
});

test("optimize reorders and never invents", () => {
  const out = optimize(profile, job);
  assert.deepEqual(Object.keys(out).sort(), ["changes", "profile"]);
  assert.ok(out.changes.length > 0);
  const source = JSON.stringify(profile);
  for (const work of out.profile.work) {
    for (const bullet of work.highlights ?? []) assert.ok(source.includes(JSON.stringify(bullet)), bullet);
  }
  const trimmed = optimize(profile, job, { maxBullets: 2, minBulletsPerRole: 1 });
  assert.equal(trimmed.profile.work.reduce((n, w) => n + (w.highlights?.length ?? 0), 0), 2);
  throwsCode(() => optimize(profile, job, { maxBullets: -1 }), "invalid_input");
});
