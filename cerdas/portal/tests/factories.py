"""Articles for tests, written through the real models."""

from django.utils import timezone

from cerdas.portal.models import Article


def make_article(region="35.22", title="Taman kota kini punya Wi-Fi gratis", **extra):
    values = {
        "region_id": region,
        "title": title,
        "summary": "Ringkasan berita untuk pengujian.",
        "body": "<p>Isi berita untuk pengujian.</p>",
        "byline": "Diskominfo",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=1),
        **extra,
    }
    return Article.objects.create(**values)


def picture(size=(2400, 1200), fmt="JPEG", name="foto.jpg"):
    """An uploaded picture made on the spot with Pillow."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (11, 93, 75)).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")
