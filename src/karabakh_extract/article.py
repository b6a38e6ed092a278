"""Page text -> headline, summary, publication time, agency, byline, contributors, story regions.

A pasted web page is: some furniture, maybe a headline, maybe a dek, credits
and a date, then the story (starting at its dateline when it has one), then
more furniture. We split the page into paragraphs (page_lines), say what each
one is (page_kinds), find where the story starts (the "lead"), and read the
header above it for the headline, dek, byline and date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from . import page_credits, page_dates
from .page_captions import PHOTO_DATE_END, credit_start, has_past_tense, is_scene_description
from .page_datelines import starts_with_dash_dateline, starts_with_dateline
from .page_kinds import CREDIT_LINE, DURATION_LINE, SUBHEAD_MAX_WORDS, Kind, is_share_bar, kind_of
from .page_lines import TERMINAL, Paragraph, date_markers, paragraphs

Region = tuple[int, int]  # (start, end) offsets into the page text

HEADLINE_MIN_WORDS = 3     # shorter title lines above a headline are section labels ("World")
TOPIC_LABEL_MAX_WORDS = 4  # a title this short may be a topic label above the headline
LABELLED_HEADLINE_MAX_WORDS = 15  # a longer title below the label is its dek, not the headline
HEADLINE_MAX_CHARS = 250   # a headline may end with a full stop, but it is never longer than this
DEK_LOOKAHEAD = 12         # a dek is followed within this many paragraphs (photos, credits) by the lead
HEADER_DATE_MAX_CHARS = 200  # only short header lines are searched for the page's date
DEK_MIN_WORDS = 10         # a title-shaped line this long is prose without its full stop
# "Copyright 2024 The Associated Press. All rights reserved.", not "\u00a9 REUTERS/ Name" (a photo credit).
WIRE_COPYRIGHT = re.compile(r"^(?:Copyright|\u00a9|\(c\))\s*(?:\u00a9\s*)?(?:\d{4}\s+)?(?:The\s+)?"
                            r"(?:" + page_credits.AGENCY_NAMES_PATTERN + r")\s*(?:[.,]|$)")
SITE_SUFFIX = re.compile(r"^\s*[|\u2013\u2014:-]\s*\S")   # " – The Daily Planet", " | Site"
SCENE_CAPTION_LOOKAHEAD = 3  # the lead follows a scene caption at once (a photo credit may sit between)
REPORTED = re.compile(r"\b(?:said|says|told|reported|according to|announced)\b|[\"\u201c\u201d]")
SCENE_CAPTION_MAX_CHARS = 300  # a photo's caption is a sentence or two
HEADER_PROSE_LOOKAHEAD = 30  # header boilerplate runs this many paragraphs at most above a dateline lead
HEADER_PROSE_MAX_CHARS = 200  # longer prose is the story (or its dek), not a header's boilerplate
OUTLET_VOICE = re.compile(r"\b(?:we|our|us|We|Our)\b")
QUOTED_SPEECH = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")   # removed before OUTLET_VOICE is looked for
# Paragraphs that may sit between a dek and the credits that follow it.
_SKIPPABLE = (Kind.FURNITURE, Kind.CAPTION, Kind.SEPARATOR, Kind.TITLE, Kind.TAIL)


@dataclass
class Page:
    """What the page parser found; all regions are offsets into the input text."""

    headline: Optional[Region] = None
    summary: Optional[Region] = None
    published: Optional[str] = None          # ISO 8601, with time and zone when the page gives them
    agency: Optional[str] = None
    byline: Optional[str] = None
    contributors: list[str] = field(default_factory=list)
    body: list[Region] = field(default_factory=list)      # story paragraphs, in order
    captions: list[Region] = field(default_factory=list)  # captions of the story's own photos (facts count)
    headline_text: Optional[str] = None      # the headline on one line (a wrapped headline spans a newline)

    def story_regions(self) -> list[Region]:
        """Every region facts are taken from: headline, summary, body, own captions."""
        regions = [r for r in (self.headline, self.summary) if r] + self.body + self.captions
        return sorted(set(regions))


@dataclass
class _Parsed:
    paras: list[Paragraph]
    kinds: list[Kind]

    def next_index(self, i: int, skip: tuple[Kind, ...]) -> Optional[int]:
        for j in range(i + 1, len(self.paras)):
            if self.kinds[j] not in skip:
                return j
        return None


def _is_dek(parsed: _Parsed, i: int) -> bool:
    """A standfirst: prose above the credits or above a paragraph that opens with the dateline."""
    paras, kinds = parsed.paras, parsed.kinds
    credits_above = any(k in (Kind.BYLINE, Kind.DATE) for k in kinds[:i])
    j = parsed.next_index(i, _SKIPPABLE)
    if j is not None and kinds[j] in (Kind.BYLINE, Kind.DATE) and not credits_above:
        return True   # prose below the credits is the story, whatever follows it
    # The next prose, past photos, credits and labels: the lead, if it opens with the dateline
    # or repeats the dek.
    k = parsed.next_index(i, _SKIPPABLE + (Kind.BYLINE, Kind.DATE))
    if k is None or k - i > DEK_LOOKAHEAD or kinds[k] is not Kind.STORY:
        return False
    return starts_with_dateline(paras[k].flat) or paras[i].flat[:60] in paras[k].flat


def _is_appeal(parsed: _Parsed, i: int) -> bool:
    """The outlet speaking for itself ('we', 'our') between boilerplate: a donation or sign-up block."""
    kinds = parsed.kinds
    sandwiched = 0 < i < len(kinds) - 1 and kinds[i - 1] is Kind.FURNITURE and kinds[i + 1] is Kind.FURNITURE
    return sandwiched and bool(OUTLET_VOICE.search(QUOTED_SPEECH.sub("", parsed.paras[i].flat)))


def _is_scene_caption(parsed: _Parsed, i: int) -> bool:
    """'A tank damaged in the fighting stands on the outskirts of the town.': a lone present-tense
    scene above the story's first prose, which reports the past ('said') or opens with the dateline."""
    if not is_scene_description(parsed.paras[i].flat):
        return False
    k = parsed.next_index(i, (Kind.FURNITURE, Kind.SEPARATOR))
    if k is not None and parsed.kinds[k] in (Kind.DATE, Kind.BYLINE):
        return False   # a sentence right above the credits is the headline
    j = parsed.next_index(i, _SKIPPABLE + (Kind.BYLINE, Kind.DATE))
    if j is None or j - i > SCENE_CAPTION_LOOKAHEAD or parsed.kinds[j] is not Kind.STORY:
        return False
    lead = parsed.paras[j].flat
    return starts_with_dateline(lead) or bool(REPORTED.search(lead))


