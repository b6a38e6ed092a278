"""Ceasefires and peace talks: the karabakh_events component.

One Event per DISTINCT truce or round of talks, not one per sentence:

1. find mentions: trigger words ("ceasefire", "truce", "peace deal", "talks",
   "negotiations", "summit", "discussions", "mediation"; "the deal"/"the agreement"
   only refer back), each with the status cues of its clause ("brokered" -> agreed,
   "frayed" -> violated, "will take effect" -> still only agreed ...); "ended" and
   "suspended" end a truce only when the truce is what they end ("ending a ceasefire",
   "the truce has ended"; not "a truce that ended the war"). A cue counts for the
   types its sentence mentions, the longest cue wins ("ended without" over "ended"),
   a cue both types know ("held") goes to the nearer mention, and "but" ends a
   clause; "in talks" only gives a status when nothing else does. A truce that talks
   seek ("talks meant to bring about a ceasefire") or that a deal provides for ("the
   deal calls for a halt to fighting") is no event of its own;
2. group them: a definite mention ("the truce", "this ceasefire") or a plain
   restatement updates the most recent real truce; a mention marked as another
   one ("two previous cease-fires", "a six-month truce" beside a two-month one,
   "a permanent ceasefire", "called for a ceasefire" beside an agreed one) starts
   a new event; so does a truce dated to another year ("the 1994 ceasefire") and an
   indefinite one between other sides ("a ceasefire between A and C" beside A and B).
   Talks merge when definite ("the talks") or when they report the same status
   (a lead restated lower down), numbered rounds only with the same number;
   "discussions", "dialogue", "mediation" beside "talks" in one sentence are
   those talks or a side matter, never another round;
   a mention inside quote marks never starts an event when one of its type exists;
   headline mentions merge into the story's first event of their type;
3. describe each event: status = the furthest step its mentions report
   (proposed < agreed < took_effect < extended < violated < collapsed;
   planned < held < failed); text = the sentence (or, when one sentence holds two
   truces, the clause) of the mention that gave that status, preferring story
   text over headlines; date = the resolved date nearest that cue in that text;
   brokers, parties and the talks' location from patterns around the mentions
   (a capital as broker stands for its country: "Cairo-brokered" -> Egypt).
   A one-word agreed cue after a modal or "to" ("would be negotiated", "urged them
   to sign") or an acceptance of a proposal ("accepts the proposal for a truce")
   leaves the truce proposed. A definite truce no cue describes ("the truce with the
   rebels") is a deal made: agreed, the least a reported truce must have reached;
   an indefinite one ("meetings on hostages and a ceasefire") is a topic, not
   reported. Talks no cue describes ("open to talks") are not reported, nor are
   talks in stories that never speak of war or truce (trade talks are not peace talks).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..doc_cache import doc_text
from ..data import load_json, load_tsv
from ..gazetteer import country_by_code, country_of_demonym, lookup_place
from ..records import Event
from ..sentences import NameIndex, sentence_spans
from .quotes import find_quotations

_LEX = load_json("events_lexicon.json")
STATUS_RANK = {
    "ceasefire": ("proposed", "agreed", "took_effect", "extended", "violated", "collapsed"),
    "talks": ("planned", "held", "failed"),
}
DEFINITE = frozenset(_LEX["definite_determiners"])
INDEFINITE = frozenset(_LEX["indefinite_determiners"])
DISTINCT_MODIFIERS = frozenset(_LEX["distinct_modifiers"])
COMPARISON_OPENERS = tuple(_LEX["comparison_openers"])
TALKS_OBJECT_CONNECTORS = tuple(_LEX["talks_object_connectors"])
MODIFIER_STOPS = frozenset(_LEX["modifier_scan_stops"])
PEACE_CONTEXT = frozenset(_LEX["peace_context_words"])
NON_PEACE_TALKS = frozenset(_LEX["non_peace_talks_modifiers"])
BROKER_VERBS = frozenset(_LEX["broker_verbs"])
BROKER_NOUNS = frozenset(_LEX["broker_nouns"])
PARTY_VERBS = frozenset(_LEX["party_verbs"])
NEXT_DAY = frozenset(_LEX["relative_next_day"])
BACK_REFERENCE = frozenset(_LEX["back_reference_words"])
ANAPHOR_ONLY = frozenset(_LEX["ceasefire_anaphors"]) | frozenset(_LEX["talks_anaphor_only"])
NEEDS_PEACE_CONTEXT = frozenset(_LEX["talks_needing_peace_context"])
CEASEFIRE_AS_MODIFIER_OF = frozenset(_LEX["ceasefire_modifier_of"])
CONFLICT_CONTEXT = frozenset(_LEX["conflict_context_words"])
TRUCE_OBJECT_CUES = frozenset(_LEX["cues_needing_truce_object"])
WEAK_CUES = frozenset(_LEX["weak_cues"])
TERMS_CUES = tuple(_LEX["terms_of_a_deal"])
INTRANSITIVE_FOLLOWERS = frozenset(_LEX["intransitive_followers"])
NEGATORS = frozenset(("not", "no", "never", "against", "without", "n't", "n’t", "avoid", "prevent", "deny", "denied"))
POSSESSIVES_AND_DETERMINERS = frozenset(("the", "a", "an", "their", "its", "his", "her", "our", "my", "your"))
CLAUSE_BOUNDARIES = frozenset((",", ";", ":", "—", "–", "(", ")", "--"))
CITY_KINDS = frozenset(("city", "town", "region"))
AGREEMENT_WORDS = frozenset(("deal", "agreement", "accord", "truce", "ceasefire", "cease-fire"))
MAIN_TALKS_WORDS = frozenset(("talks", "negotiations"))
ORDINALS = frozenset(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                      "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"))
DASHES = frozenset(("—", "–", "--"))
CONTRAST_WORDS = frozenset(("but", "while", "whereas", "although", "though"))
ACCEPT_CUES = frozenset(("accepted", "accepts", "accept", "endorsed", "approved", "agreed", "agree", "agrees"))
PROPOSAL_NOUNS = frozenset(("proposal", "proposals", "offer", "plan", "initiative", "idea", "call", "calls"))
MODALS = frozenset(("will", "would", "could", "might", "may", "should", "must", "can", "to", "'ll", "’ll"))
MODAL_GAP_WORDS = frozenset(("be", "only", "also", "soon", "quickly", "eventually", "then", "still"))
HOLD_CUES = frozenset(("held", "hold", "holds", "holding"))
HELD_SOMEWHERE = frozenset(("by", "in", "at", "captive", "hostage", "prisoner"))
SUBJECT_GAP_WORDS = frozenset(("has", "had", "have", "was", "is", "were", "officially", "formally", "effectively",
                               "now", "finally", "already", "abruptly", "effectively", "then", "also"))
DEMONYM_COUNTRIES = dict(_LEX["demonym_countries"])
BROKER_PEOPLE = frozenset(_LEX["broker_people_nouns"])
PROSPECTIVE_PREFIXES = tuple(tuple(p.split()) for p in _LEX["prospective_talks_prefixes"])
ATTEMPT_NOUNS = frozenset(_LEX["attempt_nouns"])
ATTEMPT_VERBS = frozenset(_LEX["attempt_verbs"])
MAX_ATTEMPT_GAP = 10
PROSPECTIVE_FILLERS = frozenset(("the", "a", "new", "fresh", "peace", "formal", "direct", "further", "final"))
IN_FORCE_ADJECTIVES = frozenset(_LEX["in_force_adjectives"])
# A photo caption the page parser did not mark: '(L)', '(2nd R)', a '/ AFP / NAME' credit.
_CAPTION_POSITION = re.compile(r"\((?:\d+(?:st|nd|rd|th)\s+)?(?:[LRC]|left|right|centre|center|front|back)\)", re.I)
_CAPTION_CREDIT = re.compile(r"/\s*(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu|TASS|Sputnik)\s*/\s*[A-Z][\w.\- ]*\s*$")
_CAPTION_DATE_END = re.compile(r", (?:January|February|March|April|May|June|July|August|September|October|"
                               r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}, \d{4}\.?\s*$")
_NOT_A_SCENE = frozenset(("said", "says", "say", "told", "was", "were", "had", "has", "have", "will", "would",
                         "is", "are", "could", "should", "may", "might", "did", "does", "do"))
MAX_CROSS_CLAUSE_DISTANCE = 6
MAX_BACK_REFERENCE_DISTANCE = 25
MAX_MODIFIER_SCAN = 6
MAX_TALKS_OBJECT_GAP = 8
_DURATION = re.compile(r"\b(?:\w+-(?:hour|day|week|month|year)|(?:hour|day|week|month|year)-long)\b")
_BROKER_SUFFIX = r"(?:brokered|mediated|engineered|sponsored|negotiated)\b"
_BROKERED_BY_HYPHEN = re.compile(r"(?<![\w.])(?!(?:A|An|The)\b)((?:[A-Z][\w.’']*)(?:[ -][A-Z][\w.’']*)*)[- ]"
                                 + _BROKER_SUFFIX)                       # 'U.S.-brokered', 'U.S.-Russian brokered'
_BROKER_BEFORE_AND = re.compile(r"(?<![\w.])([A-Z][\w.’']*)- and (?=[A-Z][\w.’']*-" + _BROKER_SUFFIX + ")")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
_TERMINAL = tuple('.!?"”’)…')
HEADLINE_MAX_WORDS = 20


@dataclass
class Mention:
    """One trigger word in the story, with what its clause says about it."""

    type: str
    start: int                      # token index of the trigger
    end: int
    sentence: int
    anaphor: bool = False           # "the deal": may only refer back
    definite: bool = False
    distinct: bool = False          # marked as another truce / round
    duration: Optional[str] = None  # "two-month"
    dated: bool = False             # "the 1994 ceasefire": a truce of another time
    cues: list[tuple[int, int]] = field(default_factory=list)   # (status rank, cue token index)
    weak_cues: list[tuple[int, int]] = field(default_factory=list)   # 'in talks': status only if nothing else
    headline: bool = False
    quoted: bool = False            # inside quote marks: someone's words about a truce already reported
    parties: frozenset = frozenset()  # 'between Israel and Hamas'
    ordinal: Optional[str] = None     # 'the fifth round of talks'
    prospective_from: Optional[int] = None   # 'met on Monday in preparation for talks': nothing before is the talks'

    @property
    def rank(self) -> int:
        return max((r for r, _ in self.cues or self.weak_cues), default=-1)


@dataclass
class Draft:
    """An event being assembled from its mentions."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    location: Optional[str] = None

    @property
    def rank(self) -> int:
        return max((m.rank for m in self.mentions), default=-1)

    @property
    def duration(self) -> Optional[str]:
        return next((m.duration for m in self.mentions if m.duration), None)

    @property
    def parties(self) -> frozenset:
        return frozenset().union(*(m.parties for m in self.mentions))


