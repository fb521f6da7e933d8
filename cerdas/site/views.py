import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cerdas.accounts.permissions import require_manager
from cerdas.core import calendar as working
from cerdas.core.cache import public_page
from cerdas.core.models import AuditEntry, CalendarDay
from cerdas.regions.models import Province, Region


@public_page("regions")
def home(request):
    """What Cerdas is, and the way into the region directory."""
    context = {
        "province_count": Province.objects.count(),
        "region_count": Region.objects.count(),
        "kota_count": Region.objects.filter(kind=Region.Kind.KOTA).count(),
    }
    return render(request, "site/home.html", context)


@login_required
def audit_log(request):
    """The whole audit log, for national admins; filter by region code or action."""
    if not request.user.can("manage_program"):
        raise PermissionDenied
    entries = AuditEntry.objects.for_user(request.user)
    region = request.GET.get("region", "").strip()
    action = request.GET.get("action", "").strip()
    if region:
        entries = entries.filter(region_code=region)
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "site/audit_log.html",
        {"page": page, "region": region, "action": action, "query": query.urlencode()},
    )


class CalendarDayForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("Choose the date."),
            "invalid": gettext_lazy("Write the date as YYYY-MM-DD, e.g. 2027-03-22."),
        },
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CalendarDay.Kind.choices)
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=200,
        help_text=gettext_lazy("E.g. Cuti bersama Idulfitri, or Pilkada serentak."),
        error_messages={"required": gettext_lazy("Write the name of the day.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Source or reason"),
        max_length=500,
        help_text=gettext_lazy("E.g. SKB 3 Menteri of 2026, or the decree that changed it."),
        error_messages={"required": gettext_lazy("Write where the change comes from.")},
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if CalendarDay.objects.filter(date=day).exists():
            raise forms.ValidationError(
                gettext_lazy("This date is already in the table: remove it first to change it.")
            )
        return day


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        error_messages={"required": gettext_lazy("Write why the day is removed.")},
    )


@login_required
def calendar_page(request):
    """The working-day calendar: national holidays from the holidays package, and the table
    of collective leave, extra holidays and working days that the program office keeps."""
    require_manager(request.user)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), 2100)
    form = CalendarDayForm(request.POST or None, initial={"date": dt.date(year, 1, 1)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        working.add_calendar_day(
            request.user, data["date"], data["kind"], data["name"], data["reason"]
        )
        messages.success(request, _("The day is added. Deadlines that span it are counted again."))
        return redirect(f"{request.path}?tahun={data['date'].year}")
    entries = CalendarDay.objects.filter(date__year=year)
    national = sorted(working.holidays_in([year]).items())
    return render(
        request,
        "site/calendar.html",
        {
            "year": year,
            "form": form,
            "entries": entries,
            "national": national,
            "years": [year - 1, year + 1],
        },
        status=400 if form.errors else 200,
    )


@login_required
def calendar_remove(request, pk):
    """Removing a day asks first, with the reason kept in the audit log."""
    require_manager(request.user)
    entry = get_object_or_404(CalendarDay, pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        working.remove_calendar_day(request.user, entry.pk, form.cleaned_data["reason"])
        messages.success(
            request, _("The day is removed. Deadlines that spanned it are counted again.")
        )
        return redirect(f"{reverse('calendar')}?tahun={entry.date.year}")
    return render(
        request,
        "site/calendar_remove.html",
        {"entry": entry, "form": form},
        status=400 if form.errors else 200,
    )
