// Career Copilot from Node: parse a resume, score it against a job, rank jobs.
//
//     node examples/node/quickstart.mjs path/to/resume.pdf [path/to/job.txt]
//
// Inside this repository the package is bindings-wasm/ (after `bash scripts/test.sh` has built
// it); in an app it is `npm install career-copilot` and `import ... from "career-copilot"`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { JobIndex, parseJob, parseResume, score, skillLookup } from "../../bindings-wasm/pkg/node/career_copilot_wasm.js";

const [resumePath, jobPath] = process.argv.slice(2);
if (!resumePath) {
  console.error("usage: node examples/node/quickstart.mjs RESUME [JOB]");
  process.exit(2);
}

let parsed;
try {
  parsed = parseResume(readFileSync(resumePath), { fileName: basename(resumePath) });
} catch (error) {
  // Every error has a stable code and a message naming what was wrong.
  console.error(`cannot read ${resumePath}: [${error.code}] ${error.message}`);
  process.exit(1);
}

const { basics = {}, work = [] } = parsed.value; // a JSON Resume object
console.log(`${basics.name ?? "(no name)"} <${basics.email ?? "-"}>  read as ${parsed.format}`);
for (const job of work) {
  console.log(`  ${job.position ?? "?"} at ${job.name ?? "?"}: ${job.startDate ?? "?"} to ${job.endDate ?? "present"}`);
}
for (const warning of parsed.warnings) console.log(`  warning [${warning.code}]: ${warning.message}`);

// A job: the one given, or a small posting written here.
const posting = jobPath
  ? readFileSync(jobPath)
  : new TextEncoder().encode("Senior Python Developer\nRequirements:\n- 5+ years of Python and SQL\n- Experience with AWS\n");
const job = parseJob(posting).value;
console.log(`job: ${job.title ?? "(untitled)"}, needs ${(job.required_skills ?? []).map((s) => s.name).join(", ")}`);

// The explainable ATS score: every point with evidence, gaps, concrete suggestions.
const report = score(parsed.value, job, { asOf: "2024-06", layout: parsed.layout });
console.log(`ATS score ${report.score}/100`);
for (const c of report.breakdown) console.log(`  ${c.name}: ${c.points} points (${Math.round(c.value * 100)}% met)`);
for (const m of report.matched) console.log(`  has ${m.skill} (${m.credit}) at ${m.evidence}`);
for (const m of report.missing) console.log(`  missing ${m.skill}${m.required ? " (required)" : ""}`);
for (const s of report.suggestions.slice(0, 3)) console.log(`  suggestion: ${s.message}`);

// Many jobs: index once, rank for the profile, search with filters.
const index = new JobIndex([job, { id: "nurse", title: "Nurse", description: "Care for patients on a busy ward." }]);
console.log("ranked:", index.rank(parsed.value, { top: 2 }).map((r) => `${index.job(r.index).title ?? r.id} ${r.score}`).join("; "));
console.log(`"k8s" is ${skillLookup("k8s")?.name}`);
