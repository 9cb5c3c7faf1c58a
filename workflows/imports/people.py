"""Checking a register of a partner's people and their roles before anything is written.

One row per person and role (a person with two roles has two rows). A person is keyed by their
username: importing the same file again changes nothing. Only the partner's own people are
changed; a username used by someone who does not work only here (elsewhere, nowhere, or a
superuser) is refused, never touched. Passwords are never imported: a new person's password is
unusable until they set their own with "Forgot password?" on the sign-in page."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from partners.models import Membership, Partner, Role, User
from workflows.imports.clients import NEW, UNCHANGED, UPDATED, ImportPlan
from workflows.imports.columns import Column
from workflows.imports.readers import Sheet
from workflows.imports.registers import (
    PlannedRow,
    duplicate_check,
    rows_counted,
    rows_read,
    sheet_plan,
)
from workflows.imports.values import choice_lookup, choice_value, text_value

PERSON_COLUMNS = (
    Column(
        "username",
        "ชื่อผู้ใช้",
        "Username",
        _("What the person signs in with: letters, digits and @ . + - _ only."),
    ),
    Column("first_name", "ชื่อ", "First name", _("Optional.")),
    Column("last_name", "นามสกุล", "Last name", _("Optional.")),
    Column(
        "email",
        "อีเมล",
        "Email",
        _("Needed: the person sets their own password with “Forgot password?”."),
    ),
    Column("role", "บทบาท", "Role", _("Choose from the list; one row for each role."), Role),
)
NAME_FIELDS = ("first_name", "last_name", "email")


def _username(raw) -> str:
    text = text_value(raw)
    if text:
        UnicodeUsernameValidator()(text)
    return text


def _email(raw) -> str:
    text = text_value(raw)
    if text:
        validate_email(text)
    return text


def _role(raw) -> str:
    return choice_value(raw, choice_lookup(Role), Role)


def person_import_plan(
    *, partner: Partner, sheet: Sheet, progress=None
) -> tuple[ImportPlan, list[PlannedRow]]:
    """What importing the sheet into the partner would do, and every problem. Reads only."""
    plan, cells = sheet_plan(sheet, PERSON_COLUMNS)
    if cells is None:
        return plan, []
    rows = rows_read(sheet, plan)
    if rows is None:
        return plan, []
    usernames = {cells.text(c, "username") for _n, c in rows} - {""}
    people = {u.username: u for u in User.objects.filter(username__in=usernames)}
    memberships: dict[int, set[tuple[int, str]]] = {}
    for user_id, partner_id, role in Membership.objects.filter(
        user__username__in=usernames
    ).values_list("user_id", "partner_id", "role"):
        memberships.setdefault(user_id, set()).add((partner_id, role))
    seen, names_given, planned, new_people = {}, {}, [], set()
    for number, row_cells in rows_counted(rows, progress):
        before = len(plan.problems)
        username = cells.required(number, row_cells, "username", _username)
        email = cells.value(number, row_cells, "email", _email)
        role = cells.required(number, row_cells, "role", _role)
        values = {
            "username": username,
            "first_name": cells.text(row_cells, "first_name"),
            "last_name": cells.text(row_cells, "last_name"),
            "email": email or "",
            "role": role,
        }
        if len(plan.problems) > before:
            continue
        if duplicate_check(cells, seen, number, "role", (username, role)):
            continue
        details = tuple(values[name] for name in NAME_FIELDS)
        if names_given.setdefault(username, (number, details))[1] != details:
            cells.problem(
                number,
                "username",
                _("Row %(row)s gives this person other names or email.")
                % {"row": names_given[username][0]},
            )
            continue
        person = people.get(username)
        held = memberships.get(person.pk, set()) if person else set()
        if person is not None and (
            person.is_superuser or not held or any(p != partner.pk for p, _role in held)
        ):
            cells.problem(
                number,
                "username",
                _("This username belongs to someone who works elsewhere: choose another one."),
            )
            continue
        if person is None and not email:
            cells.problem(
                number, "email", _("A new person needs an email to set their own password.")
            )
            continue
        action = _action(person, held, partner, values)
        if action == NEW and username in new_people:
            action = UPDATED  # another role of a person the file adds
        new_people.add(username)
        plan.counts[action] += 1
        planned.append(PlannedRow(number, action, {**values, "person": person}))
    return plan, planned


def _action(person: User | None, held: set, partner: Partner, values: dict) -> str:
    if person is None:
        return NEW
    if (partner.pk, values["role"]) not in held:
        return UPDATED
    changed = any(values[name] and getattr(person, name) != values[name] for name in NAME_FIELDS)
    return UPDATED if changed else UNCHANGED
