"""Reference solutions of lesson 06 (trusted nodes and satellites), as a student would write them."""

from __future__ import annotations

import math

from qwidgets.physics import (
    bb84_key_rate,
    loss_db,
    max_distance_km,
    midpoint_downlinks,
    satellite_transmittance,
)
from qwidgets_grading.registry import solution


@solution("relays.relay_xor_key")
def relay_xor_key(keys: tuple[str, str]) -> str:
    """The node announces k1 ⊕ k2 = 101101 ⊕ 011001 = 110100; Bob XORs it with k2 = 011001.

    110100 ⊕ 011001 = 101101: k1, the key the node shares with Alice.
    """
    k1, k2 = keys
    announced = "".join(str(int(a) ^ int(b)) for a, b in zip(k1, k2))
    return "".join(str(int(a) ^ int(b)) for a, b in zip(announced, k2))


@solution("relays.chain_rate")
def chain_rate(first_hop_km: float) -> float:
    """The slowest hop sets the pace: the 120 km hop makes 15.7 bit/s (the lesson prints it)."""
    return min(bb84_key_rate(km) for km in (first_hop_km, 80.0, 80.0))


@solution("relays.chain_key_holders")
def chain_key_holders(nodes: int) -> int:
    """Alice, Bob, and each of the 5 nodes, which decrypts the key to re-encrypt it: 5 + 2."""
    return nodes + 2


@solution("relays.chain_fewest_nodes")
def chain_fewest_nodes(length_km: float) -> int:
    """1000 km / 151.3 km = 6.61 hops: round up to 7 hops; the nodes sit between them: 7 - 1 = 6."""
    hops = math.ceil(length_km / max_distance_km())
    return hops - 1


@solution("relays.downlink_doubling_db")
def downlink_doubling_db() -> float:
    """Twice the range: a spot twice as wide, 4 times the area, 1/4 of the light caught: 10 log10(4) dB.

    The loss beyond the spread (air, pointing, optics) stays the same.
    """
    return 10 * math.log10(4)


@solution("relays.downlink_vs_fibre")
def downlink_vs_fibre(stations_km: float) -> float:
    """Fibre: 0.2 dB/km × 1203 km = 240.6 dB; one 800 km downlink: 34.1 dB (printed in the lesson).

    The difference, 206.5 dB, is a factor 10^(206.5 / 10) ≈ 4.5e20.
    """
    downlink_db = loss_db(satellite_transmittance(midpoint_downlinks(stations_km).range_km))
    return 10 ** ((0.2 * stations_km - downlink_db) / 10)


@solution("relays.relay_end_to_end")
def relay_end_to_end() -> str:
    """QKD guards the links, not the nodes: every node and the satellite hold the key in the clear."""
    return "c"
