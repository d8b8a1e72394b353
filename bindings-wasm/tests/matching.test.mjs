// The matching binding in Node: JobIndex (rank, search), insights.
import { test } from "node:test";
import assert from "node:assert/strict";

import { JobIndex, insights } from "career-copilot";
import { STRONG } from "./vectors.mjs";
import { throwsCode } from "./helpers.mjs";

const profile = STRONG.profile;
const job = (id, title, description, skills = [], extra = {}) => ({
  id, title, description, required_skills: skills.map((name) => ({ name })), ...extra,
});
const JOBS = [
  job("acct", "Accountant", "Prepare ledgers, audits and tax returns.", ["Excel"], { locations: ["Berlin"], workplace_type: "on_site", seniority: "mid" }),
  job("rust", "Senior Rust Engineer", "Build ingestion services in Rust on Kubernetes.", ["Rust", "Kubernetes"], {
    locations: ["Munich"], workplace_type: "remote", seniority: "senior",
    salary: { min: 90000, max: 110000, currency: "EUR", period: "year" }, date_posted: "2024-05-02",
  }),
  job("py", "Backend Engineer", "Python APIs and PostgreSQL.", ["Python", "PostgreSQL"], { locations: ["Hamburg"], workplace_type: "hybrid", date_posted: "2023-01-10" }),
  job("nurse", "Nurse", "Care for patients on a busy ward."),
];
const index = new JobIndex(JOBS);

test("length, job(i)", () => {
  assert.equal(index.length, 4);
  assert.equal(index.job(1).id, "rust");
  assert.equal(index.job(9), undefined);
  assert.ok(index.featureBytesPerJob > 0);
});

test("rank is best first, top is a prefix", () => {
  const ranked = index.rank(profile);
  assert.deepEqual(new Set(ranked.slice(0, 2).map((r) => r.id)), new Set(["rust", "py"]));
  const scores = ranked.map((r) => r.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  for (let k = 1; k <= 4; k++) assert.deepEqual(index.rank(profile, { top: k }), ranked.slice(0, k));
  assert.deepEqual(index.rank(profile, { top: 0 }), []);
});

test("rank preferences in camelCase", () => {
  const plain = Object.fromEntries(index.rank(profile).map((r) => [r.id, r]));
  const prefs = Object.fromEntries(index.rank(profile, { remote: true, locations: ["Munich"], minSalary: 80000, currency: "EUR", asOf: "2024-06" }).map((r) => [r.id, r]));
  assert.ok(prefs.rust.factors.location > prefs.acct.factors.location);
  assert.ok("salary" in prefs.rust.factors && !("salary" in plain.rust.factors));
  assert.ok("recency" in prefs.rust.factors);
  const threshold = index.rank(profile)[1].score;
  assert.equal(index.rank(profile, { threshold }).length, 2);
  const bare = { basics: { name: "Sam" } };
  assert.equal(index.rank(bare, { text: "Nurse caring for patients on a busy hospital ward" })[0].id, "nurse");
});

test("search with filters", () => {
  const hits = index.search("Rust Kubernetes");
  assert.equal(hits[0].id, "rust");
  assert.ok(hits[0].score > 0);
  const ids = (filters) => index.search("", filters).map((h) => h.id);
  assert.deepEqual(ids({ remote: true }), ["rust"]);
  assert.deepEqual(ids({ location: "hamburg" }), ["py"]);
  assert.deepEqual(ids({ minSalary: 100000 }), ["rust"]);
  assert.deepEqual(ids({ seniority: "senior" }), ["rust"]);
  assert.deepEqual(ids({ postedSince: "2024-01" }), ["rust"]);
  assert.equal(index.search("", { limit: 2 }).length, 2);
});

test("bad arguments throw invalid_input", () => {
  throwsCode(() => index.search("", { seniority: "galactic" }), "invalid_input");
  assert.match(throwsCode(() => index.search("", { postedSince: "yesterday" }), "invalid_input").message, /posted_since/);
  throwsCode(() => new JobIndex([{ title: ["not", "a", "string"] }]), "invalid_input");
  throwsCode(() => index.rank(profile, { top: -1 }), "invalid_input");
  throwsCode(() => index.rank(profile, { text: 5 }), "invalid_input");
});

test("an empty index", () => {
  const empty = new JobIndex([]);
  assert.equal(empty.length, 0);
  assert.deepEqual(empty.rank(profile), []);
  empty.free();
});

test("insights", () => {
  const report = insights(JOBS, profile, 5);
  assert.equal(report.jobs, 4);
  const rust = report.demand.find((d) => d.skill === "Rust");
  assert.equal(rust.jobs, 1);
  assert.equal(rust.have, true);
  assert.ok(report.gaps.some((g) => g.skill === "Excel"));
  assert.ok(report.demand.length <= 5);
  assert.deepEqual(insights(JOBS).gaps, []);
});
