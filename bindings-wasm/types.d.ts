// Data types of Career Copilot as they cross into JavaScript: plain objects, serialised by the
// Rust core with serde. Profiles are JSON Resume (https://jsonresume.org/schema) plus `x-`
// extensions; jobs use snake_case keys. Keys the engine does not model are kept verbatim, hence
// the index signatures.

/** Where a value came from in the source document. */
export interface Provenance {
  source: string;
  page?: number;
  lines?: [number, number];
  /** 0 to 1: how sure the parser is. */
  confidence: number;
}

/** Fields every Profile item carries. */
export interface Item {
  /** Stable id of the item. */
  "x-id"?: string;
  "x-provenance"?: Provenance;
  [extra: string]: unknown;
}

export interface Location extends Item {
  address?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  region?: string;
}

export interface SocialProfile extends Item {
  network?: string;
  username?: string;
  url?: string;
}

export interface Basics extends Item {
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  phone?: string;
  url?: string;
  summary?: string;
  location?: Location;
  profiles?: SocialProfile[];
}

/** Dates are ISO partial dates: "2020", "2020-01" or "2020-01-15". */
export interface Dated {
  startDate?: string;
  endDate?: string;
  /** Explicitly ongoing ("present"). */
  "x-ongoing"?: boolean;
}

export interface Work extends Item, Dated {
  /** The employer. */
  name?: string;
  location?: string;
  description?: string;
  position?: string;
  url?: string;
  summary?: string;
  highlights?: string[];
}

export interface Volunteer extends Item, Dated {
  organization?: string;
  position?: string;
  url?: string;
  summary?: string;
  highlights?: string[];
}

export interface Education extends Item, Dated {
  institution?: string;
  url?: string;
  area?: string;
  studyType?: string;
  score?: string;
  courses?: string[];
}

export interface Award extends Item { title?: string; date?: string; awarder?: string; summary?: string }
export interface Certificate extends Item { name?: string; date?: string; url?: string; issuer?: string }
export interface Publication extends Item {
  name?: string;
  publisher?: string;
  releaseDate?: string;
  url?: string;
  summary?: string;
}
export interface Skill extends Item { name?: string; level?: string; keywords?: string[] }
export interface Language extends Item { language?: string; fluency?: string }
export interface Interest extends Item { name?: string; keywords?: string[] }
export interface Reference extends Item { name?: string; reference?: string }
export interface Project extends Item, Dated {
  name?: string;
  description?: string;
  highlights?: string[];
  keywords?: string[];
  url?: string;
  roles?: string[];
  entity?: string;
  type?: string;
}
export interface Meta extends Item { canonical?: string; version?: string; lastModified?: string }
export interface CustomSection extends Item { title?: string; lines?: string[] }

/** A person's career data: JSON Resume plus provenance, ids and unrecognised sections. */
export interface Profile {
  $schema?: string;
  basics?: Basics;
  work?: Work[];
  volunteer?: Volunteer[];
  education?: Education[];
  awards?: Award[];
  certificates?: Certificate[];
  publications?: Publication[];
  skills?: Skill[];
  languages?: Language[];
  interests?: Interest[];
  references?: Reference[];
  projects?: Project[];
  meta?: Meta;
  "x-sections"?: CustomSection[];
  "x-provenance"?: Record<string, Provenance>;
  [extra: string]: unknown;
}

export type WorkplaceType = "remote" | "hybrid" | "on_site";
export type EmploymentType =
  | "full_time" | "part_time" | "contract" | "temporary" | "internship" | "volunteer" | "per_diem" | "other";
export type Seniority =
  | "intern" | "junior" | "mid" | "senior" | "lead" | "principal" | "manager" | "director" | "executive";

export interface Salary {
  min?: number;
  max?: number;
  /** ISO 4217. */
  currency?: string;
  period: "hour" | "day" | "week" | "month" | "year";
}

export interface JobSkill {
  /** Canonical name from the taxonomy, or the text as written. */
  name: string;
  /** The words used in the posting, when they differ from `name`. */
  matched?: string;
}

/** A job posting in structured form. */
export interface Job {
  id?: string;
  title?: string;
  company?: string;
  locations?: string[];
  workplace_type?: WorkplaceType;
  employment_type?: EmploymentType;
  seniority?: Seniority;
  years_min?: number;
  years_max?: number;
  required_skills?: JobSkill[];
  preferred_skills?: JobSkill[];
  responsibilities?: string[];
  requirements?: string[];
  benefits?: string[];
  education?: string;
  salary?: Salary;
  source?: string;
  source_id?: string;
  url?: string;
  date_posted?: string;
  valid_through?: string;
  description?: string;
  [extra: string]: unknown;
}

/** The format an input was read as. */
export type Format =
  | "pdf" | "docx" | "html" | "markdown" | "text" | "json_resume" | "json" | "render_cv_yaml"
  | "linked_in_zip" | "zip";

/** A non-fatal finding. */
export interface Warning {
  /** Stable kebab-case code, e.g. `no-name`, `two-columns`. */
  code: string;
  message: string;
  /** The field it concerns, like `work[2].startDate`. */
  path?: string;
}

/** Layout facts about the source, for ATS parsability checks. */
export interface LayoutSignals {
  pages: number;
  columns: boolean;
  tables: boolean;
  header_footer_text: boolean;
  icon_glyphs: boolean;
  images: boolean;
}

/** A parsed value with the findings gathered on the way. */
export interface Parsed<T> {
  value: T;
  warnings: Warning[];
  format: Format;
  layout: LayoutSignals;
}

/** Bounds on the work done for untrusted input. */
export interface Limits {
  maxInputBytes?: number;
  maxPages?: number;
  maxUnzippedBytes?: number;
  maxZipEntries?: number;
  maxTextChars?: number;
  maxNestingDepth?: number;
}

export interface ParseOptions {
  /** Breaks ties between formats (Markdown or plain text); the bytes decide otherwise. */
  fileName?: string;
  /** Forces a format instead of sniffing. */
  format?: Format;
  limits?: Limits;
}

/** Stable codes of the errors the engine throws (`error.code`). */
export type ErrorCode =
  | "invalid_input" | "unsupported_format" | "limit_exceeded" | "corrupt" | "encrypted"
  | "no_text_layer" | "provider" | "not_found";

/** What `parseResume` and `parseJob` throw: an `Error` named `CareerCopilotError`. */
export interface CareerCopilotError extends Error {
  name: "CareerCopilotError";
  code: ErrorCode;
}
