"""The instructor guide's generated pages: up to date, complete, and saying what the closed forms say.

Truths are closed forms written here (e.g. cos²(π/12)), independent of the checks and solutions.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pytest
from qwidgets_grading.answer_key import (
    ANSWER_KEY_PAGE,
    LESSON_PLAN_PAGE,
    TYPICAL_MISTAKES,
    answer_key_page,
    lesson_plan,
    lesson_plan_page,
    main,
)

from qwidgets.exercises import EXERCISES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "instructors"
PI = math.pi


@pytest.fixture(scope="module")
def page() -> str:
    return answer_key_page()


def section(page: str, answer_name: str) -> str:
    """The text of one exercise's section of the answer key."""
    (found,) = re.findall(rf"### \d+\. `{answer_name}` .*?(?=\n### |\n## |\Z)", page, flags=re.S)
    return found


def test_the_committed_answer_key_is_the_generated_one(page):
    committed = (GUIDE / ANSWER_KEY_PAGE).read_text(encoding="utf-8")
    assert committed == page, (
        "docs/instructors/answers.md is stale: run python -m qwidgets_grading.answer_key"
    )


def test_the_committed_lesson_plan_is_the_generated_one():
    committed = (GUIDE / LESSON_PLAN_PAGE).read_text(encoding="utf-8")
    assert committed == lesson_plan_page(), (
        "docs/instructors/lessons.md is stale: run python -m qwidgets_grading.answer_key"
    )


def test_every_exercise_has_one_section_in_the_order_of_the_lessons(page):
    headings = re.findall(r"^### \d+\. `(\w+)` \((\d+) points?\)$", page, flags=re.M)
    assert headings == [(entry.answer_name, str(entry.points)) for entry in EXERCISES.values()]
    lessons = re.findall(r"^## \[(\w+)\]\(\.\./\.\./lessons/(\w+)\.ipynb\)$", page, flags=re.M)
    assert [a for a, b in lessons if a == b] == list(dict.fromkeys(e.lesson for e in EXERCISES.values()))


def test_typical_mistakes_are_listed_for_every_exercise_in_registry_order():
    assert list(TYPICAL_MISTAKES) == list(EXERCISES)


MISTAKES = [(exercise_id, wrong) for exercise_id, answers in TYPICAL_MISTAKES.items() for wrong in answers]


@pytest.mark.parametrize(("exercise_id", "wrong"), MISTAKES, ids=repr)
def test_each_typical_mistake_is_named_by_its_check_not_taken_for_a_form_error(exercise_id, wrong):
    check = EXERCISES[exercise_id].check
    feedback = check(wrong)
    assert feedback.status == "wrong", str(feedback)
    assert "could not read" not in feedback.message
    assert feedback.hint and feedback.hint != check.__doc__.strip().splitlines()[0], str(feedback)


@pytest.mark.parametrize("exercise_id", [i for i, answers in TYPICAL_MISTAKES.items() if answers])
def test_the_typical_mistakes_of_an_exercise_are_told_apart(exercise_id):
    check = EXERCISES[exercise_id].check
    messages = [check(wrong).message for wrong in TYPICAL_MISTAKES[exercise_id]]
    assert len(set(messages)) == len(messages)


def test_the_answer_key_quotes_the_checks_on_typical_mistakes(page):
    text = section(page, "answer_probability_zero")
    assert "- `0.9659`: 0.966 is the amplitude of |0⟩" in text  # cos(π/12), the amplitude
    assert "*Hint:* Square the amplitude." in text
    assert "- `(90, 180)`:" in section(page, "answer_minus_angles")
    assert "degrees" in section(page, "answer_minus_angles")


@pytest.mark.parametrize(
    ("answer_name", "shown"),
    [
        ("answer_minus_angles", f"({PI / 2:.4g}, {PI:.4g})"),  # |−⟩: θ = π/2, φ = π
        ("answer_probability_zero", f"{math.cos(PI / 12) ** 2:.4g}"),  # cos²(θ/2), θ = π/6
        ("answer_gates_to_plus_i", "['H', 'S']"),
        ("answer_universal_fidelity", f"{5 / 6:.4g}"),  # Bužek-Hillery / Gisin-Massar 1 -> 2
        ("answer_breidbart_guess", f"{math.cos(PI / 8) ** 2:.4g}"),  # Breidbart basis
        ("answer_e91_eve_chsh", f"{math.sqrt(2):.4g}"),  # S for an intercept-resend Eve
        ("answer_teleport_werner_fidelity", f"{(2 * 0.9 + 1) / 3:.4g}"),  # (2F + 1)/3, F = 0.9
        ("answer_computing_nonlocal_cost", "(1, 2)"),  # one pair, two bits
        ("answer_roadmap_lowest_stages", "[3, 1, 5, 2, 3]"),
        ("answer_no_amplifier", "'b'"),
    ],
)
def test_the_answer_key_gives_the_closed_forms(page, answer_name, shown):
    assert f"**Answer:** `{shown}`." in section(page, answer_name)


