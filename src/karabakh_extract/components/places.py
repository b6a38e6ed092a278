"""The karabakh_places component: countries, regions, towns and features, aliases merged.

NER alone is not enough on wire copy: it tags towns as PERSON or ORG
("Stepanakert", "Shushi"), misses "U.S." inside "U.S.-brokered", and reads
Title Case headlines and ALL-CAPS datelines poorly. So candidates come from two
sources, NER's GPE/LOC/FAC spans and a gazetteer scan of capitalised token
n-grams, and the gazetteer (`karabakh_extract.gazetteer`) decides what they are.
A name that is also a common word or surname ("Jackson", "Mobile") is accepted
from the gazetteer alone only with supporting evidence (NER, a locative
preposition, a dateline, a country mentioned in the story).
Beyond the gazetteer: named features with a generic head ("Neelum Valley",
"Line of Control"), names listed with a place or a place cue ("from A, B and C
directions", "the villages of A and B") and names NER calls people right after
"in"/"near" are places; words of well-known organisations ("Union" of
"European Union") and of people's names ("Petro") are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..doc_cache import doc_text, doc_words, lowercase_words, per_doc
from ..data import load_lines, load_tsv
from ..gazetteer import GazetteerEntry, country_of_demonym, lookup_candidates, place_key
from ..records import Mention, Place

MAX_NGRAM = 6
# A GeoNames city matched with no NER support must be at least this big (and after "in", "near", ...).
GAZETTEER_ONLY_MIN_POPULATION = 100_000
# ...or this big when NER tagged it as something else (a lone PERSON/ORG token: "Goma", "Stepanakert").
MISTAGGED_MIN_POPULATION = 100_000
NER_PLACE_LABELS = {"GPE", "LOC", "FAC"}
NER_OTHER_NAME_LABELS = {"PERSON", "ORG", "NORP"}
# Lowercase words that end curated place names ("Syunik region", "Hebei province").
GEO_SUFFIXES = {"region", "province", "strip", "city", "district", "governorate", "oblast", "state", "river",
                "valley", "corridor", "peninsula", "heights", "sea", "gulf", "county", "territory", "territories"}
CONNECTORS = {"-", "of", "the", "and", "al", "el", "ad", "as", "ash", "an", "de", "du", "la", "le", "'", "’",
              "e", "i"}  # "Mazar-e-Sharif", "Shah-i-Kot"
LOCATIVES = set(load_lines("places_locative_words.txt"))
NOT_PLACES = {place_key(w) for w in load_lines("places_not_places.txt")}
ORG_HEAD_WORDS = set(load_lines("orgs_head_words.txt"))
# Names of bodies and brands that GeoNames also lists as towns ("Google", "Police").
ORG_NAMES = {place_key(w) for w in load_lines("orgs_not_organizations.txt")} | {
    place_key(row[0]) for row in load_tsv("orgs_known.tsv")}
# Preferring a town in a country the story names must not let "Geneva, Illinois" beat Geneva.
STORY_COUNTRY_WEIGHT = 8
# "U.S.-brokered", "Saudi-led", "Russia-backed": a place glued to a participle by a hyphen.
KNOWN_AS = re.compile(r",?\s*(?:also\s+)?(?:known|called)\s+as\s+([A-Z][\w\-’']*(?: [A-Z][\w\-’']*){0,2})")
# "the 7th Brigade, or Kaniyat": a name defined as an organisation's alias is not a place.
ORG_ALIAS_BEFORE = re.compile(r"(?:,\s*or|known\s+as|\()\s*(?:the\s+)?$")
HYPHEN_PREFIX = re.compile(r"^([A-Z][\w.’']*?)-(?=[a-z])")
# Head words of named geographic features and subdivisions ("Neelum Valley", "Rakhine State").
FEATURE_HEADS = {"Valley", "River", "Mountains", "Mountain", "Range", "Sea", "Gulf", "Strait", "Straits", "Corridor",
                 "Province", "Region", "District", "Governorate", "Oblast", "Krai", "Raion", "State", "Strip",
                 "Desert", "Plateau", "Heights", "Peninsula", "Lake", "Island", "Islands", "Canal", "Pass", "Bay",
                 "Coast", "Delta", "Basin", "Hills", "Highlands", "Oasis", "Crossing", "Dam", "Reservoir", "Gorge",
                 "Ocean", "County"}
# Heads that name a subdivision of the place before them: "Balkh Province" is Balkh.
ADMIN_HEADS = {"Province", "Region", "District", "Governorate", "Oblast", "Krai", "Raion", "State", "County"}
# Named lines of a conflict ("Line of Control", "Line of Contact", "Green Line").
LINE_NAME = re.compile(r"^(?:(?:Line|LoC) of (?:Control|Contact|Actual Control|Separation)|(?:Green|Blue|Purple) Line)$")
# "Lin’e": a letter cut off by an apostrophe at a word's end is an OCR or typing slip, not a name.
APOSTROPHE_SLIP = re.compile(r"\w['’][a-rt-z]\b")
LIST_JOINERS = {",", "and", "or"}
COMPASS = re.compile(r"^(?:North|South|East|West|Central|Upper|Lower)(?:ern)?(?:-(?:East|West)(?:ern)?)?$")
# Nouns around a list that say its items are places: "from A, B and C directions", "the villages of A and B".
LIST_PLACE_NOUNS = {"direction", "directions", "area", "areas", "village", "villages", "town", "towns", "city", "cities",
                    "district", "districts", "region", "regions", "province", "provinces", "axis", "sector", "sectors",
                    "settlements", "communities", "neighbourhoods", "neighborhoods", "camps", "localities", "outskirts"}
# "the Eastern Front", "the southern front line": a front of a war is not a named place.
COMPASS_FRONT = re.compile(r"^(?:North|South|East|West|Central)(?:ern)?(?:[- ](?:east|west)(?:ern)?)?\s+(?:Front|Flank|Sector|Axis)s?$",
                           re.IGNORECASE)
PERSON_TITLE_HEADS = {w.lower() for w in load_lines("people_title_heads.txt")}
GROUPS = {place_key(w) for w in load_lines("people_groups.txt")}


@dataclass
class PlaceCandidate:
    """A span that may name a place, with what the gazetteer and NER say about it."""

    start: int
    end: int
    text: str
    entries: list[GazetteerEntry]
    ner_label: str = ""
    evidence: set[str] = field(default_factory=set)
    alias_of: Optional["PlaceCandidate"] = None  # "Shalva" in "Rev, known as Shalva"


def _is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _strip_article(span: Span) -> Span:
    """'the United States' -> 'United States' (the mention is the name, not the article)."""
    while len(span) > 1 and span[0].lower_ in ("the", "a"):
        span = span[1:]
    while len(span) > 1 and (span[-1].lower_ in ("'s", "’s", "'", "’") or span[-1].is_punct):
        span = span[:-1]
    return span


class PlaceFinder:
    """Writes doc._.kx_places: one Place per real place, every mention with offsets."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.find(doc)
        setattr(doc._, ext.PLACES, self.group(candidates))
        return doc

    # -- find -------------------------------------------------------------------
    def find(self, doc: Doc) -> list[PlaceCandidate]:
        ner_label = _ner_labels(doc)
        found: list[PlaceCandidate] = []
        taken: set[int] = set()
        for cand in self._gazetteer_ngrams(doc, ner_label):
            found.append(cand)
            taken.update(range(cand.start, cand.end))
        for cand in [*self._ner_only(doc), *self._features(doc)]:
            inside = [c for c in found if c.start < cand.end and cand.start < c.end]
            if inside and (_grows_a_place(cand) or "list" in cand.evidence) and all(cand.start <= c.start and c.end <= cand.end and (c.end - c.start) < (cand.end - cand.start)
                              and c.entries and not c.entries[0].curated for c in inside):
                found = [c for c in found if c not in inside]  # "Valley" (a US town) inside "Neelum Valley"
                words = cand.text.split()
                name_part = [c for c in inside if len(inside) == 1 and c.text.split() == words[:-1]]
                if name_part and words[-1] in ADMIN_HEADS:
                    cand.entries = name_part[0].entries  # "Balkh Province" is Balkh
                inside = []
            if not inside:
                found.append(cand)
                taken.update(range(cand.start, cand.end))
        for cand in self._hyphen_prefixes(doc):
            if cand.start not in taken:
                found.append(cand)
        found.extend(self._known_as(doc, found, taken))
        mentioned = {e.country_code for c in found for e in c.entries[:1] if e.kind == "country"}
        org_spans = _known_org_spans(doc)
        accepted = [c for c in found if _accept(c, mentioned) and not _inside_known_org(c, org_spans)]
        accepted += list(self._listed_with_places(doc, accepted, org_spans))
        for cand in accepted:
            cand.entries = _disambiguate(cand.entries, mentioned)
            if _foreign_alternate(cand, mentioned):
                cand.entries = []  # "Banki" in a Nigeria story is not Krasnogorsk, Russia (an alternate name)
        return sorted(accepted, key=lambda c: c.start)

    def _features(self, doc: Doc) -> Iterable[PlaceCandidate]:
        """Named features with a generic head ('Neelum Valley', 'Rakhine State', 'Line of Control'):
        places when NER marks them (any label but PERSON) or a locative preposition precedes them."""
        for ent in doc.ents:
            if ent.label_ not in ("FAC", "ORG", "LOC", "GPE", "NORP"):
                continue
            span = _strip_article(ent)
            text = " ".join(span.text.split())
            if not LINE_NAME.match(text) and not (span[-1].text in FEATURE_HEADS and len(span) > 1):
                continue
            if ent.label_ == "ORG" and span[-1].text == "State" or not _looks_like_place_name(span):
                continue  # "Islamic State"
            yield PlaceCandidate(span.start_char, span.end_char, span.text, [], ner_label=ent.label_,
                                 evidence={"ner", "feature"})
        for i, word in enumerate(doc_words(doc)):
            if word not in FEATURE_HEADS or i == 0 or doc[i].ent_type_:
                continue
            tok = doc[i]
            start = tok.i
            while start > 0 and tok.i - start < 3 and _is_capitalised(doc[start - 1].text) and doc[start - 1].is_alpha \
                    and not doc[start - 1].is_sent_start and "\n" not in doc[start - 1].whitespace_:
                start -= 1
            if start == tok.i or doc[start].is_sent_start:
                continue
            k = start - 1
            if k >= 0 and doc[k].lower_ == "the":
                k -= 1
            if k < 0 or doc[k].lower_ not in LOCATIVES:
                continue
            span = doc[start:tok.i + 1]
            if _looks_like_place_name(span):
                yield PlaceCandidate(span.start_char, span.end_char, span.text, [], evidence={"ner", "feature"})

    @staticmethod
    def _listed_with_places(doc: Doc, accepted: list[PlaceCandidate], org_spans: list) -> Iterable[PlaceCandidate]:
        """'from Zobel, Kurmuk and Yabus direction': names listed after a locative with a place are places."""
        by_start = {c.start: c for c in accepted}
        taken = {ch for c in accepted for ch in range(c.start, c.end)}
        person_words = _person_words(doc)
        n = len(doc)
        words = doc_words(doc)
        for i, word in enumerate(words):
            low = word.lower()
            if low not in LOCATIVES and low != "of":
                continue
            tok = doc[i]
            of_places = tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in LIST_PLACE_NOUNS
            if not (tok.lower_ in LOCATIVES or of_places) or tok.i + 1 >= n:
                continue
            items, k = [], tok.i + 1
            if doc[k].lower_ == "the":
                k += 1
            while k < n:
                end = k
                while end < n and end - k < 3 and _is_capitalised(doc[end].text) and doc[end].is_alpha \
                        and "\n" not in doc[end].whitespace_[:0] + (doc[end - 1].whitespace_ if end > k else ""):
                    end += 1
                if end == k:
                    break
                items.append(doc[k:end])
                if end < n and doc[end].text in LIST_JOINERS:
                    k = end + 1
                    if k < n and doc[k].lower_ in ("and", "or"):
                        k += 1
                    continue
                break
            after = doc[items[-1].end] if items and items[-1].end < n else None
            cued = of_places or (after is not None and after.lower_ in LIST_PLACE_NOUNS)
            if len(items) < 2 or not (cued or any(it.start_char in by_start for it in items)):
                continue
            if any(t.text in (",",) for t in doc[items[-1].start - 1:items[-1].start]) and \
                    doc[items[-1].start - 1].lower_ not in ("and", "or"):
                continue  # "in Moscow, Putin said": a clause, not a list (a list ends "... and C")
            for it in items:
                if it.start_char in by_start or taken.intersection(range(it.start_char, it.end_char)):
                    continue
                if not _listable(it, person_words, org_spans) or not cued and any(t.ent_type_ == "PERSON" for t in it):
                    continue  # "father to Lee, Tracy and Adele": names NER calls people need a place cue
                entries = lookup_candidates(it.text)
                yield PlaceCandidate(it.start_char, it.end_char, it.text, entries,
                                     ner_label="", evidence={"list"})

    def _gazetteer_ngrams(self, doc: Doc, ner_label: list[str]) -> Iterable[PlaceCandidate]:
        """Longest capitalised n-gram the gazetteer knows, at each token."""
        i, n_tokens = 0, len(doc)
        words = doc_words(doc)
        while i < n_tokens:
            word = words[i]
            if not (_is_capitalised(word) and (word.isalpha() or "." in word or "-" in word)) \
                    or word.lower() in ("the", "a", "an"):
                i += 1
                continue
            tok = doc[i]
            best = None
            limit = min(n_tokens, i + MAX_NGRAM)
            j = i + 1
            ends = [j]
            while j < limit and "\n" not in doc[j - 1].whitespace_ and not doc[j].is_sent_start:
                nxt = doc[j]
                if not (_is_capitalised(nxt.text) or nxt.lower_ in CONNECTORS or nxt.lower_ in GEO_SUFFIXES):
                    break
                j += 1
                ends.append(j)
            text = doc_text(doc)
            for end in reversed(ends):
                last = doc[end - 1]
                if last.lower_ in CONNECTORS:
                    continue
                entries = lookup_candidates(text[tok.idx:last.idx + len(last.text)])
                if not _is_capitalised(last.text):  # "Syunik region" is curated; "Gaza by" is not a name
                    entries = [e for e in entries if e.curated]
                if entries:
                    best = (doc[i:end], entries)
                    break
            if best is None:
                i += 1
                continue
            span, entries = best
            labels = {ner_label[k] for k in range(span.start, span.end)} - {""}
            if "PERSON_MULTI" in labels and not _inside_longer_person(doc, span):
                labels = (labels - {"PERSON_MULTI"}) | {"PERSON"}
            yield PlaceCandidate(span.start_char, span.end_char, span.text, entries,
                                 ner_label=_dominant(labels), evidence=_evidence(doc, span, ner_label))
            i = span.end

    def _ner_only(self, doc: Doc) -> Iterable[PlaceCandidate]:
        """NER GPE/LOC spans the gazetteer does not know (villages, new names): kept if they look like names.
        A PERSON span right after 'in', 'near' or 'the village of' is read as a place too ('in Nebi Saleh')."""
        placed = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and _after_place_preposition(doc, ent)}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text in placed and _looks_like_place_name(ent) \
                    and not (ent.end < len(doc) and doc[ent.end].lower_ in ("said", "says", "told")):
                yield PlaceCandidate(ent.start_char, ent.end_char, ent.text, lookup_candidates(ent.text),
                                     ner_label="", evidence={"list"})
                continue
            if ent.label_ not in ("GPE", "LOC"):
                continue
            span = _strip_article(ent)
            if not _looks_like_place_name(span) or _defined_as_org_alias(doc, span):
                continue
            evidence = {"ner"}
            if len(span) == 1 and span[0].lower_ in person_vote_words(doc):
                evidence.add("surname")
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.ent_type_ == "PERSON" and doc[span.end - 1].whitespace_ == " ":
                evidence.add("surname")  # "Aung San" (GPE) + "Suu Kyi" (PERSON): one name NER cut in two
            yield PlaceCandidate(span.start_char, span.end_char, span.text, [], ner_label=ent.label_,
                                 evidence=evidence)

    @staticmethod
    def _known_as(doc: Doc, found: list[PlaceCandidate], taken: set[int]) -> Iterable[PlaceCandidate]:
        """'the village of Rev, known as Shalva in Azeri': the second name is the same place."""
        extra = []
        for cand in found:
            hit = KNOWN_AS.match(doc_text(doc), cand.end)
            if hit and hit.start(1) not in taken and not extra_overlaps(extra, hit):
                extra.append(PlaceCandidate(hit.start(1), hit.end(1), hit.group(1), cand.entries,
                                            ner_label=cand.ner_label, evidence=set(cand.evidence) | {"alias"},
                                            alias_of=cand))
        return extra

    def _hyphen_prefixes(self, doc: Doc) -> Iterable[PlaceCandidate]:
        """'U.S.-brokered' is one token; its 'U.S.' is a place mention."""
        for i, word in enumerate(doc_words(doc)):
            if "-" not in word or not _is_capitalised(word):
                continue
            tok = doc[i]
            m = HYPHEN_PREFIX.match(tok.text)
            if not m:
                continue
            entries = [e for e in lookup_candidates(m.group(1)) if e.curated]
            if entries:
                yield PlaceCandidate(tok.idx, tok.idx + len(m.group(1)), m.group(1), entries, evidence={"curated"})

    # -- annotate ---------------------------------------------------------------
    def group(self, candidates: list[PlaceCandidate]) -> list[Place]:
        """One Place per gazetteer entry (or per unknown name), first-mention order."""
        places: dict[object, Place] = {}
        for cand in candidates:
            entry = cand.entries[0] if cand.entries else None
            named = cand.alias_of or cand
            key = (entry.name, entry.country_code) if entry else place_key(named.text)
            place = places.get(key)
            if place is None:
                place = places[key] = _new_place(entry, cand.text)
            place.mentions.append(Mention(start=cand.start, end=cand.end, text=cand.text))
            surface = _display(cand.text)
            if surface != place.name and surface not in place.aliases:
                place.aliases.append(surface)
        return list(places.values())


