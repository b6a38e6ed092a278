"""karabakh_places: gazetteer plus NER, evidence rules for ambiguous names, aliases merged."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from karabakh_extract import extensions as ext
from karabakh_extract.components.places import PlaceFinder


@pytest.fixture(scope="module")
def finder(blank_nlp):
    return PlaceFinder(blank_nlp, "karabakh_places")


def run(blank_nlp, finder, text, ents=()):
    """Tokenise with the blank pipeline, add simulated NER (word, label) spans, run the finder."""
    doc = blank_nlp(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    finder(doc)
    return {p.name: p for p in getattr(doc._, ext.PLACES)}, doc


def test_aliases_merge_into_one_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder,
                    "The U.S. envoy flew to Kiev. The United States and Kyiv agreed on Tuesday.")
    assert places["United States"].aliases == ["U.S."]
    assert len(places["United States"].mentions) == 2
    assert "Kiev" in places["Kyiv"].aliases and places["Kyiv"].country_code == "UA"


def test_mentions_are_input_slices(blank_nlp, finder):
    places, doc = run(blank_nlp, finder, "Shelling hit Nagorno-Karabakh’s capital and Shusha overnight.")
    for place in places.values():
        for m in place.mentions:
            assert doc.text[m.start:m.end] == m.text
    assert places["Nagorno-Karabakh"].kind == "region"
    assert places["Shushi"].aliases == ["Shusha"]


def test_place_inside_hyphenated_participle(blank_nlp, finder):
    places, doc = run(blank_nlp, finder, "A U.S.-brokered truce frayed.")
    (mention,) = places["United States"].mentions
    assert mention.text == "U.S." and doc.text[mention.start:mention.end] == "U.S."


def test_town_mislabelled_person_is_still_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Rebels advanced on Goma in eastern Congo.", ents=[("Goma", "PERSON")])
    assert places["Goma"].country_code == "CD"


def test_surname_is_not_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Michael Jackson said Jackson was tired.",
                    ents=[("Michael Jackson", "PERSON")])
    assert places == {}


def test_demonyms_and_org_names_are_not_places(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Armenian officials met the Minsk Group mediators.",
                    ents=[("Minsk Group", "ORG")])
    assert places == {}


def test_unknown_village_from_ner_and_its_other_name(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "She came from the village of Zorvani, known as Kalbali in Azeri.",
                    ents=[("Zorvani", "GPE")])
    assert places["Zorvani"].aliases == ["Kalbali"] and places["Zorvani"].kind is None


def test_all_caps_dateline(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "GORIS, Armenia — Refugees kept arriving.")
    assert places["Goris"].aliases == ["GORIS"] or places["Goris"].mentions[0].text == "GORIS"
    assert "Armenia" in places


def test_story_country_breaks_ties_between_towns(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Fighting in Lebanon reached Tripoli.", ents=[("Tripoli", "GPE")])
    assert places["Tripoli"].country_code == "LB"
    places, _ = run(blank_nlp, finder, "Talks in Geneva were hosted by the United States.",
                    ents=[("Geneva", "GPE")])
    assert places["Geneva"].country_code == "CH"


@pytest.mark.parametrize("text", ["", "   \n\n ", "“Unbalanced quote", "9" * 400])
def test_odd_input_does_not_crash(blank_nlp, finder, text):
    places, _ = run(blank_nlp, finder, text)
    assert places == {}


@pytest.mark.model
def test_model_pipeline_finds_places(nlp):
    doc = nlp("Azerbaijani forces pushed toward Stepanakert on Friday, Armenia's Defense Ministry said.")
    names = {p.name for p in getattr(doc._, ext.PLACES)}
    assert {"Stepanakert", "Armenia"} <= names and "Azerbaijan" not in names


def test_names_listed_with_a_direction_cue_are_places(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Rebels attacked from Zorvani, Kelbeti and Daruk directions overnight.",
                    ents=[("Zorvani", "PERSON"), ("Daruk", "ORG")])
    assert {"Zorvani", "Kelbeti", "Daruk"} <= set(places)
    assert places["Zorvani"].country_code is None


def test_names_listed_with_a_known_place_are_places(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Shelling hit homes in Stepanakert, Kelbeti and Daruk on Sunday.")
    assert {"Kelbeti", "Daruk"} <= set(places)


def test_a_clause_after_a_place_is_not_a_list(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "In Moscow, Kelbeti said the talks had failed.")
    assert "Kelbeti" not in places


@pytest.mark.parametrize("text, span, label, name", [
    ("Troops crossed the Line of Control at dawn.", "Line of Control", "FAC", "Line of Control"),
    ("Floods swept the Neelum Valley last week.", "Neelum Valley", "LOC", "Neelum Valley"),
    ("Fighting spread in the Zarqa Hills overnight.", None, None, "Zarqa Hills"),
])
def test_named_features_with_a_generic_head_are_places(blank_nlp, finder, text, span, label, name):
    places, _ = run(blank_nlp, finder, text, ents=[(span, label)] if span else ())
    assert name in places


def test_organisation_named_like_a_state_is_not_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Fighters of the Islamic State fled.", ents=[("Islamic State", "ORG")])
    assert places == {}


def test_word_of_a_known_organisation_is_not_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "The European Union sent envoys.", ents=[("Union", "GPE")])
    assert places == {}


def test_surname_of_a_person_is_not_a_place_even_if_ner_says_gpe(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Medellin promised peace, said President Carlos Medellin.",
                    ents=[("Medellin", "GPE"), ("Carlos Medellin", "PERSON")])
    assert "Medellín" not in places and "Medellin" not in places


def test_war_front_is_not_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Shells fell along the Eastern Front.", ents=[("Eastern Front", "LOC")])
    assert places == {}


def test_subdivision_head_keeps_the_gazetteer_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Gunmen attacked in Kunduz. Police in Kunduz Province said 4 died.",
                    ents=[("Kunduz Province", "GPE")])
    assert "Kunduz Province" in places["Kunduz"].aliases
    assert places["Kunduz"].country_code == "AF"


def test_names_ner_calls_people_need_a_place_cue_to_be_listed(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "He was a father to Lee, Tracy and Adele, in Croydon and Morden.",
                    ents=[("Lee", "PERSON"), ("Tracy", "PERSON")])
    assert "Lee" not in places and "Tracy" not in places


def test_persian_connectors_join_a_hyphenated_city_name(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Gunmen struck in Mazar-e-Sharif, Afghanistan, overnight.")
    assert places["Mazār-e Sharīf"].country_code == "AF"


def test_name_ner_calls_person_after_in_is_a_place_everywhere(blank_nlp, finder):
    doc = blank_nlp("Troops raided Kafr Dumra. Protests spread in Kafr Dumra on Monday.")
    starts = [i for i, t in enumerate(doc) if t.text == "Kafr"]
    doc.ents = [Span(doc, i, i + 2, label="PERSON") for i in starts]
    finder(doc)
    places = {p.name: p for p in getattr(doc._, ext.PLACES)}
    assert len(places["Kafr Dumra"].mentions) == 2


def test_people_coordinated_after_in_stay_people(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "I found a family in Ona Vaitkus and Lukas Vaitkus.",
                    ents=[("Ona Vaitkus", "PERSON"), ("Lukas Vaitkus", "PERSON")])
    assert places == {}


def test_name_tagged_person_more_often_than_place_is_not_a_place(blank_nlp, finder):
    text = "Haddadin spoke. Haddadin left. Police said Haddadin had fled."
    doc = blank_nlp(text)
    starts = [i for i, t in enumerate(doc) if t.text == "Haddadin"]
    doc.ents = [Span(doc, starts[0], starts[0] + 1, label="PERSON"), Span(doc, starts[1], starts[1] + 1, label="PERSON"),
                Span(doc, starts[2], starts[2] + 1, label="GPE")]
    finder(doc)
    assert getattr(doc._, ext.PLACES) == []


def test_alternate_spelling_of_a_town_abroad_keeps_the_story_name(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Troops in Nigeria freed the girls near Banki on Sunday.", ents=[("Banki", "GPE")])
    assert "Banki" in places and places["Banki"].country_code is None


def test_place_tagged_start_of_a_person_name_is_not_a_place(blank_nlp, finder):
    places, _ = run(blank_nlp, finder, "Myanmar leader Daw Khin Mya Thein spoke.",
                    ents=[("Daw Khin", "GPE"), ("Mya Thein", "PERSON")])
    assert "Daw Khin" not in places


def test_a_body_in_a_city_leaves_the_city_a_place(blank_nlp, finder):
    text = "Talks will resume, the Swedish Embassy in Nairobi said on Monday."
    places, _ = run(blank_nlp, finder, text, ents=[("the Swedish Embassy in", "ORG"), ("Nairobi", "GPE")])
    assert "Nairobi" in places and places["Nairobi"].country_code == "KE"


def test_a_city_naming_a_body_is_not_a_place(blank_nlp, finder):
    text = "The University of Nairobi said classes would resume."
    places, _ = run(blank_nlp, finder, text, ents=[("The University of", "ORG"), ("Nairobi", "GPE")])
    assert "Nairobi" not in places
