from workflows.models.cases import Case, CaseSource, CaseTask, TaskStage
from workflows.models.clients import Client, IdStatus, Sex
from workflows.models.definitions import (
    Outcome,
    ProcessDefinition,
    ProcessKind,
    ProcessVersion,
    Step,
    StepKind,
    Transition,
)

__all__ = [
    "Case",
    "CaseSource",
    "CaseTask",
    "Client",
    "IdStatus",
    "Outcome",
    "ProcessDefinition",
    "ProcessKind",
    "ProcessVersion",
    "Sex",
    "Step",
    "StepKind",
    "TaskStage",
    "Transition",
]
