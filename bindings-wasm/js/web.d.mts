// Types of the browser entry (`js/web.mjs`).
import type { InitInput } from "../pkg/web/career_copilot_wasm.js";

export {
  JobIndex, initSync, insights, merge, optimize, score, skillAutocomplete, skillById, skillLookup, version,
} from "../pkg/web/career_copilot_wasm.js";
export type { InitInput, InitOutput, SyncInitInput } from "../pkg/web/career_copilot_wasm.js";
export * from "./api.mjs";
export type * from "../types.js";

/** Loads the engine once; later calls share the first load. By default the `.wasm` beside the
 * generated module is fetched; `input` overrides it (URL, Response, bytes, compiled module). */
export declare function ready(input?: InitInput | Promise<InitInput>): Promise<void>;
export default ready;
