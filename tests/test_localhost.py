"""qwidgets.localhost: a free port, and stopping a server process."""

import signal
import socket
import subprocess
import sys
import time

from qwidgets.localhost import free_port, stop_process

IGNORES_SIGTERM = (
    "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ready', flush=True); time.sleep(60)"
)


def test_free_port_can_be_bound():
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_stop_process_terminates_a_running_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    start = time.monotonic()
    stop_process(proc)
    assert proc.returncode == -signal.SIGTERM
    assert time.monotonic() - start < 10


def test_stop_process_kills_what_ignores_sigterm_after_the_grace_time():
    proc = subprocess.Popen([sys.executable, "-c", IGNORES_SIGTERM], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"  # the handler is in place
    start = time.monotonic()
    stop_process(proc, grace=0.5)
    assert proc.returncode == -signal.SIGKILL
    assert 0.5 <= time.monotonic() - start < 10


def test_stop_process_leaves_finished_and_missing_processes_alone():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    stop_process(proc)
    stop_process(None)
    assert proc.returncode == 0
