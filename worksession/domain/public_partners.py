"""Which stakeholder on the sociale kaart is the GGD or the gemeente (lesson 8 of the method).

The domain alone does not say it: *publieke gezondheid* also holds the Centrum voor Jeugd en
Gezin, the *sociaal domein* also the welzijnsorganisatie. A stakeholder is the GGD when its name
says so ("GGD Zuid-Limburg"), when its organisation does and it works in public health, or when
its role is one of the catalogue's GGD roles; the gemeente likewise with "gemeente", the social
domain and the catalogue's gemeente roles. A team that merely belongs to the gemeente but works
in another domain (the buurtsportcoach of "Gemeente Kerkrade, team Sport") is not the gemeente.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Any

from worksession.domain.roles import RoleCatalogue
from worksession.domain.values import Domain


class PublicPartner(StrEnum):
    GGD = "ggd"
    GEMEENTE = "gemeente"


_WORDS = {PublicPartner.GGD: "ggd", PublicPartner.GEMEENTE: "gemeente"}
_DOMAINS = {PublicPartner.GGD: Domain.PUBLIC_HEALTH, PublicPartner.GEMEENTE: Domain.SOCIAL_DOMAIN}
# The catalogue's roles (sessions/catalogues/rollen.toml) that are this partner's own.
_ROLE_IDS = {
    PublicPartner.GGD: frozenset({"ggd-epidemioloog", "ggd-gezondheidsbevordering"}),
    PublicPartner.GEMEENTE: frozenset({"gemeente-beleid", "wijkmanager"}),
}


_WORD_BREAKS = re.compile(r"[^\w]+")


def _words(text: object) -> frozenset[str]:
    return _split(str(text or ""))


@lru_cache(maxsize=4096)  # every stakeholder's name and organisation, after every save
def _split(text: str) -> frozenset[str]:
    return frozenset(_WORD_BREAKS.split(text.casefold()))


def public_partner(stakeholder: Mapping[str, Any], roles: RoleCatalogue) -> PublicPartner | None:
    """The GGD or the gemeente when ``stakeholder`` is one of them, else None."""
    # Asked for every stakeholder after every change a coach makes: the texts are split once.
    role = roles.role_of(str(stakeholder.get("role") or ""))
    name, organisation = _words(stakeholder.get("name")), _words(stakeholder.get("organisation"))
    for partner in PublicPartner:
        word = _WORDS[partner]
        if word in name:
            return partner
        if word in organisation and stakeholder.get("domain") == _DOMAINS[partner]:
            return partner
        if role is not None and role.id in _ROLE_IDS[partner]:
            return partner
    return None


def has_offer(stakeholder: Mapping[str, Any]) -> bool:
    """Whether anything is recorded of what the stakeholder offers: a catalogue offer picked
    (``offers``, newer than some documents) or its own offer in words."""
    return bool(stakeholder.get("offers", None)) or bool(
        str(stakeholder.get("offer", "") or "").strip()
    )
