"""Direct quotations and who said them: the karabakh_quotes component.

Finding quotes. Text between double quote marks (straight ", curly “ ”,
guillemets « ») is a quotation; `text` is the words inside the marks, without
the comma that wire copy puts before the closing mark. An AP-style quotation
running over several paragraphs (an opening mark at each paragraph, a closing
mark only at the end) is ONE quote from the first word to the last: its text
keeps the inner paragraph break and opening mark, so `text == input[start:end]`
still holds. A mark that is never closed yields nothing (we only emit what is
certain). Fragments of 1-3 words ("super militias", “at any moment”) are scare
quotes or partial quotes unless they read as a whole utterance ("We will win,").

Finding speakers (no parser runs, so word order decides):
  "…," X said / "…," said X / X said: "…" / X said (that) … "…"
  pronouns: he/she -> the last named person; it/they -> the subject of the
  previous sentence that reports something, else the last named organisation;
  no attribution in the sentence -> the speaker of the sentence before.
A phrase resolves to a person's full name (people records), else an
organisation (organization records; a longer phrase with an organisation head
noun wins: "U.N. mission in Libya", "Qatari foreign ministry"), else the phrase
itself when it names something (a capitalised word, or an organisation head:
"the government's communications service" -> "government's communications service"),
else None ("a woman who declined to give her name"). A name that only modifies the
phrase ("a top Putin aide, X", "Netanyahu's office spokesman X") is not the speaker:
the apposed name, or the capitalised name after the role word, is.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..doc_cache import doc_text
from ..data import load_json
from ..gazetteer import is_demonym
from ..records import Quote
from ..sentences import NameIndex, norm_name, sentence_spans

__all__ = ["QuoteFinder", "find_quotations", "is_scare_quote", "sentence_spans", "NameIndex", "make_quote_finder"]

_LEX = load_json("quotes_lexicon.json")
REPORTING_VERBS = frozenset(_LEX["reporting_verbs"])
ROLE_NOUNS = frozenset(_LEX["role_nouns"])
ORG_HEADS = frozenset(_LEX["org_heads"])
PERSON_PRONOUNS = frozenset(_LEX["person_pronouns"])
GROUP_PRONOUNS = frozenset(_LEX["group_pronouns"])
DETERMINERS = frozenset(_LEX["determiners"])
ADVERBIAL_OPENERS = frozenset(_LEX["adverbial_openers"])
PHRASE_STOPS = frozenset(_LEX["phrase_stops"])
DATE_WORDS = frozenset(_LEX["date_words"])

OPENING_MARKS = "“«"
CLOSING_MARKS = "”»"
_QUOTE_MARK = re.compile(r'["“”«»]')
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
# Page furniture inside the story view is blanked to spaces (same length as the input):
# a long run of spaces is a seam where text was removed, so no fact may span it.
BLANKED_RUN = re.compile(r"[ \t\u00a0]{6,}")
_TRAILING_PUNCT = " \t\r\n,;:"
MAX_QUOTE_CHARS = 4000
SHORT_QUOTE_WORDS = 3
TITLE_MAX_WORDS = 6
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at for to from with by".split())
MAX_ATTRIBUTION_TOKENS = 14
PRONOUN_SENTENCE_REACH = 2
# words after a name that end the name's phrase rather than show it modifies a noun
POSSESSIVE_MARKS = frozenset(("'s", "’s"))     # "the ELN's stated position"
CONJUNCTIONS = frozenset(("and", "but", "or", "then", "also"))
MODIFIER_BREAKS = frozenset(("and", "or", "but", "who", "whose", "which", "has", "had", "have", "was", "is", "will",
                             "would", "also", "later", "earlier", "then", "in", "on", "at", "of", "to", "for",
                             "from", "with", "by", "as", "after", "before"))


# -- quote marks -------------------------------------------------------------
def _mark_role(text: str, i: int) -> Optional[str]:
    """'open', 'close' or None (cannot tell) for the quote mark at i."""
    mark = text[i]
    if mark in OPENING_MARKS:
        return "open"
    if mark in CLOSING_MARKS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if (after.isspace() or after in ".,;:!?)]}—–-…") and not before.isspace():
        return "close"
    return None


def _starts_line(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] == "\n"


def _paragraphs_continue(text: str, start: int, end: int) -> bool:
    """True when every blank-line paragraph break inside [start, end) is followed by an
    opening mark (the AP convention), i.e. the span is one quotation, not a lost mark."""
    for brk in _BLANK_LINE.finditer(text, start, end):
        j = brk.end()
        while j < end and text[j].isspace():
            j += 1
        if j >= end or text[j] not in OPENING_MARKS + '"':
            return False
    return True


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(opening mark index, closing mark index) of each balanced quotation."""
    found: list[tuple[int, int]] = []
    open_at: Optional[int] = None
    for match in _QUOTE_MARK.finditer(text):
        i = match.start()
        role = _mark_role(text, i) or ("close" if open_at is not None else "open")
        if role == "open":
            if open_at is not None and _starts_line(text, i) and "\n" in text[open_at:i]:
                continue                      # next paragraph of the same quotation
            open_at = i                       # a mark left open mid-line was a stray one
        elif open_at is not None:
            if (i - open_at <= MAX_QUOTE_CHARS and _paragraphs_continue(text, open_at, i)
                    and not BLANKED_RUN.search(text, open_at, i)):
                found.append((open_at, i))
            open_at = None
    return found


