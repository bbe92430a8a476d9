"""Which verbs (and verb + noun phrases) report which PLOVER event category.

PLOVER (Halterman et al., CC BY-SA 4.0) has 16 categories of political interaction. Each verb
lemma below is coded with the category its usual news sense belongs to; a verb whose sense
depends on a particle or preposition ("call for", "pull out") is listed with it. Light verbs
("hold", "launch", "impose") take their category from their object noun ("held talks",
"launched an attack", "imposed sanctions").
"""

from __future__ import annotations

__all__ = [
    "ABANDONING",
    "ARRIVING",
    "ATTACKING",
    "BACKWARDS",
    "BANNING",
    "BEATING",
    "BODIES",
    "CAPTIVES",
    "CODES",
    "COMMITMENTS",
    "COMPELLING",
    "COMPLEMENT_CODES",
    "COMPOUND_CODES",
    "CROWDS",
    "DECLARING",
    "DEPARTING",
    "DESTROYING",
    "DOCUMENTS",
    "EASING",
    "ENLISTING",
    "EQUIPMENT",
    "EVACUATING",
    "EXPELLING",
    "FIGHTERS",
    "FIGHTING",
    "FLEEING",
    "FORCES",
    "GIVING",
    "GOODS",
    "GROUPS",
    "HAZARDS",
    "HITTING",
    "HOSTILE",
    "INTENDING",
    "JOINT",
    "LEAVING",
    "LIGHT_DEFAULTS",
    "LIGHT_VERBS",
    "MARKETS",
    "MEASURES",
    "MILITARY_TARGETS",
    "MOVING",
    "NOT_ON_PEOPLE",
    "NOUN_CODES",
    "OBLIGING",
    "OCCURRING",
    "ON_PEOPLE",
    "OWNING",
    "PARTICIPATING",
    "PARTICLE_CODES",
    "PEACEKEEPING",
    "POLITICAL_LIFE",
    "POSITIONS",
    "PREVENTING",
    "PROPERTY",
    "QUANTITIES",
    "QUITTING",
    "RAISING",
    "READINESS",
    "RECEIVING",
    "RECIPROCAL",
    "REDUCING",
    "RESULTING",
    "SAYING",
    "STANCES",
    "STRIKING",
    "TAKING",
    "TAKING_PART",
    "TOPIC_OBJECT_CODES",
    "TRAINING",
    "TRAVELLING",
    "UNDERGOING",
    "UNDERGONE",
    "VERB_NOUN_CODES",
    "VERB_PREP_NOUN_CODES",
    "VISITING",
    "VISITORS",
    "WANTING",
    "WARNING",
    "WAYS",
    "WEAPONS",
    "WORKERS",
]


def _codes(table: dict[str, str]) -> dict[str, str]:
    """``{"CODE": "lemma lemma ..."}`` -> ``{lemma: CODE}``."""
    return {lemma: code for code, lemmas in table.items() for lemma in lemmas.split()}


#: Verb lemma -> PLOVER category.
CODES: dict[str, str] = _codes(
    {
        "AGREE": "agree sign pledge promise ratify commit accept",
        "CONSULT": "meet discuss negotiate consult visit host telephone confer mediate",
        "SUPPORT": "support praise endorse welcome back commend thank congratulate applaud "
        "defend recognize recognise upgrade normalize normalise hail laud extol",
        "CONCEDE": "concede apologize apologise admit resign yield compromise release allow permit "
        "free pardon relent acquiesce accede capitulate abdicate",
        "COOPERATE": "cooperate collaborate coordinate partner ally extradite",
        "AID": "aid help donate assist rescue evacuate shelter fund airlift",
        "RETREAT": "withdraw retreat demobilize demobilise disarm surrender disband decommission "
        "demilitarize demilitarise",
        "REQUEST": "ask urge request demand invite seek propose press pressure lobby "
        "petition plead implore beg exhort solicit",
        "ACCUSE": "accuse blame criticize criticise condemn denounce allege sue investigate indict "
        "complain rebuke censure slam decry deplore lambast lambaste chastise castigate scold "
        "reproach excoriate vilify probe prosecute impeach",
        "REJECT": "reject refuse deny veto decline oppose dismiss spurn snub repudiate defy rebuff",
        "THREATEN": "threaten warn",
        # boycotts are a protest in the codebook (CAMEO 143, PLOVER PROTEST)
        "PROTEST": "protest demonstrate march rally picket riot boycott",
        "SANCTION": "sanction ban expel embargo blacklist fine penalize penalise",
        "MOBILIZE": "mobilize mobilise deploy reinforce amass mass station muster",
        "COERCE": "arrest detain seize jail imprison deport raid confiscate censor evict "
        "sentence outlaw suppress disperse apprehend expropriate intern",
        "ASSAULT": "attack kill bomb shoot shell invade wound injure assault bombard ambush "
        "massacre stab torture abuse assassinate murder execute behead rape retake recapture "
        "overrun storm occupy besiege raze strafe slaughter lynch clash annex abduct kidnap",
    }
) | _codes(
    # Fifth round: the synonyms of each category's codebook definition (PLOVER 2021 and the
    # CAMEO verb classes it merges), one usual news sense each; verbs with a common second
    # sense ("fight poverty", "beat the record", "blasted the plan") are left out.
    {
        "AGREE": "consent guarantee assure settle reconcile",
        "CONSULT": "convene phone parley receive greet bargain intercede",
        "SUPPORT": "salute champion embrace favor favour forgive acclaim justify",
        "CONCEDE": "comply reinstate unfreeze unblock amnesty tolerate repatriate",
        "AID": "finance subsidize subsidise lend bankroll protect",
        "RETREAT": "relinquish vacate cede",
        "REQUEST": "insist encourage entreat beseech instruct",
        "ACCUSE": "brand fault assail berate deride ridicule mock disparage denigrate "
        "reprimand admonish chide upbraid disapprove arraign",
        "REJECT": "resist shun ignore disregard disavow scorn balk disobey renege flout",
        "PROTEST": "agitate revolt mutiny barricade",
        "SANCTION": "ostracize ostracise bar punish",
        "MOBILIZE": "redeploy marshal fortify conscript",
        "COERCE": "hack deface harass intimidate repress oppress persecute demolish bulldoze "
        "exile banish incarcerate confine crush quell purge restrict muzzle loot ransack pillage "
        "plunder",
        "ASSAULT": "hijack retaliate avenge lob pound torch poison flog down detonate capture slay "
        "maim mutilate decapitate blockade",
    }
)
# Session 25: easing a ban on parties or acts (CAMEO 0812) by making them lawful.
CODES |= _codes({"CONCEDE": "legalize legalise decriminalize decriminalise unban"})
# Finding guilty is a disapproval in the codebook (CAMEO 116), not an arrest.
CODES |= _codes(
    {
        "ACCUSE": "convict",
        "AGREE": "assent concur",
        "MOBILIZE": "patrol",
        # seizing property (CAMEO 171)
        "COERCE": "nationalize nationalise",
    }
)
# Session 26: codebook verbs with one usual news sense: fighting back and skirmishing (CAMEO
# 190), overruling (REJECT), menacing (THREATEN), arbitrating (mediation, CONSULT).
CODES |= _codes(
    {
        "ASSAULT": "counterattack repel repulse skirmish",
        "REJECT": "overrule",
        "THREATEN": "menace",
        "CONSULT": "arbitrate",
    }
)

