"""What the report page does with a POST: abuse checks, sending, and the thank-you handover.

The reference reaches the thank-you page through the session, never the URL: a guessed or shared
thank-you address shows nothing.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache

from forms_builder.runtime.dynamic_form import DynamicForm
from partners.client_ip import client_address
from workflows.services.public_reports import public_report_submit

logger = logging.getLogger(__name__)

RATE_LIMIT = 5  # reports
RATE_WINDOW_SECONDS = 10 * 60
SESSION_KEY = "cms_report_reference"


def _rate_key(request) -> str:
    # Hashed: the cache holds no readable address.
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"cms:report-rate:{digest}"


def report_rate_exceeded(request) -> bool:
    return int(cache.get(_rate_key(request), 0)) >= RATE_LIMIT


def report_rate_count(request) -> None:
    """Count one report from this address in the current window (which starts at the first)."""
    key = _rate_key(request)
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, RATE_WINDOW_SECONDS)


def thanks_remember(request, reference: str) -> None:
    """Hand the reference to the thank-you page ("" for a robot's report: nothing to show)."""
    request.session[SESSION_KEY] = reference


def thanks_reference(request) -> str | None:
    """The reference of the report this browser sent, "" for a silent rejection, else None."""
    return request.session.get(SESSION_KEY)


@dataclass
class SendResult:
    reference: str | None = None
    failed: bool = False


def report_send(*, form: DynamicForm, contact, consent_version: str) -> SendResult:
    """Send a valid report to the network; a failure leaves nothing written and says so."""
    try:
        report = public_report_submit(
            form=form,
            reporter=contact.reporter(consent_version=consent_version),
            consent=contact.has_consent,
        )
    # Whatever failed, the transaction wrote nothing: the reporter must see it and can send again.
    except Exception:
        logger.exception("A public report could not be sent")
        return SendResult(failed=True)
    return SendResult(reference=report.reference)
