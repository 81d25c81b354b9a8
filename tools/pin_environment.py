"""Copy the lock's versions into environment.yml's ``name==version`` lines (run by `make lock`).

Usage (from the repository root)::

    .venv/bin/python tools/pin_environment.py           # rewrite environment.yml in place
    .venv/bin/python tools/pin_environment.py --check   # exit 1 if a pin differs from the lock

Only the version after ``==`` changes; names, order, comments and the conda/pip split stay as
written. A package that environment.yml lists but the lock lacks is reported, not guessed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^(?P<head>\s*-\s*)(?P<name>[A-Za-z0-9][A-Za-z0-9_.\-]*)==(?P<version>\S+)\s*$")
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*)==(\S+)", re.M)


def normalize(name: str) -> str:
    """A distribution name compared as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def repin(environment: str, lock: str) -> tuple[str, list[str]]:
    """Return ``environment`` with each ``name==version`` set to the lock's, and the problems.

    Example:
        >>> repin("  - pandas==2.0.0\\n", "pandas==3.1.1\\n")
        ('  - pandas==3.1.1\\n', [])
    """
    locked = {normalize(n): v for n, v in LOCKED.findall(lock)}
    lines, missing = [], []
    for line in environment.splitlines(keepends=True):
        match = PIN.match(line)
        if match:
            version = locked.get(normalize(match["name"]))
            if version is None:
                missing.append(match["name"])
            else:
                ending = "\n" if line.endswith("\n") else ""
                line = f"{match['head']}{match['name']}=={version}{ending}"
        lines.append(line)
    return "".join(lines), missing


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with ``--check``, compare) environment.yml against requirements/lock.txt."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report differences")
    args = parser.parse_args(argv)
    env_path = ROOT / "environment.yml"
    before = env_path.read_text(encoding="utf-8")
    after, missing = repin(before, (ROOT / "requirements" / "lock.txt").read_text("utf-8"))
    for name in missing:
        print(f"environment.yml lists {name}, which the lock does not pin", file=sys.stderr)
    if args.check:
        if after != before:
            print("environment.yml differs from the lock: run `make lock`", file=sys.stderr)
        return int(after != before or bool(missing))
    if after != before:
        env_path.write_text(after, encoding="utf-8")
        print("environment.yml: versions updated from requirements/lock.txt")
    return int(bool(missing))


if __name__ == "__main__":
    raise SystemExit(main())
