"""Career Copilot from Python: parse a resume and a job posting.

    pip install ./bindings-python
    python examples/python/quickstart.py path/to/resume.pdf [path/to/job.txt]
"""

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

    if len(sys.argv) > 2:
        job = career_copilot.parse_job(sys.argv[2])["value"]
        print(json.dumps({k: job.get(k) for k in ("title", "company", "years_min", "required_skills")}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