def _status_cues() -> dict[str, list[tuple[str, int]]]:
    """phrase -> [(type, rank)] from the cue table."""
    table: dict[str, list[tuple[str, int]]] = {}
    for row in load_tsv("events_status_cues.tsv"):
        if len(row) < 3:
            continue
        kind, status, phrase = row[:3]
        table.setdefault(phrase, []).append((kind, STATUS_RANK[kind].index(status)))
    return table


class EventFinder:
    """Writes doc._.kx_events: one Event per distinct ceasefire or round of talks."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers.add("ceasefire", [nlp.make_doc(p) for p in _LEX["ceasefire_triggers"] + _LEX["ceasefire_anaphors"]])
        self.triggers.add("talks", [nlp.make_doc(p) for p in _LEX["talks_triggers"]])
        self.cue_table = _status_cues()
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.cue_table:
            self.cues.add(phrase, [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.EVENTS, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Event]:
        if len(doc) == 0:
            return []
        story = StoryText(doc)
        mentions = self._mentions(doc, story)
        if not mentions:
            return []
        self._attach_cues(doc, story, mentions)
        names = NameIndex(doc)
        for m in mentions:
            m.parties = frozenset(_parties_between(doc, story, m, names))
        drafts = group_mentions(mentions)
        return [e for e in (describe(doc, story, d, drafts, names) for d in drafts) if e is not None]

    # -- 1. mentions ----------------------------------------------------------
    def _mentions(self, doc: Doc, story: "StoryText") -> list[Mention]:
        spans = [Span(doc, s, e, label=k) for k, s, e in self.triggers(doc)]
        spans = filter_spans(spans + _attempt_spans(doc, story))
        story.trigger_tokens = {i for span in spans for i in range(span.start, span.end)}
        quotations = find_quotations(story.text)
        mentions = []
        for span in spans:
            kind = doc.vocab.strings[span.label]
            sentence = story.sentence_of(span.start)
            if sentence is None:
                continue
            mention = Mention(kind, span.start, span.end, sentence, anaphor=span.text.lower() in ANAPHOR_ONLY,
                              headline=story.is_headline(sentence),
                              quoted=any(o < doc[span.start].idx < c for o, c in quotations))
            _read_modifiers(doc, story, mention)
            if span.label_ == "talks" and doc[span.start].lower_ in ATTEMPT_NOUNS and not mention.ordinal:
                mention.distinct = False           # 'a new attempt to broker': new beside failed talks, not another round
            if self._keep(doc, story, mention, mentions):
                mentions.append(mention)
        return mentions

    def _keep(self, doc: Doc, story: "StoryText", m: Mention, earlier: list[Mention]) -> bool:
        words = story.sentence_words(m.sentence)
        if m.anaphor and not m.definite:
            return False                           # "an extension agreement", "a deal": not a truce by itself
        if m.type == "talks":
            if not story.about_conflict():
                return False                       # business or party-politics talks, not peace talks
            if doc[m.start].lower_ in NEEDS_PEACE_CONTEXT:
                # the sentence, or for a definite mention the one before, speaks of peace: 'They met
                # on the war. They agreed to continue the discussions.'
                context = (words | story.sentence_words(m.sentence - 1)) if m.sentence and m.definite else words
                if not (context - {doc[m.start].lower_}) & PEACE_CONTEXT:
                    return False                   # a summit about something else
                if doc[m.start].lower_ not in MAIN_TALKS_WORDS and words & MAIN_TALKS_WORDS:
                    return False                   # "the talks are set, but discussions on a venue go on"
            before = {doc[i].lower_ for i in range(max(0, m.start - 2), m.start)}
            return not before & NON_PEACE_TALKS
        if m.end < len(doc) and doc[m.end].lower_ in CEASEFIRE_AS_MODIFIER_OF:
            return False                           # "the truce village", "ceasefire talks": not a truce reported
        if any(e.type == "ceasefire" for e in earlier) and _terms_of_a_deal(doc, story, m):
            return False                           # "the deal calls for a two-month halt to fighting"
        # "talks on a ceasefire": the truce is what the talks are about, not an event of its own
        for other in reversed(earlier):
            if other.sentence != m.sentence or other.type != "talks":
                continue
            between = doc[other.end:m.start]
            if len(between) <= MAX_TALKS_OBJECT_GAP and not any(t.text in CLAUSE_BOUNDARIES for t in between):
                gap = " " + between.text.lower() + " "
                if any(f" {c} " in gap for c in TALKS_OBJECT_CONNECTORS):
                    return False
        return True

    # -- cues -----------------------------------------------------------------
    def _hyphenated_cues(self, doc: Doc, by_sentence: dict, story: "StoryText") -> list[Span]:
        """'U.S.-brokered', 'U.N.-backed': the tokenizer keeps these whole, so read the suffix."""
        found = []
        for sentence in by_sentence:
            s, e = story.ranges[sentence]
            for tok in doc[s:e]:
                if "-" in tok.text[1:]:
                    suffix = tok.lower_.rsplit("-", 1)[1]
                    if suffix in BROKER_VERBS and suffix in self.cue_table:   # not 'Russian-held'
                        found.append(Span(doc, tok.i, tok.i + 1, label=suffix))
        return found

    def _attach_cues(self, doc: Doc, story: "StoryText", mentions: list[Mention]) -> None:
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for span in self._usable_cues(doc, story, by_sentence):
            if _modifies_other_noun(doc, span, story) or _negated(doc, span.start):
                continue                            # 'their shattered homes', 'has not been violated'
            sentence_mentions = by_sentence[story.sentence_of(span.start)]
            kinds = {k for k, _ in self.cue_table[span.label_]}
            for kind in kinds:
                if not _cue_fits(doc, story, span, kind):
                    continue
                target = _nearest_mention(doc, story, sentence_mentions, kind, span.start)
                shared = len(kinds) > 1 and len(span) == 1
                if target is None or (shared and _other_type_nearer(sentence_mentions, target, span.start)):
                    continue                        # 'press for a truce in talks to be held': the talks are held
                into = target.weak_cues if span.label_ in WEAK_CUES else target.cues
                into.extend((rank, span.start) for rank in self._ranks(doc, span, kind, target))
        for sentence_mentions in by_sentence.values():
            _inherit_compared_cues(doc, story, sentence_mentions)
        for m in mentions:
            _only_prospective_cues(doc, m)

    def _usable_cues(self, doc: Doc, story: "StoryText", by_sentence: dict) -> list[Span]:
        """Cue spans for the types their sentence mentions, so 'set to begin' (a truce's cue)
        cannot hide 'set to' from talks when no truce is in the sentence; then the longest
        cue wins ('ended without' over 'ended')."""
        matches = [Span(doc, s, e, label=k) for k, s, e in self.cues(doc)]
        matches += self._hyphenated_cues(doc, by_sentence, story)
        usable = []
        for span in matches:
            kinds = {m.type for m in by_sentence.get(story.sentence_of(span.start), ())}
            if any(k in kinds for k, _ in self.cue_table.get(span.label_, ())):
                usable.append(span)
        return filter_spans(usable)

    def _ranks(self, doc: Doc, span: Span, kind: str, target: Mention) -> list[int]:
        """The statuses a cue gives, lowered to 'proposed' for a wish or a one-sided yes."""
        ranks = [rank for k, rank in self.cue_table[span.label_] if k == kind]
        if kind == "ceasefire" and _accepts_a_proposal(doc, span, target):
            return [0]                              # 'Ukraine accepts US proposal for a cease-fire'
        if len(span) == 1 and _hypothetical(doc, span.start):
            return [0 if r == 1 else r for r in ranks]     # 'would be negotiated', 'talks to be mediated'
        return ranks


def _attempt_spans(doc: Doc, story: "StoryText") -> list[Span]:
    """'mediators are to make a new attempt next month to broker an end to the fighting':
    an attempt to broker a peace is a round of talks (the span runs from the noun to the verb)."""
    found = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in ATTEMPT_NOUNS:
            continue
        sentence = story.sentence_of(i)
        if sentence is None:
            continue
        _, e = story.ranges[sentence]
        for j in range(i + 1, min(e - 1, i + MAX_ATTEMPT_GAP)):
            if doc[j].text in (";", ":") or doc[j].is_space and "\n" in doc[j].text:
                break
            if doc[j].lower_ == "to" and doc[j + 1].lower_ in ATTEMPT_VERBS:
                found.append(Span(doc, i, j + 2, label="talks"))
                break
    return found


def _only_prospective_cues(doc: Doc, m: Mention) -> None:
    """'delegates met on Monday in preparation for talks': what happened before the talks
    ('met') is not the talks' status; only the prefix ('in preparation for') and later cues count."""
    if m.type != "talks":
        return
    end = m.start
    while end > 0 and m.start - end < 3 and doc[end - 1].lower_ in PROSPECTIVE_FILLERS:
        end -= 1                                   # 'ahead of the new peace talks'
    words = [t.lower_ for t in doc[max(0, end - 4):end]]
    for prefix in PROSPECTIVE_PREFIXES:
        if tuple(words[-len(prefix):]) == prefix:
            first = end - len(prefix)
            m.prospective_from = first
            m.cues = [c for c in m.cues if c[1] >= first]
            m.weak_cues = [c for c in m.weak_cues if c[1] >= first]
            if not m.cues:
                m.cues = [(STATUS_RANK["talks"].index("planned"), first)]
            return


def _cue_fits(doc: Doc, story: "StoryText", span: Span, kind: str) -> bool:
    """Cues that speak of a truce only in some uses: 'ended' (the truce must be what ends),
    'held' (not 'hostages held by Hamas', 'talks held in Cairo')."""
    if kind != "ceasefire":
        return True
    if span.label_ in TRUCE_OBJECT_CUES and not _ends_a_truce(doc, story, span):
        return False
    return not (span.label_ in HOLD_CUES and span.end < len(doc) and doc[span.end].lower_ in HELD_SOMEWHERE)


# -- the story's sentences and clauses ------------------------------------------
class StoryText:
    """Sentences (cut at paragraph breaks) as token ranges, and which look like headlines."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)                  # doc.text re-joins every token: read it once per Doc
        self.ranges: list[tuple[int, int]] = []
        for start_char, end_char in sentence_spans(doc, self.text):
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is not None and len(span):
                self.ranges.append((span.start, span.end))
        self._starts = [s for s, _ in self.ranges]
        self._headline: dict[int, bool] = {}
        self._words: dict[int, frozenset] = {}
        self.trigger_tokens: set[int] = set()
        self._about_conflict: Optional[bool] = None

    def about_conflict(self) -> bool:
        """Does the story speak of war or truce anywhere? Talks elsewhere are not peace talks."""
        if self._about_conflict is None:
            self._about_conflict = any(t.lower_ in CONFLICT_CONTEXT for t in self.doc)
        return self._about_conflict

    def trigger_at(self, token_index: int) -> Optional[bool]:
        return True if token_index in self.trigger_tokens else None

    def sentence_of(self, token_index: int) -> Optional[int]:
        i = bisect.bisect_right(self._starts, token_index) - 1
        if i < 0 or token_index >= self.ranges[i][1]:
            return None
        return i

    def sentence_words(self, index: int) -> frozenset:
        if index not in self._words:
            s, e = self.ranges[index]
            self._words[index] = frozenset(t.lower_ for t in self.doc[s:e])
        return self._words[index]

    def is_headline(self, index: int) -> bool:
        """A short line without sentence-final punctuation: a headline, subhead or kicker."""
        if index not in self._headline:
            self._headline[index] = self._looks_like_headline(*self.ranges[index])
        return self._headline[index]

    def _looks_like_headline(self, start: int, end: int) -> bool:
        text = self.doc[start:end].text.strip()
        words = [t for t in self.doc[start:end] if not t.is_punct and not t.is_space]
        return not text.endswith(_TERMINAL) and len(words) <= HEADLINE_MAX_WORDS

    def clause_of(self, token_index: int, sentence: int) -> tuple[int, int]:
        """Token range of the clause (between punctuation boundaries) holding the token."""
        s, e = self.ranges[sentence]
        start = token_index
        while start > s and self.doc[start - 1].text not in CLAUSE_BOUNDARIES:
            start -= 1
        end = token_index
        while end < e and self.doc[end].text not in CLAUSE_BOUNDARIES:
            end += 1
        return start, end


def _read_modifiers(doc: Doc, story: StoryText, m: Mention) -> None:
    """Determiner, distinctness words and a duration among the words before the trigger."""
    s, _ = story.ranges[m.sentence]
    i = m.start - 1
    seen: list[str] = []
    commas = 0
    while i >= s and m.start - i <= MAX_MODIFIER_SCAN:
        tok = doc[i]
        low = tok.lower_
        if low in DEFINITE:
            m.definite = True
            break
        if low in INDEFINITE:
            seen.append(low)
            break
        if tok.text == "," and commas == 0 and i > s and doc[i - 1].is_alpha:
            commas += 1
        elif tok.is_punct and tok.text not in ("-", "–") or low in MODIFIER_STOPS or tok.is_space:
            break
        seen.append(low)
        i -= 1
    modifiers = set(seen)
    if m.type == "ceasefire":
        # 'the country's fragile ceasefire': a truce in force (fragile is not collapsed)
        m.cues.extend((STATUS_RANK["ceasefire"].index("took_effect"), j)
                      for j in range(i + 1, m.start) if doc[j].lower_ in IN_FORCE_ADJECTIVES)
    m.dated = any(_YEAR.match(w) for w in modifiers)
    trigger = doc[m.start:m.end].text.lower()
    plural = trigger.endswith("s") and not trigger.endswith(("talks", "negotiations"))
    m.distinct = bool(modifiers & DISTINCT_MODIFIERS) or (plural and bool(
        modifiers & {"two", "three", "several", "many", "multiple", "both", "numerous"} | DISTINCT_MODIFIERS))
    if m.type == "talks" and any(w in modifiers for w in ("round", "second", "third", "next", "new", "another")):
        m.distinct = m.distinct or "round" not in modifiers
    if m.type == "talks":
        words = [t.lower_ for t in doc[m.start:m.end]] + seen    # 'the fifth round of talks'
        m.ordinal = next((w for w in words if w in ORDINALS), None)
    text = doc[i + 1:m.start].text if i + 1 < m.start else ""
    found = _DURATION.search(text.replace(" - ", "-").replace(" -", "-").replace("- ", "-"))
    m.duration = found.group(0).lower() if found else None


def _terms_of_a_deal(doc: Doc, story: StoryText, m: Mention) -> bool:
    """'The U.S.-brokered deal, approved on Tuesday, calls for an initial halt to fighting':
    a truce an agreement provides for is that agreement, not another truce."""
    s, _ = story.ranges[m.sentence]
    first = max(s, m.start - MAX_TALKS_OBJECT_GAP - 2)
    lead = " " + doc[first:m.start].text.lower() + " "
    at = max((lead.find(f" {c} ") for c in TERMS_CUES), default=-1)
    if at < 0:
        return False
    cue_token = first + len(lead[:at].split())
    return any(doc[i].lower_ in AGREEMENT_WORDS for i in range(s, cue_token))


def _modifies_other_noun(doc: Doc, span: Span, story: StoryText) -> bool:
    """'their shattered lives', 'the agreed number': a participle after a determiner describes
    the noun that follows, which is not a truce unless it is the trigger itself."""
    if len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ not in POSSESSIVES_AND_DETERMINERS:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is None or story.trigger_at(nxt.i) is None


def _ends_a_truce(doc: Doc, story: StoryText, span: Span) -> bool:
    """'ending a months-long ceasefire' (the truce is the object) or 'the truce has ended'
    (nothing follows but a time or a clause break); not 'a truce that ended six weeks of war'."""
    if story.trigger_at(span.start):
        return False                                # 'suspension of hostilities' names the truce itself
    i = span.end
    while i < len(doc) and i - span.end <= MAX_MODIFIER_SCAN and doc[i].text not in CLAUSE_BOUNDARIES:
        if story.trigger_at(i):
            return True
        if doc[i].text in (".", "!", "?") or doc[i].lower_ in MODIFIER_STOPS or doc[i].lower_ == "without":
            break                                   # "ended Sunday without a final agreement"
        i += 1
    if span.start > 0 and doc[span.start - 1].lower_ in ("to", "at", "of", "for"):
        return False                                # 'aimed at ending', 'a bid to end'
    j = span.start - 1                              # 'the truce has (now) ended': the truce is the subject
    while j >= 0 and span.start - j <= 3 and doc[j].lower_ in SUBJECT_GAP_WORDS:
        j -= 1
    if j < 0 or not story.trigger_at(j):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.is_punct or after.is_space or after.lower_ in INTRANSITIVE_FOLLOWERS


def _accepts_a_proposal(doc: Doc, span: Span, target: Mention) -> bool:
    """'accepted the proposal for a truce', 'backs a plan for a ceasefire': the truce is still proposed."""
    if span.label_ not in ACCEPT_CUES or target.start <= span.end:
        return False
    return any(doc[i].lower_ in PROPOSAL_NOUNS for i in range(span.end, target.start))


def _hypothetical(doc: Doc, token_index: int) -> bool:
    """'a truce would be negotiated', 'it will only agree to', 'urged them to sign': a modal or
    'to' before a one-word cue makes it a wish or a condition, not a step taken."""
    i = token_index - 1
    while i >= 0 and token_index - i <= 3 and doc[i].lower_ in MODAL_GAP_WORDS:
        i -= 1
    return i >= 0 and token_index - i <= 3 and doc[i].lower_ in MODALS


def _negated(doc: Doc, token_index: int) -> bool:
    return any(doc[i].lower_ in NEGATORS for i in range(max(0, token_index - 2), token_index))


def _nearest_mention(doc: Doc, story: StoryText, mentions: list[Mention], kind: str, cue: int) -> Optional[Mention]:
    """The mention a status cue describes: one in the same clause, else the nearest one nearby."""
    same_type = [m for m in mentions if m.type == kind]
    if not same_type:
        return None
    clause = story.clause_of(cue, same_type[0].sentence)
    in_clause = [m for m in same_type if clause[0] <= m.start < clause[1] and not _contrast_between(doc, m, cue)]
    # across a comma only a near modifier ('a four-month-old, U.N.-brokered ceasefire') or a
    # clause that points back ('…, mediated by Qatar,' / '… before it collapsed')
    pool = in_clause or [m for m in same_type if 0 < m.start - cue <= MAX_CROSS_CLAUSE_DISTANCE]
    if not pool and _points_back(doc, cue):
        pool = [m for m in same_type if 0 < cue - m.start <= MAX_BACK_REFERENCE_DISTANCE]
    if not pool and clause[0] > 0 and doc[clause[0] - 1].text in DASHES:
        # 'The truce — signed on Friday by both sides — was shattered': the subject before the aside
        pool = [m for m in same_type if m.start < cue and doc[min(len(doc) - 1, story.clause_of(
            m.start, m.sentence)[1])].text in DASHES]
    if not pool:
        return None
    return min(pool, key=lambda m: (abs(m.start - cue), m.start))


def _contrast_between(doc: Doc, m: Mention, cue: int) -> bool:
    """'the talks are set for July 30 but discussions are ongoing': 'but' starts another clause."""
    lo, hi = (m.end, cue) if m.start < cue else (cue, m.start)
    return any(doc[i].lower_ in CONTRAST_WORDS for i in range(lo, hi))


def _other_type_nearer(mentions: list[Mention], target: Mention, cue: int) -> bool:
    """A cue both types know ('held', 'brokered') belongs to the nearest mention of either."""
    distance = abs(target.start - cue)
    return any(m.type != target.type and abs(m.start - cue) < distance for m in mentions)


def _points_back(doc: Doc, cue: int) -> bool:
    """', mediated by …' right after a comma, or 'it'/'which' just before the cue."""
    before = [doc[i] for i in range(max(0, cue - 2), cue)]
    return bool(before) and (before[-1].text == "," or any(t.lower_ in BACK_REFERENCE for t in before))


def _inherit_compared_cues(doc: Doc, story: StoryText, mentions: list[Mention]) -> None:
    """'…, just like two previous cease-fires': the compared truce shares the clause's fate."""
    for k, m in enumerate(mentions):
        clause_start, _ = story.clause_of(m.start, m.sentence)
        opening = doc[clause_start:min(clause_start + 2, m.start)].text.lower()
        if k == 0 or not opening.startswith(COMPARISON_OPENERS):
            continue
        previous = [p for p in mentions[:k] if p.type == m.type]
        if previous:
            m.cues.extend(previous[-1].cues)


# -- 2. grouping -------------------------------------------------------------
def group_mentions(mentions: list[Mention]) -> list[Draft]:
    """Mentions -> distinct events, in story order."""
    drafts: list[Draft] = []
    for m in mentions:
        same = [d for d in drafts if d.type == m.type]
        if m.dated and m.type == "ceasefire":
            if m.cues and not m.anaphor:           # "the 1994 ceasefire collapsed": its own event
                drafts.append(Draft(m.type, [m]))
            continue                               # a passing mention must not touch today's truce
        if m.quoted and same:
            target = _latest_real(same)            # "it has broken the ceasefire," he said: the same truce
        else:
            target = _ceasefire_target(m, same) if m.type == "ceasefire" else _talks_target(m, same)
        if target is None:
            if m.anaphor:
                continue
            target = Draft(m.type)
            drafts.append(target)
        target.mentions.append(m)
    return drafts


def _latest_real(drafts: list[Draft]) -> Draft:
    """Definite references point at a truce that exists, not at a proposal."""
    real = [d for d in drafts if d.rank != 0]
    return (real or drafts)[-1]


def _ceasefire_target(m: Mention, drafts: list[Draft]) -> Optional[Draft]:
    if not drafts:
        return None
    if m.parties and not m.definite and any(d.parties for d in drafts):
        same_parties = [d for d in drafts if d.parties == m.parties]
        # 'a truce between Israel and Hezbollah' beside one between Israel and Hamas: another truce
        # ('the ceasefire between Israel and Lebanon' may name the same one's sides otherwise)
        if not same_parties:
            return None
    if all(x.headline for x in drafts[-1].mentions) and not m.headline and not m.distinct:
        return drafts[-1]
    other_duration = m.duration and any(d.duration and d.duration != m.duration for d in drafts)
    same_duration = [d for d in drafts if m.duration and d.duration == m.duration]
    if same_duration:
        return same_duration[-1]
    if (m.distinct or other_duration) and m.cues and not m.definite:
        return None
    proposes = m.cues and m.rank == 0
    if proposes and not m.definite and drafts[-1].rank != 0:
        return None
    if m.rank > 0 and not m.definite and all(d.rank == 0 for d in drafts):
        return None                    # a truce that happened, beside truces only proposed
    return _latest_real(drafts)


def _talks_target(m: Mention, drafts: list[Draft]) -> Optional[Draft]:
    if not drafts:
        return None
    latest = drafts[-1]
    if m.ordinal:                      # 'a new round' then 'the fifth round': rounds apart unless numbered alike
        numbered = [d for d in drafts if any(x.ordinal == m.ordinal for x in d.mentions)]
        if numbered:
            return numbered[-1]
        if any(x.ordinal or x.distinct for x in latest.mentions):
            return None
    if m.anaphor or m.definite:
        # 'after the talks' (held) points at the round that was held, not at one still planned
        same_status = [d for d in drafts if d.rank == m.rank] if m.rank >= 0 else []
        return same_status[-1] if same_status else latest
    if all(x.headline for x in latest.mentions):
        return latest
    if m.rank < 0:
        return latest
    if m.distinct:
        return None
    same_status = [d for d in drafts if d.rank == m.rank]
    if same_status:
        return same_status[-1]         # the lead restated lower down: the same round
    if latest.rank >= 0:
        return None
    return latest


# -- 3. describing -----------------------------------------------------------
def describe(doc: Doc, story: StoryText, draft: Draft, drafts: list[Draft], names: NameIndex) -> Optional[Event]:
    ranks = STATUS_RANK[draft.type]
    rank = draft.rank
    if rank < 0:
        if draft.type == "talks":
            return None                 # "open to talks": no round of talks reported
        if not any(m.definite or m.headline for m in draft.mentions):
            return None                 # "meetings on hostages and a ceasefire": a topic, not a truce reported
        rank = ranks.index("agreed")   # "the truce with the rebels": a truce the story reports is a deal made
    deciding = _evidence_mention(draft, rank)
    d_start, d_end = _evidence_tokens(doc, story, deciding, draft, drafts)
    cue = next((i for r, i in deciding.cues if r == rank), deciding.start)
    start, end = _evidence_tokens(doc, story, _introducing_mention(doc, story, draft), draft, drafts)
    return Event(
        type=draft.type,
        status=ranks[rank],
        date=_event_date(doc, story, draft, drafts, deciding, rank, d_start, d_end, cue),
        brokers=_brokers(doc, story, draft, drafts, names),
        parties=_parties(doc, story, draft, names),
        location=_location(doc, story, draft, names) if draft.type == "talks" else None,
        text=doc[start:end].text,
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1].text),
    )


