"""A class on one hub: JupyterHub on 127.0.0.1, two students, headless Chromium.

The hub (``conftest.py``) uses a shared class password and the simple local process spawner.
Each student logs in through the login form in a browser context of their own, opens
``lessons/01_qubits.ipynb`` (a copy in their own folder) and runs it with Run All, both at once.
Then, per student:

1. the hub reports a ready server of their own, and their browser is them (``/api/me``), not the
   other student, who gets 403 from it;
2. every code cell ran and none shows an error output;
3. every widget rendered, one ``.qwidgets-panel`` per panel cell;
4. ArrowRight on the first QubitPanel's θ handle changes its picture; "Reset to |0⟩" then X gives
   |1⟩ (z = -1, P(|1⟩) = 1, since X|0⟩ = |1⟩), while the other student's panel stays at |0⟩;
5. the exercise with per-student numbers shows the student's own (drawn from ``JUPYTERHUB_USER``).

Also: a wrong password is refused; the nbgitpuller link of docs/hub.md (the same format, against a
local git repository named like the course's) clones the lessons into the student's folder and
opens the welcome lesson; the link docs/hub.md shows is the one this test builds. Everything is
stopped at the end (the hub stops the proxy and the single-user servers).

Run: ``.venv/bin/python -m pytest tests/hub -q -p no:cacheprovider``
"""

from __future__ import annotations

import math
import re

from qwidgets.exercises import variant
from qwidgets.exercises.variants import format_value
from qwidgets.paths import REPO_ROOT
from qwidgets.testing import jupyterlab as drv

UPDATE_TIMEOUT_S = 10.0
HUB_DOC = REPO_ROOT / "docs" / "hub.md"
REPOSITORY = "https://github.com/quantum-internet-lab/quantum-internet-lab"  # README's clone URL, no .git
NORTH_POLE = re.compile(r"\(x, y, z\) = \(0\.00, 0\.00, 1\.00\)")
SOUTH_POLE = re.compile(r"\(x, y, z\) = \(0\.00, 0\.00, -1\.00\)")


def _qubit_panel(nb: drv.LabNotebook) -> drv.PanelView:
    panels = nb.panels(drv.QUBIT_PANEL_TITLE)
    assert panels.count() > 0, f"{nb.name}: no QubitPanel ('{drv.QUBIT_PANEL_TITLE}') on the page"
    return drv.PanelView(panels.first)


def test_a_wrong_password_is_refused(hub, chromium):
    context = chromium.new_context(viewport=drv.VIEWPORT)
    try:
        page = context.new_page()
        hub.log_in(page, hub.students[0], hub.password + "x")
        page.wait_for_selector(".login_error")
        assert "Invalid username or password" in page.inner_text(".login_error")
        assert "/hub/login" in page.url
    finally:
        context.close()


def test_each_student_has_a_server_of_their_own(hub, classroom):
    urls = set()
    for student in hub.students:
        server = hub.api(f"/hub/api/users/{student}")["servers"][""]
        assert server["ready"], f"{student}'s server is not ready: {server}"
        urls.add(server["url"])
        nb, _ = classroom[student]
        me = nb.page.request.get(f"{nb.server.base}/api/me")
        assert me.ok, f"{student}'s browser cannot reach their server: {me.status}"
        assert me.json()["identity"]["username"] == student
    assert urls == {f"/user/{student}/" for student in hub.students}
    (first, _), (second, _) = (classroom[s] for s in hub.students)
    # the second student's browser (logged in to the hub) opens the first student's JupyterLab
    page = second.page.context.new_page()
    try:
        response = page.goto(f"{first.server.base}/lab")
        assert response.status == 403, f"{response.status} at {page.url}: {page.inner_text('body')[:300]}"
        assert "/hub/api/oauth2/authorize" in page.url, page.url
    finally:
        page.close()


def test_the_lesson_runs_without_errors(classroom, student):
    nb, prompts = classroom[student]
    not_run = [i + 1 for i, p in enumerate(prompts) if not re.search(r"\d", p)]
    assert not not_run, f"{student}: code cells {not_run} of {nb.name} did not run; prompts {prompts}"
    assert nb.error_outputs() == [], f"{student}: error outputs in {nb.name}"


