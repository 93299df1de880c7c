"""What the house style's contrast check costs: every build and every 'kennisbank check' runs it.

Usage: .venv/bin/python -m benchmarks.branding_bench

Times the check (kennisbank.content.branding.contrast_problems) on the default palette, which passes, and on
one where all four colours fail, so each key also searches for its nearest passing colour (up to 1,001
lightnesses, each measured against every check of its key); and the stylesheet made from it. Median of 7
runs, CPU time of this process.
"""

from __future__ import annotations

import os
import statistics
import time

from kennisbank.content.branding import Branding, contrast_problems
from kennisbank.site.branding import stylesheet

FAILING = Branding(kleuren={"licht": {"primair": "#6c8ebf", "accent": "#ffb300"},
                            "donker": {"primair": "#90caf9", "accent": "#283593"}})


def median_cpu(work, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f}")
    default = Branding()
    for label, work in (("check, default palette (passes)", lambda: contrast_problems(default)),
                        ("check, four failing colours", lambda: contrast_problems(FAILING)),
                        ("stylesheet", lambda: stylesheet(default))):
        print(f"{label}: {median_cpu(work) * 1000:.3f} ms CPU")
    print(f"problems for the failing palette: {len(contrast_problems(FAILING))}; "
          f"stylesheet: {len(stylesheet(default).encode())} bytes")


if __name__ == "__main__":
    main()
