"""Quotation checking: the bundled corpus's facts, then constructed cases."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import quote_cases

from provenance.analyse import analyse
from provenance.corpus import load_corpus
from provenance.findings import findings
from provenance.locate import locate, prepare
from provenance.model import Document, Format, Kind, Severity, Span
from provenance.quotes.marks import find_quotations
from provenance.quotes.verdicts import Quotation, QuoteVerdict, check_quotes

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
V = QuoteVerdict


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        shutil.copy2(path, copy / path.name)
    return load_corpus(copy)


@pytest.fixture(scope="module")
def quotes(corpus) -> dict[str, list[Quotation]]:
    prepared = prepare(corpus.reference)
    return {c.id[:3]: check_quotes(prepared, c, locate(prepared, c)) for c in corpus.captures}


def _find(found: list[Quotation], starts_with: str) -> Quotation:
    [q] = [q for q in found if q.text.startswith(starts_with)]
    return q


def _doc(text: str, name: str = "capture") -> Document:
    data = text.encode("utf-8")
    return Document(
        id=name,
        path=Path(f"{name}.txt"),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
    )


# --- 001: two verbatim quotations of the statement; Putin and the others are `other`.


@pytest.mark.parametrize("opening", ["Russia and China will closely", "begin talks and assert"])
def test_001_statement_quotations_are_verbatim(quotes, corpus, opening):
    q = _find(quotes["001"], opening)
    assert q.verdict is V.VERBATIM and q.attributed
    assert q.attribution is not None and "statement" in q.attribution.text
    assert q.reference is not None
    assert q.reference.of(corpus.reference.text).casefold() in q.text.casefold()
    assert len(q.reference) >= len(q.text.rstrip(".,")) - 2


def test_001_putin_resembles_the_statement_but_is_other(quotes):
    q = _find(quotes["001"], "We’ve agreed")
    assert "stage-by-stage" not in q.text and "step-by-step Korean settlement plan" in q.text
    assert q.verdict is V.OTHER and not q.attributed
    assert q.attribution is not None and "Putin" in q.attribution.text


def test_001_other_speakers_are_other(quotes):
    rest = [q for q in quotes["001"] if not q.text.startswith(("Russia and", "begin talks"))]
    assert len(rest) == 4
    assert all(q.verdict is V.OTHER and not q.attributed for q in rest)


# --- 002: headline phrase and "comprehensive resolution" verbatim; one altered; Lavrov other.


def test_002_german_quoted_headline_phrase_is_verbatim(quotes, corpus):
    q = _find(quotes["002"], "justified concerns")
    assert q.text == "justified concerns"
    assert corpus.captures[2].text[q.span.start - 1] == "\u201a"  # ‚ … ‘
    assert q.verdict is V.VERBATIM and q.attributed
    assert q.reference.of(corpus.reference.text) == "justified concerns"


def test_002_comprehensive_resolution_is_verbatim_by_matching_alone(quotes):
    q = _find(quotes["002"], "the comprehensive resolution")
    assert q.verdict is V.VERBATIM and q.attributed


def test_002_spirit_of_their_strategic_cooperation_is_altered(quotes, corpus):
    q = _find(quotes["002"], "in the spirit of their")
    assert q.verdict is V.ALTERED and q.attributed
    assert q.reference.of(corpus.reference.text) == "In the spirit of strategic cooperation"
    kinds = {(d.kind, d.reference_text.strip(), d.copy_text.strip()) for d in q.divergences}
    # "in" for "In" is the quoting (the quotation's first word), not an edit.
    assert kinds == {(Kind.INSERTION, "", "their")}


def test_002_lavrov_is_other(quotes):
    lavrov = [q for q in quotes["002"] if q.attribution and "said" in q.attribution.text]
    assert len(lavrov) == 3
    assert all(q.verdict is V.OTHER for q in lavrov)


def test_002_reference_own_quotation_marks_are_not_quotations_of_it(quotes):
    assert not [q for q in quotes["002"] if q.text in ("double freezing", "parallel advancement")]


# --- 000: the Hankyoreh article's translation variants and the other statement's sentence.


@pytest.mark.parametrize(
    "opening",
    [
        "two halts",
        "package settlement",
        "reasonable concerns",
        "immediate halt to the deployment of THAAD",
    ],
)
def test_000_translation_variants_are_paraphrase(quotes, corpus, opening):
    q = _find(quotes["000"], opening)
    assert q.verdict is V.PARAPHRASE and q.attributed
    assert q.reference is not None and len(q.reference) > len(q.text) / 2
    assert 0 < q.similarity < 100


def test_000_thaad_paraphrase_points_at_the_thaad_paragraph(quotes, corpus):
    q = _find(quotes["000"], "immediate halt")
    assert q.text.endswith("regional strategic security interests.")
    assert "deployment of THAAD antimissile systems" in q.reference.of(corpus.reference.text)


def test_000_reasonable_concerns_points_at_the_justified_concerns_sentence(quotes, corpus):
    q = _find(quotes["000"], "reasonable concerns")
    assert q.reference.of(corpus.reference.text) == (
        "The Parties confirm that the DPRK’s justified concerns should be respected."
    )


def test_000_two_halts_points_at_the_double_freezing_sentence(quotes, corpus):
    q = _find(quotes["000"], "two halts")
    found = q.reference.of(corpus.reference.text)
    assert found.startswith("3.The Parties are putting forward") and "“double freezing”" in found
    assert "moratorium" not in found


def test_000_thaad_paraphrase_is_one_sentence(quotes, corpus):
    q = _find(quotes["000"], "immediate halt")
    found = q.reference.of(corpus.reference.text)
    assert found.startswith("The Parties confirm that the deployment of THAAD")
    assert found.endswith("peace and stability in the region.") and "\n" not in found


@pytest.mark.parametrize("opening", ["some countries", "using responding to a threat"])
def test_000_other_statement_sentence_is_not_in_reference(quotes, opening):
    q = _find(quotes["000"], opening)
    assert q.verdict is V.NOT_IN_REFERENCE and q.attributed
    assert q.reference is not None and q.similarity > 0  # the best candidate, for the reviewer
    assert "Europe" in q.note


def test_000_press_tv_and_xi_quotations_are_other(quotes):
    before = [q for q in quotes["000"] if q.span.start < 6000]
    assert len(before) == 9
    assert all(q.verdict is V.OTHER for q in before)
    assert _find(quotes["000"], "full-scale partnership").verdict is V.OTHER


def test_background_captures_have_only_other_quotations(quotes):
    assert quotes["003"] and quotes["004"]
    assert {q.verdict for q in quotes["003"] + quotes["004"]} == {V.OTHER}


# --- analyse, findings, report


def test_analyse_carries_quotes_and_findings(corpus):
    analysis = analyse(corpus.reference, corpus.captures)
    found = [f for f in findings(analysis) if f.category == "quotation"]
    kinds = sorted(f.kind for f in found)
    assert kinds == sorted(
        ["verbatim"] * 4 + ["altered"] + ["paraphrase"] * 4 + ["not-in-reference"] * 2
    )
    again = [
        f for f in findings(analyse(corpus.reference, corpus.captures)) if f.category == "quotation"
    ]
    assert [f.id for f in found] == [f.id for f in again]
    assert len({f.id for f in found}) == len(found)


def test_json_report_lists_quotes(corpus):
    from provenance.report import to_json

    data = to_json(analyse(corpus.reference, corpus.captures))
    [source] = [s for s in data["sources"] if s["id"].startswith("002")]
    altered = next(q for q in source["quotes"] if q["verdict"] == "altered")
    assert set(altered) >= {
        "start",
        "end",
        "text",
        "attributed",
        "attribution",
        "verdict",
        "ref_start",
        "ref_end",
        "similarity",
        "divergences",
    }
    assert altered["attribution"]["text"] == "this statement"
    assert [d["kind"] for d in altered["divergences"]] == ["insertion"]
    text = Path(corpus.captures[2].path).read_text(encoding="utf-8")
    assert text[altered["start"] : altered["end"]] == altered["text"]


def test_text_and_markdown_reports_have_quotations(corpus):
    from provenance.report import render_markdown, render_text

    analysis = analyse(corpus.reference, corpus.captures)
    assert "[altered]" in render_text(analysis)
    assert "## Quotations in `002_9103d841b337d515`" in render_markdown(analysis)


# --- constructed cases

REF = _doc(
    "The Parties confirm that the DPRK’s justified concerns should be respected. "
    "Russia and China will closely coordinate their efforts in order to promote a complex "
    "solution. They support the “double freezing” proposal.",
    "reference",
)


def _check(text: str) -> list[Quotation]:
    return check_quotes(REF, _doc(text), ())


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The statement said “justified concerns” matter.", "justified concerns"),
        ('The statement said "justified concerns" matter.', "justified concerns"),
        ("The statement said ‘justified concerns’ matter.", "justified concerns"),
        ("Die Erklärung nennt „justified concerns“ wichtig.", "justified concerns"),
        ("Die Erklärung nennt ‚justified concerns‘ wichtig.", "justified concerns"),
        ("La déclaration dit « justified concerns » ici.", "justified concerns"),
        ("Die Erklärung sagt »justified concerns« hier.", "justified concerns"),
    ],
)
def test_every_quotation_mark_style(text, quoted):
    [q] = _check(text)
    assert q.text.strip() == quoted
    assert q.verdict is V.VERBATIM


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Die Erklärung sagt » justified concerns « hier.", ["justified concerns"]),
        (
            "Erklärt: » justified concerns « und » a complex solution «.",
            ["justified concerns", "a complex solution"],
        ),
        (
            "It says » justified concerns «.\n\nHe said « nous sommes contre ».",
            ["justified concerns", "nous sommes contre"],
        ),
    ],
)
def test_guillemets_pointing_inwards_spaced_inside(text, quoted):
    """» spaced « (German and Danish style, typed with spaces inside) was no quotation at
    all: » spaced was read only as a French closer, and « spaced as a French opener."""
    assert [q.span.of(text).strip() for q in find_quotations(text)] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "x ”abc def ghi’ jkl",
        "The word ”reasonable concerns’ is theirs, not ours.",
    ],
)
def test_a_closing_double_mark_opening_before_a_single_one_is_read(text):
    """A closing double mark typed where a quotation opens ("”word"), then a single
    closing mark, raised KeyError inside `find_quotations`: `report` exited 2 with an
    internal error on a page with a reversed word."""
    [quotation] = find_quotations(text)
    assert quotation.span.of(text).startswith(text.split("”")[1][:3])


def test_apostrophes_inside_words_are_not_quotation_marks():
    text = "The DPRK’s view and China‘s and Russia's: the statement’s “justified concerns”."
    [q] = find_quotations(text)
    assert q.span.of(text) == "justified concerns"


def test_ellipsis_marks_a_cut_and_stays_verbatim():
    text = "The statement said “Russia and China will … promote a complex solution.”"
    [q] = _check(text)
    assert q.verdict is V.VERBATIM
    assert [e.of(text) for e in q.editorial] == ["…"]
    text = 'The statement said "Russia and China will closely ... promote a complex solution."'
    [q] = _check(text)
    assert q.verdict is V.VERBATIM
    assert [e.of(text) for e in q.editorial] == ["..."]


def test_ellipsis_cannot_join_words_out_of_order():
    [q] = _check("The statement said “promote a complex solution … Russia and China will”.")
    assert q.verdict is not V.VERBATIM


@pytest.mark.parametrize("bracket", ["[North Korea]", "[a]"])
def test_brackets_are_editorial_and_stay_verbatim(bracket):
    text = f"The statement said “{bracket} justified concerns should be respected”."
    [q] = _check(text)
    assert q.verdict is V.VERBATIM
    [mark] = q.editorial
    assert mark.of(text) == bracket


def test_a_changed_word_is_altered_with_a_substitution():
    [q] = _check(
        "The statement said “Russia and China will closely coordinate their efforts "
        "in order to promote a comprehensive solution.”"
    )
    assert q.verdict is V.ALTERED
    assert [(d.kind, d.reference_text, d.copy_text) for d in q.divergences] == [
        (Kind.SUBSTITUTION, "complex", "comprehensive")
    ]


def test_nested_quotation_is_part_of_its_parent_and_matches_other_mark_styles():
    text = "The statement said: “They support the ‘double freezing’ proposal.”"
    [q] = _check(text)
    assert "‘double freezing’" in q.text
    assert q.verdict is V.VERBATIM


def test_quotation_spanning_a_line_break():
    text = "The statement said “Russia and China will closely\ncoordinate their efforts”."
    [q] = _check(text)
    assert "\n" in q.text
    assert q.verdict is V.VERBATIM


def test_unterminated_quotation_is_reported_not_fatal():
    text = "The statement said “Russia and China will closely coordinate\n\nA new paragraph."
    [q] = _check(text)
    assert q.verdict is V.UNTERMINATED
    assert q.text == "Russia and China will closely coordinate"
    assert q.reference is not None  # still shows where it would come from


def test_unterminated_quotation_names_a_stretch_only_when_it_matches_one():
    # Its verdict is `unterminated` whatever it says: a stretch is shown when its words
    # match one, not the nearest by meaning of a paragraph running on past the quotation.
    text = "The statement said “Russia and China will closely coordinate\n\nNext."
    [q] = _check(text)
    assert q.reference is not None and q.similarity == 100.0
    text = (
        "The statement said “the two capitals would always coordinate together and "
        "the weather in the valley was mild and the market opened early\n\nNext."
    )
    [q] = _check(text)
    assert q.verdict is V.UNTERMINATED
    assert q.reference is None and q.similarity == 0.0 and not q.stretches


def test_a_long_unterminated_quotation_is_placed_by_its_first_sentence():
    # Its words run on to the paragraph's end: where they start is what the stretch tells.
    first = "Russia and China will closely coordinate their efforts."
    text = (
        f"The statement said “{first} The weather in the valley was mild that week, the"
        " market opened early and the trains ran along the river all day long, as they"
        " did every summer in that part of the country.\n\nNext."
    )
    [q] = _check(text)
    assert q.verdict is V.UNTERMINATED
    assert q.reference is not None and q.reference_text.startswith("Russia and China will")


def test_opening_mark_ending_the_text_is_unterminated():
    # Found by Hypothesis (tests/test_check_fuzz.py): the mark lies past every sentence.
    [q] = _check("«")
    assert q.verdict is V.UNTERMINATED and q.text == ""


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # Spaced inside, as some wire copy types them: straight, curly, mixed.
        ('He said " we will act " and left.', [" we will act "]),
        ("He said “ we will act ” and left.", [" we will act "]),
        ('He said " we will act." Then "more".', [" we will act.", "more"]),
        # A closing mark spaced before a comma closes; it opens nothing.
        ('Asked, " not today ", she said, and "maybe" later.', [" not today ", "maybe"]),
        # A stray spaced mark (an inch sign) with no mark after it in its paragraph.
        ('A 40 " screen, the \'quiet\' room.\n\nNext "yes".', ["quiet", "yes"]),
        # A stray spaced mark before a tightly written quotation: it quotes nothing, and
        # a quotation closed after it is still found.
        ('The " sign and \'args\' here; then "local" or "global".', ["args", "local", "global"]),
        # ... but a spaced quotation that closes holds what it encloses.
        ("He said \" the 'double freezing' idea \" works.", [" the 'double freezing' idea "]),
        ("A mark followed by a comma opens nothing: (\") and (').", []),
        # A spaced closing mark before a full stop closes (a full stop opens nothing) ...
        ('It said " we will act ". Then "more".', [" we will act ", "more"]),
        # ... an ellipsis after a mark still opens ...
        ('It said "...we will act". Fine.', ["...we will act"]),
        # ... and another glyph nests inside a spaced quotation.
        ('It said " the “double freezing” idea ". Fine.', [" the “double freezing” idea "]),
    ],
)
def test_spaced_double_marks(text, quoted):
    assert [m.span.of(text) for m in find_quotations(text)] == quoted


def test_quotation_continuing_over_paragraphs_is_not_unterminated():
    text = "The statement said “Russia and China will\n\n“closely coordinate their efforts”."
    assert all(q.verdict is not V.UNTERMINATED for q in _check(text))


def test_person_quotation_is_other_and_not_a_finding():
    [q] = _check("“We will never agree,” Lavrov said.")
    assert q.verdict is V.OTHER and not q.attributed
    assert q.attribution is not None and q.attribution.text == "Lavrov said"


def test_block_quotation_after_a_colon():
    text = "The joint statement says:\n\nRussia and China will closely coordinate their efforts.\n"
    [q] = _check(text)
    assert q.verdict is V.VERBATIM and q.attributed


PARA = _doc(
    "The committee approved the annual budget after a long debate. "
    "Members raised concerns about rising costs in the coming year. "
    "The chair thanked the staff for their work on the harbour project. "
    "Members said their concerns should be heard before the vote on the harbour.",
    "reference",
)


def test_paraphrase_points_at_the_sentence_holding_its_own_words():
    # "worries" is in no reference sentence; "costs" is in one; the context would
    # rather pick the harbour sentences, but the quotation's own word decides.
    text = "The statement said the members had “worries over costs” about the harbour vote."
    [q] = check_quotes(PARA, _doc(text), ())
    assert q.verdict is V.PARAPHRASE
    assert q.reference.of(PARA.text) == (
        "Members raised concerns about rising costs in the coming year."
    )


def test_paraphrase_ties_are_broken_by_the_surrounding_sentence():
    # "concerns" is in two sentences; "heard" and "vote" around the quotation pick the
    # last one. Without them the earlier sentence wins the tie.
    text = "The statement said their “grave concerns” must be heard before the vote."
    [q] = check_quotes(PARA, _doc(text), ())
    assert q.verdict is V.PARAPHRASE
    assert q.reference.of(PARA.text) == (
        "Members said their concerns should be heard before the vote on the harbour."
    )
    [q] = check_quotes(PARA, _doc("The statement stressed “grave concerns”."), ())
    assert q.reference.of(PARA.text) == (
        "Members raised concerns about rising costs in the coming year."
    )


def test_invented_quotation_is_not_in_reference():
    [q] = _check("The statement said the Parties “will impose a naval blockade on Europe”.")
    assert q.verdict is V.NOT_IN_REFERENCE


# --- evidence, cues, one account per span, hostile pages (issues 11 and 13)


def test_json_gives_the_cue_and_the_evidence(corpus):
    from provenance.report import to_json

    data = to_json(analyse(corpus.reference, corpus.captures))
    [source] = [s for s in data["sources"] if s["id"].startswith("000")]
    invented = [q for q in source["quotes"] if q["verdict"] == "not-in-reference"]
    assert invented and all(q["unsaid"] for q in invented)
    assert any("Europe" in line for q in invented for line in q["unsaid"])
    for q in source["quotes"]:
        assert q["attribution"] is None or q["attribution"]["speaker"] in ("document", "person")
        for r in q["stretches"]:
            assert 0 <= r["ref_start"] < r["ref_end"] <= len(corpus.reference.text)
        if q["verdict"] != "not-in-reference":
            assert q["unsaid"] == []
    paraphrase = next(q for q in source["quotes"] if q["verdict"] == "paraphrase")
    assert paraphrase["stretches"] == [
        {"ref_start": paraphrase["ref_start"], "ref_end": paraphrase["ref_end"]}
    ]
    assert paraphrase["attribution"]["how"]


def test_text_report_shows_the_deciding_cue(corpus):
    from provenance.report import render_text

    text = render_text(analyse(corpus.reference, corpus.captures))
    assert "cue: person, next paragraph: “Putin said" in text
    assert "cue: document, previous paragraph: “The statement declared" in text
    assert "cue: none" in text


def test_a_spliced_quotation_is_altered_with_the_cut_as_an_omission():
    [q] = _check(
        "The statement said “promote a complex solution. They support the ‘double freezing’”."
    )
    assert q.verdict is V.VERBATIM  # adjacent sentences: no cut
    [q] = _check(
        "The statement said “the DPRK’s justified concerns should be respected "
        "and support the ‘double freezing’ proposal”."
    )
    assert q.verdict is V.ALTERED
    cut, join = q.divergences
    assert cut.kind is Kind.OMISSION and len(cut.copy) == 0
    assert cut.reference_text.startswith(". Russia and China will closely coordinate")
    assert (join.kind, join.copy_text) == (Kind.INSERTION, "and")
    assert [s.of(REF.text) for s in q.stretches] == [
        "the DPRK’s justified concerns should be respected",
        "support the “double freezing” proposal",
    ]


def test_a_quotation_naming_the_party_a_sentence_opens_with_is_no_splice():
    """ "The Parties are against any military presence ..." for the statement's "They
    are against ...": the quoter names the pronoun's party, a change at one place. It was
    a splice of "The Parties are" from point 1 with the rest, the cut an omission of five
    paragraphs."""
    statement = (Path(__file__).parent / "cases" / "quotes" / "reference.txt").read_text("utf-8")
    reference = _doc(statement, "reference")
    page = "The statement says: “The Parties are against any military presence of extra-regional"
    [q] = check_quotes(reference, _doc(page + " forces in Northeast Asia”."), ())
    assert q.verdict is V.ALTERED
    [stretch] = q.stretches
    assert stretch.of(statement).endswith("They are against any military presence of "
                                          "extra-regional forces in Northeast Asia")  # fmt: skip
    assert [d.kind for d in q.divergences] == [Kind.SUBSTITUTION]


@pytest.mark.parametrize("number", ["1.", "2)", "(1)", "§ 2", "¶8", "IV.", "5)", "(5)", "V."])
def test_a_quoted_paragraph_renumbered_is_altered_by_an_editorial_change_only(
    number: str,
) -> None:
    """An excerpt's point 5 quoted as its list's first item ("1. The Parties express
    support ..."), or numbered in another style: the number is the page's numbering, an
    editorial change (minor), and the same number punctuated otherwise ("5)") none. It
    was not-in-reference ("a count (1) the statement does not give"), then altered by a
    material substitution of "1" for "5", and "5)" for "5." altered too."""
    statement = (Path(__file__).parent / "cases" / "quotes" / "reference.txt").read_text("utf-8")
    point = next(p for p in statement.split("\n\n") if p.startswith("5. The Parties"))
    page = f"The joint statement says:\n\n{number}{point[2:]}\n\nSo much for that.\n"
    [q] = check_quotes(_doc(statement, "reference"), _doc(page), ())
    assert q.text.startswith(number)  # the quotation as the page gives it
    if number in ("5)", "(5)", "V."):  # the statement's own number, written otherwise
        assert (q.verdict, q.divergences) == (V.VERBATIM, ()), q.note
    else:
        assert q.verdict is V.ALTERED, q.note
        [change] = q.divergences
        assert (change.kind, change.severity) == (Kind.EDITORIAL, Severity.MINOR)
        assert change.copy_text.strip() == number and change.reference_text == "5. "


def test_a_quotation_a_located_passage_holds_unchanged_is_never_not_in_reference():
    from provenance.model import Passage, PassageKind

    text = "The statement said “the harbour will be closed to every ship from Europe”."
    [alone] = _check(text)
    assert alone.verdict is V.NOT_IN_REFERENCE
    passage = Passage(PassageKind.EXCERPT, Span(20, 72), Span(0, 40), 60.0)
    [q] = check_quotes(REF, _doc(text), [passage])
    assert q.verdict is V.PARAPHRASE and q.reference == Span(0, 40)
    assert q.stretches == (Span(0, 40),) and not q.unsaid


@pytest.mark.parametrize(
    "page",
    [
        # Words run on past the sentence the page copies: the threat is the page's own.
        "The statement says: “The Parties confirm that the deployment of THAAD antimissile "
        "systems in Northeast Asia is inflicting serious damage on strategic security "
        "interests of regional states and must be destroyed by force.”",
        # One word of the copied sentence reversed: the passage reports it changed.
        "The statement says: “The Parties are resolutely opposed to the international "
        "non-proliferation regime and are firmly aimed at the denuclearisation of the Korean "
        "Peninsula and a comprehensive and full implementation of the relevant UN Security "
        "Council resolutions.”",
        # A year changed inside an otherwise exact paragraph.
        "The statement says: “The Parties are calling on all parties involved to comply with "
        "the commitments formulated in the Joint Statement of September 19, 2006, and to "
        "re-launch, as soon as possible, the dialogue on the comprehensive resolution of "
        "problems on the Korean Peninsula.”",
    ],
)
def test_a_quotation_a_passage_holds_changed_or_in_part_keeps_its_verdict(page: str):
    result = analyse(quote_cases.reference(), [_doc(page)]).sources[0]
    assert result.passages  # the statement's sentence is located as an excerpt
    [q] = [q for q in result.quotes if q.attributed]
    assert q.verdict is V.NOT_IN_REFERENCE and q.unsaid


def test_an_unattributed_quotation_sharing_nothing_is_not_compared():
    [q] = _check("“Bananas ripen quickly in warm weather,” the grower said.")
    assert q.verdict is V.OTHER and q.reference is None and q.similarity == 0


def test_runs_of_marks_quote_nothing():
    assert _check('"' * 10_000) == []
    assert _check("\u201c" * 10_000) == []
    assert find_quotations('He said "" and ""; then "yes".') == find_quotations(
        'He said "" and ""; then "yes".'
    )
    assert [m.span.of(t) for t in ['He said "" and then "yes".'] for m in find_quotations(t)] == [
        "yes"
    ]


def test_a_huge_unclosed_quotation_is_reported_without_being_aligned():
    text = "The statement said “" + "Russia and China will closely coordinate " * 600
    [q] = _check(text)
    assert q.verdict is V.UNTERMINATED and q.reference is None


def test_word_commonness_is_wordfreqs():
    from wordfreq import zipf_frequency

    from provenance.quotes.claims import zipf

    for word in ("general", "europe", "pyongyang", "state", "asia", "qzxv"):
        assert zipf(word) == zipf_frequency(word, "en", wordlist="small")


def test_a_copy_cut_short_at_its_own_colon_introduces_no_block_quotation():
    """The statement's "The Parties propose the following:" ends a copy that stops there
    (or stands alone); what the page goes on with (a comment box) quotes no one. The same
    paragraph after an article's own "The statement reads:" stays a block quotation of the
    document."""
    statement = quote_cases.reference()
    points = statement.text.split("\n\n")
    cut = points.index("The Parties propose the following:")
    copy = "\n\n".join(points[2 : cut + 1])
    footer = "Leave a comment below and tell us what you think of the proposal."
    page = _doc(
        f"Full text of the document, as released.\n\n{copy}\n\n{footer}\n\nPosted by staff.\n"
    )
    prepared = prepare(statement)
    passages = locate(prepared, page)
    assert passages and passages[-1].copy.of(page.text).endswith("propose the following:")
    assert [q.text for q in check_quotes(prepared, page, passages)] == []
    alone = _doc(f"Notes from the briefing.\n\n{points[cut]}\n\n{footer}\n")  # not located
    assert check_quotes(prepared, alone, locate(prepared, alone)) == []
    article = _doc(f"The joint statement reads:\n\n{footer}\n")
    [q] = check_quotes(prepared, article, locate(prepared, article))
    assert q.text == footer and q.attribution and q.attribution.speaker == "document"


def _page(text: str, fmt: Format) -> Document:
    data = text.encode("utf-8")
    suffix = {Format.HTML: "html", Format.MARKDOWN: "md"}[fmt]
    return Document(
        "page", Path(f"page.{suffix}"), hashlib.sha256(data).hexdigest(), len(data), text, fmt
    )


STATEMENT = quote_cases.reference()
_TROUBLED = (
    "The two sides are deeply troubled by the North's announcement of a ballistic missile "
    "launch, which they find unacceptable."
)
_CALM = (
    "They also call on all countries to keep calm and to refrain from provocative steps or "
    "warlike rhetoric."
)


@pytest.mark.parametrize(
    ("page", "fmt"),
    [
        # Introduced without a colon; each paragraph quotes another place of the statement.
        (
            "<html><body><p>Here is the key passage of the joint statement.</p><blockquote>"
            f"<p>{_TROUBLED}</p><p>{_CALM}</p></blockquote><p>Analysts shrugged.</p></body>"
            "</html>",
            Format.HTML,
        ),
        (
            f"The joint statement reads:\n\n> {_TROUBLED}\n>\n> {_CALM}\n\nAnalysts shrugged.\n",
            Format.MARKDOWN,
        ),
    ],
)
def test_a_block_quotation_of_the_markup_is_checked_paragraph_by_paragraph(
    page: str, fmt: Format
) -> None:
    source = analyse(STATEMENT, [_page(page, fmt)]).sources[0]
    got = [
        (q.text, q.verdict, q.attribution.speaker if q.attribution else None) for q in source.quotes
    ]
    assert got == [
        (_TROUBLED, V.PARAPHRASE, "document"),
        (_CALM, V.PARAPHRASE, "document"),
    ]


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML])
def test_a_block_holding_paragraphs_with_terms_in_quotation_marks_is_checked_whole(
    fmt: Format,
) -> None:
    """A block quotation of the statement's paragraphs, some holding its own terms in
    marks (“double freezing”), was left unchecked whole: the marks inside were taken for
    the block's own quoting, and a located passage then swallowed every paragraph."""
    paragraphs = STATEMENT.text.split("\n\n")
    wanted = [p for p in paragraphs if "“double freezing”" in p or p.startswith("4.")]
    assert len(wanted) == 2
    if fmt is Format.MARKDOWN:
        page = "The statement reads:\n\n" + "\n>\n".join(f"> {p}" for p in wanted) + "\n"
    else:
        body = "".join(f"<p>{p}</p>" for p in wanted)
        page = f"<p>The statement reads:</p><blockquote>{body}</blockquote>"
    source = analyse(STATEMENT, [_page(page, fmt)]).sources[0]
    assert [(q.text, q.verdict) for q in source.quotes] == [(p, V.VERBATIM) for p in wanted]


def test_a_block_quotation_of_the_markup_follows_its_speaker() -> None:
    page = (
        "<p>Lavrov told the press after the signing</p><blockquote><p>We will respond with "
        "force to any further deployment of THAAD.</p></blockquote><p>The joint statement, "
        "however, is measured.</p><blockquote><p>We will respond with force to any further "
        "deployment of THAAD.</p></blockquote>"
    )
    source = analyse(STATEMENT, [_page(page, Format.HTML)]).sources[0]
    assert [
        (q.verdict, q.attribution.speaker if q.attribution else None) for q in source.quotes
    ] == [
        (V.OTHER, "person"),
        (V.NOT_IN_REFERENCE, "document"),
    ]
    # quotation marks inside a block do the quoting themselves
    page = '<blockquote><p>"We are not pleased," Lavrov said of the talks.</p></blockquote>'
    [quotation] = analyse(STATEMENT, [_page(page, Format.HTML)]).sources[0].quotes
    assert quotation.text == "We are not pleased," and quotation.verdict is V.OTHER


@pytest.mark.parametrize(
    ("page", "fmt"),
    [
        (
            "# The Moscow joint statement of 2017\n\n> This article belongs to the *Peninsula "
            "Papers* archive. Corrections welcome.\n",
            Format.MARKDOWN,
        ),
        (
            "<h1>Joint statement on the Korean Peninsula</h1><blockquote><p>Archived copy, "
            "maintained by volunteers since 2018.</p></blockquote>",
            Format.HTML,
        ),
    ],
)
def test_a_title_naming_the_statement_does_not_introduce_the_callout_under_it(
    page: str, fmt: Format
) -> None:
    """A title only names the document; a wiki's or archive's boxed note under it is the
    page's own, not words given to the statement (a material not-in-reference)."""
    [quotation] = analyse(STATEMENT, [_page(page, fmt)]).sources[0].quotes
    assert not quotation.attributed
    assert quotation.verdict is V.OTHER


def test_a_quotation_broken_by_a_box_between_its_paragraphs_is_one_quotation() -> None:
    """A page sets a newsletter box between two paragraphs of one quotation, the second not
    opening with a mark again: one verbatim quotation, the statement's, not an unterminated
    one and a stray closing mark."""
    page = (
        "<p>Its fourth point reads:</p><p>\u201cThe Parties confirm that the DPRK\u2019s "
        "justified concerns should be respected.</p><aside><p>Get our morning briefing.</p>"
        "</aside><p>Other states must make relevant efforts to have talks resumed and jointly "
        "to create an atmosphere of peacefulness and mutual trust.\u201d</p><p>Seoul said "
        "nothing.</p>"
    )
    [quotation] = analyse(STATEMENT, [_page(page, Format.HTML)]).sources[0].quotes
    assert quotation.verdict is V.VERBATIM and quotation.attributed
    assert quotation.text.startswith("The Parties confirm") and quotation.text.endswith("trust.")


def test_a_block_quotation_cited_in_a_dash_line_after_it() -> None:
    """A block with no introduction, its source cited under it ("— from the joint
    statement of July 4"): the statement's; a block with nothing around it is no one's."""
    cited = (
        f"<p>Markets were calm on Wednesday.</p><blockquote><p>{_TROUBLED}</p></blockquote>"
        "<p>\u2014 from the joint statement of July 4, 2017</p>"
    )
    [quotation] = analyse(STATEMENT, [_page(cited, Format.HTML)]).sources[0].quotes
    assert quotation.verdict is V.PARAPHRASE
    assert quotation.attribution is not None
    assert quotation.attribution.how == "attribution line after it"
    bare = cited.replace("\u2014 from the joint statement of July 4, 2017", "Analysts shrugged.")
    [quotation] = analyse(STATEMENT, [_page(bare, Format.HTML)]).sources[0].quotes
    assert quotation.verdict is V.OTHER and quotation.attribution is None


@pytest.mark.parametrize(
    ("page", "fmt"),
    [
        (
            "<html><body><p>The declaration puts it plainly:</p><blockquote><p>Russia and China "
            "are against the deployment of the said systems, call on the relevant countries to "
            "immediately stop and cancel the deployment process.</p><p>The Parties confirm that "
            "the DPRK\u2019s justified concerns should be respected.</p></blockquote>"
            "<p>Seoul said nothing.</p></body></html>",
            Format.HTML,
        ),
        (
            "The declaration puts it plainly:\n\n> Russia and China are against the deployment "
            "of the said systems, call on the relevant countries to immediately stop and cancel "
            "the deployment process.\n>\n> The Parties confirm that the DPRK's justified concerns "
            "should be respected.\n\nSeoul said nothing.\n",
            Format.MARKDOWN,
        ),
    ],
)
def test_a_block_quotation_located_as_a_passage_is_still_a_quotation(
    page: str, fmt: Format
) -> None:
    """Every paragraph of a block quoting the statement word for word is a verbatim
    quotation of the document, though `locate` finds the words as passages."""
    source = analyse(STATEMENT, [_page(page, fmt)]).sources[0]
    assert source.passages
    got = [(q.text[:20], q.verdict, q.attributed) for q in source.quotes]
    assert got == [
        ("Russia and China are", V.VERBATIM, True),
        ("The Parties confirm ", V.VERBATIM, True),
    ]


def test_roles_read_who_does_what_in_the_statement():
    from provenance.quotes.roles import roles
    from provenance.quotes.words import authors

    text = quote_cases.reference().text
    doers: dict[str, set[frozenset[str]]] = {}
    for role in roles(text, authors(text)):
        doers.setdefault(role.word, set()).add(role.parties)
    assert doers["announces"] == {frozenset({"dprk"})}
    assert doers["refrain"] == {frozenset({"us", "rok"})}
    assert frozenset({"us", "rok"}) in doers["exercises"]  # "... exercises by the United States"
    assert frozenset({"china"}) in doers["proposed"]  # "the Chinese-proposed ideas"
    # Past "call on the relevant countries", the Parties no longer do the stopping.
    assert doers["stop"] == {frozenset()}


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML])
def test_a_cue_in_one_row_of_a_table_speaks_for_that_row_only(fmt: Format):
    """A table row is a paragraph: the statement named in one row is not the speaker of
    another row's quotations (before, a Markdown table read as one sentence, and the
    statement named in its last row spoke Wang Yi's words in the row above)."""
    rows = [
        ("8 Mar 2017", "Wang Yi", 'Proposed "suspension for suspension" as a way out'),
        (
            "4 Jul 2017",
            "The joint statement",
            'Urged the two to "refrain from large-scale joint exercises"',
        ),
    ]
    if fmt is Format.MARKDOWN:
        text = "| Date | Who | Said |\n|---|---|---|\n" + "".join(
            f"| {a} | {b} | {c} |\n" for a, b, c in rows
        )
    else:
        text = (
            "<table>"
            + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
            + "</table>"
        )
    page = replace(_doc(text), format=fmt)
    quotes = analyse(quote_cases.reference(), [page]).sources[0].quotes
    got = [(q.text, q.verdict, q.attributed) for q in quotes]
    assert got == [
        ("suspension for suspension", V.OTHER, False),
        ("refrain from large-scale joint exercises", V.VERBATIM, True),
    ]


