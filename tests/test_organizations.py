"""karabakh_organizations: known bodies, NER, owned ministries, acronyms and definitions merged."""
from __future__ import annotations

import pytest

from karabakh_extract import extensions as ext
from karabakh_extract.components.organizations import OrganizationFinder, is_acronym_of
from karabakh_extract.components.places import PlaceFinder


@pytest.fixture(scope="module")
def finders(blank_nlp):
    return PlaceFinder(blank_nlp, "p"), OrganizationFinder(blank_nlp, "o")


def run(blank_nlp, finders, text, ents=()):
    doc = blank_nlp(text)
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label=label) for p, label in ents]
    for finder in finders:
        finder(doc)
    orgs = getattr(doc._, ext.ORGANIZATIONS)
    for org in orgs:
        for m in org.mentions:
            assert doc.text[m.start:m.end] == m.text
    return {o.name: o for o in orgs}


def test_known_body_and_its_acronyms_merge(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The United Nations said the U.N. would send aid, a UN official added.")
    assert list(orgs) == ["United Nations"]
    assert set(orgs["United Nations"].aliases) == {"U.N.", "UN"}


def test_acronym_defined_in_parentheses(blank_nlp, finders):
    orgs = run(blank_nlp, finders,
               "The Kivu Monitoring Council (KMC) said 40 died. KMC gave no source.",
               ents=[("Kivu Monitoring Council", "ORG")])
    assert orgs["Kivu Monitoring Council"].aliases == ["KMC"]
    assert len(orgs["Kivu Monitoring Council"].mentions) == 3


def test_name_defined_with_or_is_an_alias(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "A militia known as the 9th Brigade, or Nawasi, attacked.",
               ents=[("Nawasi", "GPE")])
    assert orgs["9th Brigade"].aliases == ["Nawasi"]


def test_owned_ministry_keeps_owner_and_bare_name(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Georgia’s Interior Ministry said, and a Qatari foreign ministry official agreed.",
               ents=[("Georgia’s Interior Ministry", "ORG")])
    assert "Interior Ministry" in orgs["Georgia’s Interior Ministry"].aliases
    assert "Qatari foreign ministry" in orgs


def test_back_reference_to_named_body(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The Iraqi Observatory for Civil Rights said 12 died. Later the Observatory said more.",
               ents=[("Iraqi Observatory for Civil Rights", "ORG")])
    assert orgs["Iraqi Observatory for Civil Rights"].aliases == ["Observatory"]


def test_wire_services_places_and_platforms_are_not_organizations(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Reuters said Nagorno-Karabakh posted on Facebook.",
               ents=[("Reuters", "ORG"), ("Nagorno-Karabakh", "ORG"), ("Facebook", "ORG")])
    assert orgs == {}


def test_lowercase_who_is_not_the_health_agency(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "People who fled said WHO teams arrived.")
    assert list(orgs) == ["World Health Organization"]


def test_unit_of_known_body(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The U.N. mission in Libya warned both sides.")
    assert "U.N. mission in Libya" in orgs


@pytest.mark.parametrize("short, long, expected", [
    ("OSCE", "Organization for Security and Cooperation in Europe", True),
    ("SOHR", "Syrian Observatory for Human Rights", True),
    ("NEW", "New York Times", False),
    ("KRT", "Korean Central News Agency", False),
])
def test_is_acronym_of(short, long, expected):
    assert is_acronym_of(short, long) is expected


@pytest.mark.parametrize("text", ["", "\n\n", "(((", "WHO WHO WHO"])
def test_odd_input_does_not_crash(blank_nlp, finders, text):
    run(blank_nlp, finders, text)


def test_acronym_from_another_language_joins_the_known_body(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The Revolutionary Armed Forces of Colombia disarmed, but FARC dissidents fought on.",
               ents=[("Revolutionary Armed Forces of Colombia", "ORG"), ("FARC", "ORG")])
    assert list(orgs) == ["Revolutionary Armed Forces of Colombia"]
    assert orgs["Revolutionary Armed Forces of Colombia"].aliases == ["FARC"]


def test_cited_news_agency_is_a_story_organization(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The Kremlin denied it, the TASS news agency reported.")
    assert list(orgs) == ["TASS"]


def test_lowercase_description_does_not_match_a_title_cased_name(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Village Security council members met before the Security Council voted.")
    assert [m.text for m in orgs["U.N. Security Council"].mentions] == ["Security Council"]


@pytest.mark.parametrize("text, span", [
    ("Subscribers get a Digital Subscription offer today.", "Digital Subscription"),
    ("Please read our Community Guidelines before posting.", "Community Guidelines"),
    ("A soldier walks past, REUTERS/Jane Roe/File Photo said.", "REUTERS/Jane Roe/File Photo"),
    ("The Reuters News Service reported the attack.", "Reuters News Service"),
    ("The State said nothing about the attack.", "State"),
    ("Fighting raged on the Eastern Front overnight.", "Eastern Front"),
    ("Tigrayan fighters withdrew overnight.", "Tigrayan"),
])
def test_furniture_common_words_fronts_and_demonyms_are_not_organizations(blank_nlp, finders, text, span):
    assert run(blank_nlp, finders, text, ents=[(span, "ORG")]) == {}


@pytest.mark.parametrize("text, span", [
    ("Later Lavrov said talks would go on, as Sergei Lavrov had promised.", "Lavrov"),
    ("Talks stalled, Foreign Minister Lavrov said on Friday.", "Lavrov"),
    ("The shop owner Bassem al-Saadi said prices rose.", "Bassem al-Saadi"),
    ("The shop owner Bassem al-Saadi said prices rose.", "Bassem"),
])
def test_person_names_tagged_org_are_not_organizations(blank_nlp, finders, text, span):
    ents = [(span, "ORG")]
    if "Sergei" in text:
        ents.append(("Sergei Lavrov", "PERSON"))
    assert run(blank_nlp, finders, text, ents=ents) == {}


def test_arabic_group_name_with_particle_stays_an_organization(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Militants of Jaish al-Muhajireen claimed the raid.",
               ents=[("Jaish al-Muhajireen", "ORG")])
    assert "Jaish al-Muhajireen" in orgs


@pytest.mark.parametrize("text, span, label, name", [
    ("Images from Vantor Technologies showed craters.", "Vantor", "PERSON", "Vantor Technologies"),
    ("The satellite imagery company Vantor released images.", "Vantor", "PERSON", "Vantor"),
])
def test_company_read_as_person_is_an_organization(blank_nlp, finders, text, span, label, name):
    assert name in run(blank_nlp, finders, text, ents=[(span, label)])


def test_every_capitalised_table_name_is_found_by_the_scan(blank_nlp):
    """The scan stops growing an n-gram no table name starts with; no name may fall through that."""
    from karabakh_extract.components.organizations import known_mentions
    from karabakh_extract.data import load_tsv

    missed = []
    for row in load_tsv("orgs_known.tsv"):
        for name in [row[0], *(a for a in (row[1].split("|") if len(row) > 1 else []) if a)]:
            if not name[0].isupper():
                continue
            found = [m.text for m in known_mentions(blank_nlp(f"Yesterday {name} said it would act."))]
            if found[:1] != [name.removeprefix("The ")]:
                missed.append((name, found))
    assert missed == []


def test_mixed_case_table_alias_matches_in_any_case(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Tass reported the strike, citing the ministry.")
    assert list(orgs) == ["TASS"]


def test_single_word_the_story_also_writes_in_lowercase_is_not_an_organization(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Authorities said the road was shut, and authorities reopened it.",
               ents=[("Authorities", "ORG")])
    assert orgs == {}


def test_body_named_after_a_place_keeps_its_own_words(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "Shares fell on the New York Stock Exchange.", ents=[("New York Stock Exchange", "ORG")])
    assert "New York Stock Exchange" in orgs


def test_account_on_a_platform_is_not_an_organization(blank_nlp, finders):
    assert run(blank_nlp, finders, "Fans posted on Kellmark's Facebook.", ents=[("Kellmark's Facebook", "ORG")]) == {}


def test_name_with_a_word_also_found_in_wire_lists_is_an_organization(blank_nlp, finders):
    orgs = run(blank_nlp, finders, "The Independent Electoral Commission delayed the vote.",
               ents=[("Independent Electoral Commission", "ORG")])
    assert "Independent Electoral Commission" in orgs
