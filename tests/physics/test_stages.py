"""The stage table against Wehner, Elkouss & Hanson, Science 362, eaam9288 (2018): names, order,
thresholds, the lowest stage of every application the paper names, and the milestones."""

import pytest

from qwidgets.physics import (
    APPLICATIONS,
    STAGES,
    Stage,
    application,
    applications_up_to,
    required_stage,
    stage,
)

# The paper's Table 1 (and its text for the trusted-repeater stage), in its order.
PAPER_STAGE_NAMES = (
    "trusted repeater",
    "prepare and measure",
    "entanglement distribution",
    "quantum memory",
    "few-qubit fault-tolerant",
    "quantum computing",
)

# Lowest stage of each application, as the paper places it (Fig. 1, Table 1 and text); the issue's
# list and the "others in its text".
PAPER_APPLICATIONS = {
    "QKD without end-to-end security": 0,
    "quantum key distribution": 1,
    "QKD": 1,
    "secure identification": 1,
    "two-party cryptography": 1,
    "position verification": 1,
    "coin flipping": 1,  # imperfect coin flipping, Table 1, prepare and measure
    "device-independent protocols": 2,
    "DI-QKD": 2,
    "blind quantum computing": 3,
    "simple leader election and agreement": 3,
    "anonymous transmission": 3,
    "extending the baseline of telescopes": 3,
    "secret sharing": 3,
    "improved coin flipping": 3,
    "time-limited clock synchronisation": 3,
    "clock synchronisation": 4,
    "clock synchronization": 4,
    "distributed quantum computation": 4,
    "leader election": 5,
    "fast Byzantine agreement": 5,
    "weak coin flipping with arbitrarily small bias": 5,
}


def test_six_stages_numbered_0_to_5_with_the_papers_names_in_its_order():
    assert [s.number for s in STAGES] == [0, 1, 2, 3, 4, 5]
    assert tuple(s.name for s in STAGES) == PAPER_STAGE_NAMES
    assert all(isinstance(s, Stage) for s in STAGES)
    assert STAGES[2].title == "Stage 2: entanglement distribution"


def test_stages_are_frozen():
    with pytest.raises(AttributeError):
        STAGES[0].name = "quantum internet"


def test_the_papers_sufficient_error_values_are_in_the_parameters():
    assert any("e_T + e_M <= 0.11" in p for p in STAGES[1].parameters)
    assert any("e_P + e_M <= 0.057" in p for p in STAGES[2].parameters)
    assert any("k * C_m * t" in p for p in STAGES[3].parameters)
    assert any("logical" in p for p in STAGES[4].parameters)
    assert any("logical" in p for p in STAGES[5].parameters)


def test_every_stage_says_what_it_adds_what_it_needs_and_cites_the_paper():
    for s in STAGES:
        assert len(s.functionality) > 40 and len(s.hardware) > 20
        assert "Science 362, eaam9288" in s.source
        assert s.applications and s.status


def test_what_each_stage_adds_follows_the_papers_definitions():
    assert "trusted" in STAGES[0].functionality and "No qubit" in STAGES[0].functionality
    assert "lost" in STAGES[1].functionality  # post-selection on loss is allowed
    assert "heralded" in STAGES[2].functionality and "no memory" in STAGES[2].hardware
    assert "teleported" in STAGES[3].functionality
    assert "Fault-tolerant" in STAGES[4].functionality and "simulated classically" in STAGES[4].functionality
    assert "more logical qubits than a classical computer" in STAGES[5].functionality


@pytest.mark.parametrize(("application", "number"), PAPER_APPLICATIONS.items())
def test_required_stage_places_each_application_where_the_paper_does(application, number):
    assert required_stage(application) is STAGES[number]


def test_required_stage_ignores_case_and_spacing():
    assert required_stage("  Blind   QUANTUM computing ") is STAGES[3]
    assert required_stage("device_independent quantum key distribution".replace("_", "-")) is STAGES[2]


def test_an_unknown_application_is_refused_with_the_list_of_known_ones():
    with pytest.raises(ValueError, match="application must be one of: .*blind quantum computing") as error:
        required_stage("faster-than-light messaging")
    assert "faster-than-light messaging" in str(error.value)
    with pytest.raises(TypeError, match="application"):
        required_stage(3)


def test_each_application_sits_in_the_stage_that_lists_it():
    for s in STAGES:
        assert all(app.stage == s.number for app in s.applications)
    assert len({app.name for app in APPLICATIONS}) == len(APPLICATIONS)
    assert all(app.name == app.name.lower() and app.source and app.description for app in APPLICATIONS)


def test_a_network_at_a_stage_runs_everything_below_it_and_nothing_above():
    previous = ()
    for s in STAGES:
        runs = applications_up_to(s)
        assert set(previous) < set(runs)
        assert all(app.stage <= s.number for app in runs)
        assert applications_up_to(s.number) == runs
        previous = runs
    assert applications_up_to(5) == APPLICATIONS


def test_stage_by_number_and_its_range():
    assert stage(4) is STAGES[4]
    for bad in (-1, 6):
        with pytest.raises(ValueError, match="number must be an integer from 0 to 5"):
            stage(bad)
    with pytest.raises(TypeError, match="number"):
        stage(2.0)


def test_where_the_world_stands():
    years = [m.year for s in STAGES for m in s.milestones]
    assert all(2009 <= y <= 2026 for y in years)
    assert all(m.source and m.what for s in STAGES for m in s.milestones)
    # The paper's references 62 and 68: the Vienna trusted-node network and Micius' 1203 km pairs.
    assert any("Peev" in m.source and "Vienna" in m.what for m in STAGES[0].milestones)
    assert any("1,203 km" in m.what and "Yin" in m.source for m in STAGES[1].milestones)
    assert any("1.3 km" in m.what for m in STAGES[2].milestones)  # Hensen et al. 2015, the paper's ref. 78
    assert STAGES[4].status.startswith("Not reached") and STAGES[5].status.startswith("Not reached")
    assert STAGES[5].milestones == ()


def test_application_finds_a_record_by_name_or_alias():
    assert application("DI-QKD") is application("device-independent quantum key distribution")
    assert application("telescopes").stage == 3
    with pytest.raises(ValueError, match="application must be one of"):
        application("teleporting cats")
