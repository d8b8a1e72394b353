// Career Copilot from Node: parse a resume and a job posting.
//
//     node examples/node/quickstart.mjs path/to/resume.pdf [path/to/job.txt]
//
// Inside this repository the package is bindings-wasm/ (after `bash scripts/test.sh` has built
// it); in an app it is `npm install career-copilot` and `import ... from "career-copilot"`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseJob, parseResume } from "../../bindings-wasm/pkg/node/career_copilot_wasm.js";

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

if (jobPath) {
  const { title, company, years_min, required_skills } = parseJob(readFileSync(jobPath)).value;
  console.log(JSON.stringify({ title, company, years_min, required_skills }, null, 2));
}
