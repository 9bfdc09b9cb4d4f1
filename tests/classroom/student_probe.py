"""Probe run as a script in a student's environment: can anything importable hand over a graded answer?

Imports every module of ``qwidgets`` (and, for the positive control, of the packages named on the
command line), calls every public function that takes no argument, an exercise id, an answer
name, or an exercise id and a student id, and the methods of every registered exercise, and
feeds each result to the checks as the student's answer. Prints JSON: how many calls were made,
the modules imported, and every (function, arguments, exercise) whose result the check grades right.
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
NOT_CALLED = ("qwidgets.testing",)  # browser and server drivers: launching them hands out nothing
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

    roots = ["qwidgets", *sys.argv[1:]]
    imported = modules(roots)
    calls, graded = 0, []
    signal.signal(signal.SIGALRM, _timeout)

    def judge(label, args, result, exercises):
        for entry in exercises:
            try:
                right = entry.check(result, student=STUDENT).correct
            except Exception:  # noqa: BLE001 - checks never raise; count it if one does
                right = False
            if right:
                graded.append([label, [str(a) for a in args], entry.id])

    def call(label, function, args, exercises):
        nonlocal calls
        calls += 1
        signal.alarm(SECONDS_PER_CALL)
        try:
            result = function(*args)
        except BaseException:  # noqa: BLE001 - wrong arguments, SystemExit of a CLI, a timeout
            return
        finally:
            signal.alarm(0)
        judge(label, args, result, exercises)

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
                call(
                    label, function, (), varied
                )  # a constant answer could only match a varied exercise by design
            if count in (0, 1):
                for entry in entries:
                    call(label, function, (entry.id,), [entry])
                    call(label, function, (entry.answer_name,), [entry])
            if count in (0, 1, 2):
                for entry in entries:
                    call(label, function, (entry.id, STUDENT), [entry])
    for entry in entries:
        for name in dir(entry):
            method = getattr(entry, name)
            if not name.startswith("_") and inspect.ismethod(method):
                call(f"Exercise.{name}", method, (), [entry])
                call(f"Exercise.{name}", method, (STUDENT,), [entry])
    print(json.dumps({"calls": calls, "modules": [m.__name__ for m in imported], "graded": graded}))


if __name__ == "__main__":
    main()
