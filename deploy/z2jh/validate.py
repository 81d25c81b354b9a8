"""Check deploy/z2jh/values.yaml against the z2jh chart's values schema, as helm does.

    python deploy/z2jh/validate.py PATH/TO/zero-to-jupyterhub-k8s/jupyterhub

Helm validates the chart's default values merged with yours, so the chart folder must hold
both values.yaml and values.schema.yaml (the schema in YAML, as the chart's repository keeps
it; a packaged chart has values.schema.json, which works too). The schema is not vendored
here: take the chart version you deploy.
"""

import json
import sys
from pathlib import Path

import jsonschema
import yaml

VALUES = Path(__file__).resolve().parent / "values.yaml"


def merge(defaults: object, override: object) -> object:
    """Helm's merge: maps merge key by key, anything else replaces, null deletes."""
    if isinstance(defaults, dict) and isinstance(override, dict):
        out = dict(defaults)
        for key, value in override.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(defaults.get(key), value)
        return out
    return override


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    chart = Path(argv[0])
    schema_file = chart / "values.schema.yaml"
    if not schema_file.is_file():
        schema_file = chart / "values.schema.json"
    text = schema_file.read_text(encoding="utf-8")
    schema = json.loads(text) if schema_file.suffix == ".json" else yaml.safe_load(text)
    defaults = yaml.safe_load((chart / "values.yaml").read_text(encoding="utf-8"))
    values = merge(defaults, yaml.safe_load(VALUES.read_text(encoding="utf-8")))
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(values), key=lambda e: list(map(str, e.path)))
    for error in errors:
        print(f"{'.'.join(map(str, error.path)) or '(top)'}: {error.message}")
    print(f"{VALUES.name} merged over {chart / 'values.yaml'}: {len(errors)} schema error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
