from django import template

register = template.Library()


@register.filter
def rupiah(value) -> str:
    """Whole Rupiah with Indonesian thousands dots: ``Rp 1.500.000``."""
    try:
        amount = int(value or 0)
    except (TypeError, ValueError):
        return ""
    return "Rp " + f"{amount:,}".replace(",", ".")


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None
