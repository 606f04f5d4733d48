"""Whose words a quotation is, in forms of attribution the cue reader misread: the statement
named inside "in the words of the statement", the authors' plain present ("the two
ministries note"), a second "that" clause of the authors' own, the statement's wording set
out after a colon, "per the text", "the text ends by", a forum's "the doc", a part of the
text with a relative clause ("the clause that matters most reads"), and a live blog's
"09:12 — Professor X:" label, and a tag after the quotation naming the speaker's body
("said X of the Y Institute"). Each gave the statement's words to a person (so an
invention in them went unflagged), or a person's to the statement.
"""

from __future__ import annotations

import pytest
from conftest import make_document

from provenance.model import Document
from provenance.quotes.verdicts import QuoteVerdict, check_quotes

_BEFORE = 'A reader replied: "That is a stretch."\n\n'
"""A person's words just before: a quotation with no cue of its own would inherit them."""


@pytest.mark.parametrize(
    "page",
    [
        'In the words of the statement, "The Parties express support for the North and the '
        'South of the Korean Peninsula to conduct dialogue and consultations".\n',
        'In the words of the document: "The Parties express support for the North and the '
        'South of the Korean Peninsula to conduct dialogue and consultations".\n',
        'The two ministries note that "the Parties are seriously worried by the DPRK’s '
        'statement".\n',
        'Russia and China wrote that "the situation on the Korean Peninsula" worries them, and '
        'that all concerned should "demonstrate a readiness for dialogue without '
        'preconditions".\n',
        _BEFORE + 'The precise language on countermeasures is: "have agreed to adopt the '
        'necessary measures to protect the two countries’ security interests".\n',
        'Is there anything new? Per the text, "Russia and China will closely coordinate their '
        'efforts".\n',
        _BEFORE + 'The text ends by recording that it "was signed on July 4, 2017, in Moscow".\n',
        _BEFORE + 'Also the doc says the Parties "are against any military presence of '
        'extra-regional forces in Northeast Asia", so they want a pullout.\n',
        _BEFORE + 'The clause that matters most reads: "The Parties are calling on all parties '
        "involved to comply with the commitments formulated in the Joint Statement of "
        'September 19, 2005".\n',
        # the document's place and date after its participle are no speaker
        _BEFORE + 'The joint statement issued in Moscow on July 4 says "Russia and China will '
        'closely coordinate their efforts".\n',
        _BEFORE + 'The declaration released in Beijing late on Tuesday warns that "any '
        'possibility of using military means" must be ruled out.\n',
        # the document frames the clause a person reports: what it says, by their account
        "Its backers keep telling Western audiences that under the statement Washington and "
        'Seoul "should, accordingly, refrain from large-scale joint exercises".\n',
        'An aide explained that, in the declaration, the DPRK "announces a moratorium on the '
        'testing of nuclear explosive devices".\n',
        # a version of the statement, and a passive "be announced" after it that speaks
        # nothing
        'The Chinese version adds that the moratorium must be announced "by the end of 2017".\n',
        'The Russian version reads "the DPRK’s justified concerns should be respected".\n',
        # a bare tag naming the document in the sentence after; "as the text puts it";
        # an agency reporting what the authors say
        '"Russia and China will protect Pyongyang at any cost." So says the statement.\n',
        'The two sides want Washington to "halt all drills by June", as the text puts it.\n',
        'Xinhua said the two sides "demand the lifting of all sanctions on Pyongyang".\n',
        'Xinhua said the two sides "stand firmly for the lifting of all sanctions".\n',
        # a live blog's timestamped label naming a part of the statement
        'The statement says the Parties "are seriously worried" by the launch.\n\n'
        '15:12 Point 6: "Russia and China will veto any UN resolution on new sanctions."\n',
        # the authors joined by an ampersand
        'Moscow & Beijing say the DPRK’s "justified concerns should be respected".\n',
        # "in their words", their the authors named before it
        'Moscow and Beijing want a region where, in their words, all the powers "refrain '
        'from military activity of any kind".\n',
        'The authors want a region where, in their words, all the powers "refrain from '
        'military activity of any kind".\n',
        # a rendering of the statement or of a part of it
        'An infographic renders point 5 as "The Parties express support for the North and the '
        'South of the Korean Peninsula to conduct dialogue".\n',
        "Some outlets summarised the key passage as Moscow and Beijing finding the launch "
        '"unacceptable and in disharmony with the relevant UN Security Council resolutions".\n',
        # a source quoting the statement
        "An earlier version of this story quoted the joint statement as saying Russia and "
        'China "will take military countermeasures".\n',
    ],
)
def test_the_statement_s_words_are_the_statement_s(reference: Document, page: str) -> None:
    assert _last_speaker(reference, page) == ("document", True)


