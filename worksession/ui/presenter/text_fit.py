"""Fitting the presenter's text into the room it has: never clipped, never scrolled.

A list keeps its first items whole and says how many more there are ("+ nog 3"): half an item
cut at a word reads as a different item. Running text (the ambition, the casus) is cut at a word
and ended with "…". ``fits`` measures the slide as it is now: the label's text is set, then asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel

from worksession.i18n import ngettext


def more_line(count: int) -> str:
    """The list's last line for ``count`` items left out."""
    return ngettext("+ {count} more", "+ {count} more", count).format(count=count)


def list_text(lines: Sequence[str], shown: int, more: int) -> str:
    """The first ``shown`` of ``lines``, then a line for the rest and ``more`` left out before."""
    left = len(lines) - shown + more
    return "\n".join([*lines[:shown], *([more_line(left)] if left else [])])


def fit_items(label: QLabel, lines: Sequence[str], more: int, fits: Callable[[], bool]) -> None:
    """The most of ``lines`` that fit whole, with the line saying how many are left out."""
    low, high = 0, len(lines)
    while low < high:  # a binary search: a longer list is never shorter on the slide
        middle = (low + high + 1) // 2
        label.setText(list_text(lines, middle, more))
        if fits():
            low = middle
        else:
            high = middle - 1
    label.setText(list_text(lines, low, more))


def fit_words(label: QLabel, text: str, fits: Callable[[], bool]) -> None:
    """The most words of ``text`` that fit, ended with "…"; nothing when not even one does."""
    words = text.split(" ")
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        label.setText(" ".join(words[:middle]).rstrip() + " …")
        if fits():
            low = middle
        else:
            high = middle - 1
    label.setText(" ".join(words[:low]).rstrip() + " …" if low else "")
