"""Help lists every key of every screen; footer greys out what cannot happen now."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from tui_helpers import open_capture

from provenance.tui.app import VIEWS, ReviewApp
from provenance.tui.corpus_screen import CorpusScreen
from provenance.tui.dialogs import help_text
from provenance.tui.quotes_screen import QuotesScreen
from provenance.tui.review_screen import ReviewScreen
from provenance.tui.variants_screen import VariantsScreen, VariantTable

pytestmark = pytest.mark.tui  # needs Textual (Pilot, snapshots or the UI's modules)

KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "f1": "F1",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "down": "↓",
    "up": "↑",
}


def keys(screen: type) -> list[str]:
    out = []
    for binding in screen.BINDINGS:
        assert isinstance(binding, Binding)
        out += [KEY_NAMES.get(k, k) for k in binding.key.split(",")]
    return out


@pytest.mark.parametrize("screen", [CorpusScreen, ReviewScreen, QuotesScreen, VariantsScreen])
def test_help_names_every_key_of_the_screen(screen: type) -> None:
    text = help_text(screen.HELP_SECTION)
    view_keys = {view.key for view in VIEWS}
    own = keys(VariantTable) if screen is VariantsScreen else []
    for key in [*keys(screen), *own, *(k for k in keys(ReviewApp) if k not in view_keys)]:
        assert f"`{key}`" in text, f"{key} missing from help of {screen.__name__}"
    for view in VIEWS:  # every other view is offered from this screen
        if view.screen is not screen:
            assert f"`{view.key}`" in text, f"{view.key} missing from help of {screen.__name__}"


async def test_disabled_actions_until_possible(app: ReviewApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_capture(pilot)
        assert screen.check_action("note", ()) is True  # undecided: a note flags it
        assert screen.check_action("undo", ()) is None
        assert screen.check_action("decide", ()) is True
        assert app.check_action("open_view", ("quotations",)) is True  # 002 has quotations
        await pilot.press("a")
        await pilot.pause()
        assert screen.check_action("undo", ()) is True
        await pilot.press("q", "j")  # 003 quotes only other people: the view is offered
        await pilot.pause()
        assert app.check_action("open_view", ("quotations",)) is True