#: (verb lemma, particle or preposition) -> category, for senses a particle decides.
PARTICLE_CODES: dict[tuple[str, str], str] = {
    ("call", "for"): "REQUEST",
    # "appealed for calm", "appealed to the UN"; "will appeal the fine" is a court's matter.
    ("appeal", "for"): "REQUEST",
    ("appeal", "to"): "REQUEST",
    ("call", "on"): "REQUEST",
    ("call", "upon"): "REQUEST",
    ("pull", "out"): "RETREAT",
    ("pull", "back"): "RETREAT",
    ("step", "down"): "CONCEDE",
    ("talk", "with"): "CONSULT",
    ("talk", "to"): "CONSULT",
    ("speak", "with"): "CONSULT",
    # Session 26: sitting down with a party is a meeting (CAMEO 04)
    ("sit", "with"): "CONSULT",
    # "a bomb ripped through the bus" (a fire or a storm that tears through is a hazard)
    ("rip", "through"): "ASSAULT",
    ("tear", "through"): "ASSAULT",
    ("fire", "on"): "ASSAULT",
    ("fire", "at"): "ASSAULT",
    ("crack", "down"): "COERCE",
    ("cut", "off"): "SANCTION",
    ("push", "for"): "REQUEST",
    ("force", "out"): "SANCTION",
    ("charge", "with"): "ACCUSE",
    ("turn", "down"): "REJECT",
    ("round", "up"): "COERCE",
    ("bail", "out"): "AID",
    ("blow", "up"): "ASSAULT",
    ("side", "with"): "SUPPORT",
    ("stand", "by"): "SUPPORT",
    ("give", "in"): "CONCEDE",
    ("back", "down"): "CONCEDE",
    ("hand", "back"): "CONCEDE",
    ("team", "up"): "COOPERATE",
    ("lay", "down"): "RETREAT",
    ("look", "into"): "ACCUSE",
    ("hit", "out"): "ACCUSE",
    ("lash", "out"): "ACCUSE",
    ("rule", "out"): "REJECT",
    ("object", "to"): "REJECT",
    ("apply", "for"): "REQUEST",
    ("brush", "aside"): "REJECT",
    ("rise", "up"): "PROTEST",
    ("call", "up"): "MOBILIZE",
    ("lock", "up"): "COERCE",
    ("gun", "down"): "ASSAULT",
    ("mow", "down"): "ASSAULT",
    ("rally", "behind"): "SUPPORT",
    ("rally", "around"): "SUPPORT",
    ("vote", "against"): "REJECT",
    ("stand", "with"): "SUPPORT",
    ("vote", "for"): "SUPPORT",
    ("vote", "down"): "REJECT",
    ("brush", "off"): "REJECT",
    ("give", "up"): "CONCEDE",
    ("throw", "behind"): "SUPPORT",
    # a protest told to a government is an official complaint (CAMEO 114), not a rally
    ("protest", "to"): "ACCUSE",
    ("bow", "to"): "CONCEDE",
    # adjectives of a stance, read like a verb and its preposition: "was critical of Korvath"
    ("critical", "of"): "ACCUSE",
    ("supportive", "of"): "SUPPORT",
    ("opposed", "to"): "REJECT",
}

#: Verbs whose category comes from their object noun.
LIGHT_VERBS = frozenset(
    """hold launch impose carry conduct stage issue make reach strike sign announce mount lodge
    file level offer send provide deliver grant give block continue resume begin start join
    reiterate repeat renew voice express wage undertake initiate commit declare conclude pay
    extend seal submit present step intensify escalate order authorize authorise approve
    signal indicate
    attend lead organize organise enter tighten initial reaffirm affirm restate forge hammer work
    clinch finalize finalise lend slap complete finish implement accelerate wrap""".split()  # noqa: SIM905
)

