"""Quotation extraction: marks, cues, speakers, kinds; the seeds' gold read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from conftest import shared_path
from newsweave.analyse.entities import find_entities
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.quotes.marks import find_segments
from newsweave.evaluate.quotes import person_of, seed_overlap
from newsweave.ingest import make_article, read
from newsweave.records import Article, Quote


def quotes_of(nlp: Language, text: str, *, outlet: str | None = None) -> list[Quote]:
    article = make_article(
        {"id": "t", "text": text, "outlet": outlet}, default_id="t", source="test"
    )
    doc = nlp(article.text)
    return find_quotes(doc, article, entities=find_entities(doc, article))


def table(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    """(kind, text, resolved speaker name) for each quote, for compact expectations."""
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said: "We will go." Then she left.', ["We will go."]),
        ("“Curly works,” he said.", ["Curly works,"]),
        ("He said it’s fine and didn’t go. “Real quote here,” she said.", ["Real quote here,"]),
        ('An odd " mark. "A real one," she said.', ["A real one,"]),
        ("“First part\n\n“second part,” she said.", ["First part", "second part,"]),
        ("“Left open at the end\n\nA new paragraph with no mark.", []),
        # A quote ending with a quote inside it: `,' "` closes both.
        (
            '"He said, \'It matters,\' " Vance said. "It did."',
            ["He said, 'It matters,'", "It did."],
        ),
        # A quotation inside a straight-marked quote, in curly marks; a doubled mark is not one.
        (
            '"The fund gave up on “fair terms” long ago. It wants its money," she said.',
            ["The fund gave up on “fair terms” long ago. It wants its money,"],
        ),
        (
            'Brennan stated:\n\n"The fund gave up on “fair terms”.\n\n"It wants its money."',
            ["The fund gave up on “fair terms”.", "It wants its money."],
        ),
        ('"“We lost,” she said."', ["We lost,"]),
        # An opening mark typed where the closing one belongs.
        ("“It is unusual,“ said Abbot. “Hard to do.”", ["It is unusual,", "Hard to do."]),
        # ... or after a quote inside the quote and a space (as `,' "` for straight marks).
        ("“He said, ‘Go home,’ “ Lamb said. “It did.”", ["He said, ‘Go home,’", "It did."]),
        # A straight mark after a no-break space opens a quote.
        (
            '"The ferry is late," Pop said.\xa0"The bridge will be rebuilt."',
            ["The ferry is late,", "The bridge will be rebuilt."],
        ),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_segments(text)] == expected


def test_segments_never_fail_on_stray_marks() -> None:
    text = '“ ” " “ ” ” “\n\n"'
    find_segments(text)  # no exception is the point


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Finance Minister Clara Voss spoke on Monday. “Taxes will not rise this year,” "
            "Voss said.",
            [("direct", "Taxes will not rise this year,", "Clara Voss")],
        ),
        (
            "Mayor Daniel Okafor opened the bridge. “It took ten years,” he said. "
            "“It was worth every day.”",
            [
                ("direct", "It took ten years,", "Daniel Okafor"),
                ("direct", "It was worth every day.", "Daniel Okafor"),
            ],
        ),
        (
            "The Dutch prime minister, Anna Berg, met farmers. Later Berg told reporters, "
            "“We have heard them and we will act.”",
            [("direct", "We have heard them and we will act.", "Anna Berg")],
        ),
        (
            "Coach Maria Lopez praised her players, calling the win “a turning point” for "
            "the club.",
            [("partial", "a turning point", "Maria Lopez")],
        ),
        # A participle cue takes the subject of the verb it hangs from.
        (
            "Senator Paul Arden ended the debate early, telling reporters, "
            "“We have the votes we need.”",
            [("direct", "We have the votes we need.", "Paul Arden")],
        ),
        (
            "Judge Maya Ortiz began by saying, “This court will hear every witness who asks.”",
            [("direct", "This court will hear every witness who asks.", "Maya Ortiz")],
        ),
        # A byline name before the colon that opens the quote.
        (
            "Turnout rose in the north - Priya Nandan: “Younger voters came out in numbers "
            "we have not seen before.”",
            [
                (
                    "direct",
                    "Younger voters came out in numbers we have not seen before.",
                    "Priya Nandan",
                )
            ],
        ),
        # The parser hangs the speaker on the listener as an apposition; the cue has no subject.
        (
            "In a statement to the Courier, his senior policy adviser, Jon Reyes, said: "
            "“The senator will vote against the bill.”",
            [("direct", "The senator will vote against the bill.", "Jon Reyes")],
        ),
        # A quote split by an inverted cue whose name the parser hangs elsewhere.
        (
            "“The risk,” said Edward Lamb, an economist at the port authority, “is that the "
            "ships go north.”",
            [
                ("direct", "The risk,", "Edward Lamb"),
                ("direct", "is that the ships go north.", "Edward Lamb"),
            ],
        ),
        # A non-speech verb after a quote ending in a comma, with a bare name before it.
        (
            "“Get out of my office right now,” Halvorsen barked and an aide closed the door.",
            [("direct", "Get out of my office right now,", "Halvorsen")],
        ),
        # The second quote keeps its paragraph's speaker, not a verb in the next paragraph.
        (
            "Mayor Ada Okonjo spoke first. “It took ten years,” she said. “It was worth every "
            "day of it.”\n\nEngineers noted the cost was high.",
            [
                ("direct", "It took ten years,", "Ada Okonjo"),
                ("direct", "It was worth every day of it.", "Ada Okonjo"),
            ],
        ),
    ],
)
def test_direct_and_partial(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [q for q in table(quotes_of(nlp, text)) if q[0] != "indirect"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she" skips the man named last for the woman before him, by her given name...
        (
            "Harbour chief Agnes Mbeki met the union leader Tomas Rigg on Monday. "
            "“The strike ends tonight,” she said.",
            "Agnes Mbeki",
        ),
        # ... and "he" the woman who spoke last for the man named before her.
        (
            "Transport minister Ivan Dorn ordered the review. Margit Lund led it. "
            "“We found no fault in the signals,” she said.\n\n"
            "“The trains will run on Friday,” he said.",
            "Ivan Dorn",
        ),
        # A role that says the gender decides when the given name does not.
        (
            "The spokeswoman, Jordan Hale, spoke after Sami Nurmi left. "
            "“Talks resume in May,” she said.",
            "Jordan Hale",
        ),
    ],
)
def test_a_pronoun_speaker_agrees_in_gender(nlp: Language, text: str, expected: str) -> None:
    assert table(quotes_of(nlp, text))[-1][2] == expected


def test_a_description_speaker_finds_the_person_given_that_role(nlp: Language) -> None:
    text = (
        "Coroner Elsa Brandt examined the bodies on Sunday, and publicist Mira Tal "
        "spoke for the family. “The cause was smoke,” the coroner said. "
        "“The family asks for privacy,” the publicist said."
    )
    names = [name or "" for _, _, name in table(quotes_of(nlp, text))]
    assert [name.endswith(("Elsa Brandt", "Mira Tal")) for name in names] == [True, True]
    assert names[0] != names[1]


def test_quotation_marks_glued_to_words_still_bound_the_quote(nlp: Language) -> None:
    """Scraped pages often lose the space: `said,“Look` and `costs,”Imrie said`."""
    text = (
        "Council member Rosa Imrie said,“Look, the library stays open on Sundays.” "
        "“We found the money in the parks budget,”Imrie said."
    )
    assert table(quotes_of(nlp, text)) == [
        ("direct", "Look, the library stays open on Sundays.", "Rosa Imrie"),
        ("direct", "We found the money in the parks budget,", "Rosa Imrie"),
    ]


def test_a_quote_paragraph_signed_by_a_dash_and_a_name(nlp: Language) -> None:
    text = (
        "The candidates traded claims at the debate.\n\n"
        "“I warned about the crash before it came, and nobody listened.”\n\n"
        "- Orla Brennan.\n\nBrennan overstates her role."
    )
    assert table(quotes_of(nlp, text))[0][2] == "Orla Brennan"


def test_a_colon_that_ends_the_paragraph_introduces_the_quote(nlp: Language) -> None:
    text = (
        "Council member Rosa Imrie answered the critics on Tuesday.\n\nImrie stated:\n\n"
        "“The library stays open on Sundays. We found the money in the parks budget.”\n\n"
        "Added Imrie:\n\n“Nobody loses a job over this.”"
    )
    found = table(quotes_of(nlp, text))
    assert [(kind, name) for kind, _, name in found] == [
        ("direct", "Rosa Imrie"),
        ("direct", "Rosa Imrie"),
    ]


def test_a_quote_with_words_after_it_does_not_continue_the_paragraph_before(
    nlp: Language,
) -> None:
    text = (
        "“We start on Monday,” said site manager Ola Berg.\n\n"
        "“Every worker will be paid,” the billboard across the road reads in red letters."
    )
    names = [name for _, _, name in table(quotes_of(nlp, text))]
    assert names[0] == "Ola Berg" and "Ola Berg" not in names[1:]


def test_paragraph_spanning_quote_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Engineer Tomas Rigg described the repair. “The cable snapped at noon. We found it "
        "within the hour.\n\n“By evening the lights were back,” Rigg said."
    )
    found = [q for q in table(quotes_of(nlp, text)) if q[0] == "direct"]
    assert [name for _, _, name in found] == ["Tomas Rigg", "Tomas Rigg"]
    assert found[0][1].endswith("within the hour.")


def test_a_sentence_quoted_after_a_colon_belongs_to_what_introduced_it(nlp: Language) -> None:
    """The "She said" after the full stop starts a sentence of its own."""
    text = (
        "Speaking at the depot, ferry operator Lena Voss said: “We will run every crossing "
        "tomorrow.” She said that the harbour master Piotr Adler had approved the timetable."
    )
    [direct] = [q for q in table(quotes_of(nlp, text)) if q[0] == "direct"]
    assert direct[2] == "Lena Voss"


def test_quote_only_paragraph_continues_previous_speaker(nlp: Language) -> None:
    text = (
        "“Our schools need more teachers,” Governor Helen Marsh wrote on Tuesday.\n\n"
        "“Every child deserves a full classroom and a teacher who stays.”\n\n"
        "The budget vote is next week."
    )
    found = table(quotes_of(nlp, text))
    assert found[1] == (
        "direct",
        "Every child deserves a full classroom and a teacher who stays.",
        "Helen Marsh",
    )


def test_relay_gives_speaker_and_channel(nlp: Language) -> None:
    text = (
        "Canadian Prime Minister Lucas Moreau met the farmers on Monday.\n\n"
        "“We will protect the harvest this year,” Radio North quoted the Canadian prime "
        "minister as saying."
    )
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Lucas Moreau"
    assert quote.speaker.text == "the Canadian prime minister"
    assert quote.channel is not None and quote.channel.text == "Radio North"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Senator Paula Grant spoke after the vote. Grant said that the bill would pass "
            "next month.",
            "that the bill would pass next month",
            "Paula Grant",
        ),
        (
            "The harbour master, Ivan Petrov, warned that the storm would close the port.",
            "that the storm would close the port",
            "Ivan Petrov",
        ),
        (
            "According to Marta Lindqvist, the ferry will run again on Monday.",
            "the ferry will run again on Monday",
            "Marta Lindqvist",
        ),
        (
            "Water levels fell by a metre overnight, according to engineer Tomas Berg.",
            "Water levels fell by a metre overnight",
            "Tomas Berg",
        ),
        (
            "The ferry will not run on Monday, harbour master Ivan Petrov said.",
            "The ferry will not run on Monday",
            "Ivan Petrov",
        ),
        (  # the parser hangs the speaker on "Osterby" as an apposition
            "Most ferries stayed in the harbour at Osterby, the port's director, Lena Falk, said.",
            "Most ferries stayed in the harbour at Osterby",
            "Lena Falk",
        ),
        (  # the parser hangs the name on "service", the noun of the "of" phrase
            "The head of the coastal rescue service, Jonas Rehm, said that the crews had "
            "reached the boat within an hour.",
            "that the crews had reached the boat within an hour",
            "Jonas Rehm",
        ),
        (  # the role comes from the apposition, the name from the sentence before
            "Osterland's finance minister, Paula Grant, presented the budget on Monday.\n\n"
            "The finance minister said that taxes would not rise.",
            "that taxes would not rise",
            "Paula Grant",
        ),
        (  # "the company" of an article that names one company
            "Tarrow Systems closed its plant in Lenby on Monday. The closure could not be "
            "avoided, the company said.",
            "The closure could not be avoided",
            "Tarrow Systems",
        ),
        (  # a coordinated verb that reports nothing of its own goes on with the report
            "The river rose by two metres overnight and was expected to peak on Wednesday "
            "evening, engineer Tomas Berg said.",
            "The river rose by two metres overnight and was expected to peak on Wednesday evening",
            "Tomas Berg",
        ),
        (  # the parser makes the reported clause a second subject of "said"
            "Harbour master Ivan Petrov closed the quay. About 300 people spent Tuesday night "
            "in emergency shelters, Petrov said.",
            "About 300 people spent Tuesday night in emergency shelters",
            "Ivan Petrov",
        ),
        (
            "Lindqvist: Ferry Service Will Resume Next Week\n\n"
            "Transport minister Marta Lindqvist spoke in Osterby on Tuesday.",
            "Ferry Service Will Resume Next Week",
            "Marta Lindqvist",
        ),
    ],
)
def test_indirect(nlp: Language, text: str, content: str, name: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found] == [(content, name)]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "Mayor Paula Grant said that the bridge would reopen in May, and that tolls would "
            "be cut.",
            ["that the bridge would reopen in May", "that tolls would be cut"],
        ),
        (  # "promised" hangs on "approved" in the parse, and still has Grant as its subject
            "Paula Grant said the council had approved the budget, and promised that taxes "
            "would not rise.",
            ["the council had approved the budget", "that taxes would not rise"],
        ),
    ],
)
def test_two_utterances_in_one_sentence_are_two_quotes(
    nlp: Language, text: str, contents: list[str]
) -> None:
    assert table(quotes_of(nlp, text)) == [("indirect", c, "Paula Grant") for c in contents]


def test_a_verb_that_frames_a_quotation_reports_no_clause(nlp: Language) -> None:
    text = 'The council voted for the plan, a step mayor Paula Grant described as "a fresh start".'
    assert table(quotes_of(nlp, text)) == [("partial", "a fresh start", "Paula Grant")]


def test_offsets_point_into_the_text(nlp: Language) -> None:
    text = "“One,” said Judge Ruth Avery. “Two.”\n\nShe added that three was next."
    for quote in quotes_of(nlp, text):
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.speaker, quote.cue, quote.channel):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_outlet_is_a_channel_not_a_speaker(nlp: Language) -> None:
    text = "“The plant will close in May,” manager Oskar Lind told the Daily Courier."
    (quote,) = quotes_of(nlp, text, outlet="Daily Courier")
    assert quote.speaker is not None and quote.speaker.name == "Oskar Lind"
    assert quote.channel is not None and "Daily Courier" in quote.channel.text


def test_scare_quotes_without_speaker_are_left_out(nlp: Language) -> None:
    assert quotes_of(nlp, "The so-called “green wall” was built in 2020.") == []


def _seed_articles() -> list[Article]:
    return [a for a in read([str(shared_path("corpus/seeds"))]) if isinstance(a, Article)]


@pytest.mark.slow
def test_seeds_gold(nlp: Language) -> None:
    """Every gold quote of the two reference articles, with the right speaker."""
    gold = json.loads(shared_path("corpus/seeds.gold.json").read_text(encoding="utf-8"))
    canon = {
        alias.lower(): person
        for person, aliases in gold["people"].items()
        for alias in [person, *aliases]
    }
    missing = []
    for article in _seed_articles():
        doc = nlp(article.text)
        quotes = find_quotes(doc, article, entities=find_entities(doc, article))
        for item in gold["articles"][Path(article.source or article.id).name]["quotes"]:
            if not any(
                seed_overlap(q.text, item["text"])
                and person_of(q.speaker.name if q.speaker else None, canon) == item["speaker"]
                for q in quotes
            ):
                missing.append(f"#{item['n']} {item['speaker']}")
    assert missing == []


@pytest.mark.parametrize(
    "headline",
    [
        "Update: Ferry Service Will Resume Next Week",
        "Osterby: Ferry Service Will Resume Next Week",
        "Lindqvist: Ferry Back",
    ],
)
def test_a_headline_label_or_place_is_no_speaker(nlp: Language, headline: str) -> None:
    text = headline + "\n\nTransport minister Marta Lindqvist spoke in Osterby on Tuesday."
    assert [q for q in quotes_of(nlp, text) if q.kind == "indirect"] == []


def speaker_of(quote: Quote) -> str | None:
    """The resolved name of a quote's speaker, else the words naming it."""
    return (quote.speaker.name or quote.speaker.text) if quote.speaker else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb and a colon ending the paragraph before introduce the quote.
        (
            "The council voted on Tuesday. Mayor Ana Pop released the following statement:"
            "\n\n“We will rebuild the bridge before the winter comes.”",
            "Ana Pop",
        ),
        # A no-break space between the closing mark and an inverted cue.
        (
            "Mayor Ana Pop spoke to the council.\n\n"
            "“We will rebuild the bridge before the winter,”\xa0added Pop.",
            "Ana Pop",
        ),
        # ... or between the comma of the cue and the opening mark: the quote is a sentence
        # of its own, and "The engineer" starts the next one.
        (
            "Mayor Ana Pop said,\xa0“We will rebuild the bridge before the winter.” "
            "The engineer then described the repairs.",
            "Ana Pop",
        ),
        (
            "Mayor Ana Pop said, “We will rebuild the bridge before the winter.” "
            "The engineer then described the repairs in detail.",
            "Ana Pop",
        ),
        # An infinitive shares the subject of the verb it completes.
        (
            "Mayor Ana Pop thanked the crews.\n\n"
            "Pop went on to say, “We will rebuild the bridge before the winter comes.”",
            "Ana Pop",
        ),
        (
            "Councillor Tomas Rigg tried to rescue the ferry plan by saying, "
            "“The ferry costs less than a new bridge.”",
            "Tomas Rigg",
        ),
        # "upon", tagged as a conjunction, still takes the participle to the verb before.
        (
            "Councillor Tomas Rigg lost the room upon saying, "
            "“The ferry costs less than a new bridge.”",
            "Tomas Rigg",
        ),
        # A reporting participle the parser hung on the reported clause.
        (
            "Councillor Tomas Rigg told the paper that the council had failed the town, "
            "adding, “Nobody read the engineers' report.”",
            "Tomas Rigg",
        ),
        # "what" is not a speaker: the verb before it is the cue.
        (
            "Mayor Ana Pop spoke on Friday about what went wrong at the bridge: “We should "
            "have shut it a week sooner. The fault is mine alone.”",
            "Ana Pop",
        ),
        # Phrasal reporting verbs.
        (
            "Councillor Tomas Rigg accused the mayor of waste. Ana Pop shot back, "
            "“The councillor voted for every one of these budgets.”",
            "Ana Pop",
        ),
        (
            "As harbour master Piotr Adler put it, “The tide does not wait for the council.”",
            "Piotr Adler",
        ),
        (
            "As harbour master Piotr Adler pointed out on Monday, "
            "“The tide does not wait for the council.”",
            "Piotr Adler",
        ),
        # A statement issued or released: its author speaks.
        (
            "Mayor Ana Pop issued a statement, “We will rebuild the bridge before the winter.”",
            "Ana Pop",
        ),
        (
            "Mayor Ana Pop released a statement saying, "
            "“We will rebuild the bridge before the winter comes.”",
            "Ana Pop",
        ),
        # A reporting verb with nothing reported, in the sentence before the quote.
        (
            "Mayor Ana Pop said in a statement. “The count is final and the result stands.”",
            "Ana Pop",
        ),
        # What is written on something "reads".
        ("“The bridge stays closed until spring,” the notice read.", "notice"),
        # ... even when the tagger takes "read" for a noun.
        (
            "Editors of the Eastquay Courier wrote about the bridge.\n\n“Nobody on the "
            "council has walked across it since the storm,” the editorial read.",
            "editorial",
        ),
        # Names the tagger took for an adverb, or for part of the verb.
        (
            "“The ledger of the harbour board is a mess that nobody could audit,” "
            "said Quelly, explaining he had worked with the clerk.",
            "Quelly",
        ),
        (
            "When someone in the hall shouted, “Ferry,” Quist joked, again using a mock accent, "
            "“Bring your own oars and a towel!”",
            "Quist",
        ),
        # A participle in the speaker's description does not end the search for the cue.
        (
            'Moya phoned voters from her kitchen.\n\n"This is a volunteer for the ferry '
            'referendum. Will you vote on Sunday?" Moya, a retired worker from a paper mill, '
            "said into the phone.",
            "Moya",
        ),
        # A speaker set off by a comma and described at length, with verbs of its own.
        (
            "“The ferry vote will turn on the mill towns,” Ola Brandt, the statistician who "
            "started the Eastland survey posted on Wednesday.",
            "Ola Brandt",
        ),
        (
            "“Sharp question, a really sharp question from this man,” Varga, the county's "
            "longest serving mayor and the chair of the ferry board since winning the spring "
            "vote, said when Lund raised his hand.",
            "Varga",
        ),
        # A speech verb's bare form after a plural subject, which the tagger read as a noun.
        ("“The ferry has to run in the winter too,” the two write in their letter.", "the two"),
        ("“The ferry has to run in the winter too,” the Swedes state in their letter.", "Swedes"),
        # A reporting participle the parser hung on a verb inside the quote it introduces...
        (
            "Kolar did not seem terribly pleased with the council’s vote Tuesday, telling "
            "reporters, “Many people said the harbour master should resign.”",
            "Kolar",
        ),
        # ... or on a verb of the clause its speaker reports.
        (
            "Even a veteran harbour pilot said Kolar will have to decide which camp she is in, "
            "saying, “Sooner or later she must tell the town what she thinks of the ferry.”",
            "a veteran harbour pilot",
        ),
        # A passive cue: who asks is the agent, not the subject; a relay keeps its speaker.
        (
            "Kolar was asked by radio host Ola Brandt, who supports the ferry plan, “Last "
            "spring you called the bridge a waste. Do you still think so?”",
            "Ola Brandt",
        ),
        (
            "Kolar was quoted by the Courier as saying, “The bridge is a waste of money and time.”",
            "Kolar",
        ),
        # A reporting verb with a clause of its own after a quote that ends a sentence starts
        # the next sentence: the quote keeps its paragraph's speaker.
        (
            '"We lost a good boat today," Kolar told reporters on the quay in Osterby. "The '
            'storm came faster than anyone had said it would." Harbour chief Tomas Rigg said he '
            "would have kept the fleet in port.",
            "Kolar",
        ),
        # A quote after "X agreed.", or opening the paragraph after "X issued a statement".
        (
            "Tomas Rigg doubted the count. Osterby University's Ana Pop agreed. “The count is "
            "not final and the result may change.”",
            "Ana Pop",
        ),
        (
            "The harbour board issued a statement apologizing to the ferry crews for the "
            "delays, which had lasted a month.\n\n“The board regrets every lost day at sea and "
            "will pay the crews for each of them. The new schedule starts in May.”",
            "The harbour board",
        ),
        # A speaker written as an age, which the tagger heads with an adjective.
        (
            "“Who taught the mayor to row?” the 61-year-old asked under the video.",
            "the 61-year-old",
        ),
        # A reporting infinitive of purpose takes the subject of the verb it serves.
        (
            "The clerk, Ivo Lind, interrupted the meeting to announce, “The ferry is cancelled "
            "for the week.”",
            "Ivo Lind",
        ),
        # A transcript label whose bracket the tokenizer glued to an abbreviation and colon.
        (
            'The hearing went on for hours.\n\nRep. Ana Pop (U-E.Q.):"Where did the figure of '
            'ten crossings come from? Who gave it to you?"',
            "Ana Pop",
        ),
        # A "was" before the colon introduces the quote, unless it is a relative clause's.
        (
            "The harbour board was blunt in its report: “Further counting of the crossings is "
            "not needed.”",
            "The harbour board",
        ),
        (
            "Lind thanked Ivo Pop, who was in charge of the count: “Ivo is careful with numbers. "
            "He counts every boat.”",
            "Lind",
        ),
        # A number that stands for one of those just mentioned.
        (
            "The marchers carried signs. “Save the ferry,” read one. Another banner said "
            "“Build the bridge.”",
            "one",
        ),
        # A quote after a colon whose sentence goes on in lower case, with a cue after a verb
        # of hearing: the one heard asking speaks, not the colon's subject.
        (
            "The harbour office kept the recording, and the Courier has heard it:\n\n“Why is "
            "the ferry late again?” a clerk is heard asking the captain.",
            "a clerk",
        ),
        # A name the tagger read as a modal verb.
        ("“The bridge will stand for a century and the ferry will not,” May wrote.", "May"),
        # A question after a sentence whose main verb reports speech, in the same paragraph.
        (
            "Ana Pop mentioned that the ferry had been late twice this month. “Why should "
            "anyone trust the schedule?”",
            "Ana Pop",
        ),
    ],
)
def test_cues_the_parse_hides(nlp: Language, text: str, expected: str) -> None:
    """Each the shape of a cue the parser or the tagger made hard to see."""
    assert speaker_of([q for q in quotes_of(nlp, text) if q.kind == "direct"][-1]) == expected