def extra_overlaps(extra: list[PlaceCandidate], hit: re.Match) -> bool:
    return any(c.start < hit.end(1) and hit.start(1) < c.end for c in extra)


def _new_place(entry: Optional[GazetteerEntry], text: str) -> Place:
    if entry is None:
        return Place(name=_display(text))
    return Place(name=entry.name, kind=entry.kind, country_code=entry.country_code,
                 lat=entry.lat, lon=entry.lon, geonames_id=entry.geonames_id)


def _display(text: str) -> str:
    """A mention as an alias: one line, title case for ALL-CAPS datelines ('GORIS' -> 'Goris')."""
    text = " ".join(text.split())
    if text.isupper() and len(text) > 3 and "." not in text:
        return text.title()
    return text


def _ner_labels(doc: Doc) -> list[str]:
    """Per token, its NER label; PERSON_MULTI marks tokens of a multi-token person name."""
    labels = [""] * len(doc)
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            labels[k] = ent.label_ if len(ent) == 1 or ent.label_ != "PERSON" else "PERSON_MULTI"
    return labels


def _inside_longer_entity(doc: Doc, span: Span) -> bool:
    """Is the span a strict part of a longer NER entity of any type?"""
    first, last = doc[span.start], doc[span.end - 1]
    if not first.ent_type_ and not last.ent_type_:
        return False
    starts_inside = first.ent_iob_ == "I"
    ends_inside = span.end < len(doc) and doc[span.end].ent_iob_ == "I"
    return starts_inside or ends_inside


