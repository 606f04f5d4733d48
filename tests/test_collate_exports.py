"""Exports of the collation: TEI (well-formed, round trip), JSON, CSV, HTML, the CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from provenance.align import align_texts
from provenance.analyse import analyse_corpus
from provenance.cli import main
from provenance.collation.table import Table, collate
from provenance.collation.tei import TEI_NS, XML_NS, read_tei, readings, to_tei
from provenance.collation.witnesses import Segment, Witness, WitnessKind, from_text, witnesses
from provenance.corpus import load_corpus
from provenance.errors import ProvenanceError
from provenance.model import Document, Span

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, copy)
    return copy


@pytest.fixture(scope="module")
def table(corpus_dir: Path) -> Table:
    analysis = analyse_corpus(load_corpus(corpus_dir))
    return collate(analysis.reference, witnesses(analysis))


def _constructed() -> Table:
    """Omission, insertion, substitution, NBSP, a lacuna and a partial reading in one table."""
    text = "Russia and China <urge> all parties & to “refrain” from provocations. Talks now."
    ref = Document("ref", Path("ref.txt"), "0" * 64, len(text), text)
    a = from_text("a", ref, text.replace("all parties & ", "").replace("Talks", "Direct talks"))
    b = from_text("b", ref, text.replace("China", "China\u00a0").replace("refrain", "abstain"))
    start = text.index("from")
    excerpt_text = "from provocations."
    ref_span = Span(start, start + len(excerpt_text))
    edits = align_texts(ref_span.of(text), excerpt_text, reference_offset=start)
    segment = Segment(Span(0, len(excerpt_text)), ref_span, tuple(edits))
    c = Witness("c", "c", "0" * 64, WitnessKind.EXCERPTS, (segment,), excerpt_text)
    return collate(ref, [a, b, c])


def test_tei_is_well_formed_parallel_segmentation(table: Table) -> None:
    root = etree.fromstring(to_tei(table))
    ns = {"t": TEI_NS}
    sigla = [w.get("n") for w in root.iterfind(".//t:listWit/t:witness", ns)]
    assert sigla == [w.id for w in table.witnesses]
    method = root.find(".//t:variantEncoding", ns)
    assert method is not None and method.get("method") == "parallel-segmentation"
    apps = root.findall(".//t:body/t:p/t:app", ns)
    assert all(app.find("t:lem", ns) is not None for app in apps)
    lacunae = root.findall(".//t:rdg[@type='lacuna']", ns)
    assert lacunae and all(r.find("t:gap", ns) is not None for r in lacunae)
    assert len(root.findall(".//t:rdg[@type='whitespace']", ns)) == 9  # 002's no-break spaces
    # The body read through the lemmas is the reference, exactly.
    paragraph = root.find(".//t:body/t:p", ns)
    assert paragraph is not None
    base = [paragraph.text or ""]
    for app in paragraph:
        base += [app.findtext("t:lem", "", ns), app.tail or ""]
    assert "".join(base) == table.reference.text


@pytest.mark.parametrize("which", ["corpus", "constructed"])
def test_tei_round_trip(which: str, table: Table) -> None:
    source = table if which == "corpus" else _constructed()
    back = read_tei(to_tei(source))
    assert back == readings(source)
    assert "".join(loc.reference_text for loc in back) == source.reference.text
    for w in source.witnesses:  # every witness's text comes back out of the TEI
        parts = [loc.readings[w.id].text for loc in back]
        rebuilt = "".join(parts)
        assert all(s.copy.of(w.text) in rebuilt for s in w.segments)


def test_tei_reader_refuses_malformed_input() -> None:
    with pytest.raises(ProvenanceError, match="not well-formed"):
        read_tei(b"<TEI><text>", source="x.xml")
    with pytest.raises(ProvenanceError, match="not a collation"):
        read_tei(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", source="x.xml")


Out = pytest.CaptureFixture[str]


def test_json_csv_and_text_exports(corpus_dir: Path, capsys: Out) -> None:
    assert main(["collate", str(corpus_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "provenance-collation/1"
    of_002 = [
        loc for loc in data["locations"] if loc["readings"]["002-full"]["status"] == "variant"
    ]
    assert len(of_002) == 10
    assert [p["id"] for p in data["paraphrases"]] == ["000-quotations"]
    statuses = {loc["readings"]["001-excerpts"]["status"] for loc in data["locations"]}
    assert statuses == {"lacuna", "agrees"}
    assert main(["collate", str(corpus_dir), "--format", "csv", "--no-cosmetic"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:4] == ["location", "ref_start", "ref_end", "reference"]
    assert rows[0][4:] == ["000-full", "001-excerpts", "002-full", "002-quotations"]
    assert ["=", "[lacuna]", "consultationsThe", "[lacuna]"] in [row[4:] for row in rows[1:]]
    assert main(["collate", str(corpus_dir)]) == 0
    text = capsys.readouterr().out
    assert "follows the reference text" in text and "follows a different translation" in text


def test_html_is_one_self_contained_page(corpus_dir: Path, capsys: Out) -> None:
    assert main(["collate", str(corpus_dir), "--format", "html"]) == 0
    page = capsys.readouterr().out
    tree = etree.fromstring(page.encode(), etree.HTMLParser())
    assert tree.find(".//table") is not None
    assert len(tree.findall(".//div[@class='col']")) == 5  # reference + four collated witnesses
    for element in tree.iter():
        for attribute in ("src", "href"):
            assert not (element.get(attribute) or "").startswith(("http", "//"))
    assert "<script src" not in page and "<link" not in page
    assert "⟨NBSP⟩" in page


def test_tei_from_the_cli_round_trips(
    corpus_dir: Path, capsysbinary: pytest.CaptureFixture[bytes], table: Table
) -> None:
    assert main(["collate", str(corpus_dir), "--format", "tei"]) == 0
    assert read_tei(capsysbinary.readouterr().out) == readings(table)


def test_bad_corpus_is_one_line_on_stderr(tmp_path: Path, capsys: Out) -> None:
    assert main(["collate", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err and "Traceback" not in err


def test_report_gains_a_provenance_section(corpus_dir: Path, capsys: Out) -> None:
    assert main(["report", str(corpus_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    families = data["provenance"]["families"]
    assert families[0]["witnesses"][:3] == ["000-full", "001-excerpts", "002-full"]
    assert main(["report", str(corpus_dir), "--format", "markdown"]) == 0
    assert "## Provenance" in capsys.readouterr().out


def test_tei_writes_characters_xml_cannot_carry_as_declared_g_elements() -> None:
    """A PDF's form feed in the reference, a control character and U+FFFF in a witness:
    each becomes <g ref="#U...">, declared in <charDecl>, and reads back as itself (the
    export used to refuse such a corpus, exit 2)."""
    text = "a form\x0cfeed in the plain reference text here"
    ref = Document("ref", Path("ref.txt"), "0" * 64, len(text), text)
    witness = from_text("w", ref, "a form\x0cfeed in the plain\x06reference text \uffffthere")
    table = collate(ref, [witness])
    data = to_tei(table)
    root = etree.fromstring(data)
    ns = {"t": TEI_NS}
    declared = [c.get(f"{{{XML_NS}}}id") for c in root.iterfind(".//t:charDecl/t:char", ns)]
    assert declared == ["U0006", "U000C", "UFFFF"]
    refs = {g.get("ref") for g in root.iter(f"{{{TEI_NS}}}g")}
    assert refs == {"#U0006", "#U000C", "#UFFFF"}
    back = read_tei(data)
    assert back == readings(table)
    assert "".join(loc.reference_text for loc in back) == text
    assert "".join(loc.readings["w"].text for loc in back) == witness.text


def test_tei_of_a_corpus_with_no_witness_reads_back_as_the_reference() -> None:
    """A corpus whose captures copy nothing still collates; its TEI lists no witness."""
    text = "the reference alone"
    ref = Document("ref", Path("ref.txt"), "0" * 64, len(text), text)
    table = collate(ref, [])
    back = read_tei(to_tei(table))
    assert back == readings(table)
    assert "".join(loc.reference_text for loc in back) == text


def test_tei_reader_refuses_a_g_that_is_no_character_reference() -> None:
    text = "a form\x0cfeed"
    ref = Document("ref", Path("ref.txt"), "0" * 64, len(text), text)
    data = to_tei(collate(ref, [from_text("w", ref, text)]))
    with pytest.raises(ProvenanceError, match="not a character reference"):
        read_tei(data.replace(b'ref="#U000C"', b'ref="#glyph-1"'), source="x.xml")


def test_text_numbers_locations_as_the_groups_evidence_cites_them() -> None:
    """The listing's numbers are the table's: "shared ... at location N" finds its row."""
    import re

    from provenance.collation.exports import render_text
    from provenance.collation.genealogy import genealogy

    reference = Document(
        "ref", Path("ref.txt"), "0" * 64, 0, "One two three four. Five six seven eight."
    )
    changed = "One two thre four. Five six seven eight!"
    table = collate(
        reference,
        [
            from_text("a", reference, reference.text),
            from_text("b", reference, changed),
            from_text("c", reference, changed),
        ],
    )
    text = render_text(table, genealogy(table))
    cited = set(re.findall(r"at location (\d+)", text))
    listed = set(re.findall(r"^ +(\d+)\. reference", text, re.MULTILINE))
    assert cited and cited <= listed


def test_collate_help_names_what_no_cosmetic_hides(capsys: pytest.CaptureFixture[str]) -> None:
    """`collate --help` said --no-cosmetic hid invisible-character variants; it hides the
    cosmetic kinds (whitespace, typography, spelling), and invisible characters are minor."""
    from provenance.cli import main
    from provenance.severity import COSMETIC_KINDS

    with pytest.raises(SystemExit):
        main(["collate", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for kind in COSMETIC_KINDS:
        assert kind.value in help_text
    assert "invisible-character variants" not in help_text
