// Type-checked (not run) by scripts/test.sh with `tsc --noEmit -p bindings-wasm/tests`: the
// published declarations type the functions with the data types of types.d.ts.
import { parseJob, parseResume, version } from "career-copilot";
import type { CareerCopilotError, Job, ParseOptions, Parsed, Profile } from "career-copilot/types";

const bytes = new Uint8Array([]);
const parsed: Parsed<Profile> = parseResume(bytes);
const name: string | undefined = parsed.value.basics?.name;
const starts: (string | undefined)[] = (parsed.value.work ?? []).map((w) => w.startDate);
const pages: number = parsed.layout.pages;

const options: ParseOptions = { fileName: "cv.pdf", format: "pdf", limits: { maxPages: 3 } };
const job: Parsed<Job> = parseJob(bytes, options);
const skills: string[] = (job.value.required_skills ?? []).map((s) => s.name);
const v: string = version();

// @ts-expect-error: formats are a closed set
parseResume(bytes, { format: "doc" });
// @ts-expect-error: a profile is not a job
const wrong: Parsed<Job> = parseResume(bytes);

function code(error: unknown): string | undefined {
  return (error as CareerCopilotError).code;
}

export { name, starts, pages, skills, v, wrong, code };
