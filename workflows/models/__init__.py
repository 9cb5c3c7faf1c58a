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
from workflows.models.imports import ClientImport, ImportStatus
from workflows.models.letters import (
    LETTER_PLACEHOLDERS,
    ExternalOrganization,
    ExternalOrganizationKind,
    LetterTemplate,
    ReferralLetter,
)
from workflows.models.outcomes import Outcome, OutcomeKey
from workflows.models.referrals import (
    REFERRAL_TRANSITIONS,
    DeclineReason,
    LegalBasis,
    Referral,
    ReferralBasis,
    ReferralStatus,
    ReferralTodo,
    ReferralTodoKind,
    ReferralUrgency,
)
from workflows.models.reports import PublicReport, PublicReportSetting, ReporterContact
from workflows.models.task_counts import TaskCount

__all__ = [
    "LETTER_PLACEHOLDERS",
    "ExternalOrganization",
    "ExternalOrganizationKind",
    "LetterTemplate",
    "ReferralLetter",
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
    "ReferralTodo",
    "ReferralTodoKind",
    "ReferralUrgency",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseSource",
    "CaseTask",
    "Client",
    "ClientImport",
    "ImportStatus",
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
    "TaskCount",
    "Step",
    "StepKind",
    "TaskStage",
    "Transition",
]