def _is_credited_caption(parsed: _Parsed, i: int) -> bool:
    """A short sentence above the story with a photo credit on the next line ('Photo by X/AFP')."""
    text = parsed.paras[i].flat
    if i + 1 >= len(parsed.paras) or len(text) > SCENE_CAPTION_MAX_CHARS or REPORTED.search(text):
        return False
    if has_past_tense(text):
        return False   # a past-tense lead with a photo credit below it is still the lead
    credit = parsed.paras[i + 1].flat
    if not (credit_start(credit) == 0 or CREDIT_LINE.match(credit)):
        return False
    j = parsed.next_index(i + 1, _SKIPPABLE + (Kind.BYLINE, Kind.DATE))
    return j is not None and parsed.kinds[j] is Kind.STORY   # the story follows the photo


def _continues_caption(parsed: _Parsed, i: int) -> bool:
    """'... an Ethiopian official said on June 19, 2018.': the next line of a caption above the
    story (no blank line between), which ends, as the caption did, with the photo's date."""
    para = parsed.paras[i]
    return (i > 0 and parsed.kinds[i - 1] is Kind.CAPTION and not para.blank_before
            and len(para.flat) <= SCENE_CAPTION_MAX_CHARS and bool(PHOTO_DATE_END.search(para.flat[-40:])))


def _credits_follow(parsed: _Parsed, i: int) -> bool:
    """A byline, a date line or a dateline paragraph right below a tail-like heading: the
    heading is a header widget ('Share' between the dek and the byline), not the story's end."""
    j = parsed.next_index(i, (Kind.FURNITURE, Kind.SEPARATOR, Kind.TAIL, Kind.CAPTION))
    if j is None or j - i > DEK_LOOKAHEAD:
        return False
    return parsed.kinds[j] in (Kind.BYLINE, Kind.DATE) or (
        parsed.kinds[j] is Kind.STORY and starts_with_dateline(parsed.paras[j].flat))


