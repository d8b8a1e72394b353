// The demo page in a real browser (Debian's Chromium, headless, driven by playwright-core):
// drop a PDF resume, paste a job, see the score, download the tailored profile, keep a
// screenshot; then time parse + score in the page against the native figure. Run by
// scripts/ci/browser.sh, which installs the tools and passes:
//
//     node examples/web/tests/browser.mjs --playwright DIR --pkg DIR --out DIR
//          --resume PDF --job TXT [--docx DOCX] [--native BIN] [--chromium PATH] [--runs N]
//          [--max-ratio R]
//
// Exits non-zero on any failure, a page error, or a speed ratio over --max-ratio.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

import { serve } from "../serve.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const required = (name) => option(name) ?? fail(`missing ${name}`);
function fail(message) {
  console.error(`browser test: ${message}`);
  process.exit(2);
}

const out = resolve(required("--out"));
const resumePath = resolve(required("--resume"));
const jobText = readFileSync(required("--job"), "utf8");
const runs = Number(option("--runs", "7"));
const maxRatio = Number(option("--max-ratio", "0"));
const { chromium } = createRequire(join(resolve(required("--playwright")), "noop.js"))("playwright-core");
mkdirSync(out, { recursive: true });

const server = await serve({ pkg: resolve(required("--pkg")) });
const profileDir = mkdtempSync(join(tmpdir(), "career-copilot-chromium-"));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: option("--chromium", "/usr/bin/chromium"),
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1200, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const problems = [];
const started = Date.now();
const step = (what) => console.log(`  [${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => { if (message.type() === "error") problems.push(`console error: ${message.text()}`); });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  // Nothing may leave 127.0.0.1: the page must work with no network at all.
  await context.route((url) => !url.href.startsWith(server.url), (route) => {
    problems.push(`request outside the test server: ${route.request().url()}`);
    return route.abort();
  });

  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  const warmUpMs = Number(await page.getAttribute("#version", "data-warm-up-ms"));
  step(`engine loaded: ${await page.textContent("#version")}, warmed up in ${warmUpMs} ms (taxonomy and patterns)`);

  await page.setInputFiles("#resume", resumePath);
  await page.fill("#job", jobText);
  await page.click("#analyse");
  await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
  if (await page.isVisible("#error")) assert.fail(`the page reported: ${await page.textContent("#error")}`);
  const score = Number(await page.textContent("#score"));
  assert.ok(score > 0 && score <= 100, `score ${score}`);
  assert.equal(await page.textContent("#who"), "John Doe");
  assert.match(await page.textContent("#against"), /Senior Rust Engineer at Ferrous Systems Cloud/);
  assert.equal(await page.locator("#breakdown li").count(), 10, "ten score components");
  assert.ok((await page.locator("#skills .chip.have").count()) > 0, "matched skills shown");
  assert.ok((await page.locator("#skills .chip.missing").count()) > 0, "missing skills shown");
  assert.ok((await page.locator("#evidence li").count()) > 0, "evidence shown");
  assert.ok((await page.locator("#suggestions li").count()) > 0, "suggestions shown");
  assert.equal(await page.locator("#download-pdf").count(), 0, "no PDF button before the renderer lands");
  const pageParseMs = Number(await page.getAttribute("#timing", "data-parse-ms"));
  const pageScoreMs = Number(await page.getAttribute("#timing", "data-score-ms"));
  step(`score ${score} shown for ${basename(resumePath)} (first run in the page: parse ${pageParseMs} ms, score + optimise ${pageScoreMs} ms)`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  const saved = join(out, download.suggestedFilename());
  await download.saveAs(saved);
  const tailored = JSON.parse(readFileSync(saved, "utf8"));
  assert.equal(tailored.basics?.name, "John Doe");
  assert.ok(tailored.work?.length > 0, "the tailored profile keeps the work history");
  step(`downloaded ${saved}`);

  await page.evaluate(() => window.scrollTo(0, 0));
  const screenshot = join(out, "web-demo.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  step(`screenshot ${screenshot}`);

  // A DOCX resume goes through the same page.
  const docx = option("--docx");
  if (docx) {
    await page.setInputFiles("#resume", resolve(docx));
    await page.click("#analyse");
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    assert.equal(await page.isVisible("#error"), false, await page.textContent("#error"));
    assert.ok(Number(await page.textContent("#score")) > 0);
    step(`DOCX ${basename(docx)}: ${await page.textContent("#who")} scored ${await page.textContent("#score")}`);
  }

  // A damaged file: the page says what is wrong, with the engine's code, and hides old results.
  await page.setInputFiles("#resume", { name: "broken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog") });
  await page.click("#analyse");
  await page.waitForSelector('body[data-state="error"]', { timeout: 30_000 });
  assert.match(await page.textContent("#error"), /corrupt/);
  assert.equal(await page.isVisible("#results"), false);
  step("a damaged PDF is reported as corrupt");

  // Speed: the same work the native figure measures (parse resume, parse job, score), in the
  // page, one untimed warm-up then the median of `runs`.
  const timing = await page.evaluate(async ({ bytes, name, job, runs }) => {
    const { parseResume, parseJob, score } = await import("career-copilot");
    const resume = new Uint8Array(bytes);
    const once = () => {
      const parsed = parseResume(resume, { fileName: name });
      const posting = parseJob(job);
      return score(parsed.value, posting.value, { layout: parsed.layout }).score;
    };
    const value = once();
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      once();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], min: times[0], score: value };
  }, { bytes: Array.from(readFileSync(resumePath)), name: basename(resumePath), job: jobText, runs });
  console.log(`browser: parse + score median ${timing.median.toFixed(1)} ms (min ${timing.min.toFixed(1)}, ${runs} runs), score ${timing.score}`);

  const native = option("--native");
  if (native) {
    const figure = JSON.parse(execFileSync(native, [resumePath, required("--job"), String(runs)], { encoding: "utf8" }));
    assert.equal(figure.score, timing.score, "the browser and native scores agree");
    // The check uses the fastest runs: on a shared machine the medians carry other jobs' load.
    const ratio = timing.min / figure.min_ms;
    const medianRatio = timing.median / figure.median_ms;
    console.log(`native:  parse + score median ${figure.median_ms.toFixed(1)} ms (min ${figure.min_ms.toFixed(1)}, ${figure.runs} runs), score ${figure.score}`);
    console.log(`cold start: browser page ${warmUpMs.toFixed(0)} ms warm-up + ${(pageParseMs + pageScoreMs).toFixed(0)} ms first check, native ${figure.first_ms.toFixed(0)} ms first parse + score`);
    console.log(`ratio browser / native: ${ratio.toFixed(2)}x on the fastest runs, ${medianRatio.toFixed(2)}x on medians (target ≤ 2x)`);
    writeFileSync(join(out, "timing.json"), JSON.stringify({ browser: timing, native: figure, ratio, medianRatio }, null, 2));
    if (maxRatio > 0 && ratio > maxRatio) problems.push(`browser is ${ratio.toFixed(2)}x native, over ${maxRatio}x`);
  }
} catch (error) {
  problems.push(error.stack ?? String(error));
} finally {
  await context.close();
  await server.close();
  rmSync(profileDir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`browser test FAILED:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`browser test ok in ${((Date.now() - started) / 1000).toFixed(1)}s`);
