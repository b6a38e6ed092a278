"""Photo captions on a pasted page: facts in them count, but they are not body.

A caption ends with a photo credit ("Photo: AFP", "(AP Photo/Name)",
"REUTERS/Name"), or has a caption's kicker and the photo's date ("TRUCE. ...,
November 27, 2023."), or describes the picture in the present tense with a
past-time word ("People storm the parliament yesterday"), which story prose,
written in the past tense, never does.
"""
from __future__ import annotations

import re

from . import page_dates
from .data import load_lines
from .page_credits import AGENCY_NAMES_PATTERN
from .page_datelines import starts_with_dateline
from .page_phrases import trie_pattern

# Photo credits that end a caption: "Photo: AFP", "(AFP photo)", "(Reuters)", "REUTERS/Name",
# "(AP Photo/Name)", "(Copyright 2020 The Associated Press. All rights reserved)", "Getty Images".
_CREDIT_NAMES = AGENCY_NAMES_PATTERN + r"|EPA|EPA-EFE|EFE|Getty Images|Getty|AFP/Getty Images|Shutterstock|Anadolu Agency|Anadolu|Xinhua|SIPA|Sipa|ANP|DPA|dpa|TASS|Sputnik|WAFA|NurPhoto|ZUMA|Zuma|SOPA Images"
CAPTION_CREDIT = re.compile(
    r"(?:(?:Photo(?:graph)?s?|Image|Picture|Credit|File photo)\s*(?::|by|/)\s*[^.]{1,60}"
    r"|\(\s*(?:" + _CREDIT_NAMES + r")(?:\s*(?:photo|Photo|PHOTO|file photo|/)[^)]{0,60})?\s*\)"
    r"|\b(?:" + _CREDIT_NAMES + r")\s*(?:photo|Photo|PHOTO)(?:/[^)]{1,60})?"
    r"|\b(?:REUTERS|AFP|AP|EPA|EPA-EFE|XINHUA|Xinhua|SIPA|ANP|DPA|dpa)/ ?[A-Z][\w .'\-]{1,60}(?:/[A-Z][\w .'\-]{1,30}){0,2}"   # "/Pool/File Photo"
    r"|\((?:EPA-EFE|EPA|EFE)/[^)]{1,60}\)"
    # Al Jazeera style: "[Bashar Taleb/AFP]", "[Getty]", "[Moiz Salhi/Anadolu]"
    r"|\[(?:[^\[\]]{1,80}(?:/|\bvia\s))?\s*(?:" + _CREDIT_NAMES + r")\s*\]"
    r"|\((?:Copyright|\u00a9)[^)]{3,120}\)"
    r"|\([^()]{1,80}(?:\bvia|/)\s*(?:" + _CREDIT_NAMES + r")\)"
    r"|\b(?:Getty Images|Shutterstock)"
    # AFP house style after the caption's full stop: ". / AFP / JANE DOE", ". / AFP PHOTO / JANE DOE", ". - AFP PHOTO"
    # (a dash needs PHOTO or a photographer: "... the ministry said. - AFP" signs off a story)
    r"|(?<=[.)])\s*/\s*(?:" + _CREDIT_NAMES + r")(?:\s*(?:PHOTO|Photo|photo))?(?:\s*/\s*[A-Z][\w .'\-]{1,60})?"
    r"|(?<=[.)])\s*[\-\u2013\u2014]\s*(?:" + _CREDIT_NAMES + r")(?:\s*(?:PHOTO|Photo|photo)(?:\s*/\s*[A-Z][\w .'\-]{1,60})?"
    r"|\s*/\s*[A-Z][\w .'\-]{1,60})"
    r")\s*\.?\s*$"
)
# Where people stand in the photo: "(C)", "(2nd L)", "(top)", "(L to R)", after a capitalised name.
POSITION_MARKER = re.compile(
    r"(?<=\b[A-Z])[\w'\u2019.\-]*\s\((?:(?:\d(?:st|nd|rd|th)|second|third|fourth)\s*(?:from\s+)?)?"
    r"(?:L|R|C|CL|CR|left|right|center|centre|top|bottom|front|back|rear|foreground|background"
    r"|L to R|R to L|L-R|from left|from right|top L|top R|bottom L|bottom R)\)")