@pytest.mark.parametrize(
    "added",
    [
        "The Parties will respond to any further deployment with military-technical measures.",
        "Both governments will raise the matter at the Security Council without delay.",
    ],
)
def test_a_sentence_added_after_a_paragraphs_end_is_an_insertion(corpus, added):
    """A quotation running on past a paragraph's last sentence with one of its own was
    altered, as it should be, but its row paired the added sentence with the next
    paragraph's opening words, which it does not quote: it is an insertion."""
    page = _doc(
        "The statement said: \u201cThe Parties confirm that the deployment of THAAD "
        "antimissile systems in Northeast Asia is inflicting serious damage on strategic "
        "security interests of regional states, including Russia and China, and does "
        "nothing to help achieve the aims of the Korean Peninsula\u2019s denuclearisation, "
        f"nor to ensure peace and stability in the region. {added}\u201d"
    )
    [q] = check_quotes(corpus.reference, page, ())
    assert q.verdict is V.ALTERED
    assert [(d.kind, d.reference_text) for d in q.divergences] == [(Kind.INSERTION, "")]
    assert q.divergences[0].copy_text.strip(" .") == added.rstrip(".")


def test_a_quotation_the_page_puts_inside_a_located_excerpt_is_checked(corpus):
    """A false quotation between two genuine ones of the same paragraph was merged into
    one located excerpt and never checked: its quotation marks are the page's own (the
    excerpt's insertion), so it is a quotation of the page, judged as any other."""
    page = _doc(
        "On THAAD the declaration is plain: the deployment \u201cdoes nothing to help achieve "
        "the aims of the Korean Peninsula\u2019s denuclearisation\u201d. It also says THAAD "
        "\u201chelps to ensure peace and stability in the region\u201d. No: we misread it.\n\n"
        "Correction: the declaration says THAAD does nothing \u201cto ensure peace and "
        "stability in the region.\u201d\n"
    )
    analysis = analyse(corpus.reference, [page])
    quotes = {q.text.split()[0]: q for q in analysis.sources[0].quotes}
    assert quotes["helps"].attributed
    assert quotes["helps"].verdict in (V.NOT_IN_REFERENCE, V.ALTERED)


