// The demo page: a resume file and a pasted job in, the ATS report and a tailored profile out.
// Everything runs here, in the tab, through the `career-copilot` wasm package.
import ready, {
  isCareerCopilotError, optimize, parseJob, parseResumeFile, score, skillLookup, version,
} from "career-copilot";

// PDF export hook. The package's Typst renderer (a separate, lazily loaded wasm module) has not
// landed yet. When it does: add `"career-copilot/render"` to the import map in index.html and
// set this to that specifier; `downloadPdf` below imports it on first use and calls
// `renderPdf(profile)`, and the "Download PDF" button appears. Until then no button is shown.
const RENDER_MODULE = null;

const $ = (id) => document.getElementById(id);
const state = { file: null, tailored: null };

/** A DOM element with attributes and children (strings become text, never HTML). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

function setState(name, message = "") {
  document.body.dataset.state = name;
  $("status").textContent = message;
}

function refreshButton() {
  $("analyse").disabled = !(state.file && $("job").value.trim()) || document.body.dataset.state === "loading";
}

const LABELS = {
  required_skills: "Required skills", preferred_skills: "Preferred skills", title: "Job title",
  experience: "Experience", education: "Education", keywords: "Keywords", sections: "Sections",
  contact: "Contact details", parsability: "ATS readability", bullets: "Bullet quality",
};
const label = (name) => LABELS[name] ?? name.replaceAll("_", " ");

function verdict(points) {
  if (points >= 75) return ["strong", "A strong match: tidy up the suggestions and apply."];
  if (points >= 50) return ["fair", "A fair match: the gaps below are what stands between you and this job."];
  return ["weak", "A weak match as written: check the missing required skills first."];
}

// --- rendering ----------------------------------------------------------------------------------

function showReport(parsed, job, report, tailored, timing) {
  const basics = parsed.value.basics ?? {};
  const points = Math.round(report.score); // the verdict and the gauge agree with the shown number
  const [grade, text] = verdict(points);
  $("score").textContent = String(points);
  $("score").title = report.score.toFixed(2);
  $("gauge").style.setProperty("--p", points);
  $("gauge").dataset.grade = grade;
  $("gauge").setAttribute("aria-label", `ATS score ${points} out of 100`);
  $("who").textContent = basics.name ?? "Your resume";
  $("against").textContent = `against ${job.title ?? "the job"}${job.company ? ` at ${job.company}` : ""}`;
  $("verdict").textContent = text;
  $("timing").textContent =
    `Read ${parsed.layout.pages} page${parsed.layout.pages === 1 ? "" : "s"} of ${parsed.format.toUpperCase()} in ${timing.parse.toFixed(0)} ms · scored and tailored in ${timing.score.toFixed(0)} ms · on this device`;
  $("timing").dataset.parseMs = timing.parse.toFixed(2);
  $("timing").dataset.scoreMs = timing.score.toFixed(2);

  $("breakdown").replaceChildren(...report.breakdown.map((c) => h("li", {},
    h("div", { class: "row" }, h("span", {}, label(c.name)), h("span", { class: "pts" }, `${c.points.toFixed(1)} / ${c.weight}`)),
    h("div", { class: "bar" }, h("span", { style: `width:${Math.round(c.value * 100)}%` })),
    h("div", { class: "muted small" }, c.detail),
  )));

  const chip = (skill, kind, title) => h("span", { class: `chip ${kind}`, title }, skill);
  const required = (list) => list.filter((s) => s.required);
  const preferred = (list) => list.filter((s) => !s.required);
  const group = (title, items) => items.length ? h("div", { class: "group" }, h("h4", {}, title), h("div", { class: "chips" }, items)) : null;
  const matchedChip = (m) => chip(m.skill, m.credit === "related" ? "partial" : "have", `${m.credit}: ${m.evidence_text}`);
  $("skills").replaceChildren(
    group("Required: you have", required(report.matched).map(matchedChip)),
    group("Required: missing", required(report.missing).map((m) => chip(m.skill, "missing"))),
    group("Preferred: you have", preferred(report.matched).map(matchedChip)),
    group("Preferred: missing", preferred(report.missing).map((m) => chip(m.skill, "missing soft"))),
    h("p", { class: "muted small legend" }, h("span", { class: "chip have" }, "exact"), " ", h("span", { class: "chip partial" }, "related, partial credit"), " ", h("span", { class: "chip missing" }, "missing")),
  );

  // The biggest wins first; the long tail (wording of single bullets) folds away.
  const suggestions = [...report.suggestions].sort((a, b) => b.impact - a.impact);
  const item = (s) => h("li", {},
    h("span", { class: "impact", title: "rough points this could add" }, `+${s.impact.toFixed(1)}`), " ", s.message,
    s.path ? h("code", { class: "path" }, s.path) : null);
  const TOP = 8;
  $("suggestions").replaceChildren(...(suggestions.length ? suggestions.slice(0, TOP).map(item) : [h("li", { class: "muted" }, "Nothing to suggest.")]));
  const rest = suggestions.slice(TOP);
  $("more-suggestions").hidden = rest.length === 0;
  $("more-suggestions").querySelector("summary").textContent = `${rest.length} smaller suggestion${rest.length === 1 ? "" : "s"}`;
  $("more-suggestions").querySelector("ol").replaceChildren(...rest.map(item));

  $("evidence").replaceChildren(...report.matched.map((m) => h("li", {},
    h("strong", {}, m.skill), " ", h("span", { class: `tag ${m.credit}` }, m.credit),
    m.only_in_skills_section ? h("span", { class: "tag warn", title: "Listed in skills but not shown in any role or project" }, "skills list only") : null,
    h("div", { class: "quote" }, m.evidence_text), h("code", { class: "path" }, m.evidence),
  )));

  $("changes").replaceChildren(...(tailored.changes.length ? tailored.changes.map((c) => h("li", {},
    h("span", { class: "tag" }, c.kind.replaceAll("-", " ")), " ", c.detail, " ", h("code", { class: "path" }, c.path),
  )) : [h("li", { class: "muted" }, "Already in the best order for this job.")]));
  $("pdf-hook").textContent = RENDER_MODULE ? "" : "PDF download arrives with the in-browser Typst renderer (not in this build).";
  if (RENDER_MODULE && !$("download-pdf")) {
    $("download-json").after(h("button", { id: "download-pdf", type: "button", class: "primary" }, "Download PDF"));
    $("download-pdf").addEventListener("click", downloadPdf);
  }

  $("read-as").textContent = `Read as ${parsed.format}, ${parsed.layout.pages} page(s)` +
    (parsed.layout.columns ? ", multi-column" : "") + (parsed.layout.tables ? ", with tables" : "") +
    (parsed.layout.icon_glyphs ? ", with icon glyphs" : "") + ".";
  $("warnings").replaceChildren(...parsed.warnings.map((w) => h("li", {}, h("code", {}, w.code), " ", w.message)));

  $("results").hidden = false;
}

function showError(error) {
  const code = isCareerCopilotError(error) ? error.code : "unexpected";
  const hints = {
    no_text_layer: "This PDF is a scan with no text layer: export it again from your editor, or try the DOCX.",
    encrypted: "This document is password-protected: save an unprotected copy.",
    unsupported_format: "Use a PDF, DOCX, Markdown, plain text or JSON Resume file.",
    limit_exceeded: "The file is larger than a resume should be.",
    corrupt: "The file looks damaged: export it again.",
  };
  $("error").replaceChildren(
    h("h3", {}, "Could not check this resume"),
    h("p", {}, error.message ?? String(error), " ", h("code", {}, code)),
    hints[code] ? h("p", { class: "muted" }, hints[code]) : null,
  );
  $("error").hidden = false;
  $("results").hidden = true;
  setState("error", "");
}

// --- actions ------------------------------------------------------------------------------------

async function analyse() {
  $("error").hidden = true;
  setState("working", "Reading your resume…");
  refreshButton();
  // Let the status paint before the engine holds the thread (a rAF callback runs before the
  // paint, so wait one task more).
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  try {
    const t0 = performance.now();
    const parsed = await parseResumeFile(state.file);
    const job = parseJob($("job").value).value;
    const t1 = performance.now();
    // The engine reads no clock: "today" is this browser's month, for ongoing roles.
    const asOf = new Date().toISOString().slice(0, 7);
    const report = score(parsed.value, job, { asOf, layout: parsed.layout });
    const tailored = optimize(parsed.value, job);
    const t2 = performance.now();
    state.tailored = tailored.profile;
    showReport(parsed, job, report, tailored, { parse: t1 - t0, score: t2 - t1 });
    setState("done", "");
    $("results").scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (error) {
    showError(error);
  }
  refreshButton();
}

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName() {
  const name = state.tailored?.basics?.name?.trim().replace(/[^\p{L}\p{N}]+/gu, "-") || "resume";
  return `${name}-tailored`;
}

async function downloadPdf() {
  const { renderPdf } = await import(RENDER_MODULE);
  download(`${baseName()}.pdf`, "application/pdf", await renderPdf(state.tailored));
}

function chooseFile(file) {
  if (!file) return;
  state.file = file;
  $("drop-text").replaceChildren(h("strong", {}, file.name), h("br"), `${(file.size / 1024).toFixed(0)} KB · click or drop to replace`);
  $("drop").classList.add("has-file");
  refreshButton();
}

function wire() {
  const drop = $("drop");
  $("resume").addEventListener("change", (e) => chooseFile(e.target.files[0]));
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
  }
  for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); chooseFile(e.dataTransfer.files[0]); });
  $("job").addEventListener("input", refreshButton);
  $("analyse").addEventListener("click", analyse);
  $("download-json").addEventListener("click", () =>
    download(`${baseName()}.json`, "application/json", JSON.stringify(state.tailored, null, 2)));
  $("sample").addEventListener("click", async () => {
    const response = await fetch("samples/senior-rust-engineer.txt");
    if (response.ok) $("job").value = await response.text();
    refreshButton();
  });
}

// The engine builds its skills taxonomy and patterns on first use (most of a first check's
// time). Do that while the person picks a file, so their first check is as fast as the rest.
function warmUp() {
  const start = performance.now();
  skillLookup("rust");
  parseJob("Software Engineer\nRequirements:\n- 3+ years of Python and SQL\n");
  return performance.now() - start;
}

wire();
ready().then(
  async () => {
    $("version").textContent = `Career Copilot ${version()}`;
    setState("loading", "Preparing the engine…");
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    $("version").dataset.warmUpMs = warmUp().toFixed(2);
    setState("ready", "");
    refreshButton();
  },
  (error) => showError(new Error(`The engine failed to load: ${error.message}`, { cause: error })),
);
