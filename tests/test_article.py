"""The page parser on hand-written pages: one rule per test, furniture and all."""
from __future__ import annotations

import time

import pytest

from karabakh_extract.article import Page, parse_page
from karabakh_extract.page_credits import contributor_line_names, proper_case
from karabakh_extract.page_dates import first_date, is_date_line
from karabakh_extract.page_captions import credit_start, is_caption
from karabakh_extract.page_kinds import Kind, kind_of
from karabakh_extract.page_lines import Paragraph, paragraphs

LEAD = ("VALLETTA, Malta (AP) \u2014 Fishermen on the island's north coast said on Tuesday that a storm "
        "had sunk four boats overnight, and coast guard crews were still searching for two missing men.")
SECOND = ("The harbour master said the storm arrived faster than forecast and that the breakwater, "
          "built in the 1960s, was badly damaged along most of its length.")
THIRD = "\u201cWe have never seen waves like this in winter,\u201d said Joseph Camilleri, a fisherman of 40 years."


def page_of(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def body_text(text: str, page: Page) -> str:
    return "\n\n".join(text[s:e] for s, e in page.body)


def region_text(text: str, region) -> str:
    return text[region[0]:region[1]] if region else None


# --- headline -------------------------------------------------------------------------------

def test_headline_after_notification_prompts():
    text = page_of("Stay up to date with notifications from The Daily Planet",
                   "Notifications can be managed in browser preferences.",
                   "Storm sinks fishing boats off Malta", LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.headline) == "Storm sinks fishing boats off Malta"


def test_no_headline_when_page_starts_with_the_story():
    text = page_of("Fishermen on the island's north coast said on Tuesday that a storm had sunk four boats.",
                   SECOND, THIRD)
    assert parse_page(text).headline is None


def test_no_headline_when_page_starts_with_a_dateline_sentence():
    text = page_of("VALLETTA: A storm sank four fishing boats overnight, the coast guard said on Tuesday.",
                   SECOND, THIRD)
    assert parse_page(text).headline is None


def test_wrapped_headline_is_joined_and_spans_the_newline():
    wrapped = ("Fishermen on the island's north coast said on Tuesday that a storm\n"
               "had sunk four boats overnight, and coast guard crews were still\n"
               "searching for two missing men on the rocks near the old harbour.\n")
    text = ("A winter storm sinks four fishing boats off the north coast of\nthe island of Malta\n"
            "Send a link to a friend\n[March 03, 2021]\n" + wrapped * 4)
    page = parse_page(text)
    assert page.headline_text == "A winter storm sinks four fishing boats off the north coast of the island of Malta"
    assert "\n" in region_text(text, page.headline)


def test_bom_at_offset_zero_does_not_break_the_headline():
    text = "\ufeff" + page_of("Storm sinks fishing boats off Malta", LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.headline) == "Storm sinks fishing boats off Malta"


def test_date_marker_before_the_headline_is_cut_off_and_gives_the_date():
    text = " date 2021-03-02 Storm sinks fishing boats off Malta\n\n" + page_of(LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.headline) == "Storm sinks fishing boats off Malta"
    assert page.published == "2021-03-02"


def test_repeated_headline_is_not_body():
    text = page_of("Storm sinks fishing boats off Malta", "Storm sinks fishing boats off Malta", LEAD, SECOND)
    page = parse_page(text)
    assert "Storm sinks" not in body_text(text, page)


def test_section_label_above_the_headline_is_skipped():
    text = page_of("You are here", "World", "Storm sinks fishing boats off Malta", LEAD, SECOND)
    assert region_text(text, parse_page(text).headline) == "Storm sinks fishing boats off Malta"


def test_sentence_headline_above_the_date_line():
    text = page_of("Malta counts the cost of its worst winter storm in decades.", "2021-03-02T09:15:00", SECOND, THIRD)
    page = parse_page(text)
    assert region_text(text, page.headline).startswith("Malta counts the cost")


# --- summary ----------------------------------------------------------------------------------

def test_dek_between_headline_and_byline_is_the_summary():
    dek = "Coast guard crews are searching for two fishermen after a storm sank four boats off the island"
    text = page_of("Storm sinks fishing boats off Malta", dek, "Via AP news wire", LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.summary) == dek
    assert dek not in body_text(text, page)


# --- published --------------------------------------------------------------------------------

@pytest.mark.parametrize("line, iso", [
    ("Tuesday 2 March 2021 07:36 EST", "2021-03-02T07:36:00-05:00"),
    ("Tuesday 2 March 2021 14:05 CET", "2021-03-02T14:05:00+01:00"),
    ("Mar 2, 2021 7:36 p.m. GMT", "2021-03-02T19:36:00+00:00"),
    ("3/2/2021", "2021-03-02"),
    ("Mar 02,2021", "2021-03-02"),
    ("[March 02, 2021]", "2021-03-02"),
    ("on Tuesday 2 March, 2021", "2021-03-02"),
    ("2021-03-02T09:15:00", "2021-03-02T09:15:00"),
    ("2021-03-02T00:00:00", "2021-03-02"),
    ("\u2022 03/02/2021", "2021-03-02"),
])
def test_header_date_formats(line, iso):
    text = page_of("Storm sinks fishing boats off Malta", line, LEAD, SECOND)
    assert parse_page(text).published == iso


def test_byline_with_date_gives_date_and_byline():
    text = page_of("Storm sinks fishing boats off Malta", "By AFP - Mar 02,2021 - Last updated at Mar 02,2021", LEAD, SECOND)
    page = parse_page(text)
    assert page.published == "2021-03-02"
    assert page.byline == "By AFP"


def test_marker_date_takes_the_time_from_a_header_line_of_the_same_day():
    text = " date 2021-03-02 Storm sinks fishing boats off Malta\n\nTuesday 2 March 2021 07:36 EST\n\n" + page_of(LEAD)
    assert parse_page(text).published == "2021-03-02T07:36:00-05:00"


def test_lead_sentence_naming_its_day_is_the_fallback():
    text = page_of("Rescuers said a storm sank four boats on Tuesday (March 2, 2021) off the north coast of Malta.",
                   SECOND)
    assert parse_page(text).published == "2021-03-02"


def test_dateline_day_takes_the_year_from_the_copyright_line():
    text = page_of("Storm sinks boats", "VALLETTA, March 2 (Reuters) - A storm sank four fishing boats overnight.",
                   SECOND, "Copyright 2021 Thomson Reuters.")
    assert parse_page(text).published == "2021-03-02"


def test_no_date_anywhere_gives_none():
    assert parse_page(page_of("Storm sinks fishing boats off Malta", LEAD, SECOND)).published is None


def test_date_line_shape():
    assert is_date_line("Published: 2 March 2021")
    assert not is_date_line("The storm of 2 March 2021 sank four boats and damaged the breakwater.")


def test_impossible_dates_are_ignored():
    assert first_date("99/99/2021") is None
    assert first_date("February 31, 2021") is None


# --- agency -------------------------------------------------------------------------------------

@pytest.mark.parametrize("credit, agency", [
    ("VALLETTA, Malta (AP) \u2014 A storm sank four fishing boats overnight, officials said.", "AP"),
    ("VALLETTA (Reuters) - A storm sank four fishing boats overnight, officials said.", "Reuters"),
    ("(Reuters) - A storm sank four fishing boats overnight, officials said.", "Reuters"),
    ("VALLETTA, March 2 (AFP) - A storm sank four fishing boats overnight, officials said.", "AFP"),
])
def test_dateline_credit(credit, agency):
    assert parse_page(page_of("Storm sinks boats", credit, SECOND)).agency == agency


@pytest.mark.parametrize("byline, agency", [
    ("By AFP", "AFP"), ("Via AP news wire", "AP"), ("AP, VALLETTA", "AP"), ("Associated Press", "AP"),
    ("By Reuters", "Reuters"), ("Agence France-Presse", "AFP"), ("By Maria Borg, Associated Press", "AP"),
    ("Source: Xinhua", "Xinhua"),
])
def test_byline_credit(byline, agency):
    text = page_of("Storm sinks fishing boats off Malta", byline, SECOND, THIRD)
    assert parse_page(text).agency == agency


def test_dateline_credit_beats_a_photo_credit_of_another_agency():
    caption = "Fishermen inspect a damaged boat in the harbour on Tuesday. Photo: AFP"
    text = page_of("Storm sinks fishing boats off Malta", "AP, VALLETTA", caption, SECOND, THIRD)
    assert parse_page(text).agency == "AP"


def test_photo_credit_alone_gives_no_agency():
    caption = "Fishermen inspect a damaged boat in the harbour on Tuesday (AFP photo)"
    text = page_of("Storm sinks fishing boats off Malta", caption, SECOND, THIRD)
    assert parse_page(text).agency is None


@pytest.mark.parametrize("sentence, agency", [
    ("\u201cIt was terrible,\u201d a fisherman said in a phone call with Reuters.", "Reuters"),
    ("The harbour master told AFP the breakwater would be rebuilt.", "AFP"),
    ("AFPTV images showed boats piled against the harbour wall.", "AFP"),
    ("AFP reporters saw boats piled against the harbour wall.", "AFP"),
])
def test_story_mentions_of_the_wire(sentence, agency):
    text = page_of("Storm sinks fishing boats off Malta", SECOND, sentence)
    assert parse_page(text).agency == agency


def test_citing_another_agency_is_not_a_credit():
    text = page_of("Storm sinks fishing boats off Malta", SECOND,
                   "The harbour master told the Reuters news agency the breakwater would be rebuilt.")
    assert parse_page(text).agency is None


def test_no_credit_gives_no_agency():
    assert parse_page(page_of("Storm sinks fishing boats off Malta", SECOND, THIRD)).agency is None


# --- byline and contributors ---------------------------------------------------------------------

def test_all_caps_byline_names_are_properly_cased():
    text = page_of("Storm sinks fishing boats off Malta", "By MARIA BORG and JOHN O'NEILL-MCCANN", LEAD, SECOND)
    page = parse_page(text)
    assert page.byline == "By MARIA BORG and JOHN O'NEILL-MCCANN"
    assert page.contributors == ["Maria Borg", "John O'Neill-McCann"]


def test_agency_only_byline_has_no_contributors():
    assert parse_page(page_of("Storm sinks fishing boats off Malta", "By AFP", LEAD)).contributors == []


def test_contributor_line_names_writers_and_drops_places():
    line = "Associated Press writers Paul Vella in Rome and Anna Grech in London contributed to this report."
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, "___", line)
    page = parse_page(text)
    assert page.contributors == ["Paul Vella", "Anna Grech"]
    assert "contributed" not in body_text(text, page)
    assert "___" not in body_text(text, page)


