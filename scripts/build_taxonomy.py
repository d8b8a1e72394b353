#!/usr/bin/env python3
"""Regenerate core/data/skills/skills.tsv, the skills taxonomy that ships in the crate.

Inputs:
  core/data/skills/curated.txt                 hand-curated core (names, categories, aliases, related)
  ../shared/data/taxonomy/onet/Technology_Skills.txt   O*NET 30 Technology Skills (CC BY 4.0)
  ../shared/data/taxonomy/esco/esco_v1.1.0_skills_en_label.txt  ESCO v1.1.0 labels (EC, attribution)

Output: core/data/skills/skills.tsv, one skill a line (line number - 1 is its SkillId):
  name <TAB> category <TAB> flags <TAB> aliases (;) <TAB> related ids (,)
flags: c/o/e = source (curated, O*NET, ESCO), h = O*NET Hot Technology.
A surface form prefixed with ~ counts in text only in context; ! = lookup only, never matched.

The output is committed, so building the crate needs no Python. Run from the repository root:
  python3 scripts/build_taxonomy.py [--shared ../shared/data]
"""
import argparse
import collections
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "core", "data", "skills")

# O*NET products outside the curated core are kept when at least this many occupations list
# them (or O*NET flags them Hot Technology / In Demand).
ONET_MIN_OCCUPATIONS = 8
# ESCO labels kept: noun phrases of 2..4 words, and verb-first phrases of 2..3 words whose verb is
# a transversal one ("work independently", "make decisions"); see SOURCES.md for why.
ESCO_MAX_NOUN_WORDS = 4
ESCO_MAX_VERB_WORDS = 3

VENDORS = [
    "Microsoft", "Oracle", "Adobe", "Apache", "Amazon", "Google", "IBM", "Autodesk", "Atlassian",
    "SAP", "The MathWorks", "Dassault Systemes", "ESRI", "Intuit", "Apple", "Red Hat", "Cisco",
    "Corel", "Bentley", "Trimble", "National Instruments", "PTC", "Siemens", "Salesforce",
    "StataCorp", "Qlik Tech", "Blackbaud", "Sage", "Epic Systems", "Hewlett Packard", "HP",
    "VMware", "Eclipse", "Kronos", "NortonLifeLock", "McAfee", "Infor", "Unit4", "Wolters Kluwer",
    "Thomson Reuters", "Bloomberg", "Minitab", "Tableau", "Alteryx", "Cloudera", "Elastic",
    "Sun Microsystems", "Hewlett-Packard", "Unity Technologies", "Unreal Technology", "Grafana Labs",
    "Portswigger", "Tenable", "Pixologic", "MathWorks", "Maxon", "TIBCO", "Wolfram Research",
    "Avid Technology", "TechSmith", "Mozilla", "Perforce", "Quest", "Veritas", "LogMeIn", "Mathsoft",
    "Maplesoft", "McNeel", "Ansys", "SideFX", "Medidata", "Articulate", "Qualtrics", "Ahrefs",
]
# O*NET names that are not skills a posting would ask for by that word alone.
ONET_DENY = {"Google"}
# Product names that are also everyday words or places (the vocabulary below misses them).
EVERYDAY_WORDS = {
    "publisher", "painter", "inventor", "jersey", "safari", "quicken", "blogger", "imagine", "domino",
    "flex", "seesaw", "loom", "blink", "maple", "atoll", "rave", "storyline", "fluent", "snort",
    "canvas", "notes", "exchange", "meet", "sites", "classroom", "audition", "inventor", "harvest",
}

# O*NET commodity titles to taxonomy categories.
COMMODITY_CATEGORY = [
    ("video conferencing", "office"), ("instant messaging", "office"),
    ("data base management", "database"), ("data base", "data"), ("analytical or scientific", "data"),
    ("business intelligence", "data"), ("development environment", "tool"), ("object or component", "language"),
    ("web platform", "web"), ("web page", "web"), ("operating system", "os"), ("network", "devops"),
    ("configuration management", "devops"), ("program testing", "testing"), ("cloud", "cloud"),
    ("computer aided", "design"), ("graphics", "design"), ("video", "design"), ("desktop publishing", "design"),
    ("music", "design"), ("video conferencing", "office"), ("instant messaging", "office"), ("medical", "healthcare"), ("enterprise resource", "business"),
    ("accounting", "business"), ("financial", "business"), ("customer relationship", "business"),
    ("human resources", "business"), ("project management", "business"), ("point of sale", "business"),
    ("inventory", "business"), ("materials requirements", "business"), ("sales and marketing", "business"),
    ("tax", "business"), ("spreadsheet", "office"), ("word processing", "office"), ("presentation", "office"),
    ("office suite", "office"), ("electronic mail", "office"), ("calendar", "office"), ("document management", "office"),
    ("geographic", "data"), ("map creation", "data"), ("industrial control", "engineering"),
    ("security", "security"), ("transaction security", "security"), ("compiler", "language"),
    ("enterprise application integration", "data"), ("information retrieval", "data"),
]