def test_transcript_lines_name_their_speaker_before_a_colon(nlp: Language) -> None:
    """A bracketed label between the name and the colon, and a line the parser ran on from the
    question before (which made the name the object of its "told")."""
    text = (
        "The hearing went on for hours.\n\n"
        'Senator Ana Pop (Unity): "Where does the figure of ten crossings a day come from? '
        'Who told you so?"\n\nHarbour chief Tomas Rigg:"The board counted them in its own '
        'logbooks."'
    )
    assert [q[2] for q in table(quotes_of(nlp, text))] == ["Ana Pop", "Tomas Rigg"]


def hand_parsed(nlp: Language, rows: str, lemmas: dict[str, str]) -> Doc:
    """A parse written by hand, one token a line: ``word POS head dep`` (``_`` after the word
    when a space follows it, ``¶`` for a paragraph break): to pin down a slip the model makes
    on some sentences."""
    table_ = [line.split() for line in rows.strip().splitlines()]
    words = [r[0].replace("¶", "\n\n") for r in table_]
    spaced = [r[1] == "_" for r in table_]
    fields = [r[2:] if spaced[k] else r[1:] for k, r in enumerate(table_)]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaced,
        pos=[f[0] for f in fields],
        heads=[int(f[1]) for f in fields],
        deps=[f[2] for f in fields],
        lemmas=[lemmas.get(w, w.lower()) for w in words],
    )


