"""BB84Panel without a browser: closed-form statistics, the table phase by phase, steps, banner, funnel."""

import math

import numpy as np
import pytest

from qwidgets import BB84Panel
from qwidgets.panels.bb84 import STEPS, TABLE_ROWS, photon_table
from qwidgets.panels.summary import Highlight
from qwidgets.panels.tables import HtmlTable, TableCell, TablePicture, TableRow, table_html
from qwidgets.physics import check_sample, simulate_bb84
from qwidgets.testing import browser_echo

STEP_VALUES = [value for value, _, _ in STEPS]
ALICE = ["#", "Alice's bit", "Alice's basis", "sent"]
BOB = ["Bob's basis", "Bob's bit"]
SYMBOLS = {("Z", 0): "↔", ("Z", 1): "↕", ("X", 0): "⤢", ("X", 1): "⤡"}


def text(cell: TableCell) -> str:
    return cell.text.replace("\u00a0", " ")


def column(picture: TablePicture, header: str) -> list[str]:
    index = picture.headers.index(header) - 1
    return [text(row.cells[index]) for row in picture.rows]


def at(step, **keywords):
    panel = BB84Panel(step=step, **keywords)
    assert panel.error is None, panel.error
    return panel


def click(panel, *names):
    for name in names:
        panel.controls[name].click()
        assert panel.error is None, panel.error
        browser_echo(panel)


def test_default_panel_starts_at_the_first_phase():
    panel = BB84Panel()
    assert panel.params == {
        "step": "send",
        "n_photons": 1000,
        "eve_fraction": 0.0,
        "noise": 0.0,
        "n_checked": 100,
        "seed": 0,
    }
    assert panel.result.check is None and panel.result.run.n_photons == 1000
    lines = panel._describe(panel.result)
    assert isinstance(lines[0], Highlight)
    assert lines[0].startswith(
        "1 send: Alice sends 1,000 photons, each carrying a random bit in a random basis"
    )
    assert lines[-1] == "Who knows what: only Alice knows the bits and the bases."
    assert bytes(panel.image.value).startswith(b"\x89PNG")


def test_without_eve_or_noise_half_the_photons_are_kept_and_none_is_wrong():
    n = 40_000
    panel = at("key", n_photons=n, seed=11)
    run, check = panel.result.run, panel.result.check
    assert abs(run.sifted_key_length - n / 2) < 5 * math.sqrt(n / 4)  # binomial(n, 1/2)
    assert run.qber == 0.0 and check.errors == 0
    assert "estimated QBER 0.0 %" in panel.summary_text and "so they can make a key" in panel.summary_text
    assert (
        f"keep the {run.sifted_key_length:,} of {n:,} photons"
        in panel._describe(at("sift", n_photons=n, seed=11).result)[0]
    )


def test_a_full_intercept_resend_attack_gives_a_qber_of_one_quarter():
    panel = at("key", n_photons=200_000, eve_fraction=1.0, seed=3)
    run = panel.result.run
    assert abs(run.qber - 0.25) < 5 * math.sqrt(0.25 * 0.75 / run.sifted_key_length)
    assert np.all(run.eve_bases >= 0)  # she measured every photon
    check = panel.result.check
    assert abs(check.estimated_qber - 0.25) < 5 * math.sqrt(0.25 * 0.75 / check.n_checked)
    assert "so they abort" in panel.summary_text and "no key from this run" in panel.summary_text


def test_a_partial_attack_on_a_noisy_channel_adds_up():
    """Eve on a share f: the photon she resends is wrong 1/4 of the time, then the channel flips it with
    probability p; an untouched photon only with p. So QBER = (1 - f) p + f (1/4 (1 - p) + 3/4 p)."""
    f, p = 0.5, 0.05
    run = at("sift", n_photons=200_000, eve_fraction=f, noise=p, seed=4).result.run
    expected = (1 - f) * p + f * (0.25 * (1 - p) + 0.75 * p)
    assert abs(run.qber - expected) < 5 * math.sqrt(expected * (1 - expected) / run.sifted_key_length)
    assert abs(np.mean(run.eve_bases >= 0) - f) < 5 * math.sqrt(f * (1 - f) / run.n_photons)