def test_an_answer_that_is_an_object_points_at_the_solution_that_builds_it(page):
    text = section(page, "answer_roadmap_design")
    assert "**Answer:** a `Network`, built by `qwidgets_grading.solutions.roadmap.roadmap_design()`." in text
    assert ":func:" not in page and "``" not in page


def test_the_answer_key_explains_each_answer_with_the_check_and_the_solution(page):
    text = section(page, "answer_minus_angles")
    assert "relative phase e^{iφ} = −1, so φ = π" in text  # the solution's docstring
    assert "The check says: (θ, φ) = (1.571, 3.142) is |−⟩." in text
    assert "Otherwise the check names what the angles point to instead (degrees" in text


def write_lesson(folder: Path, stem: str, cells: list) -> Path:
    path = folder / f"{stem}.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(path))
    return path


OPENING = (
    "# 01 · Qubits in brief\n\n"
    "**Learning goals.** After this lesson you can\n\n"
    "- say what a qubit is;\n"
    "- place a state on the\n  Bloch sphere.\n\n"
    "**Roadmap stage:** all."
)


def test_a_lesson_plan_counts_prose_panels_and_points(tmp_path):
    prose = " ".join(["word"] * 230)
    path = write_lesson(
        tmp_path,
        "01_qubits",  # the registry's lesson 01: 6 exercises, 7 points
        [
            nbformat.v4.new_markdown_cell(OPENING),
            nbformat.v4.new_markdown_cell(prose),
            nbformat.v4.new_code_cell("from qwidgets import QubitPanel"),
            nbformat.v4.new_code_cell("QubitPanel()"),
            nbformat.v4.new_code_cell("answer_minus_angles = None\ncheck_minus_angles(answer_minus_angles)"),
        ],
    )
    plan = lesson_plan(path)
    assert plan.title == "01 · Qubits in brief"
    assert plan.goals == ("say what a qubit is;", "place a state on the Bloch sphere.")
    assert plan.words == 30 + 230  # the opening cell has 30 words
    assert (plan.cells, plan.exercises, plan.points) == (2, 6, 7)
    assert plan.minutes == 35  # 2.6 min reading + 2 cells x 2 min + 7 points x 4 min = 34.6, up to 35


def test_a_lesson_without_exercises_or_goals_is_planned_too(tmp_path):
    path = write_lesson(
        tmp_path, "99_extra", [nbformat.v4.new_markdown_cell("# 99 · Extra\n\n" + "w " * 496)]
    )
    plan = lesson_plan(path)
    assert (plan.title, plan.goals, plan.words, plan.cells, plan.points, plan.minutes) == (
        "99 · Extra",
        (),
        500,
        0,
        0,
        5,
    )


def test_the_lesson_plan_lists_every_lesson_with_its_goals():
    text = lesson_plan_page()
    lessons = sorted(p.stem for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
    linked = re.findall(r"\]\(\.\./\.\./lessons/(\w+)\.ipynb\)", text)
    assert linked == lessons and len(lessons) == 13
    assert "estimates" in text
    assert "- compute the probabilities of the outcomes of a measurement in the Z, X and Y bases" in text


def test_main_writes_both_pages(tmp_path):
    main([str(tmp_path / "guide")])
    assert (tmp_path / "guide" / ANSWER_KEY_PAGE).read_text(encoding="utf-8") == answer_key_page()
    assert (tmp_path / "guide" / LESSON_PLAN_PAGE).read_text(encoding="utf-8") == lesson_plan_page()


@pytest.mark.parametrize("page_name", ["README.md", ANSWER_KEY_PAGE, LESSON_PLAN_PAGE])
def test_the_guide_links_only_to_files_that_exist(page_name):
    text = (GUIDE / page_name).read_text(encoding="utf-8")
    targets = re.findall(r"\]\((?!https?:)([^)#\s]+)\)", text)
    assert targets
    missing = [target for target in targets if not (GUIDE / target).exists()]
    assert not missing, f"docs/instructors/{page_name} links to missing files: {missing}"
