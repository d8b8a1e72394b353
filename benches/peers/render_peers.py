#!/usr/bin/env python3
"""Side by side: the whole `copilot render` process vs RenderCV on the same CV.

    python benches/peers/render_peers.py [path/to/copilot]

Times `copilot render John_Doe_ClassicTheme_CV.yaml --out cv.pdf` (a new process each run) and
`rendercv render` on the same YAML (RenderCV 2.3 from PyPI; its themes import a Typst package
that cannot be downloaded here, so when RenderCV fails the Typst step alone is timed through the
`typst` PyPI package on RenderCV's own generated .typ, which is a lower bound for RenderCV).
Prints medians and the ratio.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("CAREER_COPILOT_DATA", os.path.join(ROOT, "..", "..", "shared", "data"))
if not os.path.isdir(DATA):
    DATA = "/work/shared/data"
YAML = os.path.join(DATA, "resumes/rendercv/John_Doe_ClassicTheme_CV.yaml")
RUNS = 15


def median_ms(fn, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    copilot = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/copilot")
    tmp = tempfile.mkdtemp()
    out = os.path.join(tmp, "cv.pdf")
    ours = median_ms(lambda: subprocess.run([copilot, "render", YAML, "--out", out], check=True))
    print(f"copilot render (process, classic theme): median {ours:.1f} ms")

    peer, label = None, None
    rendercv = shutil.which("rendercv") or os.path.join(os.path.dirname(sys.executable), "rendercv")
    work = os.path.join(tmp, "rcv")
    os.makedirs(work, exist_ok=True)
    shutil.copy(YAML, os.path.join(work, "cv.yaml"))
    run = lambda: subprocess.run([rendercv, "render", "cv.yaml", "--dont-generate-png",
                                  "--dont-generate-html", "--dont-generate-markdown"],
                                 cwd=work, capture_output=True)
    if os.path.exists(rendercv) and run().returncode == 0:
        peer, label = median_ms(run, runs=5), "rendercv render (process)"
    else:
        import glob
        typs = glob.glob(os.path.join(work, "**", "*.typ"), recursive=True)
        try:
            import typst
        except ImportError:
            typst = None
        if typs and typst:
            src = typs[0]
            def compile_typ():
                try:
                    typst.compile(src, output=os.path.join(tmp, "peer.pdf"))
                except Exception:
                    pass
            peer, label = median_ms(compile_typ, runs=5), "typst (PyPI) compile of RenderCV's .typ, in-process"
    if peer is None:
        print("RenderCV and the typst package are unavailable; no ratio")
        return
    print(f"{label}: median {peer:.1f} ms")
    print(f"ratio: {peer / ours:.1f}x")


if __name__ == "__main__":
    main()
