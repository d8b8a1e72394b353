#!/usr/bin/env python3
"""Ingest side by side: Career Copilot (criterion medians) against Python peers.

Runs `cargo bench -p career-copilot-benches --bench ingest -- --noplot` (skip with
--no-cargo to reuse the last results in target/criterion), then times on the same files:
PyMuPDF bare text (`page.get_text()` over all pages), pdfminer.six `extract_text`, and
python-docx bare paragraph text. Prints medians and the ratios the issue sets targets for:
a 2-page PDF all the way to a Profile within 3x of PyMuPDF's bare text, and at least 6x
faster than pdfminer.six.

Needs a Python with pymupdf, pdfminer.six and python-docx (for example the venv at
/root/.cache/career-copilot/venv). Timings are medians of repeated runs, like timeit.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
CRITERION = ROOT / "target" / "criterion"

# Kept in step with benches/benches/ingest.rs.
PDFS = {
    "rendercv_classic_2p": "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf",
    "pandoc_resume_2p": "resumes/pandoc-resume/johnny_coder_sample.pdf",
    "altacv_2col_2p": "resumes/altacv/sample.pdf",
}
DOCX = ("pandoc_resume", "resumes/pandoc-resume/johnny_coder_sample.docx")
TEXT = ("pandoc_resume_md", "resumes/pandoc-resume/johnny_coder_sample.source.md.txt")


def median_seconds(fn, min_time: float = 1.0, repeat: int = 7) -> float:
    """Median seconds per call: calibrate a loop count like timeit, then take `repeat` runs."""
    fn()
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        took = time.perf_counter() - start
        if took >= min_time / repeat or number >= 1 << 16:
            break
        number *= 2
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def criterion_median(group: str, bench: str) -> float | None:
    """Criterion's median estimate in seconds, or None when that bench did not run."""
    path = CRITERION / group / bench / "new" / "estimates.json"
    if not path.exists():
        return None
    est = json.loads(path.read_text())
    return est["median"]["point_estimate"] / 1e9


def pymupdf_text(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def ms(v: float | None) -> str:
    return "-" if v is None else f"{v * 1e3:8.2f}"


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:6.2f}x"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-cargo", action="store_true", help="reuse target/criterion results instead of running cargo bench")
    ap.add_argument("--min-time", type=float, default=1.0, help="seconds per Python measurement (default 1)")
    args = ap.parse_args()

    if not args.no_cargo:
        cmd = ["cargo", "bench", "-p", "career-copilot-benches", "--bench", "ingest", "--", "--noplot"]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, cwd=ROOT, check=True)

    print()
    print("PDF text extraction, median ms per file")
    header = f"{'file':22} {'ours':>8} {'pdf-extr':>8} {'PyMuPDF':>8} {'pdfminer':>8} {'ours/PyMuPDF':>13} {'pdfminer/ours':>14} {'ours/plain':>11}"
    print(header)
    print("-" * len(header))
    for bench, rel in PDFS.items():
        path = DATA / rel
        if not path.exists():
            print(f"{bench:22} (missing {path})")
            continue
        data = path.read_bytes()
        ours = criterion_median("pdf_extract", bench)
        plain = criterion_median("pdf_extract_plain", bench)
        fitz = median_seconds(lambda: pymupdf_text(data), args.min_time)
        miner = median_seconds(lambda: pdfminer_text(data), args.min_time)
        print(f"{bench:22} {ms(ours)} {ms(plain)} {ms(fitz)} {ms(miner)} {ratio(ours, fitz):>13} {ratio(miner, ours):>14} {ratio(ours, plain):>11}")

    print()
    print("Whole resume to a Profile (ours) against the peers' bare text, median ms")
    header = f"{'input':34} {'ours':>8} {'peer':>8} {'peer tool':18} {'ours/peer':>10} {'pdfminer/ours':>14}"
    print(header)
    print("-" * len(header))
    first_id, first_rel = next(iter(PDFS.items()))
    pdf_data = (DATA / first_rel).read_bytes()
    ours = criterion_median("parse_resume", f"pdf_{first_id}")
    fitz = median_seconds(lambda: pymupdf_text(pdf_data), args.min_time)
    miner = median_seconds(lambda: pdfminer_text(pdf_data), args.min_time)
    print(f"{'PDF ' + first_id:34} {ms(ours)} {ms(fitz)} {'PyMuPDF text':18} {ratio(ours, fitz):>10} {ratio(miner, ours):>14}")
    docx_path = DATA / DOCX[1]
    if docx_path.exists():
        docx_data = docx_path.read_bytes()
        ours = criterion_median("parse_resume", f"docx_{DOCX[0]}")
        peer = median_seconds(lambda: docx_text(docx_data), args.min_time)
        print(f"{'DOCX ' + DOCX[0]:34} {ms(ours)} {ms(peer)} {'python-docx text':18} {ratio(ours, peer):>10} {'-':>14}")
    ours = criterion_median("parse_resume", f"text_{TEXT[0]}")
    print(f"{'text ' + TEXT[0]:34} {ms(ours)} {'-':>8} {'(none)':18} {'-':>10} {'-':>14}")
    print()
    print("Targets: PDF to Profile within 3x of PyMuPDF bare text; at least 6x faster than pdfminer.six.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