@pytest.mark.parametrize(
    ("step", "eve", "headers"),
    [
        ("send", 0.0, ALICE),
        ("measure", 0.0, [*ALICE, *BOB]),
        ("measure", 0.3, [*ALICE, "Eve measured", *BOB]),
        ("sift", 0.0, [*ALICE, *BOB, "same basis?"]),
        ("check", 0.3, [*ALICE, "Eve measured", *BOB, "same basis?", "checked"]),
        ("key", 0.0, [*ALICE, *BOB, "same basis?", "checked", "key"]),
        ("key", 1.0, [*ALICE, "Eve measured", *BOB, "same basis?", "checked", "key"]),
    ],
)
def test_the_table_reveals_exactly_the_columns_of_each_phase(step, eve, headers):
    picture = photon_table(at(step, eve_fraction=eve).result)
    assert list(picture.headers) == headers
    assert len(picture.rows) == TABLE_ROWS and all(len(r.cells) == len(headers) - 1 for r in picture.rows)


def test_the_table_shows_what_alice_sent_and_what_bob_and_eve_measured():
    panel = at("measure", eve_fraction=0.5, seed=2)
    run, picture = panel.result.run, photon_table(panel.result)
    names = run.basis_names
    assert [row.header for row in picture.rows] == [str(i + 1) for i in range(TABLE_ROWS)]
    for i, row in enumerate(picture.rows):
        alice = (names[run.alice_bases[i]], int(run.alice_bits[i]))
        assert column(picture, "Alice's basis")[i] == alice[0]
        assert column(picture, "Alice's bit")[i] == str(alice[1])
        assert column(picture, "sent")[i] == SYMBOLS[alice]
        assert column(picture, "Bob's basis")[i] == names[run.bob_bases[i]]
        assert column(picture, "Bob's bit")[i] == str(run.bob_results[i])
        eve = column(picture, "Eve measured")[i]
        if run.eve_bases[i] < 0:
            assert eve == "—"
        else:
            assert eve == f"{names[run.eve_bases[i]]} → {run.eve_results[i]}"
        assert not row.dimmed  # nothing is dropped before the bases are compared
    assert {"—"} < set(column(picture, "Eve measured"))


def test_the_dropped_rows_are_exactly_those_with_different_bases():
    panel = at("sift", seed=5)
    run, picture = panel.result.run, photon_table(panel.result)
    different = [bool(run.alice_bases[i] != run.bob_bases[i]) for i in range(TABLE_ROWS)]
    assert [row.dimmed for row in picture.rows] == different
    assert column(picture, "same basis?") == ["drop" if d else "keep" for d in different]
    assert 0 < sum(different) < TABLE_ROWS


def test_the_checked_rows_are_the_check_samples_positions_among_the_first_photons():
    panel = at("check", eve_fraction=1.0, n_checked=300, seed=8)
    run, check = panel.result.run, panel.result.check
    picture = photon_table(panel.result)
    checked = {int(p) for p in check.positions if p < TABLE_ROWS}
    assert checked  # the sample reaches into the table at this seed
    for i, cell in enumerate(column(picture, "checked")):
        if i not in checked:
            assert cell == "—"
        elif run.bob_results[i] == run.alice_bits[i]:
            assert cell == "agree ✓"
        else:
            assert cell == "differ ✗"
    assert "differ ✗" in column(picture, "checked")
    alert = [row.cells[-1].tone for row in picture.rows if text(row.cells[-1]) == "differ ✗"]
    assert set(alert) == {"alert"}