def _inner_span(text: str, open_at: int, close_at: int) -> Optional[tuple[int, int]]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    return (start, end) if end > start else None


def is_scare_quote(inner: str) -> bool:
    """1-3 words that do not read as a whole utterance (a term or a fragment), or a Title Case
    name of a show, operation or book ("Masters of Sex"): not a quotation."""
    words = inner.split()
    if len(words) > SHORT_QUOTE_WORDS:
        return _looks_like_title(words)
    stripped = inner.strip()
    first = next((c for c in stripped if c.isalpha()), "")
    return not (first.isupper() and stripped[-1:] in ".!?," and len(words) > 1)     # 'nom de guerre "Khokhol,"' 


def _looks_like_title(words: list[str]) -> bool:
    if len(words) > TITLE_MAX_WORDS or words[-1][-1:] in ".!?,":
        return False
    lexical = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(lexical) and all(w[:1].isupper() or not w[:1].isalpha() for w in lexical)


# -- speakers ----------------------------------------------------------------
class SpeakerFinder:
    """Resolves the speaker of each quotation of one Doc."""

    def __init__(self, doc: Doc, text: str, sentences: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text                           # doc.text re-joins every token: read it once
        self.sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self.quoted = quoted                       # (open mark, close mark) of every quotation
        self.names = NameIndex(doc)
        self._previous_speaker: Optional[tuple[int, Optional[str]]] = None
        self._current_open = 0                     # opening mark of the quotation being attributed

    def speaker_for(self, open_at: int, close_at: int) -> Optional[str]:
        self._current_open = open_at
        first = self._sentence_index(open_at)
        last = self._sentence_index(close_at)
        sent_start, sent_end = self.sentences[first][0], self.sentences[last][1]
        found, attributed = self._after_quote(close_at + 1, sent_end)
        if not attributed:
            found, attributed = self._before_quote(sent_start, open_at)
        if not attributed:
            found = self._from_context(first)
        self._previous_speaker = (last, found)
        return found

    def _sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def _tokens(self, start: int, end: int) -> list:
        """Tokens fully inside [start, end) that are not inside another quotation."""
        span = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if span is None:
            return []
        return [t for t in span if not t.is_space and not self._inside_quote(t.idx)]

    def _inside_quote(self, pos: int) -> bool:
        return any(o <= pos <= c for o, c in self.quoted)

    # "…," X said / "…," said X / "…," according to X
    def _after_quote(self, start: int, end: int) -> tuple[Optional[str], bool]:
        next_quote = min((o for o, _ in self.quoted if start <= o < end), default=end)
        tokens = self._tokens(start, next_quote)
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        if not tokens:
            return None, False
        head = tokens[0].lower_
        if _is_reporting_verb(tokens, 0):
            rest = tokens[2:] if head == "according" and len(tokens) > 1 and tokens[1].lower_ == "to" else tokens[1:]
            return self._resolve(self._named_phrase_after(rest), first=True), True
        for k, tok in enumerate(tokens[:MAX_ATTRIBUTION_TOKENS]):
            if tok.text in ".!?" or tok.text in OPENING_MARKS:
                break
            if _is_reporting_verb(tokens, k) and k > 0:
                if tokens[k - 1].text == ",":   # '…” to end the crisis, said X'
                    after = self._resolve(_phrase_after(tokens[k + 1:]), first=True)
                    if after:
                        return after, True
                if not _aux_trimmed(tokens[:k]) or all(t.lower_ in CONJUNCTIONS for t in tokens[:k]):
                    break                     # '…,” later adding' / '…” and accused': the subject before goes on
                return self._resolve(_subject_chunk(tokens[:k], self.names), first=False), True
        return None, False

    def _named_phrase_after(self, tokens: list) -> list:
        """'said the AU envoy, former President Olusegun Obasanjo': a person named in the
        apposition is the speaker the role describes."""
        phrase = _phrase_after(tokens)
        rest = tokens[len(phrase):]
        if phrase and rest and rest[0].text == ",":
            start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
            if not any(n.kind == "person" and not _is_modifier(self.doc, n) for n in self.names.within(start, end)):
                apposition = _phrase_after(rest[1:])
                if apposition:
                    a_start, a_end = apposition[0].idx, apposition[-1].idx + len(apposition[-1].text)
                    if any(n.kind == "person" for n in self.names.within(a_start, a_end)):
                        return apposition
        return phrase

    # X said: "…" / X said (that) … "…"
    def _before_quote(self, start: int, end: int) -> tuple[Optional[str], bool]:
        tokens = self._tokens(start, end)
        verbs = [k for k in range(len(tokens)) if _is_reporting_verb(tokens, k)]
        if not verbs:
            return None, False
        k = verbs[-1]
        if tokens[k].lower_ == "according":
            rest = tokens[k + 2:] if k + 1 < len(tokens) and tokens[k + 1].lower_ == "to" else tokens[k + 1:]
            return self._resolve(_phrase_after(rest), first=True), True
        subject = _subject_chunk(tokens[:k], self.names)
        if not subject:
            if k > 0 or k + 1 >= len(tokens):
                return None, False
            return self._resolve(_phrase_after(tokens[k + 1:]), first=True), True   # "Said X: …"
        return self._resolve(subject, first=False), True

    def _from_context(self, sentence_index: int) -> Optional[str]:
        """No attribution in the quote's sentence: the speaker of the sentence before."""
        if self._previous_speaker and self._previous_speaker[0] >= sentence_index - 1:
            return self._previous_speaker[1]
        if sentence_index == 0:
            return None
        start, end = self.sentences[sentence_index - 1]
        found, attributed = self._before_quote(start, end)
        return found if attributed else None

    # phrase -> name
    def _resolve(self, tokens: list, first: bool) -> Optional[str]:
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        inside = self.names.within(start, end)
        people = [m for m in inside if m.kind == "person"]
        if people:
            heads = [m for m in people if not _is_modifier(self.doc, m)]
            if not heads:
                named = _trailing_name(tokens)            # "Netanyahu's office spokesman Omer Dostri"
                if named:
                    return _text_of(self.text, named)
            heads = heads or people
            return (heads[0] if first else heads[-1]).name
        lowered = [t.lower_ for t in tokens if not t.is_punct]
        if len(lowered) == 1 and lowered[0] in PERSON_PRONOUNS:
            return self._resolve_person_pronoun(start)
        if len(lowered) == 1 and lowered[0] in GROUP_PRONOUNS:
            return self._resolve_group_pronoun(start)
        core = _core_phrase(tokens)
        if not core and any(t.lower_ in ROLE_NOUNS for t in tokens) and not inside:
            return self._resolve_role_only(start)          # 'A spokesman added:', 'the statement said'
        orgs = [m for m in inside if m.kind == "org"]
        if orgs:
            org = orgs[0] if first else orgs[-1]
            # 'U.N. mission in Libya' names more than 'U.N.'; 'U.S. State Department' is the department
            if core and any(t.lower_ in ORG_HEADS and not org.start <= t.idx < org.end for t in core):
                return _text_of(self.text, core)
            return org.name
        phrase = norm_name(self.text[start:end])
        for title, person in self.names.title_to_person.items():
            if title and phrase.endswith(title):
                return person
        for k, tok in enumerate(core):
            hit = self.names.alias_to_name.get(norm_name(tok.text))
            if hit and (tok.is_title or k == len(core) - 1):      # 'the Observatory', 'the coalition'
                return hit[0]
        if len(core) == 1 and core[0].text in self.names.person_by_word:
            return self.names.person_by_word[core[0].text]      # a surname the people records missed
        if core and (_names_something(core) or core[-1].lower_ in ORG_HEADS):     # 'the army said'
            places = [m for m in inside if m.kind == "place"]
            core = _with_role_after_demonym(tokens, core)   # 'the top Egyptian official', not 'top Egyptian'
            text = _text_of(self.text, core)
            if len(places) == 1 and norm_name(self.text[places[0].start:places[0].end]) == norm_name(text):
                return places[0].name
            return text
        return None

    def _resolve_person_pronoun(self, pos: int) -> Optional[str]:
        """'he said': a speaker quoted just before goes on talking; else the last named person."""
        if self._previous_speaker and self._previous_speaker[1] in self.names.person_names:
            if self._previous_speaker[0] >= self._sentence_index(pos) - PRONOUN_SENTENCE_REACH:
                return self._previous_speaker[1]
        opening = min(pos, self._current_open)
        index = self._sentence_index(opening)
        # 'Phumtham told reporters …. “…,” he said': the one who told, in the text just before
        before = [(self.sentences[index][0], opening)] + ([self.sentences[index - 1]] if index > 0 else [])
        for start, end in before:
            found = self._reporting_subject(start, end)
            found = self.names.person_by_word.get(found or "", found)
            if found in self.names.person_names:
                return found
        found = self.names.last_before(pos, "person")
        return found.name if found else None

    def _reporting_subject(self, start: int, end: int) -> Optional[str]:
        """Who reports in a sentence without quotation: the subject of its FIRST reporting verb
        ('X told reporters that Y had not called')."""
        tokens = self._tokens(start, end)
        k = next((k for k in range(len(tokens)) if _is_reporting_verb(tokens, k)), None)
        if not k:
            return None
        subject = _subject_chunk(tokens[:k], self.names)
        return self._resolve(subject, first=False) if subject else None

    def _resolve_role_only(self, pos: int) -> Optional[str]:
        """An unnamed spokesman or statement speaks for the source quoted or named just before."""
        if self._previous_speaker and self._previous_speaker[1]:
            if self._previous_speaker[0] >= self._sentence_index(pos) - PRONOUN_SENTENCE_REACH:
                return self._previous_speaker[1]
        index = self._sentence_index(pos)
        if index > 0:
            start, end = self.sentences[index - 1]
            found, attributed = self._before_quote(start, end)
            if attributed and found:
                return found
        return None

    def _resolve_group_pronoun(self, pos: int) -> Optional[str]:
        """'it said' / 'they called for': the subject of the last reporting sentence before."""
        index = self._sentence_index(pos)
        for back in (index, index - 1, index - 2):
            if back < 0:
                break
            start, end = self.sentences[back]
            tokens = self._tokens(start, min(end, pos))
            verbs = [k for k in range(len(tokens)) if _is_reporting_verb(tokens, k)]
            if verbs:
                subject = _subject_chunk(tokens[:verbs[0]], self.names)
                lowered = [t.lower_ for t in subject if not t.is_punct]
                if subject and not (len(lowered) == 1 and lowered[0] in GROUP_PRONOUNS | PERSON_PRONOUNS):
                    return self._resolve(subject, first=True)
        found = self.names.last_before(pos, "org")
        return found.name if found else None


def _is_reporting_verb(tokens: list, k: int) -> bool:
    """'said', 'told' — in lower case ('State Department', 'Washington Post' are names)
    and not used as a modifier ('the agreed number')."""
    tok = tokens[k]
    if tok.lower_ == "according":
        return k + 1 < len(tokens) and tokens[k + 1].lower_ == "to"
    return tok.lower_ in REPORTING_VERBS and tok.text.islower() and not _is_adjective_use(tokens, k)


def _is_adjective_use(tokens: list, k: int) -> bool:
    """'the agreed number', 'the group's stated aim': a determiner or possessive before the verb
    makes it a modifier."""
    return k > 0 and tokens[k - 1].lower_ in DETERMINERS | POSSESSIVE_MARKS and tokens[k].lower_ != "according"


def _aux_trimmed(tokens: list) -> list:
    """Drop auxiliaries and adverbs between a subject and its verb: 'X has also said'."""
    while tokens and tokens[-1].lower_ in ("has", "have", "had", "also", "later", "earlier", "then", "again",
                                            "further", "previously", "would", "will", "did", "does"):
        tokens = tokens[:-1]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _phrase_after(tokens: list) -> list:
    """'a middle-aged woman who …' -> 'a middle-aged woman'; 'Anabel Ghulasyan, 41, …' -> the name;
    'said Friday on Instagram' -> nothing (a date is not a speaker)."""
    out = []
    for tok in tokens[:MAX_ATTRIBUTION_TOKENS]:
        if tok.is_punct and tok.text not in ("-", "–", "'", "’") or tok.lower_ in PHRASE_STOPS:
            break
        if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in DATE_WORDS:
            break
        out.append(tok)
    return out


def _subject_chunk(tokens: list, names: Optional["NameIndex"] = None) -> list:
    """The comma-separated piece before a verb that holds its subject.

    WHY: wire copy wraps subjects in adverbials and appositions ('On Thursday, X said',
    'X, 41, said', 'A statement from X's office, issued …, said', 'A former finalist, she
    added'). The subject is the first piece that names someone, skipping adverbials and
    bracketed asides; a lone pronoun right before the verb wins.
    """
    tokens = _aux_trimmed(tokens)
    chunks: list[list] = [[]]
    depth = 0
    for tok in tokens:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok.text in (",", ";", "—", "–", ":"):
            chunks.append([])
        else:
            chunks[-1].append(tok)
    chunks = [c for c in chunks if c]
    if not chunks:
        return []
    if len(chunks[-1]) == 1 and chunks[-1][0].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return chunks[-1]
    candidates = [c for c in chunks if c[0].lower_ not in ADVERBIAL_OPENERS and not _describes_by(c)] or chunks[-1:]
    if names is not None:
        for kinds in (("person",), ("person", "org", "place")):     # 'The AU envoy, Olusegun Obasanjo,'
            hits = [c for c in candidates if any(n.kind in kinds for n in _chunk_names(c, names))]
            # "X's sister, Y, wrote": the possessor is not the speaker when the apposition names one
            owners = [c for c in hits if _only_possessors(c, names)]
            if hits:
                return next((c for c in hits if c not in owners), hits[0]) if kinds == ("person",) else hits[0]
    return candidates[0]


def _describes_by(chunk: list) -> bool:
    """', led by X,' / ', backed by Y,': an aside about the subject, not the subject."""
    return len(chunk) > 1 and chunk[1].lower_ == "by" and chunk[0].lower_.endswith("ed")


def _chunk_names(chunk: list, names: "NameIndex") -> list:
    return names.within(chunk[0].idx, chunk[-1].idx + len(chunk[-1].text))


def _only_possessors(chunk: list, names: "NameIndex") -> bool:
    """Every person in the chunk only describes someone else: 'Bruce Steinberg's sister',
    'a top Putin aide'."""
    people = [n for n in _chunk_names(chunk, names) if n.kind == "person"]
    doc = chunk[0].doc
    return bool(people) and all(_is_modifier(doc, person) for person in people)


def _is_modifier(doc: Doc, named) -> bool:
    """A name followed by 's or by a lower-case noun ('Netanyahu's office', 'Putin aide')
    describes the person the phrase is about; it is not that person."""
    span = doc.char_span(named.start, named.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.lower_ in ("'s", "’s"):
        return True
    return (after.is_alpha and after.text.islower() and after.lower_ not in MODIFIER_BREAKS
            and after.lower_ not in REPORTING_VERBS)


def _with_role_after_demonym(tokens: list, core: list) -> list:
    """A core that ends in a demonym lost its noun: give back the role word after it."""
    if not core or not is_demonym(core[-1].text):
        return core
    following = [t for t in tokens if t.i == core[-1].i + 1]
    return core + following if following and following[0].lower_ in ROLE_NOUNS else core


def _trailing_name(tokens: list) -> list:
    """Two or more capitalised words ending a phrase after a lower-case role word:
    'office spokesman Omer Dostri' -> 'Omer Dostri'."""
    words = [t for t in tokens if not t.is_punct]
    k = len(words)
    while k > 0 and words[k - 1].is_title and words[k - 1].is_alpha:
        k -= 1
    if len(words) - k >= 2 and k > 0 and words[k - 1].lower_ in ROLE_NOUNS:
        return words[k:]
    return []


def _core_phrase(tokens: list) -> list:
    """The naming part of a source phrase: determiners and a trailing role noun dropped,
    'a spokesperson for the foreign ministry' -> 'foreign ministry'."""
    words = [t for t in tokens if not t.is_punct or t.text in ("-", "’s", "'s")]
    for k, tok in enumerate(words):
        if tok.lower_ in ROLE_NOUNS and k + 1 < len(words) and words[k + 1].lower_ in ("of", "for", "from", "at"):
            words = words[k + 2:]
            break
    while words and words[-1].lower_ in ROLE_NOUNS:
        words = words[:-1]
    while words and (words[0].lower_ in DETERMINERS or words[0].lower_ in ROLE_NOUNS):
        words = words[1:]
    if any(w.is_space for w in words) or len(words) > 8:
        return []
    return words


def _names_something(core: list) -> bool:
    """'Qatari foreign ministry' names an organisation; 'Did I' and 'Felt we should' do not."""
    if any(t.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "we", "you", "me", "us"} for t in core):
        return False
    return any(t.text[:1].isupper() and not t.is_stop for t in core) and not core[-1].is_stop


def _text_of(text: str, tokens: list) -> str:
    return " ".join(text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)].split())


# -- the component -----------------------------------------------------------
class QuoteFinder:
    """Writes doc._.kx_quotes: one Quote per direct quotation, with its speaker."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.QUOTES, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        text = doc_text(doc)
        quoted = find_quotations(text)
        if not quoted:
            return []
        speakers = SpeakerFinder(doc, text, sentence_spans(doc, text) or [(0, len(text))], quoted)
        quotes = []
        for open_at, close_at in quoted:
            inner = _inner_span(text, open_at, close_at)
            if inner is None or is_scare_quote(text[open_at + 1:close_at]):
                continue
            speaker = speakers.speaker_for(open_at, close_at)
            start, end = inner
            quotes.append(Quote(text=text[start:end], speaker=speaker, start=start, end=end))
        return quotes


@Language.factory("karabakh_quotes", assigns=[f"doc._.{ext.QUOTES}"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    ext.register_extensions()
    return QuoteFinder(nlp, name)
