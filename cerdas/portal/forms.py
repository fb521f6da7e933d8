import datetime
import datetime as dt
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _

from cerdas.cohorts.models import Cohort
from cerdas.core import forms as bounded
from cerdas.core.forms import formfield_for
from cerdas.portal import services
from cerdas.portal.body_text import to_text
from cerdas.portal.models import NATIONAL_TIMEZONE, Article, Category, Reaction
from cerdas.portal.permissions import linkable_masterplans, writable_regions
from cerdas.portal.services import LegacyArticle
from cerdas.regions.forms import RegionChoiceField, RegionPicker, RegionsField
from cerdas.regions.models import Region

MAX_RELATED = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the news"), required=False, max_length=100)


class ReactionForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("How do you feel about this news?"),
        choices=Reaction.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the four answers."),
            "invalid_choice": _("Choose one of the four answers."),
        },
    )


class MasterplanChoiceField(bounded.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        label = f"{obj.title} — {obj.region.name}"
        if not obj.is_public:
            # The editor must know a draft link stays hidden from readers until approval.
            label += " (" + str(_("not approved yet: hidden from readers")) + ")"
        return label


class ArticleForm(forms.ModelForm):
    """What an editor writes; the region choice is limited to where they may publish."""

    related = RegionsField(
        label=_("Related regions"),
        required=False,
        max_regions=MAX_RELATED,
        widget=RegionPicker(rows=2),
        help_text=_(
            "The regions the news is about, one per line (name or Kemendagri code). Names "
            "that fit more than one region are offered to pick."
        ),
    )
    cohorts = bounded.ModelMultipleChoiceField(
        label=_("Related cohorts"),
        queryset=Cohort.objects.order_by("-year"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The cohorts this news is about; readers get a link to each cohort's page."),
        error_messages={"invalid_choice": _("Choose cohorts from the list.")},
    )
    masterplans = MasterplanChoiceField(
        label=_("Related masterplans"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Approved masterplans, and your own region's. Readers see a link only to approved "
            "ones. Hold Ctrl (or Cmd) to choose more than one."
        ),
        error_messages={
            "invalid_choice": _(
                "You cannot link this masterplan: only approved masterplans and those of your "
                "own region can be linked."
            ),
            "invalid_pk_value": _("Choose masterplans from the list."),
        },
    )

    class Meta:
        model = Article
        fields = ["region", "title", "slug", "summary", "body", "category", "tags", "byline"]
        field_classes = {"region": RegionChoiceField}  # 514 names, read as codes and names
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }
        formfield_callback = formfield_for
        help_texts = {
            "slug": _("The words in the article's address; made from the title when empty."),
            "body": _(
                "Write plain text: a blank line starts a new paragraph. Marks for more: "
                "“## ” starts a heading, “- ” an item of a list, “> ” a quote; **bold**, "
                "*italics* and [words](https://address) for a link."
            ),
            "tags": _("Separated by commas."),
            "byline": _("A name or a role, e.g. Diskominfo Kabupaten Bojonegoro."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["region"].queryset = writable_regions(user).order_by("name")
        self.fields["slug"].required = False
        self.fields["category"].queryset = Category.objects.all()
        if user.can("manage_program"):
            self.fields["region"].empty_label = _("National news (no region)")
        else:
            self.fields["region"].required = True
            self.fields["region"].empty_label = None
            self.fields["region"].help_text = ""
        linkable = linkable_masterplans(user).select_related("region")
        self.fields["masterplans"].queryset = linkable.order_by("region__name", "title")
        if self.instance.pk:
            # The editor edits text, not the stored HTML: the body comes back as written.
            self.initial["body"] = to_text(self.instance.body)
            self.initial["related"] = list(
                self.instance.related_regions.order_by("name").values_list("pk", flat=True)
            )
            self.initial["cohorts"] = list(
                self.instance.related_cohorts.values_list("pk", flat=True)
            )
            self.initial["masterplans"] = list(
                linkable.filter(pk__in=self.instance.related_masterplans.all()).values_list(
                    "pk", flat=True
                )
            )

    def clean_slug(self):
        slug = slugify(self.cleaned_data.get("slug") or self.cleaned_data.get("title") or "")
        return slug[:120] or "berita"

    # Fields the editor needs every time; the others sit in a section opened on demand.
    MAIN_FIELDS = ("region", "title", "summary", "body")

    def main_fields(self):
        return [self[name] for name in self.MAIN_FIELDS]

    def more_fields(self):
        return [field for field in self if field.name not in self.MAIN_FIELDS]

    def more_has_errors(self) -> bool:
        return any(field.errors for field in self.more_fields())

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "region_id": data["region"].pk if data["region"] else None,
            "title": data["title"],
            "slug": data["slug"],
            "summary": data["summary"],
            "body": data["body"],
            "category_id": data["category"].pk if data["category"] else None,
            "tags": data["tags"],
            "byline": data["byline"],
        }

    def link_fields(self) -> dict:
        """The cohort and masterplan links, as ids for ``services.save_article``."""
        return {
            "cohort_ids": [cohort.pk for cohort in self.cleaned_data["cohorts"]],
            "masterplan_ids": [plan.pk for plan in self.cleaned_data["masterplans"]],
        }


class StatusForm(forms.Form):
    """Publish now, schedule, take back to draft or archive; times in the article's zone."""

    status = forms.ChoiceField(label=_("Status"), choices=Article.Status.choices)
    publish_at = bounded.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leave empty to publish now; a later time schedules the article."),
    )
    reason = forms.CharField(label=_("Note for the log"), required=False, max_length=300)

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.zone = article.tzinfo
        self.fields["publish_at"].label = _("Publish at (%(zone)s)") % {
            "zone": article.timezone_abbreviation
        }
        if not self.is_bound:
            self.initial["status"] = article.status
            if article.published_at:
                self.initial["publish_at"] = timezone.localtime(article.published_at, self.zone)

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value is None:
            return None
        # The browser sends a wall-clock time: it is the article's region's time.
        naive = value.replace(tzinfo=None) if timezone.is_aware(value) else value
        return timezone.make_aware(naive, self.zone)

    def clean(self):
        data = super().clean()
        if data.get("status") == Article.Status.ARCHIVED and not self.article.published_at:
            raise forms.ValidationError(_("Only an article that was published can be archived."))
        when = data.get("publish_at")
        if when and when < timezone.now() - dt.timedelta(days=3650):
            self.add_error("publish_at", _("Check the year of the publish time."))
        return data


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 8 MB; it is resized for phones."),
    )
    alt_text = forms.CharField(
        label=_("Description for screen readers"),
        max_length=250,
        help_text=_("Say what the picture shows, for readers who cannot see it."),
        error_messages={"required": _("Describe the picture for readers who cannot see it.")},
    )
    caption = forms.CharField(label=_("Caption"), required=False, max_length=250)