@pytest.mark.parametrize(
    ("inner", "verdict"),
    [
        ("shoot down any missile over the Sea of Japan", V.NOT_IN_REFERENCE),
        ("renounce provocative moves or bellicose rhetoric", V.VERBATIM),
    ],
)
def test_a_quotation_of_the_statement_inside_someones_words_is_checked(corpus, inner, verdict):
    """A quotation attributed to the statement inside a person's quoted words (a post
    quoting it) was never checked: the person's words are theirs, but what they say the
    statement says is a quotation of it."""
    page = _doc(
        "The analyst posted: \u201cThe Russia-China statement says the two countries will "
        f"\u2018{inner}\u2019. Remarkable.\u201d Others disagreed.\n"
    )
    quotes = check_quotes(corpus.reference, page, ())
    outer = next(q for q in quotes if q.text.startswith("The Russia-China"))
    assert not outer.attributed
    [nested] = [q for q in quotes if q.text == inner]
    assert nested.attributed and nested.verdict is verdict
    assert page.text[nested.span.start : nested.span.end] == inner
    assert nested.attribution is not None and nested.attribution.speaker == "document"
    assert page.text[nested.attribution.span.start : nested.attribution.span.end] in (
        nested.attribution.text
    )


def test_a_quotation_shortening_a_defined_name_and_changing_a_word_is_altered(corpus):
    """ "were seriously worried by the DPRK's statement" changes the statement's tense and
    writes its own abbreviation of the name: altered, its one divergence the tense, in
    the page's offsets (it was a paraphrase)."""
    page = _doc(
        "The statement says the Parties \u201cwere seriously worried by the DPRK\u2019s "
        "statement\u201d, in the past tense.\n"
    )
    [q] = check_quotes(corpus.reference, page, ())
    assert q.verdict is V.ALTERED
    [d] = q.divergences
    assert (d.reference_text, d.copy_text) == ("are", "were")
    assert page.text[d.copy.start : d.copy.end] == "were"


