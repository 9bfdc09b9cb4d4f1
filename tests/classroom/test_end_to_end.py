"""Generate, release, submit four students, autograde, and read scores and the misconceptions table.

Headless, in a temporary directory, for lessons 01 (qubits) and 03 (BB84), with per-student
numbers on (as on a hub): ``alice`` submits the reference solutions for her own numbers, ``bob``
the untouched stubs, ``carol`` typical wrong answers to some exercises (worked out with her own
numbers) and right ones elsewhere, and ``frank`` copies alice's notebook: he keeps the points of
the exercises that are the same for everyone and loses those where his numbers differ. One of
carol's answers is an expression (``1 / 4``), which the table must read from the autograder's
output rather than from the source.
"""

import csv
import html
import math
import re

import nbformat
import pytest
from qwidgets_grading import reference_solution

from qwidgets.classroom.__main__ import main
from qwidgets.classroom.assignments import autograder_grade_id, generate_course
from qwidgets.exercises import EXERCISES, variant

nbgrader_api = pytest.importorskip("nbgrader.api")

STUDENTS = ("alice", "bob", "carol", "frank")
COPIED = "another student's numbers"  # the check's words for an answer right for someone else's numbers
WRONG = {  # lesson: {exercise: (answer source, or source from carol's numbers; words of the feedback)}
    "01_qubits": {
        "qubits.minus_angles": ("(90, 180)", "in degrees"),
        "qubits.probability_zero": (lambda p: repr(math.cos(p.theta)), "not a probability"),  # <Z>, not P(0)
        "qubits.gates_to_plus_i": ("['S', 'H']", "(s then h) give |+⟩, not |+i⟩"),  # gate order; 2 points
    },
    "03_bb84": {
        "bb84.other_basis_probability": ("0.25", "squares once too often"),  # amplitude squared twice
        "bb84.sift_fraction": ("1 / 4", "both choose z"),  # only the ZZ pairs kept
        "bb84.eve_qber": (
            lambda p: repr(p.fraction / 2),
            "intercepted in the wrong basis",
        ),  # each one an error
        "bb84.one_time_pad": (lambda p: repr(xnor(format(p.hour, "05b"), LESSON_KEY)), "xor upside down"),
    },
}


LESSON_KEY = "11010"  # lesson 03's sifted key, the one-time pad


def xnor(message, key):
    """XOR turned upside down: 1 where the bits agree."""
    return "".join("1" if m == k else "0" for m, k in zip(message, key))


def entries(lesson):
    return [e for e in EXERCISES.values() if e.lesson == lesson]


def submit(course, lesson, student, answers):
    """Copy the released notebook to ``submitted/<student>/``, replacing stubs by ``answers`` (source)."""
    notebook = nbformat.read(str(course / "release" / lesson / f"{lesson}.ipynb"), as_version=4)
    for cell in notebook.cells:
        for entry in entries(lesson):
            stub = f"{entry.answer_name} = None"
            if entry.id in answers and cell.source.startswith(stub):
                cell.source = cell.source.replace(stub, f"{entry.answer_name} = {answers[entry.id]}", 1)
    path = course / "submitted" / student / lesson / f"{lesson}.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(notebook, str(path))


def varied(lesson):
    """The lesson's exercises whose numbers differ from student to student."""
    return [e for e in entries(lesson) if e.params]


def right_answers(lesson, student):
    return {e.id: repr(reference_solution(e.id, student)) for e in entries(lesson)}


