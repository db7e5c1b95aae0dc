"""Which role a typed role text is, and so which domain: one reading for every check and list.

The toolkit's role catalogue (``sessions/catalogues/rollen.toml``) names each role with its
domain. People are typed or pasted with roles such as "huisarts", "inwoner" or "POH-GGZ": this
module finds the catalogue role they mean, so a participant gets its domain from the catalogue
and the checks ("no huisarts", "no inwoners") read one definition instead of one reading the
domain and another the role text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from worksession.domain.values import Domain

# Words that make a role a GP's or a resident's even when the catalogue is not at hand
# (an imported session, a role like "huisarts en kaderarts ouderen").
GP_WORDS = ("huisarts", "praktijkondersteuner", "poh", "general practitioner")
RESIDENT_WORDS = ("inwoner", "bewoner", "resident")
GP_ROLE_IDS = frozenset({"huisarts", "poh-somatiek", "poh-ggz"})
_REMEMBERED = 4096  # role texts remembered per catalogue


@dataclass(frozen=True)
class CatalogueRole:
    """The part of a catalogue role that people's roles are matched against."""

    id: str
    name: str
    domain: str


def _normal(text: str) -> str:
    """Lower case, single spaces, no punctuation, and no plural s: "Inwoners" = "inwoner"."""
    words = re.sub(r"[^\w]+", " ", text.casefold()).split()
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


def _names(role: CatalogueRole) -> set[str]:
    """Every way a role is called: its name, its id, the name before and the parts inside
    the brackets ("Praktijkondersteuner GGZ (POH-GGZ)" is also "POH-GGZ")."""
    names = {role.name, role.id, role.id.replace("-", " ")}
    before, _sep, inside = role.name.partition("(")
    names.add(before)
    names.update(re.split(r"[,/]| en ", inside.rstrip(")")))
    return {_normal(name) for name in names if name.strip()}


class RoleCatalogue:
    """The toolkit's roles, looked up by what people type."""

    def __init__(self, roles: Iterable[CatalogueRole] = ()) -> None:
        self._by_name: dict[str, CatalogueRole] = {}
        # What each text was found to be: the checks ask for every participant's and every
        # stakeholder's role after each change, and normalising the text is most of the cost.
        self._found: dict[str, CatalogueRole | None] = {}
        for role in roles:
            for name in _names(role):
                self._by_name.setdefault(name, role)

    def role_of(self, text: str) -> CatalogueRole | None:
        """The catalogue role ``text`` names: the whole text, else its part before a comma or
        bracket ("inwoner, mantelzorger" is an inwoner)."""
        if text in self._found:
            return self._found[text]
        if len(self._found) > _REMEMBERED:
            self._found.clear()  # typed texts only: never more than a session's worth
        self._found[text] = found = self._look_up(text)
        return found

    def _look_up(self, text: str) -> CatalogueRole | None:
        for candidate in (text, re.split(r"[,(;]", text)[0]):
            role = self._by_name.get(_normal(candidate))
            if role is not None:
                return role
        return None

    def domain_of(self, text: str) -> str:
        """The domain of the role ``text`` names, or "" (unknown)."""
        role = self.role_of(text)
        return role.domain if role is not None and role.domain in Domain.values() else ""


def effective_domain(person: Mapping[str, Any], roles: RoleCatalogue) -> str:
    """The person's domain as given, or, when unknown, the catalogue's domain of their role."""
    domain = str(person.get("domain") or "")
    return domain or roles.domain_of(str(person.get("role") or ""))


def is_gp(person: Mapping[str, Any], roles: RoleCatalogue) -> bool:
    """A huisarts or praktijkondersteuner, by catalogue role or by the words of the role."""
    role_text = str(person.get("role") or "")
    role = roles.role_of(role_text)
    if role is not None and role.id in GP_ROLE_IDS:
        return True
    lowered = role_text.casefold()
    return any(word in lowered for word in GP_WORDS)


def is_resident(person: Mapping[str, Any], roles: RoleCatalogue) -> bool:
    """An inwoner: domain "residents" given or taken from the role, or the role's words."""
    if effective_domain(person, roles) == Domain.RESIDENTS:
        return True
    lowered = str(person.get("role") or "").casefold()
    return any(word in lowered for word in RESIDENT_WORDS)
