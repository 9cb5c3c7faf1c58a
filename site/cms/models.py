"""Pages of the public website. Every page exists in Thai and English (Wagtail i18n).

Partners are data (`partners.Partner`), not pages: the network page lists them.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.admin_dates import BuddhistPublishingPanel
from cms.blocks import RICH_TEXT_FEATURES, BodyBlock, lead_image_blocks
from forms_builder.models import localized

link_validator = RegexValidator(
    r"^(https?://|/|tel:|mailto:)\S*$",
    _("Enter a web address (https://…), a path on this site (/…), tel:1300 or mailto:…"),
)


class SitePage(Page):
    """What every page of the site has: a lead image (also used when the page is shared)."""

    lead_image = StreamField(
        lead_image_blocks(),
        blank=True,
        max_num=1,
        verbose_name=_("lead image"),
        help_text=_("Shown at the top of the page and when the page is shared."),
    )

    settings_panels = [BuddhistPublishingPanel(), *Page.settings_panels[1:]]

    class Meta:
        abstract = True

    def lead_image_value(self):
        """The lead image (with its alt text), or None."""
        for block in self.lead_image:
            return block.value
        return None


class HomePage(SitePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("lead_image")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.NewsIndexPage",
        "cms.CampaignPage",
        "cms.PartnerNetworkPage",
        "cms.ContentPage",
        "cms.ReportPage",
    ]
    # Made by a migration; its other languages come from the Translate action, not "add page".
    is_creatable = False

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import campaigns_current, news_latest

        context = super().get_context(request, *args, **kwargs)
        # Lazy querysets: a cached fragment of the template never evaluates them.
        context["latest_news"] = news_latest(locale=self.locale)
        context["news_indexes"] = NewsIndexPage.objects.child_of(self).live()[:1]
        context["campaigns"] = campaigns_current(locale=self.locale)
        return context


class NewsIndexPage(SitePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import news_page_of

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = news_page_of(index=self, number=request.GET.get("page"))
        return context


class NewsArticlePage(SitePage):
    date = models.DateField(_("date"), default=dt.date.today)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown in lists.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class CampaignPage(SitePage):
    """An awareness campaign for communities, families and/or schools, with a call to action."""

    for_communities = models.BooleanField(_("communities"), default=False)
    for_families = models.BooleanField(_("families"), default=False)
    for_schools = models.BooleanField(_("schools"), default=False)
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Leave empty for an ongoing campaign.")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    call_to_action_text = models.CharField(_("call to action"), max_length=120, blank=True)
    call_to_action_link = models.CharField(
        _("call to action link"), max_length=255, blank=True, validators=[link_validator]
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("for_communities"),
                        FieldPanel("for_families"),
                        FieldPanel("for_schools"),
                    ]
                )
            ],
            heading=_("Audience"),
        ),
        FieldPanel("ends_on"),
        FieldPanel("introduction"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("call_to_action_text"), FieldPanel("call_to_action_link")],
            heading=_("Call to action"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("call_to_action_text"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("awareness campaign")
        verbose_name_plural = _("awareness campaigns")

    def clean(self):
        super().clean()
        if not (self.for_communities or self.for_families or self.for_schools):
            raise ValidationError(_("Choose at least one audience."))
        if bool(self.call_to_action_text) != bool(self.call_to_action_link):
            raise ValidationError(_("A call to action needs both its text and its link."))

    @property
    def audiences(self) -> list[str]:
        flags = [
            (self.for_communities, _("Communities")),
            (self.for_families, _("Families")),
            (self.for_schools, _("Schools")),
        ]
        return [str(label) for flag, label in flags if flag]

    @property
    def is_current(self) -> bool:
        return self.ends_on is None or self.ends_on >= timezone.localdate()


class PartnerNetworkPage(SitePage):
    """The MOU network: lists the active partners, their service areas and contacts."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner network page")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import partners_for_network

        context = super().get_context(request, *args, **kwargs)
        context["partners"] = partners_for_network()
        return context


class ContentPage(SitePage):
    """A plain page: about us, the law, how to report, …"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class ReportPage(RoutablePageMixin, SitePage):
    """Where the public reports a person who needs help; the questions are the newest published
    `public_report` form of forms_builder, so administrators change them without code."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    privacy_notice = RichTextField(
        _("privacy notice"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Shown just before the send button (PDPA): what is collected, why, who sees it "
            "and how long it is kept."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after sending, above the reference number and the 1300 hotline."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    # One per home page, and so one per language.
    max_count_per_parent = 1
    # A form with a CSRF token, and answers shown back: never kept by the page cache.
    page_cache = False

    class Meta:
        verbose_name = _("report page")
        verbose_name_plural = _("report pages")

    @path("")
    def report_view(self, request):
        from cms.reports.views import report_page_serve

        return report_page_serve(self, request)

    @path("thanks/")
    def thanks_view(self, request):
        from cms.reports.views import report_thanks_serve

        return report_thanks_serve(self, request)


class PageText(models.Model):
    """The plain text of a published page, for finding Thai words (Thai has no spaces)."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="cms_text"
    )
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("page text")

    def __str__(self) -> str:
        return self.text[:80]


@register_setting(icon="site")
class SiteFooter(BaseSiteSetting):
    """Who runs the site and how to reach them: the footer of every public page."""

    organisation_th = models.CharField(_("organisation (Thai)"), max_length=255, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=255, blank=True)
    address_th = models.TextField(_("address (Thai)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    privacy_page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("privacy policy page"),
        help_text=_("Linked from every page's footer, in the reader's language where translated."),
    )

    panels = [
        FieldRowPanel([FieldPanel("organisation_th"), FieldPanel("organisation_en")]),
        FieldRowPanel([FieldPanel("address_th"), FieldPanel("address_en")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("footer and contact")

    @property
    def organisation(self) -> str:
        return localized(self, "organisation")

    @property
    def address(self) -> str:
        return localized(self, "address")

    @property
    def privacy_page_here(self) -> Page | None:
        """The privacy page in the active language, if it is translated (else the original)."""
        if self.privacy_page is None:
            return None
        return self.privacy_page.localized