def test_a_defined_name_written_out_does_not_carry_a_match_by_itself(corpus):
    """Written out, "the DPRK" is eight words of the statement: an invented quotation
    naming it ("will jointly defend the DPRK") is no altered quotation of the statement
    for that."""
    page = _doc("The statement says the two countries \u201cwill jointly defend the DPRK\u201d.\n")
    [q] = check_quotes(corpus.reference, page, ())
    assert q.verdict is not V.ALTERED


@pytest.mark.parametrize(
    ("quoted", "verdict"),
    [("neighbors", V.VERBATIM), ("Neighbours", V.VERBATIM), ("hooligans", V.OTHER)],
)
def test_a_word_or_two_in_another_spelling_is_the_statement_s_word(corpus, quoted, verdict):
    """ "the peninsula's “neighbors”" quotes the statement's "neighbours" in American
    spelling: too short for the alignment that forgives spelling in longer quotations, it
    was "a name or title in quotation marks", left unattributed. A word the statement
    never uses stays unjudged as before."""
    page = _doc(
        "The joint statement came out on July 4. It describes Russia and China, in its "
        f"opening line, as the Korean Peninsula\u2019s \u201c{quoted}\u201d.\n"
    )
    [q] = check_quotes(corpus.reference, page, ())
    assert q.verdict is verdict
    assert q.attributed is (verdict is V.VERBATIM)
    if verdict is V.VERBATIM:
        assert q.reference is not None
        assert corpus.reference.text[q.reference.start : q.reference.end] == "neighbours"


