"""Benchmark Kennisbank against a plain Material site on the same synthetic hub.

For each size N it builds (a) a plain Material for MkDocs site with the same
Markdown, the same Markdown extensions and plugins, no hooks and a short nav,
and (b) the full Kennisbank build (extra outputs such as PDFs and feeds off;
Material's search stays on in both), each ``--repeat`` times as a child process,
and prints medians of wall time, peak memory, pages per second, site size and
the ratio b/a. It also times the core alone (load, validate, index, generate,
render item Markdown) and, at the smallest size, how long an edit takes to show
up while serving: ``kennisbank serve`` against plain ``mkdocs serve`` (and
``--dirty``) on the same corpus.

Example::

    python benchmarks/run.py               # N = 1,000 and 5,000, median of 3
    python benchmarks/run.py --large       # also N = 10,000
    python benchmarks/run.py --quick       # N = 30, once: a smoke test of the whole script
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import CONTENT_FOLDERS, Corpus, copy_skeleton, generate  # noqa: E402

CORPUS_DIR = REPO / "benchmarks" / ".corpus"
BIN = Path(sys.executable).parent
PLAIN_CONFIG = """\
# (a) Plain Material: the same theme, Markdown extensions and plugins, no Kennisbank hooks.
INHERIT: mkdocs.yml
hooks: []
strict: false
nav:
  - Start: index.md
  - Bijdragen: bijdragen/index.md
"""
BENCH_CONFIG = """\
# (b) Kennisbank without the extra outputs (PDFs, feeds, ...), which are measured on their own.
INHERIT: mkdocs.yml
extra:
  kennisbank:
    extra_outputs: false
"""


@dataclass
class Run:
    wall: float
    cpu: float
    """User + system CPU seconds of the build process: on a shared, noisy machine the steadier figure."""
    peak_mb: float
    pages: int
    size_mb: float

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall


def prepare(n: int, seed: int, corpus_dir: Path = CORPUS_DIR) -> Corpus:
    """Generate (or reuse) the corpus of ``n`` items and write the two benchmark configs."""
    root = corpus_dir / f"hub-{n}"
    stamp = root / ".stamp"
    wanted = json.dumps({"n": n, "seed": seed, "generator": _generator_hash()})
    if stamp.is_file() and stamp.read_text() == wanted:
        items = sorted(p.relative_to(root / "docs").as_posix() for folder in ("artikelen", "praktijkvoorbeelden",
                       "academie") for p in (root / "docs" / folder).rglob("*.md"))
        corpus = Corpus(root, items, {}, 0)
        copy_skeleton(REPO, root)
    else:
        corpus = generate(n, seed, root)
        stamp.write_text(wanted)
    (root / "plain.yml").write_text(PLAIN_CONFIG)
    (root / "bench.yml").write_text(BENCH_CONFIG)
    return corpus


def _generator_hash() -> str:
    import hashlib

    digest = hashlib.sha256()
    for name in ("generate.py", "wordbank.py"):
        digest.update((REPO / "benchmarks" / name).read_bytes())
    return digest.hexdigest()[:16]


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run a child process; return its wall time (s), CPU time (s) and its own peak RSS (MB)."""
    import tempfile

    # The log goes to a file, not a pipe: MkDocs lists every page outside the nav, which fills a pipe.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log,
                                   env={**os.environ, **env} if env else None)
        # wait4 gives the rusage of exactly this child, unlike RUSAGE_CHILDREN (a maximum over all children).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{log.read().decode()[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def site_stats(site: Path) -> tuple[int, float]:
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size / 1024 / 1024


def build_plain(corpus: Corpus) -> Run:
    site = corpus.root / "site-a"
    shutil.rmtree(site, ignore_errors=True)
    return Run(*timed([str(BIN / "mkdocs"), "build", "-q", "-f", "plain.yml", "-d", str(site)], corpus.root),
               *site_stats(site))


def build_kennisbank(corpus: Corpus, config: str = "bench.yml", package: Path = REPO,
                     root: Path | None = None) -> Run:
    """Build (b) with the ``kennisbank`` package of ``package`` (a checkout), in ``root`` (default: the corpus)."""
    root = root or corpus.root
    site = root / "site-b"
    # PYTHONPATH comes before the editable install, so the package of the checkout asked for is the one imported.
    env = {"PYTHONPATH": str(package), "KENNISBANK_PDF": "false"}
    return Run(*timed([str(BIN / "kennisbank"), "build", "-f", config, "-d", str(site)], root, env),
               *site_stats(site))


