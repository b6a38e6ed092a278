"""temporal.py: calendar arithmetic and the tagger on hand-written news sentences (no spaCy)."""
from __future__ import annotations

import datetime as dt

import pytest

from karabakh_extract import temporal
from karabakh_extract.temporal import (
    format_duration, iso_week, parse_anchor, parse_number, resolve, resolve_month, resolve_month_day,
    resolve_weekday, shift_value, tag,
)

FRIDAY = "2020-10-30"     # a Friday
TUESDAY = "2025-02-04"    # a Tuesday
SUNDAY = "2025-07-20"     # a Sunday


def values(text: str, anchor=FRIDAY) -> dict[str, str | None]:
    """text of each expression -> its value."""
    return {e.text: e.value for e in tag(text, anchor)}


def found(text: str, anchor=FRIDAY):
    return {e.text: e for e in tag(text, anchor)}


# ---------------------------------------------------------------- pure functions

def test_iso_week_uses_iso_week_year():
    assert iso_week(dt.date(2020, 10, 23)) == "2020-W43"
    assert iso_week(dt.date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize("direction, expected", [
    ("past", "2020-10-30"), ("future", "2020-10-30"), ("last", "2020-10-23"), ("next", "2020-11-06")])
def test_weekday_named_on_the_anchor_day(direction, expected):
    assert resolve_weekday(dt.date(2020, 10, 30), 5, direction).isoformat() == expected


def test_weekday_past_and_future_of_other_days():
    friday = dt.date(2020, 10, 30)
    assert resolve_weekday(friday, 1, "past") == dt.date(2020, 10, 26)
    assert resolve_weekday(friday, 1, "future") == dt.date(2020, 11, 2)


def test_month_alone_is_most_recent_on_or_before_the_anchor():
    assert resolve_month(dt.date(2019, 1, 16), 9) == (2018, 9)
    assert resolve_month(dt.date(2019, 1, 16), 1) == (2019, 1)
    assert resolve_month(dt.date(2019, 1, 16), 3, "future") == (2019, 3)
    assert resolve_month(dt.date(2019, 1, 16), 1, "last") == (2018, 1)


def test_month_day_without_year_goes_back_a_year_only_when_far_ahead():
    assert resolve_month_day(dt.date(2019, 1, 16), 12, 20) == dt.date(2018, 12, 20)
    assert resolve_month_day(dt.date(2020, 10, 30), 11, 3) == dt.date(2020, 11, 3)
    assert resolve_month_day(dt.date(2020, 12, 20), 1, 5, forward=True) == dt.date(2021, 1, 5)


def test_shift_value_keeps_the_unit_precision():
    base = dt.date(2020, 10, 30)
    assert shift_value(base, "day", -1) == "2020-10-29"
    assert shift_value(base, "week", -1) == "2020-W43"
    assert shift_value(base, "month", -10) == "2019-12"
    assert shift_value(base, "year", -1) == "2019"


def test_format_duration():
    assert format_duration(3, "decade") == "P30Y"
    assert format_duration(10, "hour") == "PT10H"
    assert format_duration(0.5, "day") == "P0.5D"
    assert format_duration(1, "parsec") is None


@pytest.mark.parametrize("text, number", [
    ("42", 42), ("three", 3), ("twenty-five", 25), ("a", 1), ("1,000", 1000), ("half a", 0.5),
    ("two and a half", 2.5)])
def test_parse_number(text, number):
    assert parse_number(text) == number


def test_parse_number_rejects_words():
    assert parse_number("several") is None


def test_parse_anchor_accepts_datetimes_and_rejects_junk():
    assert parse_anchor("2020-10-30T07:36:00-04:00") == dt.date(2020, 10, 30)
    assert parse_anchor("yesterday") is None
    assert parse_anchor(None) is None


# ---------------------------------------------------------------- weekdays

def test_bare_weekday_is_on_or_before_the_anchor():
    assert values("Fighting resumed on Friday and on Thursday the leader spoke.") == {
        "Friday": "2020-10-30", "Thursday": "2020-10-29"}


def test_forward_looking_weekday_is_on_or_after_the_anchor():
    v = values("The rebels said the ceasefire would start Tuesday. They attacked on Monday.", TUESDAY)
    assert v == {"Tuesday": "2025-02-04", "Monday": "2025-02-03"}


@pytest.mark.parametrize("sentence", [
    "The ministers will meet on Monday in Geneva.",
    "Talks are scheduled for Monday.",
    "The truce is due to take effect on Monday.",
    "The envoy plans to visit Baku next Monday.",
])
def test_forward_cues(sentence):
    monday = [e for e in tag(sentence, FRIDAY) if "Monday" in e.text]
    assert monday[0].value == "2020-11-02"


def test_forward_cue_does_not_cross_a_reporting_verb():
    assert values("The truce would hold, officials said Monday.")["Monday"] == "2020-10-26"


def test_sentence_opening_weekday_looks_at_the_modal_after_it():
    assert values("On Monday, the foreign ministers will meet again.")["Monday"] == "2020-11-02"
    assert values("On Monday, officials said the talks will resume.")["Monday"] == "2020-10-26"


def test_weekday_with_part_of_day_names_the_day():
    v = values("Shelling began early Saturday and went on Monday night and Sunday morning.")
    assert v == {"early Saturday": "2020-10-24", "Monday night": "2020-10-26", "Sunday morning": "2020-10-25"}


def test_last_weekday_on_that_weekday_is_a_week_ago():
    v = values("The monitor said on Sunday that 900 had died since last Sunday.", SUNDAY)
    assert v == {"Sunday": "2025-07-20", "last Sunday": "2025-07-13"}


def test_named_days_are_not_weekdays():
    assert "Friday" not in " ".join(values("Pilgrims marked Good Friday in the old city."))


# ---------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("text, value", [
    ("Sept. 27", "2020-09-27"), ("Oct. 9", "2020-10-09"), ("27 September", "2020-09-27"),
    ("September 27, 2020", "2020-09-27"), ("Monday, November 27", "2020-11-27"),
    ("Sunday (January 19, 2025)", "2025-01-19"), ("October 7, 2023", "2023-10-07"),
    ("Friday 30 October 2020", "2020-10-30"), ("Sep 25,2023", "2023-09-25"), ("2023-09-24", "2023-09-24"),
    ("11/16/2020", "2020-11-16"), ("the 27th of September", "2020-09-27"),
])
def test_absolute_dates(text, value):
    expression = resolve(text, FRIDAY)
    assert expression is not None and expression.value == value


