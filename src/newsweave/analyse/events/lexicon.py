"""Which verbs (and verb + noun phrases) report which PLOVER event category.

PLOVER (Halterman et al., CC BY-SA 4.0) has 16 categories of political interaction. Each verb
lemma below is coded with the category its usual news sense belongs to; a verb whose sense
depends on a particle or preposition ("call for", "pull out") is listed with it. Light verbs
("hold", "launch", "impose") take their category from their object noun ("held talks",
"launched an attack", "imposed sanctions").
"""

from __future__ import annotations

__all__ = [
    "CODES",
    "COMPOUND_CODES",
    "EASING",
    "HAZARDS",
    "LIGHT_DEFAULTS",
    "LIGHT_VERBS",
    "NOUN_CODES",
    "PARTICLE_CODES",
    "PREVENTING",
    "REDUCING",
    "TOPIC_OBJECT_CODES",
    "WEAPONS",
]


def _codes(table: dict[str, str]) -> dict[str, str]:
    """``{"CODE": "lemma lemma ..."}`` -> ``{lemma: CODE}``."""
    return {lemma: code for code, lemmas in table.items() for lemma in lemmas.split()}


#: Verb lemma -> PLOVER category.
CODES: dict[str, str] = _codes(
    {
        "AGREE": "agree sign pledge promise ratify commit accept",
        "CONSULT": "meet discuss negotiate consult visit host telephone",
        "SUPPORT": "support praise endorse welcome back commend thank congratulate applaud "
        "defend recognize recognise upgrade normalize normalise",
        "CONCEDE": "concede apologize apologise admit resign yield compromise release allow permit",
        "COOPERATE": "cooperate collaborate coordinate partner ally extradite",
        "AID": "aid help donate assist rescue evacuate shelter fund",
        "RETREAT": "withdraw retreat demobilize demobilise disarm",
        "REQUEST": "ask urge request appeal demand invite seek propose press pressure lobby "
        "petition plead implore",
        "ACCUSE": "accuse blame criticize criticise condemn denounce allege sue investigate indict "
        "complain rebuke censure",
        "REJECT": "reject refuse deny veto decline oppose dismiss boycott",
        "THREATEN": "threaten warn",
        "PROTEST": "protest demonstrate march rally picket riot",
        "SANCTION": "sanction ban expel embargo blacklist",
        "MOBILIZE": "mobilize mobilise deploy reinforce",
        "COERCE": "arrest detain seize jail imprison deport raid confiscate censor evict "
        "sentence convict abduct kidnap outlaw suppress disperse",
        "ASSAULT": "attack kill bomb shoot shell invade wound injure assault bombard ambush "
        "massacre stab torture abuse assassinate murder execute behead rape retake recapture "
        "overrun storm",
    }
)

#: (verb lemma, particle or preposition) -> category, for senses a particle decides.
PARTICLE_CODES: dict[tuple[str, str], str] = {
    ("call", "for"): "REQUEST",
    ("call", "on"): "REQUEST",
    ("call", "upon"): "REQUEST",
    ("pull", "out"): "RETREAT",
    ("pull", "back"): "RETREAT",
    ("step", "down"): "CONCEDE",
    ("talk", "with"): "CONSULT",
    ("talk", "to"): "CONSULT",
    ("speak", "with"): "CONSULT",
    ("fire", "on"): "ASSAULT",
    ("fire", "at"): "ASSAULT",
    ("crack", "down"): "COERCE",
    ("cut", "off"): "SANCTION",
    ("push", "for"): "REQUEST",
    ("force", "out"): "SANCTION",
}

#: Verbs whose category comes from their object noun.
LIGHT_VERBS = frozenset(
    """hold launch impose carry conduct stage issue make reach strike sign announce mount lodge
    file level offer send provide deliver grant give block continue resume begin start""".split()  # noqa: SIM905
)

#: Object noun lemma -> category, for light verbs.
NOUN_CODES: dict[str, str] = _codes(
    {
        "AGREE": "agreement deal accord ceasefire truce treaty pact consensus understanding",
        "CONSULT": "talk talks meeting negotiation summit consultation visit welcome",
        "SUPPORT": "endorsement",
        "CONCEDE": "apology concession",
        "AID": "aid assistance relief donation asylum loan loans funds funding refuge",
        "REQUEST": "appeal request demand proposal",
        "ACCUSE": "accusation allegation complaint lawsuit charge",
        "THREATEN": "threat warning ultimatum",
        "PROTEST": "protest demonstration rally walkout road roads street streets highway traffic",
        "SANCTION": "sanction sanctions embargo ban tariff tariffs",
        "MOBILIZE": "exercise exercises drill drills",
        "COERCE": "crackdown arrest arrests raid",
        "ASSAULT": "attack attacks strike strikes airstrike airstrikes offensive bombing assault",
    }
)

#: A light verb with no coded object still reports this: "offered to rebuild the bridge",
#: "offered its ports" (an offer is a promise: AGREE).
LIGHT_DEFAULTS: dict[str, str] = {"offer": "AGREE"}

#: (modifier, noun) -> category where the modifier changes the noun's sense.
COMPOUND_CODES: dict[tuple[str, str], str] = {
    ("hunger", "strike"): "PROTEST",
    ("general", "strike"): "PROTEST",
    ("ethnic", "cleansing"): "ASSAULT",
}

#: Verbs that stop what their object names: stopping a protest is coercion.
PREVENTING = frozenset(["prevent", "stop", "block", "disperse", "ban", "forbid"])

#: Categories whose direct object is usually what is agreed or discussed, not who: a plain
#: noun object ("signed the accord") is no target, a named one ("met Macron") is.
TOPIC_OBJECT_CODES = frozenset({"AGREE", "CONSULT", "CONCEDE", "RETREAT", "COOPERATE", "REQUEST"})

#: What kills or injures without being an actor: harm from these is no ASSAULT.
HAZARDS = frozenset(
    """fire blaze explosion blast flood flooding earthquake quake storm hurricane typhoon cyclone
    tornado landslide avalanche crash collision accident collapse disease outbreak heat wave
    tsunami eruption wildfire smoke""".split()  # noqa: SIM905
)

#: Words that make a blast or fire an attack: "a suicide blast", "artillery fire".
WEAPONS = frozenset(
    """suicide bomb bomber car truck artillery rocket rockets mortar mortars drone drones missile
    missiles sniper gun gunfire grenade shell shells airstrike militant militants""".split()  # noqa: SIM905
)

#: Verbs that end or cut what their object names, and the objects that make it a cut in
#: relations: "suspended aid", "cancelled a visit", "severed ties" (SANCTION). Production
#: suspended or a flight cancelled is no political event.
REDUCING = frozenset(
    ["cancel", "suspend", "halt", "freeze", "sever", "downgrade", "prohibit", "cut"]
)
RELATIONS = frozenset(
    """aid assistance talks negotiation negotiations relation relations tie ties visit
    cooperation trade contact contacts loan loans""".split()  # noqa: SIM905
)
#: Verbs that ease what their object names, and the restrictions whose easing is a
#: concession (CONCEDE) or, for a military hold, a retreat (RETREAT): "lifted the curfew",
#: "eased the blockade".
EASING = frozenset(["lift", "ease", "relax", "loosen"])
RESTRICTIONS: dict[str, str] = {
    **dict.fromkeys(
        [
            "sanction",
            "sanctions",
            "ban",
            "embargo",
            "curfew",
            "emergency",
            "restriction",
            "restrictions",
            "measure",
            "measures",
            "closure",
        ],
        "CONCEDE",
    ),
    **dict.fromkeys(["blockade", "siege"], "RETREAT"),
}
