// The ingest binding in Node: arguments, plain-object results, errors with codes, real
// documents from ../shared/data. Parsing itself is proven by the Rust tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Self-reference through package.json "exports", as users import it.
import { parseJob, parseResume, version } from "career-copilot";

// CAREER_COPILOT_DATA overrides, as for the Rust tests (tests/lib.rs).
const DATA = process.env.CAREER_COPILOT_DATA
  ? `${process.env.CAREER_COPILOT_DATA.replace(/\/$/, "")}/`
  : fileURLToPath(new URL("../../../shared/data/", import.meta.url));
const haveData = existsSync(DATA);
const data = (path) => new Uint8Array(readFileSync(DATA + path));
const utf8 = (text) => new TextEncoder().encode(text);

const RESUME = utf8(`Jane Doe
jane@example.com | +1 415 555 0100

Experience
Senior Engineer, Acme Corp   Jan 2020 - Present
- Built a Rust service handling 10k requests per second

Skills
Languages: Rust, Python, SQL
`);

/** Asserts that `fn` throws a CareerCopilotError with `code`, and returns it. */
function throwsCode(fn, code) {
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

test("results are plain objects", () => {
  const parsed = parseResume(RESUME);
  assert.deepEqual(Object.keys(parsed).sort(), ["format", "layout", "value", "warnings"]);
  assert.equal(Object.getPrototypeOf(parsed.value), Object.prototype, "an object, not a Map");
  assert.equal(parsed.value.basics.name, "Jane Doe");
  assert.equal(parsed.value.basics.email, "jane@example.com");
  assert.equal(parsed.format, "text");
  assert.ok(Array.isArray(parsed.warnings));
  assert.equal(typeof parsed.layout.pages, "number");
  assert.deepEqual(JSON.parse(JSON.stringify(parsed)), parsed);
});

test("options are optional and camelCase", () => {
  const markdown = utf8("# Jane Doe\n\njane@example.com\n\n## Experience\n\n- Engineer at Acme, 2020 - 2022\n");
  assert.equal(parseResume(markdown, { fileName: "cv.md" }).format, "markdown");
  assert.equal(parseResume(markdown, { fileName: "cv.md", format: "text" }).format, "text");
  assert.equal(parseResume(markdown, undefined).value.basics.name, "Jane Doe");
  assert.equal(parseResume(markdown, null).value.basics.name, "Jane Doe");
});

test("parseJob", () => {
  const parsed = parseJob(utf8("Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n- PostgreSQL\n"));
  assert.equal(parsed.value.title, "Senior Rust Engineer");
  assert.equal(parsed.value.years_min, 5);
});

test("version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("errors: bad options are invalid_input", () => {
  const error = throwsCode(() => parseResume(RESUME, { format: "nope" }), "invalid_input");
  assert.match(error.message, /nope/);
  throwsCode(() => parseResume(RESUME, { limits: { maxInputBytes: "lots" } }), "invalid_input");
});

test("errors: limits", () => {
  const error = throwsCode(() => parseResume(RESUME, { limits: { maxInputBytes: 10 } }), "limit_exceeded");
  assert.match(error.message, /input bytes/);
});

test("errors: JSON that is not a resume", () => {
  throwsCode(() => parseResume(utf8('{"hello": "world"}')), "invalid_input");
});

test("errors: truncated PDF is corrupt", () => {
  const error = throwsCode(() => parseResume(utf8("%PDF-1.7\n1 0 obj\n<< /Type /Catalog")), "corrupt");
  assert.match(error.message, /pdf/i);
});

test("a PDF resume from RenderCV", { skip: !haveData && "no ../shared/data" }, () => {
  const parsed = parseResume(data("resumes/rendercv/John_Doe_ClassicTheme_CV.pdf"));
  assert.equal(parsed.format, "pdf");
  assert.ok(parsed.layout.pages >= 1);
  assert.equal(parsed.value.basics.name, "John Doe");
  assert.equal(parsed.value.basics.email, "john.doe@email.com");
  assert.ok(parsed.value.work?.length > 0, "expected work entries");
});

test("a DOCX resume", { skip: !haveData && "no ../shared/data" }, () => {
  const parsed = parseResume(data("resumes/pandoc-resume/johnny_coder_sample.docx"));
  assert.equal(parsed.format, "docx");
  assert.equal(parsed.value.basics.name, "Johnny Coder");
});

test("a RenderCV YAML resume", { skip: !haveData && "no ../shared/data" }, () => {
  const parsed = parseResume(data("resumes/rendercv/John_Doe_ClassicTheme_CV.yaml"));
  assert.equal(parsed.format, "render_cv_yaml");
  assert.equal(parsed.value.basics.name, "John Doe");
});

test("a RemoteOK posting", { skip: !haveData && "no ../shared/data" }, () => {
  const postings = JSON.parse(readFileSync(DATA + "jobs/remoteok-sample/remoteok.json", "utf8"));
  const posting = postings[1];
  const parsed = parseJob(utf8(JSON.stringify(posting)));
  assert.equal(parsed.value.title, posting.position);
  assert.equal(parsed.value.company, posting.company);
});
