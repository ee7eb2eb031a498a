import os
from pathlib import Path

from django.core.asgi import get_asgi_application

from config.database import use_embedded_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
use_embedded_server(Path(__file__).resolve().parent.parent)
application = get_asgi_application()
