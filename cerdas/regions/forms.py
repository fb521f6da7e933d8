from django import forms
from django.utils.translation import gettext_lazy as _

from cerdas.regions.models import Province, Region


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or code"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *Region.Kind.choices], required=False
    )
