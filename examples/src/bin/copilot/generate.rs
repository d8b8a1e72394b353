//! `copilot tailor` and `copilot letter`.
//!
//! Both run offline by default: the optimiser reorders and trims (it never adds a fact) and the
//! offline generator writes the summary and the letter from the resume's own evidence. With
//! `--provider openai|anthropic|ollama` a model writes them instead, every claim checked against
//! the resume; keys come from the environment (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`), Ollama's
//! address from `OLLAMA_HOST`. `--cache FILE` keeps model answers in a SQLite file.

use std::path::PathBuf;
use std::sync::Arc;

use career_copilot::generate::{
    GenWarning, Generation, Generator, Length, LetterOptions, LlmProvider, TailorOptions, Tone,
};
use career_copilot::model::PartialDate;
use career_copilot::render::{self, Locale, OutputFormat};

use crate::{Failure, load_job, load_resume, parse_as_of};

/// Which model writes, and where answers are cached.
#[derive(clap::Args)]
pub(crate) struct ModelArgs {
    /// offline (no key, the default), openai, anthropic or ollama.
    #[arg(long, default_value = "offline")]
    pub provider: String,
    /// Model name (defaults: gpt-4o-mini, claude-3-5-haiku-latest, llama3.1).
    #[arg(long)]
    pub model: Option<String>,
    /// Base URL of the API (a proxy, a local server).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Keep model answers in this SQLite file and reuse them for the same request.
    #[arg(long)]
    pub cache: Option<PathBuf>,
    /// Ask the model again even when the cache has the answer.
    #[arg(long)]
    pub regenerate: bool,
    /// "Today" for ongoing roles and years of experience (YYYY-MM; default: the current month).
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct TailorArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    /// Output file; the format comes from its extension (.pdf, .json, .md, .txt, .html, .docx, .svg, .png).
    #[arg(long)]
    pub out: PathBuf,
    /// Theme name (see `copilot render --list-themes`).
    #[arg(long)]
    pub theme: Option<String>,
    /// Creation date written into a PDF (YYYY-MM-DD) for byte-identical output.
    #[arg(long)]
    pub date: Option<String>,
    /// Language of the summary and section titles: en, de, fr, es.
    #[arg(long)]
    pub locale: Option<String>,
    /// Keep the resume's own summary instead of writing one for the job.
    #[arg(long)]
    pub keep_summary: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

#[derive(clap::Args)]
pub(crate) struct LetterArgs {
    pub resume: PathBuf,
    pub job: PathBuf,
    /// Write the letter here (format from the extension: .pdf, .docx, .html, .md, .txt);
    /// without it the letter is printed as text.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// formal, warm or direct.
    #[arg(long, default_value = "formal")]
    pub tone: String,
    /// short, standard or long.
    #[arg(long, default_value = "standard")]
    pub length: String,
    /// en, de, fr or es.
    #[arg(long, default_value = "en")]
    pub locale: String,
    /// The date line, as it should appear ("7 December 2026").
    #[arg(long)]
    pub date: Option<String>,
    /// Who to greet ("Ms Smith").
    #[arg(long)]
    pub recipient: Option<String>,
    /// Theme for PDF, DOCX and HTML.
    #[arg(long)]
    pub theme: Option<String>,
    /// Print the letter, its sources per paragraph and the warnings as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

fn usage(msg: impl Into<String>) -> Failure {
    Failure::Io(msg.into())
}

/// The current month, from the system clock (the core never reads one).
fn this_month() -> Option<PartialDate> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(PartialDate::month(u16::try_from(year).ok()?, month as u8))
}

fn env_key(name: &str, provider: &str) -> Result<String, Failure> {
    std::env::var(name)
        .ok()
        .filter(|k| !k.trim().is_empty())
        .ok_or_else(|| {
            usage(format!(
                "--provider {provider} needs {name} in the environment (or use --provider offline, which needs no key)"
            ))
        })
}

#[cfg(feature = "http")]
fn provider(args: &ModelArgs) -> Result<Option<Arc<dyn LlmProvider>>, Failure> {
    use career_copilot::generate::{ProviderKind, ProviderSpec};
    use career_copilot::http::{HttpClient, ReqwestClient, Retrying, TokioClock};

    if args.provider == "offline" {
        return Ok(None);
    }
    let kind = ProviderKind::parse(&args.provider).map_err(|_| {
        usage(format!(
            "--provider {:?} is not offline, openai, anthropic or ollama",
            args.provider
        ))
    })?;
    let mut spec = ProviderSpec::new(kind);
    spec.model = args.model.clone();
    spec.base_url = args.base_url.clone();
    // The CLI, not the core, reads keys and hosts from the environment.
    match kind {
        ProviderKind::OpenAi => spec.api_key = Some(env_key("OPENAI_API_KEY", "openai")?),
        ProviderKind::Anthropic => spec.api_key = Some(env_key("ANTHROPIC_API_KEY", "anthropic")?),
        ProviderKind::Ollama if spec.base_url.is_none() => {
            spec.base_url = std::env::var("OLLAMA_HOST")
                .ok()
                .filter(|h| !h.trim().is_empty())
                .map(|h| format!("{}/v1", h.trim_end_matches('/')));
        }
        _ => {}
    }
    let client = ReqwestClient::new().map_err(|e| usage(format!("HTTP client: {e}")))?;
    let http: Arc<dyn HttpClient> = Arc::new(Retrying::new(client, Arc::new(TokioClock)));
    spec.build(http)
        .map(Some)
        .map_err(|e| usage(format!("--provider {}: {e}", args.provider)))
}

#[cfg(not(feature = "http"))]
fn provider(args: &ModelArgs) -> Result<Option<Arc<dyn LlmProvider>>, Failure> {
    if args.provider == "offline" {
        Ok(None)
    } else {
        Err(usage(format!(
            "--provider {}: this build has no HTTP client; only offline is available",
            args.provider
        )))
    }
}

#[cfg(all(feature = "sqlite", feature = "http"))]
fn with_cache(g: Generator, args: &ModelArgs) -> Result<Generator, Failure> {
    use career_copilot::generate::ResponseCache;
    use career_copilot::http::TokioClock;
    use career_copilot::store::SqliteStore;
    let Some(path) = &args.cache else {
        return Ok(g);
    };
    let store = SqliteStore::open(path).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let cache =
        ResponseCache::new(Arc::new(store), "cli", Arc::new(TokioClock)).with_ttl(30 * 86_400);
    Ok(g.with_cache(cache))
}

#[cfg(not(all(feature = "sqlite", feature = "http")))]
fn with_cache(g: Generator, args: &ModelArgs) -> Result<Generator, Failure> {
    match &args.cache {
        None => Ok(g),
        Some(_) => Err(usage(
            "--cache needs a build with the sqlite and http features",
        )),
    }
}

fn generator(args: &ModelArgs) -> Result<Generator, Failure> {
    let g = match provider(args)? {
        Some(p) => Generator::new(p),
        None => {
            if args.cache.is_some() || args.regenerate {
                eprintln!("copilot: --cache and --regenerate only matter with a model provider");
            }
            return Ok(Generator::offline());
        }
    };
    with_cache(g, args)
}

fn as_of(args: &ModelArgs) -> Result<Option<PartialDate>, Failure> {
    Ok(parse_as_of(args.as_of.as_deref())?.or_else(this_month))
}

/// Runs a generator future: on tokio when models are reachable over HTTP, else in place (the
/// offline generator never waits).
#[cfg(feature = "http")]
fn block_on<F: std::future::Future>(f: F) -> Result<F::Output, Failure> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| usage(format!("starting the async runtime: {e}")))?;
    Ok(rt.block_on(f))
}

