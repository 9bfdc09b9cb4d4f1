"""Assertions for tests of exercise checks: the feedback was judged wrong and explains why.

Each lesson's tests call a check with a typical wrong answer and assert that the feedback names
the mistake: ``assert_explains(check_x(0.2), ["per km", "dB"])``.
"""

from __future__ import annotations

from collections.abc import Sequence

from qwidgets.exercises.core import Feedback

__all__ = ["assert_explains", "feedback_text"]


def feedback_text(feedback: Feedback) -> str:
    """Message and hint in one lower-case string, for asserting on words."""
    return f"{feedback.message} {feedback.hint}".lower()


def assert_explains(feedback: Feedback, words: Sequence[str], *, absent: Sequence[str] = ()) -> None:
    """Assert: judged wrong, with a hint, all ``words`` in the feedback, no ``absent`` word in its message."""
    assert feedback.status == "wrong", str(feedback)
    assert feedback.hint, str(feedback)
    for word in words:
        assert word.lower() in feedback_text(feedback), str(feedback)
    for word in absent:
        assert word.lower() not in feedback.message.lower(), str(feedback)
