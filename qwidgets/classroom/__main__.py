"""Command line: ``python -m qwidgets.classroom generate|misconceptions ...``.

Examples
--------
::

    python -m qwidgets.classroom generate course --lesson 03_bb84
    cd course && nbgrader generate_assignment 03_bb84 && nbgrader autograde 03_bb84
    python -m qwidgets.classroom misconceptions course 03_bb84 --csv mistakes.csv
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from qwidgets.classroom.assignments import generate_course, lessons_with_exercises
from qwidgets.classroom.misconceptions import class_table, table_text, write_csv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m qwidgets.classroom", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="write an nbgrader course directory from the lessons")
    generate.add_argument("course_dir", type=Path)
    generate.add_argument(
        "--lesson",
        action="append",
        choices=lessons_with_exercises(),
        help="a lesson to include (repeat for several; default: every lesson with exercises)",
    )
    generate.add_argument("--course-id", default="quantum-internet-lab")
    generate.add_argument("--timeout", type=int, default=300, help="seconds per cell when grading")
    generate.add_argument(
        "--no-variants",
        dest="variants",
        action="store_false",
        help="grade everyone with the lesson's own numbers (a class without a hub, where the notebook "
        "cannot tell who the student is)",
    )
    table = commands.add_parser("misconceptions", help="per-class table of mistakes after autograding")
    table.add_argument("course_dir", type=Path)
    table.add_argument("assignment")
    table.add_argument("--csv", type=Path, help="also write the table to this CSV file")
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            written = generate_course(
                args.course_dir,
                args.lesson,
                course_id=args.course_id,
                timeout=args.timeout,
                variants=args.variants,
            )
            print("\n".join(str(path) for path in written))
        else:
            tallies = class_table(args.course_dir, args.assignment)
            print(table_text(tallies))
            if args.csv:
                write_csv(tallies, args.csv)
    except (ValueError, LookupError) as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
