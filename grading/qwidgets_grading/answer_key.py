"""The instructor guide's generated pages: the answer key with misconceptions, and the lesson plan.

Nothing here restates an exercise. :func:`answer_key_page` asks the registry
(:data:`~qwidgets.exercises.core.EXERCISES`) for each exercise's form of answer and points, asks
:func:`~qwidgets_grading.registry.reference_solution` for the answer (with the lesson's own
numbers), takes the explanation from
the reference solution's docstring, and lets the check itself say what it tells a student who
gives the reference answer and each answer of :data:`TYPICAL_MISTAKES`. :func:`lesson_plan_page`
reads each lesson notebook's title, learning goals and length. The committed pages in
``docs/instructors/`` must equal these functions' output (a test compares them); regenerate them
with ``python -m qwidgets_grading.answer_key``.
"""

from __future__ import annotations

import argparse
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from qwidgets.exercises.core import EXERCISES, Exercise, Feedback
from qwidgets.exercises.variants import format_value
from qwidgets.paths import LESSONS_DIR, REPO_ROOT
from qwidgets_grading.registry import reference_solution, solution_function

__all__ = [
    "ANSWER_KEY_PAGE",
    "LESSON_PLAN_PAGE",
    "TYPICAL_MISTAKES",
    "LessonPlan",
    "answer_key_page",
    "lesson_plan",
    "lesson_plan_page",
    "main",
]

LESSONS = LESSONS_DIR
GUIDE = REPO_ROOT / "docs" / "instructors"
ANSWER_KEY_PAGE = "answers.md"
LESSON_PLAN_PAGE = "lessons.md"
WORDS_PER_MINUTE = 100  # reading technical prose with formulas
MINUTES_PER_CELL = 2  # running a code cell and playing with a panel (exercise cells excluded)
MINUTES_PER_POINT = 4  # answering an exercise, reading the feedback, trying again
_PI = math.pi
LESSON_NUMBERS = ""  # the student id that asks for the lesson's own numbers, not a variant

