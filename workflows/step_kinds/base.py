"""What every step kind declares (see workflows.step_kinds)."""

from django import forms


class StepKindSpec:
    value: str = ""
    label: str = ""
    #: The heading of the kind's settings in the step editor.
    legend: str = ""
    #: A person does this step: the case waits for a task in a queue.
    creates_task: bool = False
    #: The case ends here with an outcome; the step leads nowhere.
    ends_case: bool = False
    #: Something happens (`arrive`) and the case goes straight on along the step's default way.
    passes_through: bool = False
    #: The step's model attributes this kind uses, with their value when another kind is chosen.
    attrs: dict = {}
    #: The editor's template for the kind's settings (None: one field under the other).
    settings_template: str | None = None

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        """The step editor's fields for this kind's settings (names unique across kinds)."""
        return {}

    def settings_initial(self, step) -> dict:
        return {name: getattr(step, name) for name in self.attrs}

    def settings_clean(self, form: forms.Form, cleaned: dict) -> None:
        """Add errors to the step editor's form when the kind's settings are incomplete."""

    def settings_attrs(self, cleaned: dict) -> dict:
        """The step's attributes from the editor's cleaned data."""
        return {name: cleaned.get(name) for name in self.attrs}

    def problems(self, step, *, targets: list[int], partner_id: int | None) -> list[str]:
        """Why a version holding this step cannot be published (step and decisions out of it)."""
        return []

    def describe(self, step) -> list[str]:
        """What happens at the step, line by line, for the step table."""
        return []

    def diagram_detail(self, step) -> str:
        """The second line of the step's box in the diagram."""
        return ""

    def arrive(self, case, step) -> None:
        """What a pass-through step does when a case reaches it (under the flow lock)."""

    def task_prepared(self, task, *, now) -> None:
        """The engine made the step's task (a person's, or the case's place while it waits)."""