def test_reuters_credit_keeps_reporters_not_editors():
    assert contributor_line_names(
        "(Reporting by Paul Vella; Additional reporting by Anna Grech in Rome; Editing by Mark Farrugia)"
    ) == ["Paul Vella", "Anna Grech"]


def test_outlet_possessive_is_not_part_of_the_name():
    assert contributor_line_names("Malta Radio's Karen Azzopardi contributed to this report.") == ["Karen Azzopardi"]


def test_story_sentence_ending_in_contributed_is_not_a_credit():
    line = "Officials said warm seas and strong winds both contributed."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_proper_case_keeps_mixed_case_names():
    assert proper_case("Maria de Borg") == "Maria de Borg"
    assert proper_case("MARIA MCDONALD") == "Maria McDonald"


# --- body and furniture ---------------------------------------------------------------------------

@pytest.mark.parametrize("furniture", [
    "Your support helps us to tell the story",
    "Thank you for registering",
    "Please refresh the page or navigate to another page on the site to be automatically logged in",
    "Share this articleComments",
    "Send a link to a friend",
    "Follow more: Malta storm LIVE: rescuers search the coast",
    "Read more: Malta's fishing fleet in numbers",
    "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
    "\u0645\u0634\u0627\u0631\u0643\u0629 :",
    "\u2022 00:00",
    "Home \u203a World \u203a Europe",
    "Copyright 2021 The Daily Planet. All rights reserved.",
    "Click here to sign up for our newsletter",
])
def test_furniture_is_not_body(furniture):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, furniture, SECOND, THIRD)
    body = body_text(text, parse_page(text))
    assert furniture not in body
    assert SECOND in body and THIRD in body


def test_donation_appeal_block_above_the_story_is_dropped():
    text = page_of("Storm sinks fishing boats off Malta", "Your support helps us to tell the story",
                   "From the harbour to the parliament, our reporters are there when the story breaks, every day.",
                   "Your donation allows us to keep sending journalists to speak to both sides of the story.",
                   "Your support makes all the difference.", LEAD, SECOND)
    page = parse_page(text)
    assert body_text(text, page).startswith("VALLETTA")


@pytest.mark.parametrize("caption", [
    "Fishermen inspect a damaged boat in the harbour on Tuesday. Photo: AFP",
    "Fishermen inspect a damaged boat in the harbour on Tuesday (AFP photo)",
    "Fishermen inspect a damaged boat in the harbour on Tuesday. (AP Photo/Maria Borg)",
    "Fishermen inspect a damaged boat in Valletta, Malta, March 2, 2021. REUTERS/Maria Borg",
    "STORM. Fishermen inspect a damaged boat in the harbour of Valletta, March 2, 2021.",
    "A damaged boat (Copyright 2021 The Associated Press. All rights reserved)",
])
def test_captions_go_to_captions_not_body(caption):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, caption, SECOND)
    page = parse_page(text)
    assert caption not in body_text(text, page)
    [(start, end)] = page.captions
    assert end > start and caption.startswith(text[start:end])


