"""StagesPanel: the six stages of a quantum internet as a ladder, and the applications each one runs.

The roadmap of Wehner, Elkouss & Hanson, "Quantum internet: A vision for the road ahead" (Science
362, eaam9288, 2018; Table 1, Fig. 4 and the text): stage 0, the trusted repeater network, then
prepare and measure, entanglement distribution, quantum memory, few-qubit fault-tolerant and
quantum computing networks. Each stage adds a functionality to all those below, so a network at a
stage runs every application of that stage and of the stages below it. Every fact shown comes from
:mod:`qwidgets.physics.stages` (``STAGES``, ``APPLICATIONS``, ``required_stage`` and
``applications_up_to``), where each entry cites its source; the panel adds only the layout.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from qwidgets.errors import InvalidTypeError
from qwidgets.panels.base import Panel
from qwidgets.panels.parameters import Choice, Menu
from qwidgets.panels.summary import Highlight
from qwidgets.panels.tables import DIM_TEXT
from qwidgets.physics import (
    APPLICATIONS,
    STAGES,
    Application,
    Milestone,
    Stage,
    applications_up_to,
    required_stage,
)
from qwidgets.physics import application as find_application
from qwidgets.plots.ladder import LadderPicture, StageLadder
from qwidgets.plots.style import role_css

__all__ = [
    "NO_APPLICATION",
    "RoadmapChoice",
    "StageCard",
    "StagesPanel",
    "StagesReading",
    "stage_card_html",
    "verdict",
]

NO_APPLICATION = "(choose an application)"
"""The menu's label for ``application=""``: no application chosen."""
_SMALL = f"font-size:12px;color:{DIM_TEXT}"  # 12 px: the smallest text a panel shows
_TERM = "font-weight:bold;margin-top:6px"
_LIST = "margin:2px 0 0 0;padding-left:1.3em"


@dataclass(frozen=True)
class ApplicationMenu(Menu):
    """The application menu; a keyword may also use an alias that ``application`` knows ("QKD")."""

    def check(self, value: object) -> str:
        if isinstance(value, str) and value and value not in self.values:
            try:
                value = find_application(value).name
            except ValueError:
                pass  # the menu's own error lists its options
        return super().check(value)


@dataclass(frozen=True)
class RoadmapChoice:
    """The panel's exact state: the stage shown and the application chosen.

    Attributes
    ----------
    stage : int
        The selected stage, 0 to 5.
    application : str
        An application's name from :data:`~qwidgets.physics.stages.APPLICATIONS`, or ``""`` for none.
    """

    stage: int
    application: str = ""


@dataclass(frozen=True)
class StagesReading:
    """What a :class:`StagesPanel` shows.

    Attributes
    ----------
    stage : Stage
        The selected stage.
    application : Application or None
        The chosen application, or ``None``.
    required : Stage or None
        The lowest stage that runs the application (``required_stage``), or ``None``.
    runs : tuple of Application
        Every application a network at the selected stage runs (``applications_up_to``).
    """

    stage: Stage
    application: Application | None
    required: Stage | None
    runs: tuple[Application, ...]

    @property
    def runs_application(self) -> bool | None:
        """Whether a network at the selected stage runs the application (``None``: none chosen)."""
        return None if self.required is None else self.stage.number >= self.required.number

    @property
    def inherited(self) -> tuple[Application, ...]:
        """The applications it runs that a lower stage already runs."""
        return tuple(app for app in self.runs if app not in self.stage.applications)


def _sentence(text: str) -> str:
    """``text`` with a capital first letter (application names are lower case)."""
    return text[:1].upper() + text[1:]


def verdict(reading: StagesReading) -> str:
    """Whether the selected stage runs the chosen application, in one sentence ("" if none is chosen)."""
    app, need, here = reading.application, reading.required, reading.stage.number
    if app is None or need is None:
        return ""
    head = f"{_sentence(app.name)} needs stage {need.number}"
    if here == need.number:
        return f"{head}, {need.name}: the lowest stage that runs it; every stage above runs it too."
    if here > need.number:
        return f"{head}; a stage-{here} network runs it too."
    return f"{head}; a stage-{here} network cannot run it."


