"""Which page class shows which kind of step.

The pages of a follow-up session's own steps (lessons, review) are imported when a session has
such a step: most session windows never load them.
"""

from __future__ import annotations

from worksession.domain.values import StepKind
from worksession.programmes.model import Step
from worksession.ui.session.controller import SessionController
from worksession.ui.session.pages.agreements import AgreementsPage
from worksession.ui.session.pages.base import InstructionsPage, StepPage
from worksession.ui.session.pages.casus import CasusPage, ProfilePage
from worksession.ui.session.pages.evaluation import EvaluationPage
from worksession.ui.session.pages.follow_up import FollowUpPage
from worksession.ui.session.pages.introductions import IntroductionsPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.pages.sociale_kaart import SocialeKaartPage
from worksession.ui.session.pages.welcome import WelcomePage

PAGES: dict[StepKind, type[StepPage]] = {
    StepKind.PREPARATION: PreparationPage,
    StepKind.WELCOME: WelcomePage,
    StepKind.INTRODUCTIONS: IntroductionsPage,
    StepKind.PROFILE: ProfilePage,
    StepKind.CASUS: CasusPage,
    StepKind.SOCIALE_KAART: SocialeKaartPage,
    StepKind.PRIORITISING: PrioritisingPage,
    StepKind.REFERRAL: ReferralPage,
    StepKind.AGREEMENTS: AgreementsPage,
    StepKind.FOLLOW_UP: FollowUpPage,
    StepKind.EVALUATION: EvaluationPage,
    StepKind.AFTER: PlanPage,
}


def _follow_up_page(kind: StepKind) -> type[StepPage] | None:
    if kind == StepKind.LESSONS:
        from worksession.ui.session.pages.lessons import LessonsPage

        return LessonsPage
    if kind == StepKind.REVIEW:
        from worksession.ui.session.pages.review import ReviewPage

        return ReviewPage
    return None


def page_class(kind: StepKind) -> type[StepPage]:
    """The class of the page that shows a step of ``kind``; any other kind shows its
    instructions."""
    return PAGES.get(kind) or _follow_up_page(kind) or InstructionsPage


def page_for(controller: SessionController, step: Step) -> StepPage:
    return page_class(step.kind)(controller, step)