def _introducing_mention(doc: Doc, story: StoryText, draft: Draft) -> Mention:
    """Where the story introduces the event (its first mention outside headline and photo
    captions): the text an analyst cites as evidence, while status and date come from the
    story's latest word on it."""
    captions = getattr(doc._, ext.CAPTIONS, None) or []

    def in_caption(m: Mention) -> bool:
        char = doc[m.start].idx
        return any(start <= char < end for start, end in captions)

    body = [m for m in draft.mentions if not m.headline]
    outside = [m for m in body if not in_caption(m)]
    plain = [m for m in outside if not _looks_like_caption(doc, story, m)]
    return next(iter(plain or outside), (body or draft.mentions)[0])


def _looks_like_caption(doc: Doc, story: StoryText, m: Mention) -> bool:
    """A sentence the page parser left unmarked as a caption: 'President X (C) raises held hands
    with President Y (L) …', a trailing '/ AFP / NAME' credit, or a present-tense scene that ends
    with a date ('Soldiers patrol a street in Kalbajar, November 25, 2020.')."""
    s, e = story.ranges[m.sentence]
    text = doc[s:e].text.strip()
    if _CAPTION_POSITION.search(text) or _CAPTION_CREDIT.search(text):
        return True
    if _CAPTION_DATE_END.search(text):      # 'Soldiers patrol a street in Kalbajar, November 25, 2020.'
        return not any(doc[i].lower_ in _NOT_A_SCENE for i in range(s, e))
    return False


