//! The themes: metadata here, Typst code in `themes/*.typ` (compiled in with the `render`
//! feature). Themes carry all their code: no `@preview` packages, nothing downloaded.

use serde::Serialize;

use super::options::SectionId;

/// What a theme is and whom it suits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ThemeInfo {
    /// The name used in options and on the command line.
    pub name: &'static str,
    /// One line for people choosing a theme.
    pub description: &'static str,
    /// One column, text in reading order, no graphics carrying content: safe for applicant
    /// tracking systems. Two-column layouts can come out of an ATS with the columns mixed.
    pub ats_safe: bool,
    /// Number of text columns.
    pub columns: u8,
    /// Tuned to fit one page (small type, tight spacing); long profiles still flow on.
    pub one_page: bool,
    /// The default section order.
    #[serde(skip)]
    pub order: &'static [SectionId],
}

use SectionId::*;

const CV_ORDER: &[SectionId] = &[
    Summary,
    Work,
    Projects,
    Education,
    Skills,
    Certificates,
    Awards,
    Publications,
    Volunteer,
    Languages,
    Interests,
    References,
    Custom,
];

const ACADEMIC_ORDER: &[SectionId] = &[
    Summary,
    Education,
    Work,
    Publications,
    Awards,
    Projects,
    Skills,
    Certificates,
    Volunteer,
    Languages,
    Interests,
    References,
    Custom,
];

/// Every theme, the default (`classic`) first.
pub const THEMES: &[ThemeInfo] = &[
    ThemeInfo {
        name: "classic",
        description: "One column, serif-free and plain: the safest choice for applicant tracking systems.",
        ats_safe: true,
        columns: 1,
        one_page: false,
        order: CV_ORDER,
    },
    ThemeInfo {
        name: "modern",
        description: "One column with an accent colour, a bold header and dates aligned right.",
        ats_safe: true,
        columns: 1,
        one_page: false,
        order: CV_ORDER,
    },
    ThemeInfo {
        name: "compact",
        description: "Dense one-page layout: small type, inline skill lists, tight spacing.",
        ats_safe: true,
        columns: 1,
        one_page: true,
        order: CV_ORDER,
    },
    ThemeInfo {
        name: "academic",
        description: "Serif academic CV: education first, numbered publications, page numbers.",
        ats_safe: true,
        columns: 1,
        one_page: false,
        order: ACADEMIC_ORDER,
    },
    ThemeInfo {
        name: "two-column",
        description: "Sidebar with contacts, skills and languages beside the experience. Less ATS-safe: some systems read the columns mixed.",
        ats_safe: false,
        columns: 2,
        one_page: false,
        order: CV_ORDER,
    },
];

/// The theme with this name.
pub fn theme(name: &str) -> Option<&'static ThemeInfo> {
    THEMES.iter().find(|t| t.name.eq_ignore_ascii_case(name))
}

/// Every theme.
pub fn themes() -> &'static [ThemeInfo] {
    THEMES
}

/// The Typst sources: a shared library and one file per theme.
#[cfg(feature = "render")]
pub(crate) const SOURCES: &[(&str, &str)] = &[
    ("/themes/common.typ", include_str!("themes/common.typ")),
    ("/themes/classic.typ", include_str!("themes/classic.typ")),
    ("/themes/modern.typ", include_str!("themes/modern.typ")),
    ("/themes/compact.typ", include_str!("themes/compact.typ")),
    ("/themes/academic.typ", include_str!("themes/academic.typ")),
    (
        "/themes/two-column.typ",
        include_str!("themes/two-column.typ"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_themes_one_marked_less_ats_safe() {
        assert!(THEMES.len() >= 5);
        let unsafe_: Vec<&str> = THEMES
            .iter()
            .filter(|t| !t.ats_safe)
            .map(|t| t.name)
            .collect();
        assert_eq!(unsafe_, ["two-column"]);
        assert_eq!(theme("Modern").map(|t| t.name), Some("modern"));
        assert!(theme("fancy").is_none());
    }
}
