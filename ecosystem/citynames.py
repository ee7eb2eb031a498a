"""A city's name in the page's language: Prag on a Danish page, Prague on an English one.

An organisation writes its own address, in whatever language it uses (Praha, Prague,
Warszawa, Bruxelles, København). The stored value stays what the organisation wrote;
pages show the city under the name the reader's language gives it. Danish and English
give their own names (exonyms) to only a few dozen foreign cities, a closed list that
rarely changes, so it is kept here as data rather than asking every organisation to type
its city twice: a translated `city` field would stay empty for most actors, and a member
cannot be expected to know the Danish exonym of their own city. A city not in the table
is shown as written.
"""

from __future__ import annotations

from django.utils.translation import get_language

# (country, Danish name, English name, other spellings organisations write).
CITIES: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Denmark: the capital has an English name of its own.
    ("DK", "København", "Copenhagen", ("Kobenhavn", "Koebenhavn")),
    ("DK", "Helsingør", "Helsingør", ("Elsinore", "Helsingor")),
    # The consortium's countries: Belgium, Ireland, Finland, the Czech Republic, Poland.
    ("BE", "Bruxelles", "Brussels", ("Brussel", "Bruxelles-Capitale")),
    ("BE", "Antwerpen", "Antwerp", ("Anvers",)),
    ("BE", "Gent", "Ghent", ("Gand",)),
    ("BE", "Brugge", "Bruges", ()),
    ("BE", "Leuven", "Leuven", ("Louvain",)),
    ("BE", "Liège", "Liège", ("Luik", "Lüttich")),
    ("BE", "Mons", "Mons", ("Bergen",)),
    ("IE", "Dublin", "Dublin", ("Baile Átha Cliath",)),
    ("IE", "Cork", "Cork", ("Corcaigh",)),
    ("IE", "Galway", "Galway", ("Gaillimh",)),
    ("IE", "Limerick", "Limerick", ("Luimneach",)),
    ("FI", "Helsinki", "Helsinki", ("Helsingfors",)),
    ("FI", "Turku", "Turku", ("Åbo",)),
    ("FI", "Tampere", "Tampere", ("Tammerfors",)),
    ("FI", "Espoo", "Espoo", ("Esbo",)),
    ("FI", "Vantaa", "Vantaa", ("Vanda",)),
    ("FI", "Oulu", "Oulu", ("Uleåborg",)),
    ("CZ", "Prag", "Prague", ("Praha", "Prag")),
    ("CZ", "Brno", "Brno", ("Brünn",)),
    ("CZ", "Pilsen", "Pilsen", ("Plzeň", "Plzen")),
    ("CZ", "Ostrava", "Ostrava", ()),
    ("PL", "Warszawa", "Warsaw", ("Warschau", "Varsovie")),
    ("PL", "Kraków", "Kraków", ("Krakow", "Cracow", "Krakau")),
    ("PL", "Gdańsk", "Gdańsk", ("Gdansk", "Danzig")),
    ("PL", "Wrocław", "Wrocław", ("Wroclaw", "Breslau")),
    ("PL", "Poznań", "Poznań", ("Poznan", "Posen")),
    ("PL", "Łódź", "Łódź", ("Lodz",)),
    ("PL", "Szczecin", "Szczecin", ("Stettin",)),
    # Other European capitals and cities that Danish names differently from English.
    ("AT", "Wien", "Vienna", ("Wenen",)),
    ("IT", "Rom", "Rome", ("Roma",)),
    ("IT", "Milano", "Milan", ()),
    ("IT", "Firenze", "Florence", ()),
    ("IT", "Venedig", "Venice", ("Venezia",)),
    ("IT", "Napoli", "Naples", ()),
    ("PT", "Lissabon", "Lisbon", ("Lisboa",)),
    ("PT", "Porto", "Porto", ("Oporto",)),
    ("ES", "Sevilla", "Seville", ()),
    ("NL", "Haag", "The Hague", ("Den Haag", "'s-Gravenhage")),
    ("DE", "München", "Munich", ("Muenchen",)),
    ("DE", "Köln", "Cologne", ("Koeln",)),
    ("DE", "Nürnberg", "Nuremberg", ()),
    ("DE", "Hannover", "Hanover", ()),
    ("DE", "Braunschweig", "Brunswick", ()),
    ("CH", "Genève", "Geneva", ("Genf", "Ginevra")),
    ("CH", "Zürich", "Zurich", ("Zuerich",)),
    ("GR", "Athen", "Athens", ("Athína", "Athina")),
    ("RO", "Bukarest", "Bucharest", ("București", "Bucuresti")),
    ("RS", "Beograd", "Belgrade", ()),
    ("LT", "Vilnius", "Vilnius", ("Wilno",)),
    ("EE", "Tallinn", "Tallinn", ("Reval",)),
    ("LV", "Riga", "Riga", ("Rīga",)),
    ("HU", "Budapest", "Budapest", ()),
    ("SE", "Göteborg", "Gothenburg", ("Goteborg",)),
    ("UA", "Kyiv", "Kyiv", ("Kiev", "Kijev", "Kiew", "Київ")),
]

_INDEX: dict[tuple[str, str], dict[str, str]] = {}
for _country, _da, _en, _others in CITIES:
    _names = {"da": _da, "en": _en}
    for _name in (_da, _en, *_others):
        _INDEX[(_country, _name.casefold())] = _names


def city_name(city: str, country: str, language: str | None = None) -> str:
    """`city` (as the organisation wrote it, in `country`) in `language`, by default the
    active one; a city the table does not know comes back as written."""
    names = _INDEX.get((str(country or "").upper(), city.strip().casefold()))
    if not names:
        return city
    language = (language or get_language() or "da")[:2]
    return names.get(language, city)
