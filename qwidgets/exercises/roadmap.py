"""Exercises of lesson 12 (the roadmap capstone): stages, end nodes, memories and a network to design.

Every check computes its truth with :mod:`qwidgets.physics`: the lowest stage of an application
(:func:`~qwidgets.physics.required_stage`), the stage a network reaches, with the reasons the next
one fails and the upgrades it needs (:func:`~qwidgets.physics.stage_of`, on the presets of
:func:`~qwidgets.physics.network_preset` or on a network built here), and the storage time stage 3
asks of a network's end nodes (:func:`~qwidgets.physics.required_memory_s`). The stages are those
of Wehner, Elkouss & Hanson, "Quantum internet: A vision for the road ahead", Science 362,
eaam9288 (2018); no check holds a stage rule of its own.

Each check names the typical mistakes of its exercise: blind quantum computing placed at the top
because its server is a quantum computer, trusted-node QKD taken for end-to-end QKD, device
independence placed with prepare-and-measure or with memories, Byzantine agreement taken for a
few-qubit task, linked telescopes taken for a memoryless one; a stage granted when only some pairs
of end nodes have its functionality; a backbone's hops taken for its end nodes; memories in the
repeaters taken for memories in the end nodes; the message alone, one attempt, the segments' times
added, one link over the whole distance or milliseconds for the storage time; and, for the design
brief, the wrong number of users, users closer than the brief says, and every reason
:func:`~qwidgets.physics.stage_of` gives.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from types import MappingProxyType

from qwidgets.errors import excerpt
from qwidgets.exercises.core import Verdict, correct, exercise, wrong
from qwidgets.exercises.readers import read_choice, read_number
from qwidgets.exercises.variants import Parameter
from qwidgets.exercises.verdicts import near
from qwidgets.physics import (
    SPEED_IN_FIBRE_KM_PER_S,
    STAGES,
    Link,
    Network,
    Node,
    heralded_link,
    network_preset,
    required_memory_s,
    required_stage,
    stage_of,
)

__all__ = [
    "ROADMAP_ALL_END_NODES_CHOICES",
    "ROADMAP_ALL_END_NODES_RIGHT_CHOICE",
    "ROADMAP_APPLICATIONS",
    "ROADMAP_BACKBONE",
    "ROADMAP_BRIEF_APPLICATION",
    "ROADMAP_BRIEF_DISTANCE_KM",
    "ROADMAP_BRIEF_USERS",
    "ROADMAP_FAR_DISTANCES_KM",
    "ROADMAP_FAR_NETWORK",
    "ROADMAP_HUB_NETWORK",
    "check_roadmap_all_end_nodes",
    "check_roadmap_backbone_stage",
    "check_roadmap_design",
    "check_roadmap_hub_memory",
    "check_roadmap_lowest_stages",
    "check_roadmap_memory_time",
    "roadmap_far_network",
    "roadmap_hub_upgraded",
]

LESSON = "12_roadmap_capstone"

_TOP = STAGES[-1].number  # the highest stage of the roadmap (quantum computing)


def _stage_number(value: float) -> int | None:
    """``value`` as a stage number, or ``None`` if it is not a whole number from 0 to 5."""
    if not float(value).is_integer() or not 0 <= value <= _TOP:
        return None
    return round(value)


_STAGE_RANGE = (
    f"The stages are numbered 0 ({STAGES[0].name}) to {_TOP} ({STAGES[-1].name}): give one whole number."
)


# -- 1. The lowest stage of five applications -----------------------------------------------------
ROADMAP_APPLICATIONS: tuple[str, ...] = (
    "blind quantum computing",
    "quantum key distribution",
    "fast byzantine agreement",
    "device-independent quantum key distribution",
    "longer-baseline telescopes",
)
"""The applications of exercise ``roadmap.roadmap_lowest_stages``, in the order the lesson asks them."""

_APPLICATION_MISTAKES: Mapping[tuple[str, int], str] = MappingProxyType(
    {
        (
            "blind quantum computing",
            5,
        ): "Blind quantum computing needs one quantum computer, the server, not a "
        "network of them: the client only prepares single qubits, but the network must carry them to the "
        "server deterministically, and that is stage 3.",
        ("blind quantum computing", 4): "Blind quantum computing asks no fault tolerance of the network: the "
        "client only prepares single qubits, and the network must hand them to the server, stage 3.",
        ("blind quantum computing", 1): "The client of blind quantum computing does only prepare single "
        "qubits, but the protocol needs them delivered deterministically, with the server storing them while "
        "it computes: stage 3, in the paper's table (better protocols may lower it one day).",
        ("quantum key distribution", 0): "Keys relayed through trusted nodes are stage 0, but that is not "
        "end-to-end QKD: BB84 between two end nodes, with nobody in between to trust, is stage 1.",
        ("quantum key distribution", 2): "E91 uses entangled pairs, but BB84 makes the same key from single "
        "qubits prepared and measured: QKD needs only stage 1.",
        ("fast byzantine agreement", 4): "The fast Byzantine agreement protocol needs many qubits per node, "
        "more than a classical computer could simulate: stage 5, not the few qubits of stage 4.",
        (
            "fast byzantine agreement",
            3,
        ): "Fast Byzantine agreement needs large quantum computers at the nodes "
        "(stage 5); stage 3 runs only simple leader election and agreement.",
        ("device-independent quantum key distribution", 1): "Device independence needs more than "
        "prepare-and-measure: the end nodes must test a Bell inequality on entanglement that is heralded, "
        "with no post-selection on detections. That is stage 2.",
        ("device-independent quantum key distribution", 3): "Device-independent QKD measures each pair at "
        "once: it needs heralded entanglement (stage 2), but no memory.",
        ("longer-baseline telescopes", 2): "Linked telescopes need the entanglement kept in memories while "
        "the starlight arrives, whenever it does: stage 3, not the measure-at-once pairs of stage 2.",
        ("longer-baseline telescopes", 4): "The telescope protocol needs memories and local control, but no "
        "fault tolerance: stage 3.",
    }
)


def _read_stages(answer: object) -> list[float]:
    """The answer as numbers, one per application of :data:`ROADMAP_APPLICATIONS`."""
    count = len(ROADMAP_APPLICATIONS)
    form = f"a list of {count} whole numbers, one stage per application in the lesson's order"
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__len__") or isinstance(answer, (dict, set)):
        raise TypeError(f"the answer is {excerpt(answer)}; give {form}")
    if len(answer) != count:
        raise ValueError(f"the answer holds {len(answer)} item(s); give {form}")
    return [read_number(item, f"stage {position}", "2") for position, item in enumerate(answer, start=1)]


@exercise(
    id="roadmap.roadmap_lowest_stages", lesson=LESSON, answer_name="answer_roadmap_lowest_stages", points=2
)
def check_roadmap_lowest_stages(answer: object) -> Verdict:
    """A list of five whole numbers, one stage per application, e.g. [0, 1, 2, 3, 4].

    Exercise: what is the lowest stage of the roadmap that runs each application of
    :data:`ROADMAP_APPLICATIONS`, in that order?

    Parameters
    ----------
    answer : list of int
        Five stage numbers, 0 to 5; whole floats (``3.0``) count as integers.

    Returns
    -------
    Verdict
        Correct, or every application placed wrongly, with its typical mistake where it has one
        (blind computing placed with quantum computers, trusted-node keys taken for QKD, device
        independence without heralded entanglement or with memories, Byzantine agreement with few
        qubits, telescopes without memories), else the application's stage and what it does.
    """
    values = _read_stages(answer)
    truths = [required_stage(name) for name in ROADMAP_APPLICATIONS]
    problems = []
    for name, value, truth in zip(ROADMAP_APPLICATIONS, values, truths):
        number = _stage_number(value)
        if number == truth.number:
            continue
        if number is None:
            problems.append(f"{value:g} for {name} is no stage: stages are whole numbers from 0 to 5.")
        else:
            problems.append(
                _APPLICATION_MISTAKES.get((name, number), f"{name.capitalize()} is not at stage {number}.")
            )
    if not problems:
        listed = "; ".join(f"{name}: {truth.title}" for name, truth in zip(ROADMAP_APPLICATIONS, truths))
        return correct(
            f"{listed}. Each application sits at the lowest stage whose functionality it needs; a network "
            "at a higher stage runs it too."
        )
    return wrong(
        f"{len(problems)} of {len(values)} are not right. " + " ".join(problems),
        "Ask what each protocol needs of the end nodes: single qubits sent and measured (1), heralded pairs "
        "measured at once (2), qubits stored and operated on (3), fault tolerance (4), many logical qubits "
        "(5). StagesPanel(application=...) shows the lowest stage of each.",
    )


# -- 2. Every pair of end nodes --------------------------------------------------------------------
ROADMAP_ALL_END_NODES_CHOICES: Mapping[str, str] = MappingProxyType(
    {
        "a": "It is at stage 2: two of its end nodes share heralded entangled pairs.",
        "b": "It has no single stage: it is at stage 2 for Amsterdam and Delft and at stage 0 for The Hague.",
        "c": "It is at stage 0: a stage is reached only when all its end nodes have that stage's "
        "functionality, and The Hague's keys still pass through a trusted relay.",
        "d": "It is at no stage at all, because one of its links is a trusted relay.",
    }
)
"""The statements of exercise ``roadmap.roadmap_all_end_nodes``, by letter, as the lesson prints them."""
ROADMAP_ALL_END_NODES_RIGHT_CHOICE = "c"
"""The letter of the right statement in :data:`ROADMAP_ALL_END_NODES_CHOICES`."""

_ALL_END_NODES_FEEDBACK = {
    "a": "(a) rates the network by its best pair. The paper rates it by what all its end nodes can do: a "
    "user in The Hague who wants a device-independent key cannot get one.",
    "b": "(b) describes its pairs well, but the network does have a stage: the highest one that every pair "
    "of end nodes reaches, here 0. Each pair has its own stage, the network the lowest of them.",
    "d": "(d): stage 0 is exactly a network that relays keys through trusted nodes. Every pair of end nodes "
    "here can get a key, so the network is at stage 0, not below.",
}


@exercise(id="roadmap.roadmap_all_end_nodes", lesson=LESSON, answer_name="answer_roadmap_all_end_nodes")
def check_roadmap_all_end_nodes(answer: object) -> Verdict:
    """The letter of one statement as text, e.g. 'a'.

    Exercise: a network joins three end nodes. Amsterdam and Delft share heralded entangled pairs
    and measure them at once; The Hague gets keys from the other two only through a trusted relay.
    Which statement of :data:`ROADMAP_ALL_END_NODES_CHOICES` about its stage is right?

    Parameters
    ----------
    answer : str
        One letter, ``'a'`` to ``'d'``, in any case, with or without brackets.

    Returns
    -------
    Verdict
        Correct, or what is wrong with the chosen statement (the best pair taken for the network,
        no stage at all for mixed pairs, trusted relays taken to rule out stage 0).
    """
    letter = read_choice(answer, tuple(ROADMAP_ALL_END_NODES_CHOICES))
    if letter == ROADMAP_ALL_END_NODES_RIGHT_CHOICE:
        return correct(
            f"({letter}) is right: the paper grants a stage only when its functionality, and that of every "
            "stage below, is available to all the end nodes. The network's stage is the lowest stage of any "
            "pair of its end nodes; stage_of reports each pair, and the pair that limits the rest."
        )
    return wrong(
        _ALL_END_NODES_FEEDBACK[letter],
        "Ask what the worst-served pair of end nodes can do: that is what the network offers everybody.",
    )


# -- 3. The Beijing-Shanghai backbone --------------------------------------------------------------
ROADMAP_BACKBONE = "Beijing-Shanghai backbone"
"""The preset of exercise ``roadmap.roadmap_backbone_stage``."""


@exercise(id="roadmap.roadmap_backbone_stage", lesson=LESSON, answer_name="answer_roadmap_backbone_stage")
def check_roadmap_backbone_stage(answer: object) -> Verdict:
    """One whole number from 0 to 5, e.g. 2.

    Exercise (predict, then check): the Beijing-Shanghai backbone joins its end nodes over more than
    2,000 km of fibre through 32 trusted nodes, and every hop runs BB84, a prepare-and-measure
    protocol. At which stage of the roadmap is it?

    Parameters
    ----------
    answer : int
        A stage number; ``2.0`` counts as 2.

    Returns
    -------
    Verdict
        Correct, or the mistake: stage 1 for the BB84 on each hop, a higher stage, a network
        denied any stage; a fraction or a number outside 0 to 5.
    """
    result = stage_of(network_preset(ROADMAP_BACKBONE))
    reason = result.reasons[0] if result.reasons else ""
    hint = "A stage rates what the end nodes can do with each other, not what happens on each hop."
    value = read_number(answer, "the stage", "2")
    number = _stage_number(value)
    if number == result.number:
        return correct(
            f"{result.stage.title}. Stage 1 fails because {reason}. Each hop runs BB84, but no qubit "
            "travels from one end of the backbone to the other, and every relay holds the keys it passes "
            "on. Networks of this kind were the only ones outside the laboratory when the paper appeared."
        )
    if value == -1:
        return wrong(
            "The backbone does give its users keys, relayed hop by hop: that is stage 0, the trusted "
            "repeater network. Only a network that cannot give two end nodes a key at all has no stage.",
            hint,
        )
    if number is None:
        return wrong(f"{value:g} is not a stage. {_STAGE_RANGE}", hint)
    if number == result.number + 1:
        return wrong(
            f"Each hop runs BB84, a prepare-and-measure protocol, but stage {number} asks it of the end "
            f"nodes: a qubit prepared in Beijing and measured in Shanghai. Here: {reason}.",
            hint,
        )
    return wrong(
        f"Stage {number} asks far more of the end nodes than keys relayed hop by hop. Here: {reason}.",
        hint,
    )


# -- 4. Memories in the repeaters ------------------------------------------------------------------
_HUB_CITIES = (("Leiden", 0.0, 30.0), ("Utrecht", 26.0, -15.0), ("Rotterdam", -26.0, -15.0))
ROADMAP_HUB_NETWORK = Network(
    "Three cities around a repeater",
    (
        *(Node(city, "end", x, y, heralded=True) for city, x, y in _HUB_CITIES),
        Node("Hub", "repeater", 0.0, 0.0, heralded=True, memory_s=0.01, qubits=2),
    ),
    tuple(Link(city, "Hub", 30.0) for city, _, _ in _HUB_CITIES),
    "Exercise roadmap.roadmap_hub_memory: three end nodes 30 km from one repeater.",
)
"""The network of exercise ``roadmap.roadmap_hub_memory``, before its repeater is upgraded."""


def roadmap_hub_upgraded() -> Network:
    """:data:`ROADMAP_HUB_NETWORK` with its repeater's memory raised to 10 s and 100 qubits."""
    return ROADMAP_HUB_NETWORK.replace_node("Hub", memory_s=10.0, qubits=100)


