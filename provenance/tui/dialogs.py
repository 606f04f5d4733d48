"""Modal screens: help, note and confirmation."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Key, Paste
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown


def help_text(section: str) -> str:
    """The `## section` of help.md plus its `## Everywhere` part, as Markdown."""
    text = files("provenance.tui").joinpath("help.md").read_text(encoding="utf-8")
    parts: dict[str, str] = {}
    title = ""
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            title = line[3:].strip()
        parts[title] = parts.get(title, "") + line
    return parts.get(section, f"## {section}\n\nNo help for this screen.\n") + parts.get(
        "Everywhere", ""
    )


class HelpScreen(ModalScreen[None]):
    """The keys of the screen it was opened from: the scrolling keys scroll it (help is
    taller than a small terminal), any other key closes it."""

    def __init__(self, section: str) -> None:
        super().__init__()
        self.section = section

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text(self.section))
            yield Label("↑↓ PgUp PgDn Home End scroll · any other key closes.", id="help-close")

    def on_key(self, event: Key) -> None:
        event.stop()
        box = self.query_one("#help-box", VerticalScroll)
        scroll = {
            "down": box.scroll_down,
            "j": box.scroll_down,
            "up": box.scroll_up,
            "k": box.scroll_up,
            "pagedown": box.scroll_page_down,
            "space": box.scroll_page_down,
            "pageup": box.scroll_page_up,
            "home": box.scroll_home,
            "end": box.scroll_end,
        }.get(event.key)
        if scroll is not None:
            scroll(animate=False)
            return
        self.dismiss(None)


class _NoteInput(Input):
    """The note's one line: pasted lines are joined by spaces (Input keeps the first alone,
    and a pasted note's other lines were dropped without a word)."""

    def _on_paste(self, event: Paste) -> None:
        if event.text:
            joined = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *selection)
        event.prevent_default()  # (Input's own handler would add the first line again)
        event.stop()


class NoteDialog(ModalScreen[str | None]):
    """One line of free text: Enter saves, Esc cancels (dismisses with None).

    Words typed and not saved are never dropped by a reflex Ctrl-C (`hold_draft`), and the
    app hands them back if it quits with the dialog open (`draft`).
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    HINT = "Enter saves · Esc cancels · an empty note removes it"

    def __init__(self, title: str, note: str = "", *, about: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.about = about or title
        """What the note is on, for the line that hands back a note not saved."""
        self._held = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Label(self.title_text, id="note-title")
            yield _NoteInput(
                self.note, placeholder="why: benign, expected, alters meaning…", id="note"
            )
            yield Label(self.HINT, id="note-hint", classes="hint")

    def draft(self) -> str | None:
        """The words typed and not saved; None when the box holds nothing or the saved note."""
        typed = self.query_one("#note", Input).value.strip()
        return typed if typed and typed != self.note.strip() else None

    def hold_draft(self) -> bool:
        """Ctrl-C over words not saved: keep them, the first time, and say how to save
        them or leave. True when held (the app does not quit)."""
        if self._held or self.draft() is None:
            return False
        self._held = True
        hint = self.query_one("#note-hint", Label)
        hint.update("Ctrl-C again quits without saving this note · " + self.HINT)
        hint.add_class("-warning")
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question for a bulk action: `y`/Enter on Yes confirms, `n`/Esc declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Label(self.question, id="question")
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes (y)", variant="primary", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class GotoDialog(ModalScreen[int | None]):
    """A finding number: Enter goes there, Esc cancels (dismisses with None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, last: int) -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box", classes="dialog"):
            yield Label(f"Go to finding number (1 to {self.last})", id="goto-title")
            yield Input(type="integer", placeholder="number", id="goto")
            yield Label("Enter goes · Esc cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(int(value) if value.lstrip("-").isdigit() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
