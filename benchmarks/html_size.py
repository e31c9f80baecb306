"""Size of the HTML page for N synthetic articles (HAND-MADE briefings of benchmarks/merge_scale.py).

Target (issue 12): a page that stays readable and under a few MB at any size (it was 38.5 MB for 2,000
articles: the coverage matrix was items x articles). Usage: python benchmarks/html_size.py [--sizes 200,2000,20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from merge_scale import synthetic  # noqa: E402

from summarize.digest.merge import merge  # noqa: E402
from summarize.render.html import render_html  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,20000")
    args = parser.parse_args()
    print(f"{'articles':>9} {'items':>7} {'MB':>7} {'render s':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        digest = merge(synthetic(n))
        started = time.perf_counter()
        page = render_html(digest)
        seconds = time.perf_counter() - started
        items = len(digest.actors) + len(digest.decisions) + len(digest.weapons) + len(digest.open_questions)
        print(f"{n:>9} {items:>7} {len(page.encode('utf-8')) / 1e6:>7.2f} {seconds:>9.2f}")


if __name__ == "__main__":
    main()
