"""karabakh_events: distinct ceasefires and talks with their status, on hand-written sentences."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.components.events import EventFinder
from karabakh_extract.records import DateFact, Mention, Organization, Place


def _mentions(text: str, form: str) -> list[Mention]:
    out, start = [], text.find(form)
    while start != -1:
        out.append(Mention(start, start + len(form), form))
        start = text.find(form, start + len(form))
    return out


def _events(nlp, text: str, places: dict[str, list[str]] | None = None,
            orgs: dict[str, list[str]] | None = None, dates: dict[str, str] | None = None,
            captions: list[list[int]] | None = None):
    """Run the component on a Doc carrying the records the earlier components would leave."""
    doc = nlp(text)
    setattr(doc._, ext.CAPTIONS, captions or [])
    setattr(doc._, ext.PEOPLE, [])
    setattr(doc._, ext.PLACES, [Place(name=n, kind="city" if not a else "country",
                                      mentions=[m for f in [n, *a] for m in _mentions(text, f)])
                                for n, a in (places or {}).items()])
    setattr(doc._, ext.ORGANIZATIONS, [Organization(name=n, aliases=a,
                                                    mentions=[m for f in [n, *a] for m in _mentions(text, f)])
                                       for n, a in (orgs or {}).items()])
    setattr(doc._, ext.DATES, [DateFact(text=t, start=m.start, end=m.end, value=v)
                               for t, v in (dates or {}).items() for m in _mentions(text, t)])
    events = EventFinder(nlp, "karabakh_events").find(doc)
    for e in events:
        assert text[e.start:e.end] == e.text
    return events


def test_compared_previous_truces_are_distinct_and_share_the_fate(blank_nlp):
    text = ("A U.S.-brokered truce frayed immediately after it took effect Monday, "
            "just like two previous cease-fires negotiated by Russia.")
    first, second = _events(blank_nlp, text, places={"United States": ["U.S."], "Russia": ["x-unused"]},
                            dates={"Monday": "2021-03-01"})
    assert (first.status, second.status) == ("violated", "violated")
    assert first.brokers == ["United States"]
    assert first.date == "2021-03-01" and second.date is None
    assert "two previous cease-fires negotiated by Russia" in second.text
    assert "Russia" not in first.text


def test_later_mention_updates_status(blank_nlp):
    text = ("Ruritania and Freedonia agreed to a ceasefire on Monday after a week of shelling. "
            "By Wednesday the truce had collapsed, officials said.")
    [event] = _events(blank_nlp, text)
    assert event.type == "ceasefire" and event.status == "collapsed"


def test_call_for_a_ceasefire_beside_an_agreed_one_is_new(blank_nlp):
    text = ("The rebels announced a unilateral ceasefire on Sunday. "
            "Neighbouring states have called for a ceasefire across the whole region.")
    first, second = _events(blank_nlp, text)
    assert (first.status, second.status) == ("agreed", "proposed")


def test_longer_truce_proposal_is_distinct(blank_nlp):
    text = ("The sides agreed to renew a two-month truce. "
            "The envoy had been pushing for a six-month truce with more measures. "
            "Both sides complain about the existing truce.")
    first, second = _events(blank_nlp, text)
    assert (first.status, second.status) == ("extended", "proposed")


def test_definite_reference_merges(blank_nlp):
    text = "Both armies signed a truce in March. The truce has largely held since then."
    [event] = _events(blank_nlp, text)
    assert event.status == "took_effect"


def test_breach_warning_is_not_a_violation(blank_nlp):
    text = "The mediators brokered a truce last week. The mission warned against any breach of the truce."
    [event] = _events(blank_nlp, text)
    assert event.status == "agreed"


def test_brokered_by_names_list(blank_nlp):
    text = "The deal was struck after a ceasefire mediated by Qatar, the United States and Egypt took hold."
    [event] = _events(blank_nlp, text, places={"Qatar": [], "United States": [], "Egypt": []})
    assert event.brokers == ["Qatar", "United States", "Egypt"]


def test_un_brokered_resolves_through_organisation_aliases(blank_nlp):
    text = "Militias clashed on Friday, shattering a U.N.-brokered ceasefire."
    [event] = _events(blank_nlp, text, orgs={"United Nations": ["U.N."]})
    assert event.status == "violated"
    assert event.brokers == ["United Nations"]


def test_talks_planned_with_location_and_date(blank_nlp):
    text = "Foreign ministers are scheduled to attend talks in Vienna on Friday to end the fighting."
    [event] = _events(blank_nlp, text, places={"Vienna": []}, dates={"Friday": "2022-05-06"})
    assert (event.type, event.status, event.location, event.date) == ("talks", "planned", "Vienna", "2022-05-06")


def test_talks_same_place_merge_and_fail(blank_nlp):
    text = ("Envoys were scheduled to hold talks in Vienna on Friday on ending the war. "
            "The talks ended without a breakthrough late on Friday.")
    [event] = _events(blank_nlp, text, places={"Vienna": []})
    assert event.status == "failed"


def test_talks_held(blank_nlp):
    text = "Officials were holding a second round of peace talks with the rebels."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "held")


def test_truce_that_talks_are_about_is_not_an_event(blank_nlp):
    text = "Negotiators held talks on a ceasefire in the capital."
    assert [e.type for e in _events(blank_nlp, text)] == ["talks"]


def test_summit_needs_peace_context(blank_nlp):
    assert _events(blank_nlp, "The two presidents held a summit to celebrate the new railway.") == []
    [event] = _events(blank_nlp, "Leaders meet ahead of a summit on ending the war this week.")
    assert event.status == "planned"


def test_talks_outside_a_conflict_story_are_not_peace_talks(blank_nlp):
    assert _events(blank_nlp, "The chipmaker held talks with regulators about the merger.") == []
    [event] = _events(blank_nlp, "The chipmaker held talks with the rebels about the fighting near the mine.")
    assert event.status == "held"


def test_truce_as_a_modifier_is_not_a_truce(blank_nlp):
    assert _events(blank_nlp, "The hotline runs from the truce village of Panmunjom.") == []
    assert [e.type for e in _events(blank_nlp, "Ceasefire talks were held in Cairo amid fighting.")] == ["talks"]


def test_talks_without_a_status_are_not_reported(blank_nlp):
    assert _events(blank_nlp, "The government said it was open to talks.") == []


def test_headline_mention_merges_into_story_and_story_gives_text(blank_nlp):
    text = "Rebels declare unilateral ceasefire\n\nThe rebels announced a unilateral ceasefire on Monday."
    [event] = _events(blank_nlp, text, dates={"Monday": "2025-02-03"})
    assert event.text.startswith("The rebels announced")
    assert event.date == "2025-02-03"


def test_following_day_after_a_dated_event(blank_nlp):
    text = "The army attacked on September 19, and a ceasefire was agreed the following day."
    doc = blank_nlp(text)
    setattr(doc._, ext.PLACES, [])
    start = text.find("September 19")
    rel = text.find("the following day")
    setattr(doc._, ext.DATES, [DateFact(text="September 19", start=start, end=start + 12, value="2023-09-19"),
                               DateFact(text="the following day", start=rel, end=rel + 17, value=None)])
    [event] = EventFinder(blank_nlp, "karabakh_events").find(doc)
    assert event.date == "2023-09-20"


def test_extension_is_extended(blank_nlp):
    text = "Mediators said a deal had been reached to extend the truce by two days."
    [event] = _events(blank_nlp, text)
    assert event.status == "extended"


def test_adjective_participle_is_not_a_cue(blank_nlp):
    text = "Families returned to their shattered homes after the peace deal was signed."
    [event] = _events(blank_nlp, text)
    assert event.status == "agreed"


@pytest.mark.parametrize("text", ["", "\n\n   \n", "truce", "the deal the agreement", "talks talks talks"])
def test_odd_input_never_crashes(blank_nlp, text):
    assert isinstance(_events(blank_nlp, text), list)


def test_doc_without_sentences(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["The", "truce", "collapsed", "."])
    [event] = EventFinder(blank_nlp, "karabakh_events").find(doc)
    assert event.status == "collapsed"


@pytest.mark.model
def test_model_pipeline_events(nlp):
    text = ("Truce frays in border war\n\n"
            "ANKARA, Turkey (AP) \u2014 A Russian-brokered truce between the two countries frayed on Tuesday, "
            "a day after it took effect.\n\n"
            "Diplomats from both sides were scheduled to meet in Geneva on Friday for talks on ending the war.\n")
    from karabakh_extract import extract

    facts = extract(text, published="2024-03-06")
    kinds = sorted((e.type, e.status) for e in facts.events)
    assert kinds == [("ceasefire", "violated"), ("talks", "planned")]
    assert all(text[e.start:e.end] == e.text for e in facts.events)


def test_event_text_never_spans_blanked_furniture(blank_nlp):
    text = "Subscribe to our newsletter" + " " * 30 + "The truce collapsed on Monday after heavy shelling."
    [event] = _events(blank_nlp, text)
    assert event.text == "The truce collapsed on Monday after heavy shelling."


def test_call_to_respect_a_truce_is_not_a_proposal(blank_nlp):
    [event] = _events(blank_nlp, "The U.N. urged both sides to respect the ceasefire along the border.")
    assert event.status == "took_effect"


def test_held_territory_is_not_a_status(blank_nlp):
    text = "Shelling hit Russian-held villages, officials said, and a ceasefire was proposed by Turkey."
    [event] = _events(blank_nlp, text, places={"Turkey": []})
    assert event.status == "proposed"


def test_postponed_talks_are_still_planned(blank_nlp):
    [event] = _events(blank_nlp, "Peace talks on ending the war were postponed until next month.")
    assert (event.type, event.status) == ("talks", "planned")


def test_clause_pointing_back_gives_the_status(blank_nlp):
    text = ("A week-long truce in March, mediated by Oman, saw prisoners freed before it collapsed "
            "on April 2.")
    [event] = _events(blank_nlp, text, places={"Oman": []})
    assert event.status == "collapsed"
    assert event.brokers == ["Oman"]


def test_past_truce_beside_a_truce_under_discussion_is_distinct(blank_nlp):
    text = ("Envoys met in Doha on Tuesday to discuss a ceasefire amid heavy fighting. "
            "A truce in November saw hostages freed before it collapsed.")
    first, second = _events(blank_nlp, text)
    assert (first.status, second.status) == ("proposed", "collapsed")


def test_restated_truce_with_a_descriptive_adjective_merges(blank_nlp):
    text = ("The army and the rebels agreed to a 72-hour ceasefire on Monday. "
            "Both forces have agreed to implement a nationwide ceasefire, the envoy said.")
    [event] = _events(blank_nlp, text)
    assert event.status == "agreed"


def test_demonym_broker_resolves_to_country(blank_nlp):
    [event] = _events(blank_nlp, "An Egyptian-brokered truce took effect at dawn.")
    assert event.brokers == ["Egypt"]
    assert event.status == "took_effect"


def test_truce_of_another_year_stays_apart(blank_nlp):
    text = ("The rebels declared a ceasefire on Monday. Fighting had not stopped since the 1994 ceasefire "
            "collapsed. The 2016 truce was never mentioned again.")
    events = _events(blank_nlp, text)
    assert [(e.status, e.text[:15]) for e in events] == [("agreed", "The rebels decl"), ("collapsed", "Fighting had no")]


# -- talks vocabulary ----------------------------------------------------------
@pytest.mark.parametrize("text, status", [
    ("The two governments agreed to continue the discussions next week to end the war.", "planned"),
    ("A second round of peace negotiations was set to begin on Monday amid the fighting.", "planned"),
    ("The chancellor planned to host a summit on the war on Sunday.", "planned"),
    ("Shelling eased following Norwegian-mediated talks between the warring sides.", "held"),
    ("Envoys held a meeting between the two sides on Friday, the first since the war began.", "held"),
    ("Mediation by Oman has so far failed to end the conflict.", "failed"),
    ("The dialogue between the rebels and the army resumed on Tuesday, aimed at ending the war.", "held"),
    ("Ministers attended a peace conference in Oslo on the conflict.", "held"),
])
def test_talks_vocabulary(blank_nlp, text, status):
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", status)


def test_discussions_outside_a_peace_context_are_not_talks(blank_nlp):
    text = "The rebels shelled the port. Separately, the board held discussions on the budget on Monday."
    assert [e.type for e in _events(blank_nlp, text)] == []


def test_failure_to_sign_at_mediated_talks_is_failed_talks(blank_nlp):
    text = "His failure to sign the agreement at talks mediated by Oman and Kenya prolonged the war."
    [event] = _events(blank_nlp, text, places={"Oman": [], "Kenya": []})
    assert (event.type, event.status, event.brokers) == ("talks", "failed", ["Oman", "Kenya"])


def test_a_longer_cue_of_the_other_type_does_not_hide_a_talks_cue(blank_nlp):
    # 'set to begin' is a truce cue; 'set to' must still reach the talks
    [event] = _events(blank_nlp, "New talks were set to begin on Monday as fighting raged.")
    assert event.status == "planned"


# -- ceasefire status cues ---------------------------------------------------------
@pytest.mark.parametrize("text, status", [
    ("Militants resumed rocket fire on Tuesday, ending a months-long ceasefire.", "collapsed"),
    ("The army ended the truce on Friday after a week of shelling.", "collapsed"),
    ("The truce has ended, the army said.", "collapsed"),
    ("The militants suspended a ceasefire on Sunday after an airstrike.", "collapsed"),
    ("The general left without signing a ceasefire agreement drafted by the envoys.", "proposed"),
    ("The rebels refused to sign a ceasefire, saying the war would go on.", "proposed"),
    ("The army rejected the truce offered by the rebels.", "proposed"),
    ("A truce between the militias was shaken by overnight clashes.", "violated"),
    ("The sides have agreed to a ceasefire that will take effect at 4 a.m. Wednesday.", "agreed"),
    ("The sides reached a truce that is due to take effect on Thursday.", "agreed"),
    ("The sides announced a truce. The truce would start at midnight.", "agreed"),
])
def test_ceasefire_status_cues(blank_nlp, text, status):
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("ceasefire", status)


@pytest.mark.parametrize("text", [
    "The sides agreed to a truce that ended six weeks of war.",
    "A truce ending three days of bombardment was agreed on Monday.",
    "The envoy brokered a ceasefire aimed at ending the war.",
])
def test_a_truce_that_ends_a_war_has_not_ended(blank_nlp, text):
    [event] = _events(blank_nlp, text)
    assert event.status == "agreed"


def test_a_reported_truce_without_a_cue_is_a_deal_made(blank_nlp):
    [event] = _events(blank_nlp, "Officials said the truce with the rebels was a step toward peace.")
    assert event.status == "agreed"


@pytest.mark.parametrize("city, country", [("Cairo", "Egypt"), ("Doha", "Qatar"), ("Ankara", "Turkey")])
def test_a_capital_as_broker_stands_for_its_country(blank_nlp, city, country):
    [event] = _events(blank_nlp, f"The militants agreed to a {city}-brokered ceasefire on Monday.")
    assert event.brokers == [country]


def test_parties_between_before_a_purpose_clause(blank_nlp):
    text = "A ceasefire agreement between Rwanda and Congo aimed at halting the clashes appeared to be holding."
    [event] = _events(blank_nlp, text, places={"Rwanda": [], "Congo": []})
    assert event.parties == ["Rwanda", "Congo"]
    assert event.status == "took_effect"


# -- one truce, many mentions ------------------------------------------------------
@pytest.mark.parametrize("later", [
    "On Wednesday both sides quickly accused each other of violating the agreement.",
    "“They have effectively broken the ceasefire,” the army said on Tuesday.",
    "“A ceasefire is worthless if they keep shelling us,” the minister said.",
    "The deal was shaken by clashes on Wednesday.",
])
def test_later_mentions_update_the_same_truce(blank_nlp, later):
    text = "The two armies agreed to a ceasefire on Monday after weeks of fighting. " + later
    [event] = _events(blank_nlp, text)
    assert event.type == "ceasefire"


def test_quoted_violation_updates_the_status(blank_nlp):
    text = ("The two armies agreed to a ceasefire on Monday after weeks of fighting. "
            "“They have effectively broken the ceasefire,” the army said on Tuesday.")
    [event] = _events(blank_nlp, text)
    assert event.status == "violated"
    assert "They have effectively broken the ceasefire" in event.text


# -- which mention a cue describes -------------------------------------------------
def test_a_cue_both_types_know_goes_to_the_nearer_mention(blank_nlp):
    text = ("Envoys will meet the rebels next week for a new round of talks on ending the war, "
            "pledging to press for a truce in negotiations likely to be held in Oslo.")
    events = _events(blank_nlp, text)
    assert sorted((e.type, e.status) for e in events) == [("ceasefire", "proposed"), ("talks", "planned")]


def test_talks_ended_without_a_deal_do_not_end_the_truce_they_sought(blank_nlp):
    text = ("A round of talks in Oslo meant to bring about a ceasefire to end the war ended Sunday "
            "without a final agreement, an official said.")
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "failed")


def test_strikes_that_shook_a_city_do_not_violate_a_truce(blank_nlp):
    text = "Hours before the ceasefire took effect, warplanes launched strikes that shook the capital."
    [event] = _events(blank_nlp, text)
    assert event.status == "took_effect"


def test_a_truce_a_deal_provides_for_is_that_deal(blank_nlp):
    text = ("A ceasefire between the two armies appeared to be holding on Wednesday. "
            "The Norwegian-brokered deal, approved late Tuesday, calls for an initial two-month halt to fighting.")
    [event] = _events(blank_nlp, text)
    assert event.status == "took_effect"


def test_but_starts_another_clause_for_cues(blank_nlp):
    text = ("Envoys will hold a second round of talks next week to end the war. "
            "“The talks are set for July 30 but consultations are ongoing,” an official said.")
    [event] = _events(blank_nlp, text)
    assert event.status == "planned"


def test_discussions_beside_talks_are_not_another_round(blank_nlp):
    text = "The talks on ending the war are set for Friday, and discussions on the venue continue."
    [event] = _events(blank_nlp, text)
    assert event.status == "planned"


def test_a_restated_lead_joins_the_round_with_the_same_status(blank_nlp):
    text = ("Envoys left Oslo after the collapse of peace talks on the war. "
            "Mediators urged the sides to resume talks. "
            "Envoys are still in Oslo despite the collapse of peace talks on the war, officials said.")
    assert sorted(e.status for e in _events(blank_nlp, text)) == ["failed", "planned"]


@pytest.mark.parametrize("text, brokers", [
    ("A fragile Oman- and Kenya-brokered truce expired on Saturday.", ["Oman", "Kenya"]),
    ("The army declared that the Oman-Kenya brokered truce was over.", ["Oman", "Kenya"]),
])
def test_two_brokers_in_one_compound(blank_nlp, text, brokers):
    [event] = _events(blank_nlp, text, places={"Oman": [], "Kenya": []})
    assert sorted(event.brokers) == sorted(brokers)
    assert event.status == "collapsed"


def test_agreed_ceasefire_and_talks_to_start_under_a_mediation(blank_nlp):
    text = ("The two countries agreed to a ceasefire and to start talks on their border war "
            "under the mediation of Oman, the foreign minister said.")
    events = _events(blank_nlp, text, places={"Oman": []})
    assert sorted((e.type, e.status) for e in events) == [("ceasefire", "agreed"), ("talks", "planned")]
    assert all(e.brokers == ["Oman"] for e in events)


def test_agreed_to_cease_hostilities_is_a_truce(blank_nlp):
    text = "The government and the rebels agreed on Wednesday to cease hostilities after two years of war."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("ceasefire", "agreed")


def test_discussions_take_their_peace_context_from_the_sentence_before(blank_nlp):
    text = ("Envoys of the two armies met in Oslo on ending the war. "
            "They agreed to continue the discussions in the coming days.")
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "planned")
    assert event.text.startswith("They agreed to continue")


# -- wishes, proposals and topics are not truces agreed -------------------------------
@pytest.mark.parametrize("text", [
    "The president said he hoped a lasting ceasefire would be negotiated in the coming days.",
    "The militants said they will only agree to a permanent ceasefire.",
    "The envoy urged both armies to sign a truce before winter.",
    "The government accepts the Norwegian proposal for a 30-day ceasefire.",
])
def test_a_wish_or_a_one_sided_yes_is_still_proposed(blank_nlp, text):
    [event] = _events(blank_nlp, text)
    assert event.status == "proposed"


def test_agreed_to_renew_is_still_extended(blank_nlp):
    [event] = _events(blank_nlp, "The warring sides agreed to renew a two-month truce expiring on Tuesday.")
    assert event.status == "extended"


def test_hostages_held_by_a_group_do_not_make_a_truce_hold(blank_nlp):
    text = ("The sides signed a truce on Monday. Envoys met on the release of hostages held by the militia "
            "and the truce in the south.")
    [event] = _events(blank_nlp, text)
    assert event.status == "agreed"


def test_a_ceasefire_only_named_as_a_topic_is_not_reported(blank_nlp):
    text = "Envoys may travel this week for meetings on the release of hostages and a ceasefire in the war."
    assert _events(blank_nlp, text) == []


def test_a_truce_talks_are_regarding_is_not_an_event(blank_nlp):
    text = "Negotiations in Oslo regarding a ceasefire in the war were held on Friday."
    assert [(e.type, e.status) for e in _events(blank_nlp, text)] == [("talks", "held")]


def test_a_breakdown_in_negotiations_is_failed_talks(blank_nlp):
    text = "Officials have not given up despite a recent breakdown in negotiations to end the war."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "failed")


def test_a_document_committing_sides_to_a_halt_in_hostilities_is_a_truce_agreed(blank_nlp):
    text = "The declaration commits both sides to an immediate halt in hostilities, negotiators said."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("ceasefire", "agreed")


def test_a_truce_committee_is_not_a_truce(blank_nlp):
    text = ("The mission announced the formation of a truce committee. "
            "A ceasefire reached on May 14 remains fragile, the mission said.")
    [event] = _events(blank_nlp, text)
    assert event.text.startswith("A ceasefire reached")


def test_a_truce_between_other_parties_is_another_truce(blank_nlp):
    text = ("A ceasefire between Ruritania and Freedonia took effect on Monday. "
            "Separately, a ceasefire between Ruritania and Sylvania was announced on Tuesday.")
    places = {"Ruritania": [], "Freedonia": [], "Sylvania": []}
    first, second = _events(blank_nlp, text, places=places)
    assert (first.status, first.parties) == ("took_effect", ["Ruritania", "Freedonia"])
    assert (second.status, second.parties) == ("agreed", ["Ruritania", "Sylvania"])


def test_the_truce_between_differently_named_sides_is_the_same_truce(blank_nlp):
    text = ("A ceasefire between Ruritania and the Red Militia appeared to be holding on Wednesday. "
            "Hours before the ceasefire between Ruritania and Sylvania took effect, jets struck the capital.")
    places = {"Ruritania": [], "Sylvania": []}
    [event] = _events(blank_nlp, text, places=places, orgs={"Red Militia": []})
    assert event.status == "took_effect"


def test_the_talks_that_were_held_are_not_the_round_still_planned(blank_nlp):
    text = ("The foreign ministers concluded talks in Oslo on Thursday on ending the war, saying that they "
            "agreed to continue negotiations next month. "
            "“We support peace talks wherever possible,” the host said after the talks.")
    events = _events(blank_nlp, text)
    assert sorted(e.status for e in events) == ["held", "planned"]


def test_an_aside_between_dashes_does_not_hide_the_truce(blank_nlp):
    text = ("The truce \u2014 signed on Friday by both armies after five months of fighting \u2014 "
            "was first shattered late Saturday by shelling.")
    [event] = _events(blank_nlp, text)
    assert event.status == "violated"


def test_talks_to_be_mediated_are_planned(blank_nlp):
    text = "Envoys called for the fighting to stop and for peace talks to be mediated by Oman."
    [event] = _events(blank_nlp, text, places={"Oman": []})
    assert (event.type, event.status, event.brokers) == ("talks", "planned", ["Oman"])


def test_a_suspension_of_hostilities_that_broke_down(blank_nlp):
    text = ("A suspension of hostilities was agreed last Saturday, "
            "but it broke down quickly as both sides kept shelling.")
    [event] = _events(blank_nlp, text)
    assert event.status == "collapsed"


def test_a_numbered_round_is_not_the_new_round_planned(blank_nlp):
    text = ("The truce expired on Tuesday, ahead of the start of a new round of talks on the war. "
            "Oslo hosted the fifth round of talks between the government and the rebels.")
    events = [e for e in _events(blank_nlp, text) if e.type == "talks"]
    assert sorted(e.status for e in events) == ["held", "planned"]


def test_the_same_numbered_round_mentioned_twice_is_one_round(blank_nlp):
    text = ("Officials will meet the rebels next week for a second round of talks to end the war. "
            "“The second round of talks is set for July 30,” an official said.")
    [event] = _events(blank_nlp, text)
    assert event.status == "planned"


def test_evidence_is_where_the_story_introduces_the_event_status_its_latest_word(blank_nlp):
    text = ("Ruritania and Freedonia agreed to a ceasefire on Monday after a week of shelling. "
            "By Wednesday the truce had collapsed, officials said.")
    [event] = _events(blank_nlp, text, dates={"Monday": "2021-03-01", "Wednesday": "2021-03-03"})
    assert event.status == "collapsed"
    assert event.text.startswith("Ruritania and Freedonia agreed to a ceasefire")
    assert event.date == "2021-03-03"


def test_a_photo_caption_never_introduces_the_event(blank_nlp):
    caption = "TRUCE. Families walk home during the truce, March 1."
    text = caption + "\n\nThe two sides agreed on Monday to extend the truce by three days, mediators said."
    [event] = _events(blank_nlp, text, captions=[[0, len(caption)]])
    assert event.status == "extended"
    assert event.text.startswith("The two sides agreed on Monday to extend the truce")


# -- held-out failure patterns (made-up sentences in wire style) ---------------------------------
def test_agreeing_to_resume_talks_on_a_fragile_truce_is_planned_talks_and_an_existing_truce(blank_nlp):
    text = ("The guerrillas have agreed to resume talks with the junta to review the nation's "
            "fragile truce, a spokesman said.")
    events = _events(blank_nlp, text)
    by_type = {e.type: e for e in events}
    assert set(by_type) == {"talks", "ceasefire"} and len(events) == 2
    assert by_type["talks"].status == "planned"
    assert by_type["ceasefire"].status in ("agreed", "took_effect")


def test_return_to_the_negotiating_table_is_planned_talks_and_the_truce_did_not_collapse(blank_nlp):
    text = ("The guerrillas have agreed to return to the negotiating table, abandoned in 2003, "
            "to review the nation's fragile ceasefire, a spokesman said.")
    events = _events(blank_nlp, text)
    by_type = {e.type: e.status for e in events}
    assert len(events) == 2 and by_type["talks"] == "planned"
    assert by_type["ceasefire"] in ("agreed", "took_effect")


def test_talks_that_will_resume_are_planned(blank_nlp):
    text = "Ruritanian officials said talks with the rebels over the war will resume after the holiday."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "planned")


def test_demonym_negotiators_broker_for_their_country(blank_nlp):
    text = "Finnish negotiators brokered a truce in 1998 to halt the border war."
    [event] = _events(blank_nlp, text, dates={"1998": "1998"})
    assert (event.type, event.status, event.date) == ("ceasefire", "agreed", "1998")
    assert event.brokers == ["Finland"]


def test_lowercase_word_before_negotiators_is_no_demonym(blank_nlp):
    text = "Seasoned negotiators brokered a truce in 1998 to halt the border war."
    [event] = _events(blank_nlp, text)
    assert event.brokers == []


def test_inconclusive_rounds_join_the_earlier_talks_that_broke_down(blank_nlp):
    text = ("Danish envoys brokered a truce in 1998 to halt the border war. "
            "The earlier peace talks broke down about a year after the truce was signed. "
            "Four rounds of inconclusive talks were held.")
    events = _events(blank_nlp, text)
    talks = [e for e in events if e.type == "talks"]
    assert len(talks) == 1
    assert talks[0].status == "failed"
    assert talks[0].text.startswith("The earlier peace talks broke down")
    assert [e.brokers for e in events if e.type == "ceasefire"] == [["Denmark"]]


def test_meeting_in_preparation_for_talks_makes_the_talks_planned(blank_nlp):
    text = "Army and militia envoys met on Friday in preparation for talks for a peaceful settlement of the war."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "planned")


def test_an_attempt_to_broker_an_end_to_fighting_is_planned_talks_and_later_opening_merges(blank_nlp):
    text = ("The war has killed thousands. Mediators are to make a new attempt in Geneva next month "
            "to broker an end to the fighting. The talks are due to open on Aug. 14.")
    [event] = _events(blank_nlp, text, places={"Geneva": []})
    assert (event.type, event.status, event.location) == ("talks", "planned", "Geneva")
    assert event.text.startswith("Mediators are to make a new attempt")


def test_caption_like_sentence_is_not_the_evidence(blank_nlp):
    text = ("President Alpha (C) raises held hands with President Beta (L) after signing a ceasefire "
            "in Zenda, March 3, 2021. The two leaders signed the ceasefire on Wednesday, officials said.")
    [event] = _events(blank_nlp, text)
    assert event.type == "ceasefire"
    assert event.text.startswith("The two leaders signed")


def test_caption_with_agency_credit_is_not_the_evidence(blank_nlp):
    text = ("Soldiers guard a checkpoint on the road to the town of Zenda after the truce took effect "
            "along the front line near the border with Ruritania / AFP / JOHN DOE\n\n"
            "The truce agreed by both sides took effect on Sunday, officials said.")
    [event] = _events(blank_nlp, text)
    assert event.text.startswith("The truce agreed")


def test_truce_from_midnight_violated_hours_later_takes_that_days_date(blank_nlp):
    text = "A ceasefire began at midnight on Saturday and was violated hours later, the army said."
    [event] = _events(blank_nlp, text, dates={"Saturday": "2021-03-06"})
    assert (event.status, event.date) == ("violated", "2021-03-06")


def test_a_body_sentence_ending_with_a_date_is_no_caption(blank_nlp):
    text = "The rebels said peace talks would open on August 14, 2026. The talks will be held in Geneva."
    [event] = _events(blank_nlp, text)
    assert event.status == "planned" and event.text.startswith("The rebels said")


def test_scene_with_comma_and_dated_ending_is_a_caption(blank_nlp):
    text = ("Refugees cross the bridge into Zenda as the truce takes effect, March 3, 2021. "
            "The truce that took effect on Wednesday was agreed by both sides on Monday, officials said.")
    [event] = _events(blank_nlp, text)
    assert event.text.startswith("The truce that took effect")


def test_a_new_attempt_to_broker_joins_the_planned_talks(blank_nlp):
    text = ("Army and militia envoys met on Friday in preparation for talks on ending the war. "
            "Mediators will make a new attempt next month to broker an end to the fighting.")
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "planned")
    assert event.text.startswith("Army and militia envoys met")


def test_two_word_demonym_envoys_broker_for_their_country(blank_nlp):
    text = "South African envoys mediated a truce last year to halt the civil war."
    [event] = _events(blank_nlp, text)
    assert event.brokers == ["South Africa"]


def test_a_fragile_truce_is_in_force(blank_nlp):
    text = "Both armies have respected the region's fragile truce since the spring, observers said."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("ceasefire", "took_effect")


def test_a_fragile_truce_that_collapsed_is_collapsed(blank_nlp):
    text = "The fragile truce collapsed on Sunday when shelling resumed, observers said."
    [event] = _events(blank_nlp, text)
    assert event.status == "collapsed"


def test_meeting_ahead_of_the_new_peace_talks_makes_them_planned(blank_nlp):
    text = "The foreign ministers met in Zenda on Friday in preparation for the new peace talks on the war."
    [event] = _events(blank_nlp, text)
    assert (event.type, event.status) == ("talks", "planned")


def test_planned_talks_take_the_opening_date_not_the_preparatory_meeting_date(blank_nlp):
    text = ("Army and militia envoys met on Friday in preparation for talks on ending the war. "
            "The talks are due to open on Aug. 14.")
    [event] = _events(blank_nlp, text, dates={"Friday": "2021-07-30", "Aug. 14": "2021-08-14"})
    assert (event.status, event.date) == ("planned", "2021-08-14")
    assert event.text.startswith("Army and militia envoys met")


def test_parleys_are_peace_talks(blank_nlp):
    text = ("The rebels agreed to a ceasefire in 2019. "
            "The earlier peace parleys broke down a year later amid renewed fighting.")
    events = _events(blank_nlp, text, dates={"2019": "2019"})
    talks = [e for e in events if e.type == "talks"]
    assert [t.status for t in talks] == ["failed"]
    assert [e.status for e in events if e.type == "ceasefire"] == ["agreed"]