#: Object noun lemma -> category, for light verbs.
NOUN_CODES: dict[str, str] = _codes(
    {
        "AGREE": "agreement deal accord ceasefire truce treaty pact consensus understanding",
        "CONSULT": "talk talks meeting negotiation summit consultation visit welcome",
        "SUPPORT": "endorsement support backing",
        "CONCEDE": "apology concession",
        "AID": "aid assistance relief donation asylum loan loans funds funding refuge",
        "REQUEST": "appeal request demand proposal call",
        "ACCUSE": "accusation allegation complaint lawsuit charge criticism condemnation",
        "REJECT": "rejection refusal veto",
        "THREATEN": "threat warning ultimatum",
        "PROTEST": "protest demonstration rally walkout riot march sit-in",
        "SANCTION": "sanction sanctions embargo ban tariff tariffs",
        "MOBILIZE": "exercise exercises drill drills",
        "COERCE": "crackdown arrest arrests raid curfew restriction restrictions",
        "ASSAULT": "attack attacks strike strikes airstrike airstrikes offensive bombing assault "
        "clash fighting battle shelling hostilities fire",
    }
) | _codes(
    # Fifth round: the nouns of the codebook's verbs and of its light-verb phrases ("reached a
    # settlement", "carried out an invasion", "announced its withdrawal").
    {
        "AGREE": "willingness readiness settlement armistice protocol memorandum convention "
        "compromise pledge promise commitment guarantee assurance offer",
        "CONSULT": "conversation dialogue conference discussion discussions trip tour mediation",
        "SUPPORT": "praise tribute recognition solidarity gratitude thanks congratulations "
        "appreciation",
        "CONCEDE": "amnesty pardon release resignation regret access permission clemency",
        "COOPERATE": "cooperation partnership alliance extradition training intelligence",
        "AID": "credit credits shelter bailout subsidy subsidies protection",
        "RETREAT": "withdrawal pullout pull-out retreat disarmament demobilization surrender",
        "REQUEST": "plea petition invitation",
        "ACCUSE": "investigation probe inquiry enquiry indictment suit denunciation rebuke "
        "reprimand censure",
        "REJECT": "denial",
        "PROTEST": "vigil picket uprising revolt mutiny gathering gatherings",
        "SANCTION": "expulsion blacklist fine fines penalty penalties",
        "MOBILIZE": "alert mobilization mobilisation deployment buildup build-up maneuver "
        "maneuvers manoeuvre manoeuvres patrol patrols",
        "COERCE": "cyberattack emergency detention deportation seizure clampdown repression "
        "censorship lockdown purge roundup eviction demolition confiscation",
        "ASSAULT": "invasion incursion bombardment ambush massacre killing killings "
        "assassination shooting shootings counteroffensive counterattack war siege blockade "
        "execution executions",
    }
)

#: Verbs that say an event named by their subject noun happened: "riots erupted", "the
#: clashes are continuing", "talks resumed". The noun is the event.
_SINGLE_OCCURRING = "continue erupt spread rage flare resume escalate intensify occur begin start"
#: Verbs that say what an event noun left behind: "fighting left 40 dead" (the fighting is
#: the event, whatever the object).
RESULTING = frozenset(["leave"])
#: Verbs of intention whose complement is the event intended ("vowed to avenge", "pledged to
#: attack": a threat; "promised to help": a promise), as a modal states it.
INTENDING = frozenset(
    ["vow", "pledge", "promise", "plan", "intend", "hope", "expect", "aim", "consider"]
)
OCCURRING = frozenset(
    [*_SINGLE_OCCURRING.split(), "persist", "break out", "take place", "go on", "flare up"]
)

#: Verbs whose "in" object is the event they report: "engaged in ethnic cleansing", "took
#: part in the protests", "participated in the talks".
PARTICIPATING = frozenset(["engage", "participate", "take"])

#: Verbs of handing over, and what handed over is aid (money, food, medicine, arms: PLOVER's
#: AID includes military aid; peacekeepers: protection, CAMEO 074) or a deployment (troops
#: sent: MOBILIZE).
GIVING = frozenset(
    """give provide send deliver donate supply ship airlift dispatch move rush fly lend grant
    allocate contribute distribute earmark disburse channel transfer airdrop""".split()  # noqa: SIM905
)
GOODS = frozenset(
    """money cash dollar dollars euro euros fund food medicine medicines supply supplies grain
    flour rice fuel tent tents blanket blankets vaccine vaccines weapon weapons arms
    peacekeeper peacekeepers wheat maize corn sugar seed seeds milk equipment""".split()  # noqa: SIM905
)
FORCES = frozenset(
    """troop troops soldier soldiers force forces warship warships
    tank tanks reinforcement reinforcements unit units battalion battalions brigade brigades
    marine marines paratrooper paratroopers jet jets army police reservist reservists
    conscript conscripts recruit recruits garrison garrisons artillery""".split()  # noqa: SIM905
)

#: Nouns that measure or collect what their "of" phrase names: "a wave of arrests" is
#: arrests, "tens of thousands of students" are students.
MEASURES = frozenset(
    """series wave round package batch shipment consignment convoy spate string set lot""".split()  # noqa: SIM905
)
QUANTITIES = frozenset(
    """group number dozen dozens hundred hundreds thousand thousands million millions tens
    scores crowd crowds handful band some many most several all members half third thirds
    quarter quarters percent majority minority rest""".split()  # noqa: SIM905
)

#: Documents and statements: what "a statement demanding ..." demands or "a law recognizing
#: ..." recognizes, its issuer does.
DOCUMENTS = frozenset(
    """statement declaration letter communique resolution message note report appeal
    petition memorandum law bill decree""".split()  # noqa: SIM905
)

#: Verbs of travel, whose "on"/"for" phrase may name the event travelled for: "arrived on a
#: visit", "flew to Velmora for talks".
TRAVELLING = frozenset("arrive travel fly go come head gather assemble".split())  # noqa: SIM905

#: Ways of passage: blocking one is a protest ("blocked roads"), not stopping a protest.
WAYS = frozenset(
    "road roads street streets highway highways traffic transport railway".split()  # noqa: SIM905
)

#: A light verb with no coded object still reports this: "offered to rebuild the bridge",
#: "offered its ports" (an offer is a promise: AGREE).
LIGHT_DEFAULTS: dict[str, str] = {"offer": "AGREE"}

#: (modifier, noun) -> category where the modifier changes the noun's sense.
COMPOUND_CODES: dict[tuple[str, str], str] = {
    ("hunger", "strike"): "PROTEST",
    ("general", "strike"): "PROTEST",
    ("ethnic", "cleansing"): "ASSAULT",
    ("martial", "law"): "COERCE",
    ("visa", "restriction"): "SANCTION",
    ("visa", "restrictions"): "SANCTION",
    ("visa", "ban"): "SANCTION",
    ("air", "raid"): "ASSAULT",
    ("military", "operation"): "ASSAULT",
    ("phone", "call"): "CONSULT",
    ("telephone", "call"): "CONSULT",
    # attacking computers is coercion in the codebook (CAMEO 176), training hackers a
    # mobilization of cyber forces (155)
    ("cyber", "attack"): "COERCE",
    # exercises held with a partner are military cooperation (CAMEO 062)
    ("joint", "exercise"): "COOPERATE",
    ("joint", "exercises"): "COOPERATE",
    ("joint", "drill"): "COOPERATE",
    ("joint", "patrol"): "COOPERATE",
    ("joint", "operation"): "COOPERATE",
    # Session 25
    ("sit", "in"): "PROTEST",  # "staged a sit-in": the tokens "sit", "-", "in"
    ("war", "games"): "MOBILIZE",
    ("war", "game"): "MOBILIZE",
    ("missile", "test"): "MOBILIZE",
    ("missile", "tests"): "MOBILIZE",
    ("nuclear", "test"): "MOBILIZE",
    ("nuclear", "tests"): "MOBILIZE",
    ("joint", "investigation"): "COOPERATE",
    ("joint", "inquiry"): "COOPERATE",
    ("joint", "venture"): "COOPERATE",
    ("joint", "project"): "COOPERATE",
}

