"""The karabakh_organizations component: ministries, armies, armed groups, international bodies.

Candidates come from NER's ORG spans, a table of well-known organisations
(`orgs_known.tsv`: "U.N.", "OSCE", "Houthis"), capitalised runs ending in an
organisation word ("Tripoli Protection Force", "7th Brigade") and owned
lowercase bodies ("Qatar's foreign ministry"). Mentions are merged by the
table, by the text's own definitions ("X (Y)", "X, or Y,", "known as Y"), by
the acronym rule (Schwartz & Hearst) and by "the Observatory"-style back
references. Wire services, the publisher, social platforms, places, demonyms
and person names that NER mislabels as ORG are dropped: page furniture
("Digital Subscription", photo credits), lone common words ("State", or any
word the story also writes in lowercase), war fronts ("Eastern Front"), spans
that are only places, and spans with person evidence (a known name or surname,
a title before it, name particles), which are handed to karabakh_people through
`doc.user_data[PERSON_HINTS]`. Companies NER reads as people ("Maxar
Technologies", "imagery company Maxar") are organisations.

Rejections from wire-news error patterns (`_not_an_org`): places NER tags ORG (a lone word after "near/in",
a word before "town/village/region", "the town of X"), products and vehicles ("Land Cruisers",
`orgs_products.txt`), acronyms the text defines as a document ("the ceasefire agreement (CFA)"), and people
("Daya Master, a rebel spokesman", "Daya Master said", handed to people as hints). "UN troops"/"AU force" are
the acronym's body; names lose a trailing preposition ("Norwegian Embassy in"). Groups named by pattern
("the Gan Grif gang", "a gang known as Fantom 509", "Vitel'Homme, a gang") are organisations. Owned lowercase
bodies are one per owner ("Kenya's" and "Somalia's foreign ministry"); "the country's foreign ministry"
joins the only owner with that ministry. A cut long name ("Liberation Tigers" of "... of Tamil Eelam") is an alias.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..doc_cache import doc_text, doc_words, lowercase_words, per_doc
from .places import person_vote_words as _person_vote
from ..data import load_lines, load_tsv
from ..gazetteer import country_of_demonym, lookup_place, place_key
from ..records import Mention, Organization

MAX_NGRAM = 8
ORG_HEAD_WORDS = set(load_lines("orgs_head_words.txt"))
LOWERCASE_HEADS = sorted((tuple(h.split()) for h in load_lines("orgs_lowercase_heads.txt")), key=len, reverse=True)
NOT_ORGS = {place_key(w) for w in load_lines("orgs_not_organizations.txt")}
# Ethnic and religious groups ("Druze", "Bedouin"): NER calls them ORG or PERSON; they are neither.
NOT_NAMES = {place_key(w) for w in load_lines("people_groups.txt")}
NAME_CONNECTORS = {"of", "for", "and", "the", "in", "on", "de", "al"}
# A single word that names no organisation alone ("The State said", "Times"), and words that make a
# span page furniture wherever they occur ("Digital Subscription", "REUTERS/Jane Doe/File Photo").
COMMON_WORDS = {w.lower() for w in load_lines("orgs_common_words.txt")}
FURNITURE_WORDS = {w.lower() for w in load_lines("orgs_furniture_words.txt")}
# Wires and outlets credited by the page: a span containing one ("Reuters News Service") is a credit.
WIRE_WORDS = {"ap", "reuters", "afp", "getty", "epa", "shutterstock", "aptopix", "upi", "dpa", "pa"}
# "Toblerone's Facebook", "the ministry's Telegram": an account on a platform, not a body.
PLATFORM_WORDS = {"facebook", "twitter", "instagram", "youtube", "tiktok", "telegram", "whatsapp", "x", "linkedin"}
TITLE_HEADS = {w.lower() for w in load_lines("people_title_heads.txt")}
# Particles inside personal names: "Bassem al-Saadi", "Osama bin Laden", "Ursula von der Leyen".
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "ben", "van", "von", "der", "den", "de", "da", "dos", "das",
                  "del", "di", "du", "la", "le", "ould", "wa"}
# First words of Arabic-language group names, so "Jaish al-Adl" keeps being an organisation.
GROUP_NAME_STARTS = {"jaish", "liwa", "ahrar", "harakat", "harakat", "ansar", "hayat", "hay'at", "kataib", "kata'ib",
                     "asaib", "saraya", "jabhat", "hizb", "tahrir", "jund", "jamaat", "jama'at", "tanzim", "katiba",
                     "faylaq", "quwat", "majlis", "al", "el", "dar", "bayt", "beit", "banque", "banco", "lashkar",
                     "tehrik", "tehreek", "sipah", "fatah", "hamas", "hezbollah", "ahl"}
# "the Eastern Front", "the southern front line": a front of a war, not a body.
COMPASS_FRONT = re.compile(r"^(?:North|South|East|West|Central)(?:ern)?(?:[- ](?:east|west)(?:ern)?)?\s+(?:Front|Line|Flank|Sector|Axis)s?$",
                           re.IGNORECASE)
# Words after a name that make it a company ("Maxar Technologies", "Maxar Inc.").
COMPANY_WORDS = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc", "technologies", "technology",
                 "co", "co.", "company", "holdings", "labs", "systems", "aerospace", "industries", "airlines", "gmbh",
                 "ag", "sa", "s.a."}
COMPANY_NOUNS = {"company", "firm", "maker", "manufacturer", "contractor", "startup", "start-up", "provider", "giant"}
PERSON_HINTS = "kx_person_hints"  # doc.user_data key: ORG spans the person evidence says are people
HYPHEN_PREFIX = re.compile(r"^([A-Z][\w.’']*?)-(?=[a-z])")
DEFINITION = re.compile(r"(?:,\s*or\s+|,?\s*(?:also\s+)?known\s+as\s+|\s*\(\s*)(?:the\s+)?"
                        r"([A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})(?=[,.)\s])")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}s?$|^(?:[A-Z]\.){2,4}$")


def org_key(text: str) -> str:
    """Comparison key for organisation names (the gazetteer's: case, dots, 'the', possessive ignored)."""
    return place_key(text)


def _trim_end_word(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _title_cased(name: str) -> bool:
    """'Indian Army', 'Security Council': every word but connectors starts with a capital."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in NAME_CONNECTORS]
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _load_known() -> tuple[dict[str, str], set[str], set[str]]:
    """key -> canonical name, the case-sensitive acronym aliases, and the keys that must be Title Cased."""
    index: dict[str, str] = {}
    acronyms: set[str] = set()
    mixed_case: set[str] = set()  # "Tass" listed beside "TASS": any case is the name
    title_cased: dict[str, bool] = {}
    for row in load_tsv("orgs_known.tsv"):
        canonical = row[0]
        aliases = [a for a in (row[1].split("|") if len(row) > 1 else []) if a]
        for name in [canonical, *aliases]:
            key = org_key(name)
            index.setdefault(key, canonical)
            # "the Indian Army" is a name, "the Indian army" is a description; a lowercase table form allows both
            title_cased[key] = title_cased.get(key, True) and _title_cased(name)
            bare = name.replace(".", "")
            if bare.isupper() and len(bare) <= 6:
                acronyms.add(key)
            elif " " not in name:
                mixed_case.add(key)
    return index, acronyms - mixed_case, {k for k, v in title_cased.items() if v}


KNOWN_ORGS, KNOWN_ACRONYMS, KNOWN_TITLE_CASED = _load_known()
# First words of known names: an n-gram is only tried from a token that can start one.
KNOWN_FIRST_WORDS = {key.split()[0] for key in KNOWN_ORGS if key} | {
    org_key(_trim_end_word(name.split()[0])) for row in load_tsv("orgs_known.tsv")
    for name in [row[0], *(row[1].split("|") if len(row) > 1 else [])] if name.split()}  # "People" of "People's ..."
KNOWN_MAX_WORDS = max((len(key.split()) for key in KNOWN_ORGS), default=1) + 2
KNOWN_PREFIXES = {" ".join(key.split()[:k]) for key in KNOWN_ORGS for k in range(1, len(key.split()) + 1)}


@dataclass
class OrgMention:
    start: int
    end: int
    text: str
    canonical: Optional[str] = None   # from the table of well-known organisations
    owner: Optional[str] = None       # "Armenia" in "Armenia's Defense Ministry"
    core: Optional[str] = None        # "Defense Ministry"
    priority: int = 1                 # lower wins an overlap: table 0, NER/pattern 1, acronym 2
    company: bool = False             # "Maxar Technologies": never moved to people


# Words a name never ends with ("Norwegian Embassy in"), and generic lowercase nouns after an acronym ("AU force").
TRAILING_WORDS = {"in", "of", "for", "at", "on", "and", "to", "with", "from", "by", "or"}
GENERIC_NOUNS = {"force", "forces", "troops", "soldiers", "officials", "official", "mission", "peacekeepers",
                 "personnel", "staff", "monitors", "observers", "envoy", "delegation", "member", "members", "states"}
# Place head words after a name ("Bulo-Hawa town") and locative words before one ("near Kefraya").
PLACE_HEADS = {"town", "village", "region", "province", "district", "county", "island", "city", "islands",
               "municipality", "governorate", "state", "valley", "area", "neighbourhood", "neighborhood", "suburb",
               "commune", "prefecture", "camp", "settlement", "hamlet"}
LOCATIVES = {"near", "in", "on", "around", "outside", "into", "across", "inside", "off", "of"}
STRICT_LOCATIVES = {"near", "in", "around", "outside", "inside", "nearby"}
PLACE_OF = {"town", "village", "city", "region", "province", "district", "island", "area", "municipality"}
# Products, vehicles and weapons NER reads as ORG ("Land Cruisers", "Kalashnikovs").
PRODUCT_WORDS = {w.lower() for w in load_lines("orgs_products.txt")}
PRODUCT_CUES = {"with", "carrying", "driving", "drove", "aboard", "using", "used", "armed", "fired", "firing",
                "two", "three", "four", "several", "dozens", "pickup", "pick-up", "mounted", "rode", "new"}
# Nouns that make an apposition describe a body, not a person ("X, a volunteer organization").
BODY_NOUNS = {w.lower() for w in ORG_HEAD_WORDS} | {
    "organization", "organisation", "group", "firm", "company", "agency", "body", "charity", "party", "militia",
    "gang", "movement", "network", "ngo", "outfit", "faction", "coalition", "union", "newspaper", "outlet",
    "institute", "website", "think-tank", "tank", "consultancy", "organizations", "groups", "bank", "fund"}
# Words of body names, never of personal names: "Islamic Jihad said" is no person speaking.
BODY_NAME_WORDS = {"islamic", "jihad", "national", "liberation", "democratic", "revolutionary", "popular", "united",
                   "free", "resistance", "international", "global", "human", "rights", "watch", "red", "republican",
                   "socialist", "workers", "people's", "peoples", "patriotic", "islamist", "justice", "freedom",
                   "unity", "salvation", "solidarity", "reform", "action", "defenders", "alliance", "forces"}
AMBIGUOUS_TITLES = {"major", "general", "chief", "head", "chair", "official"}  # "a major provider"
GROUP_DESCRIPTORS = {"islamist", "jihadist", "sunni", "shia", "shiite", "christian", "muslim", "marxist", "maoist",
                     "communist", "separatist", "rebel", "armed", "militant", "extremist", "criminal", "rival",
                     "local", "tribal", "ethnic", "paramilitary", "pro-government", "anti-government", "kurdish",
                     "arab", "insurgent", "terrorist", "opposition", "government", "police", "army", "same"}
# "the X gang", "a gang known as X", "X, a gang": armed groups the text names by pattern.
GROUP_NOUN = r"(?:gang|militia|cartel|armed\s+group|rebel\s+group|criminal\s+group)"
NAME_RUN = r"([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|\d+[\w\-]*)){0,3})"
GANG_PATTERNS = [
    re.compile(r"\b(?:the|a|an|rival)\s+" + NAME_RUN + r"\s+(?:gang|militia|cartel|group)s?\b"),
    re.compile(r"\b" + GROUP_NOUN + r"s?,?\s+(?:known\s+as|called|named|dubbed)\s+(?:the\s+)?" + NAME_RUN),
    re.compile(r"(?<![\w'’])" + NAME_RUN + r",\s+(?:a|an|the|another)\s+(?:[\w\-]+\s+){0,2}" + GROUP_NOUN + r"\b"),
]
# A lowercase phrase an acronym is defined as that names a document or a thing ("ceasefire agreement (CFA)").
DEFINED_ACRONYM = re.compile(r"((?:[a-z][\w\-]*\s+){1,6})\(\s*([A-Z][A-Za-z]{1,6})\s*\)")

POSSESSIVE_END = re.compile(r"(['’]s?|-)$")
# "U.N. health agency", "U.N. mission in Libya": a unit of a known body, named in lowercase.
UNIT_WORDS = {"mission", "agency", "office", "body", "force", "watchdog", "court", "tribunal", "panel", "commission"}


def _trim_end(text: str) -> str:
    """'Hamas’s' -> 'Hamas', 'United Nations-' (from 'United Nations-engineered') -> 'United Nations'."""
    return POSSESSIVE_END.sub("", text) if len(text) > 3 else text


def _cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _clean(span: Span) -> Optional[Span]:
    """Strip articles, possessives and punctuation at the ends; None if nothing name-like is left."""
    while len(span) and (span[0].lower_ in ("the", "a", "an") or span[0].is_punct or span[0].is_space):
        span = span[1:]
    while len(span) and (span[-1].lower_ in ("'s", "’s", "'", "’") or span[-1].is_punct or span[-1].is_space
                         or span[-1].lower_ in TRAILING_WORDS):
        span = span[:-1]  # "Norwegian Embassy in": a name does not end in a preposition
    if len(span) > 1 and ACRONYM.match(span[0].text) and all(t.lower_ in GENERIC_NOUNS and t.is_lower
                                                             for t in span[1:]):
        span = span[:1]  # "UN troops", "AU force": the acronym's body, not a new one
    if not len(span) or "\n" in span.text:
        return None
    return span


def _owner_split(span: Span) -> tuple[Optional[str], Optional[str]]:
    """'Armenia's Defense Ministry' -> ('Armenia', 'Defense Ministry'); 'Qatari foreign ministry' -> ('Qatar', ...)."""
    for k in range(1, len(span) - 1):
        if span[k].lower_ in ("'s", "’s"):
            owner = span[:k].text
            if lookup_place(owner) is not None:
                return owner, span[k + 1:].text
    first = span[0].text
    demonym = country_of_demonym(first)
    if demonym is not None and len(span) > 1:
        return demonym.name, span[1:].text
    return None, None


def is_acronym_of(short: str, long: str) -> bool:
    """Do the short form's letters spell the initials of the long form's capitalised words, in order?
    Lowercase connectors may be skipped: 'OSCE' / 'Organization for Security and Cooperation in Europe',
    'SOHR' / 'Syrian Observatory for Human Rights'. Stricter than Schwartz & Hearst, so 'NEW' is not
    'New York Times' and 'KRT' is not 'Korean Central News Agency'."""
    letters = [c.lower() for c in short if c.isalpha()]
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    if len(letters) < 2 or not 2 <= len(words) <= 12 or short.lower() in (w.lower() for w in words):
        return False

    def spell(li: int, wi: int) -> bool:
        if li == len(letters):
            return all(not _cap(w) for w in words[wi:])
        if wi == len(words):
            return False
        word = words[wi]
        if word[0].lower() == letters[li] and spell(li + 1, wi + 1):
            return True
        return not _cap(word) and spell(li, wi + 1)

    return spell(0, 0)


class OrganizationFinder:
    """Writes doc._.kx_organizations: one Organization per body, every mention with offsets."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.find(doc)
        setattr(doc._, ext.ORGANIZATIONS, self.group(doc, mentions))
        return doc

    # -- find -------------------------------------------------------------------
    def find(self, doc: Doc) -> list[OrgMention]:
        places = getattr(doc._, ext.PLACES)
        place_spans = {(m.start, m.end) for p in places for m in p.mentions}
        place_chars = {c for p in places for m in p.mentions for c in range(m.start, m.end)}
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        raw = [*known_mentions(doc), *self._ner(doc), *self._head_word_runs(doc), *self._owned_lowercase(doc),
               *self._acronyms(doc), *self._companies(doc), *_named_groups(doc)]
        raw += list(self._defined_aliases(doc, raw))
        text = doc_text(doc)
        lowercase = lowercase_words(doc)
        kept = [m for m in raw if self._plausible(m, place_spans, person_words, text)
                and not (m.priority == 1 and not m.canonical and " " not in m.text and m.text.lower() in lowercase)
                and not (m.priority == 1 and not m.canonical and m.owner is None and not _has_head_word(m.text)
                         and _only_places(text, m, place_chars))]
        things = _defined_things(text)
        verdicts = {id(m): _not_an_org(doc, text, m, things) for m in kept}
        kept = [m for m in kept if verdicts[id(m)] in (None, "person")]
        people = _person_spans(doc, [m for m in kept if m.priority == 1 and not m.canonical and not m.company])
        people.update({(m.start, m.end): (m.start, m.end) for m in kept if verdicts[id(m)] == "person"})
        doc.user_data[PERSON_HINTS] = sorted(people.values())
        kept = [m for m in kept if (m.start, m.end) not in people]
        kept.sort(key=lambda m: (m.priority, -(m.end - m.start), m.start))
        taken: set[int] = set()
        chosen = []
        for m in kept:
            if not taken.intersection(range(m.start, m.end)):
                chosen.append(m)
                taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)

    def _known(self, doc: Doc) -> Iterable[OrgMention]:
        """Longest n-gram found in the table of well-known organisations, at each token."""
        i, n = 0, len(doc)
        words = doc_words(doc)
        while i < n:
            word = words[i]
            if not (_cap(word) or word[:2].lower() == "al") or word.lower() == "the" \
                    or _first_key(word) not in KNOWN_FIRST_WORDS:
                i += 1
                continue
            tok = doc[i]
            hit = None
            if _inside_hyphenated_word(doc, i):
                i += 1  # "AU" of "PORT-AU-PRINCE" is a piece of a place name, not the African Union
                continue
            for end in self._known_ends(doc, i):
                span = doc[i:end]
                if span[-1].is_punct:
                    continue  # "United Nations." at a sentence end: the name stops before the full stop
                text = _trim_end(span.text)
                canonical = self._known_name(text)
                if canonical:
                    hit = OrgMention(span.start_char, span.start_char + len(text), text, canonical=canonical,
                                     priority=0)
                    hit = self._with_lowercase_unit(doc, hit)
                    break
            if hit is None and "-" in tok.text:
                m = HYPHEN_PREFIX.match(tok.text)  # "U.N.-brokered"
                canonical = self._known_name(m.group(1)) if m else None
                if canonical:
                    hit = OrgMention(tok.idx, tok.idx + len(m.group(1)), m.group(1), canonical=canonical, priority=0)
            if hit is None:
                i += 1
                continue
            yield hit
            while i < n and doc[i].idx < hit.end:
                i += 1

    @staticmethod
    def _known_ends(doc: Doc, i: int) -> list[int]:
        """Ends of the n-grams from token i that could still be a known name, longest first: growing
        stops at the first n-gram no table name starts with (the scan stays linear)."""
        text, words = doc_text(doc), doc_words(doc)
        start = doc[i].idx
        ends = []
        for end in range(i + 1, min(len(doc), i + KNOWN_MAX_WORDS) + 1):
            last = doc[end - 1]
            piece = text[start:last.idx + len(words[end - 1])]
            possessive = last.lower_ in ("'s", "’s", "'", "’") or end < len(doc) and doc[end].lower_ in ("'s", "’s")
            if "\n" in piece or org_key(_trim_end(piece)) not in KNOWN_PREFIXES and not last.is_punct \
                    and not possessive:  # "People's Protection Units" is keyed "peoples protection units"
                break
            ends.append(end)
        return ends[::-1]

    @staticmethod
    def _with_lowercase_unit(doc: Doc, hit: OrgMention) -> OrgMention:
        """Grow 'U.N.' into 'U.N. health agency' / 'U.N. mission in Libya' when the text names a unit."""
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None:
            return hit
        k = span.end
        words = 0
        while k < len(doc) and words < 3 and doc[k].is_lower and doc[k].is_alpha:
            if doc[k].lower_ in UNIT_WORDS and doc[k - 1].lower_ != "news":  # "TASS news agency" is TASS
                end = k + 1
                if end + 1 < len(doc) and doc[end].lower_ in ("in", "for", "to") and \
                        lookup_place(doc[end + 1].text) is not None:
                    end += 2
                if end == k + 1 and k == span.end and doc[k].lower_ in GENERIC_NOUNS:
                    return hit  # "AU force", "EU mission": the body itself, not a new one
                unit = doc[span.start:end]
                return OrgMention(unit.start_char, unit.end_char, unit.text, priority=0)
            k += 1
            words += 1
        return hit

    @staticmethod
    def _known_name(text: str) -> Optional[str]:
        key = org_key(text)
        canonical = KNOWN_ORGS.get(key)
        if canonical is None or not (_cap(text) or text.startswith("al")):
            return None
        if key in KNOWN_ACRONYMS and text.replace(".", "").upper() != text.replace(".", ""):
            return None  # "WHO" is the agency, "Who" is not
        if key in KNOWN_TITLE_CASED and not _title_cased(text):
            return None
        return canonical

    def _ner(self, doc: Doc) -> Iterable[OrgMention]:
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            span = _clean(ent)
            if span is None:
                continue
            owner, core = _owner_split(span)
            yield OrgMention(span.start_char, span.end_char, span.text, canonical=self._known_name(span.text),
                             owner=owner, core=core)

    def _head_word_runs(self, doc: Doc) -> Iterable[OrgMention]:
        """'Tripoli Protection Force', '7th Brigade', 'Ministry of Health': names NER may miss."""
        for i, word in enumerate(doc_words(doc)):
            if word not in ORG_HEAD_WORDS:
                continue
            tok = doc[i]
            if tok.i > 0 and doc[tok.i - 1].lower_ == "the" and not (tok.i + 1 < len(doc) and _cap(doc[tok.i + 1].text)):
                # "the Observatory said": kept only if it refers back to a named organisation (see group)
                yield OrgMention(tok.idx, tok.idx + len(tok.text), tok.text, priority=2)
            start = tok.i
            while start > 0 and (_cap(doc[start - 1].text) and doc[start - 1].is_alpha
                                 or doc[start - 1].like_num and start - 1 == tok.i - 1
                                 or re.match(r"^\d+(st|nd|rd|th)$", doc[start - 1].text)) \
                    and "\n" not in doc[start - 1].whitespace_:
                start -= 1
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and _cap(doc[end + 1].text):
                end += 1
                while end < len(doc) and (_cap(doc[end].text) and doc[end].is_alpha
                                          or doc[end].lower_ in ("and", "of")) and "\n" not in doc[end - 1].whitespace_:
                    end += 1
                while doc[end - 1].lower_ in ("and", "of"):
                    end -= 1
            if end - start < 2:
                continue
            span = _clean(doc[start:end])
            if span is None or len(span) < 2:
                continue
            owner, core = _owner_split(span)
            yield OrgMention(span.start_char, span.end_char, span.text, owner=owner, core=core)

    @staticmethod
    def _companies(doc: Doc) -> Iterable[OrgMention]:
        """'Maxar Technologies', 'Maxar Inc.', 'imagery company Maxar': a company NER read as a person."""
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "GPE", "ORG"):
                continue
            nxt = doc[ent.end] if ent.end < len(doc) else None
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if nxt is not None and nxt.lower_ in COMPANY_WORDS and _cap(nxt.text) and ent.label_ != "ORG":
                span = doc[ent.start:ent.end + 1]
            elif ent.label_ == "PERSON" and (nxt is not None and nxt.lower_ in COMPANY_NOUNS
                                             or prev is not None and prev.lower_ in COMPANY_NOUNS):
                span = ent
            else:
                continue
            span = _clean(span)
            if span is not None:
                yield OrgMention(span.start_char, span.end_char, span.text, company=True)

    def _owned_lowercase(self, doc: Doc) -> Iterable[OrgMention]:
        """'Qatar's foreign ministry', 'a Qatari foreign ministry spokesperson', "Gaza's civil defence"."""
        words = doc_words(doc)
        for i, word in enumerate(words):
            if word.lower() in GENERIC_OWNERS and i + 1 < len(words) and words[i + 1] in ("'s", "’s") \
                    and i > 0 and words[i - 1].lower() in ("the", "that", "this", "its"):
                yield from _generic_owned(doc, i)  # "the country's foreign ministry"
                continue
            if not _cap(word) or not (i + 1 < len(words) and words[i + 1] in ("'s", "’s")
                                      or country_of_demonym(word) is not None):
                continue
            tok = doc[i]
            owner = None
            k = tok.i + 1
            if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
                for first in range(max(0, tok.i - 3), tok.i + 1):  # "South Sudan's", "Burkina Faso's"
                    run = doc[first:tok.i + 1]
                    if all(_cap(t.text) or t.lower_ in ("of", "the") for t in run) and _cap(run[0].text) \
                            and "\n" not in run.text and lookup_place(run.text) is not None:
                        owner, k, tok = run.text, k + 1, run[0]
                        break
            if owner is None and country_of_demonym(tok.text) is not None:
                owner = country_of_demonym(tok.text).name
            if owner is None:
                continue
            for head in LOWERCASE_HEADS:
                following = [t.text for t in doc[k:k + len(head)]]  # not `words`: the scan still needs it
                if tuple(following) == head:
                    span = doc[tok.i:k + len(head)]
                    yield OrgMention(span.start_char, span.end_char, span.text, owner=owner, core=" ".join(head))
                    break

    @staticmethod
    def _defined_aliases(doc: Doc, found: list[OrgMention]) -> Iterable[OrgMention]:
        """'the 7th Brigade, or Kaniyat,' / 'X, known as Y': Y is a name of X even if NER said GPE."""
        text = doc_text(doc)
        for m in found:
            if m.priority == 2:
                continue
            hit = DEFINITION.match(text, m.end)
            if hit:
                yield OrgMention(hit.start(1), hit.end(1), hit.group(1), priority=1)

    def _acronyms(self, doc: Doc) -> Iterable[OrgMention]:
        """Short all-caps forms ('SIS', 'SOHR'); kept only if linked to a long name (see group)."""
        for i, word in enumerate(doc_words(doc)):
            if ACRONYM.match(word) and not _all_caps_line(doc, doc[i]):
                tok = doc[i]
                yield OrgMention(tok.idx, tok.idx + len(word), word, priority=2)

    @staticmethod
    def _plausible(m: OrgMention, place_spans: set, person_words: set, doc_text: str) -> bool:
        text = m.text
        key = org_key(text)
        if key in NOT_ORGS or not key:
            return False
        if m.canonical or m.owner and m.core and m.owner.lower() in GENERIC_OWNERS:
            return True
        if not (_cap(text) or text[0].isdigit() or text.startswith("al")) or not any(c.isalpha() for c in text):
            return False
        if "/" in text or "@" in text or "|" in text:
            return False  # photo credits and handles
        words_lower = [w.strip(".,:;’'") for w in re.split(r"[\s/]+", text.lower())]
        if m.priority == 1 and len(words_lower) == 1 and words_lower[0] in COMMON_WORDS:
            return False  # "The State said": a common word alone names nothing
        if any(w in FURNITURE_WORDS or w in WIRE_WORDS for w in words_lower) or words_lower[-1] in PLATFORM_WORDS:
            return False  # "Digital Subscription", "Reuters News Service", "Toblerone's Facebook"
        if COMPASS_FRONT.match(text):
            return False  # "Eastern Front"
        if m.end < len(doc_text) and doc_text[m.end] == "-" and doc_text[m.end + 1:m.end + 2].islower():
            return False  # "Shell-shocked": a word glued to a participle is not a name
        if (m.start, m.end) in place_spans or country_of_demonym(text) is not None or key in NOT_NAMES:
            return False
        words = text.replace("-", " ").split()
        if all(lookup_place(w) is not None or country_of_demonym(w) is not None for w in words) and m.owner is None:
            return False  # "Armenia Azerbaijan", "Nagorno-Karabakh": places NER read as ORG
        if lookup_place(text) is not None and lookup_place(text).curated:
            return False
        if len(words) == 1 and key in person_words:
            return False  # a surname NER tagged ORG once
        return True

    # -- annotate ---------------------------------------------------------------
    def group(self, doc: Doc, mentions: list[OrgMention]) -> list[Organization]:
        parent = list(range(len(mentions)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        by_key: dict[str, int] = {}
        owned: dict[str, set[str]] = {}  # core key -> owned group keys ("foreign ministry" -> Kenya's, Somalia's)
        for i, m in enumerate(mentions):
            if m.canonical:
                key = "known:" + m.canonical
            elif m.owner and m.core:
                # "Kenya's foreign ministry" and "Somalia's foreign ministry" are two bodies
                key = "owned:" + _owner_key(m.owner) + "|" + _core_key(m.core)
                if m.owner.lower() not in GENERIC_OWNERS:
                    owned.setdefault(_core_key(m.core), set()).add(key)
            else:
                key = org_key(m.text)
            if key in by_key:
                union(by_key[key], i)
            else:
                by_key[key] = i
        for i, m in enumerate(mentions):
            generic = m.owner is not None and m.owner.lower() in GENERIC_OWNERS  # "the country's ..."
            owners = owned.get(_core_key(m.core if generic else m.text), set()) \
                if not m.canonical and (not m.owner or generic) else set()
            if len(owners) == 1:
                union(by_key[next(iter(owners))], i)  # a bare "the Interior Ministry" after "Georgia's ..."
        self._link_truncations(mentions, union)
        self._link_definitions(doc, mentions, union)
        self._link_acronyms(mentions, union)
        self._link_back_references(mentions, union)

        groups: dict[int, list[OrgMention]] = {}
        for i, m in enumerate(mentions):
            groups.setdefault(find(i), []).append(m)
        orgs = []
        for members in groups.values():
            if all(m.priority == 2 for m in members):
                continue  # an all-caps word nobody defined: not evidence of an organisation
            orgs.append(_organization(members))
        return orgs

    @staticmethod
    def _link_truncations(mentions: list[OrgMention], union) -> None:
        """'Liberation Tigers' when 'Liberation Tigers of Tamil Eelam' is named: a cut long name is an alias."""
        longs = [(i, m.text.split()) for i, m in enumerate(mentions) if not m.owner and len(m.text.split()) >= 2]
        for j, m in enumerate(mentions):
            words = m.text.split()
            if m.canonical or m.owner or m.priority == 2:
                continue
            n = len(words)
            for i, long in longs:
                if len(long) <= n or long[:n] != words:
                    continue
                if n >= 2 and long[n].lower() in ("of", "for", "in", "de", "al") \
                        or len(long) == n + 1 and long[n] in ORG_HEAD_WORDS and not ACRONYM.match(m.text) \
                        and long[n] not in ("Office", "Network", "Government"):  # "Wagner" / "Wagner Group"
                    union(i, j)
                    break

    @staticmethod
    def _link_definitions(doc: Doc, mentions: list[OrgMention], union) -> None:
        """'X (Y)', 'X, or Y,' and 'X, known as Y' written in the story make Y an alias of X."""
        text = doc_text(doc)
        for i, a in enumerate(mentions):
            for j in range(i + 1, min(i + 3, len(mentions))):
                b = mentions[j]
                between = text[a.end:b.start]
                if re.fullmatch(r"\s*(\(|,\s*or\s+|,?\s*(also\s+)?known\s+as\s+(the\s+)?|,\s*or\s+the\s+)\s*", between):
                    union(i, j)

    @staticmethod
    def _link_acronyms(mentions: list[OrgMention], union) -> None:
        longs = [(i, m) for i, m in enumerate(mentions) if len(m.text.split()) >= 2]
        for j, short in enumerate(mentions):
            if not ACRONYM.match(short.text):
                continue
            for i, long in longs:
                if is_acronym_of(short.text, long.core or long.text) or is_acronym_of(short.text, long.text):
                    union(i, j)
                    break

    @staticmethod
    def _link_back_references(mentions: list[OrgMention], union) -> None:
        """A lone head word ('the Observatory') names the last organisation ending in that word."""
        for j, m in enumerate(mentions):
            if m.text in ORG_HEAD_WORDS:
                for i in range(j - 1, -1, -1):
                    if m.text in mentions[i].text.split() and len(mentions[i].text.split()) > 1:
                        union(i, j)
                        break


# Words that make a name a place of work or worship rather than a person ("Addington High School").
FACILITY_WORDS = {"School", "College", "Hospital", "Clinic", "Temple", "Synagogue", "Mosque", "Cathedral", "Club",
                  "Hotel", "Airport", "Station", "Zoo", "Museum", "Stadium", "Prison", "Camp", "Base", "Airlines",
                  "Air", "Bank", "Times", "News", "Post", "Journal", "Radio", "Television", "TV", "Media", "Press",
                  "Enquirer", "Inquirer", "Herald", "Tribune", "Gazette", "Chronicle", "Observer", "Guardian",
                  "Telegraph", "Mirror", "Courier", "Examiner", "Bulletin", "Globe", "Express", "Standard"}


@lru_cache(maxsize=65536)
def _first_key(word: str) -> str:
    return (org_key(word).split() or [""])[0]


def known_mentions(doc: Doc) -> list[OrgMention]:
    """The well-known organisations named in the Doc, scanned once (places read them too). Copies, so a
    caller may change its own."""
    found = per_doc(doc, "known_orgs", lambda d: list(OrganizationFinder._known(_FINDER, d)))
    return [OrgMention(**vars(m)) for m in found]


GENERIC_OWNERS = {"country", "nation", "government", "kingdom", "republic", "state", "regime", "island", "territory"}


def _generic_owned(doc: Doc, i: int) -> Iterable[OrgMention]:
    """'the country's defense ministry': a ministry whose owner the story named before."""
    k = i + 2
    for head in LOWERCASE_HEADS:
        if len(head) < 2 and head != ("ministry",) or tuple(t.text for t in doc[k:k + len(head)]) != head:
            continue
        span = doc[i:k + len(head)]
        core = " ".join(head)
        yield OrgMention(span.start_char, span.end_char, span.text, owner=doc[i].text, core=core)
        return


def _owner_key(owner: str) -> str:
    place = lookup_place(owner)
    return org_key(place.name if place is not None else owner)


def _core_key(core: str) -> str:
    return org_key(core).replace("defence", "defense").replace("affairs ", "")


def _named_groups(doc: Doc) -> Iterable[OrgMention]:
    """'the Gan Grif gang', 'a gang known as Fantom 509', "Vitel'Homme, a gang": a group named by pattern.
    Digits belong to the name ('Fantom 509')."""
    text = doc_text(doc)
    for pattern in GANG_PATTERNS:
        for hit in pattern.finditer(text):
            name = hit.group(1)
            words = name.split()
            while words and words[-1].lower() in TRAILING_WORDS | {"the"}:
                words.pop()
            if not words or words[0].lower() in ("the", "a", "an") or "\n" in name \
                    or any(country_of_demonym(w) is not None or w.lower() in GROUP_DESCRIPTORS for w in words):
                continue  # "the Nigerian Islamist group", "a Sunni militia": a description, not a name
            name = " ".join(words) if " ".join(words) == name[:len(" ".join(words))] else words[0]
            start = hit.start(1)
            yield OrgMention(start, start + len(name), name, priority=1, company=True)  # never a person


def _defined_things(text: str) -> set[str]:
    """Acronyms the text defines as a lowercase thing: 'the ceasefire agreement (CFA)' -> {'CFA'}."""
    found = set()
    for hit in DEFINED_ACRONYM.finditer(text):
        words, short = hit.group(1).split(), hit.group(2)
        letters = [c.lower() for c in short if c.isupper()]
        words = [w for w in words if w not in NAME_CONNECTORS]
        for k in range(1, min(len(letters), len(words)) + 1):
            tail = words[-k:]
            if tail[0][0] == letters[0] and all(w[0] in letters for w in tail) \
                    and _subsequence(letters, "".join(tail)):
                found.add(short)  # "ceasefire agreement (CFA)", "memorandum of understanding (MoU)"
                break
    return found


def _subsequence(letters: list[str], word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


def _not_an_org(doc: Doc, text: str, m: OrgMention, things: set[str]) -> Optional[str]:
    """Why an NER/pattern span is no organisation: 'place', 'generic', 'product', 'thing', 'person', or None."""
    if m.text in things:
        return "thing"  # "the ceasefire agreement (CFA)": the acronym of a document
    if m.priority != 1 or m.canonical or m.company or m.owner is not None:
        return None
    words = m.text.replace("-", " ").split()
    head = _has_head_word(m.text)
    key = org_key(m.text)
    if key in PRODUCT_WORDS or all(w.lower().strip("'’") in PRODUCT_WORDS for w in m.text.split()):
        return "product"
    before = text[max(0, m.start - 40):m.start].split()
    after = text[m.end:m.end + 60].split()
    prev = before[-1].lower() if before else ""
    prev2 = before[-2].lower() if len(before) > 1 else ""
    nxt = after[0].lower().strip(".,;:") if after else ""
    if not head:
        if nxt in PLACE_HEADS and after[0][:1].islower():
            return "place"  # "Bulo-Hawa town", "Mindanao island"
        if prev == "of" and prev2 in PLACE_OF:
            return "place"  # "the town of Kefraya"
        lone = len(words) == 1 and not ACRONYM.match(m.text) and words[0].lower() not in GROUP_NAME_STARTS \
            and text[m.end:m.end + 1] not in ("'", "’")  # "Nasa’s Chandra X-ray Observatory" is owned
        if lone and prev in LOCATIVES and lookup_place(m.text) is not None:
            return "place"  # "on Mindanao": a lone word the gazetteer knows, after a locative preposition
        if lone and prev in STRICT_LOCATIVES:
            return "place"  # "near Kefraya": a lone word after a locative preposition
        if words[-1].endswith("s") and not words[-1].endswith("ss") and all(w[:1].isupper() for w in words) \
                and prev in PRODUCT_CUES and len(words) <= 3 \
                and not any(lookup_place(w) is not None for w in words) \
                and not any(w.lower() in GROUP_NAME_STARTS for w in words):
            return "product"  # "in Land Cruisers", "with Kalashnikovs": plural Title Case things
        appos = re.match(r",\s+(?:a|an|the|its|their)\s+((?:[\w\-'’]+\s+){0,3}?[\w\-]+)(?=\s*[,.;)]|\s+(?:who|of|for|at|in)\b)",
                         text[m.end:m.end + 80])
        described = [w.lower() for w in appos.group(1).split()] if appos else []
        if described and described[-1] in TITLE_HEADS - AMBIGUOUS_TITLES and not ACRONYM.match(m.text) \
                and not any(w in BODY_NOUNS for w in described if not w.endswith(("'s", "’s"))):
            return "person"  # "Daya Master, a rebel spokesman"
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in m.text.split()) \
                and nxt in ("said", "says", "told") and not (prev.isalpha() and prev.islower()) \
                and not any(w.lower() in lowercase_words(doc) for w in words) \
                and not any(w.lower() in GROUP_NAME_STARTS or w.lower() in BODY_NAME_WORDS for w in words) \
                and not any(lookup_place(w) is not None or country_of_demonym(w) is not None for w in words):
            return "person"  # "Daya Master said": a two-word name speaking is a person
    return None


def _only_places(text: str, m: OrgMention, place_chars: set[int]) -> bool:
    """Is every capitalised word of the span part of a place mention ('Zobel, Kurmuk' read as one ORG)?
    'New York Stock Exchange' keeps 'Stock Exchange' and stays an organisation."""
    if not place_chars.intersection(range(m.start, m.end)):
        return False
    rest = "".join(" " if i in place_chars else text[i] for i in range(m.start, m.end))
    return not any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w’'\-]*", rest))


def _has_head_word(text: str) -> bool:
    return any(w in ORG_HEAD_WORDS or w in FACILITY_WORDS for w in text.replace("-", " ").split())


def _person_spans(doc: Doc, mentions: list[OrgMention]) -> dict[tuple[int, int], tuple[int, int]]:
    """ORG spans the story shows to be people, mapped to the person's span: a known person's name or
    surname ('Lavrov' when 'Sergei Lavrov' is named, 'Tamimi' tagged PERSON more often than not), a title
    before ('Foreign Minister Lavrov'), or a name with particles ('Bassem al-Saadi', 'Bassem' followed by
    'al-Saadi'). Organisation-shaped names (head words, places, common words) stay."""
    names = [e for e in doc.ents if e.label_ == "PERSON"]
    person_words = {t.text for e in names for t in e if _cap(t.text) and t.lower_ not in NAME_PARTICLES}
    voted = _person_vote(doc)
    lowercase = lowercase_words(doc)
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.owner or _has_head_word(m.text) or not _name_shaped(span):
            continue
        words = [t.text for t in span if _cap(t.text) and t.lower_ not in NAME_PARTICLES]
        if not words:
            continue
        if any(w.lower() in COMMON_WORDS or w.lower() in lowercase
               or lookup_place(w) is not None and lookup_place(w).curated for w in words):
            continue  # "Cincinnati Zoo", "Pixel Visual Core": a place or a word the story writes in lowercase
        prev = doc[span.start - 1] if span.start > 0 else None
        evidence = (
            all(w in person_words for w in words) and (len(words) > 1 or words[0].lower() in voted)
            or len(words) > 1 and any(w in person_words for w in words)
            or prev is not None and prev.lower_ in TITLE_HEADS and _cap(prev.text)
            or _particle_name(span) or _particle_after(doc, span.end))
        if evidence:
            found[(m.start, m.end)] = (m.start, m.end)
    return found


def _name_shaped(span: Span) -> bool:
    """Capitalised words, hyphens and name particles only (no digits, no ALL-CAPS acronyms)."""
    for t in span:
        if t.text in ("-", "'", "’") or t.lower_ in NAME_PARTICLES:
            continue
        if not (t.is_alpha or "-" in t.text or "'" in t.text or "’" in t.text) or not _cap(t.text) \
                or (t.is_upper and len(t.text) > 1):
            return False
    return span[0].lower_ not in GROUP_NAME_STARTS


def _particle_name(span: Span) -> bool:
    """'Bassem al-Saadi', 'Osama bin Laden': a particle between capitalised words."""
    for k in range(1, len(span) - 1):
        if span[k].lower_ in NAME_PARTICLES and _cap(span[k - 1].text) and \
                (_cap(span[k + 1].text) or span[k + 1].text == "-" and k + 2 < len(span) and _cap(span[k + 2].text)):
            return True
    return False


def _particle_after(doc: Doc, i: int) -> bool:
    """'Bassem' then 'al-Saadi': NER cut a name at its particle."""
    if i + 1 >= len(doc) or doc[i].lower_ not in NAME_PARTICLES or doc[i - 1].whitespace_ == "":
        return False
    k = i + 1
    if doc[k].text == "-" and k + 1 < len(doc):
        k += 1
    return _cap(doc[k].text) and doc[k].is_alpha and doc[i].lower_ not in ("de", "la", "le", "du", "da", "di")


def _all_caps_line(doc: Doc, tok) -> bool:
    """ALL-CAPS headlines and credits ('APTOPIX', 'WHO IS ...') are not acronym evidence."""
    window = [t for t in doc[max(0, tok.i - 3):tok.i + 4] if t.is_alpha and t.i != tok.i]
    return bool(window) and sum(t.is_upper for t in window) >= 2


def _display(text: str) -> str:
    return " ".join(text.split())


def _organization(members: list[OrgMention]) -> Organization:
    canonical = next((m.canonical for m in members if m.canonical), None)
    surfaces = [_display(m.text) for m in members]
    if canonical:
        name = canonical
    else:
        named = [_display(m.text) for m in members if not (m.owner and m.owner.lower() in GENERIC_OWNERS)]
        longest = max((s for s in named or surfaces if not ACRONYM.match(s)), key=len, default=surfaces[0])
        name = longest
    aliases: list[str] = []
    cores = [m.core for m in members if m.core and m.core.split()[-1].capitalize() in ORG_HEAD_WORDS]
    for s in surfaces + cores:
        if s and s != name and s not in aliases:
            aliases.append(s)
    mentions = [Mention(start=m.start, end=m.end, text=m.text) for m in members]
    return Organization(name=name, aliases=aliases, mentions=mentions)


_FINDER = OrganizationFinder(None, "known_scan")  # type: ignore[arg-type]  # the scan needs no pipeline


def _inside_hyphenated_word(doc: Doc, i: int) -> bool:
    """Token i is glued by a hyphen to a word before it ('PORT-AU-PRINCE'): not a name of its own."""
    return (i >= 2 and doc[i - 1].text in ("-", "\u2010", "\u2011") and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_)


@Language.factory("karabakh_organizations", assigns=[f"doc._.{ext.ORGANIZATIONS}"])
def make_organization_finder(nlp: Language, name: str) -> OrganizationFinder:
    ext.register_extensions()
    return OrganizationFinder(nlp, name)
