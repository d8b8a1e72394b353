// Type-checked (not run): the ESM entry in Node (`import` condition) with the JS layer.
import ready, {
  DEFAULT_MAX_INPUT_BYTES, JobIndex, isCareerCopilotError, parseJob, parseJobFile, parseResume, parseResumeFile, score,
} from "career-copilot";
import type { AtsReport, BlobLike, Input, Parsed, Profile, Job } from "career-copilot";

await ready();
const fromText: Parsed<Profile> = parseResume("Jane Doe\njane@example.com", { fileName: "cv.txt" });
const fromBuffer: Parsed<Job> = parseJob(new ArrayBuffer(0));
const file: BlobLike = { size: 0, name: "cv.pdf", arrayBuffer: async () => new ArrayBuffer(0) };
const fromFile: Parsed<Profile> = await parseResumeFile(file, { limits: { maxInputBytes: DEFAULT_MAX_INPUT_BYTES } });
const job: Parsed<Job> = await parseJobFile(file);
const report: AtsReport = score(fromFile.value, job.value, { layout: fromFile.layout });
const index = new JobIndex([job.value]);
const input: Input = new Uint16Array(2);

try {
  parseResume(input);
} catch (error) {
  if (isCareerCopilotError(error)) {
    const code: "invalid_input" | "unsupported_format" | "limit_exceeded" | "corrupt" | "encrypted" | "no_text_layer" | "provider" | "not_found" = error.code;
    const cause: unknown = error.cause;
    void [code, cause];
  }
}

// @ts-expect-error: a file helper wants a Blob, not text
await parseResumeFile("cv.pdf");
// @ts-expect-error: ready() in Node takes no input
await ready(new Uint8Array(0));

export { fromText, fromBuffer, report, index };
