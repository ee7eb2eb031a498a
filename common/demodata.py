"""The demo content's data files: each app keeps its curated demo set as YAML in its own
`demo_data/` folder, and its demo module reads it here, so the content is data, not code."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def load(module_file: str, name: str) -> Any:
    """The parsed `demo_data/<name>.yaml` beside the module whose `__file__` is given."""
    path = Path(module_file).resolve().parent / "demo_data" / f"{name}.yaml"
    return yaml.safe_load(path.read_text("utf-8"))