@pytest.mark.parametrize("caption, kept", [
    ("Fishermen inspect a damaged boat in the harbour on Tuesday. Photo: AFP",
     "Fishermen inspect a damaged boat in the harbour on Tuesday"),
    ("Fishermen inspect a damaged boat in the harbour on Tuesday (AFP photo)",
     "Fishermen inspect a damaged boat in the harbour on Tuesday"),
    ("Fishermen inspect a damaged boat in Valletta, Malta, March 2, 2021. REUTERS/Maria Borg",
     "Fishermen inspect a damaged boat in Valletta, Malta, March 2, 2021"),
    ("STORM. Fishermen inspect a damaged boat in the harbour of Valletta, March 2, 2021.",
     "STORM. Fishermen inspect a damaged boat in the harbour of Valletta, March 2, 2021."),
])
def test_caption_region_stops_before_the_photo_credit(caption, kept):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, caption, SECOND)
    page = parse_page(text)
    assert [text[s:e] for s, e in page.captions] == [kept]


def test_story_sentence_ending_with_a_date_is_not_a_caption():
    assert not is_caption("The breakwater was last rebuilt after a storm on March 2, 1998.")


def test_everything_after_a_tail_marker_is_dropped():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, "You might also like",
                   "Ferry services resume between the islands after two days of storms.")
    body = body_text(text, parse_page(text))
    assert "Ferry services" not in body and SECOND in body


def test_related_story_headline_inside_the_body_is_dropped_but_subheads_stay():
    text = page_of(LEAD, "Ferry services between the islands resume after two days of storms", SECOND,
                   "Search continues", THIRD)
    body = body_text(text, parse_page(text))
    assert "Ferry services" not in body
    assert "Search continues" in body


def test_cut_off_last_paragraph_stays_in_the_body():
    text = page_of(LEAD, SECOND, "The government said it would ask the European Union for emergency funds to help the fleet rep")
    assert "emergency funds" in body_text(text, parse_page(text))


def test_dateline_stays_in_the_body():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND)
    assert body_text(text, parse_page(text)).startswith("VALLETTA, Malta (AP)")


def test_hard_wrapped_paragraph_is_one_region():
    lines = ["Fishermen on the island's north coast said on Tuesday that a storm",
             "had sunk four boats overnight, and coast guard crews were still",
             "searching for two missing men on the rocks near the old harbour."]
    text = "\n".join(lines * 4) + "\n"
    paras = paragraphs(text)
    assert len(paras) == 1 and paras[0].text.count("\n") == 11


def test_separate_lines_of_a_normal_page_stay_separate():
    text = "Storm sinks fishing boats off Malta\nBy MARIA BORG\n" + LEAD + "\n" + SECOND + "\n"
    assert [p.text for p in paragraphs(text)][:2] == ["Storm sinks fishing boats off Malta", "By MARIA BORG"]


def test_every_region_is_input_text():
    text = "\ufeff date 2021-03-02 Storm sinks boats\n\n  By MARIA BORG  \n\n" + page_of(LEAD, "Photo: AFP", SECOND)
    page = parse_page(text)
    for start, end in page.story_regions():
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip(" \ufeff")


# --- robustness -------------------------------------------------------------------------------------

@pytest.mark.parametrize("odd", ["", "\ufeff", "\n\n\n", "x", "\u201c" * 3000, "(" * 20000, "By " + "A " * 5000,
                                 " date 2021-03-02 ", "1" * 40000, "99/99/9999 13:99", "May 99, 2021"])
def test_odd_input_never_crashes(odd):
    page = parse_page(odd)
    assert isinstance(page, Page)


@pytest.mark.parametrize("line", ["a / " * 60 + ".", "Home > " * 50 + "x.", "By " + "Ab Cd, " * 100, "A. " * 300])
def test_separator_heavy_lines_do_not_backtrack(line):
    start = time.perf_counter()
    parse_page(line + "\n" + line)
    assert time.perf_counter() - start < 0.2


def test_huge_single_line_is_fast():
    line = ("The storm, which forecasters (and fishermen) had not expected, sank boats \u2014 "
            "VALLETTA (AP) said: 'we' \u201cthey\u201d 3/2/2021 Mar 2 2021 ") * 250
    start = time.perf_counter()
    parse_page("Storm sinks boats\n\n" + line + "\n")
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("caption", [
    "Fishermen inspect a damaged boat in the harbour of Valletta yesterday, after the storm sank four boats.",
    "Relatives of the missing men wait at the quay on Tuesday, as rescuers searched the coast.",
])
def test_present_tense_caption_without_a_credit(caption):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, caption)
    page = parse_page(text)
    assert caption not in body_text(text, page)


@pytest.mark.parametrize("prose", [
    "Fishermen inspected the damaged boats in the harbour yesterday and counted their losses.",
    "Protests erupted in Valletta on Tuesday over the slow rescue effort.",
    "A protest march through Valletta on Tuesday drew hundreds of fishermen.",
    "VALLETTA \u2014 As fishermen gather at the quay on Tuesday, the coast guard widens its search.",
    "As relatives wait at the quay on Tuesday, the coast guard widens its search.",
])
def test_past_tense_prose_with_a_day_is_not_a_caption(prose):
    assert not is_caption(prose)


@pytest.mark.parametrize("widget", ["Read more", "Scroll down for video", "Jane Doe/The Outlet", "Slideshow (12 Images)"])
def test_widget_lines_are_not_body(widget):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, widget, SECOND)
    assert widget not in body_text(text, parse_page(text))


@pytest.mark.parametrize("line, iso", [
    ("Published 7:36 AM EDT, March 2, 2021", "2021-03-02T07:36:00-04:00"),
    ("02.03.2021", "2021-03-02"),
    ("2021/03/02", "2021-03-02"),
    ("Mar. 2, 2021 7:36 AM GMT+3", "2021-03-02T07:36:00+03:00"),
    ("Sept. 27, 2021", "2021-09-27"),
    ("2021-03-02 16:53:08Z", "2021-03-02T16:53:08+00:00"),
])
def test_more_date_forms(line, iso):
    assert first_date(line).iso == iso


@pytest.mark.parametrize("byline, names", [
    ("By MARIA BORG Associated Press", ["Maria Borg"]),
    ("By Reuters Staff", []),
    ("By Maria Borg, AP Diplomatic Writer", ["Maria Borg"]),
    ("By Maria Borg | AFP", ["Maria Borg"]),
])
def test_byline_names_without_agency_or_role(byline, names):
    assert parse_page(page_of("Storm sinks fishing boats off Malta", byline, LEAD)).contributors == names


def test_gallery_counter_is_not_a_headline():
    text = page_of("1 of 5", "Storm sinks fishing boats off Malta", LEAD, SECOND)
    assert region_text(text, parse_page(text).headline) == "Storm sinks fishing boats off Malta"


def test_sign_off_credit_at_the_end_gives_the_agency_and_leaves_the_body():
    text = page_of("Storm sinks fishing boats off Malta", LEAD.replace(" (AP)", ""), SECOND, "\u2014 AFP")
    page = parse_page(text)
    assert page.agency == "AFP"
    assert "AFP" not in body_text(text, page)