def _milestone_html(milestone: Milestone) -> str:
    return (
        f"<li>{milestone.year}: {html.escape(milestone.what)} "
        f"<span style='{_SMALL}'>({html.escape(milestone.source)})</span></li>"
    )


def _application_html(app: Application, chosen: Application | None) -> str:
    name, text = html.escape(app.name), html.escape(app.description)
    if app == chosen:
        color = role_css("event", text=True)
        return f"<li><b style='color:{color}'>✓ {name}</b> (your application): {text}</li>"
    return f"<li><b>{name}</b>: {text}</li>"


def _with_signs(text: str) -> str:
    """Escaped text with the paper's ``<=`` and ``>=`` as ``≤`` and ``≥``."""
    return html.escape(text.replace("<=", "≤").replace(">=", "≥"))


def stage_card_html(reading: StagesReading) -> str:
    """The text beside the ladder: what the stage adds and needs, its parameters, applications and status.

    The chosen application is marked in words ("✓ ... (your application)" where it runs, "✗ ... needs
    stage n" where it does not), never by colour alone.
    """
    stage, chosen = reading.stage, reading.application
    own = "".join(_application_html(app, chosen) for app in stage.applications)
    parts = [
        f"<div style='font-weight:bold;font-size:14px'>{html.escape(stage.title)}</div>",
        f"<div style='{_TERM}'>What it adds</div><div>{html.escape(stage.functionality)}</div>",
        f"<div style='{_TERM}'>What its end nodes need</div><div>{html.escape(stage.hardware)}</div>",
        f"<div style='{_TERM}'>The paper's parameters</div>",
        f"<ul style='{_LIST}'>{''.join(f'<li>{_with_signs(p)}</li>' for p in stage.parameters)}</ul>",
        f"<div style='{_TERM}'>Applications it unlocks</div>",
    ]
    if reading.runs_application is False:
        color = role_css("event", text=True)
        parts.append(f"<div style='color:{color};font-weight:bold'>✗ {html.escape(verdict(reading))}</div>")
    parts.append(f"<ul style='{_LIST}'>{own}</ul>")
    if reading.inherited:
        names = [
            f"<b>✓ {html.escape(app.name)} (your application)</b>" if app == chosen else html.escape(app.name)
            for app in reading.inherited
        ]
        parts.append(f"<div style='{_SMALL}'>Also runs everything below: {', '.join(names)}.</div>")
    parts.append(f"<div style='{_TERM}'>Where the world stands</div><div>{html.escape(stage.status)}</div>")
    if stage.milestones:
        parts.append(f"<ul style='{_LIST}'>{''.join(_milestone_html(m) for m in stage.milestones)}</ul>")
    parts.append(f"<div style='{_SMALL};margin-top:6px'>Source: {html.escape(stage.source)}</div>")
    return f"<div class='qwidgets-stage-card' style='font-size:13px;line-height:1.35'>{''.join(parts)}</div>"


class StageCard:
    """A widget view: the selected stage's text, beside the ladder (see :func:`stage_card_html`).

    Attributes
    ----------
    widget : ipywidgets.HTML
        The text, as placed beside the figure.
    """

    def __init__(self) -> None:
        self.widget = widgets.HTML(
            layout=widgets.Layout(flex="1 1 24em", min_width="16em", max_width="44em", margin="0 0 0 12px")
        )

    def update(self, picture: StagesReading) -> None:
        """Show the stage of ``picture``, with its chosen application marked."""
        self.widget.value = stage_card_html(picture)


