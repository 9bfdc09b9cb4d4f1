"""Classroom tools: nbgrader assignments built from the course's exercises, and what a class got wrong.

``python -m qwidgets.classroom generate COURSE_DIR`` writes an nbgrader course directory from the
lessons (:mod:`qwidgets.classroom.assignments`); after ``nbgrader autograde``,
``python -m qwidgets.classroom misconceptions COURSE_DIR ASSIGNMENT`` prints the per-class table
of mistakes (:mod:`qwidgets.classroom.misconceptions`).
"""

from qwidgets.classroom.assignments import generate_course, lessons_with_exercises, source_notebook
from qwidgets.classroom.misconceptions import ExerciseTally, class_table, table_text, write_csv

__all__ = [
    "ExerciseTally",
    "class_table",
    "generate_course",
    "lessons_with_exercises",
    "source_notebook",
    "table_text",
    "write_csv",
]