@pytest.mark.parametrize(
    "page",
    [
        # Verbs of asking, the authors their subject; the words are not the statement's,
        # so only the cue can give them to it (and flag them).
        _BEFORE + 'The ministries ask all governments "to lift every sanction on Pyongyang '
        'by the end of the year".\n',
        _BEFORE + 'Russia and China appeal to Seoul "to expel the American troops within '
        'twelve months".\n',
        _BEFORE + 'The two sides request "an emergency session of the General Assembly".\n',
    ],
)
def test_the_authors_asking_speak_for_the_statement(reference: Document, page: str) -> None:
    assert _last_speaker(reference, page) == ("document", True)


@pytest.mark.parametrize(
    "page",
    [
        "According to the statement's critics, \"the Parties should refrain from any actions "
        'that could aggravate tension".\n',
        '**09:05** — The statement says "the Parties are seriously worried".\n\n**09:12** — '
        'Professor Anna Lind of the Nordic Asia Centre: "Moscow and Beijing oppose any military '
        'presence of outside powers in Northeast Asia."\n',
        '10:02 - The declaration says "the situation is a matter of concern".\n10:09 - Senior '
        'fellow Ian Marsh, Lowy Institute: "the Parties should refrain from provocative actions '
        'and bellicose rhetoric."\n',
        # A tag after the quotation naming the speaker's body ("of the ...") past the four
        # words a postposed subject may have: the statement named before spoke it instead.
        'The ministries issued their statement on Tuesday. "Nobody in Washington will take '
        'this seriously," said Maren Holt of the Atlantic Policy Forum.\n',
        'The declaration was read out in Moscow.\n\n"It changes nothing on the ground," '
        "said defence analyst Tomas Reyes of the Institute for Maritime Studies.\n",
        'The text warns of "mounting political and military tension".\n\n"Any step that '
        'lowers the temperature is welcome," said a spokesman for the Japanese government.\n',
        # the document is where a person looked, and the words are the person's
        'The envoy told reporters that in the statement he saw "a reasonable way out".\n',
        'The envoy told reporters that in the statement "nothing at all is new".\n',
        # a speaker named after the verb in six words
        '"We welcome any initiative," said South Korean presidential spokesman Park Soo-hyun, '
        "while the document insisted on restraint.\n",
        "«This is a gift to Pyongyang», responded South Korean lawmaker Kim Jong-dae.\n",
        # one author's envoy, after a phrase and its comma, is no author
        "At the Security Council, Russia's deputy envoy Ivan Petrov says the statement's "
        'roadmap "is on the table".\n',
        # whom a source quotes, by a colon or "saying", after the statement's own words
        'It reports the statement asks Seoul to "refrain from large-scale joint exercises", '
        'and quotes an unnamed Blue House official: "We cannot trade drills for a pause."\n',
        'The paper leads with the statement\'s call for "a lasting peace" and cites a ministry '
        'source saying the roadmap "was a year in the making".\n',
    ],
)
def test_a_person_s_words_are_the_person_s(reference: Document, page: str) -> None:
    assert _last_speaker(reference, page) == ("person", False)


@pytest.mark.parametrize(
    "page",
    [
        'The statement came out on Tuesday. Critics ask "whether anyone in Pyongyang will '
        'listen at all".\n',
        'The statement came out on Tuesday. Protesters in Seoul demand "an end to all the '
        'drills this year".\n',
        'The statement came out on Tuesday. We ask readers "to send us their own '
        'translations of the text".\n',
        # other parties named together: not the authors, and no subjunctive
        'The joint statement came out on Tuesday. Washington and Seoul insist "the drills '
        'are purely defensive and will go ahead".\n',
        'The statement came out on Tuesday. Tokyo and Canberra warn "a freeze would only '
        'reward Pyongyang".\n',
        # named just before a quotation that opens on their verb
        'The joint statement came out on Tuesday. Lavrov "called the plan realistic and fair".\n',
        'The joint statement came out on Tuesday. Resolution 2270 "demands that the DPRK '
        'abandon all nuclear weapons".\n',
    ],
)
def test_people_asking_in_the_plural_speak_for_themselves(reference: Document, page: str) -> None:
    """A plural verb ("ask", "demand", "urge") speaks for "they" or the authors only, lest
    a subjunctive ("that the DPRK declare") speak; people ("critics", "we") speak too, and
    their words are not the statement named the sentence before."""
    assert _last_speaker(reference, page) == ("person", False)