def test_month_day_from_last_year_in_a_january_story():
    assert values("Clashes broke out on Dec. 20 and again on Jan. 3.", "2019-01-16") == {
        "Dec. 20": "2018-12-20", "Jan. 3": "2019-01-03"}


def test_day_range_gives_both_days():
    assert values("Talks were held Nov. 9-10 in Moscow.", "2020-11-11") == {
        "Nov. 9": "2020-11-09", "10": "2020-11-10"}


def test_invalid_day_is_null_not_a_crash():
    expression = resolve("February 30, 2021", FRIDAY)
    assert expression.value is None and expression.reason


def test_landmark_attack_named_without_year():
    v = values("Relatives of hostages seized in the Oct. 7 attack marched again.", "2025-03-01")
    assert v["Oct. 7"] == "2023-10-07"


# ---------------------------------------------------------------- months and years

def test_month_alone_in_a_date_context():
    v = values("Militias fought for a month until September, and the August fighting was worse.", "2019-01-16")
    assert v["September"] == "2018-09" and v["August"] == "2018-08"


@pytest.mark.parametrize("text, value", [
    ("late September", "2020-09"), ("early October", "2020-10"), ("mid-October", "2020-10"),
    ("September 2019", "2019-09"), ("last March", "2020-03"),
])
def test_qualified_months(text, value):
    assert resolve(text, FRIDAY).value == value


def test_may_the_verb_and_the_name_are_not_months():
    assert values("May God help us, said Theresa May.") == {}
    assert values("The vote was held in May.") == {"May": "2020-05"}


@pytest.mark.parametrize("sentence, years", [
    ("A war there ended in 1994.", ["1994"]),
    ("The chaos has lasted since the 2011 uprising.", ["2011"]),
    ("In 1992 and 2016 I did not leave the city.", ["1992", "2016"]),
    ("Fighting in mid-2020 spread.", ["2020"]),
    ("The 1992-94 war displaced many.", ["1992", "1994"]),
])
def test_years_in_date_context(sentence, years):
    assert [e.value for e in tag(sentence, FRIDAY) if e.kind == "date"] == years


