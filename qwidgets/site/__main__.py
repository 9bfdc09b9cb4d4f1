"""Command line: ``python -m qwidgets.site build OUT_DIR [--lesson L ...]``.

Examples
--------
::

    python -m qwidgets.site build site
    python -m qwidgets.site build site --lesson 01_qubits --lesson 04_eavesdroppers
    python -m http.server --directory site   # then open http://127.0.0.1:8000/
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from qwidgets.site.build import DEFAULT_TIMEOUT, build_site


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m qwidgets.site", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="execute the lessons and write the static course site")
    build.add_argument("out_dir", type=Path, help="the site's folder (index.html and one page per lesson)")
    build.add_argument(
        "--lesson", action="append", help="a lesson to build, e.g. 01_qubits (repeat; default: all)"
    )
    build.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, help="seconds per cell")
    build.add_argument("--jobs", type=int, default=1, help="lessons executed at once (one kernel each)")
    args = parser.parse_args(argv)
    try:
        site = build_site(args.out_dir, args.lesson, timeout=args.timeout, jobs=args.jobs)
    except ValueError as exc:
        parser.error(str(exc))
    for page in site.pages:
        print(f"{site.out_dir / page.file}  ({page.seconds:.1f} s)  {page.title}")
        for text in page.bare_widgets:
            print(f"  warning: a widget without a picture shows as text only: {text[:80]!r}")
    print(f"{site.index}  ({len(site.pages)} lessons, {site.seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