def _last_speaker(reference: Document, page: str) -> tuple[str | None, bool]:
    """The speaker of the page's last quotation, and whether it is the statement's."""
    quotation = check_quotes(reference, make_document(page, "forms"))[-1]
    speaker = quotation.attribution.speaker if quotation.attribution else None
    return speaker, quotation.attributed


def test_a_text_message_is_not_the_text(reference: Document) -> None:
    page = 'Per the text message she sent, "we will closely coordinate our efforts".\n'
    (quotation,) = check_quotes(reference, make_document(page, "message"))
    assert not quotation.attributed


@pytest.mark.parametrize(
    "page",
    [
        "The joint statement, which some papers reported as signed in Beijing, ends: "
        "“This statement was signed on July 4, 2017, in Beijing.”\n",
        "The declaration, which critics describe as toothless, states: “The Parties confirm "
        "that the DPRK’s justified concerns should not be respected.”\n",
        # the cue opening the clause itself ("whose text some bloggers claimed")
        "The document, whose text some bloggers claimed was drafted in Beijing, closes: "
        "“This statement was signed on July 4, 2017, in Beijing.”\n",
    ],
)
def test_a_cue_in_a_relative_clause_does_not_speak_the_quotation(
    reference: Document, page: str
) -> None:
    """The person in a relative clause about the document ("which some papers reported
    as ...") says something of the document, not the quotation after the clause: the
    document's own verb ("ends:", "states:") gives it the words, which are then judged
    (here both misquote it). The clause's cue was the nearest and took the quotation."""
    (quotation,) = check_quotes(reference, make_document(page, "relative"))
    assert quotation.attributed, quotation.attribution
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


