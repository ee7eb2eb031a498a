"""Shared input for the tests of registering and editing organisations."""

import io

from PIL import Image

from ecosystem.models import Municipality

VALID_CVR = "13585628"  # passes the modulus-11 check
OTHER_VALID_CVR = "25313763"


def actor_data(**overrides) -> dict:
    """What a visitor types into the registration form, valid unless overridden."""
    municipality = Municipality.objects.get(code="751")  # Aarhus
    data = {
        "name": "Grøn Omstilling Aarhus",
        "kind": "social_enterprise",
        "role": "practitioner",
        "scale": "local",
        "short_description_da": "Vi skaber job til ledige gennem genbrug.",
        "short_description_en": "",
        "description_da": "",
        "description_en": "",
        "country": "DK",
        "municipality": str(municipality.pk),
        "address": "Søndergade 1",
        "postcode": "8000",
        "city": "Aarhus C",
        "latitude": "",
        "longitude": "",
        "website": "https://example.dk",
        "email": "kontakt@example.dk",
        "phone": "+45 12 34 56 78",
        "cvr": VALID_CVR,
        "founded_year": "2015",
        "partnership_text_da": "",
        "partnership_text_en": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (64, 64), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 60) if mode == "RGB" else 1).save(buffer, format=fmt)
    return buffer.getvalue()
