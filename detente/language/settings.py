"""The language stage's settings, read from data/language.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def settings() -> dict[str, Any]:
    """The packaged settings of the language stage."""
    text = resources.files("detente.language").joinpath("data", "language.toml").read_text("utf-8")
    return tomllib.loads(text)