def test_dateline_credit_without_a_dash():
    text = page_of("Storm sinks fishing boats off Malta",
                   "Valletta, Mar 2 (PTI) A storm sank four fishing boats overnight, officials said.", SECOND)
    assert parse_page(text).agency == "PTI"


def test_inputs_from_a_wire_credit():
    text = page_of("Storm sinks fishing boats off Malta", SECOND, THIRD, "(With inputs from Reuters)")
    page = parse_page(text)
    assert page.agency == "Reuters"
    assert "inputs" not in body_text(text, page)


def test_topic_label_above_the_headline_is_skipped():
    text = page_of("Storms in Europe", "Storm sinks four fishing boats off the coast of Malta", LEAD, SECOND)
    assert parse_page(text).headline_text == "Storm sinks four fishing boats off the coast of Malta"


def test_short_headline_keeps_its_dek_out_of_the_headline():
    dek = "Coast guard crews are searching for two fishermen after a storm sank four boats off the island"
    text = page_of("Malta storm sinks boats", dek, "By MARIA BORG", LEAD, SECOND)
    assert parse_page(text).headline_text == "Malta storm sinks boats"


def test_reuters_house_credit_line_alone_gives_reuters():
    text = page_of("Storm sinks fishing boats off Malta", SECOND, THIRD, "(Reporting by Paul Vella; Editing by Mark Farrugia)")
    page = parse_page(text)
    assert page.agency == "Reuters"
    assert page.contributors == ["Paul Vella"]


def test_lead_below_the_byline_stays_body_even_above_an_update_line():
    text = page_of("Storm sinks fishing boats off Malta", "By MARIA BORG", SECOND, "Updated: March 2, 2021", THIRD)
    page = parse_page(text)
    assert SECOND in body_text(text, page)
    assert page.summary is None


def test_question_inside_a_headline_keeps_it_a_headline():
    text = page_of("logo", "Rescue or salvage first? Malta weighs its options after the storm", LEAD, SECOND)
    assert parse_page(text).headline_text == "Rescue or salvage first? Malta weighs its options after the storm"


@pytest.mark.parametrize("stamp", ["34 minutes ago", "Credit: AP", "Photo: Maria Borg"])
def test_timestamps_and_lone_credits_are_furniture_not_bylines(stamp):
    text = page_of("Storm sinks fishing boats off Malta", stamp, SECOND, THIRD)
    page = parse_page(text)
    assert page.byline is None and page.agency is None
    assert stamp not in body_text(text, page)


def test_dek_far_above_the_dateline_lead_is_the_summary():
    dek = "Coast guard crews are searching for two fishermen after a storm sank four boats off the island"
    caption = "Fishermen inspect a damaged boat in the harbour on Tuesday. (AP Photo/Maria Borg)"
    text = page_of("Storm sinks fishing boats off Malta", dek, caption, "Credit: AP", caption, "Europe", "2 hours ago",
                   LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.summary) == dek
    assert body_text(text, page).startswith("VALLETTA")


def test_story_between_two_widgets_is_not_an_appeal():
    text = page_of("Storm sinks fishing boats off Malta", "ARTICLE AD BOX", SECOND, "Read Entire Article")
    assert SECOND in body_text(text, parse_page(text))


def test_byline_with_the_wire_after_a_slash():
    page = parse_page(page_of("Storm sinks fishing boats off Malta", "By Maria Borg/PNA", LEAD.replace(" (AP)", ""), SECOND))
    assert page.agency == "PNA"
    assert page.contributors == ["Maria Borg"]


def test_an_army_called_afp_is_not_the_wire():
    text = page_of("Army chief doubts the rebels' truce",
                   "MANILA \u2014 The chief of the Armed Forces of the Philippines (AFP) said on Wednesday the truce was a ruse.",
                   "The troops were told to stay alert, according to the AFP.", "AFP troops were sent to the area.")
    assert parse_page(text).agency is None


def test_section_labels_above_the_headline_are_skipped():
    text = page_of("Filtered By: Topstories", "News", "Army chief says the truce is up to political leaders", LEAD, SECOND)
    assert parse_page(text).headline_text == "Army chief says the truce is up to political leaders"


def test_read_link_line_is_furniture():
    line = "READ: Fishermen count the cost | Ferries resume after the storm"
    text = page_of(LEAD, SECOND, line, THIRD)
    assert line not in body_text(text, parse_page(text))


def test_acronym_in_brackets_mid_sentence_is_not_a_dateline_credit():
    text = page_of("Army chief doubts the rebels' truce",
                   "This was what the Armed Forces of the Philippines (AFP) Chief of Staff told reporters on Wednesday.",
                   SECOND)
    assert parse_page(text).agency is None


def test_sign_off_on_the_last_story_line_gives_the_agency_and_keeps_the_line():
    last = "Officials said the search would go on through the weekend. \u2014 AFP"
    text = page_of("Storm sinks fishing boats off Malta", SECOND, last)
    page = parse_page(text)
    assert page.agency == "AFP"
    assert last in body_text(text, page)


def test_day_first_dashed_date():
    assert first_date("News Desk | Updated: 02-03-2021 21:17 IST").iso.startswith("2021-03-02")


def test_related_story_pipe_label_is_furniture():
    line = "RELATED STORY | Ferries resume between the islands"
    text = page_of(LEAD, line, SECOND)
    assert line not in body_text(text, parse_page(text))


def test_stray_carriage_returns_do_not_change_the_parse():
    text = page_of("Storm sinks fishing boats off Malta", "By MARIA BORG", LEAD, SECOND).replace("\n", "\r\n")
    page = parse_page(text)
    assert page.headline_text == "Storm sinks fishing boats off Malta"
    assert page.contributors == ["Maria Borg"]
    assert all("\r" not in text[s:e] for s, e in page.body)


def test_a_date_in_the_headline_is_not_the_page_date():
    text = page_of("Truce of March 1, 2021 collapses off Malta", "Published: March 3, 2021", LEAD, SECOND)
    assert parse_page(text).published == "2021-03-03"
    text = page_of("Truce of March 1, 2021 collapses off Malta", LEAD, SECOND)
    assert parse_page(text).published is None


def test_all_caps_name_then_the_wire_is_a_byline():
    page = parse_page(page_of("Storm sinks fishing boats off Malta", "MARIA BORG The Associated Press", "View Comments",
                              "VALLETTA, Malta -- " + SECOND))
    assert page.agency == "AP"
    assert page.contributors == ["Maria Borg"]


def test_wrapped_copy_keeps_byline_and_date_lines_apart():
    wrapped = ("Fishermen on the island's north coast said on Tuesday that a storm\n"
               "had sunk four boats overnight, and coast guard crews were still\n"
               "searching for two missing men on the rocks near the old harbour.\n")
    text = ("A winter storm sinks four fishing boats off the coast of Malta\nBy MARIA BORG\n"
            "[March 02, 2021]\n" + wrapped * 4)
    page = parse_page(text)
    assert page.headline_text == "A winter storm sinks four fishing boats off the coast of Malta"
    assert page.contributors == ["Maria Borg"]
    assert page.published == "2021-03-02"


