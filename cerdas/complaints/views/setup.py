"""What a region's coordinator sets up: topics and their agencies, settings, Open311 keys."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cerdas.complaints import configuration, keys
from cerdas.complaints.forms import ApiKeyForm, CategoryForm, ReasonForm, SettingsForm
from cerdas.complaints.models import ApiKey, Category
from cerdas.complaints.permissions import (
    get_api_key_for_user,
    get_category_for_user,
    get_region_for_coordinator,
)
from cerdas.complaints.receivers import desk_kinds
from cerdas.complaints.services import settings_for


@login_required
def categories(request, code):
    """The region's topics, each with the agency that answers it, and the region's settings."""
    region = get_region_for_coordinator(request.user, code)
    form = CategoryForm(request.POST or None, region=region, prefix="new")
    if request.method == "POST" and form.is_valid():
        configuration.save_category(request.user, region.pk, None, form.cleaned_data)
        messages.success(request, _("The topic is saved."))
        return redirect("complaints:manage_categories", region.pk)
    settings_form = SimpleLazyObject(
        lambda: SettingsForm(instance=settings_for(region.pk), prefix="settings")
    )
    return _categories_page(request, region, form, settings_form, 400 if form.errors else 200)


def _categories_page(request, region, form, settings_form, status):
    """The topics page, kept blank (categories.html) under its region's queue versions, which
    every write of a topic, an agency or the settings announces: what the context reads is
    read only when that copy has retired, or when a form comes back refused."""
    return render(
        request,
        "complaints/manage/categories.html",
        {
            "region": region,
            "kinds": " ".join(desk_kinds(region.pk)),
            "categories": Category.objects.filter(region=region).select_related("agency"),
            "form": form,
            "settings_form": settings_form,
        },
        status=status,
    )


@login_required
def category_edit(request, pk):
    category = get_category_for_user(request.user, pk)
    form = CategoryForm(request.POST or None, instance=category, region=category.region)
    if request.method == "POST" and form.is_valid():
        configuration.save_category(
            request.user, category.region_id, category.pk, form.cleaned_data
        )
        messages.success(request, _("The topic is saved."))
        return redirect("complaints:manage_categories", category.region_id)
    return render(
        request,
        "complaints/manage/category_form.html",
        {
            "category": category,
            "form": form,
            "region": category.region,
            # The form is kept blank per topic (category_form.html) under its region's queue
            # versions, which every write of a topic or an agency announces.
            "kinds": " ".join(desk_kinds(category.region_id)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def settings_edit(request, code):
    region = get_region_for_coordinator(request.user, code)
    form = SettingsForm(request.POST, instance=settings_for(region.pk), prefix="settings")
    if form.is_valid():
        configuration.save_settings(request.user, region.pk, form.cleaned_data)
        messages.success(request, _("The settings are saved."))
        return redirect("complaints:manage_categories", region.pk)
    return _categories_page(
        request, region, CategoryForm(region=region, prefix="new"), form, status=400
    )


@never_cache
@login_required
def api_keys(request, code):
    """The region's Open311 keys; a new key is shown once, on the page that issues it."""
    region = get_region_for_coordinator(request.user, code)
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _key, new_key = keys.issue(request.user, region.pk, form.cleaned_data["name"])
        form = ApiKeyForm()
    response = render(
        request,
        "complaints/manage/api_keys.html",
        {
            "region": region,
            "keys": ApiKey.objects.filter(region=region),
            "form": form,
            "new_key": new_key,
        },
        status=400 if form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def api_key_revoke(request, pk):
    """Revoking cannot be undone: a page asks first, with the reason."""
    key = get_api_key_for_user(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keys.revoke(request.user, key.pk, form.cleaned_data["reason"])
        messages.success(request, _("The key is revoked: the application can no longer post."))
        return redirect("complaints:manage_keys", key.region_id)
    return render(
        request,
        "complaints/manage/api_key_revoke.html",
        {"key": key, "form": form, "region": key.region},
        status=400 if form.errors else 200,
    )