def test_a_quotation_of_a_passage_that_writes_the_short_name_itself_is_read_as_it_stands() -> None:
    """ "The DPRK, by way of ..." quotes the third point, which writes "The DPRK" itself: the
    name written out in full (for passages that define it) misaligned the quotation, and a
    material substitution of "The DPRK" for the words before the point was reported."""
    page = (
        "A reader replied: \u201cThe DPRK, by way of a voluntary political decision, "
        "announces a moratorium on the testing of nuclear devices and ballistic missile "
        "tests.\u201d\n"
    )
    [quotation] = analyse(STATEMENT, [quote_cases.document(page, "reply")]).sources[0].quotes
    assert quotation.verdict is V.ALTERED
    assert [(d.kind.value, d.reference_text) for d in quotation.divergences] == [
        ("omission", "explosive ")
    ]


@pytest.mark.parametrize("number", ["IV.", "4.", "II.", "(4)"])
def test_a_numbered_quotation_with_a_word_changed_has_that_change_only(number: str) -> None:
    """ "IV. The Parties are firmly committed ..." for point 4's "resolutely": the word is
    the change, the page's number is its numbering. The number was a material substitution
    ("IV. " for "4.") beside it, where the same number alone is verbatim or editorial."""
    statement = (Path(__file__).parent / "cases" / "quotes" / "reference.txt").read_text("utf-8")
    point = next(p for p in statement.split("\n\n") if p.startswith("4.The Parties"))
    changed = point.removeprefix("4.").replace("resolutely", "firmly", 1)
    page = f"The joint statement reads:\n\n{number} {changed}\n\nThat is all.\n"
    [q] = check_quotes(_doc(statement, "reference"), _doc(page), ())
    assert q.verdict is V.ALTERED, q.note
    assert [(d.copy_text, d.reference_text) for d in q.divergences] == [("firmly", "resolutely")]


