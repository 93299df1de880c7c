"""Where a site build spends its CPU time: timers around each step of one MkDocs build, in this process.

Builds the corpus of ``benchmarks/generate.py`` once as (a) plain Material (``plain.yml`` of
``benchmarks/run.py``) or (b) Kennisbank (``mkdocs.yml`` or ``bench.yml``, PDFs off), and prints the CPU
seconds of every step: Python-Markdown (set-up and conversion, per kind of page), the theme templates,
every plugin's and hook's handler of every MkDocs event, and the garbage collector. Each step's time is
its own, without the steps timed inside it, so the rows add up to the build. The garbage collector runs
inside the other steps; its row is also counted in theirs.

cProfile says which functions cost, but it inflates Python-heavy code several times over against C code
(nh3, regular expressions), so the step table is measured without it.

Example::

    python benchmarks/site_steps.py --items 1000 --build plain
    python benchmarks/site_steps.py --items 1000 --build default --json steps.json
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if "--package" in sys.argv:  # another checkout's kennisbank package (a baseline), imported before this one's
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--package") + 1]).resolve()))

from benchmarks.run import CORPUS_DIR, prepare  # noqa: E402

CONFIGS = {"plain": "plain.yml", "default": "mkdocs.yml", "bench": "bench.yml"}


class Steps:
    """Exclusive CPU time per step label: a step's time excludes the timed steps it calls."""

    def __init__(self) -> None:
        self.seconds: collections.Counter[str] = collections.Counter()
        self.calls: collections.Counter[str] = collections.Counter()
        self._stack: list[list[Any]] = []
        self._gc_start = 0.0

    def wrap(self, label: str | Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            name = label(*args, **kwargs) if callable(label) else label
            frame = [name, time.process_time(), 0.0]
            self._stack.append(frame)
            try:
                return function(*args, **kwargs)
            finally:
                self._stack.pop()
                spent = time.process_time() - frame[1]
                self.seconds[name] += spent - frame[2]
                self.calls[name] += 1
                if self._stack:
                    self._stack[-1][2] += spent

        return timed

    def gc_callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            spent = time.process_time() - self._gc_start
            self.seconds["garbage collector (inside the rows above)"] += spent
            self.calls["garbage collector (inside the rows above)"] += 1
            self.seconds[f"  of which generation {info['generation']}"] += spent
            self.calls[f"  of which generation {info['generation']}"] += 1


def page_kind(page: Any) -> str:
    """items, generated pages or other pages: what the page being built is."""
    if page is None:
        return "?"
    file = page.file
    if file.generated_by:
        return "generated"
    top = file.src_uri.split("/", 1)[0]
    return "items" if top in {"artikelen", "praktijkvoorbeelden", "academie"} and "/" in file.src_uri else "other"


def instrument(steps: Steps, config: Any) -> None:
    """Wrap every plugin's event handlers of this configuration."""
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [steps.wrap(f"event {event}: {_owner(m)}", m) for m in methods]


def _owner(method: Callable[..., Any]) -> str:
    module = getattr(method, "__module__", "?")
    owner = getattr(method, "__self__", None)
    if owner is not None and not isinstance(owner, type(sys)):
        return f"{type(owner).__module__}"
    return module


def patch_engine(steps: Steps, config_holder: list[Any]) -> None:
    import markdown
    from mkdocs.commands import build as mk_build
    from mkdocs.structure import pages as mk_pages

    def kind_label(prefix: str) -> Callable[..., str]:
        return lambda *a, **k: f"{prefix} ({page_kind(getattr(config_holder[0], '_current_page', None))})"

    def page_label(prefix: str) -> Callable[..., str]:
        return lambda page, *a, **k: f"{prefix} ({page_kind(page)})"

    markdown.Markdown.__init__ = steps.wrap(kind_label("Markdown set-up"), markdown.Markdown.__init__)
    markdown.Markdown.convert = steps.wrap(kind_label("Markdown convert"), markdown.Markdown.convert)
    mk_pages.Page.render = steps.wrap(page_label("page render rest (toc, links)"), mk_pages.Page.render)
    mk_pages.Page.read_source = steps.wrap("page read source", mk_pages.Page.read_source)
    mk_build._build_page = steps.wrap(page_label("theme template + write"), mk_build._build_page)
    mk_build._populate_page = steps.wrap("populate page rest", mk_build._populate_page)


def run(items: int, build: str, seed: int, corpus_dir: Path = CORPUS_DIR) -> Steps:
    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config

    corpus = prepare(items, seed, corpus_dir)
    os.environ["KENNISBANK_PDF"] = "false"
    os.chdir(corpus.root)
    steps = Steps()
    holder: list[Any] = [None]
    patch_engine(steps, holder)
    original_build = mk_build.build

    def build_instrumented(config: Any, **kwargs: Any) -> None:
        holder[0] = config
        instrument(steps, config)
        steps.wrap("mkdocs build rest", original_build)(config, **kwargs)

    gc.callbacks.append(steps.gc_callback)
    with tempfile.TemporaryDirectory() as site:
        start = time.process_time()
        if build == "plain":
            config = steps.wrap("command rest (configuration)", load_config)(CONFIGS[build], strict=False)
            config.site_dir = site
            config.plugins.on_startup(command="build", dirty=False)
            build_instrumented(config)
        else:
            from kennisbank.mkdocs import commands

            commands.build = build_instrumented  # type: ignore[assignment]
            build_site = steps.wrap("command rest (configuration, staging folder)", commands.build_site)
            build_site(Path(CONFIGS[build]), Path(site) / "site", strict=False)
        steps.seconds["total (process CPU of the build)"] = time.process_time() - start
    gc.callbacks.remove(steps.gc_callback)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--build", choices=sorted(CONFIGS), default="default")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, help="where corpora are generated")
    parser.add_argument("--package", type=Path, help="a checkout whose kennisbank package to build with")
    args = parser.parse_args()
    steps = run(args.items, args.build, args.seed, args.corpus_dir)
    import kennisbank

    print(f"kennisbank from {Path(kennisbank.__file__).parent}, load {os.getloadavg()[0]:.1f}")
    width = max(map(len, steps.seconds))
    for name, seconds in steps.seconds.most_common():
        print(f"{name:<{width}}  {seconds:7.2f} s  {steps.calls[name]:>7}")
    if args.json:
        args.json.write_text(json.dumps({"build": args.build, "items": args.items, "seconds": steps.seconds,
                                         "calls": steps.calls, "load": os.getloadavg()}, indent=1))


if __name__ == "__main__":
    main()
