// The idiomatic layer over the generated bindings, shared by the browser and Node entry points:
// inputs as strings, ArrayBuffers, Blobs and Files (not just Uint8Array), and a guard for the
// engine's errors. It holds no state of its own; `bind` closes over one generated module.

/** The engine's default `limits.maxInputBytes` (25 MiB), checked before a file is read. */
export const DEFAULT_MAX_INPUT_BYTES = 25 * 1024 * 1024;

/** True when `error` is an error thrown by the engine (it has a stable `code`). */
export function isCareerCopilotError(error) {
  return error instanceof Error && error.name === "CareerCopilotError" && typeof error.code === "string";
}

/** An `Error` shaped like the engine's, for failures found before the engine is called. */
export function careerCopilotError(code, message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = "CareerCopilotError";
  error.code = code;
  return error;
}

/** Bytes for the engine from the shapes a JS caller has at hand. */
export function toBytes(input, what) {
  if (input instanceof Uint8Array) return input;
  if (typeof input === "string") return new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (Array.isArray(input)) return Uint8Array.from(input);
  const kind = input === null ? "null" : typeof input === "object" ? input.constructor?.name ?? "object" : typeof input;
  throw careerCopilotError(
    "invalid_input",
    `${what} must be a string, Uint8Array, ArrayBuffer or typed array (got ${kind}); use ${what === "resume" ? "parseResumeFile" : "parseJobFile"} for a File or Blob`,
  );
}

// A File, a Blob, or anything shaped like one (`size` and `arrayBuffer()`), such as undici's.
function isBlobLike(input) {
  return input !== null && typeof input === "object" && typeof input.size === "number" && typeof input.arrayBuffer === "function";
}

/**
 * The layer's functions over one generated module `wasm`; `ready()` resolves once the module can
 * be called (at once in Node, after `init` in browsers).
 */
export function bind(wasm, ready) {
  const parseResume = (input, options) => wasm.parseResume(toBytes(input, "resume"), options);
  const parseJob = (input, options) => wasm.parseJob(toBytes(input, "job"), options);

  // Reads a File or Blob, refusing one over the byte limit before reading it into memory.
  async function readFile(file, options, what) {
    if (!isBlobLike(file)) {
      throw careerCopilotError("invalid_input", `${what} file must be a File or Blob`);
    }
    const limit = options?.limits?.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (typeof limit === "number" && file.size > limit) {
      throw careerCopilotError("limit_exceeded", `${what} file is ${file.size} bytes, over the limit of ${limit} input bytes`);
    }
    let buffer;
    try {
      buffer = await file.arrayBuffer();
    } catch (cause) {
      throw careerCopilotError("invalid_input", `cannot read the ${what} file${file.name ? ` ${file.name}` : ""}`, cause);
    }
    await ready();
    const fileName = options?.fileName ?? (typeof file.name === "string" && file.name ? file.name : undefined);
    return [new Uint8Array(buffer), fileName === undefined ? options : { ...options, fileName }];
  }

  return {
    parseResume,
    parseJob,
    /** Parses a resume from a `File` (its name breaks format ties) or `Blob`. */
    async parseResumeFile(file, options) {
      const [bytes, opts] = await readFile(file, options, "resume");
      return wasm.parseResume(bytes, opts);
    },
    /** Parses a job posting from a `File` or `Blob`. */
    async parseJobFile(file, options) {
      const [bytes, opts] = await readFile(file, options, "job");
      return wasm.parseJob(bytes, opts);
    },
  };
}
