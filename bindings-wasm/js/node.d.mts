// Types of the Node entry for `import` (`js/node.mjs`).
export {
  JobIndex, insights, merge, optimize, score, skillAutocomplete, skillById, skillLookup, version,
} from "../pkg/node/career_copilot_wasm.js";
export * from "./api.mjs";
export type * from "../types.js";

/** Resolves at once: in Node the engine loads with the module. */
export declare function ready(): Promise<void>;
export default ready;
