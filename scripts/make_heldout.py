#!/usr/bin/env python3
"""Generates held-out resumes in layouts the parser was not tuned on, with ground truth.

Writes tests/fixtures/heldout/<family>-<nn>-<slug>.{pdf,docx,txt} and a `.truth.json` beside
each (name, email, phone, work[] company/position/start/end, institutions, skills; dates ISO
"YYYY" or "YYYY-MM", an ongoing role ends "present"). Families:

- `typst1`: one-column PDFs compiled with the `typst` PyPI package (built-in fonts only);
- `typst2`: two-column PDFs (sidebar with contact and skills, main column with experience);
- `docx`: Word documents made with python-docx (heading styles, bullet lists, a layout in a
  table, contact details in the page header, bold-caps headings without styles);
- `txt`: plain-text exports (LinkedIn-style copy, underlined headings, bare lines).

Deterministic: the same script gives the same bytes (fixed DOCX zip dates and core properties).
Run with the project venv: `/root/.cache/career-copilot/venv/bin/python scripts/make_heldout.py`.
"""

import io
import json
import os
import zipfile
from datetime import datetime

import typst
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "heldout")

# ---------------------------------------------------------------------------------------------
# People. Dates are (year, month) tuples; None as end means ongoing.

PEOPLE = [
    dict(
        slug="montoya",
        name="Zoë Aurelia Montoya-Ruiz",
        email="zoe.montoya@example.org",
        phone="+34 612 345 678",
        city="Valencia, Spain",
        title="Backend Engineer",
        summary="Backend engineer who likes queues, payments and quiet on-call rotations.",
        jobs=[
            dict(company="Cobalto Pagos S.L.", position="Senior Backend Engineer", start=(2021, 4), end=None,
                 city="Valencia", bullets=["Led the move of settlement jobs to an event queue.",
                                           "Cut reconciliation time from hours to minutes."]),
            dict(company="Naranja Logistics", position="Software Engineer", start=(2018, 9), end=(2021, 3),
                 city="Madrid", bullets=["Built route planning services in Go and PostgreSQL."]),
            dict(company="Universitat Politècnica de València", position="Research Assistant",
                 start=(2017, 2), end=(2018, 7), city="Valencia",
                 bullets=["Wrote simulation tooling for traffic research."]),
        ],
        edu=[dict(inst="Universitat de València", degree="BSc Computer Engineering", start=(2013, 9),
                  end=(2017, 6), gpa="8.7/10")],
        skills={"Languages": ["Go", "Python", "SQL"], "Infrastructure": ["Kubernetes", "Terraform", "Kafka"]},
    ),
    dict(
        slug="ferrand",
        name="Jean-Luc Ferrand",
        email="jl.ferrand@example.fr",
        phone="+33 6 12 34 56 78",
        city="Lyon, France",
        title="Data Scientist",
        summary="Data scientist focused on demand forecasting for retail.",
        jobs=[
            dict(company="Maison Lumière", position="Lead Data Scientist", start=(2020, 1), end=None,
                 city="Lyon", bullets=["Built the weekly demand forecast used by 300 stores.",
                                       "Mentored four analysts."]),
            dict(company="Banque Rhône-Alpes", position="Data Analyst", start=(2016, 10), end=(2019, 12),
                 city="Grenoble", bullets=["Automated credit risk reports with Python and Airflow."]),
        ],
        edu=[dict(inst="École Centrale de Lyon", degree="Diplôme d'ingénieur", start=(2013, 9), end=(2016, 6),
                  gpa=None),
             dict(inst="Lycée du Parc", degree="Classes préparatoires MP", start=(2011, 9), end=(2013, 6),
                  gpa=None)],
        skills={"Langages": ["Python", "R", "SQL"], "Outils": ["pandas", "scikit-learn", "Airflow", "Tableau"]},
    ),
    dict(
        slug="schaefer",
        name="Katharina Schäfer",
        email="k.schaefer@example.de",
        phone="+49 151 23456789",
        city="München",
        title="Embedded Software Engineer",
        summary="Embedded engineer for automotive control units, from drivers to test benches.",
        jobs=[
            dict(company="Brenner Automotive GmbH", position="Senior Embedded Engineer", start=(2022, 3),
                 end=None, city="München", bullets=["Owned the CAN driver stack of two ECU generations."]),
            dict(company="Voltwerk AG", position="Embedded Software Developer", start=(2019, 1), end=(2022, 2),
                 city="Stuttgart", bullets=["Wrote motor control firmware in C for battery systems.",
                                            "Built hardware-in-the-loop tests with Python."]),
            dict(company="Fraunhofer IIS", position="Working Student", start=(2017, 4), end=(2018, 12),
                 city="Erlangen", bullets=["Prototyped signal processing on ARM Cortex-M."]),
            dict(company="Siebert Elektronik", position="Intern", start=(2016, 7), end=(2016, 9),
                 city="Nürnberg", bullets=["Tested power supply boards."]),
        ],
        edu=[dict(inst="Technische Universität München", degree="M.Sc. Elektrotechnik", start=(2016, 10),
                  end=(2018, 12), gpa="1,4"),
             dict(inst="Friedrich-Alexander-Universität Erlangen-Nürnberg", degree="B.Sc. Elektrotechnik",
                  start=(2013, 10), end=(2016, 9), gpa=None)],
        skills={"Programmiersprachen": ["C", "C++", "Python"], "Werkzeuge": ["CANoe", "Git", "Jenkins"]},
    ),
    dict(
        slug="oneill",
        name="Marcus O'Neill",
        email="marcus.oneill@example.com",
        phone="+1 (415) 555-0142",
        city="San Francisco, CA",
        title="Engineering Manager",
        summary="Engineering manager with a background in distributed systems and developer tooling.",
        jobs=[
            dict(company="Harborline Systems", position="Engineering Manager", start=(2022, 6), end=None,
                 city="San Francisco, CA", bullets=["Manage two teams of eleven engineers.",
                                                    "Introduced quarterly planning and on-call reviews."]),
            dict(company="Quillfeather", position="Staff Software Engineer", start=(2019, 2), end=(2022, 5),
                 city="Oakland, CA", bullets=["Designed the sync protocol for offline editing."]),
            dict(company="Tidewater Analytics", position="Senior Software Engineer", start=(2016, 8),
                 end=(2019, 1), city="Seattle, WA", bullets=["Scaled ingestion to 2 billion events a day."]),
            dict(company="Brightpath Labs", position="Software Engineer", start=(2014, 6), end=(2016, 7),
                 city="Boston, MA", bullets=["Built internal tooling in Java and React."]),
            dict(company="Northeastern University", position="Teaching Assistant", start=(2013, 1),
                 end=(2014, 5), city="Boston, MA", bullets=["Ran labs for the algorithms course."]),
        ],
        edu=[dict(inst="Northeastern University", degree="B.S. Computer Science", start=(2010, 9), end=(2014, 5),
                  gpa="3.8/4.0")],
        skills={"": ["Java", "Go", "React", "PostgreSQL", "AWS", "Kubernetes", "gRPC"]},
    ),
    dict(
        slug="raghunathan",
        name="Priya Raghunathan",
        email="priya.r@example.in",
        phone="+91 98765 43210",
        city="Bengaluru, India",
        title="Frontend Developer",
        summary="Frontend developer building accessible design systems.",
        jobs=[
            dict(company="Kestrel Commerce", position="Frontend Developer", start=(2021, 7), end=None,
                 city="Bengaluru", bullets=["Built the component library used by six product teams.",
                                            "Raised the accessibility audit score to 98."]),
        ],
        edu=[dict(inst="Indian Institute of Technology Madras", degree="B.Tech. Computer Science",
                  start=(2017, 7), end=(2021, 5), gpa="9.1/10")],
        skills={"": ["TypeScript", "React", "CSS", "Storybook", "Jest"]},
    ),
    dict(
        slug="aberg",
        name="Søren Åberg",
        email="soren.aberg@example.se",
        phone="+46 70 123 45 67",
        city="Göteborg, Sweden",
        title="Site Reliability Engineer",
        summary="SRE who automates the boring parts and writes the runbooks.",
        jobs=[
            dict(company="Fjordline Energy", position="Site Reliability Engineer", start=(2020, 9), end=None,
                 city="Göteborg", bullets=["Run the Kubernetes platform for 40 services.",
                                           "Halved paging volume with better alerts."]),
            dict(company="Nordvik Telecom", position="Systems Administrator", start=(2015, 3), end=(2020, 8),
                 city="Malmö", bullets=["Managed Linux fleets with Ansible."]),
        ],
        edu=[dict(inst="Chalmers University of Technology", degree="MSc Computer Systems and Networks",
                  start=(2013, 8), end=(2015, 1), gpa=None)],
        skills={"Cloud": ["AWS", "Kubernetes", "Prometheus"], "Scripting": ["Bash", "Python", "Ansible"]},
    ),
    dict(
        slug="oliveira",
        name="Ana-María Oliveira Duarte",
        email="ana.oliveira@example.com.br",
        phone="+55 11 91234-5678",
        city="São Paulo, Brazil",
        title="Product Designer",
        summary="Product designer turning research into interfaces people can use on slow phones.",
        jobs=[
            dict(company="Pitanga Saúde", position="Senior Product Designer", start=(2022, 1), end=None,
                 city="São Paulo", bullets=["Redesigned appointment booking; completion rose by a third."]),
            dict(company="Ipê Bank", position="Product Designer", start=(2019, 5), end=(2021, 12),
                 city="Curitiba", bullets=["Designed the onboarding flow for the mobile app.",
                                           "Ran weekly usability tests."]),
            dict(company="Studio Jabuticaba", position="UX Designer", start=(2017, 3), end=(2019, 4),
                 city="São Paulo", bullets=["Built design systems for agency clients."]),
        ],
        edu=[dict(inst="Universidade de São Paulo", degree="Bachelor of Design", start=(2012, 2),
                  end=(2016, 12), gpa=None)],
        skills={"Design": ["Figma", "Sketch", "Prototyping"], "Research": ["Usability Testing", "Surveys"]},
    ),
    dict(
        slug="nguyen",
        name="Thomas Nguyễn",
        email="thomas.nguyen@example.co.uk",
        phone="+44 7700 900123",
        city="Manchester, UK",
        title="Machine Learning Engineer",
        summary="ML engineer shipping ranking models and the pipelines that feed them.",
        jobs=[
            dict(company="Larkspur Media", position="Machine Learning Engineer", start=(2021, 10), end=None,
                 city="Manchester", bullets=["Own the feed ranking model and its offline evaluation.",
                                             "Moved training to PyTorch and Kubeflow."]),
            dict(company="Quayside Insurance", position="Data Engineer", start=(2018, 8), end=(2021, 9),
                 city="Leeds", bullets=["Built Spark pipelines for claims data."]),
        ],
        edu=[dict(inst="University of Edinburgh", degree="MSc Artificial Intelligence", start=(2017, 9),
                  end=(2018, 8), gpa=None),
             dict(inst="University of Leeds", degree="BSc Mathematics", start=(2014, 9), end=(2017, 6),
                  gpa="First Class")],
        skills={"": ["Python", "PyTorch", "Spark", "SQL", "Kubeflow", "Docker"]},
    ),
]

