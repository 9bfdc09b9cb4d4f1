"""What every registered exercise must do, in every lesson (like the panel contract suite).

Each lesson's own test file checks its exercises' truths and named mistakes; this one checks the
conventions they all share: ids, names, the form hint, the unanswered placeholder, unreadable
answers, and reference solutions that pass.
"""

import importlib
from pathlib import Path

import numpy as np
import pytest
import qutip
from qwidgets_grading import reference_solution

from qwidgets import exercises
from qwidgets.exercises import EXERCISES, assert_correct
from qwidgets.testing.notebooks import lesson_text

IDS = list(EXERCISES)
LESSONS = Path(__file__).resolve().parents[2] / "lessons"
JUNK = [
    "abc",
    "",
    "x" * 10_000_000,
    [0] * 10_000_000,
    [1],
    [],
    float("nan"),
    float("inf"),
    True,
    object(),
    {"f": 1},
    b"\x00",
    (),
    10**400,
    1j,
    qutip.basis(2, 0),
    np.array([0.5, 0.5]),
]


def test_every_lesson_with_exercises_has_a_module_registered_in_lesson_order():
    modules = list(dict.fromkeys(i.split(".", 1)[0] for i in IDS))  # in order of registration
    lessons = [importlib.import_module(f"qwidgets.exercises.{m}").LESSON for m in modules]
    assert lessons == sorted(lessons), f"modules {modules} are not registered in lesson order"
    assert {EXERCISES[i].lesson for i in IDS} == set(lessons)
    with_checks = sorted(p.stem for p in LESSONS.glob("*.ipynb") if "check_" in p.read_text(encoding="utf-8"))
    assert with_checks == lessons, "a lesson that checks answers needs its module in qwidgets.exercises"


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_lesson_has_an_unanswered_cell_that_calls_the_check(exercise_id):
    entry = EXERCISES[exercise_id]
    text = lesson_text(LESSONS / f"{entry.lesson}.ipynb")
    assert text.has_answer_cell(entry.answer_name, entry.check.__name__), (
        f"{entry.lesson} has no cell with '{entry.answer_name} = None' and "
        f"'{entry.check.__name__}({entry.answer_name})'"
    )


def test_no_two_lesson_modules_export_the_same_name():
    """``qwidgets.exercises`` star-imports every lesson module: a shared name would silently shadow one."""
    modules = list(dict.fromkeys(i.split(".", 1)[0] for i in IDS))
    owners: dict[str, str] = {}
    for module in modules:
        for name in importlib.import_module(f"qwidgets.exercises.{module}").__all__:
            assert name not in owners, f"{name} is exported by both {owners[name]} and {module}"
            owners[name] = module


@pytest.mark.parametrize("exercise_id", IDS)
def test_conventions(exercise_id):
    entry = EXERCISES[exercise_id]
    module_name, task = exercise_id.split(".", 1)
    module = importlib.import_module(f"qwidgets.exercises.{module_name}")
    assert entry.lesson == module.LESSON
    assert entry.answer_name == f"answer_{task}"
    assert entry.check is getattr(module, f"check_{task}")
    assert getattr(exercises, f"check_{task}").__qualname__ == f"check_{task}"  # re-exported (a reload test
    # elsewhere may have replaced the module's function since)
    assert f"check_{task}" in module.__all__ and f"check_{task}" in exercises.__all__
    assert entry.points >= 1
    assert entry.check.__doc__.strip(), "the first docstring line is the form hint"


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_placeholder_none_is_unanswered_with_the_form_hint(exercise_id):
    feedback = EXERCISES[exercise_id].check(None)
    assert feedback.status == "unanswered" and not feedback.correct
    assert feedback.hint == EXERCISES[exercise_id].check.__doc__.strip().splitlines()[0]


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("junk", JUNK, ids=lambda junk: repr(junk)[:20])
def test_unreadable_answers_get_short_feedback_never_an_exception(exercise_id, junk):
    feedback = EXERCISES[exercise_id].check(junk)
    assert feedback.status == "wrong" and feedback.message and feedback.hint
    assert len(feedback.message) + len(feedback.hint) < 1200
    assert "bug" not in f"{feedback.message} {feedback.hint}", str(feedback)


NUMERIC_IDS = [
    i
    for i in IDS
    if isinstance(reference_solution(i), (int, float)) and not isinstance(reference_solution(i), bool)
]


@pytest.mark.parametrize("exercise_id", NUMERIC_IDS)
def test_a_number_in_quotes_gets_the_form_hint(exercise_id):
    check = EXERCISES[exercise_id].check
    feedback = check(str(reference_solution(exercise_id)))  # the right number, typed as text
    assert feedback.status == "wrong"
    assert "could not read" in feedback.message and "without quotes" in feedback.message
    assert feedback.hint == check.__doc__.strip().splitlines()[0]


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_reference_solution_passes(exercise_id):
    answer = reference_solution(exercise_id)
    assert EXERCISES[exercise_id].check(answer).correct
    assert_correct(exercise_id, answer)
    with pytest.raises(AssertionError):
        assert_correct(exercise_id, None)