def quotes_of_parse(doc: Doc) -> list[Quote]:
    article = make_article({"id": "t", "text": doc.text}, default_id="t", source="test")
    return find_quotes(doc, article, entities=())


def test_an_inverted_cue_the_tagger_read_as_a_participle(nlp: Language) -> None:
    """`"...," tweeted Osterby spokesman Ivo Lind.` with "tweeted" read as a modifier of the
    name: the cue opens the trailing words, and the speaker is the spokesman named after the
    title, not the town before it."""
    doc = hand_parsed(
        nlp,
        """
        " PUNCT 2 punct
        Ferry _ NOUN 2 compound
        notes NOUN 2 ROOT
        , PUNCT 2 punct
        " _ PUNCT 9 punct
        tweeted _ VERB 7 amod
        Osterby _ PROPN 7 compound
        spokesman _ NOUN 9 compound
        Ivo _ PROPN 9 compound
        Lind PROPN 2 appos
        . PUNCT 2 punct
        """,
        {"tweeted": "tweet"},
    )
    assert table(quotes_of_parse(doc)) == [("direct", "Ferry notes,", "Ivo Lind")]


def test_a_speaker_with_a_relative_clause_the_parser_made_an_apposition(nlp: Language) -> None:
    """`..., an official who spoke anonymously said, "..."` with "official" hung on the noun
    before it and "said" left without a subject: the described noun speaks."""
    doc = hand_parsed(
        nlp,
        """
        No _ DET 1 det
        link _ NOUN 1 ROOT
        with _ ADP 1 prep
        Lind PROPN 5 poss
        's _ PART 3 case
        team PROPN 2 pobj
        , _ PUNCT 5 punct
        an _ DET 8 det
        official _ NOUN 5 appos
        who _ PRON 10 nsubj
        spoke _ VERB 8 relcl
        anonymously _ ADV 10 advmod
        said VERB 12 ROOT
        , _ PUNCT 12 punct
        " PUNCT 17 punct
        There _ PRON 16 expl
        are _ AUX 12 ccomp
        talks NOUN 16 attr
        . PUNCT 12 punct
        " PUNCT 12 punct
        """,
        {"said": "say", "spoke": "speak", "are": "be"},
    )
    assert speaker_of(quotes_of_parse(doc)[-1]) == "an official"


