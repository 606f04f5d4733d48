"""The variant table as TEI P5 parallel segmentation, and a reader for it.

Shape (TEI Guidelines ch. 12, "parallel segmentation", internal location):

    <listWit> in the header names every witness (`xml:id` w1, w2...; the siglum in @n).
    The body is the reference text; where any witness differs or is silent, an
    <app n="INDEX"> holds <lem wit="..."> (the reference reading, with the witnesses that
    agree) and one <rdg wit="..." type="KIND"> per distinct variant reading. A witness that
    does not cover the location reads <rdg type="lacuna"><gap reason="lacuna"/></rdg>; a
    witness whose segment edge falls inside the location carries cause="partial-coverage".
    An omission is an empty <rdg> of type `omission`, never confused with a lacuna.
    A character XML 1.0 cannot carry (a C0 control such as a PDF's form feed, U+FFFE,
    U+FFFF) is written <g ref="#U000C"/>, declared once in <charDecl> (TEI ch. 5).

Built and parsed with lxml. `read_tei` gives back, per location, every witness's status
and text: the round trip is tested against `readings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from provenance.collation.table import Location, Reading, Status, Table
from provenance.errors import ProvenanceError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = f"{{{TEI_NS}}}"
_PARTIAL = "partial-coverage"


@dataclass(frozen=True, slots=True)
class TeiReading:
    """What the TEI says one witness reads at one location."""

    status: Status
    text: str
    kind: str = ""
    partial: bool = False


@dataclass(frozen=True, slots=True)
class TeiLocation:
    reference_text: str
    readings: dict[str, TeiReading]
    """Witness siglum -> reading."""


def to_tei(table: Table, *, title: str = "") -> bytes:
    """The table as a TEI P5 document (UTF-8 bytes, with an XML declaration)."""
    root = _build(table, title or f"Collation of {table.reference.id}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry: each is written as a <g>."""
_CHAR_REF = re.compile(r"#U([0-9A-F]{4,6})")


def _append(parent: etree._Element, text: str) -> None:
    """`text` added at the end of `parent`'s content, each character XML cannot carry
    as <g ref="#UXXXX"/>."""
    at = 0
    for found in _NOT_XML.finditer(text):
        _append_text(parent, text[at : found.start()])
        etree.SubElement(parent, f"{_T}g").set("ref", f"#U{ord(found.group()):04X}")
        at = found.end()
    _append_text(parent, text[at:])


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):  # after the last child element: its tail
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _declare_chars(encoding: etree._Element, root: etree._Element) -> None:
    """A <charDecl> with a <char> for every character a <g> stands for."""
    refs = sorted({g.get("ref", "") for g in root.iter(f"{_T}g")})
    if not refs:
        return
    declared = etree.SubElement(encoding, f"{_T}charDecl")
    for ref in refs:
        char = etree.SubElement(declared, f"{_T}char")
        char.set(f"{{{XML_NS}}}id", ref[1:])
        code = f"U+{ref[2:]}"
        etree.SubElement(char, f"{_T}desc").text = f"{code}, which XML 1.0 cannot carry"


def _char(g: etree._Element, source: str) -> str:
    """The character a <g> written by `to_tei` stands for."""
    found = _CHAR_REF.fullmatch(g.get("ref", ""))
    if found is None:
        raise ProvenanceError(source, f"<g ref={g.get('ref')!r}> is not a character reference")
    return chr(int(found.group(1), 16))


