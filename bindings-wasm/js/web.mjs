// Browser entry of `career-copilot` (ESM, wasm-bindgen `--target web`). Call `await ready()`
// (or the generated default `init`) once before the synchronous functions; the async file
// helpers wait for it themselves.
import init, * as wasm from "../pkg/web/career_copilot_wasm.js";
import { bind } from "./layer.mjs";

export {
  JobIndex, initSync, insights, merge, optimize, score, skillAutocomplete, skillById, skillLookup, version,
} from "../pkg/web/career_copilot_wasm.js";
export { DEFAULT_MAX_INPUT_BYTES, isCareerCopilotError } from "./layer.mjs";

let loading;

/**
 * Loads the engine once (later calls share the first load). `input` is what the generated
 * `init` takes (a URL, Response, bytes or compiled module); by default the `.wasm` beside the
 * generated module is fetched.
 */
export function ready(input) {
  loading ??= init(input === undefined ? undefined : { module_or_path: input }).then(
    () => undefined,
    (error) => {
      loading = undefined; // let a later call retry (e.g. after a network failure)
      throw error;
    },
  );
  return loading;
}

export default ready;

export const { parseResume, parseJob, parseResumeFile, parseJobFile } = bind(wasm, ready);
