"""Servers on this machine: a free TCP port on 127.0.0.1, for JupyterLab, Voila and the hub."""

from __future__ import annotations

import socket

__all__ = ["free_port"]


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 now (the operating system picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
