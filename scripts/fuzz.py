#!/usr/bin/env python3
"""Fuzzes a live tsunagu from both of its descriptions with schemathesis, and says how much of
the API the fuzzing really reached.

A server is started on the given database with seeded data (members, questions with answers by
others, tips, wins, reports, a failed webhook delivery), and schemathesis drives:

1. the OpenAPI 3.1 description (`/openapi.json`, with its links between create and
   read/update/delete operations, so stateful runs chain them) as a dedicated fuzzing admin
   whose key `RevokeMyApiKey` is kept away from (it is fuzzed separately, with a throwaway
   member's key, so the main run does not lock itself out halfway);
2. the Swagger 2.0 connector definition Power Automate reads (the API-key variant, with
   `X-Api-Key`), on a second server with its own freshly seeded database: the first run edits,
   deletes and retries much of what was seeded, and this run has no links to follow, so it
   needs the seeded posts — others' answers to react to, failed deliveries to retry — intact.

Every run fails on a 5xx, a response that breaks its schema, status code, content type or
headers. Then, per operation of each description, it prints how many cases got a 2xx, and fails
when fewer than 90 % of the operations of either description reached one.

Usage: fuzz.py --binary target/debug/tsunagu --label sqlite --database-url URL
               --swagger-database-url URL2 --swagger DIR-OF-APIKEY-CONNECTOR [--venv target/pyenv]
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

# Share of operations of each description that must reach a 2xx.
MIN_SHARE = 0.90
ROOT = pathlib.Path(__file__).resolve().parent.parent


def call(base, key, method, path, body=None, header="Authorization"):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + "/api/v1" + path, data=data, method=method)
    request.add_header(header, ("Bearer " + key) if header == "Authorization" else key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def start(binary, database_url, workdir):
    out = open(workdir / "server.out", "w")
    err = open(workdir / "server.err", "w")
    env = dict(os.environ)
    env.update({
        "TSUNAGU_DATABASE_URL": database_url,
        "TSUNAGU_BIND": "127.0.0.1:0",
        "TSUNAGU_RATE_LIMIT_PER_MINUTE": "0",
        "TSUNAGU_LOG": "warn",
        # Subscriptions to example.com are accepted (no DNS needed); deliveries to it fail.
        "TSUNAGU_WEBHOOK_ALLOW_HOSTS": "example.com",
        "TSUNAGU_WEBHOOK_TIMEOUT_SECS": "1",
    })
    process = subprocess.Popen([binary], stdout=out, stderr=err, env=env)
    for _ in range(200):
        text = (workdir / "server.out").read_text()
        base = re.search(r"tsunagu is serving on (\S+)", text)
        key = re.search(r"tsu_[A-Za-z0-9_-]+", text)
        if base and key:
            return process, base.group(1), key.group(0)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    sys.exit("fuzz: the server did not start:\n" + (workdir / "server.err").read_text())


def seed(base, admin_key):
    """Members and posts the operations can act on: the fuzzer's own (edit, accept) and
    others' (react, me-too, kudos, report)."""
    def member(name, role):
        created = call(base, admin_key, "POST", "/members", {"display_name": name, "role": role})
        return created["api_key"]["secret"]

    # The helper is member 2, the fuzzer 3: ids the fuzzer tries on others are more often
    # someone else's.
    helper = member("Helper", "member")
    fuzzer = member("Fuzzer", "admin")
    throwaways = [member(f"Throwaway {n}", "member") for n in range(2)]
    for throwaway in throwaways:
        for i in range(3):
            call(base, throwaway, "POST", "/me/api-keys", {"name": f"spare {i}"})
    # Most low ids belong to others' posts (generated ids are often small, and the Swagger 2.0
    # run has no links to follow): questions 1–100 are the helper's (me-too), answers 1–100
    # the helper's on the fuzzer's questions (accept, react, kudos); the fuzzer is an admin, so
    # it may edit and delete any of them.
    theirs = [call(base, helper, "POST", "/questions",
                   {"title": f"Helper's question {i}", "body": "body", "tags": ["excel"], "anonymous": i % 2 == 0})
              for i in range(100)]
    mine = [call(base, fuzzer, "POST", "/questions",
                 {"title": f"Fuzzer's question {i}", "body": "本文", "tags": ["excel", "承認"]})
            for i in range(100)]
    answers = [call(base, helper, "POST", f"/questions/{q['id']}/answers", {"body": "an answer"}) for q in mine]
    for q in theirs[:20]:
        call(base, fuzzer, "POST", f"/questions/{q['id']}/answers", {"body": "my answer"})
    tips = [call(base, helper, "POST", "/tips", {"title": f"Helper's tip {i}", "body": "b", "tags": ["excel"]})
            for i in range(60)]
    for i in range(5):
        call(base, fuzzer, "POST", "/tips", {"title": f"Fuzzer's tip {i}", "body": "b", "level": "intermediate"})
    for i in range(30):
        win = call(base, helper, "POST", "/wins", {
            "title": f"Helper's win {i}", "story": "s", "tags": ["excel"],
            "impact": {"minutes_saved_per_run": 2.5, "runs_per_month": 4, "people_helped": 1},
            "helped_by": {"questions": [mine[i]["id"]], "tips": [tips[i]["id"]]}})
        call(base, helper, "POST", "/reports", {"target_kind": "question", "target_id": mine[i]["id"], "reason": "other"})
        call(base, fuzzer, "POST", "/reports", {"target_kind": "win", "target_id": win["id"], "reason": "spam"})
        call(base, fuzzer, "POST", f"/answers/{answers[i]['id']}/reactions", {"kind": "helpful"})
    # Hidden posts to show again.
    for report in call(base, fuzzer, "GET", "/reports?limit=20")["items"]:
        call(base, fuzzer, "POST", f"/reports/{report['id']}/resolve", {"action": "hide", "reason": "fuzz"})
    # Failed deliveries to retry: the helper's flow (the fuzzer cannot delete it) follows a tag
    # the fuzzer's own questions do not carry, so the fuzzing adds no pending deliveries that
    # would come first in the list.
    # The tags of the descriptions' examples exist, so triggers that follow them can be made.
    for tag in ["seeded-flow", "approvals", "excel", "sharepoint"]:
        call(base, fuzzer, "POST", "/tags", {"slug": tag})
    call(base, helper, "POST", "/subscriptions/question-posted",
         {"callback_url": "https://example.com/hooks/seed", "tag": "seeded-flow"})
    for i in range(3):
        call(base, helper, "POST", "/questions", {"title": f"Delivered to a flow {i}", "body": "b", "tags": ["seeded-flow"]})
    return fuzzer, throwaways