@exercise(id="roadmap.roadmap_hub_memory", lesson=LESSON, answer_name="answer_roadmap_hub_memory")
def check_roadmap_hub_memory(answer: object) -> Verdict:
    """One whole number from 0 to 5, e.g. 2.

    Exercise (predict, then check): three end nodes that receive heralded entanglement, with no
    memory, are joined through one repeater (:data:`ROADMAP_HUB_NETWORK`). Its operator gives the
    repeater a memory of 10 s and 100 qubits (:func:`roadmap_hub_upgraded`), and changes nothing
    else. At which stage is the network now?

    Parameters
    ----------
    answer : int
        A stage number; ``2.0`` counts as 2.

    Returns
    -------
    Verdict
        Correct, or the mistake: stage 3 or above for memories that are not at the end nodes, a
        lower stage than before the upgrade; a fraction or a number outside 0 to 5.
    """
    before = stage_of(ROADMAP_HUB_NETWORK)
    after = stage_of(roadmap_hub_upgraded())
    reason = after.reasons[0] if after.reasons else ""
    hint = "Which nodes does a stage rate? Look at what changed, and where."
    value = read_number(answer, "the stage", "2")
    number = _stage_number(value)
    if number == after.number:
        return correct(
            f"Still {after.stage.title}. Stage 3 fails because {reason}. The stage rates what the end "
            "nodes can do; a repeater's memory can make pairs faster or better, but stage 3 asks the end "
            "nodes themselves to store qubits and operate on them."
        )
    if number is None:
        return wrong(f"{value:g} is not a stage. {_STAGE_RANGE}", hint)
    if number > after.number:
        return wrong(
            f"Stage {number} would need the end nodes to store qubits, and the upgrade gave memory only to "
            f"the repeater: {reason}.",
            hint,
        )
    return wrong(
        f"An upgrade takes nothing away: before it the network was at {before.stage.title}, and it still "
        "does everything it did.",
        hint,
    )


