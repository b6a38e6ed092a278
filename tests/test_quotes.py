"""karabakh_quotes: quotations and their speakers, on hand-written wire-style sentences."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.components.quotes import QuoteFinder, find_quotations, is_scare_quote, sentence_spans
from karabakh_extract.records import Mention, Organization, Person


def _mentions(text: str, forms: list[str]) -> list[Mention]:
    found = []
    for form in forms:
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            if not any(m.start <= start < m.end for m in found):
                found.append(Mention(start, end, form))
            start = text.find(form, end)
    return sorted(found, key=lambda m: m.start)


def _doc(nlp, text: str, people: dict[str, list[str]] | None = None,
         orgs: dict[str, list[str]] | None = None, titles: dict[str, list[str]] | None = None) -> Doc:
    """A Doc with people/organization records as the earlier components would leave them."""
    doc = nlp(text)
    persons = [Person(name=n, aliases=a, titles=(titles or {}).get(n, []), mentions=_mentions(text, [n, *a]))
               for n, a in (people or {}).items()]
    organizations = [Organization(name=n, aliases=a, mentions=_mentions(text, [n, *a]))
                     for n, a in (orgs or {}).items()]
    setattr(doc._, ext.PEOPLE, persons)
    setattr(doc._, ext.ORGANIZATIONS, organizations)
    setattr(doc._, ext.PLACES, [])
    return doc


def _quotes(nlp, text, **records):
    doc = _doc(nlp, text, **records)
    quotes = QuoteFinder(nlp, "karabakh_quotes").find(doc)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def test_trailing_name_said_gives_full_name(blank_nlp):
    text = ("Tomas Varga is the rebel commander. \u201cWe will hold the bridge at any cost,\u201d "
            "Varga said in a video message.")
    [quote] = _quotes(blank_nlp, text, people={"Tomas Varga": ["Varga"]})
    assert quote.text == "We will hold the bridge at any cost"
    assert quote.speaker == "Tomas Varga"


def test_said_then_name_with_apposition(blank_nlp):
    text = "\u201cThe shelling did not stop all night,\u201d said Lena Morozova, the regional governor."
    [quote] = _quotes(blank_nlp, text, people={"Lena Morozova": ["Morozova"]})
    assert quote.speaker == "Lena Morozova"


def test_pronoun_speaker_is_last_named_person(blank_nlp):
    text = ("Defense Minister Ari Kallas visited the front on Tuesday. "
            "\u201cOur soldiers are holding every position,\u201d he said.")
    [quote] = _quotes(blank_nlp, text, people={"Ari Kallas": ["Kallas"]})
    assert quote.speaker == "Ari Kallas"


def test_speaker_before_colon(blank_nlp):
    text = "Nora Lind said: \u201cThe convoy reached the city before dawn and unloaded food.\u201d"
    [quote] = _quotes(blank_nlp, text, people={"Nora Lind": ["Lind"]})
    assert quote.speaker == "Nora Lind"
    assert quote.text.startswith("The convoy reached")


def test_multi_paragraph_quote_is_one_quote(blank_nlp):
    text = ("\u201cWe buried our neighbours in the garden.\n\n"
            "\u201cThere was nowhere else to take them,\u201d said Omar Haddad, a teacher.")
    [quote] = _quotes(blank_nlp, text, people={"Omar Haddad": ["Haddad"]})
    assert quote.text.startswith("We buried our neighbours")
    assert quote.text.endswith("nowhere else to take them")
    assert quote.speaker == "Omar Haddad"


def test_unbalanced_marks_yield_only_what_is_certain(blank_nlp):
    text = ("\u201cThe first paragraph opens a quote that never closes.\n\n"
            "The next paragraph is plain narration. A stray closing mark\u201d appears here.")
    assert _quotes(blank_nlp, text) == []


def test_unclosed_opening_before_a_real_quote_is_dropped(blank_nlp):
    pairs = find_quotations('He said "nothing here. Then she said "we are leaving the town tonight," and left.')
    assert len(pairs) == 1


def test_scare_quotes_are_not_quotations(blank_nlp):
    text = "Fighters from four \"super brigades\" patrol the streets, witnesses told reporters."
    assert _quotes(blank_nlp, text) == []
    assert is_scare_quote("super brigades")
    assert not is_scare_quote("We will win,")


def test_organisation_official_gives_the_organisation(blank_nlp):
    text = "\u201cNo agreement has been signed yet,\u201d a Hezbollah official said on Sunday."
    [quote] = _quotes(blank_nlp, text, orgs={"Hezbollah": []})
    assert quote.speaker == "Hezbollah"


def test_ministry_spokesperson_gives_the_ministry(blank_nlp):
    text = "\u201cThe corridor will stay open for civilians,\u201d a Turkish defence ministry spokesperson said."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker == "Turkish defence ministry"


def test_it_said_resolves_to_previous_subject(blank_nlp):
    text = ("The U.N. mission in Sudan warned in a statement against new attacks. "
            "\u201cThose responsible will be held to account,\u201d it said.")
    [quote] = _quotes(blank_nlp, text, orgs={"United Nations": ["U.N."]})
    assert quote.speaker == "U.N. mission in Sudan"


def test_statement_from_office_gives_the_person(blank_nlp):
    text = ("A statement from Karlsson\u2019s office, issued late on Friday, said he had "
            "\u201cordered the army to stop all operations in the north\u201d until further notice.")
    [quote] = _quotes(blank_nlp, text, people={"Erik Karlsson": ["Karlsson"]})
    assert quote.speaker == "Erik Karlsson"


def test_unnamed_speaker_is_null(blank_nlp):
    text = "\u201cWe lost everything in one night,\u201d said an elderly man who declined to give his name."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker is None


def test_speaker_from_sentence_before(blank_nlp):
    text = ("The Red Crescent said in a statement on Monday that its teams were blocked. "
            "Its volunteers were \u201cshot at while carrying the wounded to safety\u201d.")
    [quote] = _quotes(blank_nlp, text, orgs={"Red Crescent": []})
    assert quote.speaker == "Red Crescent"


def test_title_resolves_to_person(blank_nlp):
    text = ("Aram Petrosyan heads the enclave. On Thursday, the enclave\u2019s separatist leader said "
            "\u201cthe town will be defended street by street\u201d by volunteers.")
    [quote] = _quotes(blank_nlp, text, people={"Aram Petrosyan": ["Petrosyan"]},
                      titles={"Aram Petrosyan": ["separatist leader"]})
    assert quote.speaker == "Aram Petrosyan"


def test_continuing_clause_keeps_the_earlier_speaker(blank_nlp):
    text = ("Hezbollah, while \u201cwelcoming the offer\u201d, said: \u201cThe delay is caused by the other side,\u201d "
            "later adding more.")
    quotes = _quotes(blank_nlp, text, orgs={"Hezbollah": []})
    assert [q.speaker for q in quotes] == ["Hezbollah"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u201d\u201c\"", "\u201c" * 50, "\"" * 7 + " word"])
def test_odd_input_never_crashes(blank_nlp, text):
    assert isinstance(_quotes(blank_nlp, text), list)


def test_doc_without_sentence_boundaries(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["\u201c", "We", "are", "leaving", "now", ",", "\u201d", "she", "said", "."])
    assert sentence_spans(doc) == [(0, len(doc.text.rstrip()))]
    quotes = QuoteFinder(blank_nlp, "karabakh_quotes").find(doc)
    assert [q.text for q in quotes] == ["We are leaving now"]


def test_subhead_line_is_its_own_sentence(blank_nlp):
    doc = blank_nlp("Rebels on truce\nRebels said on Monday they would stop.")
    spans = sentence_spans(doc)
    assert doc.text[spans[0][0]:spans[0][1]] == "Rebels on truce"


@pytest.mark.model
def test_model_pipeline_quotes(nlp):
    text = ("BAKU, Azerbaijan (AP) \u2014 Azerbaijani President Ilham Aliyev said Tuesday that talks would resume.\n\n"
            "\u201cWe are ready to sign a peace treaty this year,\u201d Aliyev said in a televised address.\n")
    from karabakh_extract import extract

    facts = extract(text, published="2024-03-05")
    assert [q.speaker for q in facts.quotes] == ["Ilham Aliyev"]
    assert all(text[q.start:q.end] == q.text for q in facts.quotes)


def test_quote_across_blanked_furniture_is_dropped(blank_nlp):
    # the story view blanks page furniture to spaces; a pairing across that seam is not certain
    text = "\u201cWe will rebuild the school by spring." + " " * 40 + "\nRead more\u201d about this."
    assert _quotes(blank_nlp, text) == []


def test_comma_then_said_name_after_a_trailing_fragment(blank_nlp):
    text = ("\u201cIt takes a leader with real patience\u201d to end the siege, said Mira Osei, "
            "a former envoy.")
    [quote] = _quotes(blank_nlp, text, people={"Mira Osei": ["Osei"]})
    assert quote.speaker == "Mira Osei"


def test_apposition_after_name_does_not_steal_the_speaker(blank_nlp):
    text = ("\u201cThe guns must fall silent first,\u201d Paul Lenz, President Ana Brill\u2019s envoy to the region, "
            "said on Monday.")
    [quote] = _quotes(blank_nlp, text, people={"Paul Lenz": ["Lenz"], "Ana Brill": ["Brill"]})
    assert quote.speaker == "Paul Lenz"


def test_pronoun_after_an_apposition(blank_nlp):
    text = "Jon Ek won. A former junior champion, she added: \u201cThis title gives me real energy.\u201d"
    doc_people = {"Lea Dahl": ["Dahl"], "Jon Ek": []}
    text = "\u201cI was nervous at first,\u201d Lea Dahl said. " + text
    quotes = _quotes(blank_nlp, text, people=doc_people)
    assert [q.speaker for q in quotes] == ["Lea Dahl", "Lea Dahl"]


def test_pronoun_continues_the_speaker_just_quoted(blank_nlp):
    text = ("\u201cThe tram left the rails,\u201d Adil Sami told reporters near the station where Tom Reed works. "
            "\u201cIt was so loud I thought a lorry had hit the house,\u201d he said.")
    quotes = _quotes(blank_nlp, text, people={"Adil Sami": ["Sami"], "Tom Reed": ["Reed"]})
    assert [q.speaker for q in quotes] == ["Adil Sami", "Adil Sami"]


def test_sentence_opening_words_are_not_a_speaker(blank_nlp):
    text = "Did I say \u201cthe launch was a total success for everyone\u201d? Nobody agreed."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker is None


def test_said_then_a_day_is_not_a_speaker(blank_nlp):
    text = ("\u201cTest flights usually carry concrete blocks,\u201d Ola Berg, head of the agency, "
            "said Friday on Instagram.")
    [quote] = _quotes(blank_nlp, text, people={"Ola Berg": ["Berg"]})
    assert quote.speaker == "Ola Berg"


def test_capitalised_verb_forms_inside_names_are_not_verbs(blank_nlp):
    text = "\u201cBoth sides refuse to compromise,\u201d a U.S. State Department spokesperson said in a statement."
    [quote] = _quotes(blank_nlp, text, orgs={"State Department": ["U.S. State Department"]})
    assert quote.speaker == "State Department"


def test_according_to_before_the_quote(blank_nlp):
    text = "According to the Red Crescent, the shelter was \u201chit twice while families slept inside\u201d."
    [quote] = _quotes(blank_nlp, text, orgs={"Red Crescent": []})
    assert quote.speaker == "Red Crescent"


def test_he_skips_an_organisation_quoted_just_before(blank_nlp):
    text = ("\u201cWe will push on in the coming days,\u201d the army said. "
            "Rebel spokesman Idris Kamal told reporters the group would fight on. "
            "He added: \u201cThe enemy is shelling civilians every night.\u201d")
    quotes = _quotes(blank_nlp, text, people={"Idris Kamal": ["Kamal"]})
    assert [q.speaker for q in quotes] == ["army", "Idris Kamal"]


def test_lowercase_alias_of_an_organisation(blank_nlp):
    text = "\u201cOur air strikes hit only military targets,\u201d the coalition said in a statement."
    [quote] = _quotes(blank_nlp, text, orgs={"Saudi-led coalition": ["coalition"]})
    assert quote.speaker == "Saudi-led coalition"


def test_possessor_is_not_the_speaker_when_the_apposition_names_one(blank_nlp):
    text = ("\u201cWe are in shock and disbelief right now,\u201d Omar Said\u2019s sister, Lina Said Haddad, "
            "wrote on Facebook.")
    [quote] = _quotes(blank_nlp, text, people={"Omar Said": [], "Lina Said Haddad": []})
    assert quote.speaker == "Lina Said Haddad"


def test_unnamed_spokesman_speaks_for_the_organisation_before(blank_nlp):
    text = ("The Transport Police confirmed there had been deaths. "
            "A spokesman added: \u201cIt is too early for us to confirm the numbers.\u201d")
    [quote] = _quotes(blank_nlp, text, orgs={"Transport Police": []})
    assert quote.speaker == "Transport Police"


def test_title_case_names_in_quotes_are_not_quotations(blank_nlp):
    assert is_scare_quote("Curse of the Billy Goat")
    assert is_scare_quote("Operation Iron Swords Phase Two")
    assert not is_scare_quote("We Will Never Leave This City.")
    assert not is_scare_quote("the army will not stop the operation")


def test_colon_paragraph_then_quote_paragraph(blank_nlp):
    text = ("Rebel spokesman Idris Kamal said in a statement:\n\n"
            "\u201cWe have no intention of taking the city. We will defend our positions.\u201d\n\n"
            "\u201cThe civilians must be protected.\u201d")
    quotes = _quotes(blank_nlp, text, people={"Idris Kamal": ["Kamal"]})
    assert [q.speaker for q in quotes] == ["Idris Kamal", "Idris Kamal"]


@pytest.mark.parametrize("text", [
    "A senior Varga aide and head of the delegation, Petra Holm, said: \u201cWe will sign nothing today.\u201d",
    "\u201cWe will sign nothing today,\u201d said a senior Varga aide, Petra Holm.",
    "\u201cWe will sign nothing today,\u201d a senior Varga aide, Petra Holm, told reporters.",
])
def test_a_name_used_as_a_modifier_is_not_the_speaker(blank_nlp, text):
    [quote] = _quotes(blank_nlp, text, people={"Tomas Varga": ["Varga"], "Petra Holm": ["Holm"]})
    assert quote.speaker == "Petra Holm"


def test_role_then_unrecorded_full_name_beats_the_possessor(blank_nlp):
    text = "\u201cThe minister will not travel,\u201d Varga\u2019s office spokesman Ivo Brandt said."
    [quote] = _quotes(blank_nlp, text, people={"Tomas Varga": ["Varga"]})
    assert quote.speaker == "Ivo Brandt"


@pytest.mark.parametrize("source, speaker", [
    ("the government\u2019s communications service", "government\u2019s communications service"),
    ("the country\u2019s health ministry", "country\u2019s health ministry"),
    ("the army", "army"),
])
def test_lowercase_owned_organisation_phrase_is_the_speaker(blank_nlp, source, speaker):
    text = f"\u201cDrones struck the port overnight,\u201d {source} said."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker == speaker


def test_and_then_a_verb_after_the_quote_keeps_the_subject_before(blank_nlp):
    text = ("The Iron Brigade, led by the general\u2019s deputy Ivo Brandt, in turn said they will "
            "\u201cdefend every street of the city\u201d and accused the army of shelling homes.")
    [quote] = _quotes(blank_nlp, text, people={"Ivo Brandt": ["Brandt"]}, orgs={"Iron Brigade": []})
    assert quote.speaker == "Iron Brigade"


def test_praise_verbs_attribute_the_quote_to_their_own_subject(blank_nlp):
    text = ("\u201cWe will not stop until the war ends,\u201d said Ivo Brandt. "
            "The Red Cross welcomed the truce as a chance to \u201creach the wounded in every village.\u201d")
    first, second = _quotes(blank_nlp, text, people={"Ivo Brandt": ["Brandt"]}, orgs={"Red Cross": []})
    assert first.speaker == "Ivo Brandt"
    assert second.speaker == "Red Cross"


def test_he_said_after_a_sentence_where_someone_told_reporters(blank_nlp):
    text = ("Ivo Brandt met the envoys on Monday. "
            "Before leaving, Brandt told reporters that Lena Morozova had not called him. "
            "\u201cWe have no trust in them. They are not sincere,\u201d he said.")
    # the people records missed the bare surname: only the full-name mention is recorded
    [quote] = _quotes(blank_nlp, text, people={"Lena Morozova": ["Morozova"], "Ivo Brandt": []})
    assert quote.speaker == "Ivo Brandt"


def test_expressed_optimism_that_quote_is_the_subjects(blank_nlp):
    text = ("\u201cWe will not stop until the war ends,\u201d said Ivo Brandt. "
            "Lena Morozova expressed optimism on Friday that "
            "\u201cthe first meeting of ministers will bring a result.\u201d")
    first, second = _quotes(blank_nlp, text, people={"Ivo Brandt": ["Brandt"], "Lena Morozova": ["Morozova"]})
    assert second.speaker == "Lena Morozova"


def test_a_one_word_name_in_quote_marks_is_not_a_quotation(blank_nlp):
    text = "The fighter, who gave only the nom de guerre \u201cFalcon,\u201d said the truce was dead."
    assert _quotes(blank_nlp, text) == []


def test_plural_organisation_head_gives_a_speaker(blank_nlp):
    text = "\u201cThe decision was taken after the talks,\u201d both foreign ministries said in a statement."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker == "both foreign ministries"


def test_an_unnamed_official_keeps_the_role_word_after_a_demonym(blank_nlp):
    text = "\u201cThe agreement comes as a result of our efforts,\u201d said the top Egyptian official."
    [quote] = _quotes(blank_nlp, text)
    assert quote.speaker == "top Egyptian official"


def test_a_possessive_before_a_verb_form_makes_it_a_modifier(blank_nlp):
    text = ("\u201cWe will not sign,\u201d said Ivo Brandt. Later the minister Lena Morozova told reporters that "
            "\u201cwe have decided to suspend the decree\u201d in view of the militia\u2019s stated position.")
    first, second = _quotes(blank_nlp, text, people={"Ivo Brandt": ["Brandt"], "Lena Morozova": ["Morozova"]})
    assert second.speaker == "Lena Morozova"
