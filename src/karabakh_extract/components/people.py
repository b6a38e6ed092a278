"""The karabakh_people component: the story's people, their titles and every mention.

NER's PERSON spans are the start; they are cleaned of what NER gets wrong on
wire copy (places, organisations, demonyms, ethnic groups, ALL-CAPS credits,
reporters in "By ..." / "Reporting by ..." / "... contributed to this report"
lines). Mentions of one person are merged within the article: a surname joins
the full name it ends ("Harutyunyan" -> "Arayik Harutyunyan"), and spellings
of one name ("Pashinian"/"Pashinyan") merge when the first names agree or the
surname differs by one or two letters. Titles come from the words around a
mention, read with a lexicon of roles ("Russian President", "rebel spokesman",
"X, the separatist leader", "the head of Egypt's State Information Service, X").
Names NER cut short grow back over particles ("Bassem al-Saadi") and untagged
capitalised words ("Aung San Suu Kyi"); a bare surname after a title is a
person ("Foreign Minister Lavrov"); ORG spans karabakh_organizations shows to
be people join in; common words capitalised by position ("Driver arrested")
and the first word of a named place ("Nagorno") are not people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..doc_cache import doc_text, doc_words, lowercase_words
from ..data import load_lines
from ..gazetteer import country_of_demonym, lookup_place, place_key
from ..records import Mention, Person

TITLE_HEADS = {w.lower() for w in load_lines("people_title_heads.txt")}
TITLE_MODIFIERS = {w.lower() for w in load_lines("people_title_modifiers.txt")}
HONORIFICS = set(load_lines("people_honorifics.txt"))
GROUPS = {place_key(w) for w in load_lines("people_groups.txt")}
# Platforms, outlets and other things NER reads as names ("Twitter", "Brexit").
NOT_PEOPLE = GROUPS | {place_key(w) for w in load_lines("orgs_not_organizations.txt")} | {
    place_key(w) for w in load_lines("places_not_places.txt")}
MAX_TITLE_TOKENS = 8
# Particles inside personal names ("Bassem al-Saadi", "Osama bin Laden", "Ursula von der Leyen").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "ben", "van", "von", "der", "den", "de", "da", "dos", "das",
                  "del", "di", "du", "la", "le", "ould"}
# Capitalised words that follow a title without being a name ("President Monday", "Minister Council").
NOT_NAME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                  "on", "in", "at", "and", "the", "said", "says", "told", "office", "council", "ministry", "i", "ii"}
ORG_HEAD_WORDS = set(load_lines("orgs_head_words.txt"))
# Titles that are part of the name a story uses ("Prince Harry", "Sheikh Tamim", "Pope Francis").
ROYAL_TITLES = {"king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "pope", "ayatollah", "patriarch"}
PERSON_HINTS = "kx_person_hints"  # written by karabakh_organizations: ORG spans that are people
# Lines that credit reporters, photographers and editors rather than tell the story.
CREDIT_BEFORE = re.compile(r"(?:^\s*By|(?:Reporting|Editing|Writing|reporting|writing|editing|Compiled|Photo|Photos|Video)"
                           r"\s+by|Photo\s*/|Photo:|Photographer)\b[^\n]*$")
CREDIT_LINE = re.compile(r"contributed\b|contributing\b|\bwriters?\b.*\bcontributed|Associated Press writer")
# "X, the separatist leader," / "X, Nagorno-Karabakh's separatist leader,".
APPOSITIVE_AFTER = re.compile(r"^,\s+((?:the|a|an)\s+)?([^,.;:\"“”()\n]{2,80}?)(?=\s*(?:,|\.|;|\bsaid\b|\bwho\b|\btold\b))")
# "the head of Egypt's State Information Service, X" (the role first, then the name).
ARTICLE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?)\s+")


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    tokens: list[str]
    titles: list[str] = field(default_factory=list)


def _cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit` (names are short)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def same_surname(a: str, b: str) -> bool:
    """'Pashinian'/'Pashinyan': one transliteration apart (1-2 edits), long enough not to be chance."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and a[:2] == b[:2] and edit_distance(a, b, 2) <= 2