def test_slash_dates_read_day_first_when_the_page_writes_them_so():
    text = page_of("Storm sinks fishing boats off Malta", "Updated: 05/03/2021 14:07", LEAD, SECOND,
                   "First published 16/02/2021")
    assert parse_page(text).published == "2021-03-05T14:07:00"
    text = page_of("Storm sinks fishing boats off Malta", "Updated: 05/03/2021", LEAD, SECOND)
    assert parse_page(text).published == "2021-05-03"


def test_joint_wire_credit_gives_the_first_wire():
    page = parse_page(page_of("Storm sinks fishing boats off Malta", "AP and AFP, VALLETTA", SECOND, THIRD))
    assert page.agency == "AP"
    assert page.byline == "AP and AFP, VALLETTA"


@pytest.mark.parametrize("line", ["Updated 2:54 PM EDT, March 2, 2021", "Last Updated: March 2, 2021 12:00 AM",
                                  "Issued on: 02/03/2021 - 07:36"])
def test_date_lines_with_clock_and_zone_are_not_headlines(line):
    text = page_of(line, "Storm sinks fishing boats off Malta", LEAD, SECOND)
    page = parse_page(text)
    assert page.headline_text == "Storm sinks fishing boats off Malta"
    assert page.published.startswith("2021-")


def test_dateline_day_takes_the_year_from_a_caption_of_that_day():
    caption = "Fishermen inspect a damaged boat in Valletta, Malta, March 2, 2021. REUTERS/Maria Borg"
    text = page_of("Storm sinks boats", "VALLETTA, March 2 (Reuters) - A storm sank four fishing boats overnight.",
                   caption, SECOND)
    assert parse_page(text).published == "2021-03-02"


def test_word_fragment_at_a_cut_off_page_end_is_dropped():
    text = LEAD + "\n\n" + "The government said it would ask the European Union for emergency funds to help the fleet rep"
    page = parse_page(text)
    assert body_text(text, page).endswith("to help the fleet")


def test_page_ending_with_a_full_sentence_keeps_its_last_word():
    text = page_of(LEAD, SECOND)
    assert body_text(text, parse_page(text)).endswith("length.")


# --- furniture that generalises: paywalls, comment boxes, video widgets, scene captions --------

PAYWALL = ("Read this story for free:", "or", "Already have an account? Log in here \u00bb",
           "To continue reading, please subscribe:", "Weekly Digital Subscription", "$0 for the first 2 weeks*",
           "- Enjoy unlimited reading on dailyplanet.example", "- Read the E-Edition, our digital replica paper",
           "*No charge for 2 weeks, then $12.00 plus GST every month. Offer available to new subscribers only.",
           "$3.10/week*", "*Billed as $12 plus GST every month. Cancel any time.")


def test_paywall_block_between_headline_and_story_is_not_story():
    text = page_of("Storm sinks fishing boats off Malta", "Advertisement", *PAYWALL, *PAYWALL[:4], LEAD, SECOND)
    page = parse_page(text)
    assert page.headline_text == "Storm sinks fishing boats off Malta"
    assert body_text(text, page).startswith("VALLETTA, Malta (AP)")
    assert page.summary is None


@pytest.mark.parametrize("line", ["$0 for the first 4 weeks*", "$4.75/week*", "Only \u00a32 a month",
                                  "*Billed as $19 plus tax every four weeks. Cancel any time.",
                                  "Add Planet access to your print subscription for only an additional"])
def test_offer_lines_are_furniture(line):
    assert kind_of(Paragraph(0, len(line), line)) is Kind.FURNITURE


def test_story_sentence_with_a_price_is_story():
    line = "The storm caused damage estimated at $4 million to the harbour, officials said."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_furniture_phrase_inside_a_quote_stays_story():
    line = "\u201cWe want to be part of the conversation,\u201d the harbour master said."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_share_and_most_read_above_the_story_do_not_end_it():
    text = page_of("Storm sinks fishing boats off Malta", "Share", "Most read", LEAD, SECOND, "Related posts", "Other story")
    page = parse_page(text)
    assert body_text(text, page) == LEAD + "\n\n" + SECOND


def test_comment_box_and_video_widget_after_the_story_are_not_body():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND,
                   "Article Topic Follows: World", "Jump to comments \u2193", "Go to video",
                   "Ferry services resume after storm", "01:16", "Harbour wall repairs begin", "2:05",
                   "BE PART OF THE CONVERSATION",
                   "Island FM is committed to providing a forum for civil and constructive conversation.",
                   "Please keep your comments respectful and relevant.")
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_title_lines_after_the_last_paragraph_are_links_not_subheads():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, "Report Error", "Ferry services resume after storm")
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_subhead_followed_by_prose_stays():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, "Search for the missing", "Advertisement", SECOND)
    assert "Search for the missing" in body_text(text, parse_page(text))


def test_video_title_above_its_running_time_is_not_a_subhead():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, "Ferry services resume after storm", "01:16", SECOND)
    assert "Ferry services" not in body_text(text, parse_page(text))


SCENE = "A fishing boat damaged during the storm lies on the rocks near the harbour of Valletta in Malta."


@pytest.mark.parametrize("lead", [LEAD, "A storm sank four fishing boats overnight, the coast guard said on Tuesday."])
def test_present_tense_scene_above_the_lead_is_a_caption(lead):
    text = page_of("Storm sinks fishing boats off Malta", "By Jane Borg", "Posted March 2, 2021 11:13 pm.",
                   SCENE.replace("lies", "sits"), lead, SECOND)
    page = parse_page(text)
    assert region_text(text, page.captions[0]) == SCENE.replace("lies", "sits")
    assert body_text(text, page).startswith(lead)
    assert page.published == "2021-03-02T23:13:00"


@pytest.mark.parametrize("dek", ["Rival parties sit down to discuss the harbour repairs.",
                                 "The island's fleet has been hit hard as storms grow stronger."])
def test_present_tense_dek_is_not_a_caption(dek):
    text = page_of("Storm sinks fishing boats off Malta", dek, LEAD, SECOND)
    page = parse_page(text)
    assert page.captions == [] and region_text(text, page.summary) == dek


def test_present_tense_scene_without_a_lead_after_it_is_story():
    text = page_of("Storm sinks fishing boats off Malta", "Fishermen gather at the harbour of Valletta in Malta.",
                   "Advertisement")
    assert "Fishermen gather" in body_text(text, parse_page(text))


@pytest.mark.parametrize("line", ["01:16", "2:05 min", "#malta #storm #fishing"])
def test_durations_and_hashtag_lines_are_furniture(line):
    assert kind_of(Paragraph(0, len(line), line)) is Kind.FURNITURE


def test_short_sentence_with_a_photo_credit_below_it_above_the_story_is_a_caption():
    caption = "Part of a damaged fishing boat is seen on the rocks near the harbour."
    text = page_of("Storm sinks fishing boats off Malta", caption, "Photo by JANE BORG/AFP/Getty Images", LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.captions[0]) == caption
    assert body_text(text, page).startswith("VALLETTA")


