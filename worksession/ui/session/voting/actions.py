"""Every change of the vote round as one undoable command through the session controller.

The widgets of the vote panel say what the coach did (a method chosen, a count or a rank typed,
a ballot removed, equal themes ordered); this turns it into the storage operation, wrapped in a
command from ``commands.py``, and hands it to ``SessionController.execute``: stored at once,
undone with Ctrl+Z, and a refused value reported with the controller's message (nothing stored).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from worksession.domain.changes import Changes, Part, changes
from worksession.domain.models import VoteBallot
from worksession.domain.values import VoteEntry
from worksession.domain.voting import replaced_totals
from worksession.i18n import _
from worksession.storage.operations.themes import list_themes
from worksession.storage.operations.voting import (
    add_ballot,
    set_tie_break,
    set_vote_settings,
    set_vote_totals,
    update_ballot,
)
from worksession.ui.session.commands import (
    ActionCommand,
    AddCommand,
    EditCommand,
    RemoveCommand,
    RemoveManyCommand,
)
from worksession.ui.session.controller import SessionController
from worksession.ui.session.voting.ballot_model import BallotRow
from worksession.ui.session.voting.places import TypedPlaces, ranking_from_places


class VoteActions:
    def __init__(self, controller: SessionController) -> None:
        self.controller = controller
        self.typed = TypedPlaces()
        self.last_refusal = ""  # the controller's message when the last change was refused

    def _execute(self, command: ActionCommand) -> bool:
        heard: list[str] = []

        def hear(message: str) -> None:
            heard.append(message)

        self.controller.rejected.connect(hear)
        try:
            done = self.controller.execute(command)
        finally:
            self.controller.rejected.disconnect(hear)
        self.last_refusal = heard[-1] if heard else ""
        return done

    def change_settings(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
        """Change fields of the method (``mode``, ``entry``, ``per_person``, ``cap``,
        ``anonymous``, ``voters``); ``old`` holds their stored values for the undo.

        Going from totals to ballots replaces the typed totals with the ballots' scores; the
        undo types them back."""
        db, session_id = self.controller.db, self.controller.session_id
        before = dict(old)
        if (old.get("entry"), new.get("entry")) == (VoteEntry.TOTALS, VoteEntry.BALLOTS):
            before["totals"] = {
                int(theme.id or 0): theme.votes
                for theme in list_themes(db=db, session_id=session_id)
            }

        def apply(values: dict[str, Any]) -> Changes:
            fields = {name: value for name, value in values.items() if name != "totals"}
            set_vote_settings(db=db, session_id=session_id, **fields)
            if "totals" in values:
                set_vote_totals(db=db, session_id=session_id, totals=values["totals"])
            return changes(Part.VOTING)

        command = EditCommand(_("Change the vote method"), apply, before, dict(new))
        return self._execute(command)

    def totals_replaced_by(self, before: VoteEntry, after: VoteEntry) -> list[tuple[str, int]]:
        """The typed totals (theme title, count) that changing the entry would replace."""
        themes = self.controller.document["themes"]
        replaced = replaced_totals(
            before, after, {theme["key"]: theme["votes"] for theme in themes}
        )
        return [
            (theme["title"], replaced[theme["key"]]) for theme in themes if theme["key"] in replaced
        ]

    def set_count(self, row: BallotRow, theme_id: int, count: int) -> bool:
        """Dots or points of one ballot for one theme (0 clears it); a first count makes the
        ballot."""
        counts = {key: value for key, value in row.counts.items() if value}
        counts.pop(theme_id, None)
        if count:
            counts[theme_id] = count
        db, session_id = self.controller.db, self.controller.session_id
        command: ActionCommand
        if row.ballot_id is None:
            if not counts:
                return True
            participant = row.participant_id
            command = AddCommand(
                _("Add ballot"),
                db,
                VoteBallot,
                lambda: add_ballot(
                    db=db, session_id=session_id, participant_id=participant, counts=counts
                ),
            )
        else:
            ballot_id = row.ballot_id
            command = EditCommand(
                _("Edit ballot"),
                lambda values: update_ballot(db=db, ballot_id=ballot_id, counts=values["counts"]),
                {"counts": dict(row.counts)},
                {"counts": counts},
            )
        return self._execute(command)

    def set_place(
        self, row: BallotRow, theme_id: int, place: int | None, themes: Mapping[int, str]
    ) -> bool:
        """The rank number one ballot gives one theme (None clears it); the ballot stores the
        themes in the order of their numbers. A number out of range or given twice is refused."""
        places = dict(row.places)
        places.pop(theme_id, None)
        if place is not None:
            places[theme_id] = place
        db, session_id = self.controller.db, self.controller.session_id
        voter = row.voter
        command: ActionCommand
        if row.ballot_id is None:
            if not places:
                return True
            participant = row.participant_id

            def add() -> VoteBallot:
                ranking = ranking_from_places(places, themes, voter=voter)
                ballot = add_ballot(
                    db=db, session_id=session_id, participant_id=participant, ranking=ranking
                )
                assert ballot.id is not None
                self.typed.remember(ballot.id, places)
                return ballot

            command = AddCommand(_("Add ballot"), db, VoteBallot, add)
        else:
            ballot_id = row.ballot_id

            def apply(values: dict[str, Any]) -> VoteBallot:
                ranking = ranking_from_places(values["places"], themes, voter=voter)
                ballot = update_ballot(db=db, ballot_id=ballot_id, ranking=ranking)
                self.typed.remember(ballot_id, values["places"])
                return ballot

            command = EditCommand(
                _("Edit ballot"), apply, {"places": dict(row.places)}, {"places": places}
            )
        return self._execute(command)

    def remove_ballot(self, row: BallotRow) -> bool:
        if row.ballot_id is None:
            return False
        command = RemoveCommand(_("Remove ballot"), self.controller.db, VoteBallot, row.ballot_id)
        return self._execute(command)

    def remove_ballots(self, ballot_ids: Sequence[int]) -> bool:
        if not ballot_ids:
            return False
        command = RemoveManyCommand(
            _("Remove every ballot"), self.controller.db, VoteBallot, ballot_ids
        )
        return self._execute(command)

    def decide_ties(self, old: Sequence[int], new: Sequence[int]) -> bool:
        """Store the order the group chose among equal themes (theme ids, earlier = higher)."""
        db, session_id = self.controller.db, self.controller.session_id
        command = EditCommand(
            _("Decide the order of equal themes"),
            lambda values: set_tie_break(
                db=db, session_id=session_id, theme_ids=values["tie_break"]
            ),
            {"tie_break": list(old)},
            {"tie_break": list(new)},
        )
        return self._execute(command)