#: (verb lemma, object noun lemma) -> category where the verb decides the noun's sense:
#: workers stage a strike (PROTEST), an air force launches one; "opened fire", "took
#: hostages", "declared war" (a threat of force, not yet an attack). The noun may be the
#: object or its complement ("found him guilty", "held them responsible").
VERB_NOUN_CODES: dict[tuple[str, str], str] = {
    ("stage", "strike"): "PROTEST",
    ("call", "strike"): "PROTEST",
    ("chant", "slogan"): "PROTEST",
    ("open", "fire"): "ASSAULT",
    ("exchange", "fire"): "ASSAULT",
    ("return", "fire"): "ASSAULT",
    # views exchanged are a consultation (CAMEO 04)
    ("exchange", "view"): "CONSULT",
    ("exchange", "views"): "CONSULT",
    # a fugitive deported to the party that seeks him is judicial cooperation (CAMEO 063)
    **{
        ("deport", wanted): "COOPERATE"
        for wanted in ("fugitive", "fugitives", "suspect", "suspects")
    },
    # an elected body dissolved or the constitution suspended by force (CAMEO 172)
    **{
        ("dissolve", body): "COERCE"
        for body in ("parliament", "legislature", "assembly", "congress", "senate")
    },
    ("suspend", "constitution"): "COERCE",
    # access blocked is no access granted: "blocked access to news websites" (censorship)
    ("block", "access"): "COERCE",
    # a truce broken by fighting (CAMEO 196)
    ("violate", "ceasefire"): "ASSAULT",
    ("violate", "truce"): "ASSAULT",
    # a sanction weighed is announced as an intention: "is considering sanctions" (CAMEO 1312)
    **{
        ("consider", measure): "SANCTION"
        for measure in ("sanction", "sanctions", "embargo", "tariff", "tariffs")
    },
    # ending one's mediation halts it (CAMEO 165); "ended the talks" may be a plain report
    ("end", "mediation"): "SANCTION",
    ("exchange", "gunfire"): "ASSAULT",
    ("rally", "support"): "SUPPORT",
    ("rally", "opposition"): "ACCUSE",
    # abducting, hijacking and hostage-taking are assaults in the codebook (CAMEO 181)
    ("take", "hostage"): "ASSAULT",
    ("fire", "gas"): "COERCE",
    ("use", "gas"): "COERCE",
    ("declare", "war"): "THREATEN",
    ("find", "guilty"): "ACCUSE",
    ("find", "liable"): "ACCUSE",
    ("hold", "responsible"): "ACCUSE",
    ("hold", "accountable"): "ACCUSE",
    ("summon", "ambassador"): "ACCUSE",
    ("summon", "envoy"): "ACCUSE",
    ("summon", "diplomat"): "ACCUSE",
    ("meet", "demand"): "CONCEDE",
    ("accept", "demand"): "CONCEDE",
    ("satisfy", "demand"): "CONCEDE",
    ("share", "intelligence"): "COOPERATE",
    ("raise", "alert"): "MOBILIZE",
    ("tighten", "security"): "MOBILIZE",
    ("beef", "security"): "MOBILIZE",
    ("boost", "security"): "MOBILIZE",
    ("heighten", "security"): "MOBILIZE",
    ("end", "occupation"): "RETREAT",
    ("end", "siege"): "RETREAT",
    ("end", "blockade"): "RETREAT",
    ("close", "embassy"): "SANCTION",
    ("close", "consulate"): "SANCTION",
    ("seize", "control"): "ASSAULT",
    ("take", "control"): "ASSAULT",
    **{
        (verb, truce): "ASSAULT"
        for verb in ("violate", "breach")
        for truce in ("ceasefire", "truce", "armistice")
    },
    # defying a norm or a law (CAMEO 128)
    **{
        (verb, norm): "REJECT"
        for verb in ("violate", "breach")
        for norm in ("law", "resolution", "agreement", "accord", "treaty", "embargo", "sanction")
    },
    # ending or calling off a protest eases dissent; calling off talks or a visit halts them
    **{
        (verb, dissent): "CONCEDE"
        for verb in ("end", "call off", "suspend")
        for dissent in ("strike", "protest", "boycott", "demonstration", "sit-in", "march")
    },
    **{("call off", relation): "SANCTION" for relation in ("talk", "talks", "visit", "meeting")},
    ("break", "ceasefire"): "ASSAULT",
    ("break", "truce"): "ASSAULT",
    ("bring", "charge"): "ACCUSE",
    # returning people, bodies or land is a concession (CAMEO 084); "returned home" is none
    **{
        ("return", thing): "CONCEDE"
        for thing in [
            "prisoner",
            "prisoners",
            "hostage",
            "hostages",
            "body",
            "bodies",
            "remains",
            "territory",
            "land",
            "lands",
            "property",
            "island",
            "islands",
        ]
    },
    **{
        (verb, accord): "AGREE"
        for verb in ("observe", "respect", "honor", "honour")
        for accord in ("truce", "ceasefire", "agreement", "accord", "treaty")
    },
    ("down", "tool"): "PROTEST",
    ("give", "deadline"): "THREATEN",
    ("reserve", "right"): "THREATEN",
    ("set", "deadline"): "THREATEN",
    # handing over people is judicial cooperation, weapons a disarmament, power a concession
    **{
        (f"{verb} over", thing): code
        for verb in ("hand", "turn")
        for things, code in (
            ("suspect suspects fugitive fugitives", "COOPERATE"),
            ("weapon weapons arm arms", "RETREAT"),
            ("power control", "CONCEDE"),
        )
        for thing in things.split()
    },
    # weapons handed in are given up: "the militia handed in its weapons" (CAMEO 0873)
    **{("hand in", thing): "RETREAT" for thing in ("weapon", "weapons", "arm", "arms")},
    # closing one's airspace to a party shuts it out: "closed its airspace to Korvath airlines"
    ("close", "airspace"): "SANCTION",
    # a sanction or a restriction put on a party: "put an embargo on Korvath oil"
    **{
        (verb, thing): code
        for verb in ("put", "place")
        for things, code in (
            ("embargo sanction sanctions ban tariff tariffs", "SANCTION"),
            ("curfew restriction restrictions", "COERCE"),
        )
        for thing in things.split()
    },
    # power handed to others without "over": "handed power to a civilian government"
    **{(verb, thing): "CONCEDE" for verb in ("hand", "transfer") for thing in ("power", "control")},
    # shutting down a newspaper is coercion (CAMEO 172); a company closing its own office
    # is not
    **{
        (verb, outlet): "COERCE"
        for verb in ("shut down", "close down", "close")
        for outlet in """newspaper paper broadcaster channel website station radio television
        magazine weekly daily""".split()  # noqa: SIM905
    },
    ("lodge", "protest"): "ACCUSE",
    ("file", "protest"): "ACCUSE",
    ("register", "protest"): "ACCUSE",
    ("deliver", "protest"): "ACCUSE",
    ("join", "force"): "COOPERATE",
    ("press", "charge"): "ACCUSE",
    ("plant", "bomb"): "ASSAULT",
    ("drop", "bomb"): "ASSAULT",
    ("drop", "bombs"): "ASSAULT",
    # weapons of crowd control turned on people: violent repression (CAMEO 175)
    **{
        ("use", weapon): "COERCE"
        for weapon in """cannon baton batons truncheon truncheons bullet bullets ammunition
        force""".split()  # noqa: SIM905
    },
    ("set", "bomb"): "ASSAULT",
    **{("fire", weapon): "ASSAULT" for weapon in ("rocket", "missile", "shell", "mortar")},
    **{
        (verb, tie): "SUPPORT"
        for verb in ("establish", "restore", "resume", "renew", "strengthen", "improve")
        for tie in ("relation", "relations", "tie", "ties")
    },
    # Session 25. Raising security or a military presence is a show of force (CAMEO 15).
    **{
        (verb, posture): "MOBILIZE"
        for verb in [
            "step up",
            "beef up",
            "build up",
            "boost",
            "heighten",
            "increase",
            "raise",
            "strengthen",
            "bolster",
            "reinforce",
            "expand",
        ]
        for posture in [
            *("security", "presence", "patrol", "patrols", "alert", "readiness"),
            *("troops", "forces", "troop", "force", "police", "army"),
        ]
    },
    **{
        (verb, force): "MOBILIZE"
        for verb in ("call up", "call out")
        for force in [
            "army",
            "troops",
            "military",
            "reservist",
            "reservists",
            "reserve",
            "reserves",
        ]
    },
    # Giving up a demand or a claim is yielding (CAMEO 08); so is granting what was asked.
    **{
        (verb, claim): "CONCEDE"
        for verb in ["drop", "abandon", "renounce", "waive", "give up", "relinquish", "withdraw"]
        for claim in [
            "demand",
            "claim",
            "charge",
            "objection",
            "opposition",
            "condition",
            "precondition",
            "insistence",
        ]
    },
    **{
        (verb, request): "CONCEDE"
        for verb in ("grant", "fulfil", "fulfill", "heed", "honor", "honour")
        for request in ("demand", "request")
    },
    # Forgiving a country's debt is economic aid (CAMEO 071).
    **{
        (verb, "debt"): "AID"
        for verb in ("write off", "cancel", "forgive", "reschedule", "relieve", "waive")
    },
    # A truce declared is a de-escalation (CAMEO 0871: RETREAT); one agreed or signed an
    # agreement (AGREE)
    **{
        (verb, truce): "RETREAT"
        for verb in ("declare", "announce", "call", "order")
        for truce in ("ceasefire", "truce", "cease-fire")
    },
    # Admitting peacekeepers or inspectors allows international involvement (CAMEO 086)
    **{
        (verb, monitors): "CONCEDE"
        for verb in ("accept", "admit", "allow", "receive", "welcome")
        for monitors in [
            *("peacekeeper", "peacekeepers", "inspector", "inspectors"),
            *("observer", "observers", "monitor", "monitors"),
        ]
    },
    # Restoring or granting rights accedes to a demand for them (CAMEO 0833)
    **{
        (verb, right): "CONCEDE"
        for verb in ("restore", "grant", "guarantee")
        for right in ("right", "rights", "freedom", "freedoms", "autonomy", "independence")
    },
    # Taking in refugees is asylum (CAMEO 075); testing a missile a show of force; scaling
    # back a military presence a de-escalation (CAMEO 087)
    **{
        (verb, refugee): "AID"
        for verb in ("take in", "admit", "shelter", "accept")
        for refugee in ("refugee", "refugees", "asylum-seeker", "asylum-seekers")
    },
    **{(verb, "missile"): "MOBILIZE" for verb in ("test", "test-fire", "fire")},
    **{
        (verb, force): "RETREAT"
        for verb in ("scale back", "draw down", "reduce", "cut", "thin out")
        for force in ("presence", "troops", "forces", "troop", "force", "garrison")
    },
    # Opening an inquiry or talks; burning a flag or an effigy is a demonstration (CAMEO 141)
    **{("open", inquiry): "ACCUSE" for inquiry in ("investigation", "inquiry", "enquiry", "probe")},
    **{("open", talks): "CONSULT" for talks in ("talks", "negotiations", "dialogue")},
    **{("burn", flag): "PROTEST" for flag in ("flag", "flags", "effigy", "effigies")},
    # Concern or outrage voiced is a disapproval (CAMEO 111)
    **{
        (verb, concern): "ACCUSE"
        for verb in ("express", "voice")
        for concern in "concern alarm dismay outrage anger indignation disappointment".split()  # noqa: SIM905
    },
    # Reopening a border that was closed eases a restriction ("opened its borders to
    # refugees" is a welcome, not a concession).
    **{
        ("reopen", way): "CONCEDE"
        for way in ("border", "borders", "frontier", "crossing", "crossings", "corridor")
    },
}