def _multi_person_words(doc: Doc) -> frozenset:
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)


def _voted_person_words(doc: Doc) -> frozenset:
    """Words of multi-token PERSON names, and single words NER calls PERSON more often than anything else
    ('Tamimi' tagged PERSON four times, GPE twice). Only for names the gazetteer does not know: a known
    town NER keeps calling PERSON ('Bukavu') stays a town."""
    words = _person_words(doc)
    person: dict[str, int] = {}
    other: dict[str, int] = {}
    for e in doc.ents:
        if len(e) == 1 and e.label_ in ("PERSON", "GPE", "LOC", "ORG"):
            tally = person if e.label_ == "PERSON" else other
            tally[e[0].lower_] = tally.get(e[0].lower_, 0) + 1
    return frozenset(words | {w for w, n in person.items() if n >= 2 and n > other.get(w, 0)})


def person_vote_words(doc: Doc) -> frozenset:
    return per_doc(doc, "voted_person_words", _voted_person_words)


def _person_words(doc: Doc) -> frozenset:
    """Lowercased words of the doc's multi-token PERSON names ('Hamilton' of 'Lewis Hamilton')."""
    return per_doc(doc, "person_words", _multi_person_words)


def _inside_longer_person(doc: Doc, span: Span) -> bool:
    """'Jackson' in 'Michael Jackson' is part of a name; 'Nagorno-Karabakh' tagged PERSON whole is not."""
    for k in range(span.start, span.end):
        tok = doc[k]
        if tok.ent_type_ == "PERSON":
            ent_start = k
            while ent_start > 0 and doc[ent_start].ent_iob_ != "B" and doc[ent_start - 1].ent_type_ == "PERSON":
                ent_start -= 1
            ent_end = k + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            return ent_start < span.start or ent_end > span.end
    return False