def test_the_key_column_holds_the_kept_unchecked_bits_and_marks_the_errors():
    panel = at("key", eve_fraction=1.0, n_checked=20, seed=1)
    run, check = panel.result.run, panel.result.check
    key = column(photon_table(panel.result), "key")
    wrong = 0
    for i, cell in enumerate(key):
        if not run.sifted[i] or i in check.positions:
            assert cell == "—"
        elif run.bob_results[i] != run.alice_bits[i]:
            assert cell == "✗ error"
            wrong += 1
        else:
            assert cell == str(run.alice_bits[i])
    assert wrong > 0


def test_the_check_sample_is_drawn_from_phase_four_on_from_its_own_stream():
    for step in ("send", "measure", "sift"):
        assert at(step).result.check is None
    reading = at("check", seed=9).result
    run = simulate_bb84(1000, rng=9)
    assert reading.run == run
    assert reading.check == check_sample(run, 100, rng=np.random.default_rng((9, 1)))
    assert at("key", seed=9).result.check == reading.check


def test_next_and_back_walk_the_phases_and_change_the_pictures():
    panel = BB84Panel()
    tables, funnels = [panel._pictures[0]], [bytes(panel.images[0].value)]
    for step in STEP_VALUES[1:]:
        click(panel, "next")
        assert panel.params["step"] == step and panel.controls["step"].value == step
        assert panel._pictures[0] != tables[-1]
        tables.append(panel._pictures[0])
        funnels.append(bytes(panel.images[0].value))
    assert len(set(funnels)) == 4  # measuring adds nothing to the funnel
    summary = panel.summary_text
    click(panel, "next")  # nothing after the last phase
    assert panel.params["step"] == "key" and panel.summary_text == summary
    for step in reversed(STEP_VALUES[:-1]):
        click(panel, "back")
        assert panel.params["step"] == step
    click(panel, "back")
    assert panel.params["step"] == "send" and panel._pictures[0] == tables[0]


def test_one_refresh_per_click():
    panel = BB84Panel()
    calls = []
    original = panel._compute
    panel._compute = lambda **params: calls.append(1) or original(**params)
    panel.controls["next"].click()
    assert len(calls) == 1


def test_checking_more_bits_than_were_kept_compares_them_all():
    panel = at("check", seed=6)
    kept = panel.result.run.sifted_key_length
    panel.controls["n_checked"].value = 900
    assert panel.error is None
    check = panel.result.check
    assert check.n_checked == kept and check.key_length == 0
    assert f"only {kept:,} bits were kept, so all are compared" in panel.summary_text
    panel.controls["n_checked"].value = 10
    assert panel.result.check.n_checked == 10 and "only" not in panel.summary_text


def test_the_funnels_bars_are_the_runs_counts():
    panel = at("key", eve_fraction=0.4, noise=0.02, n_photons=5000, seed=12)
    run, check = panel.result.run, panel.result.check
    funnel = panel._displays[1]
    lengths = [r.get_width() + w.get_width() for r, w in zip(funnel.right_bars, funnel.wrong_bars)]
    assert lengths == [5000, run.sifted_key_length, check.n_checked, run.sifted_key_length - check.n_checked]
    errors = int(np.count_nonzero(run.bob_results[run.sifted] != run.alice_bits[run.sifted]))
    assert [w.get_width() for w in funnel.wrong_bars] == [0, errors, check.errors, errors - check.errors]
    assert funnel.status.get_text().startswith(f"Estimated QBER {100 * check.estimated_qber:.1f} %")


@pytest.mark.parametrize(
    ("step", "shown"),
    [
        ("send", ["solid", "faint", "hidden", "hidden"]),
        ("measure", ["solid", "faint", "hidden", "hidden"]),
        ("sift", ["solid", "solid", "hidden", "hidden"]),
        ("check", ["solid", "solid", "solid", "faint"]),
        ("key", ["solid", "solid", "solid", "solid"]),
    ],
)
def test_the_funnel_shows_only_the_stages_reached(step, shown):
    funnel = at(step)._displays[1]
    looks = [
        "hidden" if not bar.get_visible() else "faint" if bar.get_alpha() < 1 else "solid"
        for bar in funnel.right_bars
    ]
    assert looks == shown