#: (verb lemma, preposition, noun lemma) -> category of a phrase whose noun is a preposition's
#: object: "went on strike", "took to the streets", "put troops on alert", "took him into
#: custody", "placed him under arrest".
VERB_PREP_NOUN_CODES: dict[tuple[str, str, str], str] = {
    ("go", "on", "strike"): "PROTEST",
    ("take", "to", "street"): "PROTEST",
    ("pour", "into", "street"): "PROTEST",  # "poured into the streets of Lenby"
    ("put", "on", "alert"): "MOBILIZE",
    ("place", "on", "alert"): "MOBILIZE",
    ("go", "on", "alert"): "MOBILIZE",
    ("take", "into", "custody"): "COERCE",
    ("place", "under", "arrest"): "COERCE",
    ("put", "under", "arrest"): "COERCE",
    ("take", "to", "court"): "ACCUSE",
    ("come", "to", "agreement"): "AGREE",
    ("come", "to", "understanding"): "AGREE",
    ("walk", "off", "job"): "PROTEST",
    # a call by telephone is a consultation (CAMEO 041)
    **{
        (verb, "by", phone): "CONSULT"
        for verb in ("speak", "talk", "confer")
        for phone in ("telephone", "phone")
    },
    # Session 25: yielding to what was asked (CAMEO 083)
    **{
        (verb, "to", request): "CONCEDE"
        for verb in ("agree", "accede", "bow", "yield", "submit", "consent")
        for request in ("demand", "request", "condition")
    },
    # raising a force's alert: "put its forces on a war footing"
    ("put", "on", "footing"): "MOBILIZE",
    # speaking or voting in favour of something is support (CAMEO 051)
    **{
        (verb, "in", favour): "SUPPORT"
        for verb in ("speak", "vote", "come", "argue", "campaign")
        for favour in ("favor", "favour")
    },
    ("place", "on", "footing"): "MOBILIZE",
    # put on trial: prosecuted, like "prosecute" (ACCUSE)
    ("put", "on", "trial"): "ACCUSE",
    ("bring", "to", "trial"): "ACCUSE",
    # people used as human shields (CAMEO 184)
    ("use", "as", "shield"): "ASSAULT",
    ("use", "as", "shields"): "ASSAULT",
    # Session 26: "handed in its weapons", with "in" read as a preposition
    **{("hand", "in", thing): "RETREAT" for thing in ("weapon", "weapons", "arm", "arms")},
}

