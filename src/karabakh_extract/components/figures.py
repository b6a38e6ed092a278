"""The karabakh_figures component: every number in the story that is not a date.

Each quantity ("1,166", "at least 90", "two dozen", "$2 billion", "30%",
"a thousand miles") becomes a Figure with its value, unit, qualifier, the
phrase it counts (subject), a category and who reports it (claimed_by).

No parser runs, so the category comes from casualty words around the number,
tried from the most to the least direct reading of wire copy:

1. a unit after or a currency before it: distance, money, percent;
2. a casualty verb right before it:      "killed at least 90 civilians";
3. a casualty word after it in its clause, past a list sharing it:
                                          "1,166 troops and 39 civilians have been killed";
4. the counted noun itself:              "33 hostages", "30 refugees";
5. the list it continues:                "three were killed in A and five in B";
6. a casualty word earlier in the sentence when the number closes its clause:
                                          "the death toll had topped 1,000",
                                          "those killed included 336 fighters and 298 civilians".

Counts of things that are never casualties ("13 villages") stay counts whatever
verb is near. Lexicons are data files (data/figures_*).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..attribution import REPORTING_VERBS, Attributor, story_sentences
from ..data import load_lines, load_tsv
from ..numbers import (ARTICLES, DOZEN, HALF, NUMBER_WORDS, SCALE_ABBREVIATIONS, SCALE_WORDS, UNIT_WORDS, VAGUE_WORDS,
                       as_number, parse_digits, parse_quantity)
from ..records import CASUALTY_CATEGORIES, Figure

SCORED_CATEGORIES = frozenset(CASUALTY_CATEGORIES + ("distance", "money", "percent"))
PERSON_NOUNS = frozenset(load_lines("figures_person_nouns.txt"))
NONPERSON_NOUNS = frozenset(load_lines("figures_nonperson_nouns.txt"))
TIME_UNITS = frozenset(load_lines("figures_time_units.txt"))
IDENTIFIER_WORDS = frozenset(load_lines("figures_identifier_words.txt"))
YEARS = range(1900, 2101)
MAX_PHRASE_WORDS = 3

# Words that end the counted phrase: function words, and time words and verbs that follow
# a subject in news copy ("27 people overnight", "30,000 people remain trapped").
PHRASE_STOPS = STOP_WORDS | frozenset(
    "overnight today yesterday tonight earlier later alone remain remains remained".split())
# Words a quantity is built from besides its first token.
RUN_WORDS = NUMBER_WORDS | {"and", "-"}
# "of their troops", "of whom were": the number picks part of what follows.
PARTITIVE_WORDS = frozenset("their its his her the our your these those them whom which us".split())
PARTITIVE_PRONOUNS = frozenset("them whom which these those us".split())
# "the one who", "no one": the pronoun, not the number.
ONE_PRONOUN_BEFORE = frozenset("no any every each the this that which someone anyone".split())
# Words that end a clause: a casualty word past them does not reach the number.
CLAUSE_WORDS = frozenset(
    "but while although though whereas because after before when as since until if unless where".split())
CLAUSE_PUNCT = frozenset(",;:.!?()[]—–")
QUOTES = frozenset("“”\"‘’'«»")
# After these the number's clause goes on without a verb of its own ("... 298 civilians from the group").
COMPLEMENT_WORDS = frozenset(
    "and or from in on at since during including among with of across near over according as "
    "after before while when by".split())
# A list goes on after these: "1,166 troops and 39 civilians", "three ..., five ...".
LIST_WORDS = frozenset(("and", ",", "or", "plus", "to"))
# A casualty verb after these tells of an aim or a risk, not of a death: "to kill", "could die".
IRREALIS_WORDS = frozenset("to would could might may will can should".split())
# ", including children," / ", most of them civilians,": an aside between a number and its verb.
ASIDE_OPENERS = frozenset("including among mostly most many all some both or".split())
ASIDE_WINDOW = 8
PREDICATE_WINDOW = 8
BACKWARD_WINDOW = 40
INHERIT_WINDOW = 15


@dataclass
class Quantity:
    """A number found in the text: its tokens, value, and the words around it that qualify it."""

    start: int                 # first token of the figure text (qualifier or currency included)
    number_start: int          # first token of the number itself
    end: int                   # token after the number and its unit
    value: float
    unit: Optional[str] = None
    category: Optional[str] = None
    qualifier: Optional[str] = None
    subject: Optional[Span] = None
    phrase_end: int = 0        # token after the counted phrase ("of their troops" included)


@dataclass(frozen=True)
class Cue:
    category: str
    role: str                  # noun | verb | moved
    start: int
    end: int


class FigureFinder:
    """Writes doc._.kx_figures: one Figure per number in the story that is not a date."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, category, role in load_tsv("figures_casualty_cues.tsv"):
            self.cues.add(f"{category}|{role}", [nlp.make_doc(phrase)])
        self.qualifiers_before = _phrase_table(nlp, "figures_qualifiers.tsv", "before")
        self.qualifiers_after = _phrase_table(nlp, "figures_qualifiers.tsv", "after")
        self.units_before = _phrase_table(nlp, "figures_units.tsv", "before")
        self.units_after = _phrase_table(nlp, "figures_units.tsv", "after")

    def __call__(self, doc: Doc) -> Doc:
        sentences = story_sentences(doc)
        view, positions = words_only(doc, sentences)
        dates = _date_tokens(doc)
        skip = {i for i, original in enumerate(positions) if original in dates}
        quantities = self.find(view, skip)
        setattr(doc._, ext.FIGURES, self.to_figures(doc, positions, quantities, sentences))
        return doc

    # ---- find -------------------------------------------------------------------------------
    def find(self, doc: Doc, skip: set[int]) -> list[Quantity]:
        """Every quantity outside the `skip` tokens (dates), with unit, qualifier, subject and category.

        `doc` has no whitespace tokens (see `words_only`), so "a\nthousand" is two adjacent words.
        """
        if len(doc) == 0:
            return []
        quantities = [q for q in self._quantities(doc, skip) if q is not None]
        cues = self._cues(doc)
        sentence_of = _sentence_index(doc)
        starts = {q.start: q for q in quantities}
        for q in quantities:
            self._read_subject(doc, q, skip, cues)
        for q in quantities:
            if q.category is None:
                q.category = self._classify(doc, q, quantities, starts, cues, sentence_of)
        return quantities

    def _quantities(self, doc: Doc, skip: set[int]):
        """Each run of number tokens once, left to right (None for runs that count nothing)."""
        i, n = 0, len(doc)
        while i < n:
            end = _number_end(doc, i)
            if end is None or i in skip:
                i += 1
                continue
            yield self._quantity(doc, i, end, skip)
            i = end

    def _quantity(self, doc: Doc, start: int, end: int, skip: set[int]) -> Optional[Quantity]:
        words = [t.lower_ for t in doc[start:end]]
        value = parse_quantity(words)
        if value is None or _is_not_a_count(doc, start, end, skip):
            return None
        q = Quantity(start=start, number_start=start, end=end, value=value)
        unit = _longest_before(doc, start, self.units_before)
        if unit:
            q.start, (q.unit, q.category) = start - unit[0], unit[1][:2]
            if end < len(doc) and doc[end].lower_ in SCALE_ABBREVIATIONS:      # "$3 m", "€2 bn"
                q.value, q.end = as_number(q.value * SCALE_ABBREVIATIONS[doc[end].lower_]), end + 1
        else:
            after = end + 1 if end + 1 < len(doc) and doc[end].text == "-" else end  # "5-kilometre"
            unit = _longest_after(doc, after, self.units_after)
            if unit:
                q.end, (q.unit, q.category) = after + unit[0], unit[1][:2]
        qualifier = _longest_before(doc, q.start, self.qualifiers_before)
        if qualifier:
            q.start, q.qualifier = q.start - qualifier[0], qualifier[1][0]
        trailing = _longest_after(doc, q.end, self.qualifiers_after)
        if trailing:
            q.end, q.qualifier = q.end + trailing[0], q.qualifier or trailing[1][0]
        if _is_age(doc, start, end):
            q.category = "other"
        elif q.unit is None and _is_compound_modifier(doc, end):
            q.category = "count"           # "a two-carriage tram", "a 2,000-strong force", "a 34-6 win"
        return q

    def _cues(self, doc: Doc) -> dict[str, dict[int, Cue]]:
        """Casualty cues by first and by last token (longest phrase wins)."""
        spans = []
        for match_id, s, e in self.cues(doc):
            spans.append(Span(doc, s, e, label=match_id))
        by_start, by_end = {}, {}
        for span in filter_spans(spans):
            category, role = span.label_.split("|")
            cue = Cue(category, role, span.start, span.end)
            by_start[span.start] = cue
            by_end[span.end - 1] = cue
        return {"start": by_start, "end": by_end}

    def _read_subject(self, doc: Doc, q: Quantity, skip: set[int], cues) -> None:
        """The counted phrase after the number: '336 Druze fighters', '1,166 of their troops'."""
        i, n = q.end, len(doc)
        if i + 1 < n and doc[i].lower_ == "of" and doc[i + 1].lower_ in PARTITIVE_WORDS:
            i += 2
        start = i
        while i < n and i - start < MAX_PHRASE_WORDS + 1 and i not in skip:
            token = doc[i]
            cue = cues["start"].get(i)
            if token.text == "-" and i > start and not token.whitespace_ and i + 1 < n:
                i += 1
                continue
            if (not token.is_alpha or token.lower_ in PHRASE_STOPS or token.lower_ in REPORTING_VERBS
                    or _is_adverb(token)
                    or (cue and cue.role != "noun")
                    or (i > start and token.lower_.endswith(("ed", "ing")))):
                break
            i += 1
        while i > start and doc[i - 1].text == "-":
            i -= 1
        q.phrase_end = i
        q.subject = doc[start:i] if i > start else None

    # ---- classify ---------------------------------------------------------------------------
    def _classify(self, doc: Doc, q: Quantity, quantities, starts, cues, sentence_of) -> str:
        head = q.subject.text.split()[-1].lower() if q.subject is not None else None
        counted_thing = head in NONPERSON_NOUNS
        sent = sentence_of(q.number_start)
        category = None
        if not counted_thing:
            category = (self._verb_before(doc, q, cues, sent, head)
                        or self._casualty_after(doc, q, starts, cues, sent)
                        or self._noun_subject(q, cues)
                        or self._continued_list(doc, q, quantities, sent)
                        or self._earlier_in_sentence(doc, q, starts, cues, sent, head))
        if category:
            return category
        return "count" if q.subject is not None else "other"

    def _verb_before(self, doc, q: Quantity, cues, sent, head) -> Optional[str]:
        """'killed at least 90', 'wounded 392', 'death toll of 50', 'lost 40 soldiers'."""
        t = q.start - 1
        if t < sent.start:
            return None
        cue, linked = cues["end"].get(t), False
        if cue is None and t - 1 >= sent.start and doc[t].lower_ in ("of", "to", "at"):
            cue, linked = cues["end"].get(t - 1), True
        if cue is None or cue.role == "moved" or _is_irrealis(doc, cue, sent):
            return None
        if linked and cue.role != "noun":
            return None                    # "killed at 10": a time; only "toll at 50", "bodies of 30" link
        if cue.role == "person" and (q.subject is None or not _person_like(head, q)):
            return None
        return cue.category

    def _casualty_after(self, doc, q: Quantity, starts, cues, sent) -> Optional[str]:
        """A casualty word later in the number's clause, past any list that shares it."""
        i = _past_list(doc, q.phrase_end, starts, sent)
        stop = min(sent.end, i + PREDICATE_WINDOW)
        inside_aside = q.start > sent.start and doc[q.start - 1].lower_ in ASIDE_OPENERS
        while i < stop:
            token = doc[i]
            if token.text in QUOTES:
                i += 1
                stop = min(sent.end, stop + 1)
                continue
            if token.text == ",":
                aside_end = _aside_end(doc, i, sent) if not inside_aside else i + 1
                inside_aside = False
                if aside_end is not None:      # "84 people, including children, were killed"
                    stop = min(sent.end, stop + aside_end - i)
                    i = aside_end
                    continue
            if i in starts and _after_among(doc, i, sent):
                i = max(starts[i].phrase_end, starts[i].end)   # "were among the 84 people killed"
                continue
            if (token.text in CLAUSE_PUNCT or token.lower_ in CLAUSE_WORDS
                    or token.lower_ in REPORTING_VERBS or i in starts):
                return None
            cue = cues["start"].get(i)
            if cue and (cue.role == "person" or _is_irrealis(doc, cue, sent)):
                cue = None
            if cue:
                if cue.end < sent.end and _number_end(doc, cue.end) is not None:
                    return None            # "3 gunmen killed 5 people": the 5 were killed
                if cue.role != "moved" or _sentence_mentions_displacement(sent, cues):
                    return cue.category
                return None
            i += 1
        return None

    def _noun_subject(self, q: Quantity, cues) -> Optional[str]:
        """'33 hostages', '30 refugees', '1,000 deaths'."""
        if q.subject is None:
            return None
        for i in range(q.subject.start, q.subject.end):
            cue = cues["start"].get(i)
            if cue and cue.role == "noun":
                return cue.category
        return None

    def _continued_list(self, doc, q: Quantity, quantities, sent) -> Optional[str]:
        """'three people were killed in the north and five in the city': five continues the list."""
        before = q.start - 1
        if before < sent.start or doc[before].lower_ not in LIST_WORDS:
            return None
        earlier = [p for p in quantities
                   if p.end <= q.start and p.number_start >= sent.start and q.start - p.end <= INHERIT_WINDOW]
        if earlier and earlier[-1].category in CASUALTY_CATEGORIES:
            return earlier[-1].category
        return None

    def _earlier_in_sentence(self, doc, q: Quantity, starts, cues, sent, head) -> Optional[str]:
        """'the death toll ... had topped 1,000': a casualty word earlier in the sentence
        reaches a number that ends its clause without a verb of its own."""
        if not _person_like(head, q):
            return None
        fronted = _fronted_of_phrase_end(doc, sent)
        if fronted is not None and fronted < q.start:   # "Of those killed, 20 were children"
            cue = next((cues["end"][t] for t in range(sent.start, fronted) if t in cues["end"]), None)
            if cue and cue.role not in ("moved", "person"):
                return cue.category
        after = _past_list(doc, q.phrase_end, starts, sent)
        while after < sent.end and doc[after].ent_type_ in ("DATE", "TIME"):
            after += 1                     # "rose to at least six Friday"
        if after < sent.end:
            token = doc[after]
            if not (token.is_punct or token.is_space or token.lower_ in COMPLEMENT_WORDS):
                return None
        for t in range(q.start - 1, max(sent.start, q.start - BACKWARD_WINDOW) - 1, -1):
            cue = cues["end"].get(t)
            if cue and cue.role not in ("moved", "person") and not _is_irrealis(doc, cue, sent):
                return cue.category
        return None

    # ---- annotate ---------------------------------------------------------------------------
    def to_figures(self, doc: Doc, positions: list[int], quantities: list[Quantity],
                   sentences: list[Span]) -> list[Figure]:
        """Quantities (found on the space-free view) as Figures with offsets into `doc`."""
        attributor = (Attributor(doc, sentences) if any(q.category in SCORED_CATEGORIES for q in quantities)
                      else None)
        figures = []
        for q in quantities:
            span = doc[positions[q.start]:positions[q.end - 1] + 1]
            claimed_by = attributor.claimant_for(span) if attributor and q.category in SCORED_CATEGORIES else None
            subject = None
            if q.subject is not None and q.unit is None:
                subject = doc[positions[q.subject.start]:positions[q.subject.end - 1] + 1].text
            figures.append(Figure(
                text=span.text, start=span.start_char, end=span.end_char, value=q.value, unit=q.unit,
                category=q.category or "other", qualifier=q.qualifier, subject=subject, claimed_by=claimed_by))
        return figures