def prepare_baseline(corpus: Corpus, baseline: Path) -> Path:
    """A copy of the corpus with the configuration, hooks and overrides of another checkout (a baseline)."""
    root = corpus.root.with_name(corpus.root.name + "-baseline")
    copy_skeleton(baseline, root)
    for folder in CONTENT_FOLDERS:
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)
        if (corpus.docs / folder).is_dir():
            shutil.copytree(corpus.docs / folder, root / "docs" / folder)
    (root / "bench.yml").write_text(BENCH_CONFIG)
    return root


def core_times(docs: Path) -> dict[str, float]:
    """The core alone, in this process: what a build spends outside MkDocs.

    CPU time of this (single-threaded) process: the same as wall time on an idle machine,
    and not inflated when other jobs share the cores.
    """
    from kennisbank import features
    from kennisbank.content.hub import load_hub
    from kennisbank.index.hub_index import index_hub
    from kennisbank.site.pages import generated_pages
    from kennisbank.site.render import item_page

    start = time.process_time()
    loaded_hub = load_hub(docs, docs.parent)
    loaded = time.process_time()
    hub = index_hub(loaded_hub)
    indexed = time.process_time()
    pages = generated_pages(hub, features.GENERATORS)
    generated = time.process_time()
    for item in hub.items.values():
        item_page(hub, item, features.BEFORE_BODY, features.AFTER_BODY)
    rendered = time.process_time()
    if loaded_hub.problems.errors():
        raise RuntimeError(f"corpus has errors: {loaded_hub.problems.errors()[:3]}")
    return {"items": len(hub.items), "generated": len(pages), "load": loaded - start, "index": indexed - loaded,
            "generate": generated - indexed, "render": rendered - generated, "total": rendered - start}