class PeriodForm(forms.Form):
    start = bounded.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = bounded.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def period(self, zone) -> tuple[dt.date, dt.date]:
        """The chosen days, by default the last 30 days up to today (in the zone)."""
        today = timezone.localdate(timezone=zone)
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or today
        start = data.get("start") or end - dt.timedelta(days=29)
        if start > end:
            start, end = end, start
        return start, min(end, start + dt.timedelta(days=366))


def region_choices_exist(user) -> bool:
    return user.can("manage_program") or Region.objects.filter(pk=user.region_id).exists()


class LegacyArticleForm(forms.Form):
    """An article moved from an older portal, with the views and reactions it counted there."""

    region = RegionChoiceField(label=_("Region"), queryset=Region.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 10}))
    byline = forms.CharField(
        label=_("Shown as author"),
        max_length=120,
        help_text=_("As the older portal showed it, e.g. Admin."),
    )
    published_on = bounded.DateField(
        label=_("Published on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    published_time = forms.TimeField(
        label=_("At (time, if the older portal showed it)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Leave empty when only the day is known: the page then shows the day."),
    )
    source = forms.CharField(
        label=_("Where the counts come from"),
        max_length=300,
        help_text=_("E.g. Portal Pemerintah Kabupaten Bojonegoro, news page as recorded."),
    )
    source_url = forms.URLField(
        label=_("Address on the older portal"), required=False, assume_scheme="https"
    )
    recorded_on = bounded.DateField(
        label=_("Counts read on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    views = bounded.IntegerField(label=_("Views counted there"), min_value=0, max_value=10**9)
    cohorts = bounded.ModelMultipleChoiceField(
        label=_("Related cohorts"),
        queryset=Cohort.objects.order_by("-year"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose cohorts from the list.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = writable_regions(user).order_by("name")
        if user.can("manage_program"):
            self.fields["region"].required = False
            self.fields["region"].empty_label = _("National news (no region)")
        else:
            self.fields["region"].empty_label = None
        for choice, label in Reaction.Choice.choices:
            self.fields[choice] = bounded.IntegerField(
                label=format_lazy(_("Answers “{answer}” counted there"), answer=label),
                min_value=0,
                max_value=10**9,
                initial=0,
            )

    ARTICLE_FIELDS = (
        "region",
        "title",
        "summary",
        "body",
        "byline",
        "published_on",
        "published_time",
    )

    def article_fields(self):
        return [self[name] for name in self.ARTICLE_FIELDS]

    def count_fields(self):
        names = ("source", "source_url", "recorded_on", "views", *Reaction.Choice.values)
        return [self[name] for name in names]

    def legacy_article(self):
        """The article to import, as ``services.import_legacy_article`` takes it."""
        data = self.cleaned_data
        region = data.get("region")
        zone = region.tzinfo if region else zoneinfo.ZoneInfo(NATIONAL_TIMEZONE)
        time = data.get("published_time") or services.UNKNOWN_TIME
        return LegacyArticle(
            region_code=region.pk if region else None,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],  # clean_body makes the text HTML, as for any article
            byline=data["byline"],
            published_at=datetime.datetime.combine(data["published_on"], time, tzinfo=zone),
            time_known=data.get("published_time") is not None,
            source=data["source"],
            source_url=data["source_url"],
            recorded_on=data.get("recorded_on"),
            views=data["views"],
            reactions={choice: data[choice] for choice in Reaction.Choice.values},
            related_codes=(region.pk,) if region else (),
            cohort_ids=tuple(cohort.pk for cohort in data.get("cohorts") or ()),
        )