class PeopleFinder:
    """Writes doc._.kx_people: one Person per real person of the story."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.find(doc)
        setattr(doc._, ext.PEOPLE, self.group(doc, mentions))
        return doc

    # -- find -------------------------------------------------------------------
    def find(self, doc: Doc) -> list[PersonMention]:
        claimed = _claimed_chars(doc)
        found: list[PersonMention] = []
        spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        spans += [s for s in (doc.char_span(a, b, alignment_mode="expand") for a, b in doc.user_data.get(PERSON_HINTS, []))
                  if s is not None]
        spans += list(_titled_names(doc, claimed))
        taken: set[int] = set()
        for ent in sorted(spans, key=lambda e: (e.start, -len(e))):
            span = _clean(ent)
            if span is None:
                continue
            span = _extend_name(doc, span, claimed)
            if span.start_char in taken or not self._plausible(doc, span, claimed):
                continue
            taken.update(range(span.start_char, span.end_char))
            found.append(PersonMention(span.start_char, span.end_char, span.text, _name_tokens(span)))
        found.extend(self._missed_surnames(doc, found, claimed))
        heads = _place_first_words(doc)
        found = [m for m in found if len(m.tokens) > 1 or m.text not in heads]
        found.sort(key=lambda m: m.start)
        for m in found:
            m.titles = _titles(doc, m)
        return found

    @staticmethod
    def _plausible(doc: Doc, span: Span, claimed: set[int]) -> bool:
        text = span.text
        if any(c in claimed for c in range(span.start_char, span.end_char)):
            return False  # a place or an organisation ("Stepanakert", "the Observatory")
        if not _cap(text) or any(ch.isdigit() for ch in text) or "\n" in text:
            return False
        if text.isupper() or country_of_demonym(text) is not None or place_key(text) in NOT_PEOPLE:
            return False
        if len(span) == 1 and lookup_place(text) is not None and lookup_place(text).curated:
            return False
        if any(country_of_demonym(t.text) is not None for t in span):
            return False  # "Azerbaijani President" read as a name
        if len(span) == 1 and _starts_line_or_sentence(doc, span.start) and span[0].lower_ in lowercase_words(doc):
            return False  # "Driver arrested ...": a common word capitalised by its position
        return not _is_credit(doc, span.start_char)

    @staticmethod
    def _missed_surnames(doc: Doc, found: list[PersonMention], claimed: set[int]) -> Iterable[PersonMention]:
        """Surnames of people already found, where NER missed them or called them ORG/GPE."""
        surnames = {m.tokens[-1] for m in found if len(m.tokens) > 1}
        taken = {c for m in found for c in range(m.start, m.end)}
        for i, word in enumerate(doc_words(doc)):
            if word not in surnames:
                continue
            tok = doc[i]
            if tok.idx not in taken and tok.idx not in claimed:
                if not _is_credit(doc, tok.idx):
                    yield PersonMention(tok.idx, tok.idx + len(tok.text), tok.text, [tok.text])

    # -- annotate ---------------------------------------------------------------
    def group(self, doc: Doc, mentions: list[PersonMention]) -> list[Person]:
        clusters: list[list[PersonMention]] = []
        full = sorted((m for m in mentions if len(m.tokens) > 1), key=lambda m: m.start)
        for m in full:
            target = next((c for c in clusters if any(_same_full_name(x.tokens, m.tokens) for x in c)), None)
            if target is None:
                clusters.append([m])
            else:
                target.append(m)
        for m in (m for m in mentions if len(m.tokens) == 1):
            target = _cluster_for_single(clusters, m)
            if target is None:
                clusters.append([m])
            else:
                target.append(m)
        people = [_person(c) for c in clusters]
        people.sort(key=lambda p: min(x.start for x in p.mentions))
        return people


def _name_tokens(span: Span) -> list[str]:
    """'Bassem al-Saadi' -> ['Bassem', 'al-Saadi']: a particle stays with the surname it introduces."""
    words = span.text.split()
    return words if len(words) > 1 or len(span) == 1 else [span.text]


def _extend_name(doc: Doc, span: Span, claimed: set[int]) -> Span:
    """Grow a name NER cut short: over particles ('Bassem' + 'al-Saadi', 'Osama' + 'bin Laden') and over
    untagged capitalised words right after it ('Aung San' + 'Suu Kyi')."""
    end, n = span.end, len(doc)
    grew = True
    while grew and end < n and end - span.start < 6:
        grew = False
        tok = doc[end]
        if doc[end - 1].whitespace_ == "" and tok.text != "-" or "\n" in doc[end - 1].whitespace_:
            break
        k = end
        while k < n and (doc[k].lower_ in NAME_PARTICLES or doc[k].text == "-") and k - end < 3:
            k += 1
        if k > end and k < n and _cap(doc[k].text) and doc[k].is_alpha and doc[k].idx not in claimed \
                and doc[end].lower_ in NAME_PARTICLES and doc[k].lower_ not in lowercase_words(doc):
            end, grew = k + 1, True
            continue
        run = end
        while run < n and run - end < 3 and _bare_name_word(doc[run], claimed) \
                and doc[run - 1].whitespace_ == " ":
            run += 1
        following = doc[run] if run < n else None
        if 0 < run - end <= 2 and not (following is not None and _cap(following.text) and following.is_alpha):
            end = run  # "Aung San" + "Suu Kyi", but not a run of Title Case headline words
        break
    return doc[span.start:end]


def _bare_name_word(tok, claimed: set[int]) -> bool:
    """A capitalised word no entity, lexicon or stop-list claims: it may continue a name."""
    return (_cap(tok.text) and tok.is_alpha and not tok.ent_type_ and not tok.is_sent_start and not tok.is_stop
            and tok.idx not in claimed and tok.lower_ not in lowercase_words(tok.doc) and tok.lower_ not in NOT_NAME_WORDS and tok.text not in ORG_HEAD_WORDS
            and tok.lower_ not in TITLE_HEADS and not tok.is_upper and lookup_place(tok.text) is None)


def _titled_names(doc: Doc, claimed: set[int]) -> Iterable[Span]:
    """'Foreign Minister Lavrov said': a capitalised word after a capitalised title is a person, even if
    the full name never appears and NER missed it."""
    for i, word in enumerate(doc_words(doc)):
        if not _cap(word) or word.lower() not in TITLE_HEADS:
            continue
        tok = doc[i]
        if tok.i + 1 >= len(doc) or "\n" in tok.whitespace_:
            continue
        k = tok.i + 1
        while k < len(doc) and doc[k].text in HONORIFICS:
            k += 1
        end = k
        while end < len(doc) and end - k < 3 and _cap(doc[end].text) and doc[end].is_alpha \
                and not doc[end].is_upper and doc[end].lower_ not in NOT_NAME_WORDS \
                and doc[end].lower_ not in TITLE_HEADS and doc[end].idx not in claimed \
                and doc[end].ent_type_ in ("", "PERSON", "ORG") and doc[end].text not in ORG_HEAD_WORDS \
                and "\n" not in doc[end - 1].whitespace_:
            end += 1
        if end > k and not (end < len(doc) and _cap(doc[end].text) and doc[end].is_alpha):
            yield doc[k:end]


def _place_first_words(doc: Doc) -> set[str]:
    """'Nagorno' of 'Nagorno-Karabakh': the first word of a multi-word place the story names is no person
    when it stands alone (a name cut by the page, or NER splitting the place)."""
    heads = set()
    for place in getattr(doc._, ext.PLACES):
        for name in [place.name, *place.aliases]:
            first = re.split(r"[\s\-]+", name)[0]
            if first != name:
                heads.add(first)
    return heads


def _starts_line_or_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or bool(doc[i].is_sent_start) or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_ \
        or doc[i - 1].text in ("“", '"', "‘", "(", "—", "-", ":")


def _claimed_chars(doc: Doc) -> set[int]:
    chars: set[int] = set()
    for record_list in (getattr(doc._, ext.PLACES), getattr(doc._, ext.ORGANIZATIONS)):
        for rec in record_list:
            for m in rec.mentions:
                chars.update(range(m.start, m.end))
    return chars


def _clean(span: Span) -> Optional[Span]:
    """Drop honorifics, possessives and punctuation at the ends of an NER span."""
    while len(span) and (span[0].text in HONORIFICS or span[0].is_punct or span[0].is_space
                         or span[0].lower_ in ("the", "a", "by")
                         or len(span) > 1 and span[0].lower_ in TITLE_HEADS and span[0].lower_ not in ROYAL_TITLES
                         and _cap(span[1].text)):
        span = span[1:]
    while len(span) and (span[-1].lower_ in ("'s", "’s", "'", "’") or span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    if not len(span):
        return None
    if span[-1].text.endswith(("'s", "’s")) and len(span[-1].text) > 2:
        return None
    return span


def _is_credit(doc: Doc, start: int) -> bool:
    """Is this name in a byline, a photo credit or a 'contributed to this report' line?"""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if CREDIT_BEFORE.search(text[line_start:start]):
        return True
    return bool(CREDIT_LINE.search(text[line_start:line_end]))


def _same_full_name(a: list[str], b: list[str]) -> bool:
    """Two multi-word forms of one name: equal, a transliteration apart, one the other's
    beginning ('Salva Kiir' / 'Salva Kiir Mayardit'), or with a middle name dropped
    ('Mohamed Dagalo' / 'Mohamed Hamdan Dagalo')."""
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == len(b):
        return same_surname(a[-1], b[-1])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_[:len(short)] == short or surname_key(short[-1]) == surname_key(long_[-1])


ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-\u2010\u2011]", re.I)


def surname_key(word: str) -> str:
    """'al-Serraj' and 'Serraj' name one person: compare surnames without the Arabic article."""
    return ARABIC_ARTICLE.sub("", word)


def _cluster_for_single(clusters: list[list[PersonMention]], m: PersonMention) -> Optional[list[PersonMention]]:
    word = m.tokens[0]
    key = surname_key(word)
    exact = [c for c in clusters if any(surname_key(x.tokens[-1]) == key or x.tokens[0] == word and len(x.tokens) == 1
                                         for x in c)]
    if exact:
        return _nearest(exact, m)
    by_first = [c for c in clusters if any(len(x.tokens) > 1 and x.tokens[0] == word for x in c)]
    if len(by_first) == 1:
        return by_first[0]  # "Bruce" after "Bruce Steinberg", when only one Bruce is named
    close = [c for c in clusters if any(len(x.tokens) > 1 and same_surname(x.tokens[-1], word) for x in c)]
    return _nearest(close, m) if close else None


def _nearest(clusters: list[list[PersonMention]], m: PersonMention) -> list[PersonMention]:
    """The cluster mentioned most recently before m (else the first one)."""
    before = [c for c in clusters if min(x.start for x in c) <= m.start]
    pool = before or clusters
    return max(pool, key=lambda c: max((x.start for x in c if x.start <= m.start), default=-1))


def _person(cluster: list[PersonMention]) -> Person:
    names = [" ".join(m.text.split()) for m in cluster]
    name = max(names, key=lambda n: (len(n.split()), -names.index(n)))
    aliases = [n for n in dict.fromkeys(names) if n != name]
    titles: list[str] = []
    for m in cluster:
        for t in m.titles:
            if t not in titles:
                titles.append(t)
    return Person(name=name, aliases=aliases, titles=titles, affiliation=_affiliation(titles),
                  mentions=[Mention(start=m.start, end=m.end, text=m.text) for m in cluster])


# -- titles -----------------------------------------------------------------------
def _titles(doc: Doc, m: PersonMention) -> list[str]:
    found = []
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return found
    before = _title_before(doc, span.start)
    if before:
        found.append(before)
    text = doc_text(doc)
    after = APPOSITIVE_AFTER.match(text[m.end:m.end + 120])
    if after and _ends_in_title_head(after.group(2)):
        found.append(after.group(2).strip())
    pre = _appositive_before(text[max(0, m.start - 120):m.start])
    if pre and not before:
        found.append(pre)
    return found


def _appositive_before(window: str) -> Optional[str]:
    """'..., the head of Egypt's State Information Service, [Diaa Rashwan]' -> the role phrase."""
    stripped = window.rstrip()
    if not stripped.endswith(","):
        return None
    clause = re.split(r"[,.;:\"“”()\n]", stripped[:-1])[-1]
    for hit in ARTICLE.finditer(clause):
        phrase = clause[hit.end():].strip()
        if _has_title_head(phrase):
            return phrase
    return None


