"""Exercises of lesson 03_bb84."""

from __future__ import annotations

__all__: list[str] = []

LESSON = "03_bb84"
