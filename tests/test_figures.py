"""The karabakh_figures component on hand-written wire-style sentences.

Unit tests run on spacy.blank('en') + sentencizer (no NER): the rules are the point.
A few model-backed tests (marked `model`) run the whole pipeline.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.components.figures import FigureFinder
from karabakh_extract.records import DateFact


@pytest.fixture(scope="module")
def finder(blank_nlp):
    return FigureFinder(blank_nlp, "karabakh_figures")


def figures_of(blank_nlp, finder, text):
    doc = finder(blank_nlp(text))
    figures = getattr(doc._, ext.FIGURES)
    for f in figures:
        assert doc.text[f.start:f.end] == f.text
    return figures


def pairs(figures):
    return [(f.value, f.category) for f in figures]


# ---- lists sharing one verb --------------------------------------------------------------------
def test_list_before_a_shared_passive_verb(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "According to provincial officials, 212 of their soldiers and 47 civilians have been killed.")
    assert pairs(figs) == [(212, "killed"), (47, "killed")]
    assert [f.subject for f in figs] == ["soldiers", "civilians"]
    assert {f.claimed_by for f in figs} == {"provincial officials"}


def test_two_verbs_each_before_its_number(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "Officials say the shelling has killed at least 64 civilians and wounded 310.")
    assert pairs(figs) == [(64, "killed"), (310, "wounded")]
    assert figs[0].qualifier == "at least" and figs[0].text == "at least 64"


def test_elliptical_list_continues_the_category(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "Four people were killed in the east and six in the capital, with 31 wounded.")
    assert pairs(figs) == [(4, "killed"), (6, "killed"), (31, "wounded")]


def test_those_killed_included_and_of_whom(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "The monitor said those killed included 120 rebels and 85 villagers from the valley, "
                      "40 of whom were “summarily executed”.")
    assert pairs(figs) == [(120, "killed"), (85, "killed"), (40, "killed")]


def test_the_dead_included_with_of_them(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "The dead also included 56 police officers and 12 Kurdish guards, two of them women.")
    assert pairs(figs) == [(56, "killed"), (12, "killed"), (2, "killed")]


def test_headline_verbs_as_qualifiers(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "Death toll tops 3,000 as rescuers search rubble")
    assert [(f.value, f.category, f.qualifier) for f in figs] == [(3000, "killed", "more than")]


def test_an_aside_between_the_number_and_its_verb(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "Witnesses said at least 84 people, including children, were killed.")
    assert pairs(figs) == [(84, "killed")]


def test_a_range_shares_its_verb(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "Between 20 and 30 people were killed.")) == [
        (20, "killed"), (30, "killed")]
    assert pairs(figures_of(blank_nlp, finder, "Officials said 20 to 30 people were wounded.")) == [
        (20, "wounded"), (30, "wounded")]


def test_fronted_of_phrase(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "Of those killed, 20 were children.")) == [(20, "killed")]
    assert pairs(figures_of(blank_nlp, finder, "Of the 40 buses, 12 were late.")) == [(40, "count"), (12, "other")]


def test_among_the_killed(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "Three Tunisians and two Algerians were among the 84 people killed.")
    assert pairs(figs) == [(3, "killed"), (2, "killed"), (84, "killed")]


def test_a_list_continues_whatever_the_people_are_called(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "The crash killed 10 tourists and two local pilots.")
    assert pairs(figs) == [(10, "killed"), (2, "killed")]


def test_death_toll_topped_is_more_than(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "A rights group said the death toll from the clashes in the north had topped 2,000.")
    assert pairs(figs) == [(2000, "killed")]
    assert figs[0].qualifier == "more than" and figs[0].text == "topped 2,000"
    assert figs[0].claimed_by == "A rights group"


def test_killed_or_wounded_is_casualties(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "Some 800 soldiers were killed or wounded.")) == [(800, "casualties")]


@pytest.mark.parametrize("text, expected", [
    ("The militants took 45 hostages.", [(45, "captured")]),
    ("The deal frees 30 prisoners held since May.", [(30, "captured")]),
    ("Rebels abducted 17 aid workers.", [(17, "captured")]),
    ("At least 9 people remain missing.", [(9, "missing")]),
    ("The floods displaced 1.2 million people.", [(1_200_000, "displaced")]),
    ("A group of about 70 refugees reached the town.", [(70, "displaced")]),
    ("Doctors treated 14 people with serious wounds.", [(14, "wounded")]),
    ("Two soldiers died when their truck hit a mine.", [(2, "killed")]),
    ("The governor mourned the death of 11 miners.", [(11, "killed")]),
    ("About 60 people were rushed to hospital.", [(60, "wounded")]),
    ("Militia fighting left 2 killed and 9 injured.", [(2, "killed"), (9, "wounded")]),
])
def test_casualty_categories(blank_nlp, finder, text, expected):
    assert pairs(figures_of(blank_nlp, finder, text)) == expected


def test_moving_people_are_displaced_only_when_the_story_is_about_refugees(blank_nlp, finder):
    refugees = figures_of(blank_nlp, finder,
                          "The first refugees arrived on Sunday and 6,300 people have so far crossed, officials said.")
    assert pairs(refugees) == [(6300, "displaced")]
    assert refugees[0].claimed_by == "officials"
    runners = figures_of(blank_nlp, finder, "By noon 6,300 people had crossed the finish line.")
    assert pairs(runners) == [(6300, "count")]


def test_lost_counts_only_people(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "The army lost 2,783 soldiers in the war.")) == [(2783, "killed")]
    assert pairs(figures_of(blank_nlp, finder, "The party lost 12 seats.")) == [(12, "count")]


def test_the_killer_is_not_the_killed(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "3 gunmen killed 5 people.")) == [(3, "count"), (5, "killed")]


def test_an_aim_is_not_a_casualty(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "They plotted to kill 10 officers.")) == [(10, "count")]


# ---- not casualties ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Government troops captured 13 villages.", [(13, "count")]),
    ("Two previous cease-fires collapsed and 4 people died.", [(2, "count"), (4, "killed")]),
    ("Two dozen ambulances carried 23 people with severe wounds.", [(24, "count"), (23, "wounded")]),
    ("The city of 2 million people was shelled.", [(2_000_000, "count")]),
    ("A two-carriage tram overturned and 7 people died.", [(2, "count"), (7, "killed")]),
    ("Rebels captured two hills overlooking the road.", [(2, "count")]),
])
def test_counts_of_other_things(blank_nlp, finder, text, expected):
    assert pairs(figures_of(blank_nlp, finder, text)) == expected


def test_vague_amounts_are_not_figures(blank_nlp, finder):
    assert figures_of(blank_nlp, finder,
                      "Hundreds of people were killed, tens of thousands fled and dozens are missing.") == []


def test_a_year_is_not_a_figure(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "Fighting in 1994 killed 300 people.")) == [(300, "killed")]


def test_durations_are_dates_not_figures(blank_nlp, finder):
    text = "A 42-day truce followed three decades of war and five hours of talks."
    assert figures_of(blank_nlp, finder, text) == []


@pytest.mark.parametrize("text", [
    "Fighters of the 7th Brigade and the M23 group met G7 envoys.",
    "The second round of talks opened.",
    "Resolution 2334 and Highway 5 were named in the deal.",
    "No one was hurt, and the one who fired fled.",
])
def test_identifiers_and_ordinals_are_not_figures(blank_nlp, finder, text):
    assert figures_of(blank_nlp, finder, text) == []


def test_clock_time_is_not_a_figure(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "A guard was killed at 10 p.m. and 3 others died later.")) == [
        (3, "killed")]


def test_death_toll_linked_by_a_preposition(blank_nlp, finder):
    assert pairs(figures_of(blank_nlp, finder, "Officials put the death toll at 57.")) == [(57, "killed")]
    assert pairs(figures_of(blank_nlp, finder, "The bodies of 19 men were found.")) == [(19, "killed")]


def test_an_age_is_not_a_casualty(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "The raid killed 3 people, including Mariam Aziz, 34, a teacher.")
    assert pairs(figs) == [(3, "killed"), (34, "other")]


# ---- qualifiers, words, units ------------------------------------------------------------------
@pytest.mark.parametrize("phrase, qualifier", [
    ("at least", "at least"), ("more than", "more than"), ("over", "more than"),
    ("nearly", "nearly"), ("nearing", "nearly"), ("almost", "nearly"),
    ("about", "about"), ("around", "about"), ("some", "about"), ("roughly", "about"),
    ("up to", "up to"), ("fewer than", "fewer than"), ("less than", "fewer than"),
])
def test_qualifiers_are_normalised(blank_nlp, finder, phrase, qualifier):
    figs = figures_of(blank_nlp, finder, f"Medics said {phrase} 40 people were killed.")
    assert pairs(figs) == [(40, "killed")]
    assert figs[0].qualifier == qualifier
    assert figs[0].text == f"{phrase} 40"


@pytest.mark.parametrize("text, value", [
    ("Two people were killed.", 2), ("Eight people were killed.", 8), ("A dozen people were killed.", 12),
    ("Two dozen people were killed.", 24), ("Twenty-five people were killed.", 25),
    ("1,166 people were killed.", 1166), ("One hundred and twelve people were killed.", 112),
    ("Half a dozen people were killed.", 6),
])
def test_number_words_and_digits(blank_nlp, finder, text, value):
    assert pairs(figures_of(blank_nlp, finder, text)) == [(value, "killed")]


def test_distance_with_converted_miles(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "Troops advanced to within 8 kilometers (about 5 miles) of the city.")
    assert [(f.value, f.unit, f.category, f.qualifier) for f in figs] == [
        (8, "km", "distance", None), (5, "mi", "distance", "about")]


def test_hard_wrapped_number_words(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder, "The rebels vowed to march on the capital, a\nthousand miles away.")
    assert [(f.value, f.unit, f.category, f.text) for f in figs] == [(1000, "mi", "distance", "a\nthousand miles")]


@pytest.mark.parametrize("text, value, unit, category", [
    ("The pledge totals $2 billion.", 2_000_000_000, "USD", "money"),
    ("Donors gave more than €450 million.", 450_000_000, "EUR", "money"),
    ("Damage is put at $1.5bn.", 1_500_000_000, "USD", "money"),
    ("Turnout was 45%.", 45, "%", "percent"),
    ("Prices rose 12 percent.", 12, "%", "percent"),
    ("The convoy drove 300 km.", 300, "km", "distance"),
])
def test_units(blank_nlp, finder, text, value, unit, category):
    figs = figures_of(blank_nlp, finder, text)
    assert [(f.value, f.unit, f.category) for f in figs] == [(value, unit, category)]


# ---- claimants ---------------------------------------------------------------------------------
def test_claimant_before_and_after(blank_nlp, finder):
    before = figures_of(blank_nlp, finder, "Medics said at least 3 people were killed.")
    after = figures_of(blank_nlp, finder, "At least 3 people were killed, medics said.")
    assert before[0].claimed_by == "Medics"
    assert after[0].claimed_by == "medics"


def test_paragraph_source_covers_its_figures(blank_nlp, finder):
    figs = figures_of(blank_nlp, finder,
                      "The dead included 20 guards. Another 5 were killed in air strikes, the monitor said.")
    assert pairs(figs) == [(20, "killed"), (5, "killed")]
    assert {f.claimed_by for f in figs} == {"the monitor"}


# ---- dates and odd input -----------------------------------------------------------------------
def test_numbers_inside_date_records_are_skipped(blank_nlp, finder):
    doc = blank_nlp("Since October 7 some 40 people have died.")
    start = doc.text.index("October 7")
    setattr(doc._, ext.DATES, [DateFact(text="October 7", start=start, end=start + 9, value="2023-10-07")])
    figures = getattr(finder(doc)._, ext.FIGURES)
    assert pairs(figures) == [(40, "killed")]


def test_numbers_inside_model_date_entities_are_skipped(blank_nlp, finder):
    words = ["On", "May", "3", ",", "12", "people", "died", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True, True, False, True, True, True, False, False],
              ents=["O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O"])
    figures = getattr(finder(doc)._, ext.FIGURES)
    assert pairs(figures) == [(12, "killed")]


def test_a_date_after_the_number_still_ends_its_clause(blank_nlp, finder):
    words = ["The", "death", "toll", "rose", "to", "at", "least", "six", "Friday", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True] * 8 + [False, False],
              ents=["O"] * 8 + ["B-DATE", "O"])
    figures = getattr(finder(doc)._, ext.FIGURES)
    assert [(f.value, f.category, f.qualifier) for f in figures] == [(6, "killed", "at least")]


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "killed", "“ 40 were killed", "9" * 60 + " people died", "$", "at least",
    "a", "one", "- 5 -", "1,000,000,000,000,000 dead", "Two dozen dozen", "and and 3 and",
])
def test_odd_input_does_not_crash(blank_nlp, finder, text):
    figures_of(blank_nlp, finder, text)


def test_doc_without_sentences_does_not_crash(blank_nlp, finder):
    doc = Doc(blank_nlp.vocab, words=["5", "people", "were", "killed"])
    assert pairs(getattr(finder(doc)._, ext.FIGURES)) == [(5, "killed")]


# ---- the real pipeline -------------------------------------------------------------------------
@pytest.mark.model
def test_model_pipeline_skips_dates_and_finds_casualties(nlp):
    doc = nlp("Shelling killed at least 14 civilians on Oct. 3, 2021, the regional governor said.\n\n"
              "The war, which began in 2020, has driven 90,000 people from their homes.")
    figures = getattr(doc._, ext.FIGURES)
    assert (14, "killed") in pairs(figures)
    assert (90000, "displaced") in pairs(figures)
    assert not any(f.value in (3, 2021, 2020) for f in figures)


@pytest.mark.model
def test_model_pipeline_names_the_claimant(nlp):
    doc = nlp("Health ministry spokesman Karim Nassar said 23 people were wounded in the blast.")
    figures = [f for f in getattr(doc._, ext.FIGURES) if f.category == "wounded"]
    assert [f.value for f in figures] == [23]
    assert figures[0].claimed_by == "Karim Nassar"
