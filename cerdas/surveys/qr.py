"""QR codes for the counter: the form's address as SVG (segno) and as a printable A4 PDF."""

import io

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe


def qr_svg(url: str, scale: int = 8) -> bytes:
    """The address as a QR code in SVG, with a title for screen readers; error correction
    level M survives a scratched or creased print."""
    code = segno.make(url, error="m", micro=False)
    output = io.BytesIO()
    code.save(output, kind="svg", scale=scale, border=4, title=url, xmldecl=False, svgns=True)
    return output.getvalue()


def qr_pdf(survey, url: str) -> bytes:
    """An A4 sheet to print and put at the counter: the unit, the invitation, the code and
    the address to type by hand. Always in Indonesian, the language of the counter."""
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string(
            "surveys/qr_print.html",
            {
                "survey": survey,
                "url": url,
                "svg": mark_safe(qr_svg(url, scale=10).decode()),
            },
        )
    return HTML(string=html).write_pdf()