def test_dated_caption_with_a_bare_wire_credit_is_a_caption():
    caption = "Fishermen mend nets in the harbour of Valletta Friday, March 5, 2021. AP"
    text = page_of("Storm sinks fishing boats off Malta", LEAD, caption, SECOND)
    page = parse_page(text)
    assert region_text(text, page.captions[0]) == caption[:-len(" AP")]
    assert caption not in body_text(text, page)


@pytest.mark.parametrize("line", ["NewsWorldBusiness MarketsLegal SolutionsTax", "1 photo", "12 Images",
                                  "Play Live Radio", "Ben Borg / AP"])
def test_menu_residue_gallery_counts_and_radio_widgets_are_furniture(line):
    assert kind_of(Paragraph(0, len(line), line)) is Kind.FURNITURE


def test_hashtags_and_brand_names_are_not_menu_residue():
    line = "On Sunday the hashtag #MaltaStormRelief spread, and SpaceX and PlayStation fans joined in, she said."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


@pytest.mark.parametrize("line", ["Comments 1", "Comments (12)", "12 Comments"])
def test_counted_comment_headings_end_the_story(line):
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, line, "Great news, and a very long comment from a reader")
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_archive_notice_is_not_the_summary():
    notice = ("This archived news story is available only for your personal, non-commercial use. Information in "
              "the story may be outdated or superseded by additional information. Reading or replaying the story "
              "in its archived form does not constitute a republication of the story.")
    text = page_of("Storm sinks fishing boats off Malta", notice, LEAD, SECOND)
    assert parse_page(text).summary is None


def test_page_title_with_the_site_name_gives_way_to_the_bare_headline():
    text = page_of("Storm sinks fishing boats off Malta \u2013 The Daily Planet", "Storm sinks fishing boats off Malta", LEAD)
    assert parse_page(text).headline_text == "Storm sinks fishing boats off Malta"


def test_weather_widget_and_short_labels_above_the_headline_are_skipped():
    text = page_of("73\u00b0F", "weather icon Sunny", "Valletta, Malta", "Nation and World",
                   "Storm sinks four fishing boats off the north coast of Malta", LEAD, SECOND)
    assert parse_page(text).headline_text == "Storm sinks four fishing boats off the north coast of Malta"


def test_original_publication_date_beats_the_republished_one():
    text = page_of("Republished March 3, 2021 - 3:05 AM", "Original Publication Date March 2, 2021 - 9:11 PM",
                   "Storm sinks fishing boats off Malta", LEAD, SECOND)
    page = parse_page(text)
    assert page.published == "2021-03-02T21:11:00"
    assert page.headline_text == "Storm sinks fishing boats off Malta"


def test_byline_ending_with_the_associated_press_gives_ap():
    page = parse_page(page_of("Storm sinks fishing boats off Malta", "By Jane Borg The Associated Press",
                              "VALLETTA, Malta \u2014 A storm sank four fishing boats overnight, officials said.", SECOND))
    assert page.agency == "AP" and page.contributors == ["Jane Borg"]


def test_related_titles_under_more_stories_in_the_header_are_not_the_summary():
    text = page_of("Storm sinks fishing boats off Malta", "More Stories",
                   "Ferry services across the island resume after the worst winter storm in decades",
                   "By Jane Borg", LEAD, SECOND)
    page = parse_page(text)
    assert page.summary is None and body_text(text, page).startswith("VALLETTA")


def test_present_tense_scene_ending_with_the_photo_date_is_a_caption_inside_the_story():
    caption = "Fishermen gather at the harbour in Valletta March 2, 2021."
    text = page_of("Storm sinks fishing boats off Malta", LEAD, caption, SECOND)
    page = parse_page(text)
    assert region_text(text, page.captions[0]) == caption
    assert body_text(text, page) == LEAD + "\n\n" + SECOND


def test_past_tense_sentence_ending_with_a_date_stays_story():
    line = "The coast guard found the last missing fisherman near Gozo on March 2, 2021."
    text = page_of("Storm sinks fishing boats off Malta", LEAD, line, SECOND)
    assert line in body_text(text, parse_page(text))


@pytest.mark.parametrize("line", ["Top Banner Ads Across site (Mobile) Adsense 300X250", "Representational Image",
                                  "ceasefire violationMaltaStorm", "Start your free trial today",
                                  "Unlock this article and get full access for $1"])
def test_ad_slots_tag_glue_and_more_paywall_lines_are_furniture(line):
    assert kind_of(Paragraph(0, len(line), line)) is Kind.FURNITURE


def test_story_sentence_with_dimensions_is_story():
    line = "Rescuers put up a 10x12 tent beside the harbour, the coast guard said."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_negated_sentence_with_a_caption_verb_and_a_weekday_is_story():
    line = "The skipper didn't get to sail on Monday as he recovers from a broken arm."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_aerial_view_scene_above_the_lead_is_a_caption():
    scene = "An aerial view shows damaged fishing boats in the harbour of Valletta."
    text = page_of("Storm sinks fishing boats off Malta", scene, LEAD, SECOND)
    assert region_text(text, parse_page(text).captions[0]) == scene


def test_wire_sign_off_ends_the_story_and_unknown_promos_after_it_are_not_body():
    promo = "Island FM welcomes your thoughts on this story and invites readers to write to the editor at any time."
    for sign_off in ("Copyright 2021 The Associated Press. All rights reserved.", "(Reporting by Jane Borg; Editing by Tom Camilleri)"):
        text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, sign_off, promo)
        assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_photo_credit_starting_with_a_copyright_sign_does_not_end_the_story():
    caption = "\u00a9 REUTERS/ Jane Borg Fishermen inspect a damaged boat in Valletta, Malta, March 2, 2021."
    text = page_of("Storm sinks fishing boats off Malta", LEAD, caption, SECOND)
    assert body_text(text, parse_page(text)).endswith(SECOND)


def test_share_bar_between_the_dek_and_the_byline_does_not_end_the_story():
    dek = "Coast guard crews are searching for two fishermen after a storm sank four boats off the island overnight."
    text = page_of("Storm sinks fishing boats off Malta", dek, "Share", "By Jane Borg", "March 2, 2021", LEAD, SECOND)
    page = parse_page(text)
    assert region_text(text, page.summary) == dek
    assert body_text(text, page) == LEAD + "\n\n" + SECOND


def test_share_bar_between_story_paragraphs_does_not_end_the_story():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, "Share this article", SECOND, "Share", "Other story title here")
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_you_might_also_like_still_ends_the_story():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, "You might also like", SECOND)
    assert body_text(text, parse_page(text)) == LEAD


@pytest.mark.parametrize("line", ["Tags: Malta, storms, fishing", "Filed under: World News", "3 View gallery", "Loading...",
                                  "4 min listen"])
