from workflows.models.audit import AccessKind, AccessRecord, ClientChange
from workflows.models.breaches import Breach
from workflows.models.cases import Case, CaseSource, CaseTask, TaskStage
from workflows.models.clients import Client, IdStatus, Sex
from workflows.models.definitions import (
    ProcessDefinition,
    ProcessKind,
    ProcessVersion,
    Step,
    StepKind,
    Transition,
)
from workflows.models.events import CaseEvent, CaseEventKind
from workflows.models.followups import FollowUp, FollowUpState
from workflows.models.outcomes import Outcome, OutcomeKey
from workflows.models.referrals import (
    REFERRAL_TRANSITIONS,
    DeclineReason,
    LegalBasis,
    Referral,
    ReferralBasis,
    ReferralStatus,
    ReferralUrgency,
)
from workflows.models.reports import PublicReport, PublicReportSetting, ReporterContact

__all__ = [
    "AccessKind",
    "AccessRecord",
    "ClientChange",
    "Breach",
    "REFERRAL_TRANSITIONS",
    "DeclineReason",
    "LegalBasis",
    "Referral",
    "ReferralBasis",
    "ReferralStatus",
    "ReferralUrgency",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseSource",
    "CaseTask",
    "Client",
    "FollowUp",
    "FollowUpState",
    "IdStatus",
    "Outcome",
    "OutcomeKey",
    "ProcessDefinition",
    "ProcessKind",
    "ProcessVersion",
    "PublicReport",
    "PublicReportSetting",
    "ReporterContact",
    "Sex",
    "Step",
    "StepKind",
    "TaskStage",
    "Transition",
]
