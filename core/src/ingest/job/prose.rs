//! Title and company from running text, for postings pasted without a header ("We are
//! seeking a Data Scientist ...", "Acme is an equal opportunity employer").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{place, sections};

/// A capitalised name of up to six words ("Navy Federal Credit Union", "22nd Century
/// Technologies", "Procter & Gamble").
const NAME: &str = r"(?P<n>(?:[A-Z][\w&.'’-]*|\d+[A-Za-z][\w-]*)(?:\s+(?:[A-Z][\w&.'’-]*|\d+[A-Za-z]*|of|and|&|for|de|la)){0,5}(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|GmbH|AG|SA|PLC)(?-u:\b)\.?)?)";

/// A title: capitalised words, ending in a role word (cut there afterwards).
const TITLE: &str =
    r"(?P<t>[A-Z][\w/&+.#()-]*(?:\s+(?:[A-Z][\w/&+.#()-]*|I{1,3}|IV|of|and|&|for|in|-|/)){0,8})";

/// Words that may stand between an article and the title ("a talented and creative").
const ADJ: &str = r"(?:(?:talented|experienced|motivated|highly|skilled|passionate|driven|dynamic|energetic|qualified|strong|creative|curious|self-motivated|results-driven|detail-oriented|full-time|part-time|forward-looking|seasoned|exceptional|innovative|enthusiastic|and|new|open)[\s,]+)*";

static TITLE_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"(?:seeking|looking for|hiring|to hire|recruiting|searching for|in search of|need|to fill)\s+(?:an?\s+|the\s+|our\s+(?:next\s+)?)?{ADJ}{TITLE}"),
        format!(r"(?:^|[.!?]\s+|\s)As (?:an?|the|our)\s+{ADJ}{TITLE}"),
        format!(r"(?:^|[.!?]\s+|\s)(?:The|Our)\s+{TITLE}\s+(?:is|will|role|position|you|plays|must|should|[a-z]+s)(?-u:\b)"),
        format!(r"(?:position|role|opening|vacancy|opportunity)\s+(?:of|for|as)\s+(?:an?\s+)?{ADJ}{TITLE}"),
        format!(r"(?:serve|work|working|join (?:us|our team|the team|our \w+ team))\s+as\s+(?:an?|our|the)\s+{ADJ}{TITLE}"),
        format!(r"(?:^|[.!?]\s+)(?:An?|This)\s+{ADJ}{TITLE}\s+(?:is|will|position|role|job|opportunity)(?-u:\b)"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

/// A line that is nothing but a title ("Principal Data Scientist").
static TITLE_LINE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{TITLE}$")).expect("static regex"));

static ROLE_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(engineers?|developers?|programmers?|scientists?|analysts?|managers?|directors?|designers?|architects?|specialists?|consultants?|administrators?|interns?|leads?|officers?|coordinators?|associates?|assistants?|technicians?|researchers?|strategists?|advisors?|representatives?|executives?|accountants?|writers?|editors?|recruiters?|statisticians?|modelers?|modellers?|economists?|planners?|supervisors?|technologists?|biologists?|chemists?|physicists?|mathematicians?|epidemiologists?|biostatisticians?|experts?|fellows?|heads?|partners?|owners?|i{1,3}|iv|\(.*\))$")
        .expect("static regex")
});

/// The role in running text, with the words before the role word ("Senior Data Scientist").
pub(crate) fn title<'a>(lines: impl Iterator<Item = &'a String> + Clone) -> Option<String> {
    for l in lines.clone().take(60) {
        for re in TITLE_RES.iter() {
            for c in re.captures_iter(l) {
                let Some(t) = c.name("t") else { continue };
                if let Some(t) = cut_at_role(t.as_str()) {
                    return Some(t);
                }
            }
        }
    }
    // Else a short line that is only a title.
    lines
        .take(60)
        .filter(|l| l.len() <= 80 && TITLE_LINE_RE.is_match(l.trim()))
        .find_map(|l| cut_at_role(l.trim()).filter(|t| t.split_whitespace().count() >= 2))
}

/// Keeps the words up to the last role word, e.g. "Data Scientist to join" → "Data Scientist".
fn cut_at_role(t: &str) -> Option<String> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = words
        .iter()
        .rposition(|w| ROLE_WORD_RE.is_match(w.trim_end_matches([',', '.'])))?;
    // A title of a lone roman numeral or a bracket is no title.
    let head = words[..=last].join(" ");
    let head = head.trim_end_matches([',', '.']).to_string();
    let has_role = words[..=last].iter().any(|w| {
        !w.starts_with('(')
            && ROLE_WORD_RE.is_match(w.trim_end_matches([',', '.']))
            && w.chars().count() > 3
    });
    has_role.then_some(head)
}

