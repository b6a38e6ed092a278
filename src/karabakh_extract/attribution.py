"""Who says so: the source a statement or figure is attributed to ("claimed_by").

Wire copy attributes in a few fixed shapes, which token rules can read without a
parser:

* before the claim:  "X said (that) ...", "X says ...", "According to X, ..."
* after the claim:   "..., X said.", "..., said X.", "..., according to X."
* for a paragraph:   "... . Another 15 were killed, the monitor said." covers the
  earlier sentences of its paragraph that name no source of their own.

The source is given as a person's full name or an organisation's name when the
earlier components (people, organizations) found one inside the source phrase,
else as the phrase itself ("local officials", "medics"). Pronouns ("he said")
resolve to the last named source before them.

Use `find_claimant(doc, span)` for one span, or one `Attributor(doc)` for many
spans of the same Doc (it caches per sentence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from . import extensions as ext
from .data import load_lines

REPORTING_VERBS = frozenset(load_lines("figures_reporting_verbs.txt"))
PRONOUNS = frozenset("he she they it we i".split())
# Words between a source and its verb: "the separatists have said", "he later told".
AUXILIARIES = frozenset(
    "has have had also will would could may might later earlier previously again further "
    "separately then did does do not n't n’t 've ’ve 's ’s has already".split())
# Inside a source phrase these small words may join two halves ("Officials in Armenia").
PHRASE_LINKS = frozenset("of in for from at on the a an both ’s 's".split())
PHRASE_STOPS = (STOP_WORDS - PHRASE_LINKS) | REPORTING_VERBS | {"according"}
CLOSING_QUOTES = frozenset(("”", "\"", "’", "'", "»"))
OPENING_QUOTES = frozenset(("“", "\"", "‘", "«"))
MAX_PHRASE = 12
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Claim:
    """One attribution in a sentence: where its cue is, who, and which way it points."""

    cue: int                 # token index of the reporting verb or of "according"
    claimant: Optional[str]
    trailing: bool           # the source follows what it reports (", X said.")
    pronoun: bool = False    # the claimant was a pronoun resolved to an earlier source


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    is_person: bool


class Attributor:
    """Finds claimants for spans of one Doc; claims are computed once per sentence."""

    def __init__(self, doc: Doc, sentences: Optional[list[Span]] = None) -> None:
        """`sentences`: the Doc's `story_sentences`, when the caller has them already."""
        self.doc = doc
        self.text = doc.text
        self.mentions = _known_mentions(doc)
        self._sentences = sentences if sentences is not None else story_sentences(doc)
        self._sentence_of = {}
        for index, sent in enumerate(self._sentences):
            for i in range(sent.start, sent.end):
                self._sentence_of[i] = index
        self._paragraph = _paragraph_ids(paragraph_breaks(doc), self._sentences)
        self._claims: dict[int, list[Claim]] = {}

    def claimant_for(self, span: Span) -> Optional[str]:
        """The source of the claim containing `span`, or None when the story names none."""
        if len(span) == 0 or not self._sentences:
            return None
        index = self._sentence_of.get(span.start)
        if index is None:
            return None
        claim = _pick_claim(self.claims(index), span.start)
        if claim is None:
            claim = self._paragraph_claim(index)
        return claim.claimant if claim else None

    def claims(self, index: int) -> list[Claim]:
        """Attributions found in sentence `index` (cached)."""
        if index not in self._claims:
            self._claims[index] = [c for c in self._find_claims(self._sentences[index], index) if c.claimant]
        return self._claims[index]

    def _paragraph_claim(self, index: int) -> Optional[Claim]:
        """A trailing source later in the paragraph, else the last source earlier in it."""
        paragraph = self._paragraph[index]
        later = index + 1
        while later < len(self._sentences) and self._paragraph[later] == paragraph:
            trailing = [c for c in self.claims(later) if c.trailing]
            if trailing:
                return trailing[-1]
            later += 1
        earlier = index - 1
        while earlier >= 0 and self._paragraph[earlier] == paragraph:
            if self.claims(earlier):
                return self.claims(earlier)[-1]
            earlier -= 1
        return None

    def _find_claims(self, sent: Span, index: int) -> list[Claim]:
        doc = self.doc
        claims: list[Claim] = []
        for token in sent:
            lower = token.lower_
            if lower == "according" and token.i + 1 < sent.end and doc[token.i + 1].lower_ == "to":
                phrase = _phrase_after(doc, token.i + 2, sent.end)
                claims.append(Claim(token.i, self._name(phrase, index), trailing=True))
            elif lower in REPORTING_VERBS and not _is_noun_use(token, sent):
                claims.append(self._verb_claim(token, sent, index, claims))
        return claims

    def _verb_claim(self, verb: Token, sent: Span, index: int, earlier: list[Claim]) -> Claim:
        doc = self.doc
        before = _word_before(doc, verb.i, sent.start)
        if before >= sent.start and (doc[before].text == "," or doc[before].text in CLOSING_QUOTES):
            phrase = _phrase_after(doc, verb.i + 1, sent.end)          # ", said the ministry"
            if phrase is not None:
                return self._claim(verb.i, phrase, index, trailing=True)
        j = before
        while j >= sent.start and (doc[j].lower_ in AUXILIARIES or doc[j].is_space):
            j -= 1
        if j >= sent.start and doc[j].lower_ in PRONOUNS:                # ", he said."
            return self._claim(verb.i, doc[j:j + 1], index, _opens_after_comma(doc, j, sent))
        if j >= sent.start and doc[j].text == ",":
            person = self._mention_ending_at(doc[j - 1].idx + len(doc[j - 1].text)) if j > sent.start else None
            if person is not None:                                      # "..., Diaa Rashwan, had said"
                return Claim(verb.i, person.name, trailing=False)
        phrase = _phrase_before(doc, j, sent.start)
        if phrase is None:
            if earlier:                                                 # "he said, adding that ..."
                return Claim(verb.i, earlier[-1].claimant, trailing=False)
            phrase = _phrase_after(doc, sent.start, verb.i)             # "X haven't ..., but say ..."
            if phrase is None:
                return Claim(verb.i, None, trailing=False)
        return self._claim(verb.i, phrase, index, _opens_after_comma(doc, phrase[0].i, sent))

    def _claim(self, cue: int, phrase: Span, index: int, trailing: bool) -> Claim:
        if len(phrase) == 1 and phrase[0].lower_ in PRONOUNS:
            return Claim(cue, self._resolve_pronoun(phrase[0], index), trailing, pronoun=True)
        return Claim(cue, self._name(phrase, index), trailing)

    def _name(self, phrase: Optional[Span], index: int) -> Optional[str]:
        """Person's full name > organisation name > the phrase as written."""
        if phrase is None:
            return None
        if len(phrase) == 1 and phrase[0].lower_ in PRONOUNS:
            return self._resolve_pronoun(phrase[0], index)
        # Only a name at the head (end) of the phrase is its source: "Azerbaijani authorities"
        # is not a person even when NER tags "Azerbaijani" as one.
        heads = [m for m in self.mentions if m.start >= phrase.start_char and m.end == phrase.end_char]
        people = [m for m in heads if m.is_person]
        if people:
            return people[0].name
        for org in heads:
            rest = (self.text[phrase.start_char:org.start] + self.text[org.end:phrase.end_char]).split()
            if all(w.lower() in ("the", "a", "an") for w in rest):
                return org.name
        return " ".join(phrase.text.split()) or None

    def _resolve_pronoun(self, pronoun: Token, index: int) -> Optional[str]:
        """The last named source before this sentence (a person for he/she)."""
        wants_person = pronoun.lower_ in ("he", "she")
        names = {m.name for m in self.mentions if m.is_person}
        for earlier in range(index - 1, -1, -1):
            for claim in reversed(self.claims(earlier)):
                if not claim.pronoun and (not wants_person or claim.claimant in names or not names):
                    return claim.claimant
        if wants_person:
            before = [m for m in self.mentions if m.is_person and m.end <= pronoun.idx]
            if before:
                return before[-1].name
        return None

    def _mention_ending_at(self, end_char: int) -> Optional[_Mention]:
        for mention in self.mentions:
            if mention.end == end_char and mention.is_person:
                return mention
        return None


