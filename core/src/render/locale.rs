//! Section titles, month names and the word for "present" in English, German, French and
//! Spanish. Every word here is one the resume parser reads back (its heading vocabulary and
//! month table), so a rendered CV parses to the same profile in any of the four languages.

use serde::{Deserialize, Serialize};

use super::options::SectionId;
use crate::model::PartialDate;

/// The language of section titles and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    Es,
}

impl Locale {
    /// `en`, `de`, `fr` or `es` (a region such as `de-AT` is accepted and ignored).
    pub fn parse(s: &str) -> Option<Locale> {
        let lang = s.split(['-', '_']).next()?.to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            "fr" => Some(Locale::Fr),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }

    /// The ISO 639-1 code, used as the document language (hyphenation, PDF `/Lang`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The title of a section.
    pub fn title(self, id: SectionId) -> &'static str {
        use Locale::*;
        use SectionId::*;
        match (self, id) {
            (En, Summary) => "Summary",
            (En, Work) => "Experience",
            (En, Education) => "Education",
            (En, Skills) => "Skills",
            (En, Projects) => "Projects",
            (En, Publications) => "Publications",
            (En, Awards) => "Awards",
            (En, Certificates) => "Certifications",
            (En, Volunteer) => "Volunteering",
            (En, Languages) => "Languages",
            (En, Interests) => "Interests",
            (En, References) => "References",
            (De, Summary) => "Profil",
            (De, Work) => "Berufserfahrung",
            (De, Education) => "Ausbildung",
            (De, Skills) => "Kenntnisse",
            (De, Projects) => "Projekte",
            (De, Publications) => "Publikationen",
            (De, Awards) => "Auszeichnungen",
            (De, Certificates) => "Zertifikate",
            (De, Volunteer) => "Ehrenamt",
            (De, Languages) => "Sprachen",
            (De, Interests) => "Interessen",
            (De, References) => "Referenzen",
            (Fr, Summary) => "Profil",
            (Fr, Work) => "Expérience professionnelle",
            (Fr, Education) => "Formation",
            (Fr, Skills) => "Compétences",
            (Fr, Projects) => "Projets",
            (Fr, Publications) => "Publications",
            (Fr, Awards) => "Distinctions",
            (Fr, Certificates) => "Certifications",
            (Fr, Volunteer) => "Bénévolat",
            (Fr, Languages) => "Langues",
            (Fr, Interests) => "Loisirs",
            (Fr, References) => "Références",
            (Es, Summary) => "Perfil",
            (Es, Work) => "Experiencia profesional",
            (Es, Education) => "Formación",
            (Es, Skills) => "Habilidades",
            (Es, Projects) => "Proyectos",
            (Es, Publications) => "Publicaciones",
            (Es, Awards) => "Premios",
            (Es, Certificates) => "Certificaciones",
            (Es, Volunteer) => "Voluntariado",
            (Es, Languages) => "Idiomas",
            (Es, Interests) => "Intereses",
            (Es, References) => "Referencias",
            (_, Custom) => "",
        }
    }

    /// The word for an ongoing end.
    pub fn present(self) -> &'static str {
        match self {
            Locale::En => "Present",
            Locale::De => "heute",
            Locale::Fr => "aujourd'hui",
            Locale::Es => "actualidad",
        }
    }

    /// A short month name.
    fn month(self, m: u8) -> &'static str {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        const DE: [&str; 12] = [
            "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.",
            "Dez.",
        ];
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        const ES: [&str; 12] = [
            "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.",
            "nov.", "dic.",
        ];
        let i = usize::from(m.clamp(1, 12) - 1);
        match self {
            Locale::En => EN[i],
            Locale::De => DE[i],
            Locale::Fr => FR[i],
            Locale::Es => ES[i],
        }
    }

    /// A date as people write it on a CV: `Mar 2021`, `März 2021`, `2019`. A value that is not
    /// an ISO partial date is shown as given.
    pub fn date(self, iso: &str) -> String {
        match PartialDate::parse_iso(iso) {
            Some(d) => match d.month {
                Some(m) => format!("{} {}", self.month(m), d.year),
                None => d.year.to_string(),
            },
            None => iso.trim().to_string(),
        }
    }

    /// A range `start – end`, with the present word when ongoing.
    pub fn range(self, start: Option<&str>, end: Option<&str>, ongoing: bool) -> Option<String> {
        let start = start.map(str::trim).filter(|s| !s.is_empty());
        let end = end.map(str::trim).filter(|s| !s.is_empty());
        match (start, end) {
            (Some(s), Some(e)) if s == e => Some(self.date(s)),
            (Some(s), Some(e)) => Some(format!("{} – {}", self.date(s), self.date(e))),
            (Some(s), None) if ongoing => Some(format!("{} – {}", self.date(s), self.present())),
            (Some(s), None) => Some(self.date(s)),
            (None, Some(e)) => Some(self.date(e)),
            (None, None) => None,
        }
    }

    /// Labels used by cover letters and contact lines.
    pub fn word(self, w: Word) -> &'static str {
        use Locale::*;
        match (w, self) {
            (Word::Page, En) => "Page",
            (Word::Page, De) => "Seite",
            (Word::Page, Fr) => "Page",
            (Word::Page, Es) => "Página",
            (Word::Candidate, En) => "Candidate",
            (Word::Candidate, De) => "Kandidat/in",
            (Word::Candidate, Fr) => "Candidat·e",
            (Word::Candidate, Es) => "Candidato/a",
            (Word::CoverLetter, En) => "Cover letter",
            (Word::CoverLetter, De) => "Anschreiben",
            (Word::CoverLetter, Fr) => "Lettre de motivation",
            (Word::CoverLetter, Es) => "Carta de presentación",
        }
    }
}

/// Small words the themes need besides section titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Word {
    Page,
    Candidate,
    CoverLetter,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{DatePoint, find_date_range};

    #[test]
    fn every_locale_range_reads_back_through_the_parser() {
        for loc in [Locale::En, Locale::De, Locale::Fr, Locale::Es] {
            for m in 1..=12u8 {
                let iso = format!("2021-{m:02}");
                let text = loc.range(Some(&iso), None, true).unwrap_or_default();
                let r = find_date_range(&text).unwrap_or_else(|| panic!("{loc:?}: {text}"));
                assert_eq!(r.start, Some(PartialDate::month(2021, m)), "{text}");
                assert_eq!(r.end, Some(DatePoint::Present), "{text}");
            }
        }
    }

    #[test]
    fn non_iso_dates_are_kept_and_years_stay_years() {
        assert_eq!(Locale::De.date("2019"), "2019");
        assert_eq!(Locale::En.date("Summer 2020"), "Summer 2020");
        assert_eq!(
            Locale::Fr.range(Some("2018-02"), Some("2020-08"), false),
            Some("févr. 2018 – août 2020".into())
        );
    }
}