def _content(element: etree._Element, source: str) -> str:
    """The text of a <lem> or <rdg>, with its <g> characters."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != f"{_T}g":
            tag = etree.QName(child).localname
            raise ProvenanceError(source, f"unexpected <{tag}> in a reading")
        parts += [_char(child, source), child.tail or ""]
    return "".join(parts)


def read_tei(data: bytes, *, source: str = "<tei>") -> list[TeiLocation]:
    """Locations and readings from a document written by `to_tei`.

    Raises:
        ProvenanceError: Not well-formed XML, or not in the shape `to_tei` writes.
    """
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ProvenanceError(source, f"not well-formed XML: {error}") from None
    ids = {w.get(f"{{{XML_NS}}}id", ""): w.get("n", "") for w in root.iter(f"{_T}witness")}
    witnesses = list(ids.values())
    paragraph = root.find(f".//{_T}body/{_T}p")
    if paragraph is None or root.find(f".//{_T}listWit") is None:  # it may list no witness
        raise ProvenanceError(source, "no <listWit> or no <body><p>: not a collation")
    out: list[TeiLocation] = []
    plain = [paragraph.text or ""]  # the text all witnesses read since the last <app>

    def agreed() -> None:
        text = "".join(plain)
        plain.clear()
        if text:
            out.append(TeiLocation(text, {w: TeiReading(Status.AGREES, text) for w in witnesses}))

    for child in paragraph:
        if child.tag == f"{_T}g":
            plain.append(_char(child, source))
        elif child.tag == f"{_T}app":
            agreed()
            out.append(_read_app(child, ids, source))
        else:
            tag = etree.QName(child).localname
            raise ProvenanceError(source, f"unexpected <{tag}> in the text")
        plain.append(child.tail or "")
    agreed()
    return out


def readings(table: Table) -> list[TeiLocation]:
    """The table in the shape `read_tei` returns, for comparing a round trip."""
    out: list[TeiLocation] = []
    for loc in table.locations:
        if _plain(loc):
            text = loc.reference_text
            if out and _all_agree(out[-1]):  # TEI cannot tell adjacent plain stretches apart
                text = out[-1].reference_text + text
                out.pop()
            agreeing = {r.witness: TeiReading(Status.AGREES, text) for r in loc.readings}
            out.append(TeiLocation(text, agreeing))
            continue
        found = {r.witness: _tei_reading(r) for r in loc.readings}
        out.append(TeiLocation(loc.reference_text, found))
    return out


def _build(table: Table, title: str) -> etree._Element:
    # A None key makes TEI the default namespace; lxml-stubs do not allow for it.
    root = etree.Element(f"{_T}TEI", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    header = etree.SubElement(root, f"{_T}teiHeader")
    file_desc = etree.SubElement(header, f"{_T}fileDesc")
    etree.SubElement(etree.SubElement(file_desc, f"{_T}titleStmt"), f"{_T}title").text = title
    publication = etree.SubElement(file_desc, f"{_T}publicationStmt")
    etree.SubElement(publication, f"{_T}p").text = "Generated by provenance collate."
    source_desc = etree.SubElement(file_desc, f"{_T}sourceDesc")
    list_wit = etree.SubElement(source_desc, f"{_T}listWit")
    # xml:id must be an NCName, which a capture id need not be; the siglum goes in @n.
    sigla = {w.id: f"w{n}" for n, w in enumerate(table.witnesses, 1)}
    for w in table.witnesses:
        element = etree.SubElement(list_wit, f"{_T}witness")
        element.set(f"{{{XML_NS}}}id", sigla[w.id])
        element.set("n", w.id)
        spans = ", ".join(f"{o.start}..{o.end}" for o in (w.original(s.copy) for s in w.segments))
        element.text = (
            f"{w.id}: {w.kind.value} in capture {w.source} (sha256 {w.source_sha256}), {spans}"
        )
    encoding = etree.SubElement(header, f"{_T}encodingDesc")
    variant = etree.SubElement(encoding, f"{_T}variantEncoding")
    variant.set("method", "parallel-segmentation")
    variant.set("location", "internal")
    body = etree.SubElement(etree.SubElement(root, f"{_T}text"), f"{_T}body")
    paragraph = etree.SubElement(body, f"{_T}p")
    paragraph.set(f"{{{XML_NS}}}space", "preserve")
    for loc in table.locations:
        if _plain(loc):
            _append(paragraph, loc.reference_text)
        else:
            _app(paragraph, loc, sigla)
    _declare_chars(encoding, root)
    return root


def _app(parent: etree._Element, loc: Location, sigla: dict[str, str]) -> etree._Element:
    app = etree.SubElement(parent, f"{_T}app")
    app.set("n", str(loc.index))
    lem = etree.SubElement(app, f"{_T}lem")
    lem.text = ""  # an empty reading is written <lem></lem>, as it always was
    _append(lem, loc.reference_text)
    agreeing = [r for r in loc.readings if r.status is Status.AGREES and not r.partial]
    if agreeing:
        lem.set("wit", _wits(agreeing, sigla))
    # One <rdg> per distinct reading; witnesses that read alike share it.
    groups: dict[tuple[str, str, bool, str], list[Reading]] = {}
    for r in loc.readings:
        if r.status is Status.AGREES and not r.partial:
            continue
        key = (r.status.value, r.text, r.partial, r.kind.value if r.kind else "")
        groups.setdefault(key, []).append(r)
    for (status, text, partial, kind), members in groups.items():
        rdg = etree.SubElement(app, f"{_T}rdg")
        rdg.set("wit", _wits(members, sigla))
        if status == Status.LACUNA:
            rdg.set("type", "lacuna")
            etree.SubElement(rdg, f"{_T}gap").set("reason", "lacuna")
            continue
        rdg.set("type", kind or "agrees")
        if partial:
            rdg.set("cause", _PARTIAL)
        rdg.text = ""  # as for <lem>: an omission is written <rdg ...></rdg>
        _append(rdg, text)
    return app


def _read_app(app: etree._Element, ids: dict[str, str], source: str) -> TeiLocation:
    lem = app.find(f"{_T}lem")
    if lem is None:
        raise ProvenanceError(source, f"<app n={app.get('n')!r}> has no <lem>")
    reference = _content(lem, source)
    found: dict[str, TeiReading] = {}
    for w in _ids(lem.get("wit", ""), ids):
        found[w] = TeiReading(Status.AGREES, reference)
    for rdg in app.iterfind(f"{_T}rdg"):
        kind = rdg.get("type", "")
        partial = rdg.get("cause") == _PARTIAL
        if kind == "lacuna":
            reading = TeiReading(Status.LACUNA, "")
        elif kind == "agrees":
            reading = TeiReading(Status.AGREES, _content(rdg, source), partial=partial)
        else:
            reading = TeiReading(Status.VARIANT, _content(rdg, source), kind, partial)
        for w in _ids(rdg.get("wit", ""), ids):
            found[w] = reading
    witnesses = list(ids.values())
    missing = [w for w in witnesses if w not in found]
    if missing:
        raise ProvenanceError(source, f"<app n={app.get('n')!r}> has no reading for {missing[0]}")
    return TeiLocation(reference, {w: found[w] for w in witnesses})


def _tei_reading(r: Reading) -> TeiReading:
    kind = r.kind.value if r.kind is not None and r.status is Status.VARIANT else ""
    return TeiReading(r.status, r.text, kind, r.partial)


def _plain(loc: Location) -> bool:
    return all(r.status is Status.AGREES and not r.partial for r in loc.readings)


def _all_agree(loc: TeiLocation) -> bool:
    return all(r.status is Status.AGREES and not r.partial for r in loc.readings.values())


def _wits(readings: list[Reading], sigla: dict[str, str]) -> str:
    return " ".join("#" + sigla[r.witness] for r in readings)


def _ids(wit: str, ids: dict[str, str]) -> list[str]:
    return [ids.get(token.lstrip("#"), token) for token in wit.split()]