@pytest.mark.parametrize(
    ("inner", "kept"),
    [
        ("illegal", True),  # a word the statement never uses, given to it: a claim
        ("blackmail", True),
        ("double freeze", False),  # its own idea in other words: a name, left alone
    ],
)
def test_a_short_word_the_statement_never_uses_inside_someones_words_is_checked(
    corpus, inner, kept
):
    """Inside a person's quoted words (or a block quotation), one or two quoted words were
    never checked as a quotation of the statement: "called the deployment “illegal”" put
    a word in its mouth unseen (audit q31); a name of one of its things stays the
    person's."""
    page = _doc(
        "The analyst posted: \u201cThe statement called the deployment "
        f"\u2018{inner}\u2019 and called for calm.\u201d Others disagreed.\n"
    )
    quotes = check_quotes(corpus.reference, page, ())
    nested = [q for q in quotes if q.text == inner]
    if kept:
        [q] = nested
        assert q.attributed and q.verdict is V.NOT_IN_REFERENCE
        assert page.text[q.span.start : q.span.end] == inner
    else:
        assert nested == []


def test_a_quotation_the_page_denies_the_statement_says_so_in_its_note(corpus):
    """ "The statement does not say Pyongyang must “...”": the words are not in it, as the
    page says; the verdict stays not-in-reference (earlier audits' expectation: it tells
    the reader the words are not the statement's) and its note says the page agrees, so
    that a fact check's denial reads as one (audit q45 took it for a misquotation)."""
    denied = "The statement does not say Pyongyang must “disarm before any talks begin”."
    claimed = "The statement says Pyongyang must “disarm before any talks begin”."
    [first] = check_quotes(corpus.reference, _doc(denied), ())
    [second] = check_quotes(corpus.reference, _doc(claimed), ())
    assert first.verdict is second.verdict is V.NOT_IN_REFERENCE
    assert first.note.endswith("; the page says so too")
    assert not second.note.endswith("; the page says so too")


