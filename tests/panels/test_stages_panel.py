"""StagesPanel: applications select the paper's stages, the text of every stage, the "runs here" boundary."""

import html

import ipywidgets as widgets
import pytest

from qwidgets import StagesPanel
from qwidgets.errors import QWidgetsError
from qwidgets.panels.stages import NO_APPLICATION, RoadmapChoice
from qwidgets.panels.summary import Highlight
from qwidgets.physics import APPLICATIONS, STAGES, required_stage
from qwidgets.testing import from_browser

# Wehner, Elkouss & Hanson, Science 362, eaam9288 (2018): the stage names (Fig. 4, Table 1) and the
# lowest stage of a few applications (Table 1; stage 0 is the trusted repeater network, counted as 0).
PAPER_STAGE_NAMES = (
    "trusted repeater",
    "prepare and measure",
    "entanglement distribution",
    "quantum memory",
    "few-qubit fault-tolerant",
    "quantum computing",
)
PAPER_TABLE = {
    "quantum key distribution": 1,
    "position verification": 1,
    "device-independent quantum key distribution": 2,
    "blind quantum computing": 3,
    "anonymous quantum transmission": 3,
    "distributed quantum computation": 4,
    "leader election": 5,
    "fast byzantine agreement": 5,
}


def ladder(panel):
    return panel._pictures[0]


def card(panel):
    return panel._displays[1].widget.value


def test_defaults_and_controls():
    panel = StagesPanel()
    assert panel.state == RoadmapChoice(0, "") and panel.error is None
    stage, menu = panel.controls["stage"], panel.controls["application"]
    assert isinstance(stage, widgets.ToggleButtons) and isinstance(menu, widgets.Dropdown)
    assert [label for label, _ in stage.options] == [
        f"{n} {name}" for n, name in enumerate(PAPER_STAGE_NAMES)
    ]
    labels = [label for label, _ in menu.options]
    assert labels[0] == NO_APPLICATION and sorted(labels[1:]) == sorted(app.name for app in APPLICATIONS)
    assert ladder(panel).lowest is None and ladder(panel).selected == 0
    assert len(panel.summary_text.splitlines()) == 1  # one line until an application is chosen


@pytest.mark.parametrize(("name", "stage"), PAPER_TABLE.items())
def test_choosing_an_application_selects_the_papers_stage(name, stage):
    panel = StagesPanel(stage=5 if stage < 5 else 0)
    panel.controls["application"].value = name
    assert panel.state == RoadmapChoice(stage, name)
    assert panel.controls["stage"].value == stage and ladder(panel).selected == stage
    assert ladder(panel).lowest == stage
    assert panel.summary_text.splitlines()[1].lower().startswith(f"{name} needs stage {stage}, ")


@pytest.mark.parametrize("app", APPLICATIONS, ids=lambda app: app.name)
def test_every_application_lights_its_required_stage_and_all_above(app):
    panel = StagesPanel()
    panel.controls["application"].value = app.name
    lowest = required_stage(app.name).number
    assert panel.controls["stage"].value == lowest == ladder(panel).lowest
    view = panel._displays[0]
    marks = [text.get_text() for text in view.marks]
    assert marks == ["✗ cannot"] * lowest + ["✓ lowest"] + ["✓ runs it"] * (5 - lowest)
    assert f"✓ {html.escape(app.name)}</b> (your application)" in card(panel)


def test_the_applications_own_stage_alone_selects_it_at_construction():
    assert StagesPanel(application="fast byzantine agreement").state == RoadmapChoice(
        5, "fast byzantine agreement"
    )
    both = StagesPanel(stage=1, application="blind quantum computing")  # an explicit stage wins
    assert both.state == RoadmapChoice(1, "blind quantum computing")
    assert (
        both.summary_text.splitlines()[1]
        == "Blind quantum computing needs stage 3; a stage-1 network cannot run it."
    )


def test_a_stage_chosen_by_hand_keeps_the_application_and_the_verdict_flips_at_the_boundary():
    panel = StagesPanel(application="blind quantum computing")
    verdicts = {}
    for stage in (0, 1, 2, 3, 4, 5):
        panel.controls["stage"].value = stage
        assert panel.state == RoadmapChoice(stage, "blind quantum computing")
        assert panel.controls["application"].value == "blind quantum computing"
        assert ladder(panel).lowest == 3 and ladder(panel).selected == stage
        line = panel.summary_text.splitlines()[1]
        assert isinstance(panel._describe(panel.result)[1], Highlight)
        verdicts[stage] = line
    for stage in (0, 1, 2):
        assert (
            verdicts[stage]
            == f"Blind quantum computing needs stage 3; a stage-{stage} network cannot run it."
        )
        assert "✗ Blind quantum computing needs stage 3" in card_at(stage)
    assert verdicts[3].startswith("Blind quantum computing needs stage 3, quantum memory: the lowest stage")
    for stage in (4, 5):
        assert (
            verdicts[stage] == f"Blind quantum computing needs stage 3; a stage-{stage} network runs it too."
        )
        assert "✓ blind quantum computing (your application)" in card_at(stage)
    assert panel.result.runs_application is True