def test_a_question_announced_at_the_end_of_the_paragraph_before(nlp: Language) -> None:
    """`She then put a question to the workers.` / the question: the sentence that announces
    it names the speaker (not the last quote's mention of her)."""
    text = (
        "“We will finish the bridge,” Mayor Ana Pop said. She then put a question to the "
        "harbour workers.\n\n“Who is going to pay for it?”"
    )
    last = direct_quotes(nlp, text)[-1]
    assert last.speaker is not None and last.speaker.text == "She"
    assert last.speaker.name == "Ana Pop"


def test_the_writers_and_i_quote_is_no_cue(nlp: Language) -> None:
    text = "At the meeting Ana Pop said, and I quote, “The ferry is a relic of the last century.”"
    assert speaker_of(direct_quotes(nlp, text)[-1]) == "Ana Pop"


def test_a_new_sentence_after_an_exclamation_is_not_the_quotes_cue(nlp: Language) -> None:
    """`"...!" Former rival Ed Bors shared ...`: the capital opens the next sentence, whose
    verb is no reporting verb; the quote goes on with the speaker of its paragraph."""
    text = (
        "On Friday Mayor Ana Pop posted a photo of a ferry. “Happy spring!” she wrote. “The "
        "best boats are built in Osterby. I love sailors!” Former rival Ed Bors shared the post "
        "with a frown."
    )
    assert [speaker_of(q) for q in direct_quotes(nlp, text)] == ["Ana Pop", "Ana Pop"]


