"""Lesson 12 (the roadmap capstone): the checks' truths are the paper's stages and closed forms."""

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets import NetworkBuilderPanel
from qwidgets.exercises import (
    EXERCISES,
    ROADMAP_ALL_END_NODES_CHOICES,
    ROADMAP_ALL_END_NODES_RIGHT_CHOICE,
    ROADMAP_APPLICATIONS,
    ROADMAP_BRIEF_APPLICATION,
    ROADMAP_BRIEF_DISTANCE_KM,
    ROADMAP_FAR_NETWORK,
    ROADMAP_HUB_NETWORK,
    assert_correct,
    check_roadmap_all_end_nodes,
    check_roadmap_backbone_stage,
    check_roadmap_design,
    check_roadmap_hub_memory,
    check_roadmap_lowest_stages,
    check_roadmap_memory_time,
    roadmap_hub_upgraded,
)
from qwidgets.physics import Link, Network, Node, stage_of
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "12_roadmap_capstone.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("roadmap.")]

# The paper's Table 1 (Wehner, Elkouss & Hanson, Science 362, eaam9288, 2018): blind quantum
# computing 3, QKD 1, fast Byzantine agreement 5, device-independent QKD 2, telescopes 3.
LOWEST_STAGES = [3, 1, 5, 2, 3]
BACKBONE_STAGE = 0  # trusted relays (Chen et al., Nature 589, 214, 2021): the paper's first stage
HUB_STAGE = 2  # heralded end nodes without memory: stage 2; memory only in the repeater changes nothing
# The paper's t for two 150 km segments of 0.2 dB/km fibre, detectors of efficiency 0.9 (lesson 10's
# heralded link: success 0.9²/2 * 10^-3 per attempt of 150 km / 200,000 km/s), plus 300 km of message.
SEGMENT_MEAN_S = (150 / 2e5) / (0.9**2 / 2 * 10 ** (-0.2 * 150 / 10))
MEMORY_TIME_S = 1.5 * SEGMENT_MEAN_S + 300 / 2e5  # both of two parallel segments: 1.5 tau


def _users(*, heralded: bool = True) -> tuple[Node, ...]:
    return tuple(Node(name, "end", heralded=heralded) for name in ("Bank", "Hospital", "Data centre"))


def _star(arm_km: float, *, kind: str = "fibre", heralded: bool = True) -> Network:
    """The three users, each ``arm_km`` from one central repeater."""
    hub = Node("Hub", "repeater", heralded=True, memory_s=10.0, qubits=2)
    links = tuple(Link(user.name, "Hub", arm_km, kind=kind) for user in _users())
    return Network("star", (*_users(heralded=heralded), hub), links)


def test_lesson_12_registers_its_exercises_in_order():
    assert IDS == [
        "roadmap.roadmap_lowest_stages",
        "roadmap.roadmap_all_end_nodes",
        "roadmap.roadmap_backbone_stage",
        "roadmap.roadmap_hub_memory",
        "roadmap.roadmap_memory_time",
        "roadmap.roadmap_design",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"12_roadmap_capstone"}
    assert [EXERCISES[i].points for i in IDS] == [2, 1, 1, 1, 1, 3]


def test_the_constants_are_the_lessons():
    assert ROADMAP_APPLICATIONS == (
        "blind quantum computing",
        "quantum key distribution",
        "fast byzantine agreement",
        "device-independent quantum key distribution",
        "longer-baseline telescopes",
    )
    assert ROADMAP_BRIEF_APPLICATION == "device-independent quantum key distribution"
    assert ROADMAP_BRIEF_DISTANCE_KM == 300
    assert sum(link.length_km for link in ROADMAP_FAR_NETWORK.links) == 300
    assert MEMORY_TIME_S == pytest.approx(2.7792, abs=1e-4)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("roadmap.roadmap_lowest_stages", LOWEST_STAGES),
        ("roadmap.roadmap_all_end_nodes", "c"),
        ("roadmap.roadmap_backbone_stage", BACKBONE_STAGE),
        ("roadmap.roadmap_hub_memory", HUB_STAGE),
        ("roadmap.roadmap_memory_time", MEMORY_TIME_S),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    if isinstance(closed_form, float):
        assert solution == pytest.approx(closed_form, rel=1e-9)
    else:
        assert solution == closed_form
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("roadmap.roadmap_lowest_stages", [5, 0, 4, 1, 2]),
        ("roadmap.roadmap_all_end_nodes", "a"),
        ("roadmap.roadmap_backbone_stage", 1),
        ("roadmap.roadmap_hub_memory", 3),
        ("roadmap.roadmap_memory_time", 300 / 2e5),
        ("roadmap.roadmap_design", _star(175.0, kind="trusted relay")),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. The lowest stage of five applications -------------------------------------------------------
