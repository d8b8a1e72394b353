// The JS layer (js/layer.mjs through the Node and web entries): inputs as strings, buffers,
// Files and Blobs; limits checked before reading a file; errors with codes and causes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import ready, {
  DEFAULT_MAX_INPUT_BYTES, isCareerCopilotError, parseJob, parseJobFile, parseResume, parseResumeFile, score,
} from "career-copilot";
import { throwsCode } from "./helpers.mjs";

const RESUME = "# Jane Doe\n\njane@example.com\n\n## Experience\n\n- Rust engineer at Acme, 2020 - 2022\n";
const JOB = "Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n- PostgreSQL\n";

/** Awaits `promise`, expecting a CareerCopilotError with `code`; returns it. */
async function rejectsCode(promise, code) {
  let caught;
  await assert.rejects(promise, (error) => {
    caught = error;
    return true;
  });
  assert.ok(isCareerCopilotError(caught), `expected a CareerCopilotError, got ${caught}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

test("ready() resolves in Node and is the default export", async () => {
  assert.equal(await ready(), undefined);
});

test("parse functions take strings, buffers, views and arrays alike", () => {
  const bytes = new TextEncoder().encode(RESUME);
  const shapes = [RESUME, bytes, bytes.buffer, new DataView(bytes.buffer), Array.from(bytes)];
  for (const input of shapes) {
    assert.equal(parseResume(input, { fileName: "cv.md" }).value.basics.name, "Jane Doe");
  }
  // A view into the middle of a larger buffer reads only its own bytes.
  const padded = new Uint8Array(bytes.length + 8);
  padded.set(bytes, 4);
  assert.equal(parseResume(new Uint16Array(padded.buffer, 4, bytes.length / 2 | 0)).value.basics.name, "Jane Doe");
  assert.equal(parseJob(JOB).value.title, "Senior Rust Engineer");
});

test("a non-byte input names the file helper", () => {
  const error = throwsCode(() => parseResume({ text: RESUME }), "invalid_input");
  assert.match(error.message, /parseResumeFile/);
  throwsCode(() => parseJob(null), "invalid_input");
});

test("parseResumeFile reads a File and uses its name", async () => {
  // Bytes that read as text or Markdown: the name breaks the tie.
  const plain = "Jane Doe\njane@example.com\n\nExperience\n- Rust engineer at Acme, 2020 - 2022\n";
  const file = new File([plain], "cv.md", { type: "text/markdown" });
  const parsed = await parseResumeFile(file);
  assert.equal(parsed.format, "markdown");
  assert.equal(parsed.value.basics.name, "Jane Doe");
  // An explicit fileName wins over the File's own; other options pass through.
  assert.equal((await parseResumeFile(file, { fileName: "cv.txt" })).format, "text");
  assert.equal((await parseResumeFile(new File([RESUME], "cv.md"), { format: "text" })).format, "text");
  // A Blob has no name: the bytes decide.
  assert.equal((await parseResumeFile(new Blob([plain]))).format, "text");
});

test("parseJobFile then score: the whole flow from files", async () => {
  const resume = await parseResumeFile(new File([RESUME], "cv.md"));
  const job = await parseJobFile(new Blob([JOB]));
  const report = score(resume.value, job.value, { asOf: "2024-06", layout: resume.layout });
  assert.ok(report.matched.some((m) => m.skill === "Rust"), JSON.stringify(report.matched));
  assert.ok(report.missing.some((m) => m.skill === "PostgreSQL"), JSON.stringify(report.missing));
});

test("a file over the limit is refused before it is read", async () => {
  let read = false;
  const huge = { size: DEFAULT_MAX_INPUT_BYTES + 1, name: "huge.pdf", arrayBuffer: async () => { read = true; return new ArrayBuffer(0); } };
  const error = await rejectsCode(parseResumeFile(huge), "limit_exceeded");
  assert.match(error.message, /over the limit/);
  assert.equal(read, false);
  await rejectsCode(parseJobFile(new Blob(["x".repeat(100)]), { limits: { maxInputBytes: 10 } }), "limit_exceeded");
});

test("a file that cannot be read keeps the cause", async () => {
  const cause = new Error("disk gone");
  const broken = { size: 3, name: "cv.pdf", arrayBuffer: async () => { throw cause; } };
  const error = await rejectsCode(parseResumeFile(broken), "invalid_input");
  assert.match(error.message, /cv\.pdf/);
  assert.equal(error.cause, cause);
  await rejectsCode(parseResumeFile("not a file"), "invalid_input");
});

test("engine errors from files keep their code", async () => {
  const error = await rejectsCode(parseResumeFile(new Blob(["%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])), "corrupt");
  assert.match(error.message, /pdf/i);
});

test("isCareerCopilotError tells engine errors from others", () => {
  const error = throwsCode(() => parseResume("{\"hello\": \"world\"}"), "invalid_input");
  assert.equal(isCareerCopilotError(error), true);
  assert.equal(isCareerCopilotError(new TypeError("x")), false);
  assert.equal(isCareerCopilotError({ name: "CareerCopilotError", code: "corrupt" }), false, "not an Error");
  assert.equal(isCareerCopilotError(undefined), false);
});

test("the browser entry loads from bytes and shares one load", async () => {
  const web = await import("career-copilot/web");
  const wasm = readFileSync(new URL("../pkg/web/career_copilot_wasm_bg.wasm", import.meta.url));
  const first = web.ready(wasm);
  assert.equal(web.ready(), first, "a second call shares the first load");
  await first;
  const parsed = await web.parseResumeFile(new File([RESUME], "cv.md"));
  assert.equal(parsed.value.basics.name, "Jane Doe");
  assert.equal(web.parseJob(JOB).value.years_min, 5);
  assert.match(web.version(), /^\d+\.\d+\.\d+/);
});