def test_a_block_quotation_across_a_pdf_page_break_is_verbatim_the_break_the_passages():
    # The copy's passage reads the page number and running header inside "col-|lective"
    # as an interruption (the page's, no word changed); the quotation holding it was
    # `altered` with a material substitution, its own comparison knowing neither.
    lines = [
        "The operative passage reads:",
        "",
        "2. The Parties express serious concern about the development of the",
        "situation on the Korean Peninsula and around it. Mounting political",
        "and military tension in that region, fraught with the eruption of an",
        "armed conflict, are calling on the international community to adopt col-",
        "",
        "                                     14",
        "\f",
        "ASIAN SECURITY MONITOR            No. 27 (2017)",
        "",
        "lective measures to settle the situation peacefully through dialogue",
        "and consultations.",
    ]
    page = quote_cases.document("\n".join(lines) + "\n", "pdf")
    result = analyse(STATEMENT, [page]).sources[0]
    [quotation] = result.quotes
    assert quotation.verdict is QuoteVerdict.VERBATIM and quotation.attributed
    assert quotation.text.startswith("2. The Parties express serious concern")
    assert not quotation.divergences
    [interruption] = [d for d in result.divergences if d.kind is Kind.INTERRUPTION]
    assert interruption.copy_text.startswith("col-") and "ASIAN SECURITY" in interruption.copy_text
    assert all(d.severity is not Severity.MATERIAL for d in result.divergences)