@pytest.mark.parametrize(
    "answer", [LOWEST_STAGES, tuple(LOWEST_STAGES), np.array(LOWEST_STAGES), [3.0, 1, 5, 2, 3]]
)
def test_roadmap_lowest_stages_accepts_the_papers_table(answer):
    feedback = check_roadmap_lowest_stages(answer)
    assert feedback.correct, str(feedback)
    assert "blind quantum computing: Stage 3: quantum memory" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ([5, 1, 5, 2, 3], ["1 of 5", "server", "stage 3"]),
        ([4, 1, 5, 2, 3], ["no fault tolerance"]),
        ([1, 1, 5, 2, 3], ["deterministically"]),
        ([3, 0, 5, 2, 3], ["trusted nodes are stage 0", "end-to-end qkd"]),
        ([3, 2, 5, 2, 3], ["e91", "stage 1"]),
        ([3, 1, 4, 2, 3], ["more than a classical computer could simulate"]),
        ([3, 1, 3, 2, 3], ["simple leader election"]),
        ([3, 1, 5, 1, 3], ["bell inequality", "heralded"]),
        ([3, 1, 5, 3, 3], ["no memory"]),
        ([3, 1, 5, 2, 2], ["starlight", "memories"]),
        ([3, 1, 5, 2, 4], ["no fault tolerance"]),
        ([3, 1, 5, 2, 0], ["longer-baseline telescopes is not at stage 0"]),
        ([3, 1, 5, 2, 2.5], ["2.5 for longer-baseline telescopes is no stage"]),
        ([3, 1, 5, 2, 7], ["7 for longer-baseline telescopes is no stage"]),
        ([5, 0, 4, 1, 2], ["5 of 5"]),
    ],
    ids=repr,
)
def test_roadmap_lowest_stages_names_each_mistake(answer, words):
    feedback = check_roadmap_lowest_stages(answer)
    assert_explains(feedback, words)
    assert "StagesPanel(application=...)" in feedback.hint


@pytest.mark.parametrize(
    ("answer", "words"), [([3, 1, 5, 2], ["4 item(s)"]), ("3 1 5 2 3", ["list of 5 whole numbers"])]
)
def test_roadmap_lowest_stages_explains_the_form(answer, words):
    assert_explains(check_roadmap_lowest_stages(answer), words)


# -- 2. Every pair of end nodes ---------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["c", "C", "(c)", "option c"])
def test_roadmap_all_end_nodes_accepts_the_letter(answer):
    feedback = check_roadmap_all_end_nodes(answer)
    assert feedback.correct, str(feedback)
    assert "all the end nodes" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["best pair", "the hague"]),
        ("b", ["lowest of them"]),
        ("d", ["stage 0 is exactly"]),
        ("e", ["no statement 'e'"]),
    ],
    ids=repr,
)
def test_roadmap_all_end_nodes_explains_each_wrong_choice(answer, words):
    assert_explains(check_roadmap_all_end_nodes(answer), words)


def test_roadmap_all_end_nodes_has_one_right_statement_and_the_physics_agrees():
    right = [
        letter for letter in ROADMAP_ALL_END_NODES_CHOICES if check_roadmap_all_end_nodes(letter).correct
    ]
    assert right == [ROADMAP_ALL_END_NODES_RIGHT_CHOICE] == ["c"]
    # The statement's network: Amsterdam and Delft share heralded pairs, The Hague has a trusted relay.
    network = Network(
        "three cities",
        (
            Node("Amsterdam", heralded=True),
            Node("Delft", heralded=True),
            Node("The Hague", heralded=True),
        ),
        (Link("Amsterdam", "Delft", 50.0), Link("Delft", "The Hague", 10.0, kind="trusted relay")),
    )
    result = stage_of(network)
    assert {frozenset((p.a, p.b)): p.number for p in result.pairs}[frozenset(("Amsterdam", "Delft"))] == 2
    assert result.number == 0