# -- 5. How long stage 3 asks the memories to hold -------------------------------------------------
ROADMAP_BRIEF_DISTANCE_KM = 300.0
"""How far apart (km of fibre) the farthest end nodes of exercises 5 and 6 are."""


def roadmap_far_network(distance_km: float = ROADMAP_BRIEF_DISTANCE_KM) -> Network:
    """Two end nodes ``distance_km`` of fibre apart, with a repeater (10 s, 2 qubits) halfway."""
    half = distance_km / 2
    return Network(
        f"Two end nodes {distance_km:g} km apart",
        (
            Node("West", "end", 0.0, 0.0, heralded=True),
            Node("Middle", "repeater", half, 0.0, heralded=True, memory_s=10.0, qubits=2),
            Node("East", "end", distance_km, 0.0, heralded=True),
        ),
        (Link("West", "Middle", half), Link("Middle", "East", half)),
        f"Exercise roadmap.roadmap_memory_time: two end nodes {distance_km:g} km of fibre apart, a "
        "repeater halfway.",
    )


ROADMAP_FAR_NETWORK = roadmap_far_network()
"""The network of exercise ``roadmap.roadmap_memory_time``: two segments of 150 km of standard fibre."""
ROADMAP_FAR_DISTANCES_KM = (ROADMAP_BRIEF_DISTANCE_KM, 200.0, 250.0, 350.0, 400.0, 450.0)
"""The distances (km) of exercise ``roadmap.roadmap_memory_time``: the lesson's 300 km, then the others'."""