def fail_deliveries(database_url):
    """Marks every webhook delivery failed, as 24 hours of refusals would, so a retry can
    succeed."""
    sql = "UPDATE deliveries SET status = 'failed', finished_at = 1"
    if database_url.startswith("sqlite:"):
        import sqlite3
        path = database_url.split("://", 1)[1].split("?", 1)[0]
        with sqlite3.connect(path, timeout=30) as db:
            db.execute(sql)
    else:
        subprocess.run(["psql", "-q", database_url, "-c", sql], check=True)


# Runs the schemathesis CLI with one guard: on CPython 3.11.7 (this machine's), `ast.parse` can
# raise "AST constructor recursion depth mismatch" (CPython gh-106905) when Hypothesis describes
# a filter for a report, which schemathesis counts as an error of the operation being fuzzed.
# A description is cosmetic, so one that cannot be made becomes "<unknown>".
SCHEMATHESIS = """
import sys
from hypothesis.internal import lambda_sources
_describe = lambda_sources._lambda_description
def _safe(f, *args, **kwargs):
    try:
        return _describe(f, *args, **kwargs)
    except (SystemError, RecursionError, RuntimeError, SyntaxError, ValueError):
        return "lambda: <unknown>"
lambda_sources._lambda_description = _safe
from schemathesis.cli import schemathesis
sys.argv[0] = "schemathesis"
sys.exit(schemathesis())
"""


def schemathesis(venv, spec, base_url, headers, extra, har, log):
    command = [str(venv / "bin" / "python"), "-c", SCHEMATHESIS, "run", spec, "--url", base_url,
               "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,"
                           "content_type_conformance,response_headers_conformance",
               "--max-examples", os.environ.get("TSUNAGU_FUZZ_EXAMPLES", "25"),
               "--workers", "2", "--seed", "1", "--report", "har", "--report-har-path", str(har)]
    for header in headers:
        command += ["-H", header]
    command += extra
    with open(log, "w") as out:
        return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT).returncode