TYPICAL_MISTAKES: dict[str, tuple[Any, ...]] = {
    # The wrong answers the lessons' tests (tests/exercises/test_*_exercises.py) use, at most four
    # per exercise; the check of each names the misconception in its feedback.
    "qubits.minus_angles": ((90, 180), (_PI, _PI / 2), (_PI / 2, 0.0), (_PI / 2, _PI / 2)),
    "qubits.probability_zero": (0.965926, 0.0669873, 0.75, 0.866025),
    "qubits.y_basis_probability": (0.75, 0.5, 0.0669873, 0.965926),
    "qubits.z_then_x": (1.0, 0, 0.25, 50),
    "qubits.state_after_measurement": ((_PI / 2, 0.0), (0.0, 0.0), (180, 0), (0.0, _PI)),
    "qubits.gates_to_plus_i": ([("RX", _PI / 2)], ["H", "Z", "S"], ["S", "H"], ["H", "S", "Z"]),
    "no_cloning.cnot_copy_fidelity": (1, 0.0, 0.25, 0.707107),
    "no_cloning.universal_fidelity": (1.0, 0.666667, 0.5, 1.25),
    "no_cloning.copy_length": (0.833333, 1, 0.333333, 1.66667),
    "no_cloning.measure_prepare_fidelity": (0.833333, 0.5, 1, 0.75),
    "no_cloning.no_amplifier": ("a", "c", "d"),
    "bb84.other_basis_probability": (1.0, 0, 0.25, 0.707107),
    "bb84.sift_fraction": (0.25, 1, 0.75, 0.666667),
    "bb84.who_knows": ("a", "c", "d"),
    "bb84.sifted_key": ("1100011010", "1101010000", "00101", "01000"),
    "bb84.eve_qber": (0.5, 1, 0, 0.75),
    "bb84.one_time_pad": ("01010", "11110", "01011", "11010"),
    "eavesdroppers.partial_qber": (0.4, 40, 0.2, 0.25),
    "eavesdroppers.breidbart_guess": (0.75, 0.5, 1.0, 0.146447),
    "eavesdroppers.unseen_probability": (0.996829, 9.09495e-13, 9.53674e-07, 0.75),
    "eavesdroppers.check_bits": (24, 24.01, 0.999),
    "eavesdroppers.key_fraction": (0.713603, 0.95, 0.572794, 0.286397),
    "eavesdroppers.pns_share": (0.090204, 0.229253, 0, 0.01),
    "loss.spliced_fraction": (0.1, 0.3, 0.0333333, 0.01),
    "loss.ultralow_fraction": (0.01, 16, 0.16, 0.84),
    "loss.plob_rate": (1.4427e-10, 0.1, 0.0434295, 0.0693147),
    "loss.decoy_reach": (30, 31.2, 206, 122),
    "loss.fast_clock_reach": (301, 295, 151289, 206),
    "loss.beat_the_bound": ("a", "b", "c"),
    "relays.relay_xor_key": ("110100", "011001", "010010", "010000"),
    "relays.chain_rate": (272.381, 90.7936, 128.316, 12.645),
    "relays.chain_key_holders": (5, 6, 2, 8),
    "relays.chain_fewest_nodes": (7, 5, 4, 0),
    "relays.downlink_doubling_db": (3.0103, 30.0, 12.4, 36.0),
    "relays.downlink_vs_fibre": (206.539, 20.6539, 240.6, 7.06376),
    "relays.relay_end_to_end": ("a", "b", "d"),
    "entanglement.same_bit_probability": (0.707107, 0.92388, 0.5, 0.146447),
    "entanglement.bob_without_news": (0.853553, 0.146447, 0.426777, 0.707107),
    "entanglement.chsh_classical_win": (0.5, 1, 0.853553, 2),
    "entanglement.chsh_werner_value": (2.40416, 2.82843, 0.8, 0.782843),
    "entanglement.chsh_violation_fidelity": (0.5, 0.707107, 0.75, 0.292893),
    "entanglement.no_signalling": ("a", "c", "d"),
    "e91.e91_key_settings": ("a1b1, a2b2, a3b3", "a1b1, a1b3, a3b1, a3b3", "a1b2, a2b3"),
    "e91.e91_key_bits": (3000, 4500, 4000, 6000),
    "e91.e91_eve_chsh": (2.82843, 2.0, 0.0, 2.12132),
    "e91.e91_eve_qber": (0.5, 0.0, 0.125, 0.375),
    "e91.e91_noise_threshold": (0.292893, 0.11, 0.25, 0.585786),
    "e91.e91_device_independent": ("a", "c", "d"),
    "teleportation.teleport_bits": (0, 1, 3, 4),
    "teleportation.teleport_bob_before": (0.75, 0.866025, 0.25, 1),
    "teleportation.teleport_correction": ("X", "X Z", "H", ""),
    "teleportation.teleport_faster_than_light": ("a", "b", "d"),
    "teleportation.teleport_original": ("a", "c", "d"),
    "teleportation.teleport_werner_fidelity": (0.9, 0.81, 0.6, 1),
    "teleportation.teleport_beat_classical": (0.666667, 0.78033, 0.25, 1),
    "repeaters.repeater_memory_time": (0.00333564, 0.01, 5, 3.34),
    "repeaters.repeater_memory_fidelity": (0.367879, 0.632121, 0.5, 0.567668),
    "repeaters.repeater_swap_fidelity": (0.81, 0.82, 0.9, 0.8),
    "repeaters.repeater_purify_fidelity": (0.64, 0.8, 0.96, 0.941176),
    "repeaters.repeater_purify_success": (0.64, 0.68, 1, 0.8),
    "repeaters.repeater_swap_levels": (7, 8, 9, 4),
    "repeaters.repeater_not_amplifier": ("a", "b", "d"),
    "computing_networks.computing_fault_tolerance": ("a", "c", "d"),
    "computing_networks.computing_blind_stage": (5, 4, 2, 1),
    "computing_networks.computing_telescope_gain": (10.0, 10000.0, 0.01, 0.1),
    "computing_networks.computing_nonlocal_cost": ((2, 4), (2, 2), (0, 2), (1, 4)),
    "computing_networks.computing_plus_zero": ("a", "b", "d"),
    "computing_networks.computing_werner_fidelity": (0.8, 0.933333, 0.84, 0.64),
    "roadmap.roadmap_lowest_stages": ([5, 1, 5, 2, 3], [4, 1, 5, 2, 3], [1, 1, 5, 2, 3], [3, 0, 5, 2, 3]),
    "roadmap.roadmap_all_end_nodes": ("a", "b", "d"),
    "roadmap.roadmap_backbone_stage": (1, 2),
    "roadmap.roadmap_hub_memory": (3, 5, 1),
    "roadmap.roadmap_memory_time": (0.0015, 0.00075, 1.85335, 3.7052),
    "roadmap.roadmap_design": (),  # a wrong design is a Network: the check's docstring lists them
}
"""Typical wrong answers of each exercise, by exercise id: answers only, the checks explain them."""


def _plain(value: Any) -> bool:
    """Whether ``value`` is a number, a text, or a tuple or list of these (an answer typed by hand)."""
    if isinstance(value, (tuple, list)):
        return all(_plain(item) for item in value)
    return isinstance(value, (int, float, str))