def _ends_story(parsed: _Parsed, i: int) -> bool:
    """A tail heading ends the story, except a share bar with the story's prose right below it."""
    if not is_share_bar(parsed.paras[i].flat):
        return True
    j = parsed.next_index(i, (Kind.FURNITURE, Kind.SEPARATOR, Kind.CAPTION))
    return j is None or parsed.kinds[j] is not Kind.STORY


def _dateline_lead_below(parsed: _Parsed, i: int) -> bool:
    """Short unattributed lines above a dateline paragraph ('CITY (AP) — ...') are a header's
    boilerplate in words no lexicon knows ('Hey there, reader!'): the story starts at the dateline."""
    for j in range(i, min(len(parsed.paras), i + HEADER_PROSE_LOOKAHEAD)):
        kind, text = parsed.kinds[j], parsed.paras[j].flat
        if kind is Kind.TAIL:
            return False
        if kind is not Kind.STORY:
            continue
        if j > i and starts_with_dash_dateline(text):
            return True
        if len(text) > HEADER_PROSE_MAX_CHARS or REPORTED.search(text):
            return False
    return False


def _between_furniture(parsed: _Parsed, i: int) -> bool:
    """Prose with boilerplate right above and below it is part of that block (a paywall's pitch)."""
    kinds = parsed.kinds
    return 0 < i < len(kinds) - 1 and kinds[i - 1] is Kind.FURNITURE and kinds[i + 1] is Kind.FURNITURE


def _find_lead(parsed: _Parsed) -> Optional[int]:
    """Index of the story's first paragraph: its dateline paragraph, or the first real prose
    (or, when every piece of prose looks like a dek, the first of them)."""
    first_prose = None
    for i, (para, kind) in enumerate(zip(parsed.paras, parsed.kinds)):
        if kind is Kind.TAIL:
            if first_prose is None or _credits_follow(parsed, i):
                continue   # 'Share', 'Most read' in the header: the story has not even started
            break
        if kind is not Kind.STORY:
            continue
        if starts_with_dateline(para.flat):
            return i
        if _is_appeal(parsed, i):
            continue
        if first_prose is None and (_is_scene_caption(parsed, i) or _is_credited_caption(parsed, i)
                                    or _continues_caption(parsed, i)):
            parsed.kinds[i] = Kind.CAPTION
            continue
        first_prose = i if first_prose is None else first_prose
        if not _is_dek(parsed, i) and not _dateline_lead_below(parsed, i):
            return i
    return first_prose


def _find_headline(parsed: _Parsed, lead: int) -> Optional[int]:
    """The first title-shaped line above the lead; None when prose comes first (unless that
    prose is short and sits right above the page's date or byline, as headlines do)."""
    for i in range(lead):
        kind = parsed.kinds[i]
        if kind is Kind.STORY:
            j = parsed.next_index(i, (Kind.FURNITURE, Kind.SEPARATOR))
            above_credits = j is not None and parsed.kinds[j] in (Kind.DATE, Kind.BYLINE)
            return i if above_credits and len(parsed.paras[i].flat) <= HEADLINE_MAX_CHARS else None
        if kind is Kind.TITLE and len(parsed.paras[i].flat.split()) >= HEADLINE_MIN_WORDS:
            return _without_site_suffix(parsed, _past_topic_label(parsed, i, lead), lead)
    return None


def _without_site_suffix(parsed: _Parsed, i: int, lead: int) -> int:
    """'Truce holds in Gaza – The Daily Planet' above 'Truce holds in Gaza': the page title
    carries the site's name; the story's own headline is the bare title below it."""
    j = parsed.next_index(i, (Kind.FURNITURE, Kind.SEPARATOR))
    if j is None or j >= lead or parsed.kinds[j] is not Kind.TITLE:
        return i
    title, bare = parsed.paras[i].flat, parsed.paras[j].flat
    rest = title[len(bare):] if title.startswith(bare) and len(bare.split()) >= HEADLINE_MIN_WORDS else ""
    return j if SITE_SUFFIX.match(rest) else i