def test_the_same_seed_gives_the_same_table_and_a_new_run_another():
    a, b = at("key", seed=7), at("key", seed=7)
    assert a._displays[0].widget.value == b._displays[0].widget.value
    click(a, "new_run")
    assert a.params["seed"] == 8 and a._displays[0].widget.value != b._displays[0].widget.value


def test_each_phase_says_what_happens_and_who_knows_what():
    expected = {
        "send": ("1 send: Alice sends", "only Alice knows the bits and the bases."),
        "measure": ("2 measure: Bob measures each", "Eve her results for the"),
        "sift": ("3 compare bases: Alice and Bob announce their bases (not their bits)", "Eve knows the"),
        "check": ("4 check a sample: Alice and Bob compare 100 random bits", "are public now"),
        "key": ("5 keep the key:", "privacy amplification must make what Eve may know of it useless"),
    }
    for step, (first, knows) in expected.items():
        panel = at(step, eve_fraction=0.1, seed=2)
        lines = panel._describe(panel.result)
        assert isinstance(lines[0], Highlight) and lines[0].startswith(first)
        assert lines[-1].startswith("Who knows what: ") and knows in lines[-1]
        assert len(lines) == (3 if step in ("check", "key") else 2)
        assert "<" not in panel.summary_text


def test_the_checks_outcome_names_the_estimate_and_the_threshold():
    panel = at("check", seed=3)
    check = panel.result.check
    assert panel.summary_text.splitlines()[1] == (
        f"100 bits compared: {check.errors} differ, estimated QBER 0.0 % "
        "(expected for these settings: 0.0 %); below the 11.0 % threshold, so they can make a key."
    )
    attacked = at("check", eve_fraction=1.0, seed=3)
    assert "at or above the 11.0 % threshold, so they abort." in attacked.summary_text
    assert attacked._displays[1].status.get_text().endswith(": abort")


def test_the_table_html_is_accessible_and_marks_meaning_in_words():
    panel = at("key", eve_fraction=1.0, seed=1)
    html = panel._displays[0].widget.value
    assert "<table" in html and "<caption" in html and "The first 20 of 1,000 photons" in html
    assert html.count("<th scope='col'") == 10 and html.count("<th scope='row'") == TABLE_ROWS
    assert "✗" in html and "✓" in html and "they abort" in html
    assert html.count("class='qwidgets-dimmed'") == sum(
        1 for row in photon_table(panel.result).rows if row.dimmed
    )


def test_a_table_picture_renders_escaped_with_tones_and_dimmed_rows():
    view = HtmlTable()
    picture = TablePicture(
        "A <b> test",
        ("#", "value"),
        (TableRow("1", (TableCell("ok ✓", "strong", title="fine"),)), TableRow("2", (TableCell("x"),), True)),
    )
    view.update(picture)
    assert view.widget.value == table_html(picture)
    assert "A &lt;b&gt; test" in view.widget.value and "title='fine'" in view.widget.value
    assert view.widget.value.count("qwidgets-dimmed") == 1
    with pytest.raises(ValueError, match="tone must be one of"):
        TableCell("x", "red")
    with pytest.raises(ValueError, match="has 2 cells for 2 headers"):
        TablePicture("c", ("#", "v"), (TableRow("1", (TableCell("a"), TableCell("b"))),))


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"step": "decode"}, "step must be one of 'send', 'measure', 'sift', 'check', 'key'; got 'decode'"),
        ({"n_photons": 23}, "n_photons must be an integer from 24 to 1,000,000; got 23"),
        ({"eve_fraction": 1.5}, "eve_fraction must be a number from 0 to 1; got 1.5"),
        ({"noise": 0.3}, "noise must be a number from 0 to 0.25; got 0.3"),
        ({"n_checked": 0}, "n_checked must be an integer from 1 to 1,000,000; got 0"),
    ],
)
def test_bad_constructor_values_raise_a_named_error(keywords, message):
    with pytest.raises(ValueError) as info:
        BB84Panel(**keywords)
    assert str(info.value) == message
