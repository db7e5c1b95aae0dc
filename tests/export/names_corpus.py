"""Names from many scripts, and the demo plan with these people in it.

Other tests and ``make plan-pages`` build the *names corpus plan* from here: the demo session
with every name below as a participant (so on the attendance list and the sign-off table), some
of them also as stakeholders on the sociale kaart and, through their participant keys, as
agreement leads, in the plan's title (the page header) and in a theme (the vote chart).
"""

from __future__ import annotations

import copy
from typing import Any, NamedTuple


class Name(NamedTuple):
    text: str
    script: str  # what the name tests, for messages


NAMES = (
    Name("Gülşen Yılmaz", "Turkish"),
    Name("Nguyễn Thị Minh Khai", "Vietnamese"),
    Name("Łukasz Wróblewski", "Polish"),
    Name("Γιώργος Παπαδόπουλος", "Greek"),
    Name("Наталья Иванова", "Cyrillic"),
    Name("יעל כהן", "Hebrew"),
    Name("عائشة بنت أحمد", "Arabic"),
    Name("عبد الله الأنصاري", "Arabic with lam-alef and Allah"),
    Name("فاطمة الزهراء بنت محمد بن عبد الرحمن الأنصاري", "Arabic, long enough to wrap"),
    Name("李伟", "Chinese"),
    Name("王芳", "Chinese"),
    Name("陳美玲", "Chinese, traditional"),
    Name("佐藤 花子", "Japanese, kanji and a space"),
    Name("マリア・ゴンザレス", "Japanese, katakana"),
    Name("김민준", "Korean"),
    Name("Ch'ang Wei-ling", "apostrophe"),
    Name("Priya D'Souza", "apostrophe"),
    Name("Jan van 't Hek", "tussenvoegsel with apostrophe"),
    Name("Els de Vries-van der Meer", "tussenvoegsels and a hyphen"),
)
RIGHT_TO_LEFT = frozenset(
    {"Hebrew", "Arabic", "Arabic with lam-alef and Allah", "Arabic, long enough to wrap"}
)
# Names that are also a stakeholder on the sociale kaart (by position in NAMES).
STAKEHOLDERS = (6, 9, 12, 14, 5)
TITLE = "Samen gezond in Kaalheide – 佐藤 花子 en عائشة بنت أحمد"
THEME = "Eenzaamheid – 외로움 – 孤独"


def names_corpus_document(demo: dict[str, Any]) -> dict[str, Any]:
    """The demo document (``worksession.workflows.demo.demo_document``) with the corpus's people
    in it."""
    document = copy.deepcopy(demo)
    document["session"]["title"] = TITLE
    participants = document["participants"]
    template = participants[-1]
    for index, name in enumerate(NAMES):
        if index < len(participants):
            participants[index]["name"] = name.text
        else:
            extra = dict(template, key=f"p-corpus-{index}", name=name.text, registration="")
            extra["email"] = f"corpus{index}@example.invalid"
            participants.append(extra)
    for slot, index in enumerate(STAKEHOLDERS):
        document["stakeholders"][slot]["name"] = NAMES[index].text
    document["themes"][0]["title"] = THEME
    return document
