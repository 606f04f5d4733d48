"""The headless core never imports Textual (the review UI is the only place that may)."""

from __future__ import annotations

from pathlib import Path

from conftest import python_output

import provenance


def test_core_imports_no_textual() -> None:
    code = (
        "import sys, provenance, provenance.cli, provenance.report, provenance.analyse\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(sys.modules)); print(loaded)\n"
    )
    output = python_output(code)
    count, loaded = output.splitlines()
    assert int(count) > 50  # the imports really happened
    assert loaded == "[]"


def test_markdown_it_is_imported_by_the_first_markdown_capture(tmp_path) -> None:
    """markdown-it-py costs 40 ms of start-up: a run that reads only text and HTML never
    imports it."""
    (tmp_path / "a.txt").write_text("The Parties propose the following.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>The <b>Parties</b> propose.</p>\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("The **Parties** propose.\n", encoding="utf-8")
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from provenance.cli import main\nfrom provenance.analyse import Analyser\n"
        "from provenance.load import load\n"
        f"folder = Path({str(tmp_path)!r})\n"
        "analyser = Analyser.of(load(folder / 'a.txt'))\n"
        "for name in ('a.txt', 'b.html', 'c.md'):\n"
        "    analyser.source(load(folder / name))\n"
        "    print('markdown_it' in sys.modules)\n"
    )
    output = python_output(code)
    assert output.split() == ["False", "False", "True"]


def test_no_module_gives_a_module_level_name_twice() -> None:
    """A second `_DETERMINER = re.compile(...)` in one module silently replaces the first
    for every use above it too; this sitting did it three times (each caught by a failing
    rule, not by the linters, which let a constant be bound twice)."""
    import ast
    from collections import Counter

    twice = []
    for path in sorted(Path(provenance.__file__).parent.rglob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += node.value is not None
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
        twice += [f"{path.name}: {name}" for name, count in names.items() if count > 1]
    assert twice == []
