"""Uploaded pictures (article images, complaint photos): checked, re-encoded and resized.

Re-encoding every upload as JPEG drops whatever else the file carried (camera EXIF with a
GPS position, scripts in an SVG, a polyglot payload): only pixels reach the site.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
LARGE_SIDE = 1600
THUMBNAIL_SIDE = 400
MAX_PIXELS = 40_000_000


def max_upload_bytes() -> int:
    return int(getattr(settings, "MAX_IMAGE_BYTES", 8 * 1024 * 1024))


def _open_checked(upload) -> Image.Image:
    if upload.size > max_upload_bytes():
        limit = max_upload_bytes() // (1024 * 1024)
        raise ValidationError(
            _("The image is too large: at most %(limit)s MB, please make it smaller."),
            params={"limit": limit},
            code="too_large",
        )
    try:
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in ALLOWED_FORMATS:
            raise UnidentifiedImageError
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(
                _("The picture has too many pixels; save it at a smaller size and try again."),
                code="too_many_pixels",
            )
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a picture we can use. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_an_image",
        ) from error
    return image


def _jpeg(image: Image.Image, side: int) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    result = ContentFile(out.getvalue())
    result.size_px = copy.size
    return result


def process_upload(upload) -> tuple[ContentFile, ContentFile]:
    """The large (at most 1600 px) and thumbnail (400 px) JPEGs of an uploaded picture."""
    image = _open_checked(upload)
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    return _jpeg(image, LARGE_SIDE), _jpeg(image, THUMBNAIL_SIDE)
