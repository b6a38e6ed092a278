"""Who wrote and supplied a story: byline, contributors and the wire agency.

Wire credits come in a few house styles ("TRIPOLI (Reuters) -", "By AFP",
"AP, MOSCOW", "Associated Press writers X and Y contributed", "(Reporting by X;
Editing by Y)"). A page may also carry other agencies' photo credits, so each
kind of evidence has a strength and the strongest wins: a dateline credit beats
a byline, which beats a contributor line or the wire's copyright line, then
"told Reuters" in the story. A photo credit alone says nothing about the story.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .data import load_tsv
from .page_phrases import trie_pattern

# Evidence strengths (higher wins; ties go to the earliest on the page).
DATELINE_CREDIT = 5
BYLINE_CREDIT = 4
CONTRIBUTOR_CREDIT = 3
STORY_MENTION = 2


def _agency_names() -> dict[str, str]:
    names = {}
    for row in load_tsv("page_agencies.tsv"):
        for alias in row[1:]:
            if alias:
                names.setdefault(alias, row[0])
    return names


AGENCY_BY_NAME = _agency_names()
AGENCY_HINT = re.compile(trie_pattern({name.split()[0] for name in AGENCY_BY_NAME}))
AGENCY_NAMES_PATTERN = trie_pattern(AGENCY_BY_NAME)


def _agency(n: int) -> str:
    """The agency-name alternation as named group a<n> (each alternative of a pattern has its own)."""
    return rf"(?P<a{n}>{AGENCY_NAMES_PATTERN})"


def agency_in(match: re.Match) -> str:
    """The canonical agency a credit pattern matched."""
    name = next(v for k, v in match.groupdict().items() if k.startswith("a") and v)
    return AGENCY_BY_NAME[name]


_DASH = r"[-\u2010-\u2015]"

DATELINE_AGENCY = re.compile(rf"\({_agency(1)}\)\s*(?:{_DASH}|:)"
                             rf"|^[^()]{{0,60}}?\d\s*\({_agency(2)}\)\s+(?=[A-Z])")   # "Valletta, Mar 2 (PTI) A storm..."
BYLINE_AGENCY = re.compile(
    rf"^(?:\(?(?:By|BY|Via|VIA|From|Source|SOURCE)\s*:?\s+(?:the\s+|The\s+)?{_agency(3)}\b"   # "(Source: Reuters)" too
    rf"|{_agency(4)}(?:\s*(?:and|&|/)\s*(?:{AGENCY_NAMES_PATTERN}))*(?:\s*[,/|]|\s+{_DASH}|\s*$)"   # "AP and AFP, BEIRUT"
    rf"|.{{2,80}}(?:[,|]|\s{_DASH})\s*(?:The\s+)?{_agency(5)}\s*$"
    rf"|{_DASH}+\s*(?:The\s+)?{_agency(6)}\s*\.?$"   # "\u2014 AFP" signing off a story
    rf"|(?:By|BY)\s+[^/]{{2,60}}/\s*{_agency(7)}\s*$"   # "By Jane Doe/PNA"
    rf"|(?:By|BY)\s+[A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){{1,3}}\s+The\s+{_agency(15)}\s*$"   # "By Jane Doe The Associated Press"
    rf"|(?P<caps_name>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){{1,3}})\s+(?:The\s+)?{_agency(8)}\s*$)"   # "JANE DOE The Associated Press"
)
STORY_AGENCY = re.compile(
    rf"\b(?:told|tells|telling|(?:interview|call|conversation|speaking|spoke)\s+with)"
    rf"\s+(?:the\s+|The\s+)?{_agency(9)}\b(?!\s+(?:reported|said|says|reports|news\s+agency)\b)"
    rf"|\b{_agency(10)}\s+(?:reporters?|correspondents?|journalists?|photographers?|videographers?|witness(?:es)?|tally|count|calculations?|crew)\b"
    rf"|\b(?P<tv>AFPTV|AFP\s+TV|Reuters\s+TV|APTN)\b"
)
# "... the ministry said. \u2014 AFP": a sign-off on the story's last line (or on a caption: weak).
SIGN_OFF_AGENCY = re.compile(rf"[.!?\"\u201d]\s*{_DASH}+\s*{_agency(11)}\s*$")
# The wire's copyright line under its story (not a photo's "(Copyright ...)" credit).
COPYRIGHT_AGENCY = re.compile(rf"^(?:Copyright|\u00a9|\(c\))\s*(?:\d{{4}}\s+)?(?:the\s+|The\s+)?{_agency(12)}\b")
TV_AGENCY = {"AFPTV": "AFP", "AFP TV": "AFP", "Reuters TV": "Reuters", "APTN": "AP"}
CONTRIBUTOR_AGENCY = re.compile(rf"^(?:The\s+)?{_agency(13)}\s+(?:writers?|reporters?|correspondents?|journalists?)\b")
INPUTS_FROM_AGENCY = re.compile(rf"^\(?\s*(?:With|with)\s+(?:inputs?|reporting|additional inputs?)\s+from\s+(?:the\s+)?{_agency(14)}\b")
WIRE_CONTRIBUTED = re.compile(rf"^(?:The\s+)?(?:{AGENCY_NAMES_PATTERN})\s+contributed\b")   # "The Associated Press contributed..."

# Lines that credit people.
BYLINE = re.compile(r"^(?:By|BY|Via|VIA)\s+(?=[A-Z])(?P<who>.{2,120})$")
CONTRIBUTED = re.compile(r"\bcontributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article|post)))?(?:\s+from\s+[^.]+)?\.?\s*$")
CONTRIBUTOR_PREFIX = re.compile(
    r"^(?:Also\s+)?(?:contributing\s+(?:to\s+this\s+report\s+)?(?:were|was)\s+)?(?:The\s+)?"
    r"(?:Associated Press|AP|AFP|Reuters|Bloomberg|[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})?\s*"
    r"(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|videojournalists?|photographers?|researchers?|producers?)\s+",
)
REUTERS_CREDIT = re.compile(r"^\(?\s*((?:Reporting|Additional reporting|Writing|Reporting and writing)\s+by\b.*?)\)?\s*$", re.I)
REPORTER_ROLES = re.compile(r"^(?:additional\s+)?(?:reporting|writing|reporting and writing)\s+by\s+", re.I)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
OUTLET_POSSESSIVE = re.compile(r"^[\w .&-]{2,40}?['\u2019]s?\s+(?=[A-Z])")   # "NPR's Sarah Knight"
CAPS_SUFFIX = re.compile(r"(?:\s+[A-Z]{2,}\b)+$")
PLACE_SUFFIX = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
ROLE_SUFFIX = re.compile(
    r"\s*(?:[,|/-]\s*)?(?:The\s+)?(?:Associated Press|AP|AFP|Reuters)?\s*"
    r"(?:staff|chief|senior|diplomatic|political|national|foreign|special|medical|military|security|"
    r"world|news|business|sports|video|photo)?\s*(?:writer|reporter|correspondent|editor|journalist)s?\s*$", re.I)
TRAILING_AGENCY = re.compile(rf"[\s,|/-]*(?:The\s+)?(?:{AGENCY_NAMES_PATTERN})(?:\s+(?:Staff|Writer|Reporter|Correspondent))?\s*$")  # "By JOHN DOE Associated Press"
# Words of a credit that are not a person's name ("By Reuters Staff", "By News Desk").
NOT_NAME_WORDS = frozenset("Staff Writer Writers Reporter Reporters Correspondent Editor Editors News Desk Team "
                           "Bureau Wires Agency Agencies Press Service Services Report Online Digital Web".split())
NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|de|da|van|von|der|al|el|bin|ben|la|le|du|di|dos|del)$")


def proper_case(name: str) -> str:
    """'AVET DEMOURIAN' -> 'Avet Demourian'; names already in mixed case stay as written."""
    if not name.isupper():
        return name

    def fix(part: str) -> str:
        part = part.capitalize()
        return "Mc" + part[2:].capitalize() if part.startswith("Mc") and len(part) > 3 else part

    return "".join(fix(p) for p in re.split(r"([\s\-'\u2019]+)", name.lower()))


def _as_person(part: str) -> Optional[str]:
    part = OUTLET_POSSESSIVE.sub("", part.strip(" .;:()\u2014\u2013-"))
    part = PLACE_SUFFIX.sub("", part)
    if not part.isupper():
        part = CAPS_SUFFIX.sub("", part)   # "Soyoung Kim SEOUL": a dateline city without "in"
    part = ROLE_SUFFIX.sub("", part).strip(" ,.")
    tokens = part.split()
    if not 2 <= len(tokens) <= 5 or part in AGENCY_BY_NAME:
        return None
    if not all(NAME_TOKEN.match(t) for t in tokens) or tokens[0].islower():
        return None
    if any(t.capitalize() in NOT_NAME_WORDS or t in AGENCY_BY_NAME for t in tokens):
        return None
    return proper_case(part)


def names_in(listing: str) -> list[str]:
    """People in 'X and Y', 'X in Moscow, Y in London and Z' (places and roles dropped)."""
    out = []
    for part in NAME_SPLIT.split(listing):
        person = _as_person(part)
        if person and person not in out:
            out.append(person)
    return out


def byline_of(line: str) -> Optional[str]:
    """The byline as written, without trailing dates ('By AFP - Sep 25,2023' -> 'By AFP')."""
    parts = re.split(rf"\s+(?:{_DASH}|\|)\s+", line.strip())
    kept = [p for p in parts if not re.search(r"\d", p)]
    return " - ".join(kept[:1]) if kept else None


def is_byline(line: str) -> bool:
    """A short credit line: 'By X', 'Via AP news wire', 'AP, MOSCOW', 'Associated Press'."""
    if len(line) > 140 or line.endswith((".", "?", "!")) and not line.endswith(("Jr.", "Sr.")):
        return False
    if BYLINE.match(line) and len(line.split()) <= 16:
        return True
    return bool(BYLINE_AGENCY.match(line)) and len(line.split()) <= 8


def byline_contributors(line: str) -> list[str]:
    """Reporters named in a 'By ...' line (agency names and dates dropped)."""
    credit = BYLINE_AGENCY.match(line.strip())
    if credit and credit.group("caps_name"):
        return names_in(credit.group("caps_name"))
    match = BYLINE.match(line.strip())
    if not match:
        return []
    who = re.split(rf"\s+(?:{_DASH}|\|)\s+", match.group("who"))[0]
    who = re.sub(r"/[^\s,]+", "", who)   # "Jane Doe/PNA": the outlet after the slash
    return names_in(TRAILING_AGENCY.sub("", who))


def is_contributor_line(line: str) -> bool:
    """'X and Y contributed to this report.' or Reuters' '(Reporting by X; Editing by Y)'."""
    if len(line) > 500:
        return False
    if REUTERS_CREDIT.match(line):
        return True
    # "... contributed." ends story sentences too: it is a credit only when it names people or a wire.
    return bool(CONTRIBUTED.search(line)) and bool(
        contributor_line_names(line) or WIRE_CONTRIBUTED.match(line))