@exercise(
    id="roadmap.roadmap_memory_time",
    lesson=LESSON,
    answer_name="answer_roadmap_memory_time",
    params=[Parameter("distance_km", ROADMAP_FAR_DISTANCES_KM, symbol="L", unit="km")],
)
def check_roadmap_memory_time(answer: object, distance_km: float) -> Verdict:
    """One number: a time in seconds, e.g. 0.002.

    Exercise: two end nodes are L km of fibre apart (300 km in the lesson, each student's own on a
    class hub), with a quantum repeater halfway (:func:`roadmap_far_network`; the lesson's is
    :data:`ROADMAP_FAR_NETWORK`). Stage 3 asks their memories to last at least the paper's t: the
    time to make one pair between them (both segments herald a pair, as in lesson 10's
    ``heralded_link``, trying at the same time: the later of two waits of mean tau lasts 1.5 tau
    on average) plus one classical message between them. How long is t, in seconds?

    Parameters
    ----------
    answer : float
        Seconds, within 10 %.
    distance_km : float
        The student's distance L, km.

    Returns
    -------
    Verdict
        Correct, or the mistake: the message alone, one attempt alone, one segment's time alone,
        the two segments' times added, one heralded link over the whole distance, milliseconds for
        seconds; zero or a negative time.
    """
    truth = required_memory_s(roadmap_far_network(distance_km))
    length = distance_km
    segment = heralded_link(length / 2)
    message = length / SPEED_IN_FIBRE_KM_PER_S
    recipe = (
        f"The segments try at the same time, and each needs tau = heralded_link({length / 2:g}).mean_time_s "
        "on average; both have a pair after 1.5 tau on average (the first after tau/2, then the other "
        f"needs tau more); then one message crosses {length:g} km at {SPEED_IN_FIBRE_KM_PER_S:,.0f} km/s."
    )
    value = read_number(answer, "the time", "0.002")
    if near(value, truth):
        return correct(
            f"t = 1.5 x {segment.mean_time_s:.3g} s for both pairs + {message * 1e3:g} ms for the message = "
            f"{truth:.3g} s; you gave {value:g} s. Making the pair takes about "
            f"{(truth - message) / message:,.0f} times longer than the message. The paper measures memories "
            "against this time, not in absolute seconds: end nodes farther apart need longer memories to "
            "reach the same stage, and a protocol of several rounds asks for several times t."
        )
    mistakes = [
        (
            message,
            f"{message * 1e3:g} ms is the message alone. The pair must be made first, and over "
            f"{length / 2:g} km of fibre most attempts lose a photon: heralding one takes far longer.",
        ),
        (
            segment.attempt_time_s,
            f"{segment.attempt_time_s * 1e3:g} ms is one attempt on a segment. Most attempts fail (each "
            f"succeeds with probability {segment.success_probability:.1e}), so a pair takes many of them.",
        ),
        (
            segment.mean_time_s + message,
            "That waits for one segment only. Both segments must hold a pair before the repeater swaps, "
            "and the later of two random waits is longer than either on average: 1.5 times one segment's "
            "mean.",
        ),
        (
            2 * segment.mean_time_s + message,
            "That adds the two segments' times. They try at the same time, not one after the other: "
            "waiting for both takes 1.5 times one segment's mean, not twice it.",
        ),
        (
            heralded_link(length).mean_time_s + message,
            f"That heralds one pair over the whole {length:g} km, as if there were no repeater. The repeater "
            "halves "
            "the segments, and each halving of a segment saves far more than half the time.",
        ),
        (truth * 1e3, f"{value:g} looks like milliseconds. The answer is asked in seconds."),
    ]
    for wrong_value, message_text in mistakes:
        if near(value, wrong_value, 0.02):
            return wrong(message_text, recipe)
    if value <= 0:
        return wrong(
            f"{value:g} s cannot be the time: making a pair and sending a message take time.", recipe
        )
    return wrong(f"{value:g} s is not the paper's t for these two end nodes.", recipe)


