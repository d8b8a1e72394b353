// The layer's additions, shared by the browser (`web.d.mts`) and Node (`node.d.mts`) entries.
import type { CareerCopilotError, Job, ParseOptions, Parsed, Profile } from "../types.js";

/** What the parse functions read: text (UTF-8 encoded for you) or bytes. */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView | number[];

/** A `File` or `Blob` (or anything with `size` and `arrayBuffer()`); a `File`'s `name` breaks
 * format ties as `options.fileName` would. */
export interface BlobLike {
  readonly size: number;
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The engine's default `limits.maxInputBytes` (25 MiB), checked before a file is read. */
export declare const DEFAULT_MAX_INPUT_BYTES: number;

/** True when `error` was thrown by the engine (an `Error` with a stable `code`). */
export declare function isCareerCopilotError(error: unknown): error is CareerCopilotError;

/** Parses a resume (PDF, DOCX, HTML, Markdown, text, JSON Resume, RenderCV YAML, LinkedIn ZIP)
 * into `{ value: Profile, warnings, format, layout }`. Throws a `CareerCopilotError`. */
export declare function parseResume(input: Input, options?: ParseOptions | null): Parsed<Profile>;

/** Parses a job posting (text, Markdown, HTML, job-board JSON, PDF, DOCX). */
export declare function parseJob(input: Input, options?: ParseOptions | null): Parsed<Job>;

/** Reads and parses a resume file (a dropped `File`); refuses a file over the byte limit
 * before reading it. Waits for the engine to load in browsers. */
export declare function parseResumeFile(file: BlobLike, options?: ParseOptions | null): Promise<Parsed<Profile>>;

/** Reads and parses a job posting file. */
export declare function parseJobFile(file: BlobLike, options?: ParseOptions | null): Promise<Parsed<Job>>;