def _evidence_mention(draft: Draft, rank: int) -> Mention:
    """First story (non-headline) mention that gave the final status, else the first story mention."""
    body = [m for m in draft.mentions if not m.headline] or draft.mentions
    deciding = [m for m in body if m.rank == rank]
    return (deciding or body)[0]


def _evidence_tokens(doc: Doc, story: StoryText, m: Mention, draft: Draft, drafts: list[Draft]) -> tuple[int, int]:
    """The mention's sentence, narrowed to its clause(s) when another event of the same
    type is mentioned in that sentence too."""
    s, e = story.ranges[m.sentence]
    others = [o for d in drafts if d is not draft and d.type == draft.type for o in d.mentions if o.sentence == m.sentence]
    start, end = s, e
    for o in others:
        lo, hi = (o.end, m.start) if o.start < m.start else (m.end, o.start)
        cuts = [i for i in range(lo, hi) if doc[i].text in CLAUSE_BOUNDARIES]
        if not cuts:
            continue
        if o.start < m.start:
            start = max(start, cuts[-1] + 1)
        else:
            end = min(end, cuts[0])
    while start > s and start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1                     # a clause cut leaves no leading comma
    while end > start and doc[end - 1].is_space:
        end -= 1
    return (start, end) if end > start else (s, e)


