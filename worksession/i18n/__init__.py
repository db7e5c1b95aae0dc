"""One translation path for every layer (UI, CLI, PDF), Qt-free.

Source strings are English and marked with ``_`` (translate now) or ``N_`` (mark for extraction,
translate when shown). The Dutch catalog in ``resources/translations`` is the default language.
"""

from __future__ import annotations

import gettext
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from worksession.support.paths import resource_path

DOMAIN = "worksession"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_language = DEFAULT_LANGUAGE
# A language chosen for one thread only: a plan is drawn (and verified) in the language it was
# made in, in a worker thread, while the window goes on speaking the user's language.
_this_thread = threading.local()
# Read on first use: the app chooses its language before it shows a word, and reading the
# catalog at import would read it twice.
_translations: gettext.NullTranslations | None = None


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language``; no translation (English) when it is missing.

    The one file is opened directly rather than through ``gettext.translation``, whose search
    over locale aliases imports the ``locale`` module: a few milliseconds before the first
    paint, for a language code the app already knows."""
    if language == "en":
        return gettext.NullTranslations()
    path = resource_path("translations", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with path.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    except OSError:  # missing or damaged: English beats not starting
        return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch every later ``_`` call to ``language`` (``nl`` or ``en``); unknown codes fall back."""
    global _translations, _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _translations = None
    _kept.pop(_language, None)  # read afresh, for the window and the plans alike


def current_language() -> str:
    return _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate every ``_`` call of this thread into ``language`` until the block ends."""
    previous = getattr(_this_thread, "translations", None)
    _this_thread.translations = _kept_catalog(
        language if language in LANGUAGES else DEFAULT_LANGUAGE
    )
    try:
        yield
    finally:
        _this_thread.translations = previous


# Every plan drawn or verified speaks its own language: its catalog is read once, not per plan,
# and it is the very catalog the app speaks when the languages are the same (one copy of the
# Dutch catalog, some 0.3 MB, rather than one for the window and one for the plans).
_kept: dict[str, gettext.NullTranslations] = {}


def _kept_catalog(language: str) -> gettext.NullTranslations:
    if language not in _kept:
        _kept[language] = catalog(language)
    return _kept[language]


def _active() -> gettext.NullTranslations:
    global _translations
    chosen: gettext.NullTranslations | None = getattr(_this_thread, "translations", None)
    if chosen is not None:
        return chosen
    if _translations is None:
        _translations = _kept_catalog(_language)
    return _translations


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_`` when it is shown."""
    return message


set_language(os.environ.get("WORKSESSION_LANG", DEFAULT_LANGUAGE))
