"""Online story clustering: each article joins the closest story, or starts a new one.

In the spirit of Miranda et al. (2018): an article is compared with a few candidate stories
(found through an inverted index on entities and rare terms, never with every story) by the
mean similarity to the story's members (average link) of four views: TF-IDF of words and
word pairs, TF-IDF of entities, the embedding of title and lead, and TF-IDF of the details
that tell two similar events apart (numbers, people, places; see ``features.details``). The
score is damped by a Gaussian of the days between the article and the story's span (no
damping when either is undated). Near-duplicates skip the comparison and join their
original's story. After a story grows, it is split if its members fall into two clearly
separate groups (see ``split``), and it absorbs another story that the article also
matched when the two are as alike across as within, or when that story is a fragment of up
to three articles close enough to join (so a story started early by a stray report, before
its event had a story, does not stay apart whatever the arrival order). Fragments that no
later article bridges are swept into their stories periodically and at the end of a batch
(``absorb_fragments``).
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import numpy.typing as npt

from newsweave.stories.cohesion import across, within
from newsweave.stories.duplicates import DuplicateIndex, signature
from newsweave.stories.features import ArticleFeatures
from newsweave.stories.index import StoryIndex
from newsweave.stories.model import Member, Settings, Story, Vector
from newsweave.stories.prior import document_share
from newsweave.stories.results import order_key
from newsweave.stories.split import should_split
from newsweave.stories.vectors import Space, SparseVector, add_into, dot, similarity_matrix

__all__ = ["StoryClusterer"]


class StoryClusterer:
    """Assigns articles to stories one at a time; see ``add``."""

    def __init__(self, *, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.term_space = Space(prior=document_share, prior_documents=self.settings.prior_documents)
        self.entity_space = Space()
        self.detail_space = Space()
        self.stories: dict[int, Story] = {}
        self.members: dict[str, Member] = {}
        self.duplicates = DuplicateIndex()
        self.copy_groups: dict[str, set[str]] = {}  # original key -> keys of its copies
        self.index = StoryIndex()
        self.next_number = 0
        self.touched: set[int] = set()  # story numbers changed since the caller last looked
        self.latest: str | None = None  # the newest metadata date seen
        self.active: set[int] = set()  # stories not settled
        self.since_sweep = 0
        self.absorbed: list[str] = []  # first member keys of stories merged by the last add
        # Fragments an article was compared with (or started) since the last sweep: the only
        # ones whose closest story may have changed, so a sweep costs what the articles did.
        self.nearby: set[int] = set()

    def add(
        self,
        f: ArticleFeatures,
        embedding: Vector,
        *,
        text: str,
        signature_values: npt.NDArray[np.uint64] | None = None,
    ) -> int:
        """Assign one article and return its story number.

        Args:
            f: the article's features.
            embedding: its normalised title-and-lead embedding.
            text: the article text (signed for near-duplicate detection).
            signature_values: a precomputed MinHash signature of ``text``.
        """
        if f.key in self.members:
            return self.members[f.key].story
        self.absorbed = []
        if f.published and not f.date_inferred:
            self.latest = max(self.latest or f.published, f.published)
        self.since_sweep += 1
        if self.since_sweep >= self.settings.settle_every:
            self.since_sweep = 0
            self._settle_old()
            self.absorb_fragments()
        self.term_space.add_document(f.terms)
        self.entity_space.add_document(f.entities)
        self.detail_space.add_document(f.details)
        copies = self.duplicates.add(
            f.key, signature(text) if signature_values is None else signature_values
        )
        member = Member(
            f.key,
            f.id,
            -1,
            f.published,
            f.outlet,
            f.title,
            embedding.astype(np.float16),
            self.term_space.vector(f.terms),
            self.entity_space.vector(f.entities),
            tuple(self._index_keys(f)),
            f.places,
            self.detail_space.vector(f.details),
            date_inferred=f.date_inferred,
        )
        number, matched = (
            (self.members[copies[0]].story, []) if copies else self._best_story(member, embedding)
        )
        story = self.stories.get(number) if number >= 0 else None
        if story is None:
            story = self._new_story()
            self.nearby.add(story.number)
        member.story = story.number
        self.members[f.key] = member
        story.members.append(f.key)
        self.touched.add(story.number)
        self._add_sums(story, member)
        self.index.add(story.number, member.index_keys)
        if copies:
            self._relink_copies(f.key, copies)
            return self.members[f.key].story
        for other in matched:
            self._maybe_merge(story, other)
        if (
            not story.settled
            and self.settings.split_min * 2 <= len(story.members) <= self.settings.split_max
        ):
            self._maybe_split(story)
        return self.members[f.key].story

    def score(self, member: Member, embedding: Vector, story: Story) -> float:
        """Weighted mean similarity of an article to a story's members, time-damped (0..1)."""
        s = self.settings
        n = len(story.members)
        words = s.terms * dot(member.terms, story.terms) / n
        words += s.embedding * max(0.0, float(embedding @ story.vector) / n)
        names = s.entities * dot(member.entities, story.entities) / n
        names += s.details * dot(member.details, story.details) / n
        total = (words + names) / (s.terms + s.entities + s.embedding + s.details)
        # Being close in time earns a bonus only when the content, and its wording on its own,
        # are already half-way there: two unrelated reports of the same day must not meet on
        # the date, nor on the town both happened in (a local paper's every story names it).
        said = words / (s.terms + s.embedding)
        bonus = s.time_bonus if min(total, said) >= s.threshold / 2 else 0.0
        if not member.date_inferred:
            gap = _gap_days(member.published, story.first, story.last)
            if gap is not None:
                return (total + bonus) * self._gaussian(gap)
        # An inferred date (or a story dated only by inference) may earn the bonus when it is
        # close, but is never a reason to keep an article out: inferences can be wrong.
        gap = _gap_days(member.published, story.hint_first, story.hint_last)
        return total if gap is None else total + bonus * self._gaussian(gap)

    def _gaussian(self, gap: float) -> float:
        return math.exp(-(gap**2) / (2 * self.settings.sigma_days**2))

    def _index_keys(self, f: ArticleFeatures) -> list[str]:
        words = [t for t in f.terms if " " not in t]
        ranked = sorted(words, key=lambda t: (-f.terms[t] * self.term_space.idf(t), t))
        return sorted(f.entities) + ranked[: self.settings.index_terms]

    def _best_story(self, member: Member, embedding: Vector) -> tuple[int, list[int]]:
        """The best story to join (-1: none) and the other stories above the threshold."""
        s = self.settings
        matched = []
        weighted = {key: self._key_idf(key) for key in member.index_keys}
        best, best_score = -1, s.threshold
        for number in self.index.candidates(weighted, limit=s.candidates):
            story = self.stories[number]
            if story.settled:
                continue
            if len(story.members) <= s.fragment_size:
                self.nearby.add(number)
            gap = _gap_days(
                None if member.date_inferred else member.published, story.first, story.last
            )
            if gap is not None and gap > s.max_gap_days:
                continue
            value = self.score(member, embedding, story)
            if value >= s.threshold:
                matched.append(number)
            if value > best_score or (value == best_score and best >= 0 and number < best):
                best, best_score = number, value
        return best, sorted(n for n in matched if n != best)

    def _maybe_merge(self, story: Story, number: int) -> None:
        """Absorb story ``number`` when the two are one story (``_alike``)."""
        other = self.stories.get(number)
        if other is None or other.settled or other is story or not self._alike(story, other):
            return
        self._absorb(story, other)

    def absorb_fragments(self) -> None:
        """Let every fragment (a story of at most ``fragment_size`` articles) join the larger
        story it is now closest to, if it is as close as an article must be to join.

        A fragment started by a report that came before its event had a story is merged
        when a later article matches both (``_maybe_merge``), but the last reports of an
        event may never be followed by one. This sweep catches those; it runs with the
        periodic settling and when a batch ends (``OnlineStories.consolidate``), over the
        fragments that articles met since the last sweep (``nearby``).
        """
        s = self.settings
        nearby, self.nearby = self.nearby, set()
        for number in sorted(nearby):
            fragment = self.stories.get(number)
            if fragment is None or fragment.settled or len(fragment.members) > s.fragment_size:
                continue
            best, best_score = None, s.threshold
            weighted = {k: self._key_idf(k) for k in self._keys_of(fragment)}
            for candidate in self.index.candidates(weighted, limit=s.candidates):
                story = self.stories[candidate]
                if story.settled or len(story.members) <= len(fragment.members):
                    continue
                value = self._damped(story, fragment, across(story, fragment, s))
                if value >= best_score:
                    best, best_score = story, value
            if best is not None:
                self._absorb(best, fragment)

    def drop_empty(self) -> None:
        """Forget touched stories that no member is left in. None should be; but a synthetic
        fill of 100,000 articles once ended on one (in the stories' summary, with a traceback:
        not reproduced since, the clustering's float sums depend on the order of sets), and an
        ingest must not stop on it: such a story is gone, as a merged story is."""
        for number in [n for n in self.touched if n in self.stories]:
            if not self.stories[number].members:
                del self.stories[number]
                self.active.discard(number)

    def _keys_of(self, story: Story) -> set[str]:
        """The index keys of a story's members."""
        return {k for m in story.members for k in self.members[m].index_keys}

    def _key_idf(self, key: str) -> float:
        space = self.term_space if key in self.term_space.ids else self.entity_space
        return space.idf(key)

    def _absorb(self, story: Story, other: Story) -> None:
        """Move every member of ``other`` into ``story``; ``other`` is gone."""
        self.absorbed.append(min(other.members, key=lambda k: self._order(k)))
        self.index.remove(other.number, self._keys_of(other))
        held = set(story.members)
        for key in other.members:
            if key in held:
                continue  # never listed twice: a story's members are distinct articles
            member = self.members[key]
            member.story = story.number
            story.members.append(key)
            self._add_sums(story, member)
            self.index.add(story.number, member.index_keys)
        del self.stories[other.number]
        self.active.discard(other.number)
        self.touched |= {story.number, other.number}

    def _alike(self, story: Story, other: Story) -> bool:
        """Whether two stories are one: their members about as close across as within (mean
        pairwise similarity; the split test's 0.75 sits below the 0.8 needed here, so a
        merged story is not split back), or, for a fragment of up to three articles, as close
        as an article must be to join."""
        s = self.settings
        closeness = across(story, other, s)
        # A fragment's own cohesion says little (two near-identical reports make it look
        # tight), so it is judged as its articles would be now: by the join threshold.
        small = min(len(story.members), len(other.members)) <= s.fragment_size
        if small and self._damped(story, other, closeness) >= s.threshold:
            return True
        own = [c for c in (self._within(story), self._within(other)) if c is not None]
        return bool(own) and closeness >= s.merge_ratio * min(own)

    def _damped(self, story: Story, other: Story, closeness: float) -> float:
        """``closeness`` times the time decay of the gap between the two stories' spans."""
        gap = _span_gap(story, other)
        return closeness if gap is None else closeness * self._gaussian(gap)

    def _order(self, key: str) -> tuple[str, str]:
        return order_key(self.members[key].published, key)

    def _within(self, story: Story) -> float | None:
        return within(story, [self.members[k] for k in story.members], self.settings)

    def _new_story(self) -> Story:
        story = Story(self.next_number)
        self.stories[story.number] = story
        self.active.add(story.number)
        self.next_number += 1
        return story

    def _add_sums(self, story: Story, member: Member) -> None:
        add_into(story.terms, member.terms)
        add_into(story.entities, member.entities)
        add_into(story.details, member.details)
        vector = member.embedding.astype(np.float32)
        story.vector = vector if story.vector.size == 0 else story.vector + vector
        if member.published:
            day = member.published
            story.hint_first = min(story.hint_first or day, day)
            story.hint_last = max(story.hint_last or day, day)
            if not member.date_inferred:
                story.first = min(story.first or day, day)
                story.last = max(story.last or day, day)

    def rebuild(self, story: Story) -> None:
        """Recompute a story's sums and span from its members."""
        story.terms, story.entities, story.details = {}, {}, {}
        story.vector = np.zeros(0, dtype=np.float32)
        story.first = story.last = story.hint_first = story.hint_last = None
        for key in story.members:
            self._add_sums(story, self.members[key])

    def member_similarity(self, keys: list[str]) -> npt.NDArray[np.float64]:
        """The weighted pairwise similarity of the given members (as in ``score``)."""
        s = self.settings
        members = [self.members[k] for k in keys]
        vectors = np.stack([m.embedding.astype(np.float32) for m in members])
        total = s.terms * similarity_matrix([m.terms for m in members])
        total += s.entities * similarity_matrix([m.entities for m in members])
        total += s.embedding * np.clip(vectors @ vectors.T, 0.0, None)
        total += s.details * similarity_matrix([m.details for m in members])
        total /= s.terms + s.entities + s.embedding + s.details
        return np.asarray(
            total + s.split_time_bonus * self._date_closeness(members), dtype=np.float64
        )

    def _date_closeness(self, members: list[Member]) -> npt.NDArray[np.float64]:
        """Pairwise time decay of dated members (0 where either is undated)."""
        days = np.array([_ordinal(m.published) for m in members], dtype=np.float64)
        dated = ~np.isnan(days)
        gaps = np.abs(days[:, None] - days[None, :])
        closeness = np.exp(-(gaps**2) / (2 * self.settings.sigma_days**2))
        return np.where(dated[:, None] & dated[None, :], closeness, 0.0)

    def _maybe_split(self, story: Story) -> None:
        keys = sorted(story.members, key=lambda k: order_key(self.members[k].published, k))
        parts = should_split(
            self.member_similarity(keys),
            ratio=self.settings.split_ratio,
            min_size=self.settings.split_min,
        )
        if parts is None:
            return
        # The part holding the first member keeps the story; the other becomes a new story.
        stay = {keys[i] for i in parts[0]}
        # A copy always stays with its original.
        stay = {k for k in keys if (self.members[k].duplicate_of or k) in stay}
        staying = [k for k in story.members if k in stay]
        leaving = [k for k in story.members if k not in stay]
        if not staying or not leaving:
            return  # copies pulled every member to one side: no second story to split off
        other = self._new_story()
        self.touched |= {story.number, other.number}
        self.index.remove(story.number, self._keys_of(story))
        story.members, other.members = staying, leaving
        for part in (story, other):
            for key in part.members:
                self.members[key].story = part.number
                self.index.add(part.number, self.members[key].index_keys)
            self.rebuild(part)

    def _settle_old(self) -> None:
        """Release stories whose last date is far behind the newest: they cannot match any
        more (the time decay is ~0), so memory and lookups stay bounded as the archive grows.
        Undated stories are never settled."""
        if self.latest is None:
            return
        horizon = _ordinal(self.latest) - self.settings.settle_days
        for number in sorted(self.active):
            story = self.stories[number]
            if story.last is not None and _ordinal(story.last) < horizon:
                self.settle(story)

    def settle(self, story: Story) -> None:
        """Mark ``story`` settled: drop its sums, index entries and members' vectors."""
        self.index.remove(story.number, self._keys_of(story))
        story.terms, story.entities, story.details, story.settled = {}, {}, {}, True
        self.active.discard(story.number)
        for key in story.members:
            member = self.members[key]
            member.terms = member.entities = member.details = SparseVector.empty()

    def _relink_copies(self, key: str, copies: list[str]) -> None:
        """Point every article of a copy group at the group's first article (by order_key)."""
        group = {key, *copies}
        for k in copies:
            root = self.members[k].duplicate_of or k
            group.add(root)
            group |= self.copy_groups.pop(root, set())
        first = min(group, key=lambda k: order_key(self.members[k].published, k))
        self.copy_groups[first] = group - {first}
        for k in group:
            self.members[k].duplicate_of = None if k == first else first
        # A copy group may span stories (matching is not transitive): all of them changed.
        self.touched.update(self.members[k].story for k in group)


def _ordinal(published: str | None) -> float:
    try:
        return float(date.fromisoformat(published[:10]).toordinal()) if published else math.nan
    except ValueError:
        return math.nan


def _span_gap(a: Story, b: Story) -> float | None:
    """Days between two stories' dated spans (0 when they overlap; None if either is undated)."""
    a_first, a_last = _ordinal(a.first), _ordinal(a.last)
    b_first, b_last = _ordinal(b.first), _ordinal(b.last)
    if math.isnan(a_first + a_last + b_first + b_last):
        return None
    return max(b_first - a_last, a_first - b_last, 0.0)


def _gap_days(published: str | None, first: str | None, last: str | None) -> float | None:
    if not published or not first or not last:
        return None
    try:
        day = date.fromisoformat(published[:10])
        if published < first:
            return float((date.fromisoformat(first[:10]) - day).days)
        if published > last:
            return float((day - date.fromisoformat(last[:10])).days)
    except ValueError:
        return None
    return 0.0