def card_at(stage):
    return card(StagesPanel(stage=stage, application="blind quantum computing"))


def test_a_new_application_moves_the_stage_and_no_application_keeps_it():
    panel = StagesPanel(application="blind quantum computing")
    panel.controls["stage"].value = 1
    panel.controls["application"].value = "device-independent quantum key distribution"
    assert panel.state == RoadmapChoice(2, "device-independent quantum key distribution")
    panel.controls["application"].value = ""
    assert panel.state == RoadmapChoice(2, "") and ladder(panel).lowest is None
    assert [text.get_text() for text in panel._displays[0].marks] == [""] * 6
    assert len(panel.summary_text.splitlines()) == 1


def test_a_browser_echo_of_either_control_changes_nothing():
    panel = StagesPanel(application="blind quantum computing")
    panel.controls["stage"].value = 1
    before = (panel.state, panel.summary_text, bytes(panel.image.value))
    from_browser(panel.controls["application"], "blind quantum computing")  # the menu echoes its value
    from_browser(panel.controls["stage"], 1)
    assert (panel.state, panel.summary_text, bytes(panel.image.value)) == before


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_the_text_of_each_stage_names_its_functionality_needs_parameters_and_milestones(stage):
    text = card(StagesPanel(stage=stage.number))
    assert html.escape(stage.title) in text
    for part in (stage.functionality, stage.hardware, stage.status, stage.source):
        assert html.escape(part) in text
    for parameter in stage.parameters:
        assert html.escape(parameter.replace("<=", "≤").replace(">=", "≥")) in text
    for milestone in stage.milestones:
        assert (
            f"{milestone.year}: {html.escape(milestone.what)}" in text
            and html.escape(milestone.source) in text
        )
    for app in stage.applications:
        assert f"<b>{html.escape(app.name)}</b>: {html.escape(app.description)}" in text
    below = [app for s in STAGES[: stage.number] for app in s.applications]  # smaller: all the stages below
    if below:
        small = text.split("Also runs everything below: ")[1]
        assert all(html.escape(app.name) in small for app in below)
    else:
        assert "Also runs" not in text


def test_the_papers_thresholds_are_in_the_text():
    assert "e_T + e_M ≤ 0.11" in card(StagesPanel(stage=1))  # sufficient for BB84 (the paper, Table 1)
    assert "e_P + e_M ≤ 0.057" in card(StagesPanel(stage=2))  # sufficient for DI-QKD


@pytest.mark.parametrize("stage", range(6))
def test_the_summary_counts_the_applications_a_stage_runs(stage):
    runs = sum(len(s.applications) for s in STAGES[: stage + 1])  # a stage runs everything below it
    own = len(STAGES[stage].applications)
    panel = StagesPanel(stage=stage)
    assert panel.summary_text == (
        f"Stage {stage}, {PAPER_STAGE_NAMES[stage]}, is framed: a network at this stage runs {runs} of the "
        f"{len(APPLICATIONS)} applications listed, {own} of them first possible here."
    )
    assert ladder(panel).headline == f"Stage {stage}: {PAPER_STAGE_NAMES[stage]}"


@pytest.mark.parametrize(
    ("keywords", "error", "words"),
    [
        ({"stage": 6}, ValueError, "stage must be one of 0, 1, 2, 3, 4, 5; got 6"),
        ({"stage": -1}, ValueError, "stage must be one of 0, 1, 2, 3, 4, 5; got -1"),
        ({"stage": "3"}, ValueError, "stage must be one of"),
        ({"stage": True}, TypeError, "stage must be one of 0, 1, 2, 3, 4, 5; got bool True"),
        ({"stage": 2.0}, TypeError, "stage must be one of 0, 1, 2, 3, 4, 5; got float 2.0"),
        ({"application": "teleportation"}, ValueError, "application must be one of '', 'anonymous quantum"),
        ({"application": 3}, ValueError, "application must be one of"),
        ({"state": (3, "")}, TypeError, "state must be a RoadmapChoice(stage, application)"),
        ({"state": RoadmapChoice(9)}, ValueError, "stage must be one of"),
        ({"state": RoadmapChoice(0), "stage": 2}, ValueError, "state must be given alone"),
        ({"level": 2}, TypeError, "level"),
    ],
)
def test_bad_keywords_raise_errors_naming_the_parameter(keywords, error, words):
    with pytest.raises(error) as caught:
        StagesPanel(**keywords)
    assert isinstance(caught.value, QWidgetsError) and words in str(caught.value)


def test_the_application_keyword_takes_an_alias():
    panel = StagesPanel(application="DI-QKD")
    assert panel.state.application == "device-independent quantum key distribution"
    assert panel.state.stage == 2
