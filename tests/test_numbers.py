"""numbers.py: words and digits -> value, and what is refused."""
from __future__ import annotations

import pytest

from karabakh_extract.numbers import as_number, is_number_word, parse_digits, parse_quantity


@pytest.mark.parametrize("words, value", [
    (["1,166"], 1166),
    (["39"], 39),
    (["1.5"], 1.5),
    (["two"], 2),
    (["Eight"], 8),
    (["twenty", "-", "five"], 25),
    (["a", "dozen"], 12),
    (["two", "dozen"], 24),
    (["a", "thousand"], 1000),
    (["an", "hundred"], 100),
    (["1.5", "million"], 1_500_000),
    (["2", "billion"], 2_000_000_000),
    (["one", "hundred", "and", "twelve"], 112),
    (["two", "hundred", "thousand"], 200_000),
    (["1.5bn"], 1_500_000_000),
    (["3", "mln"], 3_000_000),
    (["half", "a", "million"], 500_000),
    (["half", "a", "dozen"], 6),
])
def test_parse_quantity_values(words, value):
    assert parse_quantity(words) == value
    assert type(parse_quantity(words)) is type(value)


@pytest.mark.parametrize("words", [
    ["hundreds"], ["tens", "of", "thousands"], ["thousands"], ["a"], [], ["0630"],
    ["one", "two"], ["M23"], ["7th"], ["second"], ["1,16"], ["two", "villages"],
])
def test_parse_quantity_refuses_non_quantities(words):
    assert parse_quantity(words) is None


def test_parse_digits_rejects_leading_zero_codes_and_accepts_decimals():
    assert parse_digits("0630") is None
    assert parse_digits("0.5") == 0.5
    assert parse_digits("12,345,678") == 12_345_678
    assert parse_digits("2bn") == 2_000_000_000
    assert parse_digits("2xy") is None


def test_huge_numbers_do_not_crash():
    assert parse_quantity(["9" * 40]) == int("9" * 40)


def test_as_number_keeps_ints_whole():
    assert as_number(1500000.0) == 1500000 and isinstance(as_number(1500000.0), int)
    assert as_number(2.5) == 2.5


def test_is_number_word():
    assert is_number_word("Thousand") and is_number_word("dozen")
    assert not is_number_word("first") and not is_number_word("hundreds")