def _dominant(labels: set[str]) -> str:
    for label in ("GPE", "LOC", "FAC", "PERSON_MULTI", "PERSON", "ORG", "NORP"):
        if label in labels:
            return label
    return next(iter(labels), "")


def _evidence(doc: Doc, span: Span, ner_label: list[str]) -> set[str]:
    """Context that makes a gazetteer-only match credible (or rules it out)."""
    found = set()
    if _inside_longer_entity(doc, span):
        found.add("inside_longer_entity")
    if len(span) == 1 and span[0].lower_ in _person_words(doc):
        found.add("surname")
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVES:
        found.add("locative")
    if span[0].is_upper and len(span[0].text) > 2 and _line_start(doc, span.start):
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text in (",", "(", "—", "–", "-", ":"):
            found.add("dateline")
    for tok in doc[span.end:span.end + 3]:
        if not _is_capitalised(tok.text) or not tok.is_alpha:
            break
        if tok.text in ORG_HEAD_WORDS:
            found.add("inside_org_name")  # "Minsk Group", "Tripoli Protection Force"
            break
    # "University of Tripoli", "Council for Gaza" name a body; "the Embassy in Colombo" is a body *in* a place.
    if prev is not None and prev.lower_ in ("of", "for") and span.start >= 2:
        before = doc[span.start - 2]
        if ner_label[before.i] == "ORG" and _is_capitalised(before.text):
            found.add("inside_org_name")
    return found


