// Type-checked (not run) with the DOM library: the browser entry, as a page uses it.
import ready, { parseJob, parseResumeFile, score, optimize, initSync } from "career-copilot/web";
import type { AtsReport, Optimized, Parsed, Profile } from "career-copilot/web";

export async function analyse(input: HTMLInputElement, posting: string): Promise<[AtsReport, Optimized]> {
  await ready();
  await ready(new URL("/career_copilot_wasm_bg.wasm", location.href));
  const file: File | undefined = input.files?.[0];
  if (!file) throw new Error("no file");
  const resume: Parsed<Profile> = await parseResumeFile(file);
  const job = parseJob(posting).value;
  return [score(resume.value, job, { layout: resume.layout }), optimize(resume.value, job)];
}

export function load(bytes: ArrayBuffer): void {
  initSync({ module: bytes });
}
