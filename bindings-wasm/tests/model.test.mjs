// The model binding in Node: merging two sources for one person.
import { test } from "node:test";
import assert from "node:assert/strict";

import { merge } from "career-copilot";
import { throwsCode } from "./helpers.mjs";

const ours = {
  basics: { name: "Jane Doe", email: "jane@example.com" },
  work: [{ name: "Acme Corp", position: "Engineer", startDate: "2020-01" }],
};
const theirs = {
  basics: { name: "Jane Doe", email: "jane.doe@example.org", phone: "+1 415 555 0100" },
  work: [
    { name: "Acme", position: "Senior Engineer", startDate: "2020-01", highlights: ["Led the billing rewrite"] },
    { name: "Initech", position: "Intern", startDate: "2018-06", endDate: "2018-09" },
  ],
};

test("merge keeps ours, fills gaps, reports conflicts", () => {
  const before = JSON.stringify([ours, theirs]);
  const { profile, report } = merge(ours, theirs);
  assert.equal(JSON.stringify([ours, theirs]), before, "inputs unchanged");
  assert.equal(profile.basics.email, "jane@example.com");
  assert.equal(profile.basics.phone, "+1 415 555 0100");
  assert.deepEqual(profile.work.map((w) => w.name), ["Acme Corp", "Initech"]);
  assert.ok(report.conflicts.some((c) => c.path === "basics.email" && c.other === "jane.doe@example.org"));
  throwsCode(() => merge(ours, { work: 5 }), "invalid_input");
});
