"""Reference solutions of lesson 03_bb84."""

from __future__ import annotations
