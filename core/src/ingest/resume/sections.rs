//! Section headings: a multilingual vocabulary (English, German, French, Spanish) and the
//! shape rules that tell a heading from a content line.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Summary,
    Work,
    Education,
    Skills,
    Projects,
    Certificates,
    Languages,
    Awards,
    Publications,
    Volunteer,
    Interests,
    References,
    Contact,
    /// A heading we do not know: kept verbatim in `custom_sections`.
    Other,
}

use SectionKind::*;

/// Exact headings (normalised: lowercase, letters and single spaces, `&` as `and`).
#[rustfmt::skip]
const VOCAB: &[(SectionKind, &[&str])] = &[
    (Summary, &[
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "personal profile", "about", "about me", "objective", "career objective",
        "overview", "introduction", "summary of qualifications", "qualifications summary", "personal statement",
        "highlights", "career profile", "kurzprofil", "profil", "zusammenfassung", "über mich",
        "berufliches profil", "persönliches profil", "profil professionnel", "à propos", "à propos de moi",
        "objectif", "résumé professionnel", "présentation", "resumen", "perfil", "perfil profesional",
        "sobre mí", "acerca de mí", "extracto", "objetivo", "resumen profesional",
    ]),
    (Work, &[
        "experience", "work", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "career", "relevant experience", "professional background",
        "experience and employment", "industry experience", "positions", "positions held", "working experience",
        "job experience", "professional experiences", "company details", "experiences", "technical experience",
        "research experience", "teaching experience", "berufserfahrung", "berufliche erfahrung", "berufspraxis",
        "beruflicher werdegang", "werdegang", "praxiserfahrung", "arbeitserfahrung", "berufliche stationen",
        "expérience", "expérience professionnelle", "expériences professionnelles", "expériences",
        "parcours professionnel", "experiencia", "experiencia laboral", "experiencia profesional",
        "historial laboral", "trayectoria profesional",
    ]),
    (Education, &[
        "education", "academic background", "education and training", "academic qualifications", "studies",
        "educational background", "academic history", "education history", "academics", "training",
        "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "akademischer werdegang",
        "schul und berufsausbildung", "formation", "formations", "études", "parcours académique", "éducation",
        "formation académique", "educación", "formación", "formación académica", "estudios",
        "educación y formación",
    ]),
    (Skills, &[
        "skills", "technical skills", "core skills", "key skills", "core competencies", "competencies",
        "skills and expertise", "expertise", "technologies", "tech stack", "tools", "technical proficiencies",
        "skills and tools", "skill set", "skillset", "skills summary", "areas of expertise",
        "technical expertise", "it skills", "computer skills", "professional skills", "skills and abilities",
        "strengths", "key strengths", "tools and technologies", "technologies and tools", "kenntnisse",
        "fähigkeiten", "fachkenntnisse", "it kenntnisse", "edv kenntnisse", "kompetenzen",
        "technische kenntnisse", "fähigkeiten und kenntnisse", "kenntnisse und fähigkeiten", "compétences",
        "compétences techniques", "savoir faire", "compétences clés", "outils", "habilidades", "competencias",
        "conocimientos", "aptitudes", "habilidades técnicas", "conocimientos técnicos",
    ]),
    (Projects, &[
        "projects", "project", "personal projects", "selected projects", "key projects", "side projects",
        "academic projects", "open source", "open source projects", "projekte", "projets", "projets personnels",
        "proyectos", "proyectos personales",
    ]),
    (Certificates, &[
        "certifications", "certificates", "certification", "licenses", "licenses and certifications",
        "licences and certifications", "certifications and licenses", "courses and certifications", "courses",
        "training and certifications", "zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen",
        "certificats", "certifications professionnelles", "certificaciones", "certificados", "cursos",
    ]),
    (Languages, &[
        "languages", "language skills", "spoken languages", "language", "sprachen", "sprachkenntnisse",
        "langues", "compétences linguistiques", "idiomas", "lenguas",
    ]),
    (Awards, &[
        "awards", "honors", "honours", "honors and awards", "honours and awards", "awards and honors",
        "awards and honours", "achievements", "awards and achievements", "scholarships", "selected honors",
        "honors and achievements", "accomplishments", "auszeichnungen", "preise", "erfolge", "distinctions",
        "prix", "récompenses", "premios", "reconocimientos", "logros",
    ]),
    (Publications, &[
        "publications", "papers", "selected publications", "research papers", "publikationen",
        "veröffentlichungen", "publicaciones",
    ]),
    (Volunteer, &[
        "volunteer", "volunteering", "volunteer experience", "volunteer work", "community service",
        "community involvement", "extracurricular activities", "extracurricular activity", "extracurriculars",
        "activities", "leadership", "leadership experience", "leadership and activities", "ehrenamt",
        "ehrenamtliches engagement", "engagement", "bénévolat", "engagements", "activités", "voluntariado",
        "actividades",
    ]),
    (Interests, &[
        "interests", "hobbies", "hobbies and interests", "interests and hobbies", "personal interests",
        "interessen", "hobbys", "freizeit", "centres d intérêt", "centres d intérêts", "loisirs", "intérêts",
        "intereses", "aficiones", "pasatiempos",
    ]),
    (References, &[
        "references", "referees", "referenzen", "références", "referencias",
    ]),
    (Contact, &[
        "contact", "contacts", "contact information", "contact info", "contact details", "personal information",
        "personal details", "personal data", "persönliche daten", "kontakt", "kontaktdaten", "coordonnées",
        "informations personnelles", "datos personales", "contacto", "datos de contacto",
    ]),
];

