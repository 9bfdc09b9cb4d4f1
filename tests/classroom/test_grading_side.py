"""The grader's side: reference solutions attached to exercises, for every student's numbers."""

from __future__ import annotations

import math

import pytest
from qwidgets_grading import reference_solution, registry, solution

from qwidgets.exercises import EXERCISES, Parameter, core
from qwidgets.exercises.core import correct, exercise


def check_demo(answer: object, x: int = 0) -> core.Verdict:
    """A number, e.g. 1."""
    return correct("fine")


@pytest.fixture
def empty(monkeypatch):
    """Empty registries of exercises and solutions, restored after the test."""
    monkeypatch.setattr(core, "EXERCISES", {})
    monkeypatch.setattr(registry, "_SOLUTIONS", {})
    monkeypatch.setattr(registry, "get_exercise", core.get_exercise)


def test_an_unknown_exercise_is_named_with_the_valid_ids():
    with pytest.raises(KeyError, match="qubits.minus_angles"):
        reference_solution("qubits.no_such_exercise")
    with pytest.raises(KeyError, match="qubits.minus_angles"):
        solution("qubits.no_such_exercise")


def test_a_missing_solution_is_explained(monkeypatch):
    monkeypatch.setattr(registry, "_SOLUTIONS", {})
    with pytest.raises(LookupError, match=r"no reference solution.*@solution\('qubits.minus_angles'\)"):
        reference_solution("qubits.minus_angles")


def test_a_solution_is_attached_to_a_registered_exercise_once(empty):
    exercise("demo.one", lesson="00_demo", answer_name="answer_one")(check_demo)

    def one() -> int:
        return 1

    def uno() -> int:
        return 1

    solution("demo.one")(one)
    solution("demo.one")(one)  # attached again on reload
    with pytest.raises(ValueError, match="registered twice"):
        solution("demo.one")(uno)
    assert reference_solution("demo.one") == 1


def test_a_solution_takes_exactly_the_exercises_parameters(empty):
    exercise("demo.two", lesson="00_demo", answer_name="answer_two", params=[Parameter("x", (1, 2, 3))])(
        check_demo
    )

    def fixed() -> int:
        return 1

    def wrong_name(y: int) -> int:
        return y

    def double(x: int) -> int:
        return 2 * x

    for bad in (fixed, wrong_name):
        with pytest.raises(TypeError, match=r"parameters \['x'\]"):
            solution("demo.two")(bad)
    solution("demo.two")(double)
    assert reference_solution("demo.two", "") == 2  # the lesson's x = 1
    assert {reference_solution("demo.two", f"s{i}") for i in range(50)} == {4, 6}  # x = 2 or 3


def test_the_reference_follows_the_environments_student(monkeypatch):
    monkeypatch.delenv("QWIDGETS_STUDENT", raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    theta = EXERCISES["qubits.probability_zero"].variant("alice").theta
    assert reference_solution("qubits.probability_zero") == pytest.approx(math.cos(theta / 2) ** 2)
    assert reference_solution("qubits.probability_zero", "") == pytest.approx(math.cos(math.pi / 12) ** 2)