# ... or before it, AFP style: "shows (L)South Sudan's President ... and (R) rebel leader ...".
POSITION_BEFORE = re.compile(r"(?:^|\s)\((?:L|R|C)\)\s?(?=[A-Z])")
# AP style, between commas: "President Omar al-Bashir, center, raises hands with Salva Kiir, left, and ...".
COMMA_POSITION = re.compile(r"\b[A-Z][\w'\u2019.\-]*,\s(?:(?:second|third)\s(?:from\s)?)?"
                            r"(?:left|right|center|centre|top|bottom|front|foreground|background),\s")
# AFP's labels at a caption's start: "(COMBO) This combination of pictures ...", "(FILES) ...".
AFP_CAPTION_LABEL = re.compile(r"^\((?:COMBO|FILES?|FILE PHOTO|ARCHIVES?|ILLUSTRATION|STRINGER|HANDOUT)\)\s"
                               r"|^FILE PHOTO\s*:\s*[A-Z]"   # Reuters: "FILE PHOTO: U.S. envoy Joseph Yun (R) answers ..."
                               # the credit first: "\u00a9 REUTERS/ Stringer The rocket takes off ...", "GETTY Max Verstappen overtook ..."
                               r"|^(?:\u00a9|\(c\))\s*(?:" + _CREDIT_NAMES + r")\s*/\s*[A-Z]"
                               r"|^(?:GETTY(?: IMAGES)?|REUTERS|EPA|SHUTTERSTOCK|ALAMY)\s+(?=[A-Z][a-z])"
                               r"|^This (?:combination|combo|handout|file|picture|photo)\b[^.]{0,80}\b(?:shows|taken|created|released|made)\b")
SPEECH = re.compile(r"[\"\u201c][^\"\u201c\u201d]*(?:\s[^\"\u201c\u201d]*){3,}[\"\u201d]")   # four words or more in quote marks
POSITION_MAX_CHARS = 400   # a caption is a sentence or two
# A cheap scan before the marker patterns: most paragraphs have no marker at all.
POSITION_HINT = re.compile(r"\((?:[LRC][LR]?\)|[LR][ -]|\d(?:st|nd|rd|th)|second|third|fourth|left|right|cent|top\b|bottom|front|back\b|rear|fore)"
                           r"|, (?:left|right|cent|top|bottom|front|fore|back|second|third)")
