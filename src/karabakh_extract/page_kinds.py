"""What a paragraph of a pasted page is: story, title, furniture, caption, credit...

Rules are about the SHAPE of web boilerplate, not about any one site: phrases
every site uses (data/page_furniture.txt), link and share lines, bullet
metadata, separators, lines in another script; captions (page_captions) and
datelines (page_datelines) have modules of their own.
"""
from __future__ import annotations

import enum
import re

from . import page_credits, page_dates
from .data import load_lines
from .page_captions import is_caption
from .page_datelines import starts_with_dash_dateline, starts_with_dateline
from .page_lines import Paragraph
from .page_phrases import trie_pattern


class Kind(enum.Enum):
    STORY = "story"              # prose: ends like a sentence, or long
    TITLE = "title"              # a short line without sentence punctuation (headline, subhead, link)
    FURNITURE = "furniture"      # web boilerplate
    TAIL = "tail"                # "You might also like": the story is over
    CAPTION = "caption"          # a photo caption with its credit
    DATE = "date"                # a line that is only a date
    BYLINE = "byline"            # "By X", "Via AP news wire", "AP, MOSCOW"
    CONTRIBUTORS = "contributors"  # "X contributed to this report." / "(Reporting by X; ...)"
    SEPARATOR = "separator"      # "___", "* * *"


# Matched on the lower-cased line. No word boundary after a phrase: pasted pages glue
# widgets together ("Share this articleComments").
FURNITURE_PHRASES = re.compile(r"(?<![a-z])" + trie_pattern(p.lower() for p in load_lines("page_furniture.txt")))
TAIL_MARKERS = frozenset(load_lines("page_tail_markers.txt"))
WIDGET_LINES = frozenset(load_lines("page_furniture_lines.txt"))
CREDIT_LINE = re.compile(r"^[A-Z][\w.'\- ]{1,40}/\s?[A-Z][\w.'\-& ]{1,40}$")   # "Jane Doe/AP", "Jane Doe / The Verge"
# "34 minutes ago", "Credit: AP", "Photo: Jane Doe": timestamps and credits standing alone.
STAMP_LINE = re.compile(r"^(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b.{0,20}"
                        r"|(?:(?:Image|Photo|Picture)\s+)?(?:Credits?|Photos?|Image|Picture|Source)\s*:\s*\S.{0,60})$", re.I)
GALLERY_LINE = re.compile(r"^(?:(?:Slideshow|Gallery|Photos?|Images?|Video)\s*\(\d+\s*\w*\)|\d+\s*(?:of|/)\s*\d+"
                          r"|\d+\s+(?:photos?|images?|pictures?|videos?)|\d+\s+view\s+gallery)$", re.I)
FURNITURE_LINE_MAX = 260     # a line this short with one boilerplate phrase is boilerplate
FURNITURE_SCAN_MAX = 700     # longer lines are prose; boilerplate paragraphs are never this long
TITLE_MAX_CHARS = 160        # longer lines without a full stop are cut-off prose, not titles
QUESTION_TITLE_MAX_WORDS = 10  # a longer question is a sentence of the story
# A full stop after a real word, then a capital: two sentences, so prose ("U.N. Says" is not;
# "Talks or ceasefire first? Ukraine, Russia deadlocked" is a headline, so only full stops count).
SENTENCE_BREAK = re.compile(r"[a-z]{3}\.[\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")
SUBHEAD_MAX_WORDS = 7        # longer title-shaped lines inside a story are related-story links

SEPARATOR = re.compile(r"^[\W_]{1,40}$")
BULLET_META = re.compile(r"^[•·▪►|]\s*\S.{0,40}$")
LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|co|rs|ly|gl|io|news)/\S")
LINK_LABEL = re.compile(r"^(?:read|also read|related|see also|watch|listen|live|more|follow)\b[^:|\n]{0,30}[:|]"
                        r"|^(?:tags?|topics?|filed under|categor(?:y|ies)|keywords)\s*:", re.I)   # "Tags: Gaza, truce"
BREADCRUMB = re.compile(r"^[^.!?›»>|/]{1,80}(?:\s[›»>|/]\s[^.!?›»>|/]{1,40})+$")   # separators split segments one way only: no backtracking blow-up
# Subscription offers: "$4.75/week*", "$0 for the first 4 weeks*", "Only $1 a month".
_MONEY = r"(?:[$\u20ac\u00a3\u00a5]\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:USD|CAD|AUD|EUR|GBP|dollars?)\b)"
PRICE_LINE = re.compile(
    rf"^[^.!?]{{0,40}}?{_MONEY}(?:\s*(?:/|per|a|an|every)\s*(?:week|wk|month|mo|year|yr|day)\b"
    rf"|\s+for\s+(?:the\s+)?(?:first\s+)?\d+\s+(?:weeks?|months?|days?|years?)\b|[^.!?]{{0,40}}\*\s*$)", re.I)
