"""Index settings from the packaged TOML, and clear errors for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.index.settings import load_settings


def test_packaged_settings_load() -> None:
    settings = load_settings()
    assert settings.resamples >= 100 and 0 < settings.level < 1


def test_broken_settings_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "index.toml"
    path.write_text("[bootstrap]\nresamples = 10\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"index settings .*index\.toml"):
        load_settings(path)
    path.write_text(
        "[bootstrap]\nresamples = 10\nlevel = 2\nseed = 1\n"
        "[spikes]\nvolume = 2\ndeviation = 1\ntop_events = 3\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="level in"):
        load_settings(path)