#: Verbs whose passive is a stance held by its subject: "Osterland is opposed to the
#: treaty", "the government is committed to reform" (the subject opposes, commits).
STANCES = frozenset(["oppose", "commit", "dedicate"])
#: Verbs that are an attack when they strike a place, a party or a military target ("jets
#: struck Velmora", "struck rebel positions"), and no event otherwise ("struck a tone").
STRIKING = frozenset(["strike"])
MILITARY_TARGETS = frozenset(
    """target targets position positions base bases camp camps village villages town towns
    city cities convoy convoys headquarters depot depots stronghold strongholds""".split()  # noqa: SIM905
)

#: Verbs that report an event only with a complement of a kind: "told the army to leave"
#: (REQUEST), "charged that troops had crossed the border" (ACCUSE).
COMPLEMENT_CODES: dict[tuple[str, str], str] = {
    ("tell", "xcomp"): "REQUEST",
    ("charge", "ccomp"): "ACCUSE",
}
#: Verbs of saying or thinking, which demand what their clause says another party must or
#: should do ("Korvath said Osterland must withdraw its troops": a demand, CAMEO 10), and the
#: modals of obligation that make it one.
SAYING = frozenset(
    """say state declare stress add argue write maintain believe think feel emphasize
    emphasise insist""".split()  # noqa: SIM905
)
OBLIGING = frozenset(["must", "should", "ought"])
#: Bodies that act as a party: what they must do is demanded of them ("said the government
#: must resign"), unlike "the weather should improve".
BODIES = frozenset(
    """government governments authorities administration regime army military police
    parliament council court cabinet ministry leadership opposition side sides country
    countries state states nation nations community""".split()  # noqa: SIM905
)
#: Verbs of wanting, which ask for what another party is wanted to do ("wants Korvath to pay
#: compensation": a request).
WANTING = frozenset(["want", "wish"])
#: Verbs that are an attack in words when they say what for ("attacked the government over
#: its handling of the crisis", "hit out at the ministry for ..."): an accusation.
ATTACKING = frozenset(["attack", "assail", "slam", "blast", "hit"])
#: Verbs that, with a place as object, take it by force ("seized the town": ASSAULT, CAMEO
#: 192 occupy territory), while "seized weapons" is a confiscation (COERCE).
TAKING = frozenset(["seize", "grab"])
#: Verbs of being or coming under what a noun names: "came under attack" (ASSAULT), "is under
#: investigation" (ACCUSE), "remains under arrest" (COERCE): the subject undergoes it.
#: Verbs of reporting whose passive takes the subject of what is reported: "Korvath is alleged
#: to have attacked ...", "the rebels are believed to have seized ..." (the infinitive is the
#: event, done by that subject).
RAISING = frozenset(
    """allege report say believe suspect think know understand rumour rumor claim expect""".split()  # noqa: SIM905
)
#: Verbs of fighting done to each other: "the rebels and the army clashed" (each is the
#: other's party, like the parties of a meeting or an accord).
RECIPROCAL = frozenset(["clash", "fight", "skirmish", "battle"])
UNDERGOING = frozenset(["be", "come", "remain", "stay", "fall", "live"])
#: Verbs whose subject is on the receiving end of the event their object names, done by its
#: "from" or "by" party: "the plan drew criticism from Korvath", "faced protests by farmers",
#: "won the backing of Velmora", "received a visit from the envoy".
UNDERGONE = frozenset(["draw", "face", "win", "receive", "get", "earn", "attract", "garner"])
#: Verbs that are a retreat when what is left is a military position ("abandoned its
#: positions near the river"); leaving a town or a camp is not (refugees leave camps).
ABANDONING = frozenset(["abandon"])
POSITIONS = frozenset(
    """position positions base bases post posts outpost outposts stronghold strongholds
    trench trenches""".split()  # noqa: SIM905
)
#: Verbs that are an attack only against people or a party ("fought the rebels", "battled
#: government troops"), not "fought corruption" or "battled the blaze".
FIGHTING = frozenset(["fight", "battle"])