def test_tag_labels_and_gallery_widgets_are_furniture(line):
    assert kind_of(Paragraph(0, len(line), line)) is Kind.FURNITURE


def test_story_sentence_opening_with_topics_is_story():
    line = "Topics on the agenda include: fishing quotas and harbour repairs, the minister said."
    assert kind_of(Paragraph(0, len(line), line)) is Kind.STORY


def test_past_tense_lead_with_a_photo_credit_below_it_stays_the_lead():
    lead = "Rival fishermen clashed in the harbour of Valletta on Tuesday, breaking a four-month truce."
    text = page_of("Storm sinks fishing boats off Malta", lead, "Photo by JANE BORG/AFP", SECOND)
    assert body_text(text, parse_page(text)).startswith(lead)


def test_unknown_short_boilerplate_above_a_dateline_lead_is_not_the_lead():
    text = page_of("Storm sinks fishing boats off Malta", "Hey there, reader!", "Members enjoy this story first.",
                   "Join the club today.", LEAD, SECOND)
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


def test_short_story_paragraphs_above_a_later_dash_dateline_are_kept_when_attributed():
    first = "A storm sank four fishing boats off Malta overnight, the coast guard said."
    text = page_of("Storm sinks fishing boats off Malta", first, "Two men are missing.", LEAD)
    assert body_text(text, parse_page(text)).startswith(first)


def test_prose_inside_a_boilerplate_block_is_not_the_summary():
    text = page_of("Storm sinks fishing boats off Malta", "Advertisement", "Members get the story first, every time.",
                   "Already have an account? Log in here", LEAD, SECOND)
    assert parse_page(text).summary is None


def test_captions_after_the_wire_sign_off_are_other_stories_photos():
    other = "Ferry passengers wait at the port of Gozo, March 1, 2021. (AP Photo/Jane Borg)"
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, "(Reporting by Jane Borg; Editing by Tom Camilleri)", other)
    assert parse_page(text).captions == []


def test_date_under_the_headline_beats_the_sites_today_bar_above_it():
    text = page_of("\u2022 Thu. Jul 4th, 2024", "Storm sinks fishing boats off Malta", "March 2, 2021", LEAD, SECOND)
    assert parse_page(text).published == "2021-03-02"


def test_a_related_title_with_a_date_under_the_headline_does_not_give_the_date():
    text = page_of("March 2, 2021", "Storm sinks fishing boats off Malta", "Storm of January 5, 2019 recalled by fishermen",
                   LEAD, SECOND)
    assert parse_page(text).published == "2021-03-02"


# --- AFP-style captions, translation notes, language switchers, header dates ------------------

AFP_CAPTION = ("Malta's Prime Minister Robert Abela (C) raises held hands with fisherman Joseph Camilleri (L) and "
               "coast guard chief Mark Zammit (R) during a visit to Marsaxlokk on March 2, 2021. / AFP / JOHN DOE")


@pytest.mark.parametrize("caption", [
    AFP_CAPTION,
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. / AFP PHOTO / JOHN DOE",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. / AFP",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. - AFP PHOTO / John Doe",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. - AFP PHOTO",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. (AFP / John Doe)",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. Photo by John Doe / AFP",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. REUTERS/John Doe",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. AP Photo/John Doe",
    "Fishermen repair nets in Marsaxlokk. (Photo: Reuters)",
])
def test_agency_slash_credits_end_a_caption(caption):
    assert is_caption(caption)


@pytest.mark.parametrize("caption", [
    "Prime Minister Robert Abela (2nd L) visits the harbour in Marsaxlokk on March 2, 2021.",
    "Prime Minister Robert Abela (top) speaks to fishermen in Marsaxlokk.",
    "Prime Minister Robert Abela (R) and fisherman Joseph Camilleri (L) shake hands in Marsaxlokk.",
])
def test_position_markers_make_a_caption(caption):
    assert is_caption(caption)


@pytest.mark.parametrize("prose", [
    "The coast guard said the search had been called off. - AFP",   # a wire's sign-off, not a photo credit
    "Senator John Doe (R) voted against the relief bill on Tuesday.",  # a lone (R) is a party
    "The storm hit the north (left) of the island hardest, officials said.",
    "Prime Minister Robert Abela (C) said the fleet would be rebuilt by the summer.",  # reported speech
])
def test_story_prose_is_not_a_position_or_slash_caption(prose):
    assert not is_caption(prose)


def test_afp_caption_above_the_lead_is_a_caption_not_body():
    text = page_of("Storm sinks fishing boats off Malta", "March 2, 2021", AFP_CAPTION, LEAD, SECOND)
    page = parse_page(text)
    assert body_text(text, page) == LEAD + "\n\n" + SECOND
    assert any(region_text(text, r).startswith(AFP_CAPTION[:40]) for r in page.captions)


def test_afp_caption_between_story_paragraphs_is_not_body():
    text = page_of("Storm sinks fishing boats off Malta", LEAD, AFP_CAPTION, SECOND, THIRD)
    assert body_text(text, parse_page(text)) == "\n\n".join((LEAD, SECOND, THIRD))


@pytest.mark.parametrize("line", [
    "Powered by automated translation",
    "This article was automatically translated from Arabic.",
    "Translated by Jane Doe",
    "Read in Arabic",
    "Read this article in French",
    "English | Fran\u00e7ais | \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "EN FR AR",
    "Fran\u00e7ais",
])
def test_translation_notes_and_language_switchers_are_furniture(line):
    assert kind_of(paragraphs(line)[0]) is Kind.FURNITURE


@pytest.mark.parametrize("line", ["Read in full, the report says the fleet lost four boats.", "IT", "Translated by the coast guard, the letter said four boats sank."])
def test_prose_about_reading_or_translating_is_not_a_translation_note(line):
    assert kind_of(paragraphs(line)[0]) is not Kind.FURNITURE


def test_translation_furniture_stays_out_of_the_body():
    text = page_of("English | Fran\u00e7ais | \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "Storm sinks fishing boats off Malta",
                   "Read in Arabic", LEAD, "Powered by automated translation", SECOND, "Translated by Jane Doe")
    assert body_text(text, parse_page(text)) == LEAD + "\n\n" + SECOND


@pytest.mark.parametrize("line, published", [
    ("Published: Tue 2 Mar 2021", "2021-03-02"),
    ("30/03/2021 - 14:05", "2021-03-30T14:05:00"),
    ("March 2, 2021 | 2:05 PM", "2021-03-02T14:05:00"),
    ("Updated 2021-03-02 14:05 GMT", "2021-03-02T14:05:00+00:00"),
])
def test_header_date_styles_give_the_published_time(line, published):
    text = page_of("Storm sinks fishing boats off Malta", line, LEAD, SECOND)
    assert parse_page(text).published == published