def find_claimant(doc: Doc, span: Span) -> Optional[str]:
    """Who the story says reports what `span` states (person, organisation or phrase), or None."""
    return Attributor(doc).claimant_for(span)


def _word_before(doc: Doc, i: int, stop: int) -> int:
    """Index of the last non-space token before token i (stop - 1 when there is none)."""
    i -= 1
    while i >= stop and doc[i].is_space:
        i -= 1
    return i


def _opens_after_comma(doc: Doc, first: int, sent: Span) -> bool:
    """A source right after a comma or closing quote trails what it reports: '..., X said.'"""
    before = _word_before(doc, first, sent.start)
    return before >= sent.start and (doc[before].text == "," or doc[before].text in CLOSING_QUOTES)


def _pick_claim(claims: list[Claim], at: int) -> Optional[Claim]:
    """The nearest source after the claim if it trails, else the outermost one before it."""
    after = [c for c in claims if c.cue > at and c.trailing]
    if after:
        return after[0]
    before = [c for c in claims if c.cue < at]
    return before[0] if before else None


def _is_noun_use(token: Token, sent: Span) -> bool:
    """'the reported deaths', 'a confirmed case': a determiner before the verb makes it an adjective."""
    return token.i > sent.start and token.doc[token.i - 1].lower_ in ("the", "a", "an", "its", "their")