# ESCO labels that name something else than the curated skill with the same key.
ESCO_DENY = {
    "ML (computer programming)", "LESS", "APL", "plan", "troubleshoot",
    # Phrases of job-ad boilerplate rather than skills.
    "application process", "company policies", "office equipment", "household products",
    "process data", "business knowledge",
}

# Imperative verbs that head ESCO skill labels less than 15 times (the frequent heads are found
# by count); read off the label list by hand.
ESCO_EXTRA_VERBS = set("""
draft lay deal direct engage load model prescribe attach detect recommend give enforce dispose
transport schedule finish match meet cope order issue explain wash replace decide think secure
grade move improve fill purchase weigh screen counsel facilitate pack obtain adhere polish verify
mark insert represent gather construct add address preserve plant regulate fish restore
recognise encourage calibrate coach edit solve utilise shape anticipate compare trade receive
track stay consider complete balance cooperate mount distinguish fit sew discuss find change
describe cook dry practice run label register interview connect paint influence act search update
harvest respect propose distribute pour advocate compose tune supply disseminate motivate allocate
clear advertise react revise formulate recruit extract program separate practise adopt pump stack
stock display differentiate post-process optimise employ assign plot cast serve dye answer hire
customise grind align decorate fasten follow-up coat transcribe convert approve memorise sand
assume configure unload audit fabricate put sterilise focus stimulate be send strive lift conform
sort devise acquire filter fix resolve safeguard disassemble watch pose brief escort spot procure
rig reduce press have initiate synthesise compute conserve dismantle classify thread spray modify
log correct trace empathise brush rescue trim slaughter weld accept cultivate wear tolerate style
rehearse reinforce solder exert shunt minimise restrict wire specialise inspire enable dispatch
welcome synchronise join wax visit speak archive empower rinse hang discharge evacuate foster
satisfy buy cool avoid dig rewrite screw bake bind moderate lacquer park mould sketch blend steer
validate call enhance preset listen mentor package refer prioritise
""".split())

ESCO_SOFT_HEADS = {
    "work", "communicate", "lead", "show", "adapt", "think", "manage", "cope", "demonstrate",
    "make", "take", "meet", "solve", "motivate", "tell", "collaborate", "negotiate", "respect",
}
ESCO_CATEGORY_WORDS = [
    (("ICT", "software", "computer", "programming", "web", "network", "cloud", "cyber", "database",
      "digital", "internet", "online", "algorithm", "system"), "it"),
    (("data", "statistic", "analytics", "mining", "information"), "data"),
    (("market", "sales", "financ", "account", "business", "budget", "customer", "contract", "tax",
      "invest", "procurement", "supply", "project", "staff", "team", "company", "strateg"), "business"),
]


def key(s: str) -> str:
    """Normalised lookup key: lowercase letters and digits plus + and #; everything else dropped."""
    return "".join(c for c in s.lower() if c.isalnum() or c in "+#")


def plain(form: str) -> str:
    return form.lstrip("~!")


class Skill:
    def __init__(self, name, category, source):
        self.name, self.category, self.source = name, category, source
        self.aliases = []
        self.related_names = []
        self.hot = False

    def forms(self):
        return [self.name] + self.aliases


def load_curated(path):
    skills, problems = [], []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            problems.append(f"curated.txt:{n}: expected 4 fields, got {len(parts)}")
            continue
        s = Skill(parts[0], parts[1], "c")
        s.aliases = [a.strip() for a in parts[2].split(";") if a.strip()]
        s.related_names = [r.strip() for r in parts[3].split(";") if r.strip()]
        skills.append(s)
    return skills, problems


def split_acronym(name):
    """'Structured query language SQL' -> ('Structured query language', 'SQL')."""
    toks = name.split()
    if len(toks) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", toks[-1]):
        return " ".join(toks[:-1]), toks[-1]
    return None, None