def operations(spec):
    """(method, compiled path regex, operationId) of every operation of a description."""
    base = spec.get("basePath", "")
    found = []
    for path, item in spec["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(base + path)) + "$")
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                found.append((method.upper(), pattern, op.get("operationId", f"{method} {path}")))
    # Literal segments before templated ones ("/questions/similar" before "/questions/{id}").
    found.sort(key=lambda o: o[1].pattern.count("[^/]+"))
    return found


def reached(spec, har_files):
    """Per operation: (cases, 2xx)."""
    ops = operations(spec)
    counts = {op[2]: [0, 0] for op in ops}
    for har in har_files:
        if not har.exists():
            continue
        for entry in json.loads(har.read_text())["log"]["entries"]:
            method = entry["request"]["method"]
            path = urllib.parse.urlsplit(entry["request"]["url"]).path
            for op_method, pattern, name in ops:
                if op_method == method and pattern.match(path):
                    counts[name][0] += 1
                    if 200 <= entry["response"]["status"] < 300:
                        counts[name][1] += 1
                    break
    return counts


def report(label, counts, need):
    width = max(len(name) for name in counts)
    print(f"fuzz ({label}): cases and 2xx answers per operation")
    for name, (cases, ok) in sorted(counts.items()):
        print(f"  {name:<{width}}  {cases:>5} cases  {ok:>5} 2xx{'' if ok else '   <- never 2xx'}")
    share = sum(1 for c, ok in counts.values() if ok) / len(counts)
    print(f"fuzz ({label}): {share:.0%} of {len(counts)} operations reached a 2xx (need {need:.0%})")
    return share


# Refusals of schema-valid requests that are the community's rules, not the shape of the input
# (documented in the README's error table): acting on your own post, a tag nobody uses, the
# SSRF guard on callback URLs, the impact resolution, a report range in the wrong order,
# conflicts and stale ids.
BUSINESS_RULES = {
    "own_question", "own_answer", "own_tip", "own_item", "own_role", "own_post",
    "unknown_tag", "not_https", "private_address", "unresolvable", "invalid_url",
    "too_precise", "invalid_range", "idempotency_key_reused", "email_taken",
    "not_retryable", "report_resolved", "post_deleted", "no_tip_left", "no_tip_matches",
    "invalid_character",  # a tag's "letters of any script" rule, which no portable regex states
    "too_many_terms",  # search: at most 10 words (a pattern cannot count words)
    "too_few_visible",  # minimum lengths count what a reader can see, not spaces or U+200B
    "invalid_date",  # a day the month lacks (2026-02-30): a pattern cannot count days
    "invalid_cursor",  # cursors are opaque tokens from a previous page
    "required_to_hide",  # hiding a post needs a reason; other resolutions do not
    "not_found", "route_not_found",
}


def rejected_valid_requests(har):
    """Requests of a positive-mode run (schema-valid by construction) refused with 400/422 for
    a reason the description should have stated."""
    found = []
    for entry in json.loads(har.read_text())["log"]["entries"]:
        status = entry["response"]["status"]
        if status not in (400, 422):
            continue
        try:
            problem = json.loads(entry["response"]["content"].get("text") or "{}")
        except ValueError:
            problem = {}
        codes = {e.get("code") for e in problem.get("errors", [])} or {problem.get("code")}
        if codes <= BUSINESS_RULES:
            continue
        request = entry["request"]
        found.append(f"{request['method']} {request['url']} {(request.get('postData') or {}).get('text', '')[:200]}"
                     f" -> {status} {problem.get('detail', '')[:200]}")
    return found


def run_all(args, venv, work, runs, hars, failed):
    for name, spec, url, headers, extra in runs:
        har, log = work / f"{name}.har", work / f"{name}.log"
        status = schemathesis(venv, spec, url, headers, extra, har, log)
        hars[name] = har
        tail = log.read_text().strip().splitlines()[-3:]
        print(f"fuzz ({args.label}, {name}): " + " | ".join(tail))
        if status != 0:
            failed.append(f"{name}: schemathesis found failures; full log: {log}")
            print("\n".join(line for line in log.read_text().splitlines()
                            if line.startswith(("_", "- ", "[", "    curl")))[:6000], file=sys.stderr)


def seeded_server(args, database_url, work):
    """A server on `database_url` with seeded data and failed deliveries to retry:
    (process, base URL, fuzzing admin's key, throwaway members' keys)."""
    work.mkdir(exist_ok=True)
    process, base, admin_key = start(args.binary, database_url, work)
    try:
        fuzzer, throwaways = seed(base, admin_key)
        time.sleep(0.5)  # the seeded deliveries are claimed and attempted once
        fail_deliveries(database_url)
    except BaseException:
        process.kill()
        raise
    return process, base, fuzzer, throwaways


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url", required=True, help="empty database for the OpenAPI runs")
    parser.add_argument("--swagger-database-url", required=True,
                        help="another empty database, for the Swagger 2.0 runs")
    parser.add_argument("--label", required=True)
    parser.add_argument("--swagger", required=True, help="folder of the API-key connector package")
    parser.add_argument("--venv", default=str(ROOT / "target" / "pyenv"))
    args = parser.parse_args()
    venv = pathlib.Path(args.venv)
    work = pathlib.Path(tempfile.mkdtemp(prefix=f"tsunagu-fuzz-{args.label}-"))
    failed, hars = [], {}
    keys = ["--include-operation-id", "RevokeMyApiKey", "--include-operation-id", "CreateMyApiKey",
            "--include-operation-id", "ListMyApiKeys"]

    process, base, fuzzer, throwaways = seeded_server(args, args.database_url, work / "openapi")
    try:
        openapi = json.loads(urllib.request.urlopen(base + "/openapi.json").read())
        run_all(args, venv, work, [
            ("openapi", base + "/openapi.json", base, [f"Authorization: Bearer {fuzzer}"],
             ["--exclude-operation-id", "RevokeMyApiKey"]),
            ("openapi-keys", base + "/openapi.json", base, [f"Authorization: Bearer {throwaways[0]}"], keys),
        ], hars, failed)
    finally:
        process.kill()
        process.wait()

    swagger_path = pathlib.Path(args.swagger) / "apiDefinition.swagger.json"
    swagger = json.loads(swagger_path.read_text())
    process, base, fuzzer, throwaways = seeded_server(args, args.swagger_database_url, work / "swagger")
    try:
        swagger_url = base + swagger["basePath"]
        run_all(args, venv, work, [
            # Swagger 2.0 has one `produces` for every response of an operation, so a 204 (no
            # body, no Content-Type) cannot conform to it: DELETEs run without that one check.
            ("swagger", str(swagger_path), swagger_url, [f"X-Api-Key: {fuzzer}"],
             ["--exclude-operation-id", "RevokeMyApiKey", "--exclude-method", "DELETE"]),
            ("swagger-deletes", str(swagger_path), swagger_url, [f"X-Api-Key: {fuzzer}"],
             ["--exclude-operation-id", "RevokeMyApiKey", "--include-method", "DELETE",
              "--exclude-checks", "content_type_conformance"]),
            ("swagger-keys", str(swagger_path), swagger_url, [f"X-Api-Key: {throwaways[1]}"],
             keys + ["--exclude-checks", "content_type_conformance"]),
            # Schema-valid data only: every refusal must be a documented business rule.
            ("swagger-positive", str(swagger_path), swagger_url, [f"X-Api-Key: {fuzzer}"],
             ["--exclude-operation-id", "RevokeMyApiKey", "--mode", "positive",
              "--exclude-checks", "content_type_conformance"]),
        ], hars, failed)
        rejected = rejected_valid_requests(hars["swagger-positive"])
        for line in rejected[:40]:
            print(f"fuzz ({args.label}): schema-valid request rejected: {line}", file=sys.stderr)
        if rejected:
            # The first few again in the summary, which is what a CI excerpt shows.
            failed.append(f"swagger-positive: {len(rejected)} schema-valid requests rejected beyond the business rules: "
                          + " || ".join(rejected[:3]))
    finally:
        process.kill()
        process.wait()

    for name, spec, files in [
        ("OpenAPI 3.1", openapi, [hars["openapi"], hars["openapi-keys"]]),
        ("Swagger 2.0 connector", swagger, [hars["swagger"], hars["swagger-deletes"], hars["swagger-keys"]]),
    ]:
        if report(f"{args.label}, {name}", reached(spec, files), MIN_SHARE) < MIN_SHARE:
            failed.append(f"{name}: fewer than {MIN_SHARE:.0%} of the operations reached a 2xx")
    if failed:
        sys.exit(f"fuzz ({args.label}) failed:\n  " + "\n  ".join(failed))


if __name__ == "__main__":
    main()
