"""Pure number parsing: digits and English number words -> int or float (no spaCy).

Wire copy writes quantities as digits ("1,166", "1.5"), words ("two",
"twenty-five"), mixtures ("1.5 million", "a thousand", "two dozen") and
abbreviations ("$2bn"). The figures component finds where a quantity is and
hands its words here; this module only knows how to turn them into a value.
Cardinal words are parsed by `text2num` (a maintained library made for this);
the glue here adds what it does not cover: digits with scale words, "a"/"an"
as one, and "dozen".
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from text_to_num import text2num

Number = Union[int, float]

UNIT_WORDS = frozenset((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety").split())
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
DOZEN = "dozen"
HALF = "half"
NUMBER_WORDS = UNIT_WORDS | frozenset(SCALE_WORDS) | {DOZEN}
# Plural scales name no number ("hundreds of people", "tens of thousands"): vague, never a figure.
VAGUE_WORDS = frozenset("dozens hundreds thousands millions billions trillions tens scores".split())
# "a thousand", "an estimated"... only before a scale word or "dozen" does the article mean one.
ARTICLES = frozenset(("a", "an"))
# Scale abbreviations glued to digits or standing after them: "$2bn", "1.5 mln", "3m" (money only).
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                       "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
                       "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_WITH_SCALE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]{1,3})$")


def as_number(value: float) -> Number:
    """An int when the value is whole (1166, not 1166.0), else the float."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value


def parse_digits(text: str) -> Optional[Number]:
    """'1,166' -> 1166, '1.5' -> 1.5, '1.5bn' -> 1500000000; None for anything else.

    Leading zeros ("0630") are clock times or codes, not quantities, so they are refused.
    """
    text = text.strip()
    scale = 1
    match = _DIGITS_WITH_SCALE.match(text.lower())
    if match:
        if match.group(2) not in SCALE_ABBREVIATIONS:
            return None
        text, scale = match.group(1), SCALE_ABBREVIATIONS[match.group(2)]
    if not _DIGITS.match(text):
        return None
    if len(text) > 1 and text[0] == "0" and text[1] != ".":
        return None
    number = text.replace(",", "")
    value = float(number) if "." in number else int(number)
    return as_number(value * scale) if scale != 1 else value


def is_digits(text: str) -> bool:
    return parse_digits(text) is not None


def is_number_word(word: str) -> bool:
    return word.lower() in NUMBER_WORDS


def parse_quantity(words: Iterable[str]) -> Optional[Number]:
    """Value of one quantity written as words and/or digits; None if it is not one.

    ["1,166"] -> 1166; ["two"] -> 2; ["twenty", "-", "five"] -> 25; ["a", "dozen"] -> 12;
    ["two", "dozen"] -> 24; ["a", "thousand"] -> 1000; ["1.5", "million"] -> 1500000;
    ["one", "hundred", "and", "twelve"] -> 112; ["half", "a", "million"] -> 500000.
    """
    tokens = [w.lower() for w in words if w and w != "-"]
    if not tokens or any(t in VAGUE_WORDS for t in tokens):
        return None
    half = tokens[0] == HALF and len(tokens) > 1
    if half:
        tokens = tokens[1:]                 # "half a million", "half a dozen"
    dozens = 0
    while tokens and tokens[-1] == DOZEN:
        dozens += 1
        tokens.pop()
    if tokens and tokens[0] in ARTICLES:
        if len(tokens) == 1 and not dozens:
            return None
        tokens[0] = "one"
    if not tokens:
        value: Optional[Number] = 1 if dozens else None
    elif parse_digits(tokens[0]) is not None:
        value = _digits_then_scales(tokens)
    else:
        value = _words_value(tokens)
    if value is None:
        return None
    if dozens:
        value = value * 12 ** dozens
    return as_number(value / 2 if half else value)


def _digits_then_scales(tokens: list[str]) -> Optional[Number]:
    """'1.5 million', '2 billion', '3 mln': digits times every scale word after them."""
    value: float = parse_digits(tokens[0])  # type: ignore[assignment]
    for token in tokens[1:]:
        scale = SCALE_WORDS.get(token) or SCALE_ABBREVIATIONS.get(token)
        if scale is None:
            return None
        value *= scale
    return as_number(value)


def _words_value(tokens: list[str]) -> Optional[Number]:
    if any(t not in NUMBER_WORDS and t != "and" for t in tokens):
        return None
    try:
        return text2num(" ".join(tokens), "en")
    except (ValueError, TypeError):
        return None
