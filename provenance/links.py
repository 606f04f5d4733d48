"""Where a corpus's own files may lead: a symlink is followed only inside the corpus.

The manifest and the decision file are what every command reads and what `decide`,
`add` and `manifest --update` rewrite; a link out of the corpus (or dangling, or in a
loop) would read or overwrite someone else's file, and replacing the link by a file of
our own would break it without a word. `check`, `report`, `findings`, `decide`, the
review UI and `manifest` all refuse such a link with the same line.
"""

from __future__ import annotations

from pathlib import Path


def where(link: Path, directory: Path) -> str:
    """Where a symlink leads: inside or outside the corpus, or round in a loop."""
    try:
        inside = link.resolve(strict=True).is_relative_to(directory.resolve())
    except FileNotFoundError:
        return "which does not exist"
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"
        return "a symlink loop"
    return "inside the corpus" if inside else "outside the corpus"


def foreign_link(path: Path, directory: Path) -> str | None:
    """Why `path` must not be followed: a symlink out of the corpus, dangling or in a loop.

    None when it is no symlink, or one to a file inside the corpus.
    """
    if not path.is_symlink():
        return None
    found = where(path, directory)
    if found == "inside the corpus":
        return None
    return f"is a symlink to {path.readlink()} ({found}); not followed"