@Language.factory("karabakh_figures", assigns=[f"doc._.{ext.FIGURES}"])
def make_figure_finder(nlp: Language, name: str) -> FigureFinder:
    ext.register_extensions()
    return FigureFinder(nlp, name)


# ---- helpers (pure token logic) -------------------------------------------------------------
def words_only(doc: Doc, sentences: list[Span]) -> tuple[Doc, list[int]]:
    """The Doc without whitespace tokens, and each kept token's index in `doc`.

    Hard-wrapped copy puts newline tokens inside phrases ("a\nthousand miles",
    "death\ntoll"); dropping them lets every rule look at adjacent words.
    Entity labels are carried over; sentences are `story_sentences` (cut at paragraphs).
    """
    sentence_of = [0] * len(doc)
    for sent in sentences:
        sentence_of[sent.start:sent.end] = [sent.start] * len(sent)
    words: list[str] = []
    spaces: list[bool] = []
    positions: list[int] = []
    sent_starts: list[bool] = []
    ents: list[str] = []
    seen_sentence, previous_type = -1, ""
    for token in doc:
        if token.is_space:
            if spaces:
                spaces[-1] = True
            continue
        i = token.i
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        positions.append(i)
        sent_starts.append(sentence_of[i] != seen_sentence)
        seen_sentence = sentence_of[i]
        ent_type = token.ent_type_
        if not ent_type:
            ents.append("O")
        elif token.ent_iob_ == "I" and previous_type == ent_type:
            ents.append("I-" + ent_type)
        else:
            ents.append("B-" + ent_type)
        previous_type = ent_type
    view = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts, ents=ents)
    return view, positions


