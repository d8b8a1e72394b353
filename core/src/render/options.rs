//! What a caller can choose about a render: theme, sections, page, fonts, colours, locale,
//! anonymisation, and the fixed date that makes a PDF byte-identical between runs.

use serde::{Deserialize, Serialize};

use super::locale::Locale;
use crate::{Error, Result};

/// The output formats. HTML, Markdown, plain text and JSON Resume are pure and always built;
/// PDF, SVG, PNG and DOCX need the `render` feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OutputFormat {
    Pdf,
    Svg,
    Png,
    Html,
    Markdown,
    Text,
    Docx,
    JsonResume,
}

impl OutputFormat {
    /// The format for a file extension (`pdf`, `svg`, `png`, `html`/`htm`, `md`/`markdown`,
    /// `txt`/`text`, `docx`, `json`), case-insensitive, with or without the dot.
    pub fn from_extension(ext: &str) -> Option<OutputFormat> {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => OutputFormat::Pdf,
            "svg" => OutputFormat::Svg,
            "png" => OutputFormat::Png,
            "html" | "htm" => OutputFormat::Html,
            "md" | "markdown" => OutputFormat::Markdown,
            "txt" | "text" => OutputFormat::Text,
            "docx" => OutputFormat::Docx,
            "json" => OutputFormat::JsonResume,
            _ => return None,
        })
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Svg => "svg",
            OutputFormat::Png => "png",
            OutputFormat::Html => "html",
            OutputFormat::Markdown => "md",
            OutputFormat::Text => "txt",
            OutputFormat::Docx => "docx",
            OutputFormat::JsonResume => "json",
        }
    }

    /// Whether this format needs the `render` feature (Typst or docx-rs).
    pub fn needs_render_feature(self) -> bool {
        matches!(
            self,
            OutputFormat::Pdf | OutputFormat::Svg | OutputFormat::Png | OutputFormat::Docx
        )
    }
}

/// Page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

impl PageSize {
    /// `a4` or `letter` (case-insensitive).
    pub fn parse(s: &str) -> Option<PageSize> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(PageSize::A4),
            "letter" | "us-letter" => Some(PageSize::Letter),
            _ => None,
        }
    }

    /// The Typst paper name.
    pub fn typst_name(self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::Letter => "us-letter",
        }
    }
}

/// A section of the CV, for ordering and hiding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SectionId {
    Summary,
    Work,
    Education,
    Skills,
    Projects,
    Publications,
    Awards,
    Certificates,
    Volunteer,
    Languages,
    Interests,
    References,
    /// Sections under headings the parser did not recognise (`x-sections`).
    Custom,
}

impl SectionId {
    /// Every section, in the default order of a one-column CV.
    pub const ALL: [SectionId; 13] = [
        SectionId::Summary,
        SectionId::Work,
        SectionId::Projects,
        SectionId::Education,
        SectionId::Skills,
        SectionId::Publications,
        SectionId::Certificates,
        SectionId::Awards,
        SectionId::Volunteer,
        SectionId::Languages,
        SectionId::Interests,
        SectionId::References,
        SectionId::Custom,
    ];

    /// The lowercase name used in options and in the themes.
    pub fn name(self) -> &'static str {
        match self {
            SectionId::Summary => "summary",
            SectionId::Work => "work",
            SectionId::Education => "education",
            SectionId::Skills => "skills",
            SectionId::Projects => "projects",
            SectionId::Publications => "publications",
            SectionId::Awards => "awards",
            SectionId::Certificates => "certificates",
            SectionId::Volunteer => "volunteer",
            SectionId::Languages => "languages",
            SectionId::Interests => "interests",
            SectionId::References => "references",
            SectionId::Custom => "custom",
        }
    }

    /// The section for a name (`work` or `experience`, `skills`, ...).
    pub fn parse(s: &str) -> Option<SectionId> {
        let s = s.trim().to_ascii_lowercase();
        if s == "experience" {
            return Some(SectionId::Work);
        }
        SectionId::ALL.into_iter().find(|id| id.name() == s)
    }
}