def _event_date(doc: Doc, story: StoryText, draft: Draft, drafts: list[Draft], deciding: Mention, rank: int,
                start: int, end: int, cue: int) -> Optional[str]:
    """The date by the deciding cue; for talks still to come that the deciding sentence dates only
    by what happened before them ('met on Monday in preparation for talks'), a later mention's date
    ('the talks are due to open on Aug. 14')."""
    if deciding.prospective_from is None:
        return _date_near(doc, story, start, end, cue)
    found = _date_near(doc, story, max(start, deciding.prospective_from), end, cue)
    if found:
        return found
    for m in draft.mentions:
        if m is deciding or m.rank != rank or m.headline:
            continue
        s, e = _evidence_tokens(doc, story, m, draft, drafts)
        m_cue = next((i for r, i in m.cues if r == rank), m.start)
        found = _date_near(doc, story, s, e, m_cue)
        if found:
            return found
    return None


def _date_near(doc: Doc, story: StoryText, start: int, end: int, cue: int) -> Optional[str]:
    """The resolved calendar date in the evidence nearest the status cue."""
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    cue_char = doc[cue].idx
    dates = [d for d in (getattr(doc._, ext.DATES, None) or []) if lo <= d.start and d.end <= hi]
    best = None
    for d in sorted(dates, key=lambda d: abs(d.start - cue_char)):
        value = d.value if d.value and _ISO_VALUE.match(d.value) and d.kind == "date" else None
        if value is None and d.text.lower().strip() in NEXT_DAY:
            value = _day_after_previous(dates, d)
        if value:
            best = value
            break
    return best


