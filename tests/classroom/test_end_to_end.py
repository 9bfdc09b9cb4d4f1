"""Generate, release, submit three students, autograde, and read scores and the misconceptions table.

Headless, in a temporary directory, for lessons 01 (qubits) and 03 (BB84): ``alice`` submits the
reference solutions, ``bob`` the untouched stubs, ``carol`` typical wrong answers to some exercises
and right ones elsewhere. One of carol's answers is an expression (``1 / 4``), which the table
must read from the autograder's output rather than from the source.
"""

import csv

import nbformat
import pytest
from qwidgets_grading import reference_solution

from qwidgets.classroom.__main__ import main
from qwidgets.classroom.assignments import autograder_grade_id, generate_course
from qwidgets.exercises import EXERCISES

nbgrader_api = pytest.importorskip("nbgrader.api")

STUDENTS = ("alice", "bob", "carol")
WRONG = {  # lesson: {exercise: (answer source, words the check's feedback uses for that mistake)}
    "01_qubits": {
        "qubits.minus_angles": ("(90, 180)", "in degrees"),
        "qubits.probability_zero": ("0.866025", "not a probability"),  # cos(theta) = <Z>, not (1 + <Z>)/2
        "qubits.gates_to_plus_i": ("['S', 'H']", "(s then h) give |+⟩, not |+i⟩"),  # gate order; 2 points
    },
    "03_bb84": {
        "bb84.other_basis_probability": ("0.25", "squares once too often"),  # amplitude squared twice
        "bb84.sift_fraction": ("1 / 4", "both choose z"),  # only the ZZ pairs kept
        "bb84.eve_qber": ("0.5", "how often eve picks the wrong basis"),  # wrong basis taken as an error
        "bb84.one_time_pad": ("'01011'", "xor upside down"),  # XNOR instead of XOR
    },
}
SCORES = {  # lesson: {student: (score, out of)}; the points are the registry's: qubits 1+1+1+1+1+2
    "01_qubits": {"alice": (7, 7), "bob": (0, 7), "carol": (7 - 1 - 1 - 2, 7)},
    "03_bb84": {"alice": (6, 6), "bob": (0, 6), "carol": (6 - 4, 6)},
}


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


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory, run_nbgrader):
    course = tmp_path_factory.mktemp("class")
    generate_course(course, list(WRONG), timeout=120)
    for lesson, wrong in WRONG.items():
        run_nbgrader(course, "generate_assignment", lesson, "--force")
        right = {e.id: repr(reference_solution(e.id)) for e in entries(lesson)}
        submit(course, lesson, "alice", right)
        submit(course, lesson, "bob", {})
        submit(course, lesson, "carol", {**right, **{i: answer for i, (answer, _) in wrong.items()}})
        run_nbgrader(course, "autograde", lesson, "--create")
    return course


@pytest.mark.parametrize("lesson", list(WRONG))
def test_the_gradebook_gives_full_zero_and_partial_marks(graded_course, lesson):
    with nbgrader_api.Gradebook(f"sqlite:///{graded_course / 'gradebook.db'}") as gradebook:
        submissions = {s: gradebook.find_submission(lesson, s) for s in STUDENTS}
        assert {s: (sub.score, sub.max_score) for s, sub in submissions.items()} == SCORES[lesson]


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
        assert mine[("unanswered", "")] == 1, entry.id  # bob
        if entry.id in WRONG[lesson]:
            words = WRONG[lesson][entry.id][1]
            assert mine[("right", "")] == 1, entry.id  # alice
            assert len(mistakes) == 1 and words in mistakes[0], (entry.id, mine)
            assert mine[("wrong", mistakes[0])] == 1 and words in printed
        else:
            assert mine[("right", "")] == 2 and not mistakes, (entry.id, mine)  # alice and carol


def test_the_table_asks_for_autograde_first(tmp_path):
    with pytest.raises(SystemExit):
        main(["misconceptions", str(tmp_path), "03_bb84"])
