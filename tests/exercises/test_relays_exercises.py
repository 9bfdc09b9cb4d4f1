"""Exercises of lesson 06: right answers in every form pass, each typical mistake is named.

Truths are written here as closed forms, independent of the checks' code and of
:mod:`qwidgets.physics`: XOR by hand, the decoy-state BB84 rate of Lo, Ma & Chen (PRL 94, 230504,
2005) with the 2004 equipment written out, n + 2 key holders, 20 log10(2) dB per doubling of a
diffraction-limited range, and the Micius geometry by the law of cosines.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from qwidgets_grading import reference_solution

from qwidgets.exercises import (
    CHAIN_HOPS_KM,
    DOUBLING_RANGES_KM,
    END_TO_END_CHOICES,
    END_TO_END_RIGHT_CHOICE,
    EXERCISES,
    FEWEST_NODES_LINE_KM,
    HOLDERS_NODES,
    MICIUS_STATIONS_KM,
    RELAY_HOP1_KEY,
    RELAY_HOP2_KEY,
    assert_correct,
    check_chain_fewest_nodes,
    check_chain_key_holders,
    check_chain_rate,
    check_downlink_doubling_db,
    check_downlink_vs_fibre,
    check_relay_end_to_end,
    check_relay_xor_key,
)
from qwidgets.testing.feedback import assert_explains
from qwidgets.testing.notebooks import lesson_text
from qwidgets.testing.variants import assert_judged_with_own_numbers, student_for

LESSON_NOTEBOOK = Path(__file__).resolve().parents[2] / "lessons" / "06_trusted_nodes_and_satellites.ipynb"
IDS = [exercise_id for exercise_id in EXERCISES if exercise_id.startswith("relays.")]


def h(p: float) -> float:
    """Binary entropy in bits, written out (0 at 0 and 1)."""
    return 0.0 if p in (0.0, 1.0) else -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def decoy_rate(km: float) -> float:
    """Decoy BB84 with the 2004 equipment, bits per second (Lo, Ma & Chen 2005), written out."""
    mu, eta_det, y0, e_d, f, clock = 0.5, 0.045, 1.7e-6, 0.033, 1.16, 2e6
    eta = eta_det * 10 ** (-0.2 * km / 10)
    signal = 1 - math.exp(-eta * mu)
    q_mu = y0 + signal
    e_mu = (0.5 * y0 + e_d * signal) / q_mu
    y1 = y0 + eta
    q1 = y1 * mu * math.exp(-mu)
    e1 = (0.5 * y0 + e_d * eta) / y1
    return max(0.0, clock * 0.5 * (-q_mu * f * h(e_mu) + q1 * (1 - h(e1))))


def decoy_reach() -> float:
    """Where ``decoy_rate`` reaches zero, by bisection."""
    low, high = 100.0, 200.0
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if decoy_rate(middle) > 0 else (low, middle)
    return low


# Closed forms of the answers.
K1, K2 = "101101", "011001"
ANNOUNCED = "".join("1" if a != b else "0" for a, b in zip(K1, K2))  # 110100
BOB_GETS = "".join("1" if a != b else "0" for a, b in zip(ANNOUNCED, K2))  # k1 again
HOP_RATES = [decoy_rate(km) for km in (120.0, 80.0, 80.0)]
CHAIN_RATE = min(HOP_RATES)
HOLDERS = 5 + 2
REACH_KM = decoy_reach()
FEWEST = math.ceil(1000 / REACH_KM) - 1
DOUBLING_DB = 20 * math.log10(2)
R, ORBIT = 6371.0, 6371.0 + 500.0
HALF_ANGLE = 1203 / (2 * R)
RANGE_KM = math.sqrt(R**2 + ORBIT**2 - 2 * R * ORBIT * math.cos(HALF_ANGLE))
DOWNLINK_DB = 36.0 + 20 * math.log10(RANGE_KM / 1000)  # the model: 36 dB at 1000 km, Friis L^2
FIBRE_DB = 0.2 * 1203
FACTOR = 10 ** ((FIBRE_DB - DOWNLINK_DB) / 10)


def test_lesson_06_registers_its_exercises_in_order():
    assert IDS == [
        "relays.relay_xor_key",
        "relays.chain_rate",
        "relays.chain_key_holders",
        "relays.chain_fewest_nodes",
        "relays.downlink_doubling_db",
        "relays.downlink_vs_fibre",
        "relays.relay_end_to_end",
    ]
    assert {EXERCISES[i].lesson for i in IDS} == {"06_trusted_nodes_and_satellites"}
    assert [EXERCISES[i].points for i in IDS] == [1, 1, 1, 2, 1, 2, 1]


def test_the_constants_are_the_lessons():
    assert (RELAY_HOP1_KEY, RELAY_HOP2_KEY) == (K1, K2)
    assert CHAIN_HOPS_KM == (120.0, 80.0, 80.0)
    assert HOLDERS_NODES == 5 and FEWEST_NODES_LINE_KM == 1000.0
    assert DOUBLING_RANGES_KM == (500.0, 1000.0) and MICIUS_STATIONS_KM == 1203.0


def test_the_closed_forms_are_the_textbook_numbers():
    assert ANNOUNCED == "110100" and BOB_GETS == K1
    assert CHAIN_RATE == pytest.approx(15.75, abs=0.01) and HOP_RATES[1] == pytest.approx(128.3, abs=0.1)
    assert REACH_KM == pytest.approx(151.29, abs=0.01)
    assert FEWEST == 6 and 1000 / 7 < REACH_KM < 1000 / 6
    assert DOUBLING_DB == pytest.approx(6.0206, abs=1e-4)
    assert RANGE_KM == pytest.approx(800.0, abs=0.5)
    assert DOWNLINK_DB == pytest.approx(34.06, abs=0.01) and FIBRE_DB == pytest.approx(240.6)
    assert math.log10(FACTOR) == pytest.approx(20.65, abs=0.01)


@pytest.mark.parametrize(
    ("exercise_id", "closed_form"),
    [
        ("relays.relay_xor_key", BOB_GETS),
        ("relays.chain_rate", CHAIN_RATE),
        ("relays.chain_key_holders", HOLDERS),
        ("relays.chain_fewest_nodes", FEWEST),
        ("relays.downlink_doubling_db", DOUBLING_DB),
        ("relays.downlink_vs_fibre", FACTOR),
        ("relays.relay_end_to_end", "c"),
    ],
)
def test_reference_solutions_are_the_closed_forms_and_pass(exercise_id, closed_form):
    solution = reference_solution(exercise_id)
    if isinstance(closed_form, str):
        assert solution == closed_form
    elif exercise_id == "relays.downlink_vs_fibre":
        assert math.log10(solution) == pytest.approx(math.log10(closed_form), abs=0.01)
    else:
        assert solution == pytest.approx(closed_form, rel=0.01)
    assert EXERCISES[exercise_id].check(solution).correct
    assert EXERCISES[exercise_id].check(closed_form).correct
    assert_correct(exercise_id, solution)


@pytest.mark.parametrize(
    ("exercise_id", "wrong_answer"),
    [
        ("relays.relay_xor_key", ANNOUNCED),
        ("relays.chain_rate", sum(HOP_RATES)),
        ("relays.chain_key_holders", 5),
        ("relays.chain_fewest_nodes", 7),
        ("relays.downlink_doubling_db", 3.0),
        ("relays.downlink_vs_fibre", FIBRE_DB - DOWNLINK_DB),
        ("relays.relay_end_to_end", "b"),
    ],
)
def test_assert_correct_raises_for_a_wrong_answer_with_the_feedback(exercise_id, wrong_answer):
    with pytest.raises(AssertionError, match="Not yet"):
        assert_correct(exercise_id, wrong_answer)


# -- 1. The relayed key ------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [BOB_GETS, "1 0 1 1 0 1", "1,0,1,1,0,1", [1, 0, 1, 1, 0, 1], 101101])
def test_relay_xor_key_accepts_k1_and_says_who_knows_it(answer):
    feedback = check_relay_xor_key(answer)
    assert feedback.correct, str(feedback)
    assert "alice" in feedback.message.lower() and "the node knows it too" in feedback.message.lower()
    assert ANNOUNCED in feedback.message and "learns nothing" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (ANNOUNCED, ["what the node announced", "xor it with k2"]),
        (K2, ["bob's own hop-2 key"]),
        ("".join("0" if b == "1" else "1" for b in BOB_GETS), ["upside down"]),
        ("".join("1" if a == b == "1" else "0" for a, b in zip(ANNOUNCED, K2)), ["and of the announcement"]),
        ("".join("1" if "1" in (a, b) else "0" for a, b in zip(ANNOUNCED, K2)), ["or of the announcement"]),
        (11001, ["leading zeros", "in quotes"]),
        ("1011", ["4 bits", "6"]),
        ("101100", ["1 of the 6 bits is wrong", "position 6"]),
        ("Z X", ["bases"]),
    ],
    ids=repr,
)
def test_relay_xor_key_names_the_mistake(answer, words):
    assert_explains(check_relay_xor_key(answer), words)


# -- 2. The rate of a chain --------------------------------------------------------------------
@pytest.mark.parametrize("answer", [CHAIN_RATE, 15.7, 16, 15.0, np.float64(15.7), np.array(15.7), 15.7 + 0j])
def test_chain_rate_accepts_the_slowest_hop(answer):
    feedback = check_chain_rate(answer)
    assert feedback.correct, str(feedback)
    assert "slowest hop, hop 1 (120 km)" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (sum(HOP_RATES), ["adds the hops' rates", "cross all the hops"]),
        (sum(HOP_RATES) / 3, ["average"]),
        (HOP_RATES[1], ["fastest hops", "hop 1"]),
        (1 / sum(1 / r for r in HOP_RATES), ["took turns", "at the same time"]),
        (CHAIN_RATE / 1000, ["kbit/s"]),
        (0, ["direct link", "280 km"]),
        (-5, ["cannot be a rate"]),
        (50, ["more than hop 1 can supply"]),
        (5, ["less than the chain delivers"]),
    ],
    ids=repr,
)
def test_chain_rate_names_the_mistake(answer, words):
    feedback = check_chain_rate(answer)
    assert_explains(feedback, words)
    assert "run out of pad" in feedback.hint or "runs out of pad" in feedback.hint


# -- 3. Who holds the key ----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [HOLDERS, 7.0, np.int64(7), np.float32(7.0)])
def test_chain_key_holders_accepts_n_plus_2(answer):
    feedback = check_chain_key_holders(answer)
    assert feedback.correct, str(feedback)
    assert "alice, bob and all 5 nodes" in feedback.message.lower()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (5, ["counts the nodes", "alice and bob hold the key too"]),
        (6, ["number of hops"]),
        (2, ["direct link", "in the clear"]),
        (8, ["attacker on a fibre", "errors"]),
        (3, ["provider", "5 places"]),
        (1, ["at least alice and bob"]),
        (0, ["at least alice and bob"]),
        (-2, ["cannot be a count"]),
        (6.5, ["not a whole number"]),
        (12, ["not the number of places"]),
    ],
    ids=repr,
)
def test_chain_key_holders_names_the_mistake(answer, words):
    assert_explains(check_chain_key_holders(answer), words)


# -- 4. The fewest nodes -----------------------------------------------------------------------
@pytest.mark.parametrize("answer", [FEWEST, 6.0, np.int64(6)])
def test_chain_fewest_nodes_accepts_six(answer):
    feedback = check_chain_fewest_nodes(answer)
    assert feedback.correct, str(feedback)
    assert "7 hops of 142.9 km" in feedback.message and "166.7 km" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (7, ["number of hops", "7 hops need 6 nodes"]),
        (5, ["too few", "166.7 km", "round down", "round up"]),
        (4, ["too few", "200.0 km"]),
        (0, ["no node", "1000 km"]),
        (1000 / REACH_KM, ["hops as a fraction", "round up"]),
        (1000 / REACH_KM - 1, ["not a whole number", "round up"]),
        (2.5, ["not a whole number"]),
        (8, ["not the fewest", "26.4 bit/s"]),
        (500, ["not the fewest"]),
        (-1, ["cannot be a number of nodes"]),
        (10**7, ["far more than needed"]),
    ],
    ids=repr,
)
def test_chain_fewest_nodes_names_the_mistake(answer, words):
    feedback = check_chain_fewest_nodes(answer)
    assert_explains(feedback, words)
    assert "151.3 km" in feedback.hint and "round up" in feedback.hint


# -- 5. Twice as far ---------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [DOUBLING_DB, 6, 6.02, 5.8, 6.3, 10 * math.log10(4), np.float64(6.0)])
def test_downlink_doubling_db_accepts_six_db(answer):
    feedback = check_downlink_doubling_db(answer)
    assert feedback.correct, str(feedback)
    assert "30.0 dB to 36.0 dB" in feedback.message and "library" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (10 * math.log10(2), ["1/l", "l²"]),
        (30.0, ["as for a fibre", "absorbs nothing"]),
        (12.4, ["spreading loss"]),
        (36.0, ["whole loss at 1000 km"]),
        (100.0, ["fibre", "0.2 db/km"]),
        (4, ["factor as a plain number", "in db"]),
        (0.25, ["factor as a plain number"]),
        (2, ["times longer", "square"]),
        (-DOUBLING_DB, ["wrong sign"]),
        (10, ["not how much the loss grows"]),
    ],
    ids=repr,
)
def test_downlink_doubling_db_names_the_mistake(answer, words):
    feedback = check_downlink_doubling_db(answer)
    assert_explains(feedback, words)
    assert "10 log10" in feedback.hint


# -- 6. One downlink against the fibre ----------------------------------------------------------
@pytest.mark.parametrize("answer", [FACTOR, 4.5e20, 3e20, 8e20, 10**20.65, 10 ** ((240.6 - 34.1) / 10)])
def test_downlink_vs_fibre_accepts_the_factor_within_two(answer):
    feedback = check_downlink_vs_fibre(answer)
    assert feedback.correct, str(feedback)
    assert "206.5 dB" in feedback.message and "10^17" in feedback.message and "panel" in feedback.message


@pytest.mark.parametrize("answer", [2e20, 1e21, 1e20, 1e22])
def test_downlink_vs_fibre_refuses_factors_off_by_more_than_two(answer):
    assert check_downlink_vs_fibre(answer).status == "wrong"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (FIBRE_DB - DOWNLINK_DB, ["difference in db", "10^(206.5/10)"]),
        ((FIBRE_DB - DOWNLINK_DB) / 10, ["power of ten", "10 ** 20.65"]),
        (FIBRE_DB, ["fibre's loss in db alone"]),
        (FIBRE_DB / DOWNLINK_DB, ["divides", "subtract"]),
        (1203 / RANGE_KM, ["compares the distances"]),
        (1 / FACTOR, ["upside down"]),
        (10 ** (FIBRE_DB / 10), ["fibre loses on its own"]),
        (10 ** ((FIBRE_DB - 2 * DOWNLINK_DB) / 10), ["both downlinks", "one downlink"]),
        (10 ** (FIBRE_DB - DOWNLINK_DB), ["without dividing by 10"]),
        (0, ["positive"]),
        (-3, ["positive"]),
        (1e10, ["100.0 db", "206.5 db"]),
    ],
    ids=repr,
)
def test_downlink_vs_fibre_names_the_mistake(answer, words):
    feedback = check_downlink_vs_fibre(answer)
    assert_explains(feedback, words)
    assert "240.6 dB" in feedback.hint and "34.1 dB" in feedback.hint


# -- 7. End to end? ----------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["c", "C", "(c)", " c) ", "option c"])
def test_relay_end_to_end_accepts_the_letter_in_any_usual_form(answer):
    feedback = check_relay_end_to_end(answer)
    assert feedback.correct, str(feedback)
    assert "stage 0" in feedback.message and "stage 1" in feedback.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("a", ["speed, not security"]),
        ("b", ["each hop's qkd prevents", "errors"]),
        ("d", ["no device copies", "measures the photons"]),
        ("e", ["no statement 'e'"]),
        ("b and c", ["several statements"]),
        ("the nodes know it", ["just the letter"]),
        (3, ["not a letter"]),
    ],
    ids=repr,
)
def test_relay_end_to_end_explains_each_wrong_choice(answer, words):
    assert_explains(check_relay_end_to_end(answer), words)


def test_relay_end_to_end_has_exactly_one_right_statement():
    right = [letter for letter in END_TO_END_CHOICES if check_relay_end_to_end(letter).correct]
    assert right == [END_TO_END_RIGHT_CHOICE] == ["c"]
    messages = {check_relay_end_to_end(letter).message for letter in END_TO_END_CHOICES}
    assert len(messages) == len(END_TO_END_CHOICES)


# -- The lesson ----------------------------------------------------------------------------------
def _notebook() -> tuple[str, list[str], list[str]]:
    text = lesson_text(LESSON_NOTEBOOK)
    return text.markdown, list(text.code), list(text.printed)


def test_the_lesson_asks_what_the_checks_judge():
    markdown, sources, outputs = _notebook()
    for letter, statement in END_TO_END_CHOICES.items():
        assert f"**({letter})** {statement}" in markdown, letter
    assert f"$k_1$ = **{K1}**" in markdown and f"$k_2$ = **{K2}**" in markdown
    assert "120 km from Alice to node 1, then 80 km to node 2, then\n80 km to Bob" in markdown
    assert any("for km in (120, 80, 280):" in source for source in sources)
    assert any("midpoint_downlinks(1203)" in source for source in sources)
    printed = "\n".join(outputs)
    assert "one decoy BB84 link over 120 km: 15.7 bit/s" in printed
    assert "each downlink loses 34.1 dB; a fibre of 1203 km would lose 240.6 dB" in printed


# -- Per-student variants: every option, against closed forms written here ------------------------


def _assert_variant(exercise_id, student, truth, mistake, words, lesson_answer, rel=1e-9):
    """Judged with the student's own numbers, and the grader's reference solution is the truth."""
    solution = reference_solution(exercise_id, student)
    check = EXERCISES[exercise_id].check
    assert_judged_with_own_numbers(
        check, student, truth, mistake, words, lesson_answer, solution=solution, rel=rel
    )


def _xor_by_hand(a: str, b: str) -> str:
    return "".join("1" if x != y else "0" for x, y in zip(a, b))


@pytest.mark.parametrize(
    "keys",
    [
        ("101101", "011001"),
        ("110010", "011011"),
        ("100110", "110101"),
        ("111000", "010011"),
        ("111100", "100001"),
        ("110001", "101100"),
    ],
)
def test_relay_xor_key_varies_the_keys(keys):
    k1, k2 = keys
    student = student_for("relays.relay_xor_key", keys=keys)
    announced = _xor_by_hand(k1, k2)
    truth = _xor_by_hand(announced, k2)
    assert truth == k1
    _assert_variant("relays.relay_xor_key", student, truth, announced, ["node announced"], BOB_GETS)
    or_bits = "".join("1" if "1" in (x, y) else "0" for x, y in zip(announced, k2))
    assert_explains(check_relay_xor_key(or_bits, student=student), ["the or of"])


@pytest.mark.parametrize("first_hop_km", [120.0, 100.0, 110.0, 130.0, 140.0])
def test_chain_rate_varies_the_first_hop(first_hop_km):
    student = student_for("relays.chain_rate", first_hop_km=first_hop_km)
    rates = [decoy_rate(km) for km in (first_hop_km, 80.0, 80.0)]
    truth = min(rates)
    assert truth == rates[0]  # the first hop is the longest, so the slowest
    _assert_variant(
        "relays.chain_rate", student, truth, sum(rates), ["adds the hops' rates"], CHAIN_RATE, rel=1e-3
    )


@pytest.mark.parametrize("nodes", [5, 4, 6, 7, 8, 9])
def test_chain_key_holders_varies_the_nodes(nodes):
    student = student_for("relays.chain_key_holders", nodes=nodes)
    _assert_variant("relays.chain_key_holders", student, nodes + 2, 2, ["only alice and bob"], HOLDERS)
    seen = check_chain_key_holders(nodes + 2, student=student).message
    assert (f"Trusted nodes to {nodes}" if nodes <= 5 else f"trusted_node_chain(280, {nodes})") in seen


@pytest.mark.parametrize("length_km", [1000.0, 700.0, 800.0, 1100.0, 1450.0])
def test_chain_fewest_nodes_varies_the_line(length_km):
    student = student_for("relays.chain_fewest_nodes", length_km=length_km)
    hops = math.ceil(length_km / REACH_KM)
    assert length_km / hops < REACH_KM - 5 < REACH_KM + 5 < length_km / (hops - 1)  # no hop near the wall
    _assert_variant(
        "relays.chain_fewest_nodes", student, hops - 1, length_km / REACH_KM, ["hops as a fraction"], FEWEST
    )


@pytest.mark.parametrize("stations_km", [1203.0, 800.0, 1000.0, 1500.0, 1800.0])
def test_downlink_vs_fibre_varies_the_stations(stations_km):
    student = student_for("relays.downlink_vs_fibre", stations_km=stations_km)
    half_angle = stations_km / (2 * R)
    range_km = math.sqrt(R**2 + ORBIT**2 - 2 * R * ORBIT * math.cos(half_angle))
    downlink_db = 36.0 + 20 * math.log10(range_km / 1000)
    gap_db = 0.2 * stations_km - downlink_db
    truth = 10 ** (gap_db / 10)
    _assert_variant(
        "relays.downlink_vs_fibre", student, truth, gap_db, ["difference in db"], FACTOR, rel=0.02
    )


@pytest.mark.parametrize("exercise_id", ["relays.downlink_doubling_db", "relays.relay_end_to_end"])
def test_the_fixed_exercises_are_the_same_for_everyone(exercise_id):
    assert EXERCISES[exercise_id].params == ()


def test_the_checks_know_how_many_nodes_the_panel_holds():
    from qwidgets.exercises import relays
    from qwidgets.panels.trusted import MAX_NODES

    assert relays._PANEL_MAX_NODES == MAX_NODES