def _title_before(doc: Doc, i: int) -> Optional[str]:
    """'Russian President [Vladimir Putin]', 'special envoy for Yemen [Hans Grundberg]'."""
    k = i - 1
    while k >= 0 and (doc[k].text in HONORIFICS or doc[k].is_space and doc[k].text.count("\n") == 1):
        k -= 1
    if k >= 1 and _cap(doc[k].text) and doc[k - 1].lower_ in ("for", "to", "of") and k >= 2 \
            and doc[k - 2].lower_ in TITLE_HEADS:
        k -= 2  # "envoy for Yemen"
    if k < 0 or doc[k].lower_ not in TITLE_HEADS or "\n" in doc[k].whitespace_:
        return None
    end = doc[i - 1].idx + len(doc[i - 1].text)
    while doc[i - 1].text in HONORIFICS and i - 1 > k:
        i -= 1
        end = doc[i - 1].idx + len(doc[i - 1].text)
    start = k
    while start - 1 >= 0 and i - start < MAX_TITLE_TOKENS and _title_word(doc, start - 1):
        start -= 1
    while start < k and (doc[start].lower_ in ("'s", "’s", "for", "of") or doc[start].is_space):
        start += 1
    title = " ".join(doc_text(doc)[doc[start].idx:end].split())
    return title or None


