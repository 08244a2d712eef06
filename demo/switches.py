"""Demo switches shared by the code locations.

Switches are files under $HEALTHBOARD_DEMO_SWITCHES (default: $DAGSTER_HOME/switches),
not environment variables, because a code server inherits its environment once
at start while a reload must see the new state. `scripts/demo-switch.sh` flips them.
"""

import os
from pathlib import Path


def _switch_dir() -> Path:
    explicit = os.environ.get("HEALTHBOARD_DEMO_SWITCHES")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("DAGSTER_HOME", ".")) / "switches"


def is_broken(location: str) -> bool:
    return (_switch_dir() / f"{location}.broken").exists()


def version_of(location: str) -> str:
    path = _switch_dir() / f"{location}.version"
    return path.read_text().strip() if path.exists() else "v1"
