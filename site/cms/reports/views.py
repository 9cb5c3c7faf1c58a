"""The report page's two routes: the form (GET, POST → redirect) and the thank-you page.

Nothing the reporter typed is shown unescaped: the templates escape every value.
"""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from cms.reports.forms import ReporterContactForm
from cms.reports.sending import (
    RATE_WINDOW_SECONDS,
    report_rate_count,
    report_rate_exceeded,
    report_send,
    thanks_reference,
    thanks_remember,
)
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.selectors import form_version_for

FORM_KEY = "public_report"


def _render(page, request, *, status: int = 200, **context):
    context.setdefault("rate_window_minutes", RATE_WINDOW_SECONDS // 60)
    response = page.render(request, template="cms/report_page.html", context_overrides=context)
    response.status_code = status
    # The form carries a CSRF token and maybe the reporter's answers: never cached on the way.
    add_never_cache_headers(response)
    return response


def _thanks_url(page, request) -> str:
    return page.get_url(request) + page.reverse_subpage("thanks_view")


def report_page_serve(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    version = form_version_for(partner=None, key=FORM_KEY)
    if version is None:
        return _render(page, request, unavailable=True)
    if request.method != "POST":
        return _render(page, request, form=form_for(version=version), contact=ReporterContactForm())
    return _report_post(page, request, version)


def _report_post(page, request, version):
    contact = ReporterContactForm(data=request.POST)
    if report_rate_exceeded(request):
        form = form_for(version=version, data=request.POST)
        return _render(page, request, status=429, form=form, contact=contact, rate_limited=True)
    if contact.is_robot:
        # Looks accepted, stores nothing: the robot learns nothing to adapt to.
        report_rate_count(request)
        thanks_remember(request, "")
        return redirect(_thanks_url(page, request))
    form = form_for(version=version, data=request.POST, files=request.FILES)
    choose_photo_again = bool(request.FILES)
    if not all([form.is_valid(), contact.is_valid()]):
        return _render(
            page, request, form=form, contact=contact, choose_photo_again=choose_photo_again
        )
    result = report_send(form=form, contact=contact, consent_version=_consent_version(page))
    if result.failed:
        return _render(
            page,
            request,
            status=503,
            form=form,
            contact=contact,
            send_failed=True,
            choose_photo_again=choose_photo_again,
        )
    report_rate_count(request)
    thanks_remember(request, result.reference)
    return redirect(_thanks_url(page, request))


def _consent_version(page) -> str:
    """Which words the reporter agreed to: this page's published revision, in its language."""
    return f"page {page.pk} revision {page.live_revision_id or 0} {page.locale.language_code}"


def report_thanks_serve(page, request):
    reference = thanks_reference(request)
    if reference is None:
        # Guessed, shared or old: nothing to show but the form.
        return redirect(page.get_url(request))
    response = page.render(
        request, template="cms/report_thanks.html", context_overrides={"reference": reference}
    )
    add_never_cache_headers(response)
    return response
