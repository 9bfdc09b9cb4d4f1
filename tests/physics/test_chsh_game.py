"""The CHSH game against closed forms: S = 2 sqrt(2) (1 - p), P(win) = 1/2 + S/8 = cos^2(pi/8) for a
perfect pair, 3/4 for the best local strategies and 1/2 for coins; sampled games converge on them;
Alice's measurement leaves Bob's qubit along her outcome; Bob's statistics never depend on her choice."""

import math

import numpy as np
import pytest
import qutip

from qwidgets.physics import (
    CHSH_ANGLES,
    CHSH_STRATEGIES,
    LocalStrategy,
    bell_state,
    chsh_game_statistics,
    depolarized_pair,
    local_strategies,
    measure_alice,
    outcome_probabilities,
    pair_outcomes,
    play_chsh_game,
    werner_state,
)

TSIRELSON = 2 * math.sqrt(2)
COS2_PI_8 = math.cos(math.pi / 8) ** 2


def within(value, expected, error, sigmas=4.0):
    return abs(value - expected) <= sigmas * error


def test_a_perfect_pair_at_the_chsh_angles_reaches_tsirelson_and_wins_cos2_pi_8():
    stats = chsh_game_statistics("quantum")
    assert stats.chsh == pytest.approx(TSIRELSON, abs=1e-12)
    assert stats.win_probability == pytest.approx(COS2_PI_8, abs=1e-12)
    np.testing.assert_allclose(stats.win_probabilities, [[COS2_PI_8] * 2] * 2, atol=1e-12)
    a, a2, b, b2 = CHSH_ANGLES
    expected = [[math.cos(a - b), math.cos(a - b2)], [math.cos(a2 - b), math.cos(a2 - b2)]]
    np.testing.assert_allclose(stats.correlations, expected, atol=1e-12)


@pytest.mark.parametrize("noise", [0.0, 0.1, 0.25, 1 - 1 / math.sqrt(2), 0.5, 1.0])
def test_white_noise_scales_s_by_one_minus_p(noise):
    stats = chsh_game_statistics("quantum", state=depolarized_pair(noise))
    assert stats.chsh == pytest.approx(TSIRELSON * (1 - noise), abs=1e-12)
    assert stats.win_probability == pytest.approx(0.5 + TSIRELSON * (1 - noise) / 8, abs=1e-12)


@pytest.mark.parametrize("noise", [0.0, 0.2, 0.6, 1.0])
def test_the_noisy_pair_is_the_werner_state_of_fidelity_one_minus_three_quarters_p(noise):
    difference = depolarized_pair(noise) - werner_state(1 - 3 * noise / 4)
    assert np.abs(difference.full()).max() == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("pair, sign", [("phi+", 1), ("psi-", -1)])
def test_any_angles_give_the_correlations_of_the_bell_state(pair, sign):
    rng = np.random.default_rng(5)
    for angles in rng.uniform(-math.pi, math.pi, size=(5, 4)):
        a, a2, b, b2 = angles
        stats = chsh_game_statistics("quantum", state=bell_state(pair), angles=tuple(angles))
        e = [[sign * math.cos(x - y) for y in (b, b2)] for x in (a, a2)]
        np.testing.assert_allclose(stats.correlations, e, atol=1e-12)
        s = e[0][0] + e[0][1] + e[1][0] - e[1][1]
        assert stats.chsh == pytest.approx(s, abs=1e-12)
        assert stats.win_probability == pytest.approx(0.5 + s / 8, abs=1e-12)


@pytest.mark.parametrize("name, s, win", [("agree", 2.0, 0.75), ("copy", 2.0, 0.75), ("random", 0.0, 0.5)])
def test_the_named_classical_strategies(name, s, win):
    stats = chsh_game_statistics(name)
    assert stats.strategy == name
    assert stats.chsh == pytest.approx(s, abs=1e-12)
    assert stats.win_probability == pytest.approx(win, abs=1e-12)