@pytest.mark.parametrize("sentence", [
    "Officials said 2,000 people fled.",
    "At least 1,200 were killed.",
    "Resolution 1973 authorised the strikes.",
    "The army sent 2000 troops to the border.",
    "Copyright 2020 The Associated Press.",
])
def test_numbers_that_are_not_years(sentence):
    assert [e for e in tag(sentence, FRIDAY) if e.kind == "date" and e.value] == []


def test_decade_has_no_calendar_value():
    expression = resolve("the 1990s", FRIDAY)
    assert expression.kind == "date" and expression.value is None and expression.reason == temporal.DECADE


# ---------------------------------------------------------------- relative expressions

@pytest.mark.parametrize("text, value", [
    ("yesterday", "2020-10-29"), ("today", "2020-10-30"), ("this month", "2020-10"),
    ("last month", "2020-09"), ("last week", "2020-W43"), ("last week’s", "2020-W43"),
    ("this week", "2020-W44"), ("next week", "2020-W45"), ("last year", "2019"),
    ("earlier this year", "2020"), ("two days ago", "2020-10-28"), ("yesterday morning", "2020-10-29"),
])
def test_anchor_relative(text, value):
    assert resolve(text, FRIDAY).value == value


def test_following_day_counts_from_the_last_date_in_the_story():
    v = values("Troops attacked on September 19, and a ceasefire was agreed the following day.", "2023-09-25")
    assert v["the following day"] == "2023-09-20"


def test_following_day_without_an_earlier_date_counts_from_the_anchor():
    assert values("A day earlier, a ceasefire was agreed.")["A day earlier"] == "2020-10-29"
    expression = found("A ceasefire was agreed the following day.", None)["the following day"]
    assert expression.value is None and expression.reason == temporal.NO_PREVIOUS


def test_a_day_earlier():
    assert values("Talks began on Oct. 12. A day earlier, shelling hit the city.")["A day earlier"] == "2020-10-11"


def test_the_last_week_is_a_span_not_last_week():
    expression = found("Dozens died in the last week of fighting.")["the last week"]
    assert expression.kind == "duration" and expression.value == "P1W"


def test_no_anchor_gives_null_with_reason_but_absolute_dates_resolve():
    v = found("Fighting flared on Friday, last week and on Sept. 27, 2020, as in 1994.", None)
    assert v["Friday"].value is None and v["Friday"].reason == temporal.NO_ANCHOR
    assert v["last week"].value is None
    assert v["Sept. 27, 2020"].value == "2020-09-27" and v["1994"].value == "1994"


def test_vague_expressions_are_null():
    v = found("In recent days, after decades of conflict, several days of talks ended.")
    assert v["recent days"].value is None and v["recent days"].reason == temporal.VAGUE
    assert v["decades"].value is None
    assert v["several days"].value is None and v["several days"].kind == "duration"


# ---------------------------------------------------------------- durations, sets, times

@pytest.mark.parametrize("text, value, qualifier", [
    ("more than a month", "P1M", "more than"), ("three decades", "P30Y", None), ("10 hours", "PT10H", None),
    ("six-week", "P6W", None), ("two-month", "P2M", None), ("four-month-old", "P4M", None),
    ("42-day", "P42D", None), ("15 months", "P15M", None), ("more than a quarter-century", "P25Y", "more than"),
    ("about 30 minutes", "PT30M", "about"),
])
def test_durations(text, value, qualifier):
    expression = resolve(text, FRIDAY)
    assert (expression.kind, expression.value, expression.qualifier) == ("duration", value, qualifier)


@pytest.mark.parametrize("text, value", [
    ("every day", "P1D"), ("daily", "P1D"), ("weekly", "P1W"), ("every Friday", "XXXX-WXX-5")])
def test_sets(text, value):
    expression = resolve(text, FRIDAY)
    assert (expression.kind, expression.value) == ("set", value)


def test_clock_times_are_time_with_null_value():
    v = found("The truce was set to start at 8:30 am (0630 GMT) and strikes went on past 1800 GMT.")
    assert {t: (e.kind, e.value) for t, e in v.items()} == {
        "8:30 am": ("time", None), "0630 GMT": ("time", None), "1800 GMT": ("time", None)}


