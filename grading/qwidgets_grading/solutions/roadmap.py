"""Reference solutions of lesson 12 (the roadmap capstone), as a student would write them."""

from __future__ import annotations

import math

from qwidgets.physics import Link, Network, Node
from qwidgets_grading.registry import solution


@solution("roadmap.roadmap_lowest_stages")
def roadmap_lowest_stages() -> list[int]:
    """Blind computing 3, QKD 1, fast Byzantine agreement 5, device-independent QKD 2, telescopes 3."""
    return [3, 1, 5, 2, 3]


@solution("roadmap.roadmap_all_end_nodes")
def roadmap_all_end_nodes() -> str:
    """A stage counts only when every pair of end nodes has it: The Hague holds the network at 0."""
    return "c"


@solution("roadmap.roadmap_backbone_stage")
def roadmap_backbone_stage() -> int:
    """Keys relayed hop by hop through trusted nodes: stage 0."""
    return 0


@solution("roadmap.roadmap_hub_memory")
def roadmap_hub_memory() -> int:
    """The end nodes still cannot store qubits, so the network stays at stage 2."""
    return 2


@solution("roadmap.roadmap_memory_time")
def roadmap_memory_time(distance_km: float) -> float:
    """A pair on both 150 km segments, then a message over 300 km.

    One attempt succeeds with probability 0.9²/2 * 10^(-0.2 * 150 / 10) and takes 150 km at
    200,000 km/s (the photon to the station halfway and the herald back), so a segment heralds a
    pair after tau = attempt / success on average. Both segments try at once: the first pair
    comes after tau/2 on average, the other segment needs tau more (its waiting has no memory),
    1.5 tau in all. The message adds 300 km at the same speed.
    """
    segment_km = distance_km / 2
    success = 0.9**2 / 2 * 10 ** (-0.2 * segment_km / 10)
    attempt_s = segment_km / 200_000
    return 1.5 * attempt_s / success + distance_km / 200_000


@solution("roadmap.roadmap_design")
def roadmap_design() -> Network:
    """Bank, hospital and data centre 175 km from a central repeater, with one more repeater halfway.

    Every user holds heralded entanglement; segments of 87.5 km keep the error end to end under the
    0.057 that device-independent QKD allows, and the repeaters' memories (10 s) outlast a
    segment's pair. The users are 350 km apart along the fibre.
    """
    arm_km = 175.0
    nodes = [Node("Hub", "repeater", heralded=True, memory_s=10.0, qubits=2)]
    links = []
    for i, user in enumerate(("Bank", "Hospital", "Data centre")):
        angle = math.pi / 2 + 2 * math.pi * i / 3
        x, y = arm_km * math.cos(angle), arm_km * math.sin(angle)
        middle = f"Repeater {i + 1}"
        nodes.append(Node(user, "end", x, y, heralded=True))
        nodes.append(Node(middle, "repeater", x / 2, y / 2, heralded=True, memory_s=10.0, qubits=2))
        links.append(Link(user, middle, arm_km / 2))
        links.append(Link(middle, "Hub", arm_km / 2))
    return Network("Three users, 300 km apart", tuple(nodes), tuple(links))