def test_no_deterministic_local_strategy_wins_more_than_three_quarters():
    for strategy in local_strategies():
        stats = chsh_game_statistics(strategy)
        assert stats.win_probability == pytest.approx(strategy.win_probability, abs=1e-12)
        assert stats.win_probability <= 0.75 + 1e-12
        assert abs(stats.chsh) <= 2 + 1e-12


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("noise", [0.0, 0.3])
def test_sampled_games_converge_on_the_exact_values(seed, noise):
    n = 40_000
    state = depolarized_pair(noise)
    run = play_chsh_game(n, state=state, rng=seed)
    s = TSIRELSON * (1 - noise)
    assert within(run.chsh, s, run.chsh_error)
    win = 0.5 + s / 8
    assert within(run.win_fraction, win, math.sqrt(win * (1 - win) / n))
    assert run.chsh_error == pytest.approx(math.sqrt(4 * (1 - (s / 4) ** 2) / (n / 4)), rel=0.05)


def test_local_strategies_never_beat_three_quarters_beyond_sampling_error():
    n = 20_000
    bound = 0.75 + 4 * math.sqrt(0.75 * 0.25 / n)
    for k, strategy in enumerate((*local_strategies(), "agree", "copy", "random")):
        run = play_chsh_game(n, strategy=strategy, rng=k)
        assert run.win_fraction <= bound
    assert within(play_chsh_game(n, strategy="random", rng=3).win_fraction, 0.5, math.sqrt(0.25 / n))


def test_a_deterministic_strategy_answers_by_its_table_in_every_round():
    strategy = LocalStrategy((1, 0), (0, 1))
    run = play_chsh_game(500, strategy=strategy, rng=4)
    np.testing.assert_array_equal(run.alice_answers, np.array(strategy.alice)[run.alice_questions])
    np.testing.assert_array_equal(run.bob_answers, np.array(strategy.bob)[run.bob_questions])
    won = (run.alice_answers ^ run.bob_answers) == (run.alice_questions & run.bob_questions)
    assert run.win_fraction == pytest.approx(won.mean())


def test_the_run_records_are_consistent_and_read_only():
    run = play_chsh_game(1234, rng=9)
    assert run.n_rounds == 1234 and run.rounds.sum() == 1234
    for x in (0, 1):
        for y in (0, 1):
            asked = (run.alice_questions == x) & (run.bob_questions == y)
            assert run.rounds[x, y] == asked.sum()
            won = ((run.alice_answers ^ run.bob_answers) == (x & y)) & asked
            assert run.wins[x, y] == won.sum()
    assert run.checkpoints[0] == 1 and run.checkpoints[-1] == 1234
    assert np.all(np.diff(run.checkpoints) > 0)
    assert run.running_chsh[-1] == pytest.approx(run.chsh)
    assert math.isnan(run.running_chsh[0])  # one round cannot ask all four question pairs
    with pytest.raises(ValueError):
        run.alice_answers[0] = 1