def _phrase_table(nlp: Language, name: str, side: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Rows of a phrase TSV for one side, keyed by the phrase's lowercased tokens."""
    table = {}
    for row in load_tsv(name):
        if row[-1] == side:
            key = tuple(t.lower_ for t in nlp.make_doc(row[0]))
            table[key] = tuple(row[1:-1])
    return table


def _longest_before(doc: Doc, start: int, table) -> Optional[tuple[int, tuple[str, ...]]]:
    for size in (3, 2, 1):
        if start - size >= 0:
            key = tuple(t.lower_ for t in doc[start - size:start])
            if key in table:
                return size, table[key]
    return None


def _longest_after(doc: Doc, end: int, table) -> Optional[tuple[int, tuple[str, ...]]]:
    for size in (3, 2, 1):
        if end + size <= len(doc):
            key = tuple(t.lower_ for t in doc[end:end + size])
            if key in table:
                return size, table[key]
    return None


def _starts_number(doc: Doc, i: int) -> bool:
    token = doc[i]
    lower = token.lower_
    if lower in NUMBER_WORDS:
        return lower != "and"
    if lower in ARTICLES:
        return i + 1 < len(doc) and (doc[i + 1].lower_ in SCALE_WORDS or doc[i + 1].lower_ == DOZEN)
    if lower == HALF:                       # "half a million"
        return i + 1 < len(doc) and doc[i + 1].lower_ in ARTICLES and _starts_number(doc, i + 1)
    return token.text[:1].isdigit() and parse_digits(token.text) is not None


def _number_end(doc: Doc, i: int) -> Optional[int]:
    """Token after the quantity starting at token i, or None when no quantity starts there.

    A quantity is one digit token or number word, then scale words and "dozen"
    ("1.5 million", "two dozen"), and word compounds ("twenty-five", "one hundred and twelve").
    """
    if i >= len(doc) or not _starts_number(doc, i):
        return None
    n = len(doc)
    end = i + 2 if doc[i].lower_ == HALF else i + 1
    while end < n:
        lower, previous = doc[end].lower_, doc[end - 1].lower_
        if lower in SCALE_WORDS or lower == DOZEN:
            end += 1
        elif lower in UNIT_WORDS and previous in NUMBER_WORDS:
            end += 1
        elif (lower in ("-", "and") and end + 1 < n and doc[end + 1].lower_ in UNIT_WORDS
              and previous in NUMBER_WORDS and (lower == "-" or previous in SCALE_WORDS)):
            end += 2
        else:
            break
    if end < n and doc[end].lower_ in VAGUE_WORDS:
        return None
    return end


def _is_not_a_count(doc: Doc, start: int, end: int, skip: set[int]) -> bool:
    """Years, durations, clock codes, identifiers ('Resolution 2334', 'Highway 5'), 'the one who'."""
    first = doc[start]
    n = len(doc)
    nxt = end + 1 if end + 1 < n and doc[end].text == "-" else end
    if nxt < n and doc[nxt].lower_ in TIME_UNITS:
        return True
    if any(i in skip for i in range(start, end)):
        return True
    if start > 0:
        previous = doc[start - 1]
        if previous.lower_ in IDENTIFIER_WORDS and previous.text[:1].isupper() or previous.lower_ in ("no.", "#"):
            return True
        if previous.text == "-" and not previous.whitespace_ and start > 1 and doc[start - 2].is_alpha \
                and doc[start - 2].lower_ not in NUMBER_WORDS:
            return True                     # "Su-25", "Resolution-2334" split by the tokenizer
    if end - start == 1 and first.text.isdigit() and len(first.text) == 4 and int(first.text) in YEARS:
        following = doc[end].lower_ if end < n else ""
        if following not in PERSON_NOUNS:
            return True
    if first.lower_ == "one" and end - start == 1:
        if start > 0 and doc[start - 1].lower_ in ONE_PRONOUN_BEFORE:
            return True
        if end < n and doc[end].lower_ in ("another", "who", "of") and (end + 1 >= n or doc[end + 1].lower_ not in PARTITIVE_WORDS):
            return True
    return False


def _is_compound_modifier(doc: Doc, end: int) -> bool:
    """'two-carriage', '2,000-strong', '34-6': the number is glued by a hyphen to what follows."""
    return (end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_
            and not doc[end].whitespace_)


def _is_age(doc: Doc, start: int, end: int) -> bool:
    """'Anabel Ghulasyan, 41, from ...' and 'aged 41': a person's age."""
    if start > 0 and doc[start - 1].lower_ == "aged":
        return True
    return (start > 1 and doc[start - 1].text == "," and doc[start - 2].is_title
            and end < len(doc) and doc[end].text in (",", ")", ".") and end - start == 1)


def _date_tokens(doc: Doc) -> set[int]:
    """Tokens inside dates: the dates component's records, and the model's DATE/TIME entities."""
    skip: set[int] = set()
    dates = getattr(doc._, ext.DATES, None) or []
    if dates:
        for date in dates:
            span = doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is not None:
                skip.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            skip.update(range(ent.start, ent.end))
    return skip


def _sentence_index(doc: Doc):
    """token index -> its sentence (the whole Doc when no sentence boundaries are set)."""
    if not doc.has_annotation("SENT_START"):
        whole = doc[:]
        return lambda i: whole
    sentence_of: list[Span] = [doc[:]] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            sentence_of[i] = sent
    return sentence_of.__getitem__


def _past_list(doc: Doc, i: int, starts: dict[int, Quantity], sent: Span) -> int:
    # `starts`: quantities by their first token (qualifier included).
    """Skip '… and 39 civilians', ', 3 children': a list of quantities sharing one verb."""
    while i + 1 < sent.end and doc[i].lower_ in LIST_WORDS:
        j = i + 1
        if j < sent.end and doc[j].lower_ in LIST_WORDS:
            j += 1
        following = starts.get(j)
        if following is None:
            break
        i = max(following.phrase_end, following.end)
    return i


def _person_like(head: Optional[str], q: Quantity) -> bool:
    """Nothing counted ('... topped 1,000'), people ('civilians'), or a group ('Bedouin')."""
    if q.subject is None:
        return True
    return head in PERSON_NOUNS or q.subject[-1].is_title


def _aside_end(doc: Doc, comma: int, sent: Span) -> Optional[int]:
    """Token after ', including children,' (an aside opened at `comma`), or None."""
    if comma + 1 >= sent.end or doc[comma + 1].lower_ not in ASIDE_OPENERS:
        return None
    for j in range(comma + 2, min(sent.end, comma + 2 + ASIDE_WINDOW)):
        if doc[j].text == ",":
            return j + 1
        if doc[j].text in CLAUSE_PUNCT:
            return None
    return None


def _after_among(doc: Doc, i: int, sent: Span) -> bool:
    """'among 12 people killed', 'among the 84 killed'."""
    j = i - 1
    if j > sent.start and doc[j].lower_ == "the":
        j -= 1
    return j >= sent.start and doc[j].lower_ == "among"


def _is_adverb(token) -> bool:
    """'seriously', 'reportedly': long lowercase -ly words are not part of what is counted."""
    lower = token.lower_
    return len(lower) > 6 and lower.endswith("ly") and lower not in PERSON_NOUNS and not token.is_title


def _fronted_of_phrase_end(doc: Doc, sent: Span) -> Optional[int]:
    """Index of the comma closing a sentence-opening 'Of those killed,' / 'Of the dead,'."""
    if doc[sent.start].lower_ != "of":
        return None
    for j in range(sent.start + 1, min(sent.end, sent.start + ASIDE_WINDOW)):
        if doc[j].text == ",":
            return j
    return None


def _is_irrealis(doc: Doc, cue: Cue, sent: Span) -> bool:
    """'plotted to kill 10', 'could die': an aim or a risk, not a casualty."""
    return cue.start > sent.start and doc[cue.start - 1].lower_ in IRREALIS_WORDS


def _sentence_mentions_displacement(sent: Span, cues) -> bool:
    return any(c.category == "displaced" and c.role != "moved"
               for i, c in cues["start"].items() if sent.start <= i < sent.end)