# ---------------------------------------------------------------- robustness

@pytest.mark.parametrize("text", [
    "", "   \n\n ", "“Unbalanced quote on Friday", "99999999999 days ago", "9999999 years later than 1994 1994",
    "Monday" * 50, "on 31/31/2020 and 2020-13-45", "the following year", "December 32",
])
def test_odd_input_never_crashes(text):
    for anchor in (FRIDAY, None, "not a date"):
        for expression in tag(text, anchor):
            assert text[expression.start:expression.end] == expression.text


def test_offsets_slice_the_input():
    text = "GOMA, Congo (AP) — The rebels said\nMonday the truce would start Tuesday, after last week’s fighting."
    for expression in tag(text, TUESDAY):
        assert text[expression.start:expression.end] == expression.text


def test_expressions_do_not_cross_a_paragraph_break():
    assert "Friday\n\n2020" not in values("It ended Friday\n\n2020 was a hard year.")


def test_day_number_glued_to_letters_is_no_date():
    assert values("A Long March 4C rocket carried the probe.") == {}


def test_weekday_after_a_determiner_points_elsewhere():
    assert values("Comey wrote to Congress on the Sunday before Election Day.") == {}


def test_forward_cue_several_words_before_the_weekday():
    v = values("Tokyo and Washington will be seeking to raise that pressure at the United Nations Friday.",
               "2017-09-14")
    assert v["Friday"] == "2017-09-15"


def test_ahead_of_and_starting_look_forward():
    v = values("Diplomats gathered ahead of Thursday's talks on a truce starting Saturday.", "2020-10-28")
    assert v == {"Thursday's": "2020-10-29", "Saturday": "2020-10-31"}


def test_last_as_a_verb_does_not_block_a_forward_cue():
    assert values("The truce would last until Monday.")["Monday"] == "2020-11-02"


def test_month_day_told_in_the_past_that_would_fall_ahead_is_last_years():
    v = values("The couple announced Aug. 6 that they were separating. The tour will begin May 16.", "2018-02-06")
    assert v == {"Aug. 6": "2017-08-06", "May 16": "2018-05-16"}


def test_forward_cue_inside_a_quotation_does_not_reach_the_date():
    v = values('"I would never call him short," Trump tweeted on Saturday.', "2017-11-15")
    assert v["Saturday"] == "2017-11-11"


def test_sentence_opening_weekday_in_past_narrative_stays_past():
    assert values("Tuesday's test was the same missile that will worry Japan.", "2017-08-30") == {
        "Tuesday's": "2017-08-29"}


def test_numeric_landmark_only_where_the_slash_form_is_the_name():
    assert values("Security was tightened after 9/11.", "2015-05-01") == {"9/11": "2001-09-11"}
    assert values("The council voted 10/7 on the motion.", "2025-05-01") == {}


# ---------------------------------------------------------------- forward cues across the clause
# Anchor TUESDAY (2025-02-04): a past reading of "Sunday" is 2025-02-02, a forward one 2025-02-09.

@pytest.mark.parametrize("sentence", [
    "The government said that starting Sunday it would resume operations.",
    "She planned to host a summit on Sunday.",
    "She plans to host a summit in the capital on Sunday.",
    "The president is to visit Kyiv on Sunday.",
    "Leaders are expected to meet in Minsk on Sunday.",
    "The talks are set to resume on Sunday.",
    "The delegation is due to arrive on Sunday.",
    "The vote is slated for Sunday.",
    "The next round of talks is on Sunday.",
    "Ahead of Sunday's vote, the opposition rallied.",
    "Officials hope to reopen the airport on Sunday.",
    "The talks could resume on Sunday.",
    "The talks may resume on Sunday.",
    "The exercise is going to begin Sunday.",
    "The Security Council meets Sunday to discuss the crisis.",
    "He said he intends to travel Sunday.",
    "A ceasefire that will take effect at 4 a.m. Sunday was agreed in Moscow.",
    "Officials told reporters on Friday that the truce would hold until Sunday.",
    "Leaders will gather in the Belgian capital for an emergency summit of the alliance on Sunday.",
    "Beginning Sunday, shops will close at 6 p.m.",
    "As of Sunday, the border will be closed.",
    "Ukraine has until Sunday to respond.",
    "Flights are suspended from Sunday.",
    "Until Sunday, flights are suspended.",
    "Russia expects to finish the withdrawal by Sunday.",
    "The foreign ministers of both countries on Sunday will meet in Geneva.",
    "The leaders of the two rival factions on Sunday are to sign the accord.",
    "Revellers are expected to flock to Berlin's \"party mile\" on Sunday.",
    "The plane is scheduled to take off at 11:55 p.m. Sunday.",
    "They are all due in on Sunday, and that is when the hard work starts.",
    "Troops must withdraw by Sunday, the ministry said.",
])
def test_forward_cue_lexicon_and_window(sentence):
    sunday = [e for e in tag(sentence, TUESDAY) if "Sunday" in e.text]
    assert sunday[0].value == "2025-02-09", sentence


