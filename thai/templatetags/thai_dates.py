"""Template filters that show dates in the Buddhist era when the page is in Thai.

{% load thai_dates %}{{ page.date|be_date }}  ->  6 สิงหาคม 2563
{{ page.date|be_date:"short" }}              ->  6 ส.ค. 63
"""

from django import template

from thai.dates import fiscal_year_be, format_thai_date

register = template.Library()


@register.filter
def be_date(value, style: str = "long") -> str:
    return format_thai_date(value, style=style)


@register.filter
def fiscal_year(value) -> int | str:
    return fiscal_year_be(value) if value else ""