def _title_word(doc: Doc, k: int) -> bool:
    tok = doc[k]
    if tok.is_space:
        return tok.text.count("\n") == 1  # a hard-wrapped line, not a paragraph break
    if tok.is_punct and tok.text not in ("-",):
        return False
    low = tok.lower_
    if low in TITLE_HEADS or low in TITLE_MODIFIERS or low in ("'s", "’s"):
        return True
    if _cap(tok.text) or any(ch.isdigit() for ch in tok.text):
        place = lookup_place(tok.text)
        known = (country_of_demonym(tok.text) is not None or (place is not None and place.curated)
                 or tok.is_upper or any(ch.isdigit() for ch in tok.text))
        return known or (not tok.is_sent_start and (tok.ent_type_ in ("ORG", "GPE", "NORP") or place is not None))
    return False


def _ends_in_title_head(phrase: str) -> bool:
    words = phrase.strip().split()
    return bool(words) and words[-1].lower().strip("’'") in TITLE_HEADS and len(words) <= MAX_TITLE_TOKENS


def _has_title_head(phrase: str) -> bool:
    words = [w.lower() for w in phrase.split()]
    return bool(words) and words[0] in TITLE_HEADS and len(words) <= MAX_TITLE_TOKENS + 2


def _affiliation(titles: list[str]) -> Optional[str]:
    """The country or body a title names: 'Russian President' -> Russia, "Kenya's President" -> Kenya."""
    for title in titles:
        for word in re.split(r"[\s]+", title):
            bare = re.sub(r"['’]s$", "", word)
            country = country_of_demonym(bare)
            if country is not None:
                return country.name
            place = lookup_place(bare) if _cap(bare) else None
            if place is not None and place.curated:
                return place.name
            if bare.isupper() and len(bare) > 1 or any(ch.isdigit() for ch in bare) and _cap(bare):
                return bare
    return None


@Language.factory("karabakh_people", assigns=[f"doc._.{ext.PEOPLE}"])
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    ext.register_extensions()
    return PeopleFinder(nlp, name)
