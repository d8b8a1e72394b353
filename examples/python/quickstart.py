"""Career Copilot from Python: parse a resume, score it against a job, rank jobs.

    pip install ./bindings-python
    python examples/python/quickstart.py path/to/resume.pdf [path/to/job.txt]
"""

import asyncio
import json
import sys

import career_copilot


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        # A path is read for you; bytes work too: parse_resume(data, file_name="cv.pdf").
        parsed = career_copilot.parse_resume(sys.argv[1])
    except career_copilot.CareerCopilotError as err:
        # Every error has a stable code and a message naming what was wrong.
        print(f"cannot read {sys.argv[1]}: [{err.code}] {err}", file=sys.stderr)
        return 1

    profile = parsed["value"]  # a JSON Resume dict
    basics = profile.get("basics", {})
    print(f"{basics.get('name', '(no name)')} <{basics.get('email', '-')}>  read as {parsed['format']}")
    for job in profile.get("work", []):
        print(f"  {job.get('position', '?')} at {job.get('name', '?')}: "
              f"{job.get('startDate', '?')} to {job.get('endDate', 'present')}")
    for warning in parsed["warnings"]:
        print(f"  warning [{warning['code']}]: {warning['message']}")

    # A job: the file given, or a small posting written here.
    if len(sys.argv) > 2:
        job = career_copilot.parse_job(sys.argv[2])["value"]
    else:
        job = career_copilot.parse_job(
            b"Senior Python Developer\nRequirements:\n- 5+ years of Python and SQL\n- Experience with AWS\n"
        )["value"]
    print(json.dumps({k: job.get(k) for k in ("title", "company", "years_min", "required_skills")}, indent=2))

    # The explainable ATS score: every point with evidence, gaps, concrete suggestions.
    report = career_copilot.score(profile, job, as_of="2024-06", layout=parsed["layout"])
    print(f"ATS score {report['score']}/100")
    for part in report["breakdown"]:
        print(f"  {part['name']}: {part['points']} points ({part['value']:.0%} met)")
    for skill in report["matched"]:
        print(f"  has {skill['skill']} ({skill['credit']}) at {skill['evidence']}")
    for skill in report["missing"]:
        print(f"  missing {skill['skill']}{' (required)' if skill['required'] else ''}")
    for suggestion in report["suggestions"][:3]:
        print(f"  suggestion: {suggestion['message']}")

    # Tailoring reorders and trims; it never adds a fact.
    tailored = career_copilot.optimize(profile, job)
    print(f"tailored: {len(tailored['changes'])} changes")

    # Many jobs: index once, rank and search as often as needed (the GIL is released).
    index = career_copilot.JobIndex([job, {"id": "nurse", "title": "Nurse", "description": "Care for patients."}])
    for hit in index.rank(profile, top=2):
        print(f"  rank: {index[hit['index']].get('title', hit.get('id'))} {hit['score']}")

    # One profile against many jobs: convert it once (kept in Rust, prepared for scoring);
    # reports convert their items only when read.
    me = career_copilot.Profile(profile)
    jobs = [career_copilot.Job(job), career_copilot.Job({"title": "Nurse", "description": "Care for patients."})]
    for j, r in zip(jobs, me.score_many(jobs, as_of="2024-06")):
        print(f"  {j.title}: {r.score}")

    # asyncio: rank off the event loop, many at once.
    async def rank_all():
        return await asyncio.gather(index.rank_async(me, top=1), index.rank_async(profile, top=1))

    print(f"  async ranks agree: {len({json.dumps(r) for r in asyncio.run(rank_all())}) == 1}")
    print(f'"k8s" is {career_copilot.skills.lookup("k8s")["name"]}')
    return 0


if __name__ == "__main__":
    sys.exit(main())
