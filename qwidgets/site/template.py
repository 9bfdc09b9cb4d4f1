"""The page template and the offline assets: nbconvert's lab template with nothing from a CDN.

nbconvert's ``lab`` template loads require.js, the widget manager and MathJax from
cdnjs/unpkg, and mermaid.js when a page has a diagram. A course page needs none of the first
three (its panels are static pictures, see :mod:`qwidgets.site.outputs`) and has no diagram, so
:data:`PAGE_TEMPLATE` empties those blocks, loads MathJax 2.7 from the copy installed with
``jupyter_server_mathjax`` (:func:`copy_mathjax`) with the STIX-Web fonts it ships, and adds
the site's navigation bar.
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["MATHJAX_CONFIG", "MATHJAX_DIR", "PAGE_TEMPLATE", "PAGE_TEMPLATE_NAME", "copy_mathjax", "exporter"]

PAGE_TEMPLATE_NAME = "qwl_course_page.html.j2"
MATHJAX_DIR = "_static/mathjax"
"""Where the MathJax copy goes inside the site, relative to its pages."""
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,Safe"
"""The combined configuration shipped with ``jupyter_server_mathjax`` (it has no ``TeX-AMS_CHTML-full``)."""

PAGE_TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}
<script>
// jupyter_server_mathjax ships only the STIX-Web fonts (not MathJax's default TeX fonts): use them,
// and never look for fonts installed on the reader's computer or for image fonts.
window.MathJax = {
  "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web", imageFont: null},
  SVG: {font: "STIX-Web"}
};
</script>
{{ super() }}
{%- endblock html_head_js_mathjax -%}
{%- block extra_css -%}
<style type="text/css">
nav.qwl-nav { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: center; padding: 0.6em 1em;
  margin: 0 0 1em; border-bottom: 1px solid #ccc; font-family: var(--jp-ui-font-family, sans-serif); }
nav.qwl-nav a { color: #0072b2; }
nav.qwl-nav a.qwl-binder { font-weight: bold; }
figure.qwidgets-static { margin: 0.5em 0; }
figure.qwidgets-static img { display: block; margin: 0.5em 0; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.qwl_nav }}
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.qwl_nav }}
{{ super() }}
{%- endblock body_footer -%}
"""


def mathjax_source() -> Path:
    """The folder of MathJax 2.7 installed with ``jupyter_server_mathjax`` (``MathJax.js`` inside)."""
    try:
        import jupyter_server_mathjax
    except ImportError as exc:  # the ``site`` extra is not installed
        raise RuntimeError("the course site needs jupyter-server-mathjax: pip install -e '.[site]'") from exc
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def copy_mathjax(out_dir: Path) -> Path:
    """Copy MathJax into ``out_dir / MATHJAX_DIR`` (replacing an older copy); return that folder."""
    dst = Path(out_dir) / MATHJAX_DIR
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(mathjax_source(), dst)
    return dst


def exporter():
    """An ``HTMLExporter`` (lab template) for one course page: code kept, MathJax local, no CDN."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({PAGE_TEMPLATE_NAME: PAGE_TEMPLATE})],
        template_file=PAGE_TEMPLATE_NAME,
        mathjax_url=f"{MATHJAX_DIR}/MathJax.js?config={MATHJAX_CONFIG}",
    )