def _day_after_previous(dates: list, relative) -> Optional[str]:
    """'a ceasefire agreed the following day' after 'September 19' -> September 20."""
    earlier = [d for d in dates if d.end <= relative.start and d.value and len(d.value) == 10]
    if not earlier:
        return None
    try:
        day = dt.date.fromisoformat(earlier[-1].value)
    except ValueError:
        return None
    return (day + dt.timedelta(days=1)).isoformat()


# -- brokers, parties, location ------------------------------------------------
def _brokers(doc: Doc, story: StoryText, draft: Draft, drafts: list[Draft], names: NameIndex) -> list[str]:
    """'U.S.-brokered', 'mediated by X', 'mediators X, Y and Z', 'Russia last week brokered'
    anywhere in the mention's sentence (or its part when the sentence names another truce)."""
    found: list[str] = []
    for m in draft.mentions:
        s, e = _evidence_tokens(doc, story, m, draft, drafts)
        text_lo, text_hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        for match in _BROKERED_BY_HYPHEN.finditer(story.text, text_lo, text_hi):
            for name in _hyphen_brokers(match.group(1), match.start(1), names):
                _add(found, name)
        for match in _BROKER_BEFORE_AND.finditer(story.text, text_lo, text_hi):      # 'U.S.- and Saudi-brokered'
            _add(found, _name_for(match.group(1), match.start(1), match.end(1), names))
        for i in range(s, e):
            low = doc[i].lower_
            if low in BROKER_VERBS and i + 1 < e and (doc[i + 1].lower_ == "by" or
                                                      low == "mediation" and doc[i + 1].lower_ == "of"):
                found.extend(n for n in _named_list(doc, names, i + 2, e) if n not in found)
            elif low in BROKER_NOUNS:
                found.extend(n for n in _named_list(doc, names, i + 1, e) if n not in found)
            elif low in BROKER_VERBS:
                found.extend(n for n in _named_before(doc, names, i, s) if n not in found)
                _add(found, _demonym_before(doc, i, s))
    countries: list[str] = []
    for name in found:
        _add(countries, _country_for_capital(name))
    return countries