#[cfg(not(feature = "http"))]
fn block_on<F: std::future::Future>(f: F) -> Result<F::Output, Failure> {
    Ok(futures::executor::block_on(f))
}

fn report<T>(g: &Generation<T>) {
    for w in &g.warnings {
        report_warning(w);
    }
    if g.provider != "offline" {
        let cost = g
            .cost
            .map_or_else(|| "unknown cost".to_string(), |c| format!("${c:.4}"));
        eprintln!(
            "copilot: {} {}: {} call(s), {} from cache, {} in / {} out tokens, {cost}",
            g.provider, g.model, g.calls, g.cache_hits, g.usage.input_tokens, g.usage.output_tokens
        );
    }
}

fn report_warning(w: &GenWarning) {
    eprintln!("copilot: warning: {}: {}", w.kind, w.message);
    for v in &w.violations {
        eprintln!("copilot:   {:?} {:?}: {}", v.kind, v.claim, v.reason);
    }
}

fn format_of(out: &std::path::Path) -> Result<OutputFormat, Failure> {
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    OutputFormat::from_extension(&ext).ok_or_else(|| {
        usage(format!(
            "{}: unknown output extension {ext:?}",
            out.display()
        ))
    })
}

fn render_options(
    theme: Option<String>,
    date: Option<String>,
    locale: Option<String>,
) -> Result<render::RenderOptions, Failure> {
    crate::render::options(&crate::render::RenderArgs {
        profile: None,
        out: None,
        theme,
        list_themes: false,
        page: None,
        locale,
        sections: None,
        accent: None,
        font: None,
        anonymize: false,
        date,
    })
}