def _phrase_token(token: Token) -> bool:
    text = token.text
    if token.lower_ in PHRASE_LINKS or token.is_space:      # hard-wrapped lines run through a phrase
        return True
    if token.lower_ in PHRASE_STOPS or token.is_punct or token.is_space or token.like_num:
        return text in ("-", "–") if token.is_punct else False
    return any(c.isalpha() for c in text)


def _phrase_before(doc: Doc, end: int, stop: int) -> Optional[Span]:
    """The source phrase ending at token `end` (inclusive), walking back at most MAX_PHRASE tokens."""
    i = end
    while i >= stop and end - i < MAX_PHRASE and _phrase_token(doc[i]):
        i -= 1
    start = i + 1
    while start <= end and (doc[start].is_space or doc[start].lower_ in PHRASE_LINKS - {"the", "a", "an"}):
        start += 1                      # never open on "of"/"in"/"’s"
    while end >= start and doc[end].is_space:
        end -= 1
    return doc[start:end + 1] if start <= end else None


def _phrase_after(doc: Doc, start: int, stop: int) -> Optional[Span]:
    """The source phrase starting at token `start`, up to punctuation or a clause word."""
    while start < stop and doc[start].is_space:
        start += 1
    i = start
    while i < stop and i - start < MAX_PHRASE and _phrase_token(doc[i]):
        i += 1
    end = i
    while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in PHRASE_LINKS):
        end -= 1                        # never close on "of"/"the"
    return doc[start:end] if end > start else None


def _known_mentions(doc: Doc) -> list[_Mention]:
    """People and organisations found by earlier components, else the model's PERSON/ORG entities."""
    mentions: list[_Mention] = []
    model_people = [e for e in doc.ents if e.label_ == "PERSON"]
    for records, is_person, label in ((getattr(doc._, ext.PEOPLE, None) or [], True, "PERSON"),
                                      (getattr(doc._, ext.ORGANIZATIONS, None) or [], False, "ORG")):
        for record in records:
            for m in record.mentions:
                mentions.append(_Mention(m.start, m.end, record.name, is_person))
        if not records:
            for ent in doc.ents:
                if ent.label_ == label:
                    name = _fullest_person_name(ent, model_people) if is_person else ent.text
                    mentions.append(_Mention(ent.start_char, ent.end_char, name, is_person))
    return sorted(mentions, key=lambda m: m.start)


def _fullest_person_name(ent: Span, people: list[Span]) -> str:
    """'Rashwan' -> 'Diaa Rashwan' when the story names him in full elsewhere."""
    last = ent[-1].text
    longer = [p.text for p in people if len(p) > len(ent) and p[-1].text == last]
    return max(longer, key=len) if longer else ent.text


def story_sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, also cut at paragraph breaks (the splitter may run across them).

    A paragraph break is a blank line; in text without blank lines (one paragraph
    per line) it is a newline after a sentence end or before a capitalised line
    ("...delay\nHamas said"), so hard-wrapped lines ("health\nagency") stay together.
    """
    if len(doc) == 0:
        return []
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    breaks = paragraph_breaks(doc)
    out: list[Span] = []
    b = 0
    for sent in sentences:
        start = sent.start
        while b < len(breaks) and breaks[b] < sent.end:
            if breaks[b] > start:
                out.append(doc[start:breaks[b] + 1])
                start = breaks[b] + 1
            b += 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return out


def paragraph_breaks(doc: Doc) -> list[int]:
    """Indices of the whitespace tokens that end a paragraph (see `story_sentences`)."""
    spaces = [t for t in doc if t.is_space and "\n" in t.text]
    blank_lines = any(_BLANK_LINE.search(t.text) for t in spaces)
    return [t.i for t in spaces
            if (_BLANK_LINE.search(t.text) if blank_lines else _line_ends_paragraph(doc, t.i))]


def _line_ends_paragraph(doc: Doc, newline: int) -> bool:
    before = _word_before(doc, newline, 0)
    after = newline + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    if before < 0 or after >= len(doc):
        return True
    previous, following = doc[before], doc[after]
    if previous.text[-1:] in ".!?:" or previous.text in CLOSING_QUOTES:
        return True
    return following.text[:1].isupper() and previous.lower_ not in STOP_WORDS and previous.text != ","


def _paragraph_ids(breaks: list[int], sentences: list[Span]) -> list[int]:
    """Paragraph number of each sentence: a new one after every paragraph break."""
    ids, current, b = [], 0, 0
    for sent in sentences:
        crossed = False
        while b < len(breaks) and breaks[b] <= sent.start:
            crossed, b = True, b + 1
        if crossed and ids:
            current += 1
        ids.append(current)
    return ids