def _parties_between(doc: Doc, story: StoryText, m: Mention, names: NameIndex) -> list[str]:
    """'a truce between Israel and Hamas', 'a ceasefire agreement between A and B'."""
    found: list[str] = []
    s, e = story.ranges[m.sentence]
    for i in range(m.end, min(e, m.end + 4)):
        if doc[i].lower_ == "between":
            for token_index in range(i + 1, min(e, i + 10)):
                tok = doc[token_index]
                if tok.text in CLAUSE_BOUNDARIES or tok.lower_ in ("over", "on", "in", "to", "for"):
                    break
                hit = names.within(tok.idx, tok.idx + len(tok.text))
                if hit and hit[0].kind in ("place", "org"):
                    _add(found, hit[0].name)
                elif tok.is_title:
                    country = country_of_demonym(tok.text)
                    if country:
                        _add(found, country.name)
            break
    return found


def _parties(doc: Doc, story: StoryText, draft: Draft, names: NameIndex) -> list[str]:
    found: list[str] = []
    for m in draft.mentions:
        s, e = story.ranges[m.sentence]
        for name in sorted(m.parties, key=lambda n: story.text.find(n, doc[m.start].idx)):
            _add(found, name)
        for i in range(s, m.start):
            if doc[i].lower_ in PARTY_VERBS:
                for n in _named_before(doc, names, i, s):
                    _add(found, n)
    return found


