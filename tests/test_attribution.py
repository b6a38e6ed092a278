"""attribution.py: who a figure or statement is attributed to, on hand-written sentences."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from karabakh_extract import extensions as ext
from karabakh_extract.attribution import Attributor, find_claimant
from karabakh_extract.records import Mention, Organization, Person


def _span_of(doc: Doc, word: str, nth: int = 0) -> Span:
    hits = [t for t in doc if t.text == word]
    token = hits[nth]
    return doc[token.i:token.i + 1]


def _with_people(doc: Doc, **people: str) -> Doc:
    """Attach Person records for each full name (mentions = every occurrence of each form)."""
    records = []
    for full, aliases in people.items():
        forms = [full.replace("_", " ")] + [a for a in aliases.split("|") if a]
        mentions = []
        for form in forms:
            start = doc.text.find(form)
            while start != -1:
                mentions.append(Mention(start, start + len(form), form))
                start = doc.text.find(form, start + 1)
        records.append(Person(name=forms[0], aliases=forms[1:], mentions=mentions))
    setattr(doc._, ext.PEOPLE, records)
    return doc


def test_according_to_before_the_figure(blank_nlp):
    doc = blank_nlp("According to provincial officials, 57 soldiers and 12 civilians have died.")
    assert find_claimant(doc, _span_of(doc, "57")) == "provincial officials"
    assert find_claimant(doc, _span_of(doc, "12")) == "provincial officials"


def test_according_to_after_the_figure(blank_nlp):
    doc = blank_nlp("A convoy of about 40 families reached the border, according to aid workers.")
    assert find_claimant(doc, _span_of(doc, "40")) == "aid workers"


def test_trailing_said_after_a_comma(blank_nlp):
    doc = blank_nlp("At least four people were killed in the shelling, paramedics said on Tuesday.")
    assert find_claimant(doc, _span_of(doc, "four")) == "paramedics"


def test_inverted_said_the_source(blank_nlp):
    doc = blank_nlp("Nine soldiers were wounded, said the defence ministry.")
    assert find_claimant(doc, _span_of(doc, "Nine")) == "the defence ministry"


def test_source_before_the_claim(blank_nlp):
    doc = blank_nlp("The regional health office said 31 people died in the floods.")
    assert find_claimant(doc, _span_of(doc, "31")) == "The regional health office"


def test_source_after_a_clause_word(blank_nlp):
    doc = blank_nlp("The talks stalled shortly after the U.N. refugee agency said 600 people had fled.")
    assert find_claimant(doc, _span_of(doc, "600")) == "the U.N. refugee agency"


def test_hard_wrapped_source_phrase(blank_nlp):
    doc = blank_nlp("Talks began after the regional health\nagency said 75 people had died.")
    assert find_claimant(doc, _span_of(doc, "75")) == "the regional health agency"


def test_person_at_the_head_gives_the_full_name(blank_nlp):
    doc = blank_nlp("Fire brigade spokesman Omar Haddad said six people were hurt. Later 3 more died, Haddad added.")
    _with_people(doc, Omar_Haddad="Haddad")
    assert find_claimant(doc, _span_of(doc, "six")) == "Omar Haddad"
    assert find_claimant(doc, _span_of(doc, "3")) == "Omar Haddad"


def test_pronoun_resolves_to_the_last_named_source(blank_nlp):
    doc = blank_nlp("Relief official Nadia Petrova said two camps were full. About 70 families were turned away, she said.")
    _with_people(doc, Nadia_Petrova="Petrova")
    assert find_claimant(doc, _span_of(doc, "70")) == "Nadia Petrova"


def test_appositive_name_before_the_verb(blank_nlp):
    doc = blank_nlp("The mayor of the port city, Lena Brandt, had said 14 fishermen were missing.")
    _with_people(doc, Lena_Brandt="")
    assert find_claimant(doc, _span_of(doc, "14")) == "Lena Brandt"


def test_organisation_record_names_the_source(blank_nlp):
    doc = blank_nlp("Another 9 were killed, the Centre said.")
    start = doc.text.find("Centre")
    setattr(doc._, ext.ORGANIZATIONS, [Organization(
        name="Centre for Conflict Monitoring", aliases=["Centre"],
        mentions=[Mention(start, start + len("Centre"), "Centre")])])
    assert find_claimant(doc, _span_of(doc, "9")) == "Centre for Conflict Monitoring"


def test_adjective_before_a_name_is_not_the_source(blank_nlp):
    """NER may tag a demonym as a person: only a name at the end of the phrase counts."""
    words = ["Kurdish", "officials", "said", "8", "fighters", "died", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
              sent_starts=[True] + [False] * 6, ents=["B-PERSON"] + ["O"] * 6)
    assert find_claimant(doc, doc[3:4]) == "Kurdish officials"


def test_but_say_uses_the_subject_of_the_sentence(blank_nlp):
    doc = blank_nlp("Rebel commanders have not confirmed their losses, but say the raid killed 12 guards.")
    assert find_claimant(doc, _span_of(doc, "12")) == "Rebel commanders"


def test_paragraph_ending_source_covers_earlier_sentences(blank_nlp):
    doc = blank_nlp("The dead included 40 police officers. Another 7 died in air raids, the monitor said.\n\n"
                    "Separately, 5 boats sank.")
    assert find_claimant(doc, _span_of(doc, "40")) == "the monitor"
    assert find_claimant(doc, _span_of(doc, "5")) is None


def test_no_source_gives_none(blank_nlp):
    doc = blank_nlp("Twenty houses burned overnight.")
    assert find_claimant(doc, doc[0:1]) is None


def test_odd_input_does_not_crash(blank_nlp):
    doc = blank_nlp("")
    assert find_claimant(doc, doc[0:0]) is None
    doc = blank_nlp("said said , said “ according to")
    attributor = Attributor(doc)
    for token in doc:
        attributor.claimant_for(doc[token.i:token.i + 1])


def test_story_sentences_cut_at_paragraphs_not_at_wrapped_lines(blank_nlp):
    from karabakh_extract.attribution import story_sentences

    one_per_line = blank_nlp("Shelling resumed\nOfficials said 4 died in the regional\ncapital overnight.")
    assert [s.text.strip() for s in story_sentences(one_per_line)] == [
        "Shelling resumed", "Officials said 4 died in the regional\ncapital overnight."]
    wrapped = blank_nlp("Shelling resumed in the\nEast, officials said\n\nTalks stalled.")
    assert [s.text.strip() for s in story_sentences(wrapped)] == [
        "Shelling resumed in the\nEast, officials said", "Talks stalled."]