def _defined_as_org_alias(doc: Doc, span: Span) -> bool:
    """'..., a militia known as the 7th Brigade, or Kaniyat': the word before the definition is an org's."""
    before = doc_text(doc)[max(0, span.start_char - 40):span.start_char]
    hit = ORG_ALIAS_BEFORE.search(before)
    if not hit:
        return False
    words = before[:hit.start()].split()
    return bool(words) and words[-1].strip(",") in ORG_HEAD_WORDS


PLACE_PREPOSITIONS = {"in", "near", "outside", "inside"}
PLACE_NOUNS_OF = {"village", "town", "city", "district", "province", "region", "neighbourhood", "neighborhood", "camp"}


def _after_place_preposition(doc: Doc, ent: Span) -> bool:
    """'in Nebi Saleh', 'the village of Zobel': a name there is a place, whatever NER says, unless it is
    a possessive ('in Putin's view') or the story names that person elsewhere with a title."""
    if ent.start < 1 or not _looks_like_place_name(ent) or ent[0].is_sent_start:
        return False
    prev = doc[ent.start - 1]
    placed = prev.lower_ in PLACE_PREPOSITIONS or (
        prev.lower_ == "of" and ent.start >= 2 and doc[ent.start - 2].lower_ in PLACE_NOUNS_OF)
    if not placed:
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and (nxt.lower_ in ("'s", "’s", "'", "’") or _is_capitalised(nxt.text) and nxt.is_alpha):
        return False
    if nxt is not None and nxt.lower_ in ("and", ",") and ent.end + 1 < len(doc) \
            and doc[ent.end + 1].ent_type_ in ("PERSON", "ORG"):
        return False  # "new family in Indre Novikovaite and Osvaldas Novikovas"
    return len(ent) > 1 or ent[0].lower_ not in _person_words(doc)


