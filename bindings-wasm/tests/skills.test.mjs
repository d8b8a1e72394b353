// The skills binding in Node: lookup, autocomplete, ids.
import { test } from "node:test";
import assert from "node:assert/strict";

import { skillAutocomplete, skillById, skillLookup } from "career-copilot";

test("lookup by alias", () => {
  const k8s = skillLookup("k8s");
  assert.equal(k8s.name, "Kubernetes");
  for (const key of ["id", "aliases", "category", "related", "hot", "source"]) assert.ok(key in k8s, key);
  assert.equal(skillLookup("Postgres").name, "PostgreSQL");
  assert.equal(skillLookup("definitely not a skill"), undefined);
});

test("autocomplete", () => {
  const found = skillAutocomplete("kube", 3);
  assert.equal(found[0].name, "Kubernetes");
  assert.ok(found.length <= 3);
  assert.ok(skillAutocomplete("py").length <= 10, "limit defaults to 10");
});

test("ids lead to related skills", () => {
  const react = skillLookup("React");
  assert.ok(react.related.map((id) => skillById(id).name).includes("JavaScript"));
  assert.deepEqual(skillById(react.id), react);
  assert.equal(skillById(4_000_000_000), undefined);
});
