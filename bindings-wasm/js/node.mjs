// Node entry of `career-copilot` for `import` (the CommonJS build of wasm-bindgen
// `--target nodejs` loads the engine synchronously, so `ready()` resolves at once; it exists so
// that code shared with browsers can await it).
import { createRequire } from "node:module";
import { bind } from "./layer.mjs";

const wasm = createRequire(import.meta.url)("../pkg/node/career_copilot_wasm.js");

export const { JobIndex, insights, merge, optimize, score, skillAutocomplete, skillById, skillLookup, version } = wasm;
export { DEFAULT_MAX_INPUT_BYTES, isCareerCopilotError } from "./layer.mjs";

/** Resolves at once: in Node the engine is loaded with the module. */
export function ready() {
  return Promise.resolve();
}

export default ready;

export const { parseResume, parseJob, parseResumeFile, parseJobFile } = bind(wasm, ready);
