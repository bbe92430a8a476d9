"""The PLOVER event scorer: categories, the event chosen, actors, parts, and the floor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from newsweave.errors import InputError
from newsweave.evaluate.events import (
    PARTS,
    Gold,
    Judged,
    actor_matches,
    choose_event,
    evaluate,
    gold_record,
    head_word,
    judge,
    locate,
    parts,
    plover_category,
    score,
)
from newsweave.records import Event, Span

#: Measured on the check part (docs/evaluation.md, "Events (PLOVER)", session 25, round 7; the
#: same after session 26):
#: category accuracy 0.684, macro-F1 0.641, source actor 0.684, target actor 0.511, no event
#: found for 15 of 95 records. None of the issue's targets (0.75, 0.65, 0.75, 0.65) is met.
FLOORS = {
    ("category", "accuracy"): 0.66,
    ("category, macro over PLOVER", "f1"): 0.62,
    ("source actor", "accuracy"): 0.66,
    ("target actor", "accuracy"): 0.50,
}
NO_EVENT_CEILING = 17


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def _event(text: str, action: str, code: str | None, actor: str = "", target: str = "") -> Event:
    start = text.index(action.split()[0])
    return Event(
        start=start,
        end=start + len(action),
        text=action,
        action=action,
        code=code,
        actor=_span(text, actor) if actor else None,
        target=_span(text, target) if target else None,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AGREE", "AGREE"),
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("fight", "ASSAULT"),
        ("", None),
        (None, None),
    ],
)
def test_old_names_map_to_plover_2021(name: str | None, expected: str | None) -> None:
    assert plover_category(name) == expected


def test_gold_record_maps_the_old_name_and_refuses_an_unknown_one() -> None:
    gold = gold_record(
        {"id": "r1", "event_v05": "DEMAND", "event_text": "urged to free", "source": ["Ostrana"]}
    )
    assert gold.category == "REQUEST"
    assert gold.words == {"urged", "free"}  # "to" is a function word
    assert gold.sources == ("Ostrana",) and gold.targets == ()
    with pytest.raises(InputError):
        gold_record({"id": "r2", "event": "NEGOTIATE"})


def test_choose_event_by_the_gold_words_else_the_first() -> None:
    text = "Mordavia said it would meet Ostrana after the rebels attacked a depot."
    meet = _event(text, "meet", "CONSULT", "it", "Ostrana")
    attack = _event(text, "attacked", "ASSAULT", "rebels", "depot")
    assert choose_event([meet, attack], frozenset({"attacked", "depot"})) == (attack, "gold words")
    assert choose_event([attack, meet], frozenset({"shelled"})) == (meet, "first")
    assert choose_event([], frozenset({"attacked"})) == (None, "none")


@pytest.mark.parametrize(
    ("actor", "text", "expected"),
    [
        ("Ostrana", "Troops of OSTRANA  crossed.", [(10, 17)]),
        ("Mordavia", "Mordavian troops crossed.", []),  # a word of its own, not the name
        ("Velmoran  officials", "Velmoran officials met.", [(0, 18)]),
        ("Velmoran ... envoys", "Velmoran and Ostranan envoys met.", [(0, 8), (22, 28)]),
    ],
)
def test_locate(actor: str, text: str, expected: list[tuple[int, int]]) -> None:
    assert locate(actor, text) == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("Trade and Industry Minister Ada Vell", "vell"),
        ("refugees fleeing the war in Mordavia", "refugees"),
        ("King Hal of Mordavia", "hal"),
        ("Mordavia's prime minister", "minister"),
        ("Velmoran Liberation Front (VLF)", "front"),
        ("Velmoran Liberation Front (VLF", "front"),
        ("U.S.", "u.s."),
        ("in Ostrana's capital ... protesters", "protesters"),
        ("...", None),
    ],
)
def test_head_word(actor: str, expected: str | None) -> None:
    assert head_word(actor) == expected


def test_actor_matches_by_span_or_by_the_canonical_name() -> None:
    text = "The Mordavian government and President Ada Vell accused Ostrana."
    gold = ["Mordavian government", "President Ada Vell"]
    assert actor_matches(_span(text, "The Mordavian government"), None, gold, text) == {0}
    # "he" resolved elsewhere: no overlap, but its canonical name holds the head word
    pronoun = Span(0, 3, "The")
    assert actor_matches(pronoun, "Ada Vell", gold, text) == {1}
    assert actor_matches(_span(text, "Ostrana"), "Ostrana", gold, text) == set()
    assert actor_matches(None, "Ada Vell", gold, text) == set()


def _gold(**fields: Any) -> Gold:
    return Gold(**{"id": "g", "category": "AGREE", "words": frozenset({"agreed"}), **fields})


def test_judge_actor_and_target() -> None:
    text = "Mordavia agreed to help Ostrana rebuild the bridge."
    gold = _gold(sources=("Mordavia",), targets=("Ostrana",))
    right = judge(gold, text, [_event(text, "agreed", "AGREE", "Mordavia", "Ostrana")], {})
    assert (right.category, right.source_right, right.target_right) == ("AGREE", True, True)
    swapped = judge(gold, text, [_event(text, "agreed", "AGREE", "Ostrana", "Mordavia")], {})
    assert (swapped.source_right, swapped.target_right) == (False, False)
    nothing = judge(gold, text, [], {})
    assert (nothing.category, nothing.source_right, nothing.target_right) == (None, False, False)


def test_judge_no_target_in_the_gold() -> None:
    text = "Ostrana protested outside the Mordavian embassy."
    gold = _gold(category="PROTEST", words=frozenset({"protested"}), sources=("Ostrana",))
    given = judge(gold, text, [_event(text, "protested", "PROTEST", "Ostrana", "embassy")], {})
    assert given.target_right is None and given.no_target_right is False
    alone = judge(gold, text, [_event(text, "protested", "PROTEST", "Ostrana")], {})
    assert alone.no_target_right is True


def test_symmetric_records_are_scored_in_either_order() -> None:
    text = "Mordavia and Ostrana agreed to open the border."
    gold = _gold(sources=("Mordavia", "Ostrana"), symmetric=True)
    for actor, target in (("Mordavia", "Ostrana"), ("Ostrana", "Mordavia")):
        judged = judge(gold, text, [_event(text, "agreed", "AGREE", actor, target)], {})
        assert (judged.source_right, judged.target_right) == (True, True)
    alone = judge(gold, text, [_event(text, "agreed", "AGREE", "Mordavia")], {})
    assert (alone.source_right, alone.target_right) == (True, False)


def test_canonical_names_come_from_the_mention_under_the_actor() -> None:
    text = "The minister threatened Ostrana."
    gold = _gold(category="THREATEN", words=frozenset({"threatened"}), sources=("Ada Vell",))
    minister = _span(text, "The minister")
    event = _event(text, "threatened", "THREATEN", "The minister", "Ostrana")
    judged = judge(gold, text, [event], {(minister.start + 4, minister.end): "Ada Vell"})
    assert judged.actor_name == "Ada Vell" and judged.source_right is True


def test_score_accuracy_macro_f1_confusion_and_no_event() -> None:
    text = "Mordavia agreed."

    def judged(gold: str | None, predicted: str | None) -> Judged:
        events = [_event(text, "agreed", predicted, "Mordavia")] if predicted else []
        return judge(_gold(category=gold, sources=("Mordavia",)), text, events, {})

    rows = score(
        [
            judged("AGREE", "AGREE"),
            judged("AGREE", "CONSULT"),
            judged("CONSULT", "CONSULT"),
            judged("REJECT", None),
            judged(None, None),
        ]
    )
    assert rows["category"] == {"accuracy": 0.6, "right": 3, "of": 5}
    # AGREE P 1 R 0.5, CONSULT P 0.5 R 1, REJECT P 0 R 0: F1 (2/3 + 2/3 + 0) / 3
    assert rows["category, macro over PLOVER"]["f1"] == pytest.approx(0.4444, abs=1e-4)
    assert rows["category, macro over PLOVER"]["categories"] == 3
    assert rows["AGREE"]["as CONSULT"] == 1 and rows["REJECT"]["as none"] == 1
    assert rows["no event found, gold has one"] == {"records": 1, "of": 4}
    assert rows["no event found, gold has none"] == {"accuracy": 1.0, "right": 1, "of": 1}
    assert rows["source actor"] == {"accuracy": 0.6, "right": 3, "of": 5}


def test_parts_are_halves_of_every_category_whatever_the_order() -> None:
    golds = [Gold(f"r{i}", ("AGREE", "REJECT", "AID")[i % 3]) for i in range(31)]
    split = parts(golds)
    assert split == parts(reversed(golds))
    assert set(split.values()) == set(PARTS)
    counts = {p: sum(v == p for v in split.values()) for p in PARTS}
    assert abs(counts["tune"] - counts["check"]) <= 1
    for category in ("AGREE", "REJECT", "AID"):
        members = [split[g.id] for g in golds if g.category == category]
        assert abs(members.count("tune") - members.count("check")) <= 1


def test_unknown_part_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate(tmp_path, part="dev")


@pytest.mark.slow
def test_plover_check_floors() -> None:
    report = evaluate(shared_path("corpus/plover"), part="check")
    assert report.below(FLOORS) == {}, report.rows
    assert report.rows["no event found, gold has one"]["records"] <= NO_EVENT_CEILING, report.rows
