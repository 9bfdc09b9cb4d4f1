"""Probe run as a script in a student's environment: can anything importable hand over a graded answer?

Imports every module of the packages named on the command line (default: ``qwidgets``; the
positive control names the grader's package instead), calls every public function that takes no
argument (as two students in turn), an exercise id, an answer name, or an exercise id and a
student id, and the methods of every registered exercise, and feeds each result to the checks as
the student's answer. Prints JSON: how many calls were made, the modules imported, and every
(function, arguments, exercise) whose result the check grades right.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import os
import pkgutil
import signal
import sys

STUDENT = os.environ["JUPYTERHUB_USER"]
NEIGHBOUR = f"{STUDENT}-neighbour"
NOTHING = object()  # what a call that raised returns
# Imported but not called: browser and server drivers (qwidgets.testing), the Voila app (starts a
# server), the site builder (executes every lesson into a folder). They return processes and files.
NOT_CALLED = ("qwidgets.testing", "qwidgets.app", "qwidgets.site")
SECONDS_PER_CALL = 5


def _timeout(signum, frame):
    raise TimeoutError


def modules(roots):
    found = []
    for root in roots:
        package = importlib.import_module(root)
        found.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{root}."):
            found.append(importlib.import_module(info.name))
    return found


def required(function):
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return None
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(1 for p in parameters if p.kind in kinds and p.default is inspect.Parameter.empty)


def main() -> None:
    from qwidgets.exercises import EXERCISES

    roots = sys.argv[1:] or ["qwidgets"]
    imported = modules(roots)
    calls, graded = 0, []
    signal.signal(signal.SIGALRM, _timeout)

    def judge(label, args, result, exercises, student=STUDENT):
        """The exercises among ``exercises`` for which ``result`` is ``student``'s right answer."""
        right = []
        for entry in exercises:
            try:
                if entry.check(result, student=student).correct:
                    right.append(entry.id)
            except Exception:  # noqa: BLE001 - checks never raise; count it as not graded if one does
                pass
        return right

    def call(label, function, args):
        """``function(*args)``, or ``NOTHING`` if it raises or takes too long."""
        nonlocal calls
        calls += 1
        signal.alarm(SECONDS_PER_CALL)
        try:
            return function(*args)
        except BaseException:  # noqa: BLE001 - wrong arguments, SystemExit of a CLI, a timeout
            return NOTHING
        finally:
            signal.alarm(0)

    def probe(label, function, args, exercises):
        result = call(label, function, args)
        if result is not NOTHING:
            graded.extend([label, [str(a) for a in args], i] for i in judge(label, args, result, exercises))

    def probe_as_two_students(label, function, exercises):
        """A function of no argument leaks only if it answers each student for their own numbers.

        (A constant may equal one student's answer by chance: 5/6 is both a cloning fidelity and
        someone's Werner fidelity.) It is called as ``STUDENT`` and as ``NEIGHBOUR``.
        """
        results = {}
        for student in (STUDENT, NEIGHBOUR):
            os.environ["JUPYTERHUB_USER"] = student
            results[student] = call(label, function, ())
        os.environ["JUPYTERHUB_USER"] = STUDENT
        if NOTHING in results.values():
            return
        for entry in exercises:
            if entry.variant(STUDENT).values == entry.variant(NEIGHBOUR).values:
                continue
            if all(judge(label, (), results[s], [entry], s) for s in results):
                graded.append([label, [], entry.id])

    entries = list(EXERCISES.values())
    varied = [e for e in entries if e.params]
    seen = set()
    for module in imported:
        if module.__name__.startswith(NOT_CALLED):
            continue
        for name in dir(module):
            function = getattr(module, name)
            if name.startswith("_") or not inspect.isfunction(function) or id(function) in seen:
                continue
            seen.add(id(function))
            label, count = f"{function.__module__}.{function.__qualname__}", required(function)
            if count == 0:
                probe_as_two_students(label, function, varied)
            if count in (0, 1):
                for entry in entries:
                    probe(label, function, (entry.id,), [entry])
                    probe(label, function, (entry.answer_name,), [entry])
            if count in (0, 1, 2):
                for entry in entries:
                    probe(label, function, (entry.id, STUDENT), [entry])
    for entry in entries:
        for name in dir(entry):
            method = getattr(entry, name)
            if not name.startswith("_") and inspect.ismethod(method):
                probe(f"Exercise.{name}", method, (), [entry])
                probe(f"Exercise.{name}", method, (STUDENT,), [entry])
    print(json.dumps({"calls": calls, "modules": [m.__name__ for m in imported], "graded": graded}))


if __name__ == "__main__":
    main()