def measure_core(corpus: Corpus) -> dict[str, float]:
    # A fresh interpreter per run, so imports and caches count as they do in a build.
    output = subprocess.run([sys.executable, __file__, "--core-only", str(corpus.docs)], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


# -- serving: time from writing a file to the rebuilt page being served --

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(urls: list[str], marker: str, timeout: float) -> float:
    start = time.perf_counter()
    pending = list(urls)
    while pending:
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{pending[0]} did not show {marker!r} within {timeout:.0f} s")
        text = _get(pending[0])
        if text is not None and marker in text:
            pending.pop(0)
        else:
            time.sleep(0.05)
    return time.perf_counter()


def serve_edits(corpus: Corpus, command: list[str], edits: int, check_theme: bool) -> list[float]:
    """Start a server, edit one article ``edits`` times, return seconds until each edit is served."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    target = next(src for src in corpus.items if src.startswith("artikelen/"))
    path = corpus.docs / target
    original = path.read_text(encoding="utf-8")
    theme = re.search(r'^themas: \["([^"]+)"', original, re.M).group(1)  # type: ignore[union-attr]
    item_url = base + target[:-3] + "/"
    urls = [item_url] + ([f"{base}themas/{theme}/"] if check_theme else [])
    process = subprocess.Popen([*command, "-a", f"127.0.0.1:{port}"], cwd=corpus.root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        _wait_for([item_url], "<html", timeout=900)
        for edit in range(edits):
            marker = f"Bewerkt{edit}x{port}"
            def retitle(match: re.Match[str], marker: str = marker) -> str:
                return f'titel: "{match.group(1)} {marker}"'

            text = re.sub(r'^titel: "(.*)"$', retitle, original, count=1, flags=re.M)
            text += f"\nDeze alinea is bewerkt ({marker}).\n"  # plain Material shows no titel
            time.sleep(1.0)  # let the watcher settle after the previous build
            path.write_text(text, encoding="utf-8")
            written = time.perf_counter()
            times.append(_wait_for(urls, marker, timeout=120) - written)
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return times


# -- report --

def _median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               statistics.median(r.peak_mb for r in runs), runs[0].pages, runs[0].size_mb)


def report(results: dict[int, dict], serve: dict[str, float] | None, repeat: int) -> str:
    lines = [f"Median of {repeat} run(s), {os.cpu_count()} cores. CPU = user + system time of the build process.",
             "", "| Items | Build | Wall (s) | CPU (s) | Peak memory (MB) | Pages | Pages/s | Site (MB) | b/a wall "
             "| b/a CPU |", "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, result in results.items():
        a, b = result["a"], result["b"]
        lines.append(f"| {n:,} | (a) plain Material | {a.wall:.1f} | {a.cpu:.1f} | {a.peak_mb:.0f} | {a.pages:,} | "
                     f"{a.pages_per_s:.0f} | {a.size_mb:.0f} | | |")
        if "b0" in result:
            b0 = result["b0"]
            lines.append(f"| {n:,} | (b0) Kennisbank, baseline | {b0.wall:.1f} | {b0.cpu:.1f} | {b0.peak_mb:.0f} | "
                         f"{b0.pages:,} | {b0.pages_per_s:.0f} | {b0.size_mb:.0f} | {b0.wall / a.wall:.2f} | "
                         f"{b0.cpu / a.cpu:.2f} |")
        lines.append(f"| {n:,} | (b) Kennisbank | {b.wall:.1f} | {b.cpu:.1f} | {b.peak_mb:.0f} | {b.pages:,} | "
                     f"{b.pages_per_s:.0f} | {b.size_mb:.0f} | {b.wall / a.wall:.2f} | {b.cpu / a.cpu:.2f} |")
    lines += ["", "| Items | Core (CPU): load + validate (s) | Index (s) | Generate pages (s) | "
                  "Render item Markdown (s) | Total (s) | Per 1,000 items (s) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, result in results.items():
        c = result["core"]
        lines.append(f"| {n:,} | {c['load']:.2f} | {c['index']:.2f} | {c['generate']:.2f} | {c['render']:.2f} | "
                     f"{c['total']:.2f} | {c['total'] / c['items'] * 1000:.2f} |")
    if serve:
        lines += ["", "| Edit shown while serving | Seconds (median) |", "| --- | ---: |"]
        lines += [f"| {name} | {seconds:.2f} |" for name, seconds in serve.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", action="store_true", help="also build 10,000 items")
    parser.add_argument("--quick", action="store_true", help="30 items, one run: checks the script works")
    parser.add_argument("--sizes", type=int, nargs="+", help="item counts (default 1000 5000)")
    parser.add_argument("--repeat", type=int, help="runs per build (default 3; the median is reported)")
    parser.add_argument("--edits", type=int, default=3, help="edits per server in the serve benchmark")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve benchmark")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, help="where corpora are generated")
    parser.add_argument("--config", choices=["bench", "default"], default="bench",
                        help="(b) as bench.yml (extra outputs off, the default) or as mkdocs.yml ships (PDFs off)")
    parser.add_argument("--baseline", type=Path, help="another checkout (e.g. 'git archive main' unpacked): also "
                        "build (b) with its package, configuration and overrides, interleaved, as (b0)")
    parser.add_argument("--core-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.core_only:
        print(json.dumps(core_times(args.core_only)))
        return
    sizes = args.sizes or ([30] if args.quick else [1000, 5000] + ([10000] if args.large else []))
    repeat = args.repeat or (1 if args.quick else 3)
    edits = 1 if args.quick else args.edits
    results: dict[int, dict] = {}
    for n in sizes:
        corpus = prepare(n, args.seed, args.corpus_dir)
        print(f"N = {n}: building {repeat}× plain Material and {repeat}× Kennisbank …", file=sys.stderr)
        runs_a, runs_b, runs_b0 = [], [], []
        config = f"{'mkdocs' if args.config == 'default' else 'bench'}.yml"
        baseline_root = prepare_baseline(corpus, args.baseline.resolve()) if args.baseline else None
        for _ in range(repeat):  # interleaved, so drifting machine load hits both alike
            runs_a.append(build_plain(corpus))
            if args.baseline:
                runs_b0.append(build_kennisbank(corpus, config, args.baseline.resolve(), baseline_root))
            runs_b.append(build_kennisbank(corpus, config))
        for name, runs in (("a", runs_a), ("b0", runs_b0), ("b", runs_b)):
            if runs:
                print(f"N = {n}, ({name}) CPU runs: {', '.join(f'{r.cpu:.2f}' for r in runs)}; "
                      f"load {os.getloadavg()[0]:.1f}", file=sys.stderr)
        cores = [measure_core(corpus) for _ in range(repeat)]
        core = {key: statistics.median(c[key] for c in cores) for key in cores[0]}
        results[n] = {"a": _median(runs_a), "b": _median(runs_b), "core": core}
        if runs_b0:
            results[n]["b0"] = _median(runs_b0)
    serve = None
    if not args.no_serve:
        corpus = prepare(sizes[0], args.seed, args.corpus_dir)
        print(f"N = {sizes[0]}: timing {edits} edit(s) per server …", file=sys.stderr)
        mkdocs = [str(BIN / "mkdocs"), "serve", "-f", "plain.yml"]
        serve = {
            f"plain `mkdocs serve` ({sizes[0]:,} items), item page": statistics.median(
                serve_edits(corpus, mkdocs, edits, check_theme=False)),
            f"plain `mkdocs serve --dirty` ({sizes[0]:,} items), item page only (other pages stale)":
                statistics.median(serve_edits(corpus, [*mkdocs, "--dirty"], edits, check_theme=False)),
            f"`kennisbank serve` ({sizes[0]:,} items), item page and its theme page": statistics.median(
                serve_edits(corpus, [str(BIN / "kennisbank"), "serve", "-f", "mkdocs.yml"], edits,
                            check_theme=True)),
        }
    print(report(results, serve, repeat))


if __name__ == "__main__":
    main()