def test_the_same_seed_gives_the_same_game_and_the_questions_do_not_depend_on_the_strategy():
    assert play_chsh_game(300, rng=11) == play_chsh_game(300, rng=np.random.default_rng(11))
    quantum, agree = play_chsh_game(300, rng=11), play_chsh_game(300, strategy="agree", rng=11)
    np.testing.assert_array_equal(quantum.alice_questions, agree.alice_questions)
    np.testing.assert_array_equal(quantum.bob_questions, agree.bob_questions)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: play_chsh_game(0), "n_rounds"),
        (lambda: play_chsh_game(10, strategy="telepathy"), "strategy"),
        (lambda: chsh_game_statistics(3), "strategy"),
        (lambda: chsh_game_statistics(angles=(0.0, 1.0)), "angles"),
        (lambda: chsh_game_statistics(angles=(0.0, 1.0, math.nan, 0.0)), "b"),
        (lambda: depolarized_pair(1.5), "noise"),
        (lambda: measure_alice(bell_state(), "up"), "angle"),
        (lambda: pair_outcomes(qutip.basis(2, 0), 0.0, 0.0), "state"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises((ValueError, TypeError), match=name):
        call()


def test_the_strategy_names():
    assert CHSH_STRATEGIES == ("quantum", "agree", "copy", "random")


@pytest.mark.parametrize("angle", [0.0, math.pi / 4, math.pi / 2, -1.0, 2.5])
def test_alice_measuring_phi_plus_leaves_bob_along_her_outcome(angle):
    direction = np.array([math.sin(angle), 0.0, math.cos(angle)])
    outcomes = set()
    for seed in range(12):
        m = measure_alice(bell_state("phi+"), angle, rng=seed)
        outcomes.add(m.outcome)
        assert m.probability == pytest.approx(0.5, abs=1e-12)
        sign = 1 - 2 * m.outcome
        for qubit in (0, 1):
            vector = [
                qutip.expect(op, m.state.ptrace(qubit))
                for op in (qutip.sigmax(), qutip.sigmay(), qutip.sigmaz())
            ]
            np.testing.assert_allclose(vector, sign * direction, atol=1e-12)
        assert m.state.tr() == pytest.approx(1.0)
    assert outcomes == {0, 1}


def test_alice_measuring_a_werner_pair_leaves_bob_a_shorter_vector_and_the_singlet_the_opposite():
    f = 0.8
    m = measure_alice(werner_state(f), 0.0, rng=1)
    bob_z = qutip.expect(qutip.sigmaz(), m.state.ptrace(1))
    assert bob_z == pytest.approx((1 - 2 * m.outcome) * (4 * f - 1) / 3, abs=1e-12)
    m = measure_alice(bell_state("psi-"), 0.0, rng=1)
    assert qutip.expect(qutip.sigmaz(), m.state.ptrace(1)) == pytest.approx(-(1 - 2 * m.outcome), abs=1e-12)


def test_alice_sees_a_certain_outcome_with_certainty():
    product = qutip.tensor(qutip.basis(2, 1), qutip.basis(2, 0))
    for seed in range(5):
        m = measure_alice(product, 0.0, rng=seed)
        assert (m.outcome, m.probability) == (1, pytest.approx(1.0))


def test_measured_outcomes_follow_the_born_rule():
    state = qutip.tensor(qutip.Qobj([[0.6], [0.8]]), qutip.basis(2, 0))  # P(bit 1 along z) = 0.64
    g = np.random.default_rng(0)
    ones = sum(measure_alice(state, 0.0, rng=g).outcome for _ in range(2000))
    assert within(ones / 2000, 0.64, math.sqrt(0.64 * 0.36 / 2000))


@pytest.mark.parametrize("a, b", [(0.0, math.pi / 4), (0.3, -1.2), (2.0, 2.0)])
def test_pair_outcomes_of_phi_plus(a, b):
    out = pair_outcomes(bell_state("phi+"), a, b)
    same, different = math.cos((a - b) / 2) ** 2 / 2, math.sin((a - b) / 2) ** 2 / 2
    np.testing.assert_allclose(out.joint, [[same, different], [different, same]], atol=1e-12)
    assert out.correlation == pytest.approx(math.cos(a - b), abs=1e-12)
    np.testing.assert_allclose(out.independent, [[0.25, 0.25], [0.25, 0.25]], atol=1e-12)
    assert out.bob_alone == pytest.approx(0.5) and out.bob_after_alice == pytest.approx(0.5)
    assert out.bob_given == pytest.approx((2 * same, 2 * different), abs=1e-12)


def test_no_signalling_for_random_states_and_angles():
    rng = np.random.default_rng(8)
    for k in range(10):
        rho = qutip.rand_dm([2, 2], seed=k)
        a, b = rng.uniform(-math.pi, math.pi, 2)
        out = pair_outcomes(rho, a, b)
        np.testing.assert_allclose(out.joint, outcome_probabilities(rho, a, b), atol=1e-12)
        assert out.bob_alone == pytest.approx(out.bob_after_alice, abs=1e-12)
        for a2 in rng.uniform(-math.pi, math.pi, 3):  # Alice's choice of angle changes nothing for Bob
            assert pair_outcomes(rho, a2, b).bob_after_alice == pytest.approx(out.bob_alone, abs=1e-12)