# Every CAPTION_CREDIT contains one of these: a cheap test before the regex.
CREDIT_HINTS = ("hoto", "HOTO", "mage", "icture", "redit", ")", "/", "]", "Getty", "Shutterstock")
# Caption style that ends with the photo's full date: "..., near Gaza City, November 27, 2023."
CAPTION_DATE_END = re.compile(r",\s*(?:" + page_dates.WEEKDAY + r",\s*)?" + page_dates.MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\.?$")
# "People queue for bread in the city Friday, June 16, 2023. AP": the photo's date, then a bare wire credit.
CAPTION_DATED_CREDIT = re.compile(page_dates.MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\.\s+(?P<credit>" + AGENCY_NAMES_PATTERN + r")\s*$")
PHOTO_DATE_END = re.compile(page_dates.MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\.?$")
CAPTION_KICKER = re.compile(r"^[A-Z][A-Z\-']{2,}(?:\s[A-Z\-']{2,}){0,2}[.:]\s+[A-Z]")

CAPTION_VERBS = frozenset(load_lines("page_caption_verbs.txt"))
PAST_VERB = re.compile(r"\b(?:\w{2,}ed|" + trie_pattern(load_lines("page_past_verbs.txt")) + r")\b", re.I)
PAST_TIME = re.compile(r"\b(?:yesterday|last night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
# After these words an -ed form is an adjective ("a damaged boat", "of wounded soldiers").
ADJECTIVE_CONTEXT = frozenset("a an the of with and in on for by at from their his her its two three several many some".split())
SUBORDINATE_OPENING = re.compile(r"^(?:As|When|While|If|Until|Before|After|Because|Since|Although|Though)\b")
SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019]?\s+[A-Z]")
CAPTION_SUBJECT_WORDS = 5   # "Supporters of the opposition wave..." : the verb comes this early


def is_present_tense_caption(text: str) -> bool:
    """'People storm the parliament in Yerevan yesterday, after ...': a present-tense verb
    right after a short subject, a past-time word, and no past tense in that main clause.
    Story prose tells the past in the past tense; only captions say 'people storm ... yesterday'."""
    head = text[:240]
    when = PAST_TIME.search(head)
    if not when or starts_with_dateline(head) or SUBORDINATE_OPENING.match(head):
        return False
    words = head[:when.start()].lower().split()
    verb = next((n for n, w in enumerate(words[1:1 + CAPTION_SUBJECT_WORDS], start=1) if w.strip(",") in CAPTION_VERBS), None)
    if verb is None or FINITE_WORDS.search(" ".join(words[:verb])) or "n't" in " ".join(words[:verb]).replace("\u2019", "'"):
        return False   # "X didn't get to play on Monday": the verb came earlier
    comma = head.find(",", when.end())
    main_clause = head[:comma] if comma >= 0 else head
    return not has_past_tense(main_clause) and not re.search(r"\b(?:says|say)\b", main_clause)


SCENE_MAX_CHARS = 300       # a scene caption is one sentence
SCENE_SUBJECT_WORDS = 14    # "A tank damaged during the fighting between X and Y stands ...": a long subject
REPORTING = re.compile(r"\b(?:said|says|say|told|tells|according)\b")
# Words that make a subject a clause: the sentence's verb is among them, not the caption verb.
FINITE_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|will|would|can|could|may|might|must|should"
                          r"|do|does|did|to|that|which)\b", re.I)
IRREGULAR_PAST = re.compile(r"\b(?:" + trie_pattern(load_lines("page_past_verbs.txt")) + r")\b", re.I)
INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|their|his|her|its|our|this|that|these|those)\b)[a-z]+")   # 'sit down to discuss': a dek
QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")


def is_scene_description(text: str) -> bool:
    """One sentence describing a picture in the present tense ('Rescuers search the rubble of a
    house in the town.'): a subject, a caption verb, and no past tense or reporting after it.
    Only the page parser's position test (right above the lead) makes it a caption."""
    if len(text) > SCENE_MAX_CHARS or not text.endswith(".") or starts_with_dateline(text):
        return False
    if SENTENCE_BREAK.search(text) or QUOTE_MARKS.search(text) or REPORTING.search(text):
        return False
    if SUBORDINATE_OPENING.match(text) or not text[0].isupper():
        return False
    words = text.split()
    for n, word in enumerate(words[1:1 + SCENE_SUBJECT_WORDS], start=1):
        if word.strip(",").lower() in CAPTION_VERBS and words[n - 1].lower() not in ADJECTIVE_CONTEXT:
            subject = " ".join(words[:n])
            if "," in subject or FINITE_WORDS.search(subject) or IRREGULAR_PAST.search(subject):
                return False   # 'X has been passed fit for the clash': the verb came earlier
            predicate = " ".join(words[n:]).split(",")[0]
            # '-ed' forms after the verb are participles ('shows damaged boats', 'hit by shelling').
            return not IRREGULAR_PAST.search(predicate) and not INFINITIVE.search(predicate)
    return False


def has_past_tense(clause: str) -> bool:
    """A past-tense verb in the clause ('a damaged boat' is an adjective, not a verb)."""
    for match in PAST_VERB.finditer(clause):
        before = clause[:match.start()].split()
        if not (match.group().lower().endswith("ed") and before and before[-1].lower() in ADJECTIVE_CONTEXT):
            return True
    return False