def _foreign_alternate(cand: PlaceCandidate, mentioned: set[str]) -> bool:
    """A GeoNames town matched only through an alternate spelling, in a country the story never names,
    while it names others: the name is kept as a place of unknown country rather than misplaced."""
    if not cand.entries or not mentioned or "ner" in cand.evidence and not cand.entries:
        return False
    best = cand.entries[0]
    if best.curated or best.country_code in mentioned or best.kind in ("country", "region"):
        return False
    return place_key(best.name) != place_key(cand.text) and cand.ner_label in NER_PLACE_LABELS | {"", "PERSON", "ORG"}


def _grows_a_place(cand: PlaceCandidate) -> bool:
    """'Neelum Valley' over 'Valley', 'North Rhine-Westphalia' over 'Rhine': a head or a compass word, not
    'Las Vegas Suspect' over 'Las Vegas'."""
    words = cand.text.split()
    return "feature" in cand.evidence or len(words) > 1 and (
        words[-1] in FEATURE_HEADS or words[-1] in ("Ocean", "County", "Island", "Islands")
        or COMPASS.match(words[0]) is not None)


def _listable(span: Span, person_words: frozenset, org_spans: list) -> bool:
    """A list item that can be a place: a plain capitalised name, not a person, body, title or date."""
    if not _looks_like_place_name(span) or APOSTROPHE_SLIP.search(span.text):
        return False
    if place_key(span.text) in GROUPS or any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in PERSON_TITLE_HEADS
                                              or t.text in ORG_HEAD_WORDS for t in span):
        return False
    if len(span) > 1 and all(t.ent_type_ == "PERSON" for t in span) or span[-1].lower_ in person_words:
        return False
    if place_key(span.text) in ORG_NAMES or any(a < span.end_char and span.start_char < b for a, b in org_spans):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return not (nxt is not None and nxt.lower_ in ("said", "says", "told"))


