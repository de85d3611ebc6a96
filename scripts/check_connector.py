#!/usr/bin/env python3
"""Validates generated artifacts with independent tools.

- Each connector package folder: its three JSON files against Microsoft's JSON Schemas
  (tests/powerplatform-schemas, copied from microsoft/PowerPlatformConnectors), and the
  definition as Swagger 2.0 with openapi-spec-validator.
- The OpenAPI document as OpenAPI 3.1 with openapi-spec-validator.

Usage: check_connector.py --openapi openapi/openapi.json PACKAGE_DIR...
"""
import argparse
import json
import pathlib
import sys

import jsonschema
from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV2SpecValidator, OpenAPIV31SpecValidator

SCHEMAS = pathlib.Path(__file__).resolve().parent.parent / "tests" / "powerplatform-schemas"
FILES = {
    "apiDefinition.swagger.json": "apiDefinition.swagger.schema.json",
    "apiProperties.json": "paconn-apiProperties.schema.json",
    "settings.json": "paconn-settings.schema.json",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_package(folder):
    failures = []
    for name, schema_name in FILES.items():
        document = load(folder / name)
        schema = load(SCHEMAS / schema_name)
        validator_class = jsonschema.validators.validator_for(schema)
        validator = validator_class(schema)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:20]:
            where = "/".join(str(p) for p in error.absolute_path)
            failures.append(f"{folder / name}: {where}: {error.message[:300]}")
    try:
        validate(load(folder / "apiDefinition.swagger.json"), cls=OpenAPIV2SpecValidator)
    except Exception as e:  # noqa: BLE001 - report any validator failure
        failures.append(f"{folder}/apiDefinition.swagger.json is not valid Swagger 2.0: {str(e)[:500]}")
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--openapi", type=pathlib.Path)
    parser.add_argument("packages", nargs="*", type=pathlib.Path)
    args = parser.parse_args()
    failures = []
    passed = failed = 0
    if args.openapi:
        try:
            validate(load(args.openapi), cls=OpenAPIV31SpecValidator)
            passed += 1
        except Exception as e:  # noqa: BLE001
            failures.append(f"{args.openapi} is not valid OpenAPI 3.1: {str(e)[:500]}")
            failed += 1
    for folder in args.packages:
        problems = check_package(folder)
        failures.extend(problems)
        if problems:
            failed += 1
        else:
            passed += 1
    for failure in failures:
        print(failure)
    print(f"checks: {passed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
