"""Working days: Monday to Friday, without Thailand's public holidays (the `holidays` package,
lunar ones and days in lieu included) and the special days off administrators add (DayOff)."""

import datetime as dt
from functools import lru_cache

import holidays
from django.utils import timezone

from scheduling.models import DayOff


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("TH", years=year))


def days_off_between(first: dt.date, last: dt.date) -> set[dt.date]:
    """Public holidays and special days off from `first` to `last` (weekends not included)."""
    days = set(DayOff.objects.filter(date__range=(first, last)).values_list("date", flat=True))
    for year in range(first.year, last.year + 1):
        days |= {day for day in _public_holidays(year) if first <= day <= last}
    return days


def working_days_add(start: dt.datetime, days: int) -> dt.datetime:
    """The same local time `days` working days after `start` (which may itself be a day off)."""
    local = timezone.localtime(start)
    day, counted = local.date(), 0
    checked_until, days_off = day, set()
    while counted < days:
        day += dt.timedelta(days=1)
        if day > checked_until:  # read the days off a stretch at a time (one query each)
            checked_until = day + dt.timedelta(days=days * 2 + 30)
            days_off = days_off_between(day, checked_until)
        if day.weekday() < 5 and day not in days_off:
            counted += 1
    return local.replace(year=day.year, month=day.month, day=day.day)
