"""The other names of regions and provinces that the name resolver knows.

Three kinds of other name, each kept where it is easiest to check against its source:

- ``ALIASES``: everyday names and spellings of a few cities ("Jogja", "Solo", "Siantar"),
  written below with the official names they stand for.
- ``ABBREVIATIONS``: the abbreviations officials and the press write for kabupaten/kota
  ("Tapsel", "Labura", "KBB", "Halteng"), one per row of ``abbreviations.csv`` with its source.
  An abbreviation given to two regions ("Mura": Musi Rawas and Murung Raya) is ambiguous on
  purpose: the resolver lists both and picks neither.
- ``FORMER_NAMES``: names regions had before a law renamed them ("Mamuju Utara", until
  PP 61/2017 made it Kabupaten Pasangkayu), one per row of ``former_names.csv`` with the law.

A name written with a kind ("Kabupaten Pontianak") applies only when the text says that kind.
docs/data-sources.md says where each source is; no Django here, the files are read directly.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "ABBREVIATIONS",
    "ABBREVIATION_SOURCES",
    "ALIASES",
    "FORMER_NAMES",
    "PROVINCE_ALIASES",
    "Abbreviation",
    "FormerName",
]

# Everyday names and spellings, written as people write them, mapped to official names.
ALIASES: dict[str, tuple[str, ...]] = {
    "Yogya": ("Kota Yogyakarta",),
    "Jogja": ("Kota Yogyakarta",),
    "Jogjakarta": ("Kota Yogyakarta",),
    "Solo": ("Kota Surakarta",),
    "Siantar": ("Kota Pematangsiantar",),
    "Padang Sidempuan": ("Kota Padangsidimpuan",),
    "Makasar": ("Kota Makassar",),
    # Jakarta: the five administrative kota, and the Thousand Islands as people say them.
    "Jakarta": (
        "Kota Administrasi Jakarta Pusat",
        "Kota Administrasi Jakarta Utara",
        "Kota Administrasi Jakarta Barat",
        "Kota Administrasi Jakarta Selatan",
        "Kota Administrasi Jakarta Timur",
    ),
    "Pulau Seribu": ("Kabupaten Administrasi Kepulauan Seribu",),
    "50 Kota": ("Kabupaten Lima Puluh Kota",),
}

# Short and other names of provinces, mapped to the official names a record may carry.
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "NAD": ("Aceh",),
    "Nanggroe Aceh Darussalam": ("Aceh",),
    "Sumut": ("Sumatera Utara",),
    "Sumatra Utara": ("Sumatera Utara",),
    "Sumbar": ("Sumatera Barat",),
    "Sumatra Barat": ("Sumatera Barat",),
    "Sumsel": ("Sumatera Selatan",),
    "Sumatra Selatan": ("Sumatera Selatan",),
    "Babel": ("Kepulauan Bangka Belitung",),
    "Bangka Belitung": ("Kepulauan Bangka Belitung",),
    "Kepri": ("Kepulauan Riau",),
    "DKI": ("Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta", "DKI Jakarta"),
    "DKI Jakarta": ("Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta"),
    "DK Jakarta": ("Daerah Khusus Jakarta", "Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "Jakarta": ("Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta", "DKI Jakarta"),
    "Jabar": ("Jawa Barat",),
    "Jateng": ("Jawa Tengah",),
    "Jatim": ("Jawa Timur",),
    "DIY": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "DI Yogyakarta": ("Daerah Istimewa Yogyakarta",),
    "Yogyakarta": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "Jogja": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "NTB": ("Nusa Tenggara Barat",),
    "NTT": ("Nusa Tenggara Timur",),
    "Kalbar": ("Kalimantan Barat",),
    "Kalteng": ("Kalimantan Tengah",),
    "Kalsel": ("Kalimantan Selatan",),
    "Kaltim": ("Kalimantan Timur",),
    "Kaltara": ("Kalimantan Utara",),
    "Sulut": ("Sulawesi Utara",),
    "Sulteng": ("Sulawesi Tengah",),
    "Sulsel": ("Sulawesi Selatan",),
    "Sultra": ("Sulawesi Tenggara",),
    "Sulbar": ("Sulawesi Barat",),
    "Malut": ("Maluku Utara",),
    "Pabar": ("Papua Barat",),
    "PBD": ("Papua Barat Daya",),
    "Papteng": ("Papua Tengah",),
    "Papsel": ("Papua Selatan",),
}

# What each value of the "source" column of abbreviations.csv means.
ABBREVIATION_SOURCES = {
    # The region's own government writes it: its website's domain or its own pages.
    "pemda": "the region's government",
    # A news report or public page names the region with it, as quoted in "evidence".
    "press": "news and public pages",
    # In common use by regional governments and the press, not checked against one page.
    "usage": "common usage",
}


@dataclass(frozen=True, slots=True)
class Abbreviation:
    code: str  # "12.03"
    text: str  # "Tapsel"
    source: str  # a key of ABBREVIATION_SOURCES
    evidence: str  # where it was seen, when source is pemda or press


@dataclass(frozen=True, slots=True)
class FormerName:
    code: str  # the region's code now: "76.01"
    name: str  # "Mamuju Utara"
    until: int  # the year the law renamed it
    law: str  # "PP 61/2017"
    evidence: str


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


ABBREVIATIONS: tuple[Abbreviation, ...] = tuple(
    Abbreviation(row["code"], row["abbreviation"], row["source"], row["evidence"])
    for row in _rows("abbreviations.csv")
)
FORMER_NAMES: tuple[FormerName, ...] = tuple(
    FormerName(row["code"], row["former_name"], int(row["until"]), row["law"], row["evidence"])
    for row in _rows("former_names.csv")
)