def _known_org_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where the table of well-known organisations matches ('European Union'): its words are no places."""
    from .organizations import known_mentions  # organizations imports this module
    return [(m.start, m.end) for m in known_mentions(doc)]


def _inside_known_org(cand: PlaceCandidate, org_spans: list[tuple[int, int]]) -> bool:
    """'Union' in 'European Union', 'West Africa' in 'Islamic State West Africa Province' (a country stays:
    'Israel' in 'Israel Defense Forces' is still a place the story names)."""
    if cand.entries and cand.entries[0].kind == "country":
        return False
    if not cand.entries and any(a < cand.end and cand.start < b for a, b in org_spans):
        return True  # "the Islamic State" that NER called a place
    return any(a <= cand.start and cand.end <= b and (b - a) > (cand.end - cand.start) for a, b in org_spans)


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space or doc_text(doc)[doc[i].idx - 1:doc[i].idx] == "\n"


def _looks_like_place_name(span: Span) -> bool:
    text = span.text
    if not _is_capitalised(text) or any(ch.isdigit() for ch in text) or "\n" in text:
        return False
    if not all(t.is_alpha or t.text in ("-", "'", "’", ".") or t.lower_ in CONNECTORS for t in span):
        return False
    if country_of_demonym(text) is not None or place_key(text) in NOT_PLACES:
        return False
    return not (text.isupper() and len(span) > 1)


def _accept(cand: PlaceCandidate, mentioned_countries: set[str]) -> bool:
    """Does the evidence support reading this span as a place?"""
    text = cand.text
    if "inside_org_name" in cand.evidence or country_of_demonym(text) is not None:
        return False
    if place_key(text) in NOT_PLACES:
        return False
    if APOSTROPHE_SLIP.search(text) or COMPASS_FRONT.match(" ".join(text.split())):
        return False  # "Lin’e", "Eastern Front"
    if "list" in cand.evidence:
        return True
    if not cand.entries:
        return "ner" in cand.evidence and "surname" not in cand.evidence
    if cand.ner_label == "PERSON_MULTI":
        return False
    best = cand.entries[0]
    if "surname" in cand.evidence and best.kind != "country" and not cand.evidence & {"dateline", "locative"}:
        return False  # "Petro" of "Gustavo Petro", even where NER calls it GPE
    all_caps = text.isupper() and "." not in text and len(text) > 3
    if all_caps and "dateline" not in cand.evidence:
        return False
    if best.curated:
        return True
    if "inside_longer_entity" in cand.evidence or place_key(text) in ORG_NAMES:
        return False  # "University" in "Temple University", "Port" in "Duisburg Port"
    if cand.ner_label in NER_PLACE_LABELS or "dateline" in cand.evidence:
        return True
    if "surname" in cand.evidence:
        return False
    in_story_country = any(e.country_code in mentioned_countries for e in cand.entries)
    biggest = max(e.population for e in cand.entries)
    if cand.ner_label in NER_OTHER_NAME_LABELS:
        return biggest >= MISTAGGED_MIN_POPULATION and (in_story_country or biggest >= 1_000_000) or (
            "locative" in cand.evidence and biggest >= GAZETTEER_ONLY_MIN_POPULATION)
    return "locative" in cand.evidence and biggest >= GAZETTEER_ONLY_MIN_POPULATION and (
        in_story_country or biggest >= 1_000_000)


def _disambiguate(entries: list[GazetteerEntry], mentioned_countries: set[str]) -> list[GazetteerEntry]:
    """Prefer a curated entry, then a place in a country the story names, then the most populous."""
    if not entries:
        return entries
    best = entries[0]
    if best.curated:
        if best.kind in ("country", "region", "other") or best.country_code in mentioned_countries:
            return entries
        local = [e for e in entries[1:] if e.country_code in mentioned_countries and e.kind != "region"]
        return local[:1] + [e for e in entries if e not in local[:1]] if local else entries  # Tripoli, Lebanon

    def weight(entry: GazetteerEntry) -> int:
        return entry.population * (STORY_COUNTRY_WEIGHT if entry.country_code in mentioned_countries else 1)

    return sorted(entries, key=weight, reverse=True)


@Language.factory("karabakh_places", assigns=[f"doc._.{ext.PLACES}"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    ext.register_extensions()
    return PlaceFinder(nlp, name)