# ---------------------------------------------------------------------------------------------
# Languages: headings, month names and the word for "present".

LANG = {
    "en": dict(work="Experience", edu="Education", skills="Skills", summary="Summary", contact="Contact",
               present="Present", months=["January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"]),
    "en2": dict(work="Professional Experience", edu="Education", skills="Technical Skills",
                summary="Profile", contact="Contact", present="Current",
                months=["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
    "de": dict(work="Berufserfahrung", edu="Ausbildung", skills="Kenntnisse", summary="Profil",
               contact="Kontakt", present="heute",
               months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                       "Oktober", "November", "Dezember"]),
    "fr": dict(work="Expérience professionnelle", edu="Formation", skills="Compétences",
               summary="Profil", contact="Contact", present="aujourd'hui",
               months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                       "octobre", "novembre", "décembre"]),
    "es": dict(work="Experiencia profesional", edu="Educación", skills="Habilidades", summary="Perfil",
               contact="Contacto", present="Actualidad",
               months=["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                       "octubre", "noviembre", "diciembre"]),
}


def fmt_date(d, style, lang):
    """One date: `month` (March 2021), `num` (03/2021), `iso` (2021-03), `dot` (03.2021)."""
    y, m = d
    if style == "month":
        return f"{LANG[lang]['months'][m - 1]} {y}"
    if style == "num":
        return f"{m:02d}/{y}"
    if style == "dot":
        return f"{m:02d}.{y}"
    return f"{y}-{m:02d}"


def fmt_range(a, b, style, lang, dash=" – "):
    end = LANG[lang]["present"] if b is None else fmt_date(b, style, lang)
    return f"{fmt_date(a, style, lang)}{dash}{end}"


def iso(d):
    return "present" if d is None else f"{d[0]}-{d[1]:02d}"


def truth(p):
    return dict(
        name=p["name"],
        email=p["email"],
        phone=p["phone"],
        work=[dict(company=j["company"], position=j["position"], start=iso(j["start"]), end=iso(j["end"]))
              for j in p["jobs"]],
        institutions=[e["inst"] for e in p["edu"]],
        skills=[s for group in p["skills"].values() for s in group],
    )


def skill_lines(p, grouped=True):
    if grouped and any(p["skills"]):
        return [f"{g}: {', '.join(v)}" if g else ", ".join(v) for g, v in p["skills"].items()]
    return [", ".join(s for v in p["skills"].values() for s in v)]


# ---------------------------------------------------------------------------------------------
# Typst.

def ts(s):
    """A Typst string literal in markup: data never becomes markup."""
    return '#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


TYPST_HEAD = """#set document(date: datetime(year: 2024, month: 1, day: 1))
#set page(paper: "a4", margin: (x: 1.6cm, y: 1.5cm))
#set text(font: "{font}", size: 10pt)
#set par(justify: false)
#show heading.where(level: 1): it => block(above: 1.1em, below: 0.6em)[#text(size: 12.5pt, weight: "bold")[#{case}(it.body)] #v(-0.7em) #line(length: 100%, stroke: 0.5pt)]
"""


def typst_job(j, o):
    """One job in the main column per the variant's arrangement."""
    lang, ds = o["lang"], o["dates"]
    rng = ts(fmt_range(j["start"], j["end"], ds, lang))
    first, second = (j["company"], j["position"]) if o["company_first"] else (j["position"], j["company"])
    out = []
    if o["date_pos"] == "right":
        out.append(f"*{ts(first)}* #h(1fr) {rng} \\")
        out.append(f"_{ts(second)}_ #h(1fr) {ts(j['city'])}")
    elif o["date_pos"] == "below":
        out.append(f"*{ts(first)}*, {ts(second)} \\")
        out.append(f"#text(size: 9pt)[{rng} · {ts(j['city'])}]")
    else:  # left: a date column
        out.append(f"#grid(columns: (3.2cm, 1fr), column-gutter: 0.4cm, [{rng}], "
                   f"[*{ts(first)}* \\ {ts(second)}, {ts(j['city'])}])")
    body = "\n".join(f"- {ts(b)}" for b in j["bullets"])
    return "\n".join(out) + "\n" + body + "\n"


def typst_edu(e, o):
    lang, ds = o["lang"], o["dates"]
    rng = ts(fmt_range(e["start"], e["end"], ds, lang))
    gpa = f" — GPA {ts(e['gpa'])}" if e["gpa"] else ""
    if o["date_pos"] == "left":
        return f"#grid(columns: (3.2cm, 1fr), column-gutter: 0.4cm, [{rng}], [*{ts(e['inst'])}* \\ {ts(e['degree'])}{gpa}])\n"
    return f"*{ts(e['inst'])}* #h(1fr) {rng} \\\n{ts(e['degree'])}{gpa}\n"


def typst_one_column(p, o):
    L = LANG[o["lang"]]
    src = TYPST_HEAD.format(font=o.get("font", "Libertinus Serif"), case="upper" if o["caps"] else "")
    src += f"#align(center)[#text(size: 20pt, weight: \"bold\")[{ts(p['name'])}] \\\n"
    src += f"{ts(p['title'])} \\\n{ts(p['email'])} | {ts(p['phone'])} | {ts(p['city'])}]\n\n"
    src += f"= {ts(L['summary'])}\n{ts(p['summary'])}\n\n"
    order = ["work", "edu", "skills"] if not o.get("edu_first") else ["edu", "work", "skills"]
    for sec in order:
        src += f"= {ts(L[sec])}\n"
        if sec == "work":
            src += "\n".join(typst_job(j, o) for j in p["jobs"])
        elif sec == "edu":
            src += "\n".join(typst_edu(e, o) for e in p["edu"])
        else:
            src += " \\\n".join(ts(s) for s in skill_lines(p, o["grouped"])) + "\n"
        src += "\n"
    return src


def typst_two_column(p, o):
    L = LANG[o["lang"]]
    side = [f"#text(size: 11pt, weight: \"bold\")[{ts(L['contact'].upper())}]", ts(p["email"]),
            ts(p["phone"]), ts(p["city"]), "",
            f"#text(size: 11pt, weight: \"bold\")[{ts(L['skills'].upper())}]"]
    if o["grouped"]:
        for g, v in p["skills"].items():
            if g:
                side.append(f"*{ts(g)}*")
            side.extend(ts(s) for s in v)
    else:
        side.extend(ts(s) for v in p["skills"].values() for s in v)
    main = [f"#text(size: 22pt, weight: \"bold\")[{ts(p['name'])}] \\", ts(p["title"]), ""]
    main.append(f"= {ts(L['summary'])}")
    main.append(ts(p["summary"]))
    main.append(f"= {ts(L['work'])}")
    for j in p["jobs"]:
        main.append(typst_job(j, o))
    main.append(f"= {ts(L['edu'])}")
    for e in p["edu"]:
        main.append(typst_edu(e, o))
    src = TYPST_HEAD.format(font=o.get("font", "Libertinus Serif"), case="upper" if o["caps"] else "")
    side_src = "\n\n".join(s for s in side if s)
    if o.get("sidebar_right"):
        cols, cells = "(1fr, 5.2cm)", f"[\n{chr(10).join(main)}\n], [\n{side_src}\n]"
    else:
        cols, cells = "(5.2cm, 1fr)", f"[\n{side_src}\n], [\n{chr(10).join(main)}\n]"
    src += f"#grid(columns: {cols}, column-gutter: 0.8cm, {cells})\n"
    return src


def write_pdf(path, src):
    pdf = typst.compile(src.encode("utf-8"), format="pdf")
    with open(path, "wb") as f:
        f.write(pdf)


# ---------------------------------------------------------------------------------------------
# DOCX.

def docx_bytes(doc):
    doc.core_properties.created = datetime(2024, 1, 1)
    doc.core_properties.modified = datetime(2024, 1, 1)
    doc.core_properties.last_modified_by = "make_heldout"
    doc.core_properties.author = "make_heldout"
    raw = io.BytesIO()
    doc.save(raw)
    # Rewrite the zip with fixed member dates so the bytes do not depend on the clock.
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_heading(doc, text, o):
    if o["headings"] == "styles":
        doc.add_heading(text, level=1)
    else:  # a bold capitals paragraph, no style: what many Word CVs do
        para = doc.add_paragraph()
        r = para.add_run(text.upper())
        r.bold = True
        r.font.size = Pt(12)


def docx_job(doc, j, o):
    lang, ds = o["lang"], o["dates"]
    rng = fmt_range(j["start"], j["end"], ds, lang)
    first, second = (j["company"], j["position"]) if o["company_first"] else (j["position"], j["company"])
    if o["date_pos"] == "right":
        para = doc.add_paragraph()
        para.add_run(first).bold = True
        para.add_run(f"\t{rng}")
        doc.add_paragraph(f"{second}, {j['city']}")
    elif o["date_pos"] == "below":
        para = doc.add_paragraph()
        para.add_run(f"{first} — {second}").bold = True
        doc.add_paragraph(f"{rng} | {j['city']}").runs[0].italic = True
    else:
        doc.add_paragraph(f"{rng}")
        para = doc.add_paragraph()
        para.add_run(first).bold = True
        doc.add_paragraph(second)
    for b in j["bullets"]:
        doc.add_paragraph(b, style="List Bullet")


def docx_simple(p, o):
    L = LANG[o["lang"]]
    doc = Document()
    if o.get("header_contact"):
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = f"{p['name']} · {p['email']} · {p['phone']}"
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t = doc.add_paragraph()
    r = t.add_run(p["name"])
    r.bold = True
    r.font.size = Pt(20)
    doc.add_paragraph(p["title"])
    if not o.get("header_contact"):
        doc.add_paragraph(f"{p['email']} | {p['phone']} | {p['city']}")
    docx_heading(doc, L["summary"], o)
    doc.add_paragraph(p["summary"])
    docx_heading(doc, L["work"], o)
    for j in p["jobs"]:
        docx_job(doc, j, o)
    docx_heading(doc, L["edu"], o)
    for e in p["edu"]:
        para = doc.add_paragraph()
        para.add_run(e["inst"]).bold = True
        para.add_run(f"\t{fmt_range(e['start'], e['end'], o['dates'], o['lang'])}")
        doc.add_paragraph(e["degree"] + (f", GPA {e['gpa']}" if e["gpa"] else ""))
    docx_heading(doc, L["skills"], o)
    lines = skill_lines(p, o["grouped"])
    for s in lines:
        doc.add_paragraph(s, style="List Bullet" if o.get("skill_bullets") else None)
    return doc


def docx_table(p, o):
    """A two-column table layout: section names and dates on the left, content on the right."""
    L = LANG[o["lang"]]
    doc = Document()
    t = doc.add_paragraph()
    r = t.add_run(p["name"])
    r.bold = True
    r.font.size = Pt(20)
    doc.add_paragraph(f"{p['title']}\n{p['email']}\n{p['phone']}\n{p['city']}")
    table = doc.add_table(rows=0, cols=2)

    def row(left, right_parts, bold_left=False):
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(left).bold = bold_left
        first = True
        for text, style, bold in right_parts:
            para = cells[1].paragraphs[0] if first else cells[1].add_paragraph(style=style)
            first = False
            para.add_run(text).bold = bold

    row(L["summary"].upper(), [(p["summary"], None, False)], True)
    row(L["work"].upper(), [("", None, False)], True)
    for j in p["jobs"]:
        first, second = (j["company"], j["position"]) if o["company_first"] else (j["position"], j["company"])
        parts = [(first, None, True), (f"{second}, {j['city']}", None, False)]
        parts += [(b, "List Bullet", False) for b in j["bullets"]]
        row(fmt_range(j["start"], j["end"], o["dates"], o["lang"]), parts)
    row(L["edu"].upper(), [("", None, False)], True)
    for e in p["edu"]:
        row(fmt_range(e["start"], e["end"], o["dates"], o["lang"]),
            [(e["inst"], None, True), (e["degree"] + (f", GPA {e['gpa']}" if e["gpa"] else ""), None, False)])
    row(L["skills"].upper(), [(s, None, False) for s in skill_lines(p, o["grouped"])], True)
    return doc


def docx_side_by_side(p, o):
    """Two headings on one line (a table row of two cells), each cell holding its section."""
    L = LANG[o["lang"]]
    doc = Document()
    t = doc.add_paragraph()
    r = t.add_run(p["name"])
    r.bold = True
    r.font.size = Pt(20)
    doc.add_paragraph(f"{p['email']} | {p['phone']} | {p['city']}")
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(L["summary"].upper()).bold = True
    left.add_paragraph(p["summary"])
    right.paragraphs[0].add_run(L["edu"].upper()).bold = True
    for e in p["edu"]:
        right.add_paragraph().add_run(e["inst"]).bold = True
        right.add_paragraph(f"{e['degree']}, {fmt_range(e['start'], e['end'], o['dates'], o['lang'])}")
    docx_heading(doc, L["work"], o)
    for j in p["jobs"]:
        docx_job(doc, j, o)
    docx_heading(doc, L["skills"], o)
    for s in skill_lines(p, o["grouped"]):
        doc.add_paragraph(s)
    return doc


# ---------------------------------------------------------------------------------------------
# Plain text.

def txt_linkedin(p, o):
    """What a LinkedIn profile looks like copied out as text."""
    out = ["Contact", p["email"], p["phone"], f"www.linkedin.com/in/{p['slug']} (LinkedIn)", "",
           "Top Skills"]
    out += [s for v in p["skills"].values() for s in v][:3]
    out += ["", p["name"], p["title"], p["city"], "", "Summary", p["summary"], "", "Experience"]
    for j in p["jobs"]:
        end = "Present" if j["end"] is None else fmt_date(j["end"], "month", "en")
        out += [j["company"], j["position"], f"{fmt_date(j['start'], 'month', 'en')} - {end}", j["city"]]
        out += j["bullets"]
        out.append("")
    out.append("Education")
    for e in p["edu"]:
        out += [e["inst"], f"{e['degree']} · ({e['start'][0]} - {e['end'][0]})"]
        out.append("")
    out += ["Skills", ", ".join(s for v in p["skills"].values() for s in v)]
    return "\n".join(out) + "\n"


def txt_underlined(p, o):
    """A text export with headings underlined by '=' or '-' and entries separated by blank lines."""
    L = LANG[o["lang"]]
    out = [p["name"], p["title"], f"{p['email']} | {p['phone']}", p["city"], ""]

    def head(t):
        out.extend([t.upper() if o["caps"] else t, ("=" if o["caps"] else "-") * len(t), ""])

    head(L["summary"])
    out += [p["summary"], ""]
    head(L["work"])
    for j in p["jobs"]:
        rng = fmt_range(j["start"], j["end"], o["dates"], o["lang"], dash=" - ")
        first, second = (j["company"], j["position"]) if o["company_first"] else (j["position"], j["company"])
        if o["date_pos"] == "left":
            out.append(f"{rng}  {first}")
            out.append(f"{second}, {j['city']}")
        elif o["date_pos"] == "right":
            out.append(f"{first}, {j['city']}    {rng}")
            out.append(second)
        else:
            out.append(f"{first} / {second}")
            out.append(rng)
        out += [f"* {b}" for b in j["bullets"]]
        out.append("")
    head(L["edu"])
    for e in p["edu"]:
        out.append(f"{e['inst']}, {fmt_range(e['start'], e['end'], o['dates'], o['lang'], dash=' - ')}")
        out.append(e["degree"] + (f" (GPA {e['gpa']})" if e["gpa"] else ""))
        out.append("")
    head(L["skills"])
    out += skill_lines(p, o["grouped"])
    if o.get("extra"):
        out += [""] + [o["extra"][0]] + o["extra"][1]
    return "\n".join(out) + "\n"


def txt_bare(p, o):
    """No markup at all: Title-case headings, no blank lines, a section the vocabulary lacks."""
    L = LANG[o["lang"]]
    out = [p["name"], f"{p['city']} · {p['phone']} · {p['email']}", L["summary"], p["summary"], L["work"]]
    for j in p["jobs"]:
        rng = fmt_range(j["start"], j["end"], o["dates"], o["lang"])
        first, second = (j["company"], j["position"]) if o["company_first"] else (j["position"], j["company"])
        out += [f"{first} ({rng})", second]
        out += [f"- {b}" for b in j["bullets"]]
    out.append(L["edu"])
    for e in p["edu"]:
        out.append(f"{e['degree']}, {e['inst']}, {e['end'][0]}")
    out.append(L["skills"])
    out += skill_lines(p, o["grouped"])
    out += ["Patents", "Method for ordering settlement events, US 11,234,567 (2022)"]
    return "\n".join(out) + "\n"


def typst_banner(p, o):
    """A one-column PDF with a shaded banner, a contact row of icons-as-text, and entries as
    "Title at Company" with year-only or month dates in a right column table."""
    L = LANG[o["lang"]]
    src = TYPST_HEAD.format(font=o.get("font", "Libertinus Serif"), case="upper" if o["caps"] else "")
    src += (f"#block(fill: luma(225), inset: 10pt, width: 100%)[#text(size: 18pt)[*{ts(p['name'])}*] \\\n"
            f"{ts(p['title'])} #h(1fr) {ts('✉ ' + p['email'])} #h(0.5cm) {ts('☎ ' + p['phone'])}]\n\n")
    src += f"= {ts(L['work'])}\n"
    for j in p["jobs"]:
        rng = fmt_range(j["start"], j["end"], o["dates"], o["lang"])
        src += (f"#table(columns: (1fr, 4cm), stroke: none, inset: 2pt, "
                f"[*{ts(j['position'] + ' at ' + j['company'])}*], [{ts(rng)}])\n")
        src += "\n".join(f"- {ts(b)}" for b in j["bullets"]) + "\n\n"
    src += f"= {ts(L['edu'])}\n"
    for e in p["edu"]:
        src += f"{ts(e['degree'])}, *{ts(e['inst'])}* #h(1fr) {ts(str(e['start'][0]) + '–' + str(e['end'][0]))}\n\n"
    src += f"= {ts(L['skills'])}\n"
    src += ts(" • ".join(s for v in p["skills"].values() for s in v)) + "\n"
    return src


def docx_title_style(p, o):
    """Word's Title style for the name, contact in the page header, dates in parentheses after
    the company, skills in a one-row table."""
    L = LANG[o["lang"]]
    doc = Document()
    hp = doc.sections[0].header.paragraphs[0]
    hp.text = f"{p['email']}\t{p['phone']}\t{p['city']}"
    doc.add_heading(p["name"], level=0)
    doc.add_paragraph(p["summary"])
    doc.add_heading(L["work"], level=1)
    for j in p["jobs"]:
        rng = fmt_range(j["start"], j["end"], o["dates"], o["lang"])
        doc.add_heading(f"{j['company']} ({rng})", level=2)
        doc.add_paragraph(j["position"]).runs[0].italic = True
        for b in j["bullets"]:
            doc.add_paragraph(b, style="List Bullet")
    doc.add_heading(L["edu"], level=1)
    for e in p["edu"]:
        doc.add_heading(e["inst"], level=2)
        doc.add_paragraph(f"{e['degree']}, {e['start'][0]} – {e['end'][0]}")
    doc.add_heading(L["skills"], level=1)
    flat = [s for v in p["skills"].values() for s in v]
    table = doc.add_table(rows=1, cols=len(flat[:6]))
    for c, s in zip(table.rows[0].cells, flat[:6]):
        c.text = s
    if len(flat) > 6:
        doc.add_paragraph(", ".join(flat[6:]))
    return doc


def txt_email_paste(p, o):
    """A resume pasted into an email or a web form: bare lines, headings in capitals with a
    colon, "Company — City" then title then dates, skills one per line."""
    L = LANG[o["lang"]]
    out = [p["name"].upper(), p["title"], f"Email: {p['email']}", f"Tel: {p['phone']}", ""]
    out += [L["work"].upper() + ":"]
    for j in p["jobs"]:
        out += [f"{j['company']} — {j['city']}", j["position"],
                fmt_range(j["start"], j["end"], o["dates"], o["lang"], dash=" to ")]
        out += [f"  - {b}" for b in j["bullets"]]
        out.append("")
    out += [L["edu"].upper() + ":"]
    for e in p["edu"]:
        out += [f"{e['inst']} ({e['start'][0]}-{e['end'][0]})", e["degree"]]
    out += ["", L["skills"].upper() + ":"]
    out += [s for v in p["skills"].values() for s in v]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# The set: (family, person, layout, options).

def opts(**kw):
    base = dict(lang="en", dates="month", date_pos="right", company_first=True, caps=False, grouped=True,
                headings="styles")
    base.update(kw)
    return base


P = {p["slug"]: p for p in PEOPLE}

SET = [
    ("typst1", "oneill", typst_one_column, opts(caps=True)),
    ("typst1", "montoya", typst_one_column, opts(lang="es", date_pos="below", company_first=False)),
    ("typst1", "schaefer", typst_one_column, opts(lang="de", dates="dot", date_pos="left")),
    ("typst1", "raghunathan", typst_one_column, opts(lang="en2", dates="num", edu_first=True, grouped=False,
                                                     font="New Computer Modern")),
    ("typst1", "aberg", typst_one_column, opts(lang="en2", dates="iso", company_first=False, caps=True)),
    ("typst2", "ferrand", typst_two_column, opts(lang="fr", date_pos="right")),
    ("typst2", "oneill", typst_two_column, opts(lang="en2", date_pos="below", company_first=False,
                                                grouped=False)),
    ("typst2", "aberg", typst_two_column, opts(dates="num", sidebar_right=True)),
    ("typst2", "schaefer", typst_two_column, opts(lang="de", dates="month", caps=True)),
    ("typst2", "raghunathan", typst_two_column, opts(date_pos="left", dates="month")),
    ("docx", "montoya", docx_simple, opts(header_contact=True, company_first=False)),
    ("docx", "oneill", docx_simple, opts(headings="bold", date_pos="below", dates="num", skill_bullets=True)),
    ("docx", "ferrand", docx_table, opts(lang="fr", dates="num")),
    ("docx", "aberg", docx_table, opts(lang="en2", company_first=False)),
    ("docx", "schaefer", docx_side_by_side, opts(lang="de", date_pos="left", dates="month")),
    ("docx", "raghunathan", docx_simple, opts(lang="en2", headings="bold", date_pos="left")),
    ("txt", "oneill", txt_linkedin, opts()),
    ("txt", "schaefer", txt_linkedin, opts()),
    ("txt", "montoya", txt_underlined, opts(lang="es", caps=True, date_pos="left", dates="num")),
    ("txt", "aberg", txt_underlined, opts(date_pos="below", company_first=False,
                                          extra=("Patents", ["Adaptive alert routing, SE 543 210 (2021)"]))),
    ("txt", "ferrand", txt_bare, opts(lang="fr", dates="month")),
    ("txt", "raghunathan", txt_bare, opts(lang="en", dates="month", company_first=False, grouped=False)),
    # A second batch, added after the parser work on the first, to check that the rules carry over.
    ("typst1", "nguyen", typst_banner, opts(lang="en2")),
    ("typst2", "oliveira", typst_two_column, opts(lang="es", date_pos="below", caps=True, sidebar_right=True)),
    ("typst2", "nguyen", typst_two_column, opts(dates="iso", company_first=False, grouped=False)),
    ("docx", "nguyen", docx_title_style, opts()),
    ("docx", "oliveira", docx_table, opts(lang="es", dates="month")),
    ("txt", "oliveira", txt_email_paste, opts(dates="num")),
    ("txt", "nguyen", txt_linkedin, opts()),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.split(".")[-1] in ("pdf", "docx", "txt", "json"):
            os.remove(os.path.join(OUT, f))
    for n, (family, slug, layout, o) in enumerate(SET, 1):
        p = dict(P[slug], slug=slug)
        stem = os.path.join(OUT, f"{family}-{n:02d}-{slug}")
        made = layout(p, o)
        if family.startswith("typst"):
            write_pdf(stem + ".pdf", made)
        elif family == "docx":
            with open(stem + ".docx", "wb") as f:
                f.write(docx_bytes(made))
        else:
            with open(stem + ".txt", "w", encoding="utf-8") as f:
                f.write(made)
        with open(stem + ".truth.json", "w", encoding="utf-8") as f:
            json.dump(truth(p), f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"wrote {len(SET)} resumes to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
