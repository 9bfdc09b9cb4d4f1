"""Check decorator, feedback, registry: no answer breaks a check, reloads work, solutions stay apart."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import time

import pytest
import qutip
import qwidgets_grading.solutions.qubits
from qwidgets_grading import reference_solution

import qwidgets.exercises.qubits
from qwidgets.exercises import EXERCISES, Feedback, assert_correct, core
from qwidgets.exercises.core import correct, exercise, wrong
from qwidgets.exercises.readers import read_number

GREEN, VERMILLION, GREY = "#009E73", "#D55E00", "#767676"


class Hostile:
    """An answer every one of whose methods raises."""

    def _fail(self, *args, **kwargs):
        raise RuntimeError("hostile answer")

    __repr__ = __str__ = __eq__ = __hash__ = __bool__ = __len__ = __iter__ = __float__ = _fail


class HostileList(list):
    """A list that fails when asked its length or items."""

    def __len__(self):
        raise RuntimeError("hostile list")

    def __getitem__(self, index):
        raise RuntimeError("hostile list")


class UnprintableError(ValueError):
    def __str__(self):
        raise RuntimeError("cannot print this error")


# Fuzz answers: each must give "Not yet." feedback, quickly and briefly, from every check.
FUZZ = {
    "10**5000": 10**5000,
    "a million numbers": [0.5] * 10**6,
    "10 MB of text": "x" * 10_000_000,
    "10 MB of gate names": "H" * 10_000_000,
    "repr raises": Hostile(),
    "len raises": HostileList([1, 2]),
    "NaN": float("nan"),
    "infinity": float("inf"),
    "complex": 0.3 + 0.4j,
    "a ket": qutip.basis(2, 0),
    "an operator": qutip.sigmax(),
    "nested": [[[[0.5]]]],
    "empty text": "",
    "bytes": b"\x00\xff",
    "a type": int,
    "a hundred gates": ["T"] * 99 + ["RX(pi/2)"],
}


# A body registered in a throw-away registry by the tests below.
def check_demo(answer: object) -> core.Verdict:
    """A number, e.g. 1."""
    value = read_number(answer, "the number", "1")
    return correct("It is one.") if value == 1 else wrong(f"{value:g} is not one.", "Try 1.")


def check_other_demo(answer: object) -> core.Verdict:
    """Anything."""
    return correct("fine")


def check_buggy(answer: object) -> core.Verdict:
    """A number, e.g. 1."""
    raise RuntimeError("x" * 10_000)


def check_unprintable(answer: object) -> core.Verdict:
    """A number, e.g. 1."""
    raise UnprintableError()


@pytest.fixture
def registry(monkeypatch):
    """An empty registry of exercises, restored after the test."""
    monkeypatch.setattr(core, "EXERCISES", {})
    return core


def first_line(exercise_id: str) -> str:
    return EXERCISES[exercise_id].check.__doc__.strip().splitlines()[0]


# -- Feedback ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "truth", "verdict", "colour", "symbol"),
    [
        ("correct", True, "Correct!", GREEN, "&#10004;"),
        ("wrong", False, "Not yet.", VERMILLION, "&#10008;"),
        ("unanswered", False, "Waiting for your answer.", GREY, "&#9675;"),
    ],
)
def test_feedback_shows_its_status_as_text_and_html(status, truth, verdict, colour, symbol):
    feedback = Feedback("demo", status, "A <message>.", "A hint." if status != "correct" else "")
    assert feedback.correct is truth
    assert bool(feedback) is truth
    assert str(feedback).startswith(f"{verdict} A <message>.")
    page = feedback._repr_html_()
    assert "role='status'" in page
    assert colour in page and symbol in page and verdict in page
    assert "&lt;message&gt;" in page and "<message>" not in page
    assert ("Hint:" in page) is (status != "correct")
    others = {"Correct!", "Not yet.", "Waiting for your answer."} - {verdict}
    assert not any(other in str(feedback) or other in page for other in others)


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_the_placeholder_none_waits_for_an_answer_instead_of_calling_it_wrong(exercise_id):
    feedback = EXERCISES[exercise_id].check(None)
    assert feedback.status == "unanswered"
    assert not feedback.correct and not feedback
    assert "placeholder None" in feedback.message and "replace None" in feedback.message
    assert feedback.hint == first_line(exercise_id)
    assert str(feedback).startswith("Waiting for your answer.")
    assert GREY in feedback._repr_html_() and "Not yet" not in feedback._repr_html_()
    with pytest.raises(AssertionError, match="Waiting for your answer"):
        assert_correct(exercise_id, None)


# -- no answer breaks a check --------------------------------------------------------------------
@pytest.mark.parametrize("exercise_id", list(EXERCISES))
@pytest.mark.parametrize("answer", list(FUZZ.values()), ids=list(FUZZ))
def test_no_answer_breaks_a_check_or_floods_the_screen(exercise_id, answer):
    start = time.perf_counter()
    feedback = EXERCISES[exercise_id].check(answer)
    assert time.perf_counter() - start < 1.0
    assert isinstance(feedback, Feedback)
    assert feedback.status == "wrong"
    assert feedback.message and feedback.hint
    assert len(feedback.message) + len(feedback.hint) < 1000
    assert str(feedback).startswith("Not yet.")
    assert "Not yet." in feedback._repr_html_()


def test_an_unreadable_answer_is_quoted_as_a_short_excerpt(registry):
    check = exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_demo)
    feedback = check("1" * 10_000)
    assert feedback.message.startswith("I could not read your answer '111")
    assert "without quotes" in feedback.message
    assert len(feedback.message) < 300
    assert feedback.hint == "A number, e.g. 1."
    assert "an integer of about 5000 digits" in check(10**5000).message  # its str() would raise in 3.11+
    assert "got a Hostile" in check(Hostile()).message


def test_a_failing_check_reports_a_bug_briefly(registry):
    check = exercise("demo.buggy", lesson="00_demo", answer_name="answer_buggy")(check_buggy)
    feedback = check(1)
    assert feedback.status == "wrong"
    assert "The check failed" in feedback.message and "RuntimeError" in feedback.message
    assert len(feedback.message) < 400
    assert "bug in the course" in feedback.hint and feedback.hint.startswith("A number, e.g. 1.")


def test_an_error_whose_text_fails_still_gives_feedback(registry):
    check = exercise("demo.unprintable", lesson="00_demo", answer_name="answer_x")(check_unprintable)
    assert "UnprintableError" in check(1).message


def test_an_error_message_gets_exactly_one_full_stop(registry):
    check = exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_demo)
    assert check(0.5 + 0.3j).message.endswith("a real number.")
    assert check("1").message.endswith("such as 1.")


# -- registering ---------------------------------------------------------------------------------
def test_registering_the_same_function_again_replaces_it(registry):
    first = exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_demo)
    exercise("demo.two", lesson="00_demo", answer_name="answer_two")(check_other_demo)
    second = exercise("demo.one", lesson="00_demo", answer_name="answer_one", points=3)(check_demo)
    assert list(registry.EXERCISES) == ["demo.one", "demo.two"]
    assert registry.EXERCISES["demo.one"].check is second is not first
    assert registry.EXERCISES["demo.one"].points == 3
    assert second(1).correct and second(2).message == "2 is not one."


def test_registering_an_id_held_by_another_function_is_refused(registry):
    exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_demo)
    with pytest.raises(ValueError, match="registered twice.*check_demo.*check_other_demo"):
        exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_other_demo)


def test_reloading_the_lesson_module_keeps_the_registry_intact():
    before = {exercise_id: (entry.answer_name, entry.points) for exercise_id, entry in EXERCISES.items()}
    old_check = EXERCISES["qubits.minus_angles"].check
    importlib.reload(qwidgets.exercises.qubits)
    importlib.reload(qwidgets_grading.solutions.qubits)
    after = {exercise_id: (entry.answer_name, entry.points) for exercise_id, entry in EXERCISES.items()}
    assert list(after) == list(before)
    assert after == before
    assert EXERCISES["qubits.minus_angles"].check is qwidgets.exercises.qubits.check_minus_angles
    assert EXERCISES["qubits.minus_angles"].check is not old_check
    for exercise_id in EXERCISES:
        assert_correct(exercise_id, reference_solution(exercise_id))
    assert old_check(reference_solution("qubits.minus_angles")).correct  # a notebook's old name still works


# -- reference solutions -------------------------------------------------------------------------
@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_every_exercise_has_a_reference_solution_that_passes(exercise_id):
    feedback = EXERCISES[exercise_id].check(reference_solution(exercise_id))
    assert feedback.correct, str(feedback)
    assert feedback.exercise == exercise_id and feedback.hint == ""
    assert_correct(exercise_id, reference_solution(exercise_id))


def test_an_unknown_id_is_named_with_the_valid_ones():
    with pytest.raises(KeyError, match="qubits.minus_angles"):
        assert_correct("qubits.no_such_exercise", 1)


def test_checks_never_import_the_grading_side():
    script = textwrap.dedent(
        """
        import sys
        from qwidgets.exercises import EXERCISES, assert_correct
        answers = [None, 0.5, 0.9330, (1.5708, 3.1416), (3.1416, 0.0), ["H", "S"], "H S", "x"]
        for exercise_id, entry in EXERCISES.items():
            for answer in answers:
                entry.check(answer)
                try:
                    assert_correct(exercise_id, answer)
                except AssertionError:
                    pass
        loaded = [name for name in sys.modules if name.startswith("qwidgets_grading")]
        print(len(EXERCISES), loaded)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{len(EXERCISES)} []"
