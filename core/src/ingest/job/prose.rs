//! Title and company from running text, for postings pasted without a header ("We are
//! seeking a Data Scientist ...", "Acme is an equal opportunity employer").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{place, sections};

/// A capitalised name of up to six words ("Navy Federal Credit Union", "22nd Century
/// Technologies", "Procter & Gamble").
const NAME: &str = r"(?P<n>(?:[A-Z][\w&.'’-]*|\d+[A-Za-z][\w-]*)(?:\s+(?:[A-Z][\w&.'’-]*|\d+[A-Za-z]*|of|and|&|for|de|la)){0,5}(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|GmbH|AG|SA|PLC)(?-u:\b)\.?)?)";

/// A title: capitalised words, ending in a role word (cut there afterwards). A bracketed
/// abbreviation may stand inside ("Real World Evidence (RWE) Scientist").
const TITLE: &str = r"(?P<t>[A-Z][\w/&+.#()-]*(?:\s+(?:[A-Z][\w/&+.#()-]*|\([A-Z][A-Za-z&/ ]{0,30}\)|I{1,3}|IV|of|and|&|for|in|-|/)){0,8})";

/// The same in lower case ("looking for a data scientist to"): up to four words, cut at the
/// first role word and capitalised afterwards.
const LOWER: &str = r"(?P<l>[a-z][a-z&/-]*(?:\s+[a-z][a-z&/-]*){0,3})";

/// Words that may stand between an article and the title ("a talented and creative").
const ADJ: &str = r"(?:(?:talented|experienced|motivated|highly|skilled|passionate|driven|dynamic|energetic|qualified|strong|creative|curious|self-motivated|results-driven|detail-oriented|full-time|part-time|full time|part time|forward-looking|seasoned|exceptional|innovative|enthusiastic|capable|versatile|savvy|brilliant|proven|hands-on|analytical|outstanding|accomplished|first|and|new|open)[\s,]+)*";

/// Phrases that announce the role being filled.
const SEEK: &str = r"(?i:seeking|seeks|looking for|looking to hire|hiring|to hire|recruiting|searching for|in search of|need|need for|to fill|openings? for)";

static TITLE_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"{SEEK}\s+(?:an?\s+|the\s+|our\s+(?:next\s+)?)?{ADJ}(?:[a-z]+\s+)?{TITLE}"),
        format!(r"(?:^|[.!?]\s+|\s)(?i:as) (?:an?|the|our)\s+{ADJ}{TITLE}"),
        format!(r"(?:^|[.!?]\s+|\s)(?:[Tt]he|[Oo]ur)\s+{TITLE}\s+(?:is|will|role|position|you|plays|must|should|[a-z]+s)(?-u:\b)"),
        format!(r"(?:position|role|opening|vacancy|opportunity)\s+(?:of|for|as)\s+(?:an?\s+)?{ADJ}{TITLE}"),
        format!(r"(?i:serve|work|working|join (?:us|our team|the team|our \w+ team))\s+as\s+(?:an?\s+|our\s+|the\s+)?{ADJ}{TITLE}"),
        format!(r"(?:^|[.!?,]\s+)(?:An?|This|[Aa]n? |[Tt]his )\s*{ADJ}{TITLE}\s+(?:is|will|has|position|role|job|opportunity)(?-u:\b)"),
        format!(r"(?:^|[.!?]\s+)You(?:'re| are)\s+(?:an?|the|our)\s+{ADJ}{TITLE}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

/// Lower-case titles, after the strongest cues only.
static LOWER_RES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"{SEEK}\s+(?:an?\s+|the\s+|our\s+(?:next\s+)?)?{ADJ}{LOWER}"),
        format!(r"(?:^|[.!?]\s+|\n)(?i:as) (?:an?|the|our)\s+{ADJ}{LOWER}"),
        format!(r"(?i:serve|work|working)\s+as\s+(?:an?\s+|our\s+|the\s+)?{ADJ}{LOWER}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

/// A line that is nothing but a title ("Principal Data Scientist").
static TITLE_LINE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{TITLE}$")).expect("static regex"));

static ROLE_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(engineers?|developers?|programmers?|scientists?|analysts?|managers?|directors?|designers?|architects?|specialists?|consultants?|administrators?|interns?|leads?|officers?|coordinators?|associates?|assistants?|technicians?|researchers?|strategists?|advisors?|representatives?|executives?|accountants?|writers?|editors?|recruiters?|statisticians?|modelers?|modellers?|economists?|planners?|supervisors?|technologists?|biologists?|chemists?|physicists?|mathematicians?|epidemiologists?|biostatisticians?|experts?|fellows?|heads?|partners?|owners?|instructors?|i{1,3}|iv|\(.*\))$")
        .expect("static regex")
});