def _show(value: Any) -> str:
    """A plain answer as Python a student could type, numbers to 4 significant digits."""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_show(item) for item in value)
        return f"({inner}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{inner}]"
    return repr(value)


def _answer(entry: Exercise, value: Any) -> str:
    """The reference answer in the page: typed out, or where the solution builds it."""
    if _plain(value):
        return f"`{_show(value)}`"
    function = solution_function(entry.id)
    return f"a `{type(value).__name__}`, built by `{function.__module__}.{function.__name__}()`"


def _markdown(text: str) -> str:
    """Docstring text as Markdown: Sphinx roles and double backticks become plain code."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`.]+)`", r"`\1`", text)
    return " ".join(text.replace("``", "`").split())


def _solution_doc(entry: Exercise) -> str:
    """The docstring of the exercise's reference solution (named after the task): why the answer is right."""
    return _markdown(solution_function(entry.id).__doc__ or "")


def _check_doc(entry: Exercise) -> tuple[str, str]:
    """From the check's docstring: its first line (the form of the answer), and what its feedback names."""
    doc = entry.check.__doc__ or ""
    named = re.search(r"Returns\n\s*-+\n\s*Verdict\n(.*?)(?:\n\s*\n|$)", doc, flags=re.S)
    text = _markdown(named.group(1)) if named else ""
    return doc.strip().splitlines()[0], re.sub(r"^Correct(?: \([^)]*\))?[^,]*, or ", "", text)


def _quote(feedback: Feedback) -> str:
    """The check's feedback in one line: message, then the hint in italics."""
    hint = f" *Hint:* {feedback.hint}" if feedback.hint else ""
    return f"{feedback.message}{hint}"


def _exercise_section(number: int, entry: Exercise) -> list[str]:
    """The lines of one exercise's section: form, answer and why, the check's words, typical mistakes."""
    answer = reference_solution(entry.id, student=LESSON_NUMBERS)
    form, named = _check_doc(entry)
    points = f"{entry.points} point{'s' if entry.points > 1 else ''}"
    lines = [
        f"### {number}. `{entry.answer_name}` ({points})",
        "",
        f"Form: {form}",
        "",
        f"**Answer:** {_answer(entry, answer)}. {_solution_doc(entry)}",
        "",
        f"The check says: {_quote(entry.check(answer, student=LESSON_NUMBERS))}",
        "",
    ]
    if entry.params:
        options = "; ".join(
            f"{p.symbol or p.name} from {', '.join(format_value(v) for v in p.options)}" for p in entry.params
        )
        lines += [
            f"**Per-student variants** on a class hub: {options} (the lesson's own numbers first, which "
            "no named student gets). `reference_solution(id, student)` gives each student's answer.",
            "",
        ]
    if named:
        lines += [f"Otherwise the check names {named}", ""]
    mistakes = TYPICAL_MISTAKES.get(entry.id, ())
    if mistakes:
        lines += ["Typical wrong answers and what the check tells the student:", ""]
        lines += [
            f"- `{_show(wrong)}`: {_quote(entry.check(wrong, student=LESSON_NUMBERS))}" for wrong in mistakes
        ]
        lines.append("")
    return lines


def answer_key_page() -> str:
    """The answer key: every exercise's answer, why, and the misconceptions its check names.

    Returns
    -------
    str
        Markdown, one section per lesson and one subsection per exercise, in the order of the
        lessons; numbers shown to 4 significant digits.

    Raises
    ------
    LookupError
        If an exercise has no reference solution.
    """
    lines = [
        "# Answer key and misconceptions",
        "",
        "Generated by `python -m qwidgets_grading.answer_key` from the exercise registry: each",
        "answer is the reference solution, its explanation the solution's docstring, and every quote",
        "is what the check itself tells a student. Do not edit by hand; a test fails when this page is",
        "out of date. Give students this page only after the assignments are graded.",
        "",
    ]
    by_lesson: dict[str, list[Exercise]] = {}
    for entry in EXERCISES.values():
        by_lesson.setdefault(entry.lesson, []).append(entry)
    for lesson, entries in by_lesson.items():
        total = sum(entry.points for entry in entries)
        lines += [
            f"## [{lesson}](../../lessons/{lesson}.ipynb)",
            "",
            f"{len(entries)} exercises, {total} points.",
            "",
        ]
        for number, entry in enumerate(entries, start=1):
            lines += _exercise_section(number, entry)
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class LessonPlan:
    """What a lesson notebook asks of a class.

    Attributes
    ----------
    stem : str
        The notebook's file name without ``.ipynb``, e.g. ``"01_qubits"``.
    title : str
        The first heading of the notebook.
    goals : tuple of str
        The bullets of its "Learning goals" paragraph.
    words : int
        Words of prose (markdown cells).
    cells : int
        Code cells that are not exercises (panels, demonstrations).
    exercises : int
        Exercises registered for the lesson.
    points : int
        Their points.
    """

    stem: str
    title: str
    goals: tuple[str, ...]
    words: int
    cells: int
    exercises: int
    points: int

    @property
    def minutes(self) -> int:
        """Estimated class time, rounded up to 5 minutes (see :data:`WORDS_PER_MINUTE` and the others)."""
        raw = self.words / WORDS_PER_MINUTE + self.cells * MINUTES_PER_CELL + self.points * MINUTES_PER_POINT
        return 5 * math.ceil(raw / 5)


