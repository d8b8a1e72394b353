//! `copilot render`: a profile to PDF, SVG, PNG, HTML, Markdown, text, DOCX or JSON Resume.

use std::path::PathBuf;

use career_copilot::render::{self, Locale, OutputFormat, PageSize, RenderOptions, SectionId};

use crate::{Failure, load_resume, warn};

#[derive(clap::Args)]
pub(crate) struct RenderArgs {
    /// The profile (any resume format `copilot parse` reads).
    pub profile: Option<PathBuf>,
    /// Output file; the format comes from its extension (pdf, svg, png, html, md, txt, docx, json).
    /// SVG and PNG write one file per page after the first (`cv-2.png`, ...).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Theme name (see `--list-themes`).
    #[arg(long)]
    pub theme: Option<String>,
    /// Print the theme names, one a line.
    #[arg(long)]
    pub list_themes: bool,
    /// Page size: a4 or letter.
    #[arg(long)]
    pub page: Option<String>,
    /// Language of titles and dates: en, de, fr, es.
    #[arg(long)]
    pub locale: Option<String>,
    /// Sections to show, in order, comma-separated (summary,work,education,skills,...).
    #[arg(long)]
    pub sections: Option<String>,
    /// Accent colour as #rrggbb.
    #[arg(long)]
    pub accent: Option<String>,
    /// Font family (Inter, Liberation Sans, Libertinus Serif, New Computer Modern).
    #[arg(long)]
    pub font: Option<String>,
    /// Replace names, contacts and employers by neutral descriptions.
    #[arg(long)]
    pub anonymize: bool,
    /// Creation date written into the PDF (YYYY-MM-DD) for byte-identical output.
    #[arg(long)]
    pub date: Option<String>,
}

fn usage(msg: String) -> Failure {
    Failure::Io(msg)
}

pub(crate) fn options(args: &RenderArgs) -> Result<RenderOptions, Failure> {
    let mut o = RenderOptions::theme(args.theme.as_deref().unwrap_or("classic"));
    if let Some(p) = &args.page {
        o.page =
            PageSize::parse(p).ok_or_else(|| usage(format!("--page {p:?} is not a4 or letter")))?;
    }
    if let Some(l) = &args.locale {
        o.locale = Locale::parse(l)
            .ok_or_else(|| usage(format!("--locale {l:?} is not en, de, fr or es")))?;
    }
    if let Some(s) = &args.sections {
        let ids: Result<Vec<SectionId>, Failure> = s
            .split(',')
            .filter(|x| !x.trim().is_empty())
            .map(|x| {
                SectionId::parse(x)
                    .ok_or_else(|| usage(format!("--sections: unknown section {x:?}")))
            })
            .collect();
        o.sections = Some(ids?);
    }
    o.accent = args.accent.clone();
    o.font = args.font.clone();
    o.anonymize = args.anonymize;
    o.creation_date = args.date.clone();
    o.validate().map_err(|e| usage(e.to_string()))?;
    Ok(o)
}

pub(crate) fn run(args: RenderArgs) -> Result<(), Failure> {
    if args.list_themes {
        for t in render::themes() {
            println!("{}", t.name);
        }
        return Ok(());
    }
    let (Some(profile), Some(out)) = (&args.profile, &args.out) else {
        return Err(usage(
            "render needs PROFILE and --out FILE (or --list-themes)".into(),
        ));
    };
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = OutputFormat::from_extension(&ext).ok_or_else(|| {
        usage(format!(
            "{}: unknown output extension {ext:?}",
            out.display()
        ))
    })?;
    let opts = options(&args)?;
    let parsed = load_resume(profile)?;
    warn(profile, &parsed.warnings);
    let rendered = render::render(&parsed.value, &opts, format)
        .map_err(|e| Failure::Input(profile.clone(), e))?;
    warn(out, &rendered.warnings);
    write_pages(out, &rendered)
}

/// Writes the file, and for SVG/PNG the later pages beside it (`name-2.ext`).
pub(crate) fn write_pages(out: &std::path::Path, r: &render::Rendered) -> Result<(), Failure> {
    let write = |p: &std::path::Path, b: &[u8]| {
        std::fs::write(p, b).map_err(|e| Failure::Io(format!("{}: {e}", p.display())))
    };
    write(out, &r.bytes)?;
    for (i, page) in r.pages.iter().enumerate().skip(1) {
        let stem = out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = out
            .extension()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        write(&out.with_file_name(format!("{stem}-{}.{ext}", i + 1)), page)?;
    }
    Ok(())
}