/// Words that never start a lower-case title ("a", "with", "team").
const NOT_LOWER: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "your",
    "to",
    "with",
    "and",
    "or",
    "of",
    "for",
    "in",
    "on",
    "at",
    "who",
    "that",
    "team",
    "member",
    "people",
    "someone",
    "individuals",
    "individual",
    "candidate",
    "candidates",
    "person",
    "talent",
    "help",
];

/// The role in running text, with the words before the role word ("Senior Data Scientist").
pub(crate) fn title<'a>(lines: impl Iterator<Item = &'a String> + Clone) -> Option<String> {
    let mut lower = None;
    for l in lines.clone().take(60) {
        for re in TITLE_RES.iter() {
            for c in re.captures_iter(l) {
                let Some(t) = c.name("t") else { continue };
                if let Some(t) = cut_at_role(t.as_str()) {
                    return Some(singular(&t));
                }
            }
        }
        if lower.is_none() && l.bytes().any(|b| b.is_ascii_lowercase()) {
            lower = LOWER_RES
                .iter()
                .flat_map(|re| re.captures_iter(l))
                .find_map(|c| c.name("l").and_then(|m| lower_title(m.as_str())));
        }
    }
    // Else a short line that is only a title, else a lower-case one from the prose.
    lines
        .take(60)
        .filter(|l| l.len() <= 80 && TITLE_LINE_RE.is_match(l.trim()))
        .find_map(|l| cut_at_role(l.trim()).filter(|t| t.split_whitespace().count() >= 2))
        .or(lower)
}

/// "data scientists to join" → "Data Scientist": the words up to the first role word, at
/// least two of them, capitalised.
fn lower_title(t: &str) -> Option<String> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let role = words
        .iter()
        .position(|w| ROLE_WORD_RE.is_match(w) && w.len() > 3)?;
    if role == 0 || words[..role].iter().any(|w| NOT_LOWER.contains(w)) {
        return None;
    }
    let cap: Vec<String> = words[..=role]
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    Some(singular(&cap.join(" ")))
}

/// "Data Scientists" → "Data Scientist": a posting names one role.
fn singular(t: &str) -> String {
    let last = t.rsplit(' ').next().unwrap_or(t);
    let lower = last.to_lowercase();
    if lower.len() > 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && ROLE_WORD_RE.is_match(last)
        && !ROLE_WORD_RE.is_match(&format!("{last}s"))
    {
        t[..t.len() - 1].to_string()
    } else {
        t.to_string()
    }
}

/// Keeps the words up to the last role word, e.g. "Data Scientist to join" → "Data Scientist".
fn cut_at_role(t: &str) -> Option<String> {
    let mut words: Vec<&str> = t.split_whitespace().collect();
    // A sentence ends inside the match ("Data Scientist. Our Data Scientists work").
    if let Some(end) = words
        .iter()
        .position(|w| w.ends_with('.') && w.len() > 4 && !w[..w.len() - 1].contains('.'))
    {
        words.truncate(end + 1);
    }
    // "Engineer/Scientist" ends in a role word too.
    let role = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        ROLE_WORD_RE.is_match(w)
            || w.rsplit('/')
                .next()
                .is_some_and(|p| ROLE_WORD_RE.is_match(p))
    };
    let last = words.iter().rposition(|w| role(w))?;
    // A title of a lone roman numeral or a bracket is no title.
    let head = words[..=last].join(" ");
    let head = head.trim_end_matches([',', '.']).to_string();
    let has_role = words[..=last]
        .iter()
        .any(|w| !w.starts_with('(') && role(w) && w.chars().count() > 3);
    has_role.then_some(head)
}