# -- 3. The Beijing-Shanghai backbone ---------------------------------------------------------------
@pytest.mark.parametrize("answer", [0, 0.0, np.int64(0)])
def test_roadmap_backbone_stage_accepts_stage_0(answer):
    feedback = check_roadmap_backbone_stage(answer)
    assert feedback.correct, str(feedback)
    assert "Stage 0: trusted repeater" in feedback.message and "trusted relays" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (1, ["prepare-and-measure", "end nodes", "trusted relays"]),
        (2, ["far more"]),
        (-1, ["does give its users keys"]),
        (0.5, ["not a stage"]),
        (6, ["not a stage"]),
    ],
    ids=repr,
)
def test_roadmap_backbone_stage_names_the_mistake(answer, words):
    assert_explains(check_roadmap_backbone_stage(answer), words)


# -- 4. Memories in the repeater ---------------------------------------------------------------------
def test_the_hub_network_is_at_stage_2_before_and_after_the_upgrade():
    assert stage_of(ROADMAP_HUB_NETWORK).number == HUB_STAGE
    upgraded = roadmap_hub_upgraded()
    assert upgraded.node("Hub").memory_s == 10 and upgraded.node("Hub").qubits == 100
    assert [n for n in upgraded.nodes if n.name != "Hub"] == [
        n for n in ROADMAP_HUB_NETWORK.nodes if n.name != "Hub"
    ]


def test_roadmap_hub_memory_accepts_stage_2():
    feedback = check_roadmap_hub_memory(2)
    assert feedback.correct, str(feedback)
    assert "has no memory" in feedback.message and "end nodes themselves" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (3, ["only to the repeater", "no memory"]),
        (5, ["store qubits"]),
        (1, ["takes nothing away"]),
        (2.5, ["not a stage"]),
    ],
    ids=repr,
)
def test_roadmap_hub_memory_names_the_mistake(answer, words):
    assert_explains(check_roadmap_hub_memory(answer), words)


# -- 5. The memory time stage 3 asks ------------------------------------------------------------------
@pytest.mark.parametrize("answer", [MEMORY_TIME_S, 2.78, 1.5 * SEGMENT_MEAN_S, 2.9, np.float64(2.7792)])
def test_roadmap_memory_time_accepts_the_papers_t(answer):
    feedback = check_roadmap_memory_time(answer)
    assert feedback.correct, str(feedback)
    assert "2.78 s" in feedback.message and "1.5 ms" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (300 / 2e5, ["message alone"]),
        (150 / 2e5, ["one attempt"]),
        (SEGMENT_MEAN_S + 300 / 2e5, ["one segment only"]),
        (2 * SEGMENT_MEAN_S + 300 / 2e5, ["adds the two segments"]),
        ((300 / 2e5) / (0.9**2 / 2 * 10 ** (-0.2 * 300 / 10)), ["whole 300 km"]),
        (MEMORY_TIME_S * 1e3, ["milliseconds"]),
        (0, ["cannot be the time"]),
        (10, ["not the paper's t"]),
    ],
    ids=repr,
)
def test_roadmap_memory_time_names_the_mistake(answer, words):
    feedback = check_roadmap_memory_time(answer)
    assert_explains(feedback, words)
    assert "heralded_link(150)" in feedback.hint


# -- 6. The design brief -------------------------------------------------------------------------------
def test_the_reference_design_meets_the_brief():
    design = reference_solution("roadmap.roadmap_design")
    assert sorted(design.end_nodes) == ["Bank", "Data centre", "Hospital"]
    assert stage_of(design).number == 2
    feedback = check_roadmap_design(design)
    assert feedback.correct and "Stage 2: entanglement distribution" in feedback.message
    # A builder panel is read too: its network, or its state's.
    assert check_roadmap_design(SimpleNamespace(network=design)).correct
    assert check_roadmap_design(NetworkBuilderPanel(state=design)).correct
    assert not check_roadmap_design(NetworkBuilderPanel(preset="Toy five-city network")).correct


