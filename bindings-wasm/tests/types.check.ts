// Type-checked (not run) by scripts/test.sh with `tsc --noEmit -p bindings-wasm/tests`: the
// published declarations type the functions with the data types of types.d.ts.
import {
  JobIndex, insights, merge, optimize, parseJob, parseResume, score, skillAutocomplete, skillById, skillLookup, version,
} from "career-copilot";
import type {
  AtsReport, CareerCopilotError, Insights, Job, Merged, Optimized, ParseOptions, Parsed, Profile, Ranked, SearchHit,
  SkillEntry,
} from "career-copilot/types";

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

const report: AtsReport = score(parsed.value, job.value, { asOf: "2024-06", weights: { title: 20 }, layout: parsed.layout });
const points: number[] = report.breakdown.map((c) => c.points);
const evidence: string[] = report.matched.map((m) => m.evidence);
const tailored: Optimized = optimize(parsed.value, job.value, { maxBullets: 10 });
const index = new JobIndex([job.value]);
const ranked: Ranked[] = index.rank(parsed.value, { top: 5, remote: true, asOf: { year: 2024, month: 6 } });
const hits: SearchHit[] = index.search("rust", { seniority: "senior", postedSince: "2024-01" });
const first: Job | undefined = index.job(0);
const n: number = index.length;
const market: Insights = insights([job.value], parsed.value, 10);
const merged: Merged = merge(parsed.value, tailored.profile);
const skill: SkillEntry | undefined = skillLookup("k8s");
const completions: SkillEntry[] = skillAutocomplete("kube", 5);
const byId: SkillEntry | undefined = skillById(skill?.related[0] ?? 0);

// @ts-expect-error: seniority is a closed set
index.search("rust", { seniority: "galactic" });
// @ts-expect-error: a job is not a list of jobs
new JobIndex(job.value);

export { name, starts, pages, skills, v, wrong, code, points, evidence, ranked, hits, first, n, market, merged, completions, byId };
