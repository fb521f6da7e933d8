"""A PDF read the way a person looks at it: each page's lines of text, where they sit, how big.

pdfplumber gives every character with its box, font and size; characters that share a
baseline become a line. The checks the document tests make (nothing outside the printable
box, no heading last on a page, header rows on every page of a table) read these lines.
"""

import io
from dataclasses import dataclass, field

import pdfplumber

POINTS_PER_CM = 72 / 2.54
# document.html's @page margins: 2 cm above and below, 1.8 cm at the sides.
MARGIN_TOP = MARGIN_BOTTOM = 2 * POINTS_PER_CM
MARGIN_SIDE = 1.8 * POINTS_PER_CM
# Headings are bold and larger than the 10 pt body text (h3 is 10.5 pt).
HEADING_SIZE = 10.4
TOLERANCE = 0.5


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def is_heading(self) -> bool:
        return self.bold and self.size >= HEADING_SIZE

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    # Boxes of drawn shapes (table borders, shaded cells, roadmap bars): x0, top, x1, bottom.
    shapes: list[tuple[float, float, float, float]] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The printable box: the page less its margins (x0, top, x1, bottom)."""
        return (
            MARGIN_SIDE,
            MARGIN_TOP,
            self.width - MARGIN_SIDE,
            self.height - MARGIN_BOTTOM,
        )

    @property
    def body(self) -> list[Line]:
        """The lines inside the printable box, top to bottom (not the page's margins)."""
        return [
            line
            for line in self.lines
            if line.top >= MARGIN_TOP - TOLERANCE
            and (line.bottom <= self.height - MARGIN_BOTTOM + TOLERANCE)
        ]

    @property
    def margins(self) -> list[Line]:
        """The lines in the margins above and below the printable box."""
        body = self.body
        return [line for line in self.lines if line not in body]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read(content: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for number, plumbed in enumerate(pdf.pages, start=1):
            page = Page(number, float(plumbed.width), float(plumbed.height))
            page.lines = _lines(plumbed.chars)
            page.shapes = [
                (float(s["x0"]), float(s["top"]), float(s["x1"]), float(s["bottom"]))
                for s in (*plumbed.rects, *plumbed.lines, *plumbed.curves)
            ]
            pages.append(page)
    return pages


def _lines(chars) -> list[Line]:
    rows: dict[float, list] = {}
    for char in sorted(chars, key=lambda c: (round(float(c["bottom"]), 0), float(c["x0"]))):
        rows.setdefault(round(float(char["bottom"]), 0), []).append(char)
    lines = []
    for row in rows.values():
        text = ""
        for previous, char in zip([None, *row], row, strict=False):
            if previous is not None and float(char["x0"]) - float(previous["x1"]) > 1.5:
                text += " "
            text += char["text"]
        lines.append(
            Line(
                text=" ".join(text.replace("\u00a0", " ").split()),
                x0=min(float(c["x0"]) for c in row),
                x1=max(float(c["x1"]) for c in row),
                top=min(float(c["top"]) for c in row),
                bottom=max(float(c["bottom"]) for c in row),
                size=max(float(c["size"]) for c in row),
                bold=all("Bold" in c["fontname"] for c in row if c["text"].strip()),
            )
        )
    return sorted(lines, key=lambda line: (line.top, line.x0))


def outside_box(page: Page) -> list[str]:
    """What lies outside the printable box, other than the page number and running header."""
    x0, top, x1, bottom = page.box
    problems = []
    for line in page.lines:
        if line.x0 < x0 - TOLERANCE or line.x1 > x1 + TOLERANCE:
            problems.append(f"p.{page.number}: beside the box: {line.text[:60]!r}")
    for line in page.margins:
        if line.top < 0 or line.bottom > page.height:
            problems.append(f"p.{page.number}: off the page: {line.text[:60]!r}")
        elif line.bottom > top and line.top < bottom:
            problems.append(f"p.{page.number}: across the margin: {line.text[:60]!r}")
    for shape in page.shapes:
        if (
            shape[0] < x0 - TOLERANCE
            or shape[2] > x1 + TOLERANCE
            or shape[1] < top - TOLERANCE
            or shape[3] > bottom + TOLERANCE
        ):
            problems.append(f"p.{page.number}: a shape outside the box: {shape}")
    return problems


def sections(pages: list[Page]) -> dict[str, list[Page]]:
    """Pages by chapter: the chapter heading (h1, 18 pt) in force on each page."""
    result: dict[str, list[Page]] = {}
    current = ""
    for page in pages:
        for line in page.body:
            if line.is_heading and line.size >= 17:
                current = line.text
                break
        result.setdefault(current, []).append(page)
    return result