#: Adjectives that state an intention as a modal does ("is ready to host talks", "is
#: willing to withdraw"): the CAMEO "express intent" rule.
READINESS = frozenset(["ready", "willing", "prepared", "eager", "keen"])

#: Verbs that stop what their object names: stopping a protest is coercion.
PREVENTING = frozenset(
    ["prevent", "stop", "block", "disperse", "ban", "forbid", "quell", "crush", "break"]
)

#: Categories whose direct object is usually what is agreed or discussed, not who: a plain
#: noun object ("signed the accord") is no target, a named one ("met Macron") is.
TOPIC_OBJECT_CODES = frozenset({"AGREE", "CONSULT", "CONCEDE", "RETREAT", "COOPERATE", "REQUEST"})

#: What kills or injures without being an actor: harm from these is no ASSAULT.
HAZARDS = frozenset(
    """fire blaze explosion blast flood flooding earthquake quake storm hurricane typhoon cyclone
    tornado landslide avalanche crash collision accident collapse disease outbreak heat wave
    tsunami eruption wildfire smoke""".split()  # noqa: SIM905
)

#: What markets trade: "bonds rallied", "the currency slumped" tell of prices, not of people.
MARKETS = frozenset(
    """bond bonds share shares stock stocks market markets price prices currency dollar euro
    yield yields index indices futures oil gold""".split()  # noqa: SIM905
)

#: Words that make a blast or fire an attack: "a suicide blast", "artillery fire".
WEAPONS = frozenset(
    """suicide bomb bomber car truck artillery rocket rockets mortar mortars drone drones missile
    missiles sniper gun gunfire grenade shell shells airstrike militant militants weapon
    weapons""".split()  # noqa: SIM905
)

