"""Writing a partner's imported people through the people admin's own services: a new person
is created with an unusable password (they set their own), a role is granted with
`membership_grant`, new names or an email with `person_update`; each is in the audit log."""

from partners.services import membership_grant, person_create, person_update
from workflows.imports.clients import UNCHANGED
from workflows.imports.people import NAME_FIELDS
from workflows.imports.registers import PlannedRow, rows_counted


def people_write(rows: list[PlannedRow], *, partner, user, file_name: str, progress=None) -> None:
    created = {}
    for row in rows_counted(rows, progress):
        if row.action == UNCHANGED:
            continue
        values = row.values
        details = {name: values[name] for name in NAME_FIELDS if values[name]}
        person = values["person"] or created.get(values["username"])
        if person is None:
            created[values["username"]] = person_create(
                by=user,
                username=values["username"],
                password=None,  # unusable: never imported
                partner=partner,
                role=values["role"],
                **details,
            )
            continue
        changed = {name: value for name, value in details.items() if getattr(person, name) != value}
        if changed:
            person_update(person=person, by=user, **changed)
        membership_grant(user=person, partner=partner, role=values["role"], by=user)
