"""The participants' evaluation forms summed up: how many, the mean score and how the scores
spread, said the way the app says them everywhere (the evaluation step, the plan, ``show``).

The mean is taken over the forms that carry a score (a form may leave it open) and rounded to
one decimal half up, as people round: 7,25 is 7,3 (``round`` would give 7,2 for the binary
7.25 and banker's rounding elsewhere). The decimal sign is the language's: a comma in Dutch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from worksession.i18n import _, ngettext

SCORES = range(1, 11)


@dataclass(frozen=True)
class FeedbackSummary:
    """What the forms say together: ``count`` forms, ``scores`` the scores given."""

    count: int
    scores: tuple[int, ...]

    @property
    def scored(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> Decimal | None:
        """The mean score to one decimal (half up); None when no form carries a score."""
        if not self.scores:
            return None
        exact = Decimal(sum(self.scores)) / Decimal(len(self.scores))
        return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def distribution(self) -> dict[int, int]:
        """How many forms gave each score 1–10 (every score present, also when none gave it)."""
        return {score: self.scores.count(score) for score in SCORES}


def feedback_summary(forms: Iterable[Mapping[str, object]]) -> FeedbackSummary:
    """The summary of forms as the document holds them (``score`` an int or None)."""
    count = 0
    scores: list[int] = []
    for form in forms:
        count += 1
        score = form.get("score")
        if isinstance(score, int) and not isinstance(score, bool):
            scores.append(score)
    return FeedbackSummary(count=count, scores=tuple(scores))


def decimal_text(value: Decimal) -> str:
    """A number with one decimal in the current language: "7,4" in Dutch, "7.4" in English."""
    units, _sign, tenths = f"{value:.1f}".partition(".")
    # The pattern is translated so the decimal sign follows the language a text is drawn in
    # (a plan speaks its own language in its own thread; see ``i18n.speaking``).
    return _("{units}.{tenths}").format(units=units, tenths=tenths)


def summary_line(summary: FeedbackSummary) -> str:
    """One line for the window, the plan and ``show``: "7,4 gemiddeld uit 12 formulieren"."""
    if summary.count == 0:
        return _("No evaluation forms yet")
    mean = summary.mean
    if mean is None:
        return ngettext(
            "{count} form, without a score", "{count} forms, none with a score", summary.count
        ).format(count=summary.count)
    if summary.scored == summary.count:
        return ngettext(
            "{mean} on average from {count} form",
            "{mean} on average from {count} forms",
            summary.count,
        ).format(mean=decimal_text(mean), count=summary.count)
    return ngettext(
        "{mean} on average from {scored} of {count} form (the others without a score)",
        "{mean} on average from {scored} of {count} forms (the others without a score)",
        summary.count,
    ).format(mean=decimal_text(mean), scored=summary.scored, count=summary.count)