@pytest.mark.parametrize(
    "page",
    [
        "The statement, according to Xinhua, “welcomes Washington’s restraint.”\n",
        "The joint declaration, as Reuters noted, “will recall both ambassadors from Seoul”.\n",
        "According to TASS, the joint statement “urges Japan to lift its sanctions”.\n",
    ],
)
def test_the_document_speaks_through_its_reports_source(reference: Document, page: str) -> None:
    """The agency that reports what the document says ("according to Xinhua", "as
    Reuters noted") vouches for the report: the document is the subject of the quotation
    going on its sentence, and the words, given to it, are judged as its (here invented).
    They were the agency's, someone else's words: no finding."""
    (quotation,) = check_quotes(reference, make_document(page, "sourced"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "document"
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


@pytest.mark.parametrize(
    "page",
    [
        "Russia and China, according to TASS, “urge every state to cut its trade with the "
        "DPRK until it disarms”.\n",
        "The two countries, Xinhua reported, “will recall their ambassadors from Seoul”.\n",
    ],
)
def test_the_authors_speak_through_their_reports_source(reference: Document, page: str) -> None:
    """The statement's authors named as the subject, the agency set aside between them
    and their words: the agency reports the authors' position, so the words are judged as
    the document's (here invented). The agency's cue had made them its own."""
    (quotation,) = check_quotes(reference, make_document(page, "authors sourced"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "document"
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


def test_a_person_with_a_reports_source_still_speaks(reference: Document) -> None:
    page = "Lavrov, according to Interfax, “called the plan realistic and fair”.\n"
    (quotation,) = check_quotes(reference, make_document(page, "person sourced"))
    assert not quotation.attributed


@pytest.mark.parametrize(
    "page",
    [
        "The fourth point says Moscow and Beijing “are firmly aimed at the denuclearisation "
        "of the Korean Peninsula and welcome new sanctions”.\n",
        "Section 6 states that the two countries “will recall their ambassadors from Seoul”.\n",
        "Point six states that “the Parties welcome the deployment of THAAD antimissile "
        "systems in Northeast Asia”.\n",
        "Xinhua published its own translation.\n\nAnother line in that version: “Any "
        "possibility of using military means to solve the problems of the Korean Peninsula "
        "should be kept on the table.”\n",
    ],
)
def test_a_part_of_the_document_speaks_it(reference: Document, page: str) -> None:
    """A point, a section or a line of the statement (or of a version of it) named as the
    speaker is the document: each quotation was someone else's, so its invention passed."""
    (quotation,) = check_quotes(reference, make_document(page, "part"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "document"
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


@pytest.mark.parametrize(
    "page",
    [
        "At one point the minister said “the talks will fail without China”.\n",
        # a licence's section: "states" has an object, not the words of the statement
        "Section 6 states terms for the “work that uses the library” and its copies.\n",
    ],
)
def test_a_point_in_time_or_a_licences_section_is_no_part_of_the_document(
    reference: Document, page: str
) -> None:
    (quotation,) = check_quotes(reference, make_document(page, "no part"))
    assert not quotation.attributed


def test_a_digest_line_naming_its_source_does_not_go_on_with_the_line_before(
    reference: Document,
) -> None:
    """A press digest's line opening on a paper's name ("* Kommersant: the document is
    “...”") gives the paper's words, not the statement's, whatever the line before quoted:
    they were the statement's, "previous sentence", and judged as a paraphrase of it. A
    line naming a part of the statement ("* Point 2:") still goes on with it."""
    page = (
        "Digest\n\n"
        "* Joint statement, point 4: “Any possibility of using military means to solve the "
        "problems of the Korean Peninsula should be ruled out.”\n"
        "* Kommersant: the document is “the most detailed Russian-Chinese text on Korea in "
        "years”.\n"
    )
    quotations = check_quotes(reference, make_document(page, "digest"))
    assert [q.attributed for q in quotations] == [True, False]
    points = (
        "The statement lists its points:\n\n"
        "* Point 1: “The Parties are seriously worried by the launch.”\n"
        "* Point 2: “The Parties welcome new sanctions on the DPRK.”\n"
    )
    quotations = check_quotes(reference, make_document(points, "points"))
    assert [q.attributed for q in quotations] == [True, True]


def test_an_earlier_document_is_another_one(reference: Document) -> None:
    """ "That earlier document" (the statement cites the Joint Statement of 2005) speaks its
    own words: they were the statement's, and not in it."""
    page = (
        "The statement cites the commitments of 2005. That earlier document, agreed at the "
        "six-party talks, recorded that “the DPRK committed to abandoning all nuclear "
        "weapons”.\n"
    )
    quotations = check_quotes(reference, make_document(page, "earlier"))
    assert [q.attributed for q in quotations] == [False]


def test_someones_talk_named_before_a_quotation_is_theirs(reference: Document) -> None:
    """ "Washington's talk of “all options”" in a sentence naming the joint statement: the
    words are Washington's, not the statement's (they were judged as its, not in it)."""
    page = (
        "Russia and China closed point four of their joint statement with a line aimed at "
        "Washington's talk of “all options” being on the table.\n"
    )
    (quotation,) = check_quotes(reference, make_document(page, "talk"))
    assert not quotation.attributed
    assert quotation.attribution is not None
    assert quotation.attribution.text == "Washington's talk of"


@pytest.mark.parametrize(
    ("page", "attributed"),
    [
        # a headline's name speaks of the document in its own words
        ("Zakharova: joint statement “speaks for itself”\n\nMore below.\n", False),
        # what the document says, reported under an agency's name
        ("TASS: joint statement “urges all countries to impose sanctions”\n\nMore.\n", True),
    ],
)
def test_a_headlines_name_reports_the_document_as_a_speech_verb_would(
    reference: Document, page: str, attributed: bool
) -> None:
    """ "Zakharova: joint statement “speaks for itself”" gave her judgement of the statement
    to the statement (not in it); a verb telling what it says keeps the words its."""
    (quotation,) = check_quotes(reference, make_document(page, "headline"))
    assert quotation.attributed is attributed


def test_it_after_a_reports_source_is_the_document_quoted_before(reference: Document) -> None:
    """ "Elsewhere, according to the same report, it says “...”": "it" is the statement the
    sentence before quoted, not the report; the words were the report's, unjudged."""
    page = (
        "The statement says: “The Parties confirm that the DPRK’s justified concerns should "
        "be respected.”\n\n"
        "Elsewhere, according to the same report, it says “the Parties will recognise the "
        "DPRK as a nuclear power”.\n"
    )
    quotations = check_quotes(reference, make_document(page, "it says"))
    assert [q.attributed for q in quotations] == [True, True]
    assert quotations[1].verdict is QuoteVerdict.NOT_IN_REFERENCE, quotations[1].note


def test_a_next_sentences_cue_with_its_own_quotation_does_not_speak_the_one_before(
    reference: Document,
) -> None:
    """ "What those “necessary measures” might be was left unsaid. Seoul's defence ministry
    called the demand “...”": the ministry's cue leads into its own quotation; it gave
    the statement's two words to the ministry ("next sentence")."""
    page = (
        "The statement ends with a warning.\n\nWhat those “necessary measures” might be was "
        "left unsaid. Seoul's defence ministry called the demand “an infringement of our "
        "sovereign right”.\n"
    )
    first, second = check_quotes(reference, make_document(page, "next"))
    assert first.attribution is None or first.attribution.how != "next sentence"
    assert not second.attributed


def test_a_post_in_lower_case_still_gives_the_authors_their_words(
    reference: Document,
) -> None:
    """A forum post typed in lower case: "... the ministries “support ...” as long as it's
    temporary. nobody reads these things". The sentence was read as one, so "long as it's
    temporary. nobody reads" spoke the quotation; and the poster's line ("bear_and_dragon
    wrote:") kept the authors from being its subject."""
    page = (
        "Re: the Moscow statement\n\nbear_and_dragon wrote:\nlol read the actual text. the "
        "ministries “support the deployment of THAAD antimissile systems in Northeast Asia” as "
        "long as it's temporary. nobody reads these things\n"
    )
    (quotation,) = check_quotes(reference, make_document(page, "forum"))
    assert quotation.attributed
    assert quotation.verdict is QuoteVerdict.NOT_IN_REFERENCE, quotation.note


def test_a_section_on_a_subject_speaks_as_the_document(reference: Document) -> None:
    """ "The section on inter-Korean relations reads in full: “...”": a part of the
    statement named by what it is about; the speaker was a person."""
    page = (
        "The joint statement was published on Tuesday. The section on inter-Korean relations "
        "reads in full: “The Parties express support for the North and the South to display "
        "hostility towards each other.”\n"
    )
    (quotation,) = check_quotes(reference, make_document(page, "section on"))
    assert quotation.attribution is not None and quotation.attribution.speaker == "document"


def test_a_paragraph_of_the_writer_s_prose_takes_no_speaker_from_the_next(
    reference: Document,
) -> None:
    """The paragraph after names the speaker of a paragraph that is its quotation ("“We
    will not be drawn in.”¶Putin said ..."), not of one that is the writer's sentence
    around it: "We asked an expert" spoke the outlets' summary before."""
    page = (
        "Some outlets summarised the key passage as Moscow and Beijing finding the launch "
        '"unacceptable and contrary to Security Council resolutions".\n\n'
        "We asked an expert about the wording.\n"
    )
    first = check_quotes(reference, make_document(page, "summary"))[0]
    assert first.attribution is None or first.attribution.how != "next paragraph"
    alone = '"We will not be drawn into this."\n\nPutin said so in Sochi.\n'
    assert _last_speaker(reference, alone) == ("person", False)


def test_a_tag_past_a_lower_case_sentence_end_is_not_the_quotation_s(
    reference: Document,
) -> None:
    """A forum post in lower case: "... rewarding pyongyang. as one analyst put it" opens
    a sentence the splitter does not see, and its tag speaks the quotation after it, not
    the statement's words before it."""
    page = (
        'they say the DPRK\'s "justified concerns should be respected" which sounds like '
        'rewarding pyongyang. as one analyst put it, "you cannot freeze your way out".\n'
    )
    first = check_quotes(reference, make_document(page, "forum"))[0]
    assert first.attribution is None or "analyst" not in first.attribution.text


@pytest.mark.parametrize(
    "paragraph",
    [
        '15:12 Japanese minister Yoshihide Suga: "Pressure, not dialogue, is what is needed."',
        '@KoreaWatcher on Twitter: "Beijing and Moscow basically just endorsed the nukes."',
        'State media on Wednesday hailed the launch as a "gift package" for the allies.',
    ],
)
def test_a_paragraph_naming_its_own_source_does_not_go_on_with_the_statement(
    reference: Document, paragraph: str
) -> None:
    """A paragraph after one quoting the statement, that names its own source (a live
    blog's "15:12 Name:", a handle's "@X on Twitter:", "state media hailed ... as"): the
    words are not the statement's, quoted on. Each was an invented quotation of it."""
    page = 'The document says "the DPRK’s justified concerns should be respected".\n\n'
    assert _last_speaker(reference, page + paragraph + "\n")[1] is False


@pytest.mark.parametrize(
    "page",
    [
        # a citation between the subject and "terms", a verb here
        'Lukin (2020) terms the statement\'s approach "equidistant engagement".\n',
        # a document only named in the sentence before, the writer's own sentence around
        'MS NAUERT: We\'ve seen the statement. Our exercises are "defensive in nature" and '
        "have been for decades.\n",
        # another document, and the parties to it
        'The other statement went further: the six parties "unanimously reaffirmed the goal '
        'of verifiable denuclearization".\n',
        # a footnote's title, after a footnote naming the statement
        "Notes\n[4] Joint Statement by the Foreign Ministries of Russia and China, 4 July "
        '2017, para. 3.\n[5] "Joint Statement of the Fourth Round of the Six-Party Talks," '
        "Beijing, 19 September 2005.\n",
    ],
)
def test_words_near_a_named_statement_are_not_its_words(reference: Document, page: str) -> None:
    """Each gave its quotation to the statement, as an invented quotation of it (audit
    q6): the statement named as what someone terms, a document named in a sentence of its
    own, "the other statement" and its six parties, a footnote's title after a footnote
    that cites it."""
    assert _last_speaker(reference, page)[1] is False


@pytest.mark.parametrize(
    "page",
    [
        # a framing document does not reach into the speaker's second clause
        "The envoy told reporters that under the statement Seoul loses out and that it "
        '"will not be lectured".\n',
        # a summing-up with no clause after "as" is the summariser's judgement
        'The Pentagon\'s briefing summarised point 3 as "a freeze we will never accept".\n',
        'Critics summarised the key passage as "appeasement, plain and simple".\n',
        # "their" is the last clause's subject
        "Russia and China signed it, but Japanese officials, in their words, are "
        '"deeply sceptical".\n',
        "It was criticised by two US senators, who said the plan, in their words, "
        '"rewards a nuclear blackmailer".\n',
        # the last one a source quotes in turn; a citation after "et al."
        "The article quotes the statement, then an unnamed Japanese official: "
        '"Tokyo was not consulted and will not be bound by it."\n',
        'Lukin et al. (2020) call the statement\'s approach "cautious realism".\n',
        # one of a group is not the group
        '"The freeze is the only way out," said one of the senior diplomats at the talks.\n',
        # the statement as the object of "on", not the subject of "described"
        "KCNA did not comment on the statement directly but described the exercises as "
        '"nuclear war drills".\n',
        # "in their words" of others than the authors
        'Washington and Tokyo want a region where, in their words, all the powers "refrain '
        'from military activity of any kind".\n',
        # a rendering of something else than the statement
        'The joint statement came out on Tuesday. One paper summarised the mood as "grim".\n',
        # a version of something else
        'The new version of the app "crashes on start", users say.\n',
        # a heading with no full stop runs on into no paragraph opening its own sentence
        "Statement of the foreign ministries\n\n"
        'Posted by user dvina_river in the forum "World politics".\n',
        # an agency's own words
        'The joint statement came out on Tuesday. Xinhua said it was "a historic step".\n',
    ],
)
def test_the_sitting_s_new_cues_misfire_on_none_of_these(reference: Document, page: str) -> None:
    """Controls for this sitting's rules, each an invented quotation of the statement when
    it misfired (audits q5, q6, l6, fp2), or a control written beside a rule."""
    assert _last_speaker(reference, page)[1] is False


@pytest.mark.parametrize(
    "page",
    [
        # a document spoken about, then a relative clause or a sentence about it
        "Much has been written about the declaration, which commits Moscow and Beijing to "
        '"host the next round of talks".\n',
        "Much has been written about the declaration. It commits Moscow and Beijing to "
        '"host the next round of talks".\n',
        # the terms of the statement
        'Under the terms of the statement, Washington and Seoul "should refrain from drills".\n',
        # a sentence going on about the document named before
        "The statement was signed in Moscow. Its authors pledge to \"guarantee the DPRK's "
        'security with their own forces".\n',
    ],
)
def test_the_statement_still_speaks_after_these_new_rules(reference: Document, page: str) -> None:
    assert _last_speaker(reference, page) == ("document", True)