@pytest.mark.parametrize("sentence", [
    "Shelling hit a village next to the border on Sunday.",
    "The family could not be reached on Sunday.",
    "The truce, which would have started Sunday, collapsed.",
    "The talks will resume where they were interrupted on Sunday.",
    "Flights were cancelled due to shelling on Sunday.",
    "Fighting went on until Sunday.",
    "As of Sunday, 300 people had been killed.",
    "The sanctions of Sunday evening are a reaction to the test.",
    "The peace plan unveiled on Sunday drew criticism.",
    "Troops set fire to houses on Sunday.",
    "The truce would hold, officials said Sunday.",
])
def test_no_forward_cue(sentence):
    sunday = [e for e in tag(sentence, TUESDAY) if "Sunday" in e.text]
    assert sunday[0].value == "2025-02-02", sentence


def test_title_case_headline_words_are_no_cues():
    text = "Kim Says He Will Only Use Nukes if Threatened\n\nKim Jong Un on Sunday warned the United States."
    assert values(text, TUESDAY)["Sunday"] == "2025-02-02"


def test_evening_story_sends_the_anchor_weekday_to_next_week():
    text = "The ceasefire will take effect Tuesday. Talks will resume later Tuesday. They met Tuesday."
    evening = [e.value for e in tag(text, "2025-02-04T21:30:00-05:00")]
    morning = [e.value for e in tag(text, "2025-02-04T09:30:00-05:00")]
    assert evening == ["2025-02-11", "2025-02-04", "2025-02-04"]
    assert morning == ["2025-02-04", "2025-02-04", "2025-02-04"]


def test_evening_story_still_sends_tomorrows_weekday_to_tomorrow():
    assert values("The ceasefire will take effect Wednesday.", "2025-02-04T22:00:00Z") == {"Wednesday": "2025-02-05"}


# ---------------------------------------------------------------- months and years relative to the anchor

@pytest.mark.parametrize("text, anchor, value", [
    ("May of last year", "2022-03-01", "2021-05"),
    ("in March last year", "2022-06-01", "2021-03"),
    ("in May this year", "2022-06-01", "2022-05"),
    ("in January next year", "2022-06-01", "2023-01"),
    ("on June 12 last year", "2017-10-03", "2016-06-12"),
    ("last May", "2022-03-01", "2021-05"),
    ("next month", "2022-03-01", "2022-04"),
    ("earlier this month", "2022-03-01", "2022-03"),
    ("late last month", "2022-03-01", "2022-02"),
    ("the end of last year", "2022-03-01", "2021"),
    ("early next year", "2022-03-01", "2023"),
    ("this year", "2022-03-01", "2022"),
    ("last year", "2022-03-01", "2021"),
    ("two years ago", "2022-03-01", "2020"),
    ("a year ago", "2022-03-01", "2021"),
])
def test_months_and_years_relative_to_the_anchor(text, anchor, value):
    expressions = [e for e in tag(f"It happened {text}.", anchor) if e.kind == "date"]
    assert [(e.text, e.value) for e in expressions] == [(text.removeprefix("in ").removeprefix("on "), value)]


def test_season_is_a_date_without_value():
    expression = found("It happened last summer.")["last summer"]
    assert expression.value is None and expression.reason == temporal.SEASON
    assert values("It happened in the summer of 2019.")["2019"] == "2019"