static COMPANY_RES: LazyLock<Vec<(Regex, f32)>> = LazyLock::new(|| {
    let kinds = "company|firm|leader|provider|organization|organisation|platform|startup|start-up|employer|agency|consultancy|bank|manufacturer|developer|group|institution|network|laboratory|business|nonprofit|non-profit|hospital|system|university|corporation|partner|innovator|pioneer|supplier|retailer|brand|marketplace|producer|insurer|contractor|center|centre|enterprise|team|lab|studio|practice|publisher|operator|integrator|distributor|utility";
    // "New England Biolabs (NEB) is seeking": an abbreviation may follow the name.
    let abbr = r"(?:\s+\([A-Z][\w&.-]*\))?";
    let start = r"(?:^|[.!?:]\s+|,\s+(?:[a-z]+\s+)?)";
    let rules: Vec<(String, f32)> = vec![
        (
            format!(
                r"{NAME}{abbr},?\s+(?:is|are)\s+(?:an?\s+|proud(?:ly)?\s+(?:to be\s+)?an?\s+)?(?i:equal (?:opportunity|employment)|EEO|EOE|affirmative action|E-Verify)"
            ),
            3.0,
        ),
        (
            format!(
                r"{NAME}{abbr}\s+(?:(?:is|are)\s+(?:currently\s+|actively\s+|now\s+)?(?:seeking|looking|hiring|searching|recruiting|in search)|seeks|is enrolled in E-Verify)(?-u:\b)"
            ),
            3.0,
        ),
        (
            format!(
                r"(?:(?:^|[.!?]\s+)(?:At|Join(?: us at)?|Working (?:at|@)|Welcome to)|(?i:come join|join us at|awaits at|here at|your potential at))\s+{NAME}(?:,|!|:|\s+(?:we|is|and|as|in|you|where|may)(?-u:\b)|\s*\(|\s*$)"
            ),
            2.0,
        ),
        (
            format!(
                r"{start}{NAME}{abbr}\s+(?:is|are)\s+(?:an?|the|one of the)\s+(?:[\w&'’-]+[\s,]+){{0,6}}?(?:{kinds})s?(?-u:\b)"
            ),
            2.0,
        ),
        (
            format!(r"(?i:why (?:join|consider|choose|work (?:at|for|with))|who is)\s+{NAME}\??"),
            2.0,
        ),
        (
            format!(
                r"{start}{NAME}{abbr}\s+(?:offers|provides|was founded|has been|is headquartered|helps|builds|develops|empowers|enables|delivers|specializes|works with|serves|is (?:simplifying|transforming|building|changing|revolutionizing|reinventing|redefining|focused|committed|dedicated))(?-u:\b)"
            ),
            1.0,
        ),
        (
            format!(
                r"(?:team|position|career|role|job|opportunit(?:y|ies)|work(?:ing)?|you) at\s+{NAME}(?:[,.!:]|\s+(?:is|and|as|in|you|where|which)(?-u:\b)|\s*$)"
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
pub(crate) fn company<'a>(
    lines: impl Iterator<Item = &'a String> + Clone,
    about: Option<&str>,
) -> Option<String> {
    let mut scores: HashMap<String, f32> = HashMap::new();
    // An "About Acme" heading counts as a strong phrasing.
    if let Some(n) = about.and_then(clean_name) {
        scores.insert(n, 2.0);
    }
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
    let mut cands: Vec<(String, f32, f32)> = scores
        .into_iter()
        .map(|(n, w)| {
            let recurs = text.matches(n.as_str()).count().min(6) as f32;
            (n, w, recurs)
        })
        .collect();
    // "Joby" and "Joby Aviation" are one company: the longer name takes the shorter one's
    // weight and recurrence.
    cands.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
    for i in (0..cands.len()).rev() {
        let (short, w, r) = cands[i].clone();
        if let Some(j) = (0..i)
            .find(|&j| cands[j].0.starts_with(&short) && cands[j].0[short.len()..].starts_with(' '))
        {
            cands[j].1 += w;
            cands[j].2 = cands[j].2.max(r);
            cands[i].1 = 0.0;
        }
    }
    let best = cands
        .into_iter()
        .filter(|c| c.1 > 0.0)
        .map(|(n, w, recurs)| (n, w, w + 0.5 * recurs))
        .filter(|(_, w, score)| *w >= 2.0 || *score >= 2.5)
        .max_by(|a, b| a.2.total_cmp(&b.2).then_with(|| b.0.len().cmp(&a.0.len())))?;
    Some(expand(&best.0, &text).unwrap_or(best.0))
}

/// "Lawrence Livermore National Laboratory (LLNL)": the full name of an abbreviation, where
/// the text spells it out (words walked back by hand: a regex built per call costs more than
/// the whole parse).
fn expand(abbr: &str, text: &str) -> Option<String> {
    let short = abbr.chars().count() <= 6 && !abbr.chars().any(char::is_lowercase);
    if !short {
        return None;
    }
    for (at, _) in text.match_indices(abbr) {
        let before = text[..at].trim_end();
        let before = ["NYSE:", "NASDAQ:", "the"]
            .iter()
            .find_map(|p| before.strip_suffix(p))
            .unwrap_or(before)
            .trim_end();
        let Some(before) = before.strip_suffix('(') else {
            continue;
        };
        let mut words: Vec<&str> = Vec::new();
        for w in before.split_whitespace().rev().take(8) {
            let w = w.trim_end_matches(',');
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let joiner = ["of", "and", "&", "for"].contains(&w);
            if !(capital || joiner && !words.is_empty()) {
                break;
            }
            words.push(w);
        }
        words.reverse();
        if let Some(n) = clean_name(&words.join(" ")).filter(|n| n.split_whitespace().count() >= 2)
        {
            return Some(n);
        }
    }
    None
}

/// Legal forms dropped from the end of a name found in prose.
const LEGAL_FORMS: &[&str] = &[
    "inc", "llc", "ltd", "corp", "co", "gmbh", "ag", "sa", "plc", "l.l.c",
];

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
    // "Avlino Inc." is Avlino: postings and boards name companies without the legal form.
    while words.len() > 1
        && words.last().is_some_and(|w| {
            LEGAL_FORMS.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
        })
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name
        .trim_end_matches(['.', ',', '’', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['.', ','])
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
        // Lower case, after a strong cue, capitalised and made singular.
        assert_eq!(
            title(v(&["iRobot is looking for a data scientist to help manage tests."]).iter())
                .as_deref(),
            Some("Data Scientist")
        );
        assert_eq!(
            title(v(&["As a machine learning engineer, you'll own the pipeline."]).iter())
                .as_deref(),
            Some("Machine Learning Engineer")
        );
        assert_eq!(
            title(v(&["We're looking for data scientists to join us."]).iter()).as_deref(),
            Some("Data Scientist")
        );
        assert_eq!(
            title(v(&["We are looking for a team player with grit."]).iter()),
            None
        );
        // A sentence ends inside the match; a bracketed abbreviation stays.
        assert_eq!(
            title(v(&["Acme is in search of a Data Scientist. Our Data Scientists build."]).iter())
                .as_deref(),
            Some("Data Scientist")
        );
        assert_eq!(
            title(
                v(&["We are seeking an experienced Real World Evidence (RWE) Scientist."]).iter()
            )
            .as_deref(),
            Some("Real World Evidence (RWE) Scientist")
        );
    }

    #[test]
    fn companies_from_prose() {
        let lines = v(&[
            "At Initrode, we make paper.",
            "Initrode is an equal opportunity employer.",
        ]);
        assert_eq!(company(lines.iter(), None).as_deref(), Some("Initrode"));
        let lines = v(&[
            "Navy Federal Credit Union is the world's largest credit union company.",
            "Navy Federal Credit Union offers pay.",
        ]);
        assert_eq!(
            company(lines.iter(), None).as_deref(),
            Some("Navy Federal Credit Union")
        );
        assert_eq!(
            company(v(&["We are a team.", "The role is great."]).iter(), None),
            None
        );
        // An abbreviation with its name spelled out; a legal form dropped; "About" seeds.
        let lines = v(&[
            "Come join Lawrence Livermore National Laboratory (LLNL) where we apply science.",
            "LLNL is an equal opportunity employer. LLNL is hiring.",
        ]);
        assert_eq!(
            company(lines.iter(), None).as_deref(),
            Some("Lawrence Livermore National Laboratory")
        );
        let lines = v(&["Avlino Inc. is seeking experienced data scientists."]);
        assert_eq!(company(lines.iter(), None).as_deref(), Some("Avlino"));
        let lines = v(&["Joby Aviation is building electric aircraft."]);
        assert_eq!(
            company(lines.iter(), Some("Joby")).as_deref(),
            Some("Joby Aviation")
        );
    }
}