# -- 6. The design brief ----------------------------------------------------------------------------
ROADMAP_BRIEF_USERS = ("bank", "hospital", "data centre")
"""The three users of the design brief, exercise ``roadmap.roadmap_design``."""
ROADMAP_BRIEF_APPLICATION = "device-independent quantum key distribution"
"""What the users of the design brief need."""
_MAX_REASONS = 3  # reasons and upgrades of stage_of quoted in the feedback
_BRIEF_TOLERANCE = 0.01  # how much shorter than the brief's distance a route may be (hand-typed lengths)


def _read_design(answer: object) -> Network:
    """A :class:`~qwidgets.physics.Network`, or the one a builder panel holds (``network`` or ``state``)."""
    state = getattr(answer, "state", None)
    for candidate in (answer, getattr(answer, "network", None), getattr(state, "network", None)):
        if isinstance(candidate, Network):
            return candidate
    raise TypeError(
        f"the answer is {excerpt(answer)}, not a network; build one with Network(name, nodes, links), or "
        "give the builder panel itself"
    )


def _route_lengths_km(network: Network, start: str) -> dict[str, float]:
    """The shortest route (km, along the links) from ``start`` to every node it reaches (Dijkstra)."""
    lengths = {start: 0.0}
    queue = [(0.0, start)]
    while queue:
        length, name = heapq.heappop(queue)
        if length > lengths[name]:
            continue
        for link in network.links:
            if name in (link.a, link.b):
                other = link.other(name)
                if length + link.length_km < lengths.get(other, float("inf")):
                    lengths[other] = length + link.length_km
                    heapq.heappush(queue, (lengths[other], other))
    return lengths


