"""The six stages of a quantum internet, as data: what each adds, what it needs, what it runs.

Everything here follows Wehner, Elkouss & Hanson, "Quantum internet: A vision for the road ahead",
Science 362, eaam9288 (2018) ("the paper"): the stage definitions and parameters of its Table 1,
the applications of its Table 1, Fig. 1 and text, and its section "Implementation status". The
paper's first stage, the trusted repeater network, is not yet a quantum network (no qubit travels
end to end), so the course numbers it 0 and the true quantum stages 1 to 5.

A stage is reached only when its functionality, and that of every stage below it, is available to
*all* end nodes of the network (the paper, "Stages of functionality and applications"). The
applications of a stage are those whose *lowest* known stage it is; a network at stage ``n`` runs
everything of stages ``0..n`` (:func:`applications_up_to`). The paper stresses that better protocols
may move an application to a lower stage.

Milestones ("where the world stands") carry the year of their publication and their source; the
ones after 2018 are from the literature since the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from qwidgets import validation
from qwidgets.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "APPLICATIONS",
    "STAGES",
    "Application",
    "Milestone",
    "Stage",
    "application",
    "applications_up_to",
    "required_stage",
    "stage",
]

PAPER = "Wehner, Elkouss & Hanson, Science 362, eaam9288 (2018)"


@dataclass(frozen=True)
class Milestone:
    """A real network or experiment that shows a stage's functionality.

    Attributes
    ----------
    what : str
        What was shown, in a few words.
    year : int
        Year of publication.
    source : str
        The publication.
    """

    what: str
    year: int
    source: str


@dataclass(frozen=True)
class Application:
    """An application and the lowest stage of the roadmap known to run it.

    Attributes
    ----------
    name : str
        Lower-case name, as :func:`required_stage` accepts it.
    stage : int
        The lowest stage (0-5) that runs it, per the paper.
    description : str
        One sentence for a learner.
    source : str
        The protocol's reference (as cited by the paper) and where the paper places it.
    """

    name: str
    stage: int
    description: str
    source: str


@dataclass(frozen=True)
class Stage:
    """One stage of the roadmap (the paper's Table 1 and text).

    Attributes
    ----------
    number : int
        0 (trusted repeater) to 5 (quantum computing).
    name : str
        The paper's name, lower case ("entanglement distribution").
    functionality : str
        What the stage adds to the one below.
    hardware : str
        What the end nodes (and links) need for it.
    parameters : tuple of str
        The paper's parameters for protocol design, with the sufficient values it gives.
    applications : tuple of Application
        Applications whose lowest stage this is.
    milestones : tuple of Milestone
        Where the world stands: networks and experiments that show its functionality.
    status : str
        One line on where the world stands.
    source : str
        Where in the paper the entry comes from.
    """

    number: int
    name: str
    functionality: str
    hardware: str
    parameters: tuple[str, ...]
    applications: tuple[Application, ...]
    milestones: tuple[Milestone, ...]
    status: str
    source: str

    @property
    def title(self) -> str:
        """``"Stage 2: entanglement distribution"``."""
        return f"Stage {self.number}: {self.name}"


def _apps(stage_number: int, *rows: tuple[str, str, str]) -> tuple[Application, ...]:
    return tuple(Application(name, stage_number, text, source) for name, text, source in rows)


_TRUSTED_APPS = _apps(
    0,
    (
        "quantum key distribution via trusted nodes",
        "Keys between distant users, hop by hop through relays that see every key (no end-to-end security).",
        f"{PAPER}, 'Trusted repeater networks'; Salvail et al., J. Comput. Secur. 18, 61 (2010)",
    ),
)
_PREPARE_MEASURE_APPS = _apps(
    1,
    (
        "quantum key distribution",
        "A secret key between two end nodes with nobody in between to trust (BB84).",
        f"Bennett & Brassard (1984); {PAPER}, Table 1",
    ),
    (
        "secure identification",
        "Prove who you are to a server or cash machine without revealing your password.",
        f"Damgard, Fehr, Salvail & Schaffner, Theor. Comput. Sci. 560, 12 (2014); {PAPER}, Table 1",
    ),
    (
        "two-party cryptography",
        "Tasks between two parties who distrust each other, secure while the adversary's quantum storage is "
        "bounded "
        "or noisy.",
        f"Wehner, Schaffner & Terhal, PRL 100, 220502 (2008); {PAPER}, Table 1",
    ),
    (
        "position verification",
        "Check that someone is where they claim to be.",
        f"Ribeiro & Grosshans, arXiv:1504.07171 (2015); {PAPER}, Table 1",
    ),
    (
        "imperfect coin flipping",
        "Two distrustful parties toss a coin at a distance; neither can bias it fully.",
        f"Aharonov, Ta-Shma, Vazirani & Yao, STOC (2000); {PAPER}, Table 1",
    ),
    (
        "imperfect bit commitment",
        "Commit to a bit now, reveal it later, with limited cheating: a building block of two-party "
        "protocols.",
        f"Chailloux & Kerenidis, FOCS (2011); {PAPER}, 'Prepare and measure networks'",
    ),
)
_ENTANGLEMENT_APPS = _apps(
    2,
    (
        "device-independent quantum key distribution",
        "A key whose security needs no trust in the devices, only a Bell violation between the end nodes.",
        f"Acin et al., PRL 98, 230501 (2007); {PAPER}, Table 1",
    ),
    (
        "entanglement-assisted bridge bidding",
        "Entanglement coordinates two players beyond any classical strategy (the paper's online-bridge "
        "example).",
        f"Muhammad et al., Phys. Rev. X 4, 021047 (2014); {PAPER}, 'Entanglement distribution networks'",
    ),
)
_MEMORY_APPS = _apps(
    3,
    (
        "blind quantum computing",
        "A client who only prepares single qubits runs a program on a remote quantum computer that learns "
        "nothing "
        "about it.",
        f"Broadbent, Fitzsimons & Kashefi, FOCS (2009); {PAPER}, Table 1 and Fig. 1",
    ),
    (
        "improved coin flipping",
        "Coin flipping with a smaller bias than prepare-and-measure allows.",
        f"{PAPER}, Table 1",
    ),
    (
        "anonymous quantum transmission",
        "Send a qubit to someone in the network without revealing who sent it.",
        f"Christandl & Wehner, ASIACRYPT (2005); {PAPER}, Table 1",
    ),
    (
        "longer-baseline telescopes",
        "Combine light from distant telescopes through shared entanglement: a longer baseline, a sharper "
        "image.",
        f"Gottesman, Jennewein & Croke, PRL 109, 070503 (2012); {PAPER}, Table 1",
    ),
    (
        "secret sharing",
        "Split a classical or quantum secret so that only enough parties together can read it.",
        "Hillery, Buzek & Berthiaume, PRA 59, 1829 (1999); Cleve, Gottesman & Lo, PRL 83, 648 (1999); "
        f"{PAPER}, "
        "Table 1",
    ),
    (
        "simple leader election and agreement",
        "Basic forms of electing a leader or agreeing on a value among distributed processors.",
        f"Ambainis, Buhrman, Dodis & Roehrig, IEEE Complexity (2004); {PAPER}, Table 1",
    ),
    (
        "time-limited clock synchronisation",
        "Synchronise clocks better than classically, within the time the memories last.",
        f"Komar et al., Nat. Phys. 10, 582 (2014); {PAPER}, Table 1",
    ),
)
_FAULT_TOLERANT_APPS = _apps(
    4,
    (
        "clock synchronisation",
        "A network of clocks entangled with each other, at the accuracy fault-tolerant gates allow.",
        f"Komar et al., Nat. Phys. 10, 582 (2014); {PAPER}, Table 1",
    ),
    (
        "distributed quantum computation",
        "Gates between qubits in different nodes, so that small processors act as one.",
        f"{PAPER}, Table 1; Nickerson, Fitzsimons & Benjamin, PRX 4, 041041 (2014)",
    ),
)
_COMPUTING_APPS = _apps(
    5,
    (
        "leader election",
        "Elect a leader in an anonymous network of any shape, which no exact classical algorithm can do.",
        f"Tani, Kobayashi & Matsumoto, STACS (2005); {PAPER}, Table 1",
    ),
    (
        "fast byzantine agreement",
        "Processors agree on a bit in a constant number of rounds although some collude to stop them.",
        f"Ben-Or & Hassidim, STOC (2005); {PAPER}, Table 1",
    ),
    (
        "weak coin flipping with arbitrarily small bias",
        "A remote coin toss whose bias can be made as small as wanted.",
        f"Mochon, arXiv:0711.4114 (2007); {PAPER}, Table 1",
    ),
    (
        "secure multiparty quantum computation",
        "Several parties compute on their quantum inputs together, learning nothing but the output.",
        f"Crepeau, Gottesman & Smith, STOC (2002); {PAPER}, 'Quantum computing networks'",
    ),
    (
        "quantum fingerprinting",
        "Decide whether two files are equal with exponentially less communication than classically.",
        f"Buhrman, Cleve, Watrous & de Wolf, PRL 87, 167902 (2001); {PAPER}, 'Quantum computing networks'",
    ),
)

STAGES: tuple[Stage, ...] = (
    Stage(
        0,
        "trusted repeater",
        "Keys between distant end nodes: neighbouring nodes run QKD and the relays pass the key on. No "
        "qubit travels "
        "end to end, so every relay must be trusted.",
        "QKD equipment (light sources, optical links, detectors) on every hop; trusted, guarded relay "
        "stations.",
        ("no end-to-end quantum parameters: each hop is a QKD link of its own",),
        _TRUSTED_APPS,
        (
            Milestone(
                "SECOQC trusted-node QKD network, Vienna", 2009, "Peev et al., New J. Phys. 11, 075001 (2009)"
            ),
            Milestone("Tokyo QKD network field test", 2011, "Sasaki et al., Opt. Express 19, 10387 (2011)"),
            Milestone(
                "Micius satellite as a trusted relay between China and Austria, 7,600 km",
                2018,
                "Liao et al., PRL 120, 030501 (2018)",
            ),
            Milestone(
                "Beijing-Shanghai backbone, over 2,000 km of fibre through 32 trusted nodes",
                2021,
                "Chen et al., Nature 589, 214 (2021)",
            ),
        ),
        "Deployed: metropolitan and long-distance networks, commercial QKD equipment.",
        f"{PAPER}, 'Trusted repeater networks' and 'Implementation status'",
    ),
    Stage(
        1,
        "prepare and measure",
        "End-to-end quantum communication: any end node prepares a one-qubit state and sends it to any "
        "other, which "
        "measures it or learns that it was lost. No node in between needs to be trusted.",
        "End nodes that prepare and measure single qubits (photons); links and repeaters that carry them "
        "end to end.",
        (
            "e_T: error of the transmission; e_M: error of the measurement",
            "p: probability that the qubit is not lost (losses may be post-selected away)",
            "e_T + e_M <= 0.11 is sufficient for BB84",
        ),
        _PREPARE_MEASURE_APPS,
        (
            Milestone(
                "Micius satellite-to-ground QKD over up to 1,200 km",
                2017,
                "Liao et al., Nature 549, 43 (2017)",
            ),
            Milestone(
                "Micius sends entangled photons to two stations 1,203 km apart (post-selected)",
                2017,
                "Yin et al., Science 356, 1140 (2017)",
            ),
            Milestone("BB84 over 421 km of fibre", 2018, "Boaron et al., PRL 121, 190502 (2018)"),
        ),
        "Point-to-point links and satellite passes; long distances between every pair need quantum "
        "repeaters.",
        f"{PAPER}, Table 1 and 'Prepare and measure networks'",
    ),
    Stage(
        2,
        "entanglement distribution",
        "End-to-end entanglement on demand or heralded (no post-selection on detections), measured at once: "
        "any two "
        "end nodes share a Bell pair and can measure it in any basis.",
        "End nodes that receive heralded entanglement and measure any single qubit deterministically; no "
        "memory.",
        (
            "e_P: error of the prepared pair; e_M: error of the measurements",
            "e_P + e_M <= 0.057 is sufficient for device-independent QKD",
        ),
        _ENTANGLEMENT_APPS,
        (
            Milestone(
                "Heralded entanglement of electron spins 1.3 km apart, a loophole-free Bell test",
                2015,
                "Hensen et al., Nature 526, 682 (2015)",
            ),
            Milestone(
                "Device-independent QKD between two trapped ions",
                2022,
                "Nadlinger et al., Nature 607, 682 (2022)",
            ),
            Milestone(
                "Device-independent QKD between two atoms 400 m apart",
                2022,
                "Zhang et al., Nature 607, 687 (2022)",
            ),
        ),
        "Laboratory and campus distances between two nodes; no network of them yet.",
        f"{PAPER}, Table 1 and 'Entanglement distribution networks'",
    ),
    Stage(
        3,
        "quantum memory",
        "End nodes store qubits while they compute and communicate, with universal local control: unknown "
        "qubits "
        "can be teleported, pairs distilled, multipartite states built from pairs.",
        "A memory that outlasts one pair's generation plus a message between the farthest end nodes, an "
        "ancilla "
        "qubit, any local gate and measurement.",
        (
            "storage for at least k * C_m * t, t = time for one EPR pair plus a classical message between "
            "the "
            "farthest end nodes",
            "k: rounds of communication; m: circuit depth; q: number of physical qubits",
            "e_j: error of each operation",
        ),
        _MEMORY_APPS,
        (
            Milestone(
                "Entanglement distillation between two network nodes",
                2017,
                "Kalb et al., Science 356, 928 (2017)",
            ),
            Milestone(
                "A memory node beats direct transmission of photons",
                2020,
                "Bhaskar et al., Nature 580, 60 (2020)",
            ),
            Milestone(
                "Delft three-node network: GHZ states and entanglement swapping",
                2021,
                "Pompili et al., Science 372, 259 (2021)",
            ),
            Milestone(
                "Teleportation between non-neighbouring nodes of the Delft network",
                2022,
                "Hermans et al., Nature 605, 663 (2022)",
            ),
        ),
        "Laboratory networks of up to three nodes; memories and fidelities still too short and low for the "
        "applications.",
        f"{PAPER}, Table 1 and 'Quantum memory networks'",
    ),
    Stage(
        4,
        "few-qubit fault-tolerant",
        "Fault-tolerant local operations on a few logical qubits: circuits of any depth and storage "
        "extended at "
        "will, so protocols with any number of rounds. The nodes can still be simulated classically.",
        "End nodes with at least one logical qubit (error-corrected) and a fault-tolerant universal gate "
        "set.",
        ("q: number of logical qubits, q >= 1 and small enough to simulate a node classically",),
        _FAULT_TOLERANT_APPS,
        (
            Milestone(
                "A gate teleported between two error-corrected logical qubits (one device)",
                2018,
                "Chou et al., Nature 561, 368 (2018)",
            ),
            Milestone(
                "A quantum algorithm distributed over two modules linked by photons (physical qubits)",
                2025,
                "Main et al., Nature 638, 383 (2025)",
            ),
        ),
        "Not reached: the ingredients work in laboratories, not yet as fault-tolerant nodes of a network.",
        f"{PAPER}, Table 1 and 'Few-qubit fault-tolerant networks'",
    ),
    Stage(
        5,
        "quantum computing",
        "Quantum computers that exchange qubits at will: more logical qubits than a classical computer can "
        "simulate.",
        "End nodes that are fault-tolerant quantum computers.",
        ("q: number of logical qubits, more than a classical computer can simulate",),
        _COMPUTING_APPS,
        (),
        "Not reached: the long-term goal.",
        f"{PAPER}, Table 1 and 'Quantum computing networks'",
    ),
)

APPLICATIONS: tuple[Application, ...] = tuple(app for s in STAGES for app in s.applications)

_ALIASES = {
    "qkd": "quantum key distribution",
    "bb84": "quantum key distribution",
    "qkd without end-to-end security": "quantum key distribution via trusted nodes",
    "trusted-node qkd": "quantum key distribution via trusted nodes",
    "di-qkd": "device-independent quantum key distribution",
    "diqkd": "device-independent quantum key distribution",
    "device-independent protocols": "device-independent quantum key distribution",
    "blind computing": "blind quantum computing",
    "coin flipping": "imperfect coin flipping",
    "anonymous transmission": "anonymous quantum transmission",
    "extending the baseline of telescopes": "longer-baseline telescopes",
    "telescopes": "longer-baseline telescopes",
    "simple leader election": "simple leader election and agreement",
    "clock synchronization": "clock synchronisation",
    "time-limited clock synchronization": "time-limited clock synchronisation",
    "distributed quantum computing": "distributed quantum computation",
    "byzantine agreement": "fast byzantine agreement",
}
_BY_NAME = {app.name: app for app in APPLICATIONS}


def stage(number: int) -> Stage:
    """The stage numbered ``number`` (0-5)."""
    return STAGES[validation.integer("number", number, low=0, high=len(STAGES) - 1)]


def _find(name: object) -> Application:
    if not isinstance(name, str):
        raise InvalidTypeError("application", name, "an application's name (a str)")
    key = " ".join(name.lower().replace("_", " ").split())
    key = _ALIASES.get(key, key)
    if key not in _BY_NAME:
        raise InvalidValueError("application", name, "one of: " + ", ".join(sorted(_BY_NAME)))
    return _BY_NAME[key]


def application(name: str) -> Application:
    """The application called ``name``: as :func:`required_stage` reads it (aliases too)."""
    return _find(name)


def required_stage(application: str) -> Stage:
    """The lowest stage known to run ``application`` (the paper's Table 1, Fig. 1 and text).

    Parameters
    ----------
    application : str
        A name from :data:`APPLICATIONS` (case and spacing do not matter) or a common alias:
        "QKD", "DI-QKD", "blind computing", "coin flipping", "telescopes", ...

    Raises
    ------
    ValueError
        For an unknown name; the message lists the known ones.
    """
    return STAGES[_find(application).stage]


def applications_up_to(stage_or_number: int | Stage) -> tuple[Application, ...]:
    """Every application a network at this stage runs: those of its stage and all below."""
    number = stage_or_number.number if isinstance(stage_or_number, Stage) else stage(stage_or_number).number
    return tuple(app for app in APPLICATIONS if app.stage <= number)
