"""Records: the contract's keys, round trips, and the generated JSON Schema."""
from __future__ import annotations

import jsonschema

from karabakh_extract.records import (
    Article, ArticleFacts, DateFact, ErrorDetail, Figure, Mention, Person, Place, Source,
)
from karabakh_extract.schema import output_schema

CONTRACT_KEYS = {"schema_version", "source", "extractor", "article", "people", "organizations", "places",
                 "dates", "figures", "events", "quotes", "errors"}
ARTICLE_KEYS = {"headline", "summary", "published", "agency", "byline", "contributors", "body"}


def test_empty_facts_have_every_contract_key_with_null_or_empty_values():
    data = ArticleFacts().to_dict()
    assert CONTRACT_KEYS <= set(data)
    assert ARTICLE_KEYS <= set(data["article"])
    assert all(data[k] == [] for k in ArticleFacts.LIST_KEYS)
    assert data["article"]["headline"] is None and data["article"]["contributors"] == []


def test_nested_records_round_trip_through_dicts():
    person = Person(name="Ana Lopez", aliases=["Lopez"], titles=["foreign minister"],
                    mentions=[Mention(start=3, end=12, text="Ana Lopez")])
    again = Person.from_dict(person.to_dict())
    assert again == person
    assert isinstance(again.mentions[0], Mention)


def test_schema_is_valid_draft_2020_12_and_accepts_a_full_record():
    schema = output_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    facts = ArticleFacts(
        source=Source(path="a.txt", sha256="0" * 64, chars=10),
        article=Article(headline="H", contributors=["A B"]),
        places=[Place(name="Goris", kind="town", country_code="AM", lat=39.5, lon=46.3)],
        dates=[DateFact(text="Friday", start=0, end=6, value="2020-10-30")],
        figures=[Figure(text="at least 9", start=0, end=10, value=9, category="killed", qualifier="at least")],
    )
    jsonschema.validate(facts.to_dict(), schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_the_contract_forbids():
    schema = output_schema()
    bad_category = ArticleFacts(figures=[Figure(text="9", start=0, end=1, value=9, category="casualty")]).to_dict()
    missing_key = ArticleFacts().to_dict()
    del missing_key["quotes"]
    for bad in (bad_category, missing_key):
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
        assert errors


def test_error_record_validates_against_the_same_schema():
    record = ArticleFacts(source=Source(path="x.bin"), errors=[ErrorDetail(code="binary", message="not text")])
    jsonschema.validate(record.to_dict(), output_schema(), cls=jsonschema.Draft202012Validator)