def _location(doc: Doc, story: StoryText, draft: Draft, names: NameIndex) -> Optional[str]:
    for m in draft.mentions:
        s, e = story.clause_of(m.start, m.sentence)
        for i in range(s, e - 1):
            if doc[i].lower_ in ("in", "at"):
                tok = doc[i + 1]
                last = doc[min(e, i + 5) - 1]
                hit = [n for n in names.within(tok.idx, last.idx + len(last.text)) if n.start == tok.idx]
                if hit and hit[0].kind == "place":
                    return hit[0].name
    return None


def _named_list(doc: Doc, names: NameIndex, start: int, stop: int) -> list[str]:
    """'Qatar, the United States and Egypt' -> three names (places or organisations)."""
    out: list[str] = []
    i = start
    while i < stop:
        tok = doc[i]
        hit = [n for n in names.within(tok.idx, doc[min(stop, i + 8) - 1].idx + len(doc[min(stop, i + 8) - 1].text))
               if n.start == tok.idx and n.kind in ("place", "org")]
        if hit:
            _add(out, hit[0].name)
            while i < stop and doc[i].idx < hit[0].end:
                i += 1
            continue
        if tok.text == "," or tok.lower_ in ("and", "the"):
            i += 1
            continue
        break
    return out


def _named_before(doc: Doc, names: NameIndex, verb: int, stop: int) -> list[str]:
    """'Russia last week brokered', 'Qatar and Egypt, who have been facilitating': names just before."""
    i = verb - 1
    while i >= stop and verb - i <= 5 and (doc[i].lower_ in ("who", "have", "has", "had", "been", "last", "this",
                                                             "week", "month", "year", "also", "jointly", ",")
                                           or doc[i].is_space):
        i -= 1
    out: list[str] = []
    while i >= stop:
        tok = doc[i]
        hit = [n for n in names.within(max(0, tok.idx - 60), tok.idx + len(tok.text))
               if n.end == tok.idx + len(tok.text) and n.kind in ("place", "org")]
        if hit:
            out.insert(0, hit[-1].name)
            while i >= stop and doc[i].idx >= hit[-1].start:
                i -= 1
            continue
        if tok.text == "," or tok.lower_ in ("and", "the"):
            i -= 1
            continue
        break
    return out


def _demonym_before(doc: Doc, verb: int, stop: int) -> Optional[str]:
    """'Norwegian negotiators brokered a ceasefire' -> Norway."""
    i = verb - 1
    while i >= stop and verb - i <= 4 and doc[i].lower_ in ("who", "have", "has", "had", "been", "also", "jointly"):
        i -= 1
    if i < stop + 1 or doc[i].lower_ not in BROKER_PEOPLE:
        return None
    candidates = []
    if i - 2 >= stop and doc[i - 2].is_title and doc[i - 1].is_title:
        candidates.append(doc[i - 2].text + " " + doc[i - 1].text)     # 'South African envoys'
    if doc[i - 1].is_title or doc[i - 1].is_upper:
        candidates.append(doc[i - 1].text)
    for word in candidates:
        entry = country_of_demonym(word)
        if entry is not None:
            return entry.name
        if word.lower() in DEMONYM_COUNTRIES:
            return DEMONYM_COUNTRIES[word.lower()]
    return None


def _hyphen_brokers(text: str, start: int, names: NameIndex) -> list[str]:
    """'U.S.-brokered' -> one broker; 'U.S.-Russian brokered' -> two, when the whole is no name."""
    whole = _name_for(text, start, start + len(text), names)
    parts = text.split("-")
    if len(parts) == 1 or whole != text:
        return [whole] if whole else []
    out, offset = [], start
    for part in parts:
        if part:
            out.append(_name_for(part, offset, offset + len(part), names))
        offset += len(part) + 1
    return [n for n in out if n]


def _name_for(text: str, start: int, end: int, names: NameIndex) -> Optional[str]:
    """A broker written as 'U.S.', 'U.N.' or 'Egyptian': the record's name, else the gazetteer's, else as written."""
    hit = names.within(start, end)
    if hit:
        return hit[0].name
    alias = names.alias_to_name.get(text.lower())
    if alias:
        return alias[0]
    entry = country_of_demonym(text) or lookup_place(text)      # 'Egyptian-brokered', 'U.S.-brokered'
    return entry.name if entry else text


def _country_for_capital(name: str) -> str:
    """A capital brokering a truce stands for its country: 'Cairo-brokered' -> Egypt."""
    entry = lookup_place(name)
    if entry is None or entry.kind not in CITY_KINDS or not entry.country_code:
        return name
    country = country_by_code(entry.country_code)
    return country.name if country else name


def _add(found: list[str], name: Optional[str]) -> None:
    if name and name not in found:
        found.append(name)


@Language.factory("karabakh_events", assigns=[f"doc._.{ext.EVENTS}"])
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    ext.register_extensions()
    return EventFinder(nlp, name)
