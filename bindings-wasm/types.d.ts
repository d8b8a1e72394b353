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

/** What the functions throw: an `Error` named `CareerCopilotError`. */
export interface CareerCopilotError extends Error {
  name: "CareerCopilotError";
  code: ErrorCode;
}

// --- ats ----------------------------------------------------------------------------------------

/** "Today" for the engine (it reads no clock): `"2024"`, `"2024-06"`, `"2024-06-15"`, or the
 * core's form `{ year, month?, day? }`. */
export type DateLike = string | { year: number; month?: number | null; day?: number | null };

/** Weights of the score's components (defaults in parentheses); a component that does not
 * apply drops out and the others are scaled up. */
export interface Weights {
  requiredSkills?: number; // 30
  preferredSkills?: number; // 8
  title?: number; // 12
  experience?: number; // 15
  education?: number; // 5
  keywords?: number; // 10
  sections?: number; // 5
  contact?: number; // 4
  parsability?: number; // 6
  bullets?: number; // 5
}

export interface ScoreOptions {
  /** "Today", for ongoing roles (default: the latest date in the profile, or the job's posting date). */
  asOf?: DateLike;
  weights?: Weights;
  /** Credit for a related skill (React for JavaScript), 0 to 1. */
  relatedCredit?: number;
  /** `layout` of the resume's parse result, for the parsability checks. */
  layout?: LayoutSignals;
}

/** One part of the score. */
export interface Component {
  name: string;
  weight: number;
  /** 0 to 1. */
  value: number;
  /** Points contributed to the 0–100 score. */
  points: number;
  detail: string;
}

/** A job skill the profile meets, with where. */
export interface Matched {
  skill: string;
  required: boolean;
  /** `alias`: the same skill under another name (full credit); `related`: partial credit. */
  credit: "exact" | "alias" | "related";
  /** Path of the profile item that meets it, e.g. `work[0].highlights[2]`. */
  evidence: string;
  evidence_text: string;
  only_in_skills_section: boolean;
}

export interface Missing {
  skill: string;
  required: boolean;
}

/** A concrete change, naming the item and why. */
export interface Suggestion {
  /** `add-skill-to-section`, `learn-skill`, `quantify-bullet`, `action-verb`, `layout-columns`, ... */
  kind: string;
  path?: string;
  message: string;
  /** Rough points the change could add. */
  impact: number;
}

/** The explainable ATS report (as `copilot score` prints it). */
export interface AtsReport {
  /** 0 to 100, rounded to two decimals; the same on every platform. */
  score: number;
  breakdown: Component[];
  matched: Matched[];
  missing: Missing[];
  matched_keywords: string[];
  missing_keywords: string[];
  experience_years: number;
  suggestions: Suggestion[];
}

export interface OptimizeOptions {
  /** Most bullets kept across all roles (24); `null` keeps every bullet. */
  maxBullets?: number | null;
  /** Fewest bullets kept per role when trimming (2). */
  minBulletsPerRole?: number;
  /** Add job skills evidenced in experience to the skills section (true). */
  surfaceSkills?: boolean;
}

/** One change the optimiser made. */
export interface Change {
  /** `reorder-bullets`, `reorder-projects`, `reorder-skills`, `surface-skill`, `trim-bullet`. */
  kind: string;
  path: string;
  detail: string;
}

/** The tailored profile and what changed; every string in it is in the input. */
export interface Optimized {
  profile: Profile;
  changes: Change[];
}

// --- matching -----------------------------------------------------------------------------------

/** Weights of the fit factors. */
export interface MatchWeights {
  skills?: number;
  title?: number;
  seniority?: number;
  location?: number;
  salary?: number;
  recency?: number;
  text?: number;
}

export interface RankOptions {
  /** Keep the best `top` jobs (all when absent). */
  top?: number;
  /** The resume's full text, as further evidence for the text and skill factors. */
  text?: string;
  /** `true`: remote is best; `false`: on site is fine. */
  remote?: boolean;
  /** Places the person would work in. */
  locations?: string[];
  /** Lowest acceptable annual salary, in `currency`. */
  minSalary?: number;
  currency?: string;
  /** "Today", for recency. */
  asOf?: DateLike;
  weights?: MatchWeights;
  /** Leave out jobs scoring below this (0–100). */
  threshold?: number;
}

/** Factor values (0 to 1) of one job's fit; absent factors did not apply. */
export interface Factors {
  skills?: number;
  title?: number;
  seniority?: number;
  location?: number;
  salary?: number;
  recency?: number;
  text?: number;
}

export interface Ranked {
  /** Position of the job in the index. */
  index: number;
  id?: string;
  /** 0 to 100. */
  score: number;
  factors: Factors;
}

export interface SearchFilters {
  remote?: boolean;
  /** Substring of a job location, any case. */
  location?: string;
  /** Jobs whose stated annual salary reaches this. */
  minSalary?: number;
  seniority?: Seniority;
  /** Posted on or after this date. */
  postedSince?: DateLike;
  limit?: number;
}

export interface SearchHit {
  index: number;
  id?: string;
  /** BM25 score (0 for an empty query). */
  score: number;
}

export interface SkillDemand {
  skill: string;
  jobs: number;
  /** Share of all jobs, 0 to 1. */
  share: number;
  required: number;
  median_salary_with?: number;
  median_salary_without?: number;
  /** The profile shows it. */
  have: boolean;
}

export interface Gap {
  skill: string;
  /** Jobs this skill alone stands between the person and full coverage of required skills. */
  jobs_opened: number;
  jobs_asking: number;
}

export interface TitleCluster {
  key: string;
  jobs: number;
  examples: string[];
}

export interface Insights {
  jobs: number;
  demand: SkillDemand[];
  /** Pairs of skills named together: [skill, skill, jobs]. */
  cooccurrence: [string, string, number][];
  gaps: Gap[];
  title_clusters: TitleCluster[];
}

// --- skills and model ---------------------------------------------------------------------------

/** A skill of the shipped taxonomy. */
export interface SkillEntry {
  id: number;
  /** Canonical name ("PostgreSQL"). */
  name: string;
  aliases: string[];
  category: string;
  /** Ids of related skills (see `skillById`). */
  related: number[];
  hot: boolean;
  source: "curated" | "onet" | "esco";
}

export interface Conflict {
  /** Path in the merged profile, e.g. `basics.email`. */
  path: string;
  kept: string;
  other: string;
}

export interface MergeReport {
  conflicts: Conflict[];
  added: string[];
  matched: string[];
}

export interface Merged {
  profile: Profile;
  report: MergeReport;
}
