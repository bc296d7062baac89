"""Run one benchmark and put its output, with the command and machine, into BENCHMARKS.md.

Run: .venv/bin/python bench/record.py NAME -- COMMAND...   (replaces the section NAME)
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
HEADER = (
    "# Benchmarks\n\n"
    "Each section is written by `bench/record.py` from the output of the command it shows, run on\n"
    "the machine named there; nothing here is typed in. Re-run a section's command to check it.\n"
)


def section(name: str, command: list[str], output: str) -> str:
    """The markdown block for one benchmark run."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    shown = " ".join(command)
    return (
        f"<!-- bench:{name} -->\n## {name}\n\n"
        f"`.venv/bin/python bench/record.py {name} -- {shown}`\n\n"
        f"{when}, {machine}\n\n```\n{output.rstrip()}\n```\n<!-- /bench:{name} -->\n"
    )


def main() -> None:
    """Run the command after `--` and store its output under NAME."""
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    name, command = sys.argv[1], sys.argv[3:]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    block = section(name, command, done.stdout)
    page = PAGE.read_text(encoding="utf-8") if PAGE.exists() else HEADER
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->\n", re.S
    )
    page = pattern.sub(lambda _: block, page) if pattern.search(page) else f"{page}\n{block}"
    PAGE.write_text(page, encoding="utf-8")
    sys.stdout.write(done.stdout)


if __name__ == "__main__":
    main()
