#!/usr/bin/env bash
# Runs every test on SQLite and on PostgreSQL, then validates the generated OpenAPI document
# and connector packages with independent tools.
#
# PostgreSQL: set TSUNAGU_TEST_POSTGRES_URL to a server where the user may CREATE DATABASE
# (each test makes its own UTF-8 database). Without it, and when run as root on a machine with
# a local PostgreSQL cluster (Debian's pg_ctlcluster), this script starts the cluster and
# creates a `tsunagu_test` role for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TSUNAGU_TEST_POSTGRES_URL:-}" ]; then
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "PostgreSQL tests need TSUNAGU_TEST_POSTGRES_URL (e.g. postgres://user:pass@127.0.0.1:5432/postgres)" >&2
    exit 2
  fi
  read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
  if [ "$pg_status" != "online" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL $pg_version/$pg_cluster is $pg_status; start it (pg_ctlcluster $pg_version $pg_cluster start) or set TSUNAGU_TEST_POSTGRES_URL" >&2
      exit 2
    fi
    pg_ctlcluster "$pg_version" "$pg_cluster" start
  fi
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -c "psql -q -p $pg_port -v ON_ERROR_STOP=1" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tsunagu_test') THEN
    CREATE ROLE tsunagu_test LOGIN CREATEDB PASSWORD 'tsunagu_test';
  END IF;
END
$$;
SQL
  fi
  export TSUNAGU_TEST_POSTGRES_URL="postgres://tsunagu_test:tsunagu_test@127.0.0.1:$pg_port/postgres"
fi

# The real OpenID provider the sign-in tests run against (oauth2-mock-server, from npm).
if [ ! -d tests/oidc/node_modules/oauth2-mock-server ]; then
  (cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo test --locked "$@"

# Independent validators for the generated spec and connector packages (Python, in a venv
# under target/ so nothing is installed system-wide): Microsoft's JSON Schemas and
# openapi-spec-validator, for both languages and all three sign-in modes.
venv=target/pyenv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jsonschema, openapi_spec_validator' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check jsonschema openapi-spec-validator
fi
if ! "$venv/bin/python" -c 'import schemathesis' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
fi
check_dir=target/connector-check
rm -rf "$check_dir"
packages=()
for lang in en ja; do
  for auth in aad oauth2 apikey; do
    cargo run --quiet --locked -- connector --out "$check_dir/$lang-$auth" --lang "$lang" --auth "$auth" 2>/dev/null
    packages+=("$check_dir/$lang-$auth")
  done
done
"$venv/bin/python" scripts/check_connector.py --openapi openapi/openapi.json connector connector/ja "${packages[@]}"

# The members' journey in a real browser (scripts/browser.py) on each database: headless
# Chromium and Japanese fonts from Debian (installed here when run as root, as in CI),
# Playwright from PyPI (pointed at that Chromium; it downloads no browser), axe-core from npm.
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }
  else
    echo "the browser tests need Debian's chromium and fonts-noto-cjk: apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi
if ! "$venv/bin/python" -c 'import playwright' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'playwright>=1.40,<2'
fi
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
browser_dir=$(mktemp -d)
"$venv/bin/python" scripts/browser.py --binary target/debug/tsunagu --label sqlite \
  --database-url "sqlite://$browser_dir/browser.db"
browser_db="tsunagu_browser_$$"
psql -q "$TSUNAGU_TEST_POSTGRES_URL" -c "CREATE DATABASE $browser_db TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
browser_ok=0
"$venv/bin/python" scripts/browser.py --binary target/debug/tsunagu --label postgres \
  --database-url "${TSUNAGU_TEST_POSTGRES_URL%/*}/$browser_db" || browser_ok=1
psql -q "$TSUNAGU_TEST_POSTGRES_URL" -c "DROP DATABASE $browser_db WITH (FORCE)" || true
[ "$browser_ok" -eq 0 ]

# Fuzzing from both descriptions (scripts/fuzz.py): schemathesis drives every operation of a
# live, seeded server on each database — the OpenAPI 3.1 spec with its links (stateful runs),
# and the Swagger 2.0 connector definition with X-Api-Key — and fails on any 5xx, any response
# that does not match its declared schema, status code, content type or headers, or when fewer
# than 90 % of the operations of either description ever answered 2xx (it prints them all).
fuzz_dir=$(mktemp -d)
fuzz_failed=0
"$venv/bin/python" scripts/fuzz.py --binary target/debug/tsunagu --venv "$venv" --label sqlite \
  --database-url "sqlite://$fuzz_dir/fuzz.db" --swagger-database-url "sqlite://$fuzz_dir/fuzz-swagger.db" \
  --swagger "$check_dir/en-apikey" || fuzz_failed=$((fuzz_failed + 1))
fuzz_db="tsunagu_fuzz_$$"
for db in "$fuzz_db" "${fuzz_db}_swagger"; do
  psql -q "$TSUNAGU_TEST_POSTGRES_URL" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
done
"$venv/bin/python" scripts/fuzz.py --binary target/debug/tsunagu --venv "$venv" --label postgres \
  --database-url "${TSUNAGU_TEST_POSTGRES_URL%/*}/$fuzz_db" \
  --swagger-database-url "${TSUNAGU_TEST_POSTGRES_URL%/*}/${fuzz_db}_swagger" \
  --swagger "$check_dir/en-apikey" || fuzz_failed=$((fuzz_failed + 1))
for db in "$fuzz_db" "${fuzz_db}_swagger"; do
  psql -q "$TSUNAGU_TEST_POSTGRES_URL" -c "DROP DATABASE $db WITH (FORCE)" || true
done
echo "fuzz: $((2 - fuzz_failed)) passed, $fuzz_failed failed"
[ "$fuzz_failed" -eq 0 ]