def test_the_widgets_render(hub, classroom, student):
    nb, _ = classroom[student]
    expected = drv.expected_panels(hub.lessons / nb.name)
    assert expected > 0
    drv.wait_until(lambda: nb.panels().count() >= expected, UPDATE_TIMEOUT_S)
    assert nb.widget_problems() == {"Error displaying widget": 0, "Loading widget...": 0}
    assert nb.panels().count() == expected, f"{student}: {nb.panels().count()} panels, not {expected}"


def test_a_slider_key_changes_the_picture(classroom, student):
    nb, _ = classroom[student]
    view = _qubit_panel(nb)
    src0, theta0 = view.src(), view.readout("θ")
    key = "ArrowRight" if theta0 < math.pi - 0.005 else "ArrowLeft"  # at the end: go back
    view.focus("θ")
    nb.page.keyboard.press(key)
    assert drv.wait_until(lambda: view.readout("θ") != theta0, UPDATE_TIMEOUT_S), f"{student}: {key} ignored"
    assert drv.wait_until(lambda: view.src() != src0, UPDATE_TIMEOUT_S), f"{student}: the picture stayed"


def test_the_students_kernels_are_separate(hub, classroom):
    views = {student: _qubit_panel(classroom[student][0]) for student in hub.students}
    for view in views.values():
        view.button("Reset to |0⟩").click()
    for student, view in views.items():
        assert drv.wait_until(lambda v=view: NORTH_POLE.search(v.text()), UPDATE_TIMEOUT_S), (
            f"{student}: after 'Reset to |0⟩' the summary is {view.text()!r}"
        )
    first, second = (views[s] for s in hub.students)
    src0 = first.src()
    first.button("X").click()
    assert drv.wait_until(lambda: SOUTH_POLE.search(first.text()), UPDATE_TIMEOUT_S), (
        f"after X on |0⟩ the summary does not say z = -1.00: {first.text()!r}"
    )
    assert "P(|1⟩) = 1.000" in first.text(), first.text()
    assert drv.wait_until(lambda: first.src() != src0, UPDATE_TIMEOUT_S), "after X the picture stayed"
    assert NORTH_POLE.search(drv.wait_stable(second.text)), (
        f"{hub.students[0]}'s X moved {hub.students[1]}'s qubit: {second.text()!r}"
    )


def test_an_nbgitpuller_link_opens_the_welcome_lesson(hub, classroom, course_repo):
    student, welcome = hub.students[0], f"{course_repo.name}/lessons/00_welcome.ipynb"
    page = classroom[student][0].page.context.new_page()
    try:
        page.goto(hub.nbgitpuller_link(course_repo.as_uri(), "main", "lessons/00_welcome.ipynb"))
        page.wait_for_url(f"**/user/{student}/lab/tree/{welcome}", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    finally:
        page.close()
    pulled = hub.work_dir / "notebooks" / student / welcome
    assert pulled.read_bytes() == (course_repo / "lessons" / "00_welcome.ipynb").read_bytes()


def test_the_documented_link_is_the_tested_one(hub):
    link = hub.nbgitpuller_link(REPOSITORY, "main", "lessons/00_welcome.ipynb")
    documented = link.replace(hub.base, "https://<your hub>")
    assert documented in HUB_DOC.read_text(encoding="utf-8").splitlines(), (
        f"docs/hub.md does not show the link the test follows:\n{documented}"
    )


def test_each_student_sees_their_own_numbers(classroom, student):
    nb, _ = classroom[student]
    theta = variant("qubits.probability_zero", student).theta  # drawn from the hub's user name
    assert theta != variant("qubits.probability_zero", "").theta, "a named student never gets the lesson's"
    shown = nb.page.get_by_text(f"Your numbers, {student}:")
    assert drv.wait_until(lambda: shown.count() > 0, UPDATE_TIMEOUT_S), f"{student}: no numbers of their own"
    assert f"θ = {format_value(theta)}" in shown.first.inner_text()