PRICE_LINE_MAX = 80
# A footnote to an offer: "*No charge for 4 weeks, then $19 every four weeks. Cancel any time."
FOOTNOTE = re.compile(r"^\*(?=[A-Z$\d])")
OFFER_WORDS = re.compile(rf"{_MONEY}|subscri|cancel|charge|offer|renew|billed|trial", re.I)
# "01:16", "2:05 min": the running time under a video's title.
DURATION_LINE = re.compile(r"^\(?\d{1,2}:\d{2}(?::\d{2})?\)?(?:\s*(?:min|mins|minutes))?$")
MENU_GLUE = re.compile(r"[A-Z](?<=[a-z]{4}[A-Z])[a-z]")   # capital first: the fast scan
WEATHER = re.compile(r"^\S{0,3}-?\d{1,3}\s?\u00b0\s?[FC]?\b")   # "103°F weather icon Clear"
AD_SIZE = re.compile(r"\b(?:300\s?[xX]\s?(?:250|600|50|100)|728\s?[xX]\s?90|160\s?[xX]\s?600|320\s?[xX]\s?(?:50|100)"
                     r"|970\s?[xX]\s?(?:250|90)|336\s?[xX]\s?280|468\s?[xX]\s?60|120\s?[xX]\s?600)\b")   # standard ad sizes
HASHTAG = re.compile(r"(?<![\w&])#\w+")
QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
REPORTING = re.compile(r"\b(?:said|says|told|tells)\b")
NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024F]")
LETTER = re.compile(r"[^\W\d_]")


def non_latin_share(text: str) -> float:
    """Share of letters outside the Latin script (share-button residue of an English page)."""
    if text.isascii() or not NON_LATIN_LETTER.search(text):
        return 0.0
    letters = len(LETTER.findall(text))
    return len(NON_LATIN_LETTER.findall(text)) / letters if letters else 0.0


def is_offer_line(text: str) -> bool:
    """A price or the footnote of a subscription offer, or a title-shaped line selling one."""
    if len(text) <= PRICE_LINE_MAX and PRICE_LINE.match(text):   # short lines only: the regex is not cheap
        return True
    if text[0] == "*" and FOOTNOTE.match(text) and OFFER_WORDS.search(text):
        return True
    return len(text) <= 120 and "ubscri" in text and looks_like_title(text)


def is_weather(text: str) -> bool:
    """The site's weather widget: '103\u00b0F', 'weather icon Clear'."""
    return ("\u00b0" in text and bool(WEATHER.match(text))) or "weather icon" in text


def is_menu_residue(text: str) -> bool:
    """'FinancialGovernment SolutionsLegalReuters News': menu items pasted without spaces
    (hashtags and handles are glued on purpose; 'SpaceX' is one word)."""
    if len(MENU_GLUE.findall(text)) < 2:
        return False
    joins = [len(MENU_GLUE.findall(w)) for w in text.split() if w[0] not in "#@"]
    return sum(joins) >= 3 or (sum(joins) >= 2 and looks_like_title(text))


def is_furniture(text: str) -> bool:
    if len(text) > FURNITURE_SCAN_MAX:
        return False
    if (text[0].isdigit() or text[0] == "(") and DURATION_LINE.match(text):
        return True
    if is_weather(text) or is_offer_line(text):
        return True
    if len(text) <= 300 and is_menu_residue(text):
        return True
    if len(text) <= 120 and AD_SIZE.search(text):
        return True   # "Skyscraper 160X600": an ad slot's label
    if "#" in text and len(HASHTAG.findall(text)) >= 2 and len(HASHTAG.sub("", text).split()) <= 3:
        return True   # "#sudan #ceasefire #army": the page's tags
    # Phrases inside quote marks are someone's words ('"we want to be part of the conversation,"
    # she said'); a line that reports speech needs two phrases to be boilerplate.
    unquoted = QUOTED.sub(" ", text) if ('"' in text or "\u201c" in text) else text
    hits = FURNITURE_PHRASES.findall(unquoted.lower())
    if len(hits) >= 2 or (hits and len(text) <= FURNITURE_LINE_MAX and not REPORTING.search(unquoted)):
        return True
    if len(text) <= 300 and (LINK.search(text) or LINK_LABEL.match(text)):
        return True
    if BULLET_META.match(text) or BREADCRUMB.match(text):
        return True
    return non_latin_share(text) > 0.5


def is_widget_line(text: str) -> bool:
    """A whole line that is a page widget ('Read more', 'Scroll down for video') or a lone
    photo credit ('Jane Doe/The Outlet', 'Slideshow (25 Images)')."""
    if len(text) > 60:
        return False
    return (text.lower().strip(" .:!?-\u2014»›>↓") in WIDGET_LINES or bool(CREDIT_LINE.match(text))
            or bool(GALLERY_LINE.match(text)) or bool(STAMP_LINE.match(text)))


