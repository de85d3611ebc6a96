#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/*.png) by walking the browser tests' journey
# (scripts/browser.py) on a fresh SQLite database. Needs what scripts/test.sh installs once:
# Debian's chromium and Japanese fonts, and Playwright and axe-core under target/ and tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
target/pyenv/bin/python scripts/browser.py --binary target/debug/tsunagu --label docs \
  --database-url "sqlite://$workdir/docs.db" --docs docs