/// Word stems that make an unknown heading-shaped line one of ours ("Relevant Work History").
#[rustfmt::skip]
const STEMS: &[(&str, SectionKind)] = &[
    ("volunteer", Volunteer), ("involvement", Volunteer), ("activities", Volunteer), ("bénévol", Volunteer),
    ("ehrenamt", Volunteer), ("voluntari", Volunteer), ("experience", Work), ("employment", Work),
    ("erfahrung", Work), ("expérience", Work), ("experiencia", Work), ("education", Education),
    ("ausbildung", Education), ("formation", Education), ("educación", Education), ("formación", Education),
    ("skill", Skills), ("kenntnisse", Skills), ("compétence", Skills), ("habilidad", Skills),
    ("project", Projects), ("projekt", Projects), ("projet", Projects), ("proyecto", Projects),
    ("certif", Certificates), ("zertifi", Certificates), ("language", Languages), ("sprach", Languages),
    ("langue", Languages), ("idioma", Languages), ("award", Awards), ("honor", Awards), ("honour", Awards),
    ("auszeichnung", Awards), ("premio", Awards), ("publication", Publications), ("publikation", Publications),
    ("interest", Interests), ("hobb", Interests), ("loisir", Interests), ("reference", References),
    ("summary", Summary), ("objective", Summary),
];

static INDEX: LazyLock<HashMap<&'static str, SectionKind>> = LazyLock::new(|| {
    VOCAB
        .iter()
        .flat_map(|(k, words)| words.iter().map(move |w| (*w, *k)))
        .collect()
});

/// Lowercase letters and digits with single spaces; `&`, `+` and `/` read as "and".
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c == '&' || c == '+' || c == '/' {
            if !out.is_empty() {
                out.push_str(" and");
            }
            space = true;
        } else {
            space = true;
        }
    }
    out
}

/// Every heading phrase of the vocabulary, normalised.
pub fn vocabulary() -> impl Iterator<Item = &'static str> {
    VOCAB.iter().flat_map(|(_, words)| words.iter().copied())
}

/// The section a heading text names exactly, if any.
pub fn vocab_kind(text: &str) -> Option<SectionKind> {
    let n = normalize(text);
    // Plain-text exports suffix headings with "Details" ("Education Details", "Skill Details").
    let n = match n.strip_suffix(" details") {
        Some(base) if !INDEX.contains_key(n.as_str()) => {
            let plural = format!("{base}s");
            if INDEX.contains_key(base) {
                base.to_string()
            } else if INDEX.contains_key(plural.as_str()) {
                plural
            } else {
                n
            }
        }
        _ => n,
    };
    if n.is_empty() || n.len() > 60 {
        return None;
    }
    if let Some(k) = INDEX.get(n.as_str()) {
        return Some(*k);
    }
    // "My Experience", "Selected Publications", "Skills & Tools": leading filler or a pair.
    let stripped = n
        .strip_prefix("my ")
        .or_else(|| n.strip_prefix("selected "))
        .or_else(|| n.strip_prefix("relevant "));
    if let Some(k) = stripped.and_then(|s| INDEX.get(s)) {
        return Some(*k);
    }
    if let Some((a, _)) = n.split_once(" and ") {
        return INDEX.get(a).copied();
    }
    None
}

/// The section an unknown heading probably means, by word stem.
pub fn stem_kind(text: &str) -> Option<SectionKind> {
    let n = normalize(text);
    STEMS.iter().find(|(s, _)| n.contains(s)).map(|(_, k)| *k)
}

/// Whether a line has the shape of a heading: short, no sentence punctuation, no contact data.
pub fn heading_shape(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim();
    let words = t.split_whitespace().count();
    if t.is_empty() || words > 6 || t.chars().count() > 50 {
        return false;
    }
    if t.ends_with(['.', ',', ';']) || t.contains('@') || t.contains("://") {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_numeric() && t.contains(|c: char| c.is_alphabetic())) {
        return false;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits <= 2
}

/// Whether the letters of `text` are all capitals (and there are at least three).
pub fn all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 3
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_in_four_languages() {
        assert_eq!(vocab_kind("WORK EXPERIENCE"), Some(Work));
        assert_eq!(vocab_kind("Berufserfahrung:"), Some(Work));
        assert_eq!(vocab_kind("Expérience professionnelle"), Some(Work));
        assert_eq!(vocab_kind("Experiencia laboral"), Some(Work));
        assert_eq!(vocab_kind("Formación académica"), Some(Education));
        assert_eq!(vocab_kind("Compétences"), Some(Skills));
        assert_eq!(vocab_kind("Honors & Awards"), Some(Awards));
        assert_eq!(vocab_kind("Centres d'intérêt"), Some(Interests));
        assert_eq!(vocab_kind("Skills & Tools"), Some(Skills));
        assert_eq!(vocab_kind("Acme Corp"), None);
        assert_eq!(vocab_kind("Education Details"), Some(Education));
        assert_eq!(vocab_kind("Skill Details"), Some(Skills));
        assert_eq!(vocab_kind("Company Details"), Some(Work));
        assert_eq!(
            stem_kind("Relevant Work History and Employment"),
            Some(Work)
        );
        assert!(heading_shape("Invited Talks"));
        assert!(!heading_shape("Built a thing."));
        assert!(all_caps("EDUCATION"));
    }
}