def contributor_line_names(line: str) -> list[str]:
    """Reporters named in a contributor line; editors are not contributors."""
    reuters = REUTERS_CREDIT.match(line)
    if reuters:
        names = []
        for segment in re.split(r";|\.\s+(?=[A-Z])", reuters.group(1)):
            role = REPORTER_ROLES.match(segment.strip())
            if role:
                names += [n for n in names_in(segment.strip()[role.end():]) if n not in names]
        return names
    listing = CONTRIBUTED.sub("", line)
    listing = re.split(r"[.!?]\s+(?=[A-Z])", listing.strip())[-1]   # only the credit sentence
    listing = CONTRIBUTOR_PREFIX.sub("", listing)
    return names_in(listing)


def mentions_an_agency(line: str) -> bool:
    """Cheap pre-check (plain substring search) before the credit regexes run."""
    return AGENCY_HINT.search(line) is not None


def agency_evidence(line: str, *, in_caption: bool = False, in_header: bool = False) -> Iterable[tuple[int, str]]:
    """(strength, canonical agency) for every credit this paragraph gives."""
    if REUTERS_CREDIT.match(line):
        yield STORY_MENTION, "Reuters"   # "(Reporting by X; Editing by Y)" is Reuters house style
    if not mentions_an_agency(line):
        return
    head = line[:160]
    for m in DATELINE_AGENCY.finditer(head):
        yield DATELINE_CREDIT, agency_in(m)
    if in_header and is_byline(line):
        m = BYLINE_AGENCY.match(line)
        if m:
            yield BYLINE_CREDIT, agency_in(m)
    m = CONTRIBUTOR_AGENCY.match(line)
    if m and CONTRIBUTED.search(line):
        yield CONTRIBUTOR_CREDIT, agency_in(m)
    m = COPYRIGHT_AGENCY.match(line) or INPUTS_FROM_AGENCY.match(line)
    if m:
        yield CONTRIBUTOR_CREDIT, agency_in(m)
    m = SIGN_OFF_AGENCY.search(line[-40:])
    if m:
        yield STORY_MENTION, agency_in(m)
    if not in_caption:
        for m in STORY_AGENCY.finditer(line):
            if m.group("tv"):
                yield STORY_MENTION, TV_AGENCY[" ".join(m.group("tv").split())]
            else:
                yield STORY_MENTION, agency_in(m)


def strongest_agency(evidence: list[tuple[int, int, str]]) -> Optional[str]:
    """The agency with the strongest evidence; ties go to the earliest. Items: (strength, position, agency)."""
    if not evidence:
        return None
    return max(evidence, key=lambda e: (e[0], -e[1]))[2]