# Machine-translation notes and language links: "Powered by automated translation",
# "This article was automatically translated from Arabic", "Translated by Jane Doe", "Read in French"
# ("Translation: the rocket may blow up." is a writer's aside: story).
LANGUAGE_NAMES = frozenset(w for w in load_lines("page_languages.txt") if not (w.isascii() and w.isupper()))
LANGUAGE_CODES = frozenset(w for w in load_lines("page_languages.txt") if w.isascii() and w.isupper())
_LANGUAGE = trie_pattern(LANGUAGE_NAMES)
TRANSLATION_LINE = re.compile(
    r"^(?:Powered by (?:automated |automatic |machine |AI[- ])?translation\b"
    r"|(?:This|The) (?:article|story|page|text|content|report) (?:was|has been|is|were) (?:\w+ ){0,2}translated\b"
    r"|(?:Automatically|Machine[- ]|Auto[- ]?)translated\b|(?:Automated|Automatic|Machine) translation\b"
    r"|Translated (?:from (?:the )?[A-Z]\w+ )?(?:by\b|into\b|with\b)|Translated from (?:the )?[A-Z]\w+\.?$|Translation by\b"
    r"|(?:Read|View|Open|See) (?:this |the )?(?:article |story |page |report )?in (?:" + _LANGUAGE + r")\b"
    r"|(?:Also |This (?:article|story|page) is (?:also )?)?available in (?:" + _LANGUAGE + r")\b"
    r"|(?:Switch|Change|Select|Choose) (?:the )?(?:language|edition)\b)", re.I)
TRANSLATION_LINE_MAX = 160
LANGUAGE_SPLIT = re.compile(r"[\s|/\u00b7\u2022,;\-\u2013\u2014]+")


def is_language_switcher(text: str) -> bool:
    """'English | Fran\u00e7ais | \u0627\u0644\u0639\u0631\u0628\u064a\u0629', 'EN FR AR', 'Fran\u00e7ais': a line of language names
    (codes only next to other names or codes)."""
    if len(text) > 120:
        return False
    words = [w for w in LANGUAGE_SPLIT.split(text.strip(" .:!?\u00bb\u203a>")) if w]
    if not words or not all(w in LANGUAGE_NAMES or w in LANGUAGE_CODES for w in words):
        return False
    return len(words) >= 2 or words[0] in LANGUAGE_NAMES


def is_translation_note(text: str) -> bool:
    """A machine-translation notice, a translator's credit or a link to the story in another language."""
    if len(text) > TRANSLATION_LINE_MAX or REPORTING.search(text):
        return False
    return bool(TRANSLATION_LINE.match(text.lstrip(" *\u2022\u00b7>\u203a\u00bb(["))) or is_language_switcher(text)


COUNTED = re.compile(r"^\(?\d+\)?\s+|\s+\(?\d+\)?$")   # "Comments (12)", "12 Comments"


def is_tail_marker(text: str) -> bool:
    if len(text) > 40:
        return False
    return COUNTED.sub("", text.lower().strip(" .:!?-\u2014»›>↓")) in TAIL_MARKERS


SHARE_BAR = frozenset({"share", "share this", "share this article", "share this story", "share article", "share story"})


def is_share_bar(text: str) -> bool:
    """'Share': a button bar that may sit anywhere, also between two paragraphs of the story."""
    return text.lower().strip(" .:!?-\u2014»›>↓") in SHARE_BAR


def looks_like_title(text: str) -> bool:
    """Title-shaped: short, with no full stop at the end (headlines end bare, with ? ! or a
    quote, or cut short with '...')."""
    if len(text) > TITLE_MAX_CHARS or SENTENCE_BREAK.search(text):
        return False
    if text.endswith(("...", "\u2026")):
        return True
    bare = text.rstrip("\"'\u201d\u2019)]")
    if bare.endswith(("?", "!")):
        return len(text.split()) <= QUESTION_TITLE_MAX_WORDS
    return not bare.endswith((".", ":", ";"))


def kind_of(paragraph: Paragraph) -> Kind:
    """Classify one paragraph by its shape and vocabulary."""
    text = paragraph.flat
    if SEPARATOR.match(text):
        return Kind.SEPARATOR
    if is_tail_marker(text):
        return Kind.TAIL
    if page_credits.is_contributor_line(text):
        return Kind.CONTRIBUTORS
    if page_credits.is_byline(text) and not starts_with_dateline(text):
        return Kind.BYLINE
    if page_dates.is_date_line(text):
        return Kind.DATE
    if is_widget_line(text) or is_translation_note(text):
        return Kind.FURNITURE
    if is_caption(text):
        return Kind.CAPTION
    if is_furniture(text):
        return Kind.FURNITURE
    if looks_like_title(text) and not starts_with_dash_dateline(text):
        return Kind.TITLE   # "NFL: Cardinals QB retires" is a kicker and a title, not a dateline
    return Kind.STORY
