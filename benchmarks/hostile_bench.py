"""CPU time of the check on inputs that were quadratic, and of Python-Markdown at the caps of the check.

Usage: .venv/bin/python benchmarks/hostile_bench.py [--repeat 3]

Each measurement is the median CPU time (``time.process_time``) of ``--repeat`` runs in this process; CPU
time, not wall time, because the machine is shared. Part 1 runs the check's scans of one body
(:func:`kennisbank.content.limits.check_limits`, :func:`kennisbank.content.markup.scan`,
:func:`kennisbank.content.safety.check_body`, the search text extraction); part 2 renders, with the site's own
Markdown extensions, a file that sits just below the caps of ``kennisbank/content/limits.py``, to show what the
caps leave Python-Markdown to do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KB = 80 * 1024
HOSTILE = {
    "80 KB of backticks after a word": "Tekst " + "`" * KB,
    "'\\``' repeated (escaped backticks)": "\\``" * (KB // 3),
    "'<a ' repeated, one line": "<a " * (KB // 3),
    "'<a ' repeated, a line each": "<a \n" * (KB // 4),
    "'<!--' repeated": "<!--" * (KB // 4),
    "'[a](' and 80 KB of spaces": "[a](" + " " * KB,
    "'![' repeated": "![" * (KB // 2),
    "'{' and 80 KB of spaces": "{" + " " * KB,
}
BELOW_CAPS = {
    # 20 paragraphs of 240 of each costly character: the file total stays under 5,000.
    "'![' x 240, 20 paragraphs": "\n\n".join(["![" * 240] * 20),
    "'[' x 240, 20 paragraphs": "\n\n".join(["[" * 240] * 20),
    "'<a ' x 240, 8 paragraphs (2,000 per file for '<')": "\n\n".join(["<a " * 240] * 8),
    "'\\``' x 120, 20 paragraphs": "\n\n".join(["\\``" * 120] * 20),
    "list nested 20 deep, 50 times": "\n\n".join(["".join("    " * i + "- a\n" for i in range(20))] * 50),
}


def median_cpu(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("KENNISBANK_PDF", "false")

    import markdown
    from mkdocs.config import load_config

    from kennisbank.content.limits import check_limits
    from kennisbank.content.markup import scan
    from kennisbank.content.safety import check_body
    from kennisbank.outputs.search.documents import plain_text

    def check(body: str) -> None:
        check_limits("x.md", body, 1)
        check_body("x.md", body, 1, (), scan(body, 1))
        plain_text(body)

    print(f"{'input (check: limits, scan, safety, search text)':55} {'CPU s':>7}")
    for name, body in HOSTILE.items():
        print(f"{name:55} {median_cpu(lambda body=body: check(body), args.repeat):7.3f}")

    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    print(f"\n{'input below the caps (Python-Markdown)':55} {'CPU s':>7} {'problems':>8}")
    for name, body in BELOW_CAPS.items():
        seconds = median_cpu(lambda body=body: md.reset().convert(body), args.repeat)
        print(f"{name:55} {seconds:7.3f} {len(check_limits('x.md', body, 1)):8}")


if __name__ == "__main__":
    main()
