"""Which page class shows which kind of step."""

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
from worksession.ui.session.pages.lessons import LessonsPage
from worksession.ui.session.pages.plan import PlanPage
from worksession.ui.session.pages.preparation import PreparationPage
from worksession.ui.session.pages.prioritising import PrioritisingPage
from worksession.ui.session.pages.referral import ReferralPage
from worksession.ui.session.pages.review import ReviewPage
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
    StepKind.LESSONS: LessonsPage,
    StepKind.REVIEW: ReviewPage,
}


def page_for(controller: SessionController, step: Step) -> StepPage:
    return PAGES.get(step.kind, InstructionsPage)(controller, step)
