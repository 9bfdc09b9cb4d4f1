"""The course as a static web site: every lesson executed, readable without a kernel or internet.

``python -m qwidgets.site build OUT_DIR [--lesson L ...]`` (needs the ``site`` extra); see
``docs/site.md``.
"""

from qwidgets.site.build import Page, SiteBuild, build_site, lesson_title, select_lessons
from qwidgets.site.links import GITHUB_REPOSITORY, binder_url
from qwidgets.site.outputs import strip_widget_views

__all__ = [
    "GITHUB_REPOSITORY",
    "Page",
    "SiteBuild",
    "binder_url",
    "build_site",
    "lesson_title",
    "select_lessons",
    "strip_widget_views",
]
