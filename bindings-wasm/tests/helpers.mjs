// Helpers shared by the node tests.
import assert from "node:assert/strict";

/** Asserts that `fn` throws a CareerCopilotError with `code`, and returns it. */
export function throwsCode(fn, code) {
  let caught;
  assert.throws(fn, (error) => {
    caught = error;
    return error instanceof Error;
  });
  assert.equal(caught.name, "CareerCopilotError");
  assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.length > 0);
  return caught;
}