@pytest.mark.parametrize("caption", [
    "(COMBO) This combination of pictures created on March 2, 2021 shows (L)Malta's Prime Minister Robert Abela "
    "arriving in Valletta on January 29, 2021 and (R) fisherman Joseph Camilleri in Marsaxlokk on January 26, 2021.",
    "Prime Minister Robert Abela, center, shakes hands with fisherman Joseph Camilleri, left, and coast guard chief Mark Zammit "
    "after the two agreed in Valletta, March 2, 2021, to a \"permanent\" relief fund.",
    "Prime Minister Robert Abela, left, signs documents as Joseph Camilleri looks on in Valletta, March 2, 2021.",
    "Fishermen repair nets in Marsaxlokk on March 2, 2021. REUTERS/ John Doe",
])
def test_afp_and_ap_caption_styles_on_real_pages(caption):
    assert is_caption(caption)


@pytest.mark.parametrize("prose", [
    "Prime Minister Robert Abela, left, the meeting early, officials said.",
    "Robert Abela, center, and Joseph Camilleri, left, told reporters \"we will rebuild every boat in the fleet\".",
    "Translation: there is a very real chance the breakwater will not survive another winter.",
])
def test_comma_markers_in_reported_prose_and_writers_asides_are_story(prose):
    assert kind_of(paragraphs(prose)[0]) not in (Kind.CAPTION, Kind.FURNITURE)


def test_the_next_line_of_a_caption_above_the_story_is_caption():
    combo = ("(COMBO) This combination of pictures created on March 2, 2021 shows (L)Malta's Prime Minister Robert Abela "
             "in Valletta on January 29, 2021 and (R) fisherman Joseph Camilleri in Marsaxlokk on January 26, 2021.")
    more = "Abela will meet fishermen in Marsaxlokk on March 3, 2021, a government official said on March 2, 2021."
    text = page_of("Storm sinks fishing boats off Malta", combo + "\n" + more + "\nPowered by automated translation", LEAD, SECOND)
    page = parse_page(text)
    assert body_text(text, page) == LEAD + "\n\n" + SECOND
    assert [region_text(text, r) for r in page.captions][-1] == more


def test_a_story_line_after_a_caption_with_a_blank_line_between_stays_body():
    combo = "(COMBO) This combination of pictures shows (L)Robert Abela and (R) Joseph Camilleri."
    first = "Abela met fishermen in Marsaxlokk, a government official said on March 2, 2021."
    text = page_of("Storm sinks fishing boats off Malta", combo, first, SECOND)
    assert body_text(text, parse_page(text)).startswith(first)


@pytest.mark.parametrize("caption, scene", [
    ("Fishermen repair nets near the harbour in Marsaxlokk. [Jane Borg/AFP]", "Fishermen repair nets near the harbour in Marsaxlokk"),
    ("Fishermen repair nets in Marsaxlokk [Getty]", "Fishermen repair nets in Marsaxlokk"),
    ("Fishermen repair nets in Marsaxlokk [Jane Borg/Anadolu]", "Fishermen repair nets in Marsaxlokk"),
    ("Fishermen repair nets in Marsaxlokk on March 2, 2021. (EPA-EFE/STRINGER)", "Fishermen repair nets in Marsaxlokk on March 2, 2021"),
    ("Fishermen repair nets in Marsaxlokk on March 2, 2021. Xinhua/Str", "Fishermen repair nets in Marsaxlokk on March 2, 2021"),
    ("Fishermen repair nets in Marsaxlokk on March 2, 2021. \u00a9 AFP", "Fishermen repair nets in Marsaxlokk on March 2, 2021"),
    ("Fishermen repair nets in Marsaxlokk on March 2, 2021. | Reuters", "Fishermen repair nets in Marsaxlokk on March 2, 2021"),
])
def test_bracket_copyright_and_pipe_credits_end_a_caption(caption, scene):
    assert is_caption(caption)
    assert caption[:credit_start(caption)] == scene


def test_a_story_paragraph_with_the_wires_copyright_is_not_a_caption():
    assert not is_caption("The coast guard said four boats sank overnight. \u00a9 AFP")


def test_image_credits_line_is_furniture():
    assert kind_of(paragraphs("Image Credits: STRINGER / Contributor / Getty.")[0]) is Kind.FURNITURE


def test_a_section_label_before_the_header_date_still_makes_a_date_line():
    first = "The harbour of Marsaxlokk was calm on Tuesday after a storm sank four boats, according to local media reports."
    text = page_of("Fishing ban takes effect", "World / Europe 12/18/2020, 1:39 PM", "Fishing ban takes effect", first, SECOND)
    page = parse_page(text)
    assert region_text(text, page.headline) == "Fishing ban takes effect"
    assert page.published.startswith("2020-12-18T13:39")


def test_a_title_with_a_date_is_not_a_section_labelled_date_line():
    assert not is_date_line("Storm Of The Century 03/02/2021")
    assert not is_date_line("Fishermen and coast guard March 2, 2021")


def test_a_parenthesised_source_line_names_the_agency():
    first = "A storm sank four fishing boats off Malta overnight, the coast guard said on Tuesday."
    text = page_of("Storm sinks fishing boats off Malta", "March 2, 2021", first, SECOND, "(Source: Reuters)")
    assert parse_page(text).agency == "Reuters"


@pytest.mark.parametrize("caption", [
    "FILE PHOTO: Prime Minister Robert Abela (R) answers questions in Valletta, Malta April 25, 2020. REUTERS/Jane Borg/Pool/File Photo",
    "Prime Minister Robert Abela answers questions in Valletta, Malta April 25, 2020. REUTERS/Jane Borg/Pool/File Photo",
    "\u00a9 REUTERS/ Stringer A fishing boat sinks off Marsaxlokk, Malta, March 2, 2021.",
    "GETTY Fishermen could have drowned but swam to the breakwater",
    "EPA Malta fears another storm this winter",
])
def test_credit_first_and_reuters_file_photo_captions(caption):
    assert is_caption(caption)


@pytest.mark.parametrize("prose", [
    "AFP Chief Executive Fabrice Fries said the agency would cut jobs.",
    "REUTERS Chief Editor Alessandra Galloni said the agency would grow.",
    "PA Consulting said profits rose in the first quarter.",
])
def test_prose_opening_with_an_agency_name_is_not_a_credit_first_caption(prose):
    assert not is_caption(prose)


def test_a_present_tense_scene_with_a_bare_wire_name_between_story_paragraphs_is_a_caption():
    caption = "A fisherman mends his nets in Marsaxlokk harbour, as the storm moves towards Sicily. AFP"
    text = page_of("Storm sinks fishing boats off Malta", LEAD, SECOND, caption, caption, THIRD)
    page = parse_page(text)
    assert body_text(text, page) == "\n\n".join((LEAD, SECOND, THIRD))
    assert region_text(text, page.captions[0]) == caption[:-len(". AFP")]


@pytest.mark.parametrize("prose", [
    "Fighting continued in the north of the island on Sunday. AFP",   # a past-tense sign-off
    "The storm began on Sunday. Reuters",
    "The harbour was calm. The boats were lost. AP",
])
def test_a_story_sign_off_with_a_bare_wire_name_is_not_a_caption(prose):
    assert not is_caption(prose)