def test_a_quote_running_into_the_next_paragraph_takes_the_cue_that_closes_it(
    nlp: Language,
) -> None:
    """`"A," Pop said. "B <new paragraph> "C," she added.`: B and C are one quotation, closed
    by "she added", not a second part of A."""
    text = (
        "“The bridge is safe,” Mayor Ana Pop said at the harbour. “The ferry, on the other "
        "hand, is old and slow.\n\n“It needs a new engine before the winter,” she added."
    )
    found = direct_quotes(nlp, text)
    assert [q.speaker.text if q.speaker else None for q in found] == ["Mayor Ana Pop", "she", "she"]
    assert [speaker_of(q) for q in found] == ["Ana Pop"] * 3


def test_a_relative_clause_on_a_description_beside_a_name(nlp: Language) -> None:
    """`Lind, a ferryman who wrote that ...`: who speaks is the named person, not the
    description the relative clause hangs on."""
    text = (
        "Ivo Lind, a retired ferryman who wrote that the bridge was “a scar on the bay and a "
        "waste of money,” has kept quiet."
    )
    found = quotes_of(nlp, text)
    assert found and all(q.speaker is not None and q.speaker.text == "Ivo Lind" for q in found)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The vote on the bridge means "the ferry is finished," said Ana Pop, the harbour '
            "master.",
            "Ana Pop",
        ),
        (
            "The real cost of the vote, said Ana Pop, the harbour master, will be "
            '"a ferry we cannot replace."',
            "Ana Pop",
        ),
        # Whom it was told to does not speak.
        ("The ferry will stop in May, Mayor Tomas Berg told Radio Osterby.", "Mayor Tomas Berg"),
    ],
)
def test_an_inverted_cue_after_a_comma_takes_the_name_after_it(
    nlp: Language, text: str, speaker: str
) -> None:
    found = quotes_of(nlp, text)
    assert found and all(q.speaker is not None and q.speaker.text == speaker for q in found)


def test_a_time_the_parser_took_for_the_subject(nlp: Language) -> None:
    """`11:05 a.m. / The aide says ...` with the time heading the subject and the aide hung on
    it: the aide speaks, not the time."""
    doc = hand_parsed(
        nlp,
        """
        11:05 _ NUM 1 nummod
        a.m. NOUN 5 nsubj
        ¶ SPACE 1 dep
        The _ DET 4 det
        aide _ NOUN 1 appos
        says _ VERB 5 ROOT
        the _ DET 7 det
        ferry _ NOUN 9 nsubj
        will _ AUX 9 aux
        return VERB 5 ccomp
        . PUNCT 5 punct
        """,
        {"says": "say"},
    )
    doc.ents = [Span(doc, 0, 2, label="TIME")]
    found = quotes_of_parse(doc)
    assert [q.speaker.text if q.speaker else None for q in found] == ["The aide"]


def test_a_title_the_tagger_read_as_a_verb(nlp: Language) -> None:
    """`"...," ferryman Ivo Lind wrote.` with "ferryman" tagged as a verb that takes the name
    as its object: the name between it and the reporting verb speaks."""
    doc = hand_parsed(
        nlp,
        """
        " PUNCT 3 punct
        The _ DET 2 det
        plan _ NOUN 3 nsubj
        fails VERB 9 ccomp
        , PUNCT 3 punct
        " _ PUNCT 6 punct
        ferryman _ VERB 9 parataxis
        Ivo _ PROPN 8 compound
        Lind _ PROPN 6 dobj
        wrote VERB 9 ROOT
        . PUNCT 9 punct
        """,
        {"wrote": "write", "fails": "fail"},
    )
    assert table(quotes_of_parse(doc)) == [("direct", "The plan fails,", "Ivo Lind")]


def test_a_name_the_tagger_read_as_a_verb_before_a_title(nlp: Language) -> None:
    """`"...," Osterby deputy mayor Ivo Lind admitted.` with the town read as a verb heading
    the sentence: the name after the title speaks."""
    doc = hand_parsed(
        nlp,
        """
        " PUNCT 6 punct
        It _ PRON 2 nsubj
        is _ AUX 6 ccomp
        over ADV 2 advmod
        , PUNCT 6 punct
        " _ PUNCT 6 punct
        Osterby _ VERB 6 ROOT
        deputy _ ADJ 8 amod
        mayor _ NOUN 10 compound
        Ivo _ PROPN 10 compound
        Lind _ PROPN 11 nsubj
        admitted VERB 6 ccomp
        . PUNCT 6 punct
        """,
        {"admitted": "admit", "is": "be"},
    )
    assert table(quotes_of_parse(doc)) == [("direct", "It is over,", "Ivo Lind")]