@pytest.mark.parametrize(
    ("design", "words"),
    [
        (
            Network("two", _users()[:2], (Link("Bank", "Hospital", 300.0),)),
            ["three end nodes", "yours has 2"],
        ),
        (_star(50.0), ["only 100 km apart"]),
        (_star(175.0, kind="trusted relay"), ["stage 0", "relies on trusted relays", "quantum repeaters"]),
        (_star(175.0), ["stage 0", "error", "above the 0.11 bb84 allows", "shorter segments"]),
        (_star(160.0), ["stage 1", "0.076", "0.057 device-independent qkd allows", "shorter segments"]),
        (_star(150.0, heralded=False), ["cannot hold heralded entanglement", "matter qubit"]),
        (Network("apart", _users(), ()), ["no stage at all", "not connected"]),
    ],
    ids=[
        "two users",
        "too close",
        "trusted relays",
        "hops too long",
        "segments too long",
        "not heralded",
        "no links",
    ],
)
def test_roadmap_design_explains_what_stands_in_the_way(design, words):
    assert_explains(check_roadmap_design(design), words)


@pytest.mark.parametrize("answer", [{"nodes": []}, "my network", SimpleNamespace(network="x")])
def test_roadmap_design_asks_for_a_network(answer):
    assert_explains(
        check_roadmap_design(answer), ["not a network", "Network(name, nodes, links)", "builder panel"]
    )


def test_roadmap_design_quotes_at_most_three_reasons():
    feedback = check_roadmap_design(_star(160.0, heralded=False))
    assert "(3 more reasons of the same kind.)" in feedback.message
    assert feedback.hint.count(";") == 2


# -- The lesson ------------------------------------------------------------------------------------
def test_the_lesson_asks_what_the_checks_judge():
    text = lesson_text(LESSON_NOTEBOOK)
    for letter, statement in ROADMAP_ALL_END_NODES_CHOICES.items():
        assert f"**({letter})** {statement}" in text.markdown, letter
    for number, name in enumerate(ROADMAP_APPLICATIONS, start=1):
        assert f"{number}. {name}" in text.markdown, name
    for citation in ("Wehner", "eaam9288", "Chen", "589", "Pompili", "372"):
        assert citation in text.markdown, citation
    assert any("StagesPanel(" in source for source in text.code)
    assert any("NetworkBuilderPanel(" in source for source in text.code)
    printed = "\n".join(text.printed)
    assert "Beijing-Shanghai backbone: Stage 0: trusted repeater" in printed
    assert f"300 km in 2 segment(s) of 150 km: t = {MEMORY_TIME_S:.3g} s" in printed
    assert "Amsterdam, Delft and The Hague reaches stage 0 (trusted repeater)" in printed
    assert (
        "as built: Stage 2: entanglement distribution; the next fails: node Leiden has no memory" in printed
    )


# -- Per-student numbers ---------------------------------------------------------------------------
def _papers_t(distance_km: float) -> float:
    """1.5 tau for two parallel segments of distance/2 (lesson 10's heralded link), plus the message."""
    segment_km = distance_km / 2
    tau = (segment_km / 2e5) / (0.9**2 / 2 * 10 ** (-0.2 * segment_km / 10))
    return 1.5 * tau + distance_km / 2e5


@pytest.mark.parametrize("distance_km", [300.0, 200.0, 250.0, 350.0, 400.0, 450.0])
def test_roadmap_memory_time_judges_each_students_distance(distance_km):
    exercise_id = "roadmap.roadmap_memory_time"
    options = EXERCISES[exercise_id].params[0].options
    assert set(options) == {300.0, 200.0, 250.0, 350.0, 400.0, 450.0}
    student = student_for(exercise_id, distance_km=distance_km)
    check = EXERCISES[exercise_id].check
    truth = _papers_t(distance_km)
    assert check(truth, student=student).correct, str(check(truth, student=student))
    assert_explains(check(distance_km / 2e5, student=student), ["the message alone"])
    assert_explains(check(truth * 1e3, student=student), ["milliseconds"])
    if student:
        feedback = check(MEMORY_TIME_S, student=student)
        assert not feedback.correct and "lesson's numbers" in feedback.message, str(feedback)
    solution = reference_solution(exercise_id, student)
    assert solution == pytest.approx(truth, rel=1e-9)
    assert_correct(exercise_id, solution, student)