def test_each_paragraph_of_a_quotation_continued_over_one_statement_paragraph_is_a_quotation():
    # One paragraph of the statement quoted in three, each opening on “ and only the last
    # closing (the wire convention): `locate` reads the three as one excerpt, and the
    # middle one, inside it, was taken for the copy's own text, not the page's quotation.
    at = STATEMENT.text.index("The Parties express serious concern")
    point = STATEMENT.text[at : STATEMENT.text.index("\n", at)]
    first, second, third = (s.strip() for s in re.split(r"(?<=\.) (?=[A-Z])", point)[:3])
    page = f"The two ministries wrote:\n\n“{first}\n\n“{second}\n\n“{third}”\n"
    quotes = analyse(STATEMENT, [quote_cases.document(page, "wire")]).sources[0].quotes
    assert [(q.text, q.verdict) for q in quotes] == [
        (first, QuoteVerdict.VERBATIM),
        (second, QuoteVerdict.VERBATIM),
        (third, QuoteVerdict.VERBATIM),
    ]
    assert all(q.attributed for q in quotes)


def test_a_block_quotation_whose_bracket_the_copy_reads_as_a_gloss_keeps_its_own_verdict():
    # "towards [Washington]" for "towards each other": the passage read the bracket as an
    # editor's gloss (minor), and 2dbbd25 took the quotation, held by it, for verbatim
    # (audit v33). "each other" is glossed by a pair only, in the passage's reading too.
    at = STATEMENT.text.index("The Parties express support for the North")
    point = STATEMENT.text[at : STATEMENT.text.index("\n", at)]
    changed = point.replace("towards each other", "towards [Washington]")
    assert changed != point
    page = f"The channel's version of the fifth point reads:\n\n“{changed}”\n"
    result = analyse(STATEMENT, [quote_cases.document(page, "channel")]).sources[0]
    [quotation] = result.quotes
    assert quotation.verdict is QuoteVerdict.ALTERED
    [row] = [d for d in result.divergences if d.copy_text == "[Washington]"]
    assert row.kind is Kind.SUBSTITUTION and row.severity is Severity.MATERIAL