def _past_topic_label(parsed: _Parsed, i: int, lead: int) -> int:
    """'War in Ukraine' above 'Russian strikes kill 12 in Kharkiv as talks stall': a short
    topic label sits above the real headline, which is the longer title right below it."""
    if len(parsed.paras[i].flat.split()) > TOPIC_LABEL_MAX_WORDS:
        return i
    j = parsed.next_index(i, (Kind.FURNITURE,))
    while j is not None and j < lead and parsed.kinds[j] is Kind.TITLE and len(parsed.paras[j].flat.split()) <= TOPIC_LABEL_MAX_WORDS:
        j = parsed.next_index(j, (Kind.FURNITURE,))   # more labels ("News") on the way down
    if j is None or j >= lead or parsed.kinds[j] is not Kind.TITLE:
        return i
    words = len(parsed.paras[j].flat.split())
    return j if HEADLINE_MIN_WORDS * 2 <= words <= LABELLED_HEADLINE_MAX_WORDS else i


def _find_summary(parsed: _Parsed, headline: Optional[int], lead: int) -> Optional[int]:
    """The dek: prose between the headline and the lead (some sites leave off its full stop)."""
    start = headline + 1 if headline is not None else 0
    headline_text = parsed.paras[headline].flat if headline is not None else None
    past_tail = False
    for i in range(start, lead):
        kind, words = parsed.kinds[i], len(parsed.paras[i].flat.split())
        past_tail = past_tail or kind is Kind.TAIL   # 'More Stories' in the header: links follow
        if kind is Kind.STORY or (kind is Kind.TITLE and words >= DEK_MIN_WORDS and not past_tail):
            if not _is_appeal(parsed, i) and not _between_furniture(parsed, i) and parsed.paras[i].flat != headline_text:
                return i
    return None


def _is_body_paragraph(parsed: _Parsed, i: int, headline_text: Optional[str]) -> bool:
    para, kind = parsed.paras[i], parsed.kinds[i]
    if kind is Kind.STORY:
        return True
    if kind is not Kind.TITLE:
        return False
    words = len(para.flat.split())
    if i == len(parsed.paras) - 1 and words >= DEK_MIN_WORDS:
        return True   # the page was cut off mid-sentence: its last line is prose, not a link
    # A subhead stays; a related-story headline, a video title or a repeated headline goes.
    # A subhead opens a section of prose: titles followed by more titles, furniture or the
    # page's end are link lists and widgets.
    if not 2 <= words <= SUBHEAD_MAX_WORDS or para.flat == headline_text:
        return False
    if i + 1 < len(parsed.paras) and DURATION_LINE.match(parsed.paras[i + 1].flat):
        return False   # a video's title above its running time
    j = parsed.next_index(i, (Kind.SEPARATOR, Kind.CAPTION, Kind.FURNITURE))
    return j is not None and parsed.kinds[j] is Kind.STORY


def _published(text: str, parsed: _Parsed, lead: Optional[int], skip: tuple[Optional[int], ...]) -> Optional[str]:
    """The page's date: the corpus date marker, a date line in the header, the lead's own day.
    `skip`: the headline and dek, whose dates are news, not the page's date."""
    header = [i for i in range(lead if lead is not None else len(parsed.paras)) if i not in skip]
    dayfirst = page_dates.slash_dates_day_first(text)
    dated_lines = [(found, parsed.paras[i].flat, i) for i in header
                   if parsed.kinds[i] not in (Kind.STORY, Kind.CAPTION) and len(parsed.paras[i].flat) <= HEADER_DATE_MAX_CHARS
                   for found in [page_dates.first_date(parsed.paras[i].flat, dayfirst)] if found]
    # 'Republished ...' / 'Updated ...' above 'Original Publication Date ...': the first publication
    # wins; a date under the headline is the story's, one above it may be the site's 'today' bar.
    headline = skip[0]
    dated_lines.sort(key=lambda d: (bool(page_dates.REVISED_LABEL.match(d[1])),
                                    not (headline is not None and d[2] > headline and parsed.kinds[d[2]] in (Kind.DATE, Kind.BYLINE))))
    header_dates = [found for found, _, _ in dated_lines]
    markers = date_markers(text)
    if markers:
        richer = [d.iso for d in header_dates if d.iso[:10] == markers[0] and d.has_time]
        return richer[0] if richer else markers[0]
    if header_dates:
        return header_dates[0].iso
    if lead is not None:
        lead_text = parsed.paras[lead].flat
        found = page_dates.lead_date(lead_text) or page_dates.dateline_date(lead_text, text)
        if found:
            return found
    for para in parsed.paras:
        if len(para.flat) <= HEADER_DATE_MAX_CHARS and page_dates.PUBLISHED_LABEL.search(para.flat):
            found = page_dates.first_date(para.flat, dayfirst)
            if found:
                return found.iso
    return None