@pytest.mark.parametrize("text", ["mid-April", "early April", "late April", "Mid-April"])
def test_qualified_month_without_year_is_the_latest_on_or_before_the_anchor(text):
    assert values(f"Fighting began in {text} and went on.", "2022-03-01")[text] == "2021-04"
    assert values(f"Fighting began in {text} and went on.", "2022-05-10")[text] == "2022-04"


# ---------------------------------------------------------------- counting from the last date

@pytest.mark.parametrize("phrase, value", [
    ("A day earlier", "2022-02-19"), ("The day before", "2022-02-19"), ("The previous day", "2022-02-19"),
    ("The next day", "2022-02-21"), ("A week later", "2022-W08"), ("Two days later", "2022-02-22"),
])
def test_relative_to_the_last_resolved_date(phrase, value):
    v = values(f"Troops attacked on Feb. 20. {phrase}, talks failed.", "2022-03-10")
    assert v[phrase] == value


def test_relative_to_the_anchor_when_nothing_was_resolved():
    assert values("Two days later, talks failed.", "2022-03-01")["Two days later"] == "2022-03-03"
    assert values("The previous day, talks failed.", "2022-03-01")["The previous day"] == "2022-02-28"


# ---------------------------------------------------------------- possessives

def test_possessive_weekdays_and_weeks():
    v = values("Sunday’s event drew crowds. Monday's meeting failed. Last week’s fighting and last week's toll.",
               TUESDAY)
    assert v == {"Sunday’s": "2025-02-02", "Monday's": "2025-02-03", "Last week’s": "2025-W05",
                 "last week's": "2025-W05"}


# ---------------------------------------------------------------- dateline and header forms

@pytest.mark.parametrize("text, value", [
    ("KYIV, Ukraine, Feb. 1, 2021 (AP) —", "2021-02-01"), ("1 February 2021", "2021-02-01"),
    ("2021-02-01", "2021-02-01"), ("Feb 1st", "2022-02-01"), ("February 1st, 2021", "2021-02-01"),
    ("the 1st of February", "2022-02-01"), ("Monday, Feb. 1, 2021", "2021-02-01"),
    ("Published 1st February 2021 at 10:00", "2021-02-01"), ("2021/02/01", "2021-02-01"),
    ("1 Feb 2021", "2021-02-01"), ("Tuesday, February 2, 2021 at 3:00 PM", "2021-02-02"),
])
def test_header_date_forms(text, value):
    assert [e.value for e in tag(text, "2022-03-01") if e.kind == "date"] == [value]


def test_paired_months_share_the_year_of_the_second():
    assert values("Rockets flew in May and July of 2016.", "2018-02-06") == {
        "May": "2016-05", "July of 2016": "2016-07"}
    assert values("Launches between Feb. 7 and Feb. 14, 2016 failed.", "2018-02-06")["Feb. 7"] == "2016-02-07"
    assert values("Tests between February and September of last year.", "2018-02-06")["February"] == "2017-02"


def test_past_tense_month_day_ahead_of_the_anchor():
    v = values("After gunmen attacked the Bataclan nightclub in Paris and several other venues "
               "on the 13th of November, the president spoke.", "2016-07-14")
    assert v["the 13th of November"] == "2015-11-13"
    v = values("He had proclaimed the end of the state of emergency on July 26.", "2016-07-14")
    assert v["July 26"] == "2016-07-26"


@pytest.mark.parametrize("sentence, value", [
    ("Ukraine to hold talks with Russia on Sunday", "2025-02-09"),
    ("As Japan prepares to vote in Sunday's national election, the premier campaigned.", "2025-02-09"),
    ("Russia agreed to hold talks on Sunday.", "2025-02-02"),
    ("He flew to Paris to meet Macron on Sunday.", "2025-02-02"),
    ("Concertgoers dive over a fence to take cover from gunfire on Sunday night.", "2025-02-02"),
])
def test_to_before_a_scheduling_verb(sentence, value):
    assert [e.value for e in tag(sentence, TUESDAY) if "Sunday" in e.text] == [value]


def test_than_expected_is_no_forward_cue():
    assert values("The US created fewer jobs than expected in December.", "2005-01-07") == {"December": "2004-12"}


def test_remembrance_sunday_is_a_name():
    assert values("A veteran at the Remembrance Sunday ceremony.", TUESDAY) == {}
