"""The cast: a story's people and organisations, each once, of the kind the linker gave it."""

from __future__ import annotations

from newsweave.fuse.cast import cast
from newsweave.fuse.speakers import SpeakerKeys
from newsweave.records import Article, ArticleAnalysis, EntityMention, Evidence, Statement


def _analysis(text: str, *mentions: tuple[str, str]) -> ArticleAnalysis:
    found = [
        EntityMention(text.index(name), text.index(name) + len(name), name, label, name=name)
        for name, label in mentions
    ]
    return ArticleAnalysis(article=Article(id="a", text=text, key="a"), entities=tuple(found))


def test_the_linked_kind_decides_and_places_stay_out() -> None:
    text = "Lenby's mayor Ana Vell blamed Talvik Power."
    analysis = _analysis(text, ("Lenby", "PERSON"), ("Ana Vell", "PERSON"), ("Talvik", "PERSON"))
    linked = {"Lenby": "plc_0000000001", "Ana Vell": "per_0000000002", "Talvik": "org_0000000003"}

    members = cast(
        [analysis], [], SpeakerKeys({}, {}), entity_of=lambda _art, m: linked.get(m.text)
    )

    assert [(m.name, m.kind) for m in members] == [("Ana Vell", "PERSON"), ("Talvik", "ORG")]


def test_an_organisation_lists_what_it_said_though_the_linker_left_the_speaker_unresolved() -> None:
    text = "The Harbour Safety Board said it would send inspectors on Monday."
    analysis = _analysis(text, ("Harbour Safety Board", "ORG"))
    said = text[text.index("it would") : -1]
    statement = Statement(
        "~harbour safety board", (Evidence("a", text.index(said), len(text) - 1, said),), id="st1"
    )
    speakers = SpeakerKeys({}, {"~harbour safety board": "Harbour Safety Board"})
    linked = {"Harbour Safety Board": "org_0000000001"}

    (board,) = cast([analysis], [statement], speakers, entity_of=lambda _a, m: linked.get(m.text))

    assert (board.id, board.statements, board.quotes) == ("org_0000000001", ("st1",), 1)