class StagesPanel(Panel):
    """The six stages of a quantum internet: choose a stage, or an application to find its stage.

    The ladder shows the stages of Wehner, Elkouss & Hanson (Science 362, eaam9288, 2018), stage 0
    at the bottom. The text beside it says what the selected stage adds, what its end nodes need,
    the paper's parameters and thresholds, the applications it unlocks (its own, and in small
    print everything the stages below run) and where the world stands, with milestones.

    Choosing an application lights up the lowest stage that runs it and every stage above it, and
    selects that lowest stage. Choosing another stage by hand keeps the application and says
    whether a network at that stage runs it.

    Notes
    -----
    ``StagesPanel(application=...)`` alone selects the application's lowest stage; with ``stage``
    too, it shows that stage (``StagesPanel(stage=1, application="blind quantum computing")``
    says that a stage-1 network cannot run it). ``result`` is a :class:`StagesReading`.
    """

    title = "The six stages of a quantum internet"
    parameters = (
        Choice(
            "stage",
            "Stage",
            0,
            "the stage to read about, framed on the ladder (0 at the bottom)",
            options=tuple((s.number, f"{s.number} {s.name}", s.functionality) for s in STAGES),
            button_width="auto",
            view=True,
        ),
        ApplicationMenu(
            "application",
            "Application",
            "",
            "choose an application: the lowest stage that runs it lights up, with every stage above",
            options=(
                ("", NO_APPLICATION, "no application chosen"),
                *(
                    (app.name, app.name, app.description)
                    for app in sorted(APPLICATIONS, key=lambda a: a.name)
                ),
            ),
            view=True,
        ),
    )
    control_rows = (("stage",), ("application",))

    def __init__(self, **kwargs: Any) -> None:
        if "application" in kwargs and "stage" not in kwargs and "state" not in kwargs:
            application = self._declared["application"].check(kwargs["application"])
            if application:  # the application alone selects its lowest stage
                kwargs = {**kwargs, "stage": required_stage(application).number}
        super().__init__(**kwargs)
        self.image.layout.align_self = "flex-start"  # the ladder's top beside the text's top

    # -- state -----------------------------------------------------------------------------------
    def _check_state(self, state: Any) -> RoadmapChoice:
        if not isinstance(state, RoadmapChoice):
            raise InvalidTypeError("state", state, "a RoadmapChoice(stage, application)")
        return RoadmapChoice(
            self._declared["stage"].check(state.stage), self._declared["application"].check(state.application)
        )

    def _views(self, state: RoadmapChoice) -> dict[str, Any]:
        return {"stage": state.stage, "application": state.application}

    def _state_from_views(self, *, stage: int, application: str) -> RoadmapChoice:
        """A newly chosen application selects its lowest stage; a stage chosen by hand keeps it."""
        previous = getattr(self, "state", None)  # none yet while the panel is built: the keywords agree
        if application and previous is not None and application != previous.application:
            stage = required_stage(application).number
        return RoadmapChoice(stage, application)

    # -- compute, draw, describe -------------------------------------------------------------------
    def _setup(self) -> tuple[StageLadder, StageCard]:
        # six buttons with words wrap; the row wraps too, so that they never squeeze their label
        self.controls["stage"].layout.flex_flow = "row wrap"
        return StageLadder(len(STAGES)), StageCard()

    def _compute(self) -> StagesReading:
        stage, name = STAGES[self.state.stage], self.state.application
        application = find_application(name) if name else None
        required = required_stage(name) if name else None
        return StagesReading(stage, application, required, applications_up_to(stage))

    def _draw(self, result: StagesReading) -> tuple[LadderPicture, StagesReading]:
        required = result.required
        if required is None:
            status = "Choose an application: its stages light up"
        elif required.number == len(STAGES) - 1:
            status = f"Lit: only stage {required.number} runs the application"
        else:
            status = f"Lit: stages {required.number} to {len(STAGES) - 1} run the application"
        ladder = LadderPicture(
            tuple(f"{s.number}  {s.name}" for s in STAGES),
            result.stage.number,
            None if required is None else required.number,
            result.stage.title,
            status,
        )
        return ladder, result

    def _describe(self, result: StagesReading) -> tuple[str, ...]:
        stage, runs = result.stage, result.runs
        lines = [
            f"Stage {stage.number}, {stage.name}, is framed: a network at this stage runs {len(runs)} of the "
            f"{len(APPLICATIONS)} applications listed, {len(stage.applications)} of them first "
            "possible here."
        ]
        if result.application is not None:
            lines.append(Highlight(verdict(result)))
        return tuple(lines)