@exercise(id="roadmap.roadmap_design", lesson=LESSON, answer_name="answer_roadmap_design", points=3)
def check_roadmap_design(answer: object) -> Verdict:
    """A Network, e.g. Network('my design', nodes, links), or the NetworkBuilderPanel you built it in.

    Exercise (the design brief): a bank, a hospital and a data centre, each at least 300 km of
    fibre from the other two, need device-independent keys between any two of them. Design a
    network (three end nodes, and any repeaters, sources and links) that reaches the stage
    device-independent QKD needs.

    Parameters
    ----------
    answer : Network
        The design, or the ``NetworkBuilderPanel`` that holds it (its ``state.network``).

    Returns
    -------
    Verdict
        Correct with the stage reached, or what stands in the way: not three end nodes, two users
        closer than the brief, or the stage below the one needed, with the reasons and upgrades
        of :func:`~qwidgets.physics.stage_of`.
    """
    network = _read_design(answer)
    needed = required_stage(ROADMAP_BRIEF_APPLICATION)
    ends = network.end_nodes
    hint = (
        f"Three nodes of role 'end', one per user ({', '.join(ROADMAP_BRIEF_USERS)}), joined by links whose "
        f"lengths add up to at least {ROADMAP_BRIEF_DISTANCE_KM:g} km between any two of them."
    )
    if len(ends) != len(ROADMAP_BRIEF_USERS):
        return wrong(
            f"The brief has three users, so the network needs three end nodes; yours has {len(ends)}"
            + (f" ({', '.join(ends)})." if ends else "."),
            hint,
        )
    distance = ROADMAP_BRIEF_DISTANCE_KM
    for position, a in enumerate(ends):
        routes = _route_lengths_km(network, a)
        for b in ends[position + 1 :]:
            if b in routes and routes[b] < distance * (1 - _BRIEF_TOLERANCE):
                return wrong(
                    f"{a} and {b} are only {routes[b]:g} km apart along your links; the brief puts the users "
                    f"at least {distance:g} km apart.",
                    hint,
                )
    result = stage_of(network)
    if result.number >= needed.number:
        beyond = f" The next stage would need more: {result.reasons[0]}." if result.reasons else ""
        return correct(
            f"Your network reaches {result.stage.title}, the stage {ROADMAP_BRIEF_APPLICATION} needs: "
            f"every pair of the three users can make device-independent keys.{beyond}"
        )
    reached = result.stage.title if result.stage is not None else "no stage at all"
    shown = _MAX_REASONS
    reasons = " ".join(f"{reason[0].upper()}{reason[1:]}." for reason in result.reasons[:shown])
    more = len(result.reasons) - shown
    upgrades = "; ".join(result.upgrades[:shown])
    return wrong(
        f"Your network reaches {reached}, and {ROADMAP_BRIEF_APPLICATION} needs {needed.title}. {reasons}"
        + (f" ({more} more reason{'s' * (more != 1)} of the same kind.)" if more > 0 else ""),
        f"To go up a stage: {upgrades}." if upgrades else hint,
    )