def test_a_participle_hung_on_whom_the_message_went_to(nlp: Language) -> None:
    """`The union sent a letter to members saying "..."` with "saying" hung on "members": who
    sent the letter speaks."""
    doc = hand_parsed(
        nlp,
        """
        The _ DET 1 det
        union _ NOUN 2 nsubj
        sent _ VERB 2 ROOT
        a _ DET 4 det
        letter _ NOUN 2 dobj
        to _ ADP 2 dative
        members _ NOUN 5 pobj
        saying _ VERB 6 acl
        " PUNCT 11 punct
        The _ DET 10 det
        strike _ NOUN 11 nsubj
        ends VERB 7 ccomp
        . PUNCT 2 punct
        " PUNCT 2 punct
        """,
        {"sent": "send", "saying": "say", "ends": "end", "members": "member"},
    )
    assert speaker_of(quotes_of_parse(doc)[-1]) == "The union"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "The former mayor has kept quiet all spring. From Ana Pop's post on Friday: "
            '"The bridge has split this town long enough, and I will vote for the one who can '
            'mend it."',
            "Pop",
        ),
        (
            "The harbour clerk wrote to the mayor in May about the broken crane. Ines Kolar's "
            'reply was: "Which crane, the old one or the new one?"',
            "Kolar",
        ),
    ],
)
def test_whose_reply_or_post_is_quoted_speaks(nlp: Language, text: str, surname: str) -> None:
    speaker = speaker_of(direct_quotes(nlp, text)[-1])
    assert speaker is not None and speaker.endswith(surname)


def direct_quotes(nlp: Language, text: str) -> list[Quote]:
    return [q for q in quotes_of(nlp, text) if q.kind == "direct"]


def test_a_cue_hung_on_a_verb_of_the_paragraph_before(nlp: Language) -> None:
    """`Pop drafted it. / "Staff copied it," read the statement.` with "read" coordinated with
    "drafted" across the paragraph break: the statement speaks, not Pop."""
    doc = hand_parsed(
        nlp,
        """
        Pop _ PROPN 1 nsubj
        drafted _ VERB 1 ROOT
        it PRON 1 dobj
        . PUNCT 1 punct
        ¶ SPACE 3 dep
        " PUNCT 7 punct
        Staff _ NOUN 7 nsubj
        copied _ VERB 11 ccomp
        it PRON 7 dobj
        , PUNCT 7 punct
        " _ PUNCT 7 punct
        read _ VERB 1 conj
        the _ DET 13 det
        statement NOUN 11 dobj
        . PUNCT 11 punct
        """,
        {"drafted": "draft", "copied": "copy"},
    )
    assert speaker_of(quotes_of_parse(doc)[-1]) == "the statement"


def test_a_signature_with_a_place_and_a_glued_dash(nlp: Language) -> None:
    text = (
        "The debate ran late.\n\n"
        "“I warned about the crash before it came, and nobody listened.”\n\n"
        "-Orla Brennan, Eastquay."
    )
    assert table(quotes_of(nlp, text))[0][2] == "Orla Brennan"


def test_a_relative_pronoun_after_a_quote_is_no_speaker(nlp: Language) -> None:
    text = (
        "Singer Ola Berg took the stage. "
        "Vik Moya interjected, “Please welcome our guest, Ola Berg,” who then began to sing."
    )
    found = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [speaker_of(q) for q in found] == ["Vik Moya"]


def test_a_speakers_name_is_kept_as_written(nlp: Language) -> None:
    """A hyphenated name stays one word: "Anti-Fraud Office", not "Anti - Fraud Office"."""
    quotes = quotes_of(nlp, "The Anti-Fraud Office said it was confident the ruling would stand.")
    assert quotes and quotes[0].speaker is not None
    assert "Anti-Fraud Office" in (quotes[0].speaker.name or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speech verb the tagger reads as a noun before the colon.
        ("The charter is short. Section 4 states: “No member shall close a harbour.”", "Section"),
        # `Here's X:` puts X's words on show.
        (
            "The mayor has changed her mind before. Here’s Pop at a council meeting last "
            "spring: “No member of this council will close the harbour in winter.”",
            "Pop",
        ),
        # `From the ruling:` quotes a document.
        (
            "The study is long. From the ruling: “In general, the harbours with more crews were "
            "cleaner.”",
            "the ruling",
        ),
        # Not whom the words were sent to.
        (
            "Mayor Ana Pop sent a short note to Ivo Lind: “Stop blaming the harbour crews "
            "for the delays.”",
            "Ana Pop",
        ),
        # `X as follows:` ending the paragraph before: the transcript or statement speaks, and
        # a speaker label inside the quote is not its name.
        (
            "Ana Pop spoke to the council on Monday night. Partial transcript as follows:\n\n"
            "“POP: We will not close the port. Not this year, and not while I am the mayor.”",
            "Partial transcript",
        ),
        (
            "The mayor wrote to the ferry crews on Monday. Her full statement follows:\n\n"
            "“The port will stay open for as long as I am mayor, and I will fight any plan to "
            "close it.”",
            "Her full statement",
        ),
    ],
)
def test_what_the_words_before_a_colon_name_as_the_source(
    nlp: Language, text: str, expected: str
) -> None:
    assert speaker_of(direct_quotes(nlp, text)[-1]) == expected


def test_a_cue_whose_paragraph_the_parser_ran_on_from_the_one_before(nlp: Language) -> None:
    """`The Courier reports it. / Courier columnist Pop, in a letter, wrote, "..."` with the
    name and "wrote" hung on "reports" and a verb of the quote too: the noun phrase that opens
    the cue's paragraph speaks, not the subject of the paragraph before."""
    doc = hand_parsed(
        nlp,
        """
        The _ DET 1 det
        Courier _ PROPN 2 nsubj
        reports _ VERB 2 ROOT
        it PRON 2 dobj
        . PUNCT 2 punct
        ¶ SPACE 4 dep
        Courier _ PROPN 8 compound
        columnist _ NOUN 8 compound
        Pop PROPN 2 dobj
        , _ PUNCT 2 punct
        in _ ADP 2 prep
        a _ DET 12 det
        letter NOUN 10 pobj
        , _ PUNCT 2 punct
        wrote VERB 2 dep
        , _ PUNCT 14 punct
        " PUNCT 18 punct
        Ferries _ NOUN 18 nsubj
        are _ AUX 14 ccomp
        late ADJ 18 acomp
        . _ PUNCT 18 punct
        Staff _ NOUN 22 nsubj
        left VERB 2 dep
        . PUNCT 22 punct
        " PUNCT 22 punct
        """,
        {"reports": "report", "wrote": "write", "are": "be", "left": "leave"},
    )
    assert speaker_of(quotes_of_parse(doc)[-1]) == "Pop"


def test_a_quote_running_over_three_paragraphs_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Pop said the harbour would stay open.\n\n“We have the money,” she said.\n\n"
        "“And we have the crews. The work starts on Monday.\n\n“Nobody will lose a job.”"
    )
    found = direct_quotes(nlp, text)
    assert [q.speaker.text if q.speaker else None for q in found] == ["she", "she", "she"]