#: Verbs that end or cut what their object names, and the objects that make it a cut in
#: relations: "suspended aid", "cancelled a visit", "severed ties" (SANCTION). Production
#: suspended or a flight cancelled is no political event.
REDUCING = frozenset(
    """cancel suspend halt freeze sever downgrade prohibit cut break withhold recall withdraw
    pull stop terminate reduce""".split()  # noqa: SIM905
)
RELATIONS = frozenset(
    """peacekeeper peacekeepers peacekeeping aid assistance talk talks negotiation negotiations
    relation relations tie ties visit membership
    cooperation trade contact contacts loan loans ambassador envoy support inspector
    inspectors observer observers monitor monitors diplomat diplomats asset assets account
    accounts fund funds funding import imports export exports mediation embassy""".split()  # noqa: SIM905
)
#: What is withdrawn from: leaving talks halts them (SANCTION, with ``RELATIONS``), leaving
#: an agreement rejects it ("withdrew from the treaty", "pulled out of the accord").
COMMITMENTS = frozenset("treaty agreement accord pact deal convention".split())  # noqa: SIM905
#: Verbs of leaving that report the category of what is left ("withdrew from the talks",
#: "backed out of the deal"; "backed the plan" stays support).
LEAVING = frozenset(["withdraw", "pull", "walk", "back"])
#: Verbs of leaving whose object is what is left: "quit the talks" (SANCTION), "left the
#: alliance" (REJECT, with ``COMMITMENTS``).
QUITTING = frozenset(["quit", "leave", "exit", "abandon", "desert"])
#: Nouns of taking part, which stand for what their "in" phrase names: "suspended its
#: participation in the talks" halts the talks.
TAKING_PART = frozenset(["participation", "involvement", "membership", "part", "role"])
#: Verbs of moving forces, which pull them back when they move them back, home or away
#: ("ordered its troops back to barracks", "removed its tanks from the zone": RETREAT).
MOVING = frozenset(
    """move pull remove bring order send take withdraw recall redeploy evacuate""".split()  # noqa: SIM905
)
#: Adverbs and particles of moving back: "sent the troops home", "pulled the tanks back".
BACKWARDS = frozenset(["back", "home", "away", "out"])
#: Verbs of fleeing, a retreat when those who flee are forces ("rebel fighters fled the
#: town"), not when they are people fleeing harm.
FLEEING = frozenset(["flee"])
FIGHTERS = frozenset(
    """rebel rebels fighter fighters militant militants guerrilla guerrillas militia militias
    militiaman militiamen insurgent insurgents""".split()  # noqa: SIM905
)
#: Words for peacekeeping: forces sent to keep the peace are protection (AID, CAMEO 074),
#: and withdrawing them cuts that help (SANCTION, CAMEO 166).
PEACEKEEPING = frozenset(["peacekeeping", "peacekeeper", "peacekeepers", "protection"])
#: Verbs of enlisting: with forces or recruits as object, a mobilization ("drafted thousands
#: of reservists", "recruited 2,000 fighters").
ENLISTING = frozenset(["draft", "recruit", "enlist", "conscript"])
#: Nouns of political life whose ban restricts people (COERCE, CAMEO 172), like a ban on a
#: party: "banned all political activity".
POLITICAL_LIFE = frozenset(["activity", "activities", "gathering", "gatherings", "assembly"])
#: Verbs of hitting, an attack when what hits is a weapon or a force ("shells hit the
#: district"), not "the recession hit the town".
HITTING = frozenset(["hit", "rake", "target", "hammer", "pummel", "batter", "blast"])
#: Verbs of firing a weapon, an attack when it is fired at someone or something ("fired
#: missiles at Korvath cities"; not "launched a rocket into orbit").
FIRING = frozenset(["fire", "launch", "lob", "use", "employ"])
#: Prepositions of what a weapon is fired at.
FIRED_AT = frozenset(["at", "on", "toward", "towards", "against"])
#: Verbs of a weapon going off, an attack when a bomb or a shell goes off ("a car bomb
#: exploded outside the consulate"; not "a gas tank exploded": a hazard).
EXPLODING = frozenset(["explode", "go"])
#: Verbs that shut a party out of a body when said of it "from" the body ("suspended Korvath
#: from the trade bloc": CAMEO 1622 halt membership).
SUSPENDING = frozenset(["suspend", "exclude", "bar"])
#: Verbs of travel that make a visit when a leader or a delegation goes to a country
#: ("the president will travel to Osterland": CAMEO 042).
VISITING = frozenset(["travel", "fly", "go", "come", "head", "arrive", "return"])
#: Who makes a visit: a leader's title or a mission.
VISITORS = frozenset(
    """president minister premier chancellor king queen leader envoy ambassador delegation
    delegate mission secretary emissary mediator""".split()  # noqa: SIM905
)
#: Who strikes by stopping work: "teachers struck for higher pay" (PROTEST), unlike
#: "militants struck" (an attack, with its target).
WORKERS = frozenset(
    """worker workers employee employees miner miners teacher teachers nurse nurses doctor
    doctors docker dockers driver drivers pilot pilots staff union unions""".split()  # noqa: SIM905
)
#: Verbs of leaving a place, a retreat when forces leave it ("the last troops left the town").
DEPARTING = frozenset(["leave", "exit", "quit", "vacate", "evacuate", "abandon"])
#: Verbs that announce or state, whose "persona non grata" is an expulsion of diplomats.
DECLARING = frozenset(["declare", "pronounce"])
#: Verbs of receiving: what is received as aid was given by its "from" party ("received 5
#: million dollars from Korvath": Korvath's aid).
RECEIVING = frozenset(["receive", "get", "obtain", "accept"])
#: Verbs of arriving, whose subject may be aid that arrives ("aid from Korvath reached the
#: town").
ARRIVING = frozenset(["arrive", "reach"])
#: Arms handed over to another party to own, military aid (CAMEO 072) when given rather than
#: sent: "gave Velmora 30 tanks" (AID), "sent tanks to the border" (MOBILIZE).
EQUIPMENT = frozenset(
    """tank tanks jet jets warship warships aircraft helicopter helicopters plane planes
    missile missiles""".split()  # noqa: SIM905
)
OWNING = frozenset(["give", "donate", "supply", "provide", "grant", "lend"])
#: Protesters: violence against them is repression (COERCE, CAMEO 175), not an assault
#: ("police fired on the demonstrators"); a crowd may be shoppers ("gunmen fired on a crowd").
CROWDS = frozenset(
    """protester protesters protestor protestors demonstrator demonstrators marcher marchers
    rioter rioters striker strikers""".split()  # noqa: SIM905
)
#: Verbs of beating, repression when those beaten are protesters (not "beat the champion").
BEATING = frozenset(["beat", "club", "whip", "charge"])
#: Verbs of destroying: property destroyed is coercion (CAMEO 171: homes, crops), military
#: targets destroyed an attack.
DESTROYING = frozenset(["destroy", "burn", "bulldoze"])
PROPERTY = frozenset(
    """home homes house houses property properties crop crops field fields farm farms shop
    shops building buildings office offices""".split()  # noqa: SIM905
)
#: Verbs that reject what they act on but not whom: "dismissed the accusations" (REJECT),
#: "dismissed the minister" (a dismissal from office).
NOT_ON_PEOPLE = frozenset(["dismiss"])
#: Verbs of training, which are military or police cooperation when those trained are forces
#: or people ("trained Velmoran police officers": CAMEO 062).
TRAINING = frozenset(["train", "equip"])
#: Modifiers of a show of force held with a partner: "joint exercises", "combined patrols"
#: are military cooperation (CAMEO 062).
JOINT = frozenset(["joint", "combined", "jointly", "together"])
#: Verbs that are a sanction against a country or its envoys ("expelled the ambassador") and
#: coercion against people ("expelled two journalists": CAMEO 174, expel individuals).
EXPELLING = frozenset(["expel"])
#: Verbs that move people out of danger (AID) but pull back forces when what is moved is
#: troops ("evacuated its troops from the town": RETREAT).
EVACUATING = frozenset(["evacuate"])
#: Verbs that ease what their object names, and the restrictions whose easing is a
#: concession (CONCEDE) or, for a military hold, a retreat (RETREAT): "lifted the curfew",
#: "eased the blockade".
EASING = frozenset(
    """lift ease relax loosen repeal revoke rescind abolish scrap annul dismantle remove
    end""".split()  # noqa: SIM905
)
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
    **dict.fromkeys(
        ["blockade", "siege", "checkpoint", "checkpoints", "roadblock", "roadblocks"], "RETREAT"
    ),
}

#: Verbs that report their category only when what they act on is people or a named party:
#: "released the hostages" concedes (PLOVER: release of persons), "the dam released water"
#: and "the ministry released a report" are no events; one hosts people or a meeting, not
#: "the athletics championship".
ON_PEOPLE = frozenset(["release", "receive", "greet", "protect", "host"])
#: Nouns for people held and freed, or a party an event is aimed at, besides the nouns for
#: people of ``newsweave.lexicon.people``.
CAPTIVES = frozenset(
    """prisoner hostage detainee captive people person man woman civilian activist journalist
    dissident protester fighter rebel militant soldier official worker student member
    crew demonstrator striker refugee villager resident farmer miner nurse teacher doctor
    supporter opponent voter citizen counterpart delegation delegate envoy visitor guest
    leader reporter reporters correspondent correspondents priest missionary
    sailor seaman seamen fisherman fishermen pilot tourist engineer businessman national
    nationals""".split()  # noqa: SIM905
)

#: Categories of hostile acts: announced ("will boycott") or warned of, they are a threat.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "PROTEST"})
#: Verbs that threaten only when they say what they warn of or against ("warned that ...",
#: "warned them against ..."); "the operator had warned the town on Monday" tells of no threat.
WARNING = frozenset(["warn", "caution"])
#: Verbs that are a sanction when they stop a thing ("banned imports") and coercion when they
#: restrict people or a group ("banned opposition candidates", "banned the party"), and the
#: nouns for groups besides people.
BANNING = frozenset(["ban", "bar"])
GROUPS = frozenset(
    """party parties group groups organization organisation organizations organisations movement
    union unions candidate candidates newspaper newspapers""".split()  # noqa: SIM905
)
#: Verbs of compelling: with an object made to do something that is no event of its own, they
#: are coercion ("ordered the paper to suspend publication", "forced the mayor to resign").
COMPELLING = frozenset(["order", "force", "compel"])
