"""asyncio, the binding's own runtime across fork, and progress callbacks."""

import asyncio
import os
import re
import sys

import pytest

import career_copilot
from career_copilot import InvalidInputError, Job, JobIndex, Profile, _native
from conftest import load_vectors
from test_matching import JOBS

VECTORS = load_vectors()
PROFILES = [v["profile"] for v in VECTORS]


def test_gather_of_many_ranks_equals_sync():
    index = JobIndex(JOBS)
    profiles = PROFILES * 10
    expected = [index.rank(p, as_of="2024-06", top=3) for p in profiles]

    async def main():
        return await asyncio.gather(
            *(index.rank_async(Profile(p) if i % 2 else p, as_of="2024-06", top=3)
              for i, p in enumerate(profiles))
        )

    assert asyncio.run(main()) == expected


def test_errors_reach_the_awaiting_coroutine():
    index = JobIndex(JOBS)

    async def main():
        return await index.rank_async({"basics": {"name": 7}})

    with pytest.raises(InvalidInputError, match="profile"):
        asyncio.run(main())


def test_the_loop_keeps_running_while_ranking():
    # Ticks of another task continue while the engine works on the runtime's threads.
    index = JobIndex(JOBS * 500)
    ticks = []

    async def ticker():
        while True:
            ticks.append(1)
            await asyncio.sleep(0)

    async def main():
        task = asyncio.create_task(ticker())
        result = await index.rank_async(PROFILES[0], top=5)
        task.cancel()
        return result

    assert asyncio.run(main()) == index.rank(PROFILES[0], top=5)
    assert ticks, "the event loop was blocked"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_builds_its_own_runtime():
    index = JobIndex(JOBS)
    expected = index.rank(PROFILES[0])

    async def rank():
        return await index.rank_async(PROFILES[0])

    assert asyncio.run(rank()) == expected
    assert _native._runtime_pid() == os.getpid()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the parent's runtime threads are gone
        try:
            ok = asyncio.run(asyncio.wait_for(rank(), 20)) == expected
            ok = ok and _native._runtime_pid() == os.getpid()
            os.write(write, b"ok" if ok else b"wrong")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 16) == b"ok" and status == 0
    assert asyncio.run(rank()) == expected  # the parent's runtime still works


def test_score_many_reports_progress():
    jobs = [Job(v["job"]) for v in VECTORS] * 30  # 150 jobs: chunks of 64
    calls = []
    reports = Profile(PROFILES[0]).score_many(jobs, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(64, 150), (128, 150), (150, 150)]
    assert [r.to_dict() for r in reports] == [r.to_dict() for r in Profile(PROFILES[0]).score_many(jobs)]


def test_a_progress_exception_stops_the_work():
    def stop(done, total):
        raise RuntimeError(f"stop at {done}")

    with pytest.raises(RuntimeError, match="stop at 64"):
        Profile(PROFILES[0]).score_many([VECTORS[0]["job"]] * 100, progress=stop)
    with pytest.raises(RuntimeError, match="stop at 64"):
        JobIndex(JOBS * 40, progress=stop)


def test_job_index_reports_progress():
    calls = []
    index = JobIndex(JOBS * 40, progress=lambda done, total: calls.append((done, total)))
    total = len(JOBS) * 40
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(t == total for _, t in calls) and len(calls) == (total - 1) // 64 + 1
    assert len(index) == total


def test_async_parse_equals_sync(data):
    paths = [data / "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf"]
    paths += sorted((data / "resumes").rglob("*.docx"))[:3]
    paths = [p for p in paths if p.is_file()]
    job = b"Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n- Kubernetes\n"

    async def main():
        resumes = asyncio.gather(*(career_copilot.parse_resume_async(p) for p in paths * 3))
        jobs = asyncio.gather(*(career_copilot.parse_job_async(job) for _ in range(8)))
        return await resumes, await jobs

    resumes, jobs = asyncio.run(main())
    assert resumes == [career_copilot.parse_resume(p) for p in paths * 3]
    assert jobs == [career_copilot.parse_job(job)] * 8


def test_async_parse_errors_are_the_sync_errors():
    async def main():
        return await career_copilot.parse_resume_async(b"%PDF-1.7\n truncated", file_name="cv.pdf")

    with pytest.raises(career_copilot.CareerCopilotError) as sync_error:
        career_copilot.parse_resume(b"%PDF-1.7\n truncated", file_name="cv.pdf")
    with pytest.raises(type(sync_error.value), match=re.escape(str(sync_error.value))):
        asyncio.run(main())