def test_a_name_the_parser_hung_on_a_verb_of_its_own_before_the_cue(nlp: Language) -> None:
    """`Ivo Lind, playing the mayor, explained: "..."` with the given name read as a verb whose
    object is the surname, and "explained" left without a subject: the noun phrase opening the
    sentence speaks."""
    doc = hand_parsed(
        nlp,
        """
        Ivo _ PROPN 7 advcl
        Lind PROPN 0 dobj
        , _ PUNCT 0 punct
        playing _ VERB 0 advcl
        the _ DET 5 det
        mayor NOUN 3 dobj
        , _ PUNCT 7 punct
        explained VERB 7 ROOT
        : _ PUNCT 7 punct
        " PUNCT 11 punct
        We _ PRON 11 nsubj
        stay _ VERB 7 ccomp
        in _ ADP 11 prep
        the _ DET 14 det
        harbour NOUN 12 pobj
        . PUNCT 11 punct
        " PUNCT 11 punct
        """,
        {"explained": "explain", "playing": "play"},
    )
    assert speaker_of(quotes_of_parse(doc)[-1]) == "Lind"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Pop said the plan was sound.\n\n“Nobody has lost a single day of work,” "
        "she said. “The crews are ready for the winter.” She announced three new ferries for "
        "the spring.",
        "Ivo Lind, who runs the harbour fund, has cheered on the crews online with slogans like "
        "“The harbour will carry the vote and keep every berth.” Pop has also promised a pay "
        "rise to the crews.",
    ],
)
def test_a_verb_with_an_object_after_a_full_stop_starts_a_new_sentence(
    nlp: Language, text: str
) -> None:
    """After a quote that ends with a full stop, `She announced three new ferries` is the next
    sentence, not the quote's cue."""
    found = quotes_of(nlp, text)
    assert all(q.cue is None or q.cue.text not in ("announced", "promised") for q in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Never,” came the answer from Ana Pop.", "Ana Pop"),
        (
            "“Open the gates,” came the shouts from the crowd outside the harbour office.",
            "the crowd",
        ),
        ("“We will look at it,” came the reply from the mayor’s office.", "the mayor’s office"),
        ("“The port stays open,” a letter from Ana Pop to the dockers said.", "Ana Pop"),
        # A place in the room is not whom the cry came from; nor does a reply with no "from".
        ("“Call the vote!” came a cry from the back of the hall.", "a cry"),
        ("Lind asked about the port. “Not this year,” came the reply.", "the reply"),
    ],
)
def test_whom_an_utterance_came_from_speaks(nlp: Language, text: str, expected: str) -> None:
    assert speaker_of(direct_quotes(nlp, text)[-1]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The named subject above the pronoun's clause, not the nearer name of whom she told.
        (
            "On Friday, Senator Mara Velk told host Ana Pop she believed that the port would "
            "reopen.",
            "Mara Velk",
        ),
        # ... nor the owner of what she endorsed.
        (
            "Erin Holm, the harbour's lawyer, endorsed Ana Pop's plan on Monday, saying she "
            "believed “we need to focus on the crews.”",
            "Erin Holm",
        ),
        # A subject above that does not agree leaves the pronoun to the text order.
        (
            "Mara Velk chaired the meeting. Ivo Lind said the vote was fair, and the next day "
            "she wrote that the crews “were never asked.”",
            "Mara Velk",
        ),
    ],
)
def test_a_pronoun_speaker_takes_the_named_subject_above_its_clause(
    nlp: Language, text: str, expected: str
) -> None:
    assert table(quotes_of(nlp, text))[-1][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "per" as "according to", and whom the statement came from.
        ("“The port will stay open,” per Ana Pop.", "Ana Pop"),
        ("“The port will stay open,” per a statement from Ana Pop’s office.", "Ana Pop’s office"),
        # So does "according to" (a statement, an email from someone).
        ("“The port will reopen,” according to a statement from Ana Velk.", "Ana Velk"),
        # Whose words (the lemma of "words" is "word").
        ("Ana Pop’s words: “The port will stay open.”", "Ana Pop"),
        # `X on Y:` as headlines and live blogs put it; not a place and a day.
        (
            "Mayor Ana Pop on the ferry strike: “It will end tonight, whatever the board says.”",
            "Ana Pop",
        ),
        ("Osterby on Monday: “The port is closed until further notice, said the board.”", None),
        # A signature after a dash on the quote's own line.
        ("“The port will stay open, and I will see to it.” — Ana Pop, mayor of Osterby", "Ana Pop"),
        ("“I will fight for you!” — Pop said to cheers.", "Pop"),
        # A quotation set into a sentence between dashes: not the verb after it.
        (
            "When Ana Pop finally wrapped up — “I will fight for you!” — the lights came down.",
            "Ana Pop",
        ),
    ],
)
def test_sources_named_without_a_reporting_verb(
    nlp: Language, text: str, expected: str | None
) -> None:
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes[0]) == expected


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        # The parser hangs the name on the place before it, as an apposition.
        (
            "Production of the plant's diesel engines will move to a factory in Slovakia, "
            "chief executive Ines Kawe said.",
            "Production of the plant's diesel engines will move to a factory in Slovakia",
            "Ines Kawe",
        ),
        # The parser hangs the title on the place before it: the title is the speaker's.
        (
            "Production of the plant's diesel engines will move to a factory in Slovakia, "
            "chief executive Agathe Lindqvist said.",
            "Production of the plant's diesel engines will move to a factory in Slovakia",
            "Agathe Lindqvist",
        ),
        # The parser makes the reported noun a loose dependant of "said".
        (
            "About 40,000 litres of oil leaked from two ruptured tanks, the regional water "
            "agency said.",
            "About 40,000 litres of oil leaked from two ruptured tanks",
            None,
        ),
    ],
)
def test_an_attribution_that_ends_the_sentence_reports_what_comes_before_it(
    nlp: Language, text: str, said: str, speaker: str | None
) -> None:
    ((kind, quoted, name),) = table(quotes_of(nlp, text))
    assert (kind, quoted, name) == ("indirect", said, speaker)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model labels the man an organisation, or finds no entity in him at all: his "he"
        # still finds him, not the woman named after him.
        (
            "Ivo Brandt met Lena Sorvik at the harbour on Tuesday. "
            "“We talked about the ferries,” he said.",
            "Ivo Brandt",
        ),
        (
            "Nora Fisk said that Ivo Lind had agreed. “I agree with her,” he said later.",
            "Ivo Lind",
        ),
        (
            "Mira Tal said nothing was signed. Ivo Lind disagreed.\n\n“It is done,” he said.",
            "Ivo Lind",
        ),
        # ... or cuts it short ("Velk" as an organisation, "Ana" left out).
        (
            "Ana Velk runs the ferries. Her brother, Ivo Lind, runs the cafe. Velk is not "
            "worried. “The port will reopen,” she said.",
            "Ana Velk",
        ),
        # A title inside the name is no part of it, nor a role the title list lacks.
        ("“The strike is over,” Osterby Mayor Ivo Lind said on Monday.", "Ivo Lind"),
        ("Moderator Ivo Lind asked: “Will you quit the race?”", "Ivo Lind"),
        (
            "Treasurer Greta Moll said there was no money left. “We have spent everything,” "
            "she said.",
            "Greta Moll",
        ),
        # A description the entity step resolved to the one person the article gives that role.
        (
            "Lena Sorvik was appointed finance minister in March.\n\n"
            "“The budget is tight,” the minister said.",
            "Lena Sorvik",
        ),
    ],
)
def test_a_speaker_the_model_did_not_label_a_person(
    nlp: Language, text: str, expected: str
) -> None:
    assert table(quotes_of(nlp, text))[-1][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # When it was said is no inverted speaker: `said Monday` after the speaker's apposition.
        ("“The strike is over,” Ivo Lind, Osterby’s mayor, said Monday.", "Ivo Lind"),
        ("“The strike is over,” Osterby’s mayor, Ivo Lind, said Monday.", "Ivo Lind"),
        # A name set off by a comma before a colon, with who the person is or what they were
        # doing, as transcripts and live blogs label a speaker.
        ("NORA FISK, HARBOUR ENGINEER: “It is worse than we feared.”", "NORA FISK"),
        ("Nora Fisk, harbour engineer: “It is worse than we feared.”", "Nora Fisk"),
        ("Rolf Gade, posting on social media on Sunday: “The vote was rigged.”", "Rolf Gade"),
        ("Ana Pop, asked about the strike: “It will end soon, I promise.”", "Ana Pop"),
        # Not a dateline.
        ("Osterby, Monday: “The port is closed until further notice, the board says.”", None),
    ],
)
def test_a_name_before_a_colon_or_a_time_after_the_cue(
    nlp: Language, text: str, expected: str | None
) -> None:
    assert speaker_of(quotes_of(nlp, text)[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wire dateline the parser took for the subject: the name after the dash speaks.
        (
            "OSTERBY, May 3 (Wire) - Ana Velk, the port's director, said on Monday the strike "
            "would end.",
            "Ana Velk",
        ),
        # Not a party label nor a description between dashes.
        (
            "Senator Ana Velk (U-Osterby) said on Monday that the strike would end.",
            "Ana Velk",
        ),
    ],
)
def test_a_dateline_the_parser_took_for_the_subject(
    nlp: Language, text: str, expected: str
) -> None:
    ((kind, _, name),) = table(quotes_of(nlp, text))
    assert (kind, name) == ("indirect", expected)