def strip_vendor(name):
    for v in sorted(VENDORS, key=len, reverse=True):
        if name.startswith(v + " ") and len(name) > len(v) + 1 and not name[len(v) + 1].isdigit():
            return name[len(v) + 1:]
    return None


def is_generic(name):
    """Descriptions such as 'Word processing software', not product names."""
    base = re.sub(r"\s+(software|systems?)$", "", name)
    exp, _ = split_acronym(base)
    if exp:
        base = exp
    toks = base.split()
    if name.endswith(" software") and len(toks) == 1 and toks[0][1:].islower():
        return True
    return len(toks) >= 2 and all(t.islower() or not t[0].isalpha() for t in toks[1:])


def distinctive(alias, vocabulary):
    """A derived name that is safe to match anywhere: several words, CamelCase or an acronym of 4+
    letters, or a long word that is not an English word."""
    if " " in alias:
        return True
    low = alias.lower()
    if len(alias) <= 3 or low in vocabulary or low in EVERYDAY_WORDS:
        return False
    if re.search(r"[a-z][A-Z]|\d|[.+#]", alias) or alias.isupper():
        return True
    return len(alias) > 5


def commodity_category(title):
    t = title.lower()
    for needle, cat in COMMODITY_CATEGORY:
        if needle in t:
            return cat
    return "software"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    args = ap.parse_args()

    skills, problems = load_curated(os.path.join(DATA, "curated.txt"))
    owner = {}  # key -> skill index

    def claim(k, idx, form, strict):
        if not k:
            return False
        if k in owner and owner[k] != idx:
            if strict:
                problems.append(f"'{form}' ({skills[idx].name}) collides with {skills[owner[k]].name}")
            return False
        owner[k] = idx
        return True

    for i, s in enumerate(skills):
        s.aliases = [a for a in s.aliases if claim(key(plain(a)), i, a, True) or key(plain(a)) == key(plain(s.name))]
        claim(key(plain(s.name)), i, s.name, True)
        seen = set()
        uniq = []
        for a in s.aliases:
            if a not in seen and a != s.name:
                seen.add(a)
                uniq.append(a)
        s.aliases = uniq

    # O*NET Technology Skills.
    onet_path = os.path.join(args.shared, "taxonomy", "onet", "Technology_Skills.txt")
    stats = collections.Counter()
    with open(onet_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    occ = collections.defaultdict(set)
    info = {}
    for r in rows:
        e = r["Example"].strip()
        occ[e].add(r["O*NET-SOC Code"])
        hot, dem = r["Hot Technology"] == "Y", r["In Demand"] == "Y"
        prev = info.get(e, (False, False, r["Commodity Title"]))
        info[e] = (prev[0] or hot, prev[1] or dem, prev[2])
    # English words, to tell "Exchange" (a word) from "Dreamweaver" (a product) when a vendor
    # prefix is stripped: the vocabulary of O*NET occupation descriptions and ESCO labels.
    vocabulary = set()
    occ_path = os.path.join(args.shared, "taxonomy", "onet", "Occupation_Data.txt")
    esco_path = os.path.join(args.shared, "taxonomy", "esco", "esco_v1.1.0_skills_en_label.txt")
    with open(occ_path, encoding="utf-8") as f:
        vocabulary.update(w for w in re.findall(r"[A-Za-z]+", f.read()) if w.islower())
    with open(esco_path, encoding="utf-8") as f:
        # Lowercase words of multi-word labels: single-word labels are often product names.
        for line in f:
            if " " in line.strip():
                vocabulary.update(w for w in re.findall(r"[A-Za-z]+", line) if w.islower())
    for e in sorted(info, key=lambda x: (-len(occ[x]), x)):
        hot, dem, commodity = info[e]
        if e in ONET_DENY:
            continue
        base = re.sub(r"\s+software$", "", e)
        paren = re.search(r"\((.*?)\)", base)
        if paren:
            base = re.sub(r"\s*\(.*?\)", "", base).strip()
        exp, acr = split_acronym(base)
        stripped = strip_vendor(base)
        if paren and not acr and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", paren.group(1)):
            acr = paren.group(1)
        cands = [e, base, stripped, acr, exp, strip_vendor(exp) if exp else None]
        hit = next((owner[key(c)] for c in cands if c and key(c) in owner), None)
        if hit is not None:
            s = skills[hit]
            s.hot |= hot
            stats["onet_matched"] += 1
            if not is_generic(e) and claim(key(e), hit, e, False) and e != s.name and e not in s.aliases:
                s.aliases.append(e)
            continue
        if is_generic(e):
            stats["onet_generic"] += 1
            continue
        if not (hot or dem or len(occ[e]) >= ONET_MIN_OCCUPATIONS):
            stats["onet_rare"] += 1
            continue
        idx = len(skills)
        s = Skill(base if distinctive(base, vocabulary) else "~" + base, commodity_category(commodity), "o")
        s.hot = hot
        if not claim(key(base), idx, base, False):
            continue
        skills.append(s)
        stats["onet_added"] += 1
        for alias in (e, stripped, acr, exp):
            if not alias or alias == plain(s.name):
                continue
            if not claim(key(alias), idx, alias, False):
                continue
            # A shortened name that is an everyday word ("Exchange", "Notes") is for lookup only.
            if alias in (stripped, acr) and not distinctive(alias, vocabulary):
                alias = "!" + alias
            s.aliases.append(alias)

    # ESCO labels.
    labels = [l.strip() for l in open(esco_path, encoding="utf-8") if l.strip()]
    heads = collections.Counter(l.split()[0].lower() for l in labels)
    verbs = {w for w, c in heads.items() if c >= 15 and not w.endswith(("al", "ic", "s"))}
    verbs |= ESCO_EXTRA_VERBS
    verbs -= {"ict", "food", "animal", "clinical", "medical", "electrical", "international", "manufacturing"}
    for label in labels:
        if label in ESCO_DENY:
            stats["esco_denied"] += 1
            continue
        inner = re.sub(r"\s*\(.*?\)\s*", " ", label).strip()
        k = key(inner)
        if k in owner:
            s = skills[owner[k]]
            stats["esco_matched"] += 1
            if label != s.name and label not in map(plain, s.aliases) and claim(key(label), owner[k], label, False):
                s.aliases.append(label if len(label.split()) > 1 else "!" + label)
            continue
        words = label.split()
        if "(" in label or len(words) < 2:
            stats["esco_single_or_paren"] += 1
            continue
        verb = words[0].lower() in verbs
        # "manage time", "make decisions" are transversal; "manage forests", "make paper slurry"
        # are not, so those heads keep two-word labels with a transversal object only.
        concrete = {"manage", "make", "take", "negotiate", "adapt", "lead", "communicate", "demonstrate"}
        if verb and (words[0].lower() not in ESCO_SOFT_HEADS or (len(words) > 2 and words[0].lower() in concrete)):
            stats["esco_verb_phrase"] += 1
            continue
        if len(words) > (ESCO_MAX_VERB_WORDS if verb else ESCO_MAX_NOUN_WORDS):
            stats["esco_long"] += 1
            continue
        idx = len(skills)
        if not claim(k, idx, label, False):
            continue
        cat = "domain"
        if verb and words[0].lower() in ESCO_SOFT_HEADS - concrete:
            cat = "soft"
        for needles, c in ESCO_CATEGORY_WORDS:
            if any(n.lower() in label.lower() for n in needles):
                cat = c
                break
        skills.append(Skill(label, cat, "e"))
        stats["esco_added"] += 1

    # Related links by name.
    index = {}
    for i, s in enumerate(skills):
        for f in s.forms():
            index.setdefault(key(plain(f)), i)
    out = []
    for i, s in enumerate(skills):
        rel = []
        for r in s.related_names:
            j = index.get(key(r))
            if j is None:
                problems.append(f"{s.name}: related skill '{r}' is not in the taxonomy")
            elif j != i and j not in rel:
                rel.append(j)
        flags = s.source + ("h" if s.hot else "")
        for field in [s.name, s.category] + s.aliases:
            if any(c in field for c in "\t\n;"):
                problems.append(f"{s.name}: field '{field}' contains a separator")
        out.append("\t".join([s.name, s.category, flags, ";".join(s.aliases), ",".join(map(str, rel))]))

    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    dest = os.path.join(DATA, "skills.tsv")
    with open(dest, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    by_source = collections.Counter(s.source for s in skills)
    print(f"wrote {dest}: {len(skills)} skills ({dict(by_source)}), {os.path.getsize(dest)} bytes")
    print(dict(stats))


if __name__ == "__main__":
    main()