static COMPANY_RES: LazyLock<Vec<(Regex, f32)>> = LazyLock::new(|| {
    let kinds = "company|firm|leader|provider|organization|organisation|platform|startup|start-up|employer|agency|consultancy|bank|manufacturer|developer|group|institution|network|laboratory|business|nonprofit|non-profit|hospital|system|university|corporation|partner|innovator|pioneer|supplier|retailer|brand|marketplace|producer|insurer|contractor|center|centre|enterprise|team|lab|studio|practice|publisher|operator|integrator|distributor|utility";
    let rules: Vec<(String, f32)> = vec![
        (
            format!(
                r"{NAME}\s+is\s+(?:an?\s+|proud(?:ly)?\s+(?:to be\s+)?an?\s+)?(?:equal (?:opportunity|employment)|EEO|EOE|affirmative action|E-Verify)"
            ),
            3.0,
        ),
        (
            format!(
                r"{NAME}\s+(?:is|are)\s+(?:currently\s+|actively\s+|now\s+)?(?:seeking|looking|hiring|searching|recruiting)(?-u:\b)"
            ),
            3.0,
        ),
        (
            format!(
                r"(?:^|[.!?]\s+)(?:At|Join)\s+{NAME}(?:,|!|\s+(?:we|is|and|as|in|you)(?-u:\b))"
            ),
            2.0,
        ),
        (
            format!(
                r"(?:^|[.!?]\s+){NAME}\s+(?:is|are)\s+(?:an?|the|one of the)\s+(?:[\w&'’-]+[\s,]+){{0,6}}?(?:{kinds})s?(?-u:\b)"
            ),
            2.0,
        ),
        (format!(r"Why (?:join|work (?:at|for|with))\s+{NAME}"), 2.0),
        (
            format!(
                r"(?:^|[.!?]\s+){NAME}\s+(?:offers|provides|was founded|has been|is headquartered|helps|builds|develops|empowers|enables|delivers|specializes|works with|serves)(?-u:\b)"
            ),
            1.0,
        ),
    ];
    rules
        .into_iter()
        .map(|(p, w)| (Regex::new(&p).expect("static regex"), w))
        .collect()
});

const NOT_NAMES: &[&str] = &[
    "We",
    "Our",
    "The",
    "This",
    "You",
    "It",
    "They",
    "He",
    "She",
    "Candidates",
    "Applicants",
    "Each",
    "Why",
    "Who",
    "What",
    "Job",
    "Position",
    "Role",
    "Company",
    "Team",
    "Department",
    "Here",
    "There",
    "That",
    "These",
    "Those",
    "Everyone",
    "Everything",
    "All",
    "Successful",
    "Ideal",
    "Applicant",
    "Candidate",
    "Employee",
    "Employees",
    "Benefits",
    "Description",
    "Summary",
    "If",
    "As",
    "In",
    "At",
    "Today",
    "Now",
    "Currently",
    "Founded",
    "Located",
    "Headquartered",
    "Based",
    "Inc",
    "Inc.",
    "LLC",
    "Ltd",
    "Corp",
];

/// The company named in running text: candidates from phrasing ("X is an equal opportunity
/// employer", "At X, we"), weighed by the phrasing and by how often the name recurs.
pub(crate) fn company<'a>(lines: impl Iterator<Item = &'a String> + Clone) -> Option<String> {
    let mut scores: HashMap<String, f32> = HashMap::new();
    for l in lines.clone().take(200) {
        for (re, weight) in COMPANY_RES.iter() {
            for c in re.captures_iter(l) {
                let Some(n) = c.name("n").and_then(|m| clean_name(m.as_str())) else {
                    continue;
                };
                *scores.entry(n).or_insert(0.0) += weight;
            }
        }
    }
    if scores.is_empty() {
        return None;
    }
    let text: String = lines
        .take(200)
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let best = scores
        .into_iter()
        .map(|(n, w)| {
            let recurs = text.matches(n.as_str()).count().min(6) as f32;
            let score = w + 0.5 * recurs;
            (n, w, score)
        })
        .filter(|(_, w, score)| *w >= 2.0 || *score >= 2.5)
        .max_by(|a, b| a.2.total_cmp(&b.2).then_with(|| b.0.len().cmp(&a.0.len())))?;
    Some(best.0)
}

fn clean_name(raw: &str) -> Option<String> {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while words.first().is_some_and(|w| NOT_NAMES.contains(w))
        && words.len() > 1
        && words[0] != "The"
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| ["of", "and", "&", "for", "de", "la"].contains(w))
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name
        .trim_end_matches(['.', ',', '’', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    let first = words.first()?;
    if name.is_empty()
        || NOT_NAMES.contains(first) && words.len() == 1
        || (first == &"The" && words.len() < 2)
    {
        return None;
    }
    if NOT_NAMES.contains(first) && *first != "The" {
        return None;
    }
    if place::is_location(&name)
        || sections::kind_of(&name).is_some()
        || cut_at_role(&name).is_some()
    {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn titles_from_prose() {
        assert_eq!(
            title(v(&["We are currently seeking a Data Scientist to join our team."]).iter())
                .as_deref(),
            Some("Data Scientist")
        );
        assert_eq!(
            title(v(&["The Senior Data Scientist is responsible for models."]).iter()).as_deref(),
            Some("Senior Data Scientist")
        );
        assert_eq!(
            title(
                v(&["Acme is hiring a highly motivated Machine Learning Engineer II in Boston"])
                    .iter()
            )
            .as_deref(),
            Some("Machine Learning Engineer II")
        );
        assert_eq!(title(v(&["We are looking for Talent."]).iter()), None);
    }

    #[test]
    fn companies_from_prose() {
        let lines = v(&[
            "At Initrode, we make paper.",
            "Initrode is an equal opportunity employer.",
        ]);
        assert_eq!(company(lines.iter()).as_deref(), Some("Initrode"));
        let lines = v(&[
            "Navy Federal Credit Union is the world's largest credit union company.",
            "Navy Federal Credit Union offers pay.",
        ]);
        assert_eq!(
            company(lines.iter()).as_deref(),
            Some("Navy Federal Credit Union")
        );
        assert_eq!(
            company(v(&["We are a team.", "The role is great."]).iter()),
            None
        );
    }
}