/// Everything a render can be asked for. `Default` is the classic theme on A4 in English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RenderOptions {
    /// Theme name (see [`themes`](super::themes())).
    pub theme: String,
    /// Page size.
    pub page: PageSize,
    /// Section titles and date formats.
    pub locale: Locale,
    /// The sections to show, in order; `None` keeps the theme's order and shows all.
    pub sections: Option<Vec<SectionId>>,
    /// Sections to leave out (applied after `sections`).
    pub hidden: Vec<SectionId>,
    /// Page margin in millimetres (5 to 40); `None` takes the theme's.
    pub margin_mm: Option<f32>,
    /// Body font size in points (7 to 14); `None` takes the theme's.
    pub font_size: Option<f32>,
    /// Font family (one of [`FONTS`]); `None` takes the theme's.
    pub font: Option<String>,
    /// Accent colour as `#rrggbb`; `None` takes the theme's.
    pub accent: Option<String>,
    /// Text colour as `#rrggbb`; `None` takes the theme's.
    pub text_color: Option<String>,
    /// Replace names, contacts and employers by neutral descriptions.
    pub anonymize: bool,
    /// Creation date `YYYY-MM-DD` written into the PDF. Without it the PDF carries no date;
    /// either way the same input gives the same bytes.
    pub creation_date: Option<String>,
    /// PNG resolution in pixels per point (0.25 to 8; 2 is about 144 dpi).
    pub png_scale: f32,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            theme: "classic".into(),
            page: PageSize::A4,
            locale: Locale::En,
            sections: None,
            hidden: Vec::new(),
            margin_mm: None,
            font_size: None,
            font: None,
            accent: None,
            text_color: None,
            anonymize: false,
            creation_date: None,
            png_scale: 2.0,
        }
    }
}

/// The font families the renderer embeds (Typst's own plus the OFL fonts shipped here).
pub const FONTS: &[&str] = &[
    "Inter",
    "Liberation Sans",
    "Libertinus Serif",
    "New Computer Modern",
    "DejaVu Sans Mono",
];

impl RenderOptions {
    /// Options for a theme, the rest default.
    pub fn theme(name: &str) -> Self {
        RenderOptions {
            theme: name.into(),
            ..RenderOptions::default()
        }
    }

    /// Checks every value a caller could get wrong, naming it.
    pub fn validate(&self) -> Result<()> {
        if super::themes::theme(&self.theme).is_none() {
            let names: Vec<&str> = super::themes::THEMES.iter().map(|t| t.name).collect();
            return Err(Error::invalid(
                "render option theme",
                format!(
                    "unknown theme {:?}; known: {}",
                    self.theme,
                    names.join(", ")
                ),
            ));
        }
        if let Some(m) = self.margin_mm
            && !(5.0..=40.0).contains(&m)
        {
            return Err(Error::invalid(
                "render option marginMm",
                format!("{m} is outside 5 to 40 mm"),
            ));
        }
        if let Some(s) = self.font_size
            && !(7.0..=14.0).contains(&s)
        {
            return Err(Error::invalid(
                "render option fontSize",
                format!("{s} is outside 7 to 14 pt"),
            ));
        }
        if let Some(f) = &self.font
            && !FONTS.iter().any(|k| k.eq_ignore_ascii_case(f))
        {
            return Err(Error::invalid(
                "render option font",
                format!("{f:?} is not embedded; choose one of {}", FONTS.join(", ")),
            ));
        }
        for (what, c) in [("accent", &self.accent), ("textColor", &self.text_color)] {
            if let Some(c) = c
                && !is_hex_colour(c)
            {
                return Err(Error::invalid(
                    format!("render option {what}"),
                    format!("{c:?} is not a #rrggbb colour"),
                ));
            }
        }
        if let Some(d) = &self.creation_date {
            let ok = d.len() == 10
                && crate::model::PartialDate::parse_iso(d).is_some_and(|p| p.day.is_some());
            if !ok {
                return Err(Error::invalid(
                    "render option creationDate",
                    format!("{d:?} is not YYYY-MM-DD"),
                ));
            }
        }
        if !(0.25..=8.0).contains(&self.png_scale) {
            return Err(Error::invalid(
                "render option pngScale",
                format!("{} is outside 0.25 to 8 pixels per point", self.png_scale),
            ));
        }
        Ok(())
    }

    /// The sections to render, in order.
    pub fn section_order(&self, theme_default: &[SectionId]) -> Vec<SectionId> {
        let base: Vec<SectionId> = match &self.sections {
            Some(list) => {
                let mut seen = Vec::new();
                for s in list {
                    if !seen.contains(s) {
                        seen.push(*s);
                    }
                }
                seen
            }
            None => theme_default.to_vec(),
        };
        base.into_iter()
            .filter(|s| !self.hidden.contains(s))
            .collect()
    }

    /// The font family with the embedded spelling.
    pub(crate) fn font_name(&self) -> Option<&'static str> {
        let f = self.font.as_deref()?;
        FONTS.iter().copied().find(|k| k.eq_ignore_ascii_case(f))
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}
