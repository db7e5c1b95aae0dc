"""One translation path for every layer (UI, CLI, PDF), Qt-free.

Source strings are English and marked with ``_`` (translate now) or ``N_`` (mark for extraction,
translate when shown). The Dutch catalog in ``resources/translations`` is the default language.
"""

from __future__ import annotations

import gettext
import os

from worksession.paths import resource_path

DOMAIN = "worksession"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch every later ``_`` call to ``language`` (``nl`` or ``en``); unknown codes fall back."""
    global _translations, _language
    code = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if code == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(
            DOMAIN, localedir=resource_path("translations"), languages=[code], fallback=True
        )
    _language = code


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_`` when it is shown."""
    return message


set_language(os.environ.get("WORKSESSION_LANG", DEFAULT_LANGUAGE))