# "... in Aleppo on March 2, 2021. \u00a9 AFP", "... | AFP", "... AFP": a bare credit after the caption's full stop. A story's
# last paragraph may carry the wire's copyright too, so the sentence before it must not report speech.
# The National: "A grocer serves a customer in Omdurman on Sunday. AFP" (the bare wire name).
SCENE_CREDIT = re.compile(r"(?<=[.)])\s*(?:(?:\u00a9|\(c\)|\|)\s*)?(?:" + _CREDIT_NAMES + r")(?:\s*/\s*[A-Z][\w .'\-]{1,60})?\s*\.?$")


def has_scene_credit(text: str) -> bool:
    tail = text[-80:]
    match = SCENE_CREDIT.search(tail) if len(text) <= POSITION_MAX_CHARS and tail[-1:].isalpha() else None
    if not match or SPEECH.search(text) or REPORTING.search(text):
        return False
    if any(mark in match.group() for mark in ("\u00a9", "(c)", "|")):
        return True
    # The bare wire name: one sentence describing the picture in the present tense ("A grocer
    # serves a customer ... AFP"); "Fighting continued on Sunday. AFP" is a story's sign-off.
    scene = text[:len(text) - len(tail) + match.start()]
    return not SENTENCE_BREAK.search(scene) and not has_past_tense(scene)


def has_position_markers(text: str) -> bool:
    """'President A (C) raises hands with B (L) and C (R)': markers saying where people stand
    in the picture. A lone '(R)' may be a US party ('Sen. Doe (R)'), so it needs another marker;
    speech (quote marks, 'said') is story prose, which never points at a photo."""
    if len(text) > POSITION_MAX_CHARS or not POSITION_HINT.search(text):
        return False
    markers = {m.group()[m.group().index("("):] for m in POSITION_MARKER.finditer(text)}
    markers |= {m.group().strip() for m in POSITION_BEFORE.finditer(text)}
    commas = len(COMMA_POSITION.findall(text))
    dated = commas and PHOTO_DATE_END.search(text[-40:])   # "Salva Kiir, left, signs ... in Khartoum, June 27, 2018."
    if not (markers - {"(R)"} or len(markers) + commas >= 2 or dated):
        return False
    return not (SPEECH.search(text) or REPORTING.search(text) or SENTENCE_BREAK.search(text[:-1]))


def has_caption_label(text: str) -> bool:
    """'(COMBO) This combination of pictures created on June 19, 2018 shows ...': AFP's caption labels."""
    return (len(text) <= 2 * POSITION_MAX_CHARS and bool(AFP_CAPTION_LABEL.match(text))
            and not (SPEECH.search(text) or REPORTING.search(text)))


def is_caption(text: str) -> bool:
    """A photo caption: it ends with a photo credit, points at people in the picture ('(L)'),
    or has a caption's kicker and date."""
    tail = text[-160:]
    if any(hint in tail for hint in CREDIT_HINTS) and CAPTION_CREDIT.search(tail):
        return True
    if has_position_markers(text) or has_caption_label(text) or has_scene_credit(text):
        return True
    if is_present_tense_caption(text):
        return True
    ends_with_year = text.rstrip(".")[-4:].isdigit()
    if not ends_with_year and text[-1:].isupper() and CAPTION_DATED_CREDIT.search(tail):
        return True
    if ends_with_year and PHOTO_DATE_END.search(tail) and is_scene_description(text):
        return True   # 'Palestinians celebrate in Gaza City Aug. 26, 2014.': the scene and the photo's date
    return bool(CAPTION_KICKER.match(text) and CAPTION_DATE_END.search(tail))


def credit_start(text: str) -> int:
    """Where the photo credit at the end of a caption begins (len(text) when it has none).
    The credit names a photographer or a wire, never a fact of the story."""
    tail_start = max(0, len(text) - 160)
    match = CAPTION_CREDIT.search(text, tail_start) if any(h in text[tail_start:] for h in CREDIT_HINTS) else None
    if not match:
        dated = CAPTION_DATED_CREDIT.search(text, tail_start)
        if dated:
            return len(text[:dated.start("credit")].rstrip())
        match = SCENE_CREDIT.search(text, tail_start)
    if not match:
        return len(text)
    return len(text[:match.start()].rstrip(" .-\u2013\u2014|([\n"))