def carols_mistakes(lesson):
    return {
        i: answer(variant(i, "carol")) if callable(answer) else answer
        for i, (answer, _) in WRONG[lesson].items()
    }


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory, run_nbgrader):
    course = tmp_path_factory.mktemp("class")
    generate_course(course, list(WRONG), timeout=120)
    for lesson in WRONG:
        run_nbgrader(course, "generate_assignment", lesson, "--force")
        submit(course, lesson, "alice", right_answers(lesson, "alice"))
        submit(course, lesson, "bob", {})
        submit(course, lesson, "carol", {**right_answers(lesson, "carol"), **carols_mistakes(lesson)})
        submit(course, lesson, "frank", right_answers(lesson, "alice"))
        run_nbgrader(course, "autograde", lesson, "--create")
    return course


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_premises_each_student_has_numbers_of_their_own(lesson):
    assert varied(lesson), f"{lesson} has no exercise with per-student numbers"
    for entry in varied(lesson):
        mine = {s: entry.variant(s).values for s in STUDENTS}
        assert mine["alice"] != mine["frank"], f"{entry.id}: frank has alice's numbers; pick other names"
        assert entry.variant("").values not in mine.values()  # the lesson's numbers go to nobody named


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_gradebook_grades_each_student_against_their_own_numbers(graded_course, lesson):
    total = sum(e.points for e in entries(lesson))
    carol = total - sum(EXERCISES[i].points for i in WRONG[lesson])
    frank = total - sum(e.points for e in varied(lesson))  # alice's answers fit only her own numbers
    with nbgrader_api.Gradebook(f"sqlite:///{graded_course / 'gradebook.db'}") as gradebook:
        scores = {s: gradebook.find_submission(lesson, s) for s in STUDENTS}
        scores = {s: (sub.score, sub.max_score) for s, sub in scores.items()}
    assert scores == {
        "alice": (total, total),
        "bob": (0, total),
        "carol": (carol, total),
        "frank": (frank, total),
    }
    assert 0 < frank < total


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_feedback_says_whose_numbers_were_used(graded_course, lesson, run_nbgrader):
    run_nbgrader(graded_course, "generate_feedback", lesson, "--force")
    (page,) = (graded_course / "feedback" / "frank" / lesson).glob("*.html")
    text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))  # highlighted code as text
    assert "student='frank')" in text  # the test cell names him
    assert f"That is the answer for {COPIED}, not yours" in text
    assert "Judged with your numbers" in text


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_untouched_stubs_run_top_to_bottom(graded_course, lesson):
    notebook = nbformat.read(str(graded_course / "autograded" / "bob" / lesson / f"{lesson}.ipynb"), 4)
    failed = [
        cell.metadata.get("nbgrader", {}).get("grade_id")
        for cell in notebook.cells
        if cell.cell_type == "code" and any(o.output_type == "error" for o in cell.outputs)
    ]
    tests = [autograder_grade_id(e) for e in entries(lesson)]
    assert sorted(failed) == sorted(tests), "only the hidden tests fail; every lesson cell runs"
    assert all(cell.execution_count for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_misconceptions_table_names_each_mistake(graded_course, lesson, tmp_path, capsys):
    table = tmp_path / "mistakes.csv"
    main(["misconceptions", str(graded_course), lesson, "--csv", str(table)])
    printed = capsys.readouterr().out.lower()
    with table.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for entry in entries(lesson):
        ours = [r for r in rows if r["exercise"] == entry.id]
        mine = {(r["outcome"], r["mistake"].lower()): int(r["students"]) for r in ours}
        mistakes = [m for outcome, m in mine if outcome == "wrong"]
        copied = [m for m in mistakes if COPIED in m]
        assert mine[("unanswered", "")] == 1, entry.id  # bob
        assert len(copied) == (1 if entry.params else 0), (entry.id, mine)  # frank, where his numbers differ
        if copied:
            assert mine[("wrong", copied[0])] == 1
        right = 1 + (0 if entry.params else 1)  # alice, and frank where the numbers are everyone's
        own = [m for m in mistakes if m not in copied]
        if entry.id in WRONG[lesson]:
            words = WRONG[lesson][entry.id][1]
            assert mine[("right", "")] == right, (entry.id, mine)
            assert len(own) == 1 and words in own[0], (entry.id, mine)
            assert mine[("wrong", own[0])] == 1 and words in printed
        else:
            assert mine[("right", "")] == right + 1 and not own, (entry.id, mine)  # and carol


def test_the_table_asks_for_autograde_first(tmp_path):
    with pytest.raises(SystemExit):
        main(["misconceptions", str(tmp_path), "03_bb84"])