def _goals(opening: str) -> tuple[str, ...]:
    """The bullets after "Learning goals" in a lesson's opening cell, each on one line."""
    section = re.search(r"\*\*Learning goals\.\*\*.*?\n\n(.*?)(?:\n\n|$)", opening, flags=re.S)
    if section is None:
        return ()
    return tuple(
        " ".join(item.split()) for item in re.split(r"^- ", section.group(1), flags=re.M) if item.strip()
    )


def lesson_plan(path: Path | str) -> LessonPlan:
    """Read a lesson notebook's title, learning goals and length.

    Parameters
    ----------
    path : path-like
        A lesson notebook, ``lessons/NN_name.ipynb``.

    Returns
    -------
    LessonPlan
    """
    path = Path(path)
    cells = nbformat.read(str(path), as_version=4).cells
    entries = [entry for entry in EXERCISES.values() if entry.lesson == path.stem]
    markdown = [cell.source for cell in cells if cell.cell_type == "markdown"]
    code = [cell.source for cell in cells if cell.cell_type == "code"]
    answers = [f"{entry.answer_name} = None" for entry in entries]
    opening = markdown[0] if markdown else ""
    return LessonPlan(
        stem=path.stem,
        title=opening.splitlines()[0].lstrip("# ").strip() if opening else path.stem,
        goals=_goals(opening),
        words=sum(len(source.split()) for source in markdown),
        cells=sum(not any(answer in source for answer in answers) for source in code),
        exercises=len(entries),
        points=sum(entry.points for entry in entries),
    )


def lesson_plan_page(lessons: Path | str = LESSONS) -> str:
    """The lesson plan: every lesson's learning goals and estimated time.

    Parameters
    ----------
    lessons : path-like
        The folder of lesson notebooks (``NN_name.ipynb``).

    Returns
    -------
    str
        Markdown: a table of lengths and estimates, then each lesson's learning goals.
    """
    plans = [lesson_plan(path) for path in sorted(Path(lessons).glob("[0-9][0-9]_*.ipynb"))]
    intro = (
        "Generated by `python -m qwidgets_grading.answer_key` from the lesson notebooks; do not edit it by "
        "hand. The times are **estimates**, not measurements with students: the prose read at "
        f"{WORDS_PER_MINUTE} words a minute, {MINUTES_PER_CELL} minutes for each code cell that is not an "
        f"exercise (running it, playing with a panel) and {MINUTES_PER_POINT} minutes per exercise point, "
        "rounded up to 5 minutes. Students who read faster, or skip the asides, need less; a class that "
        "discusses each panel needs more."
    )
    lines = [
        "# Lesson plan: learning goals and timing",
        "",
        *textwrap.wrap(intro, 100),
        "",
        "| lesson | words | code cells | exercises | points | estimate |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| [{plan.title}](../../lessons/{plan.stem}.ipynb) | {plan.words} | {plan.cells} | "
        f"{plan.exercises} | {plan.points} | {plan.minutes} min |"
        for plan in plans
    ]
    total = sum(plan.minutes for plan in plans)
    lines += [f"| all | | | | | {total // 60} h {total % 60:02d} min |", ""]
    for plan in plans:
        lines += [f"## {plan.title}", "", "After this lesson a student can", ""]
        lines += [f"- {goal}" for goal in plan.goals]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Write the generated pages of the instructor guide (``python -m qwidgets_grading.answer_key``)."""
    parser = argparse.ArgumentParser(prog="python -m qwidgets_grading.answer_key", description=main.__doc__)
    parser.add_argument(
        "folder", nargs="?", type=Path, default=GUIDE, help="where to write (default: %(default)s)"
    )
    parser.add_argument(
        "--lessons", type=Path, default=LESSONS, help="the lesson notebooks (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    (args.folder / ANSWER_KEY_PAGE).write_text(answer_key_page(), encoding="utf-8")
    (args.folder / LESSON_PLAN_PAGE).write_text(lesson_plan_page(args.lessons), encoding="utf-8")


if __name__ == "__main__":
    main()