pub(crate) fn tailor(args: TailorArgs) -> Result<(), Failure> {
    let format = format_of(&args.out)?;
    let locale = match &args.locale {
        Some(l) => Locale::parse(l)
            .ok_or_else(|| usage(format!("--locale {l:?} is not en, de, fr or es")))?,
        None => Locale::En,
    };
    let generator = generator(&args.model)?;
    let profile = load_resume(&args.resume)?;
    let job = load_job(&args.job)?;
    let options = TailorOptions {
        rewrite_summary: !args.keep_summary,
        locale,
        as_of: as_of(&args.model)?,
        ..TailorOptions::default()
    };
    let tailored =
        block_on(generator.tailor(&profile.value, &job, &options, args.model.regenerate))?
            .map_err(|e| Failure::Input(args.resume.clone(), e))?;
    report(&tailored);
    for change in &tailored.value.changes {
        eprintln!(
            "copilot: change: {}",
            serde_json::to_string(change).unwrap_or_default()
        );
    }
    let options = render_options(args.theme, args.date, args.locale)?;
    let rendered = render::render(&tailored.value.profile, &options, format)
        .map_err(|e| Failure::Input(args.resume.clone(), e))?;
    crate::render::write_pages(&args.out, &rendered)?;
    eprintln!(
        "copilot: wrote {} ({} change(s))",
        args.out.display(),
        tailored.value.changes.len()
    );
    Ok(())
}

pub(crate) fn letter(args: LetterArgs) -> Result<(), Failure> {
    let tone = Tone::parse(&args.tone).ok_or_else(|| {
        usage(format!(
            "--tone {:?} is not formal, warm or direct",
            args.tone
        ))
    })?;
    let length = Length::parse(&args.length).ok_or_else(|| {
        usage(format!(
            "--length {:?} is not short, standard or long",
            args.length
        ))
    })?;
    let locale = Locale::parse(&args.locale).ok_or_else(|| {
        usage(format!(
            "--locale {:?} is not en, de, fr or es",
            args.locale
        ))
    })?;
    let format = args.out.as_deref().map(format_of).transpose()?;
    let generator = generator(&args.model)?;
    let profile = load_resume(&args.resume)?;
    let job = load_job(&args.job)?;
    let options = LetterOptions {
        tone,
        length,
        locale,
        date: args.date.clone(),
        recipient: args.recipient.clone(),
        as_of: as_of(&args.model)?,
    };
    let letter =
        block_on(generator.cover_letter(&profile.value, &job, &options, args.model.regenerate))?
            .map_err(|e| Failure::Input(args.resume.clone(), e))?;
    report(&letter);
    if args.json {
        crate::print_json(&letter)?;
    }
    let render_opts = render_options(args.theme, None, Some(args.locale))?;
    match (&args.out, format) {
        (Some(out), Some(format)) => {
            let rendered =
                render::render_letter(&letter.value.doc, &profile.value, &render_opts, format)
                    .map_err(|e| Failure::Input(args.resume.clone(), e))?;
            crate::render::write_pages(out, &rendered)?;
            eprintln!("copilot: wrote {}", out.display());
        }
        _ if !args.json => {
            let rendered = render::render_letter(
                &letter.value.doc,
                &profile.value,
                &render_opts,
                OutputFormat::Text,
            )
            .map_err(|e| Failure::Input(args.resume.clone(), e))?;
            print!("{}", String::from_utf8_lossy(&rendered.bytes));
        }
        _ => {}
    }
    Ok(())
}