def _credits(parsed: _Parsed, lead: Optional[int]) -> tuple[Optional[str], Optional[str], list[str]]:
    """(agency, byline, contributors) from credit lines, datelines and photo credits."""
    evidence = []
    byline = None
    contributors: list[str] = []
    end_of_header = lead if lead is not None else len(parsed.paras)
    for i, (para, kind) in enumerate(zip(parsed.paras, parsed.kinds)):
        text = para.flat
        for strength, agency in page_credits.agency_evidence(
                text, in_caption=kind is Kind.CAPTION, in_header=i < end_of_header or kind is Kind.BYLINE):
            evidence.append((strength, para.start, agency))
        if kind is Kind.BYLINE and i < end_of_header:
            byline = byline or page_credits.byline_of(text)
            contributors += page_credits.byline_contributors(text)
        elif kind is Kind.CONTRIBUTORS:
            contributors += page_credits.contributor_line_names(text)
    unique = list(dict.fromkeys(contributors))
    return page_credits.strongest_agency(evidence), byline, unique


def _without_cut_off_word(text: str, region: Region) -> Region:
    """A page cut off mid-sentence ends in a word fragment ('talks with Nagorno Kar'): drop it."""
    start, end = region
    if text[start:end].endswith(TERMINAL) or page_credits.SIGN_OFF_AGENCY.search(text, max(start, end - 40), end):
        return region
    cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
    return (start, len(text[:cut].rstrip(" \n,;:\u2014\u2013-"))) if cut > start else region


def parse_page(text: str) -> Page:
    """Split a pasted web page into its story parts (regions are offsets into `text`)."""
    paras = paragraphs(text)
    if not paras:
        return Page(published=(date_markers(text) or [None])[0])
    parsed = _Parsed(paras, [kind_of(p) for p in paras])
    lead = _find_lead(parsed)
    headline = _find_headline(parsed, lead if lead is not None else len(paras))
    summary = _find_summary(parsed, headline, lead) if lead is not None else None
    headline_text = paras[headline].flat if headline is not None else None

    body, captions = [], []
    for i, (para, kind) in enumerate(zip(paras, parsed.kinds)):
        if kind is Kind.CAPTION:
            end = para.start + credit_start(para.text)
            if end > para.start:
                captions.append((para.start, end))
        elif lead is not None and i >= lead:
            if kind is Kind.TAIL and _ends_story(parsed, i):
                break
            if _is_body_paragraph(parsed, i, headline_text):
                body.append((para.start, para.end))
            # The wire's sign-off ('(Reporting by X; Editing by Y)', 'Copyright 2024 The Associated
            # Press. All rights reserved.') ends its story, as a tail heading does: comment boxes,
            # promos and other stories' photos follow.
            if i > lead and (kind is Kind.CONTRIBUTORS or WIRE_COPYRIGHT.match(para.flat)):
                break
    if body and body[-1][1] == paras[-1].end:
        body[-1] = _without_cut_off_word(text, body[-1])

    agency, byline, contributors = _credits(parsed, lead)
    return Page(
        headline=(paras[headline].start, paras[headline].end) if headline is not None else None,
        summary=(paras[summary].start, paras[summary].end) if summary is not None else None,
        published=_published(text, parsed, lead, (headline, summary)),
        agency=agency,
        byline=byline,
        contributors=contributors,
        body=body,
        captions=captions,
        headline_text=headline_text,
    )