def test_a_description_the_entity_step_resolved_takes_its_full_name(nlp: Language) -> None:
    text = (
        "Nora Fisk joined the port in 2019. Fisk, the port's director, said on Monday the "
        "strike would end.\n\n“We are close to a deal,” the director told reporters."
    )
    assert table(quotes_of(nlp, text))[-1][2] == "Nora Fisk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the sentence before, not the nearer name of whom it acted on...
        ("Ivo Lind blamed Tomas Berg for the delay. “It was avoidable,” he said.", "Ivo Lind"),
        (
            "Karl Dorn signed the deal with Tomas Reiden in Osterby on Monday. "
            "“It took two years,” he said.",
            "Karl Dorn",
        ),
        # ... the main clause's subject before an embedded one's ...
        (
            "Ivo Lind said on Monday that he had spoken to Tomas Berg. "
            "“We agreed on nothing,” he said.",
            "Ivo Lind",
        ),
        (
            "Lena Sorvik, who replaced Mara Velk as head of the port authority after Velk "
            "resigned, faces her first strike.\n\n“I expected it,” she said.",
            "Lena Sorvik",
        ),
        # ... a sentence whose subject is the same "he" continues the speaker before it ...
        (
            "“We are ready,” said Ivo Lind. He praised Tomas Berg for the preparations. "
            "“Nobody worked harder,” he said.",
            "Ivo Lind",
        ),
        # ... and the speaker's own sentence, not the name after the cue.
        (
            "“We are ready,” Ivo Lind said, standing beside Tomas Berg. "
            "“The ferries run at six,” he added.",
            "Ivo Lind",
        ),
        # Whom a subject asked answers.
        (
            "The host, Ivo Lind, asked Tomas Berg whether the port would close. "
            "“Not while I run it,” he said.",
            "Tomas Berg",
        ),
        # An organisation or a place is never the speaker of "he" or "she".
        (
            "Mara Velk joined the Osterby Port Authority in May. The authority cut its budget "
            "on Friday. “It was the only way,” she said.",
            "Mara Velk",
        ),
        (
            "Karl Dorn was born in Osterby. The town lost its shipyard in 1990. "
            "“Everyone left,” he said.",
            "Karl Dorn",
        ),
        # A subject who does not agree gives way to the one who does, further back.
        (
            "“We will reopen,” said Ana Pop, the mayor.\n\nHer rival, Ivo Lind, disagreed. "
            "Pop called him a pessimist. “She has no plan,” he said.",
            "Ivo Lind",
        ),
    ],
)
def test_a_pronoun_speaker_is_the_salient_person_that_agrees(
    nlp: Language, text: str, expected: str
) -> None:
    assert table(quotes_of(nlp, text))[-1][2] == expected


def test_a_quote_over_three_paragraphs_closed_by_its_only_cue(nlp: Language) -> None:
    text = (
        "Engineer Tomas Rigg described the storm. “The cable snapped at noon. We found the "
        "break within the hour.\n\n“By evening the lights were back.\n\n"
        "“Nobody was hurt,” he said."
    )
    found = [q for q in table(quotes_of(nlp, text)) if q[0] == "direct"]
    assert [name for _, _, name in found] == ["Tomas Rigg"] * 3


def test_a_speaker_described_by_age_is_the_person_of_that_age(nlp: Language) -> None:
    text = (
        "Lena Sorvik, 34, a nurse from Osterby, lost her home in the flood. Her neighbour, "
        "Ivo Lind, 61, lost his boat. “We have nothing left,” the 34-year-old said. "
        "“The river took it all,” said the 61-year-old."
    )
    assert [name for _, _, name in table(quotes_of(nlp, text))] == ["Lena Sorvik", "Ivo Lind"]


def test_a_bare_surname_is_the_person_the_article_is_about_not_a_relative(nlp: Language) -> None:
    """A relative named once a few paragraphs up does not take over the surname; one just
    introduced does."""
    text = (
        "Senator Ivo Lind opened his campaign in Osterby on Monday. Lind spoke for an hour "
        "about the harbour and the ferries.\n\n"
        "Ivo Lind has held the seat since 2010. His wife, Mara Lind, sat in the front row "
        "beside the mayor.\n\n"
        "The crowd was smaller than four years ago, and the weather was cold. Volunteers "
        "handed out soup and leaflets at the door, and a brass band played before the doors "
        "opened. Several local businesses closed early so that their staff could attend. "
        "Organisers said about 800 people came, fewer than the 1,200 they had hoped for, and "
        "the local paper counted the empty chairs.\n\n"
        "“We will win this seat again,” Lind said.\n\n"
        "A retired teacher, Tomas Lind, no relation, spoke next. “I have known the harbour "
        "all my life,” Lind said."
    )
    names = [name for kind, _, name in table(quotes_of(nlp, text)) if kind == "direct"]
    assert names == ["Ivo Lind", "Tomas Lind"]
