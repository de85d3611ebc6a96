#!/usr/bin/env python3
"""The members' journey in a real browser (headless Chromium from Debian, driven by Playwright).

Starts the real binary on a fresh database, makes two members through the API, then:
A signs in (trial mode, a personal API key), asks anonymously, and is told only she can see it
is hers; B signs in, finds the question on the home page without A's name, answers; A chooses
the best answer and says thanks; B sees it, still without A's name. A logs a win citing the
question (through the API: the win form is not a page yet); B opens it from its `web_url`,
does not see the anonymous question among what helped, and sends kudos; B reads a tip and A's
profile. Every page is checked with axe-core (WCAG 2.1 A/AA rules: 0 violations) in Japanese,
and at 360 px wide. Then the Adaptive Cards (question, win, tip of the day, health summary) are
parsed by Microsoft's Adaptive Cards SDK (npm `adaptivecards`) in the same Chromium — no parse
or validation event allowed — and rendered; the summary card shows the journey's figures.
Screenshots go to target/browser-artifacts/ (not committed).

Usage: scripts/browser.py --binary target/debug/tsunagu --label sqlite --database-url sqlite:///tmp/b.db
Exit status 0 when the journey passes, 1 with the first failure otherwise.
"""

import argparse
import shutil
import json
import os
import pathlib
import re
import socket
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_SOURCE = AXE.read_text() if AXE.exists() else ""
# The README's screenshots: (the journey's shot, the file under docs/).
DOC_SHOTS = [("answered", "question-page.png"), ("cards", "adaptive-cards.png"), ("dashboard", "dashboard.png")]
CARDS_SDK = ROOT / "tests" / "browser" / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
ARTIFACTS = ROOT / "target" / "browser-artifacts"
ASKER = "Aiko Asano"
HELPER = "Ben Brown"
TITLE = "差し戻しのときだけ申請者にメールしたい"
WIN = "差し戻しの連絡を自動化しました"
SIMILAR = "差し戻しのときに申請者へメールしたい"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base, method, path, key, body=None, language="ja"):
    request = urllib.request.Request(
        f"{base}/api/v1{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json", "Accept-Language": language},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def start(binary, database_url, port, log):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TSUNAGU_DATABASE_URL": database_url,
        "TSUNAGU_BIND": f"127.0.0.1:{port}",
        "TSUNAGU_RATE_LIMIT_PER_MINUTE": "0",
        "TSUNAGU_LOG": "warn",
    }
    server = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    key = None
    deadline = time.time() + 30
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        found = re.search(r"tsu_[A-Za-z0-9_-]{43}", line)
        key = key or (found.group(0) if found else None)
        if "tsunagu" in line and "127.0.0.1" in line and key:
            return server, key
    server.kill()
    raise SystemExit("the server did not start (see its log)")


class Journey:
    def __init__(self, browser, base, label):
        self.browser = browser
        self.base = base
        self.label = label
        self.checked = 0
        self.errors = []

    def context(self, enforce_csp=False):
        # bypass_csp: axe is injected as a script, which the pages' policy (rightly) forbids.
        # The asker's browser enforces the policy, so her pages' own script must pass it.
        context = self.browser.new_context(locale="ja-JP", bypass_csp=not enforce_csp, viewport={"width": 1024, "height": 800})
        # Refused scripts, styles or requests (CSP) and script errors; a 4xx page the journey
        # asks for on purpose (a form with problems) is not one.
        context.on("console", lambda m: self.errors.append(m.text) if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
        context.on("weberror", lambda e: self.errors.append(str(e.error)))
        return context

    def check(self, page, name):
        """axe-core on the page as it is now, and a screenshot."""
        if not page.evaluate("typeof axe !== 'undefined'"):
            # Evaluated through the DevTools protocol, which the page's policy does not govern
            # (a script tag would rightly be refused where the policy is enforced).
            page.evaluate(AXE_SOURCE)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{self.label}-{name}.png"), full_page=True)
        violations = result["violations"]
        if violations:
            details = "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})" for v in violations)
            raise AssertionError(f"{name}: axe found {len(violations)} violation(s): {details}")
        self.checked += 1

    def sign_in(self, context, key, name):
        page = context.new_page()
        page.goto(f"{self.base}/")
        assert page.url.endswith("/signin"), page.url
        self.check(page, f"{name}-signin")
        page.fill("#api_key", key)
        page.click("button[type=submit]")
        page.wait_for_url(f"{self.base}/")
        assert f"{name}" in page.inner_text("header"), page.inner_text("header")
        return page


PARSE_AND_RENDER = """(payload) => {
    const context = new AdaptiveCards.SerializationContext();
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(payload, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) {
        events.push(context.getEventAt(i).message);
    }
    const validation = card.validateProperties();
    for (const event of validation.validationEvents) {
        events.push(event.message);
    }
    const rendered = card.render();
    const slot = document.createElement("section");
    slot.appendChild(rendered);
    document.getElementById("cards").appendChild(slot);
    return {events, text: rendered.innerText, buttons: rendered.querySelectorAll("button").length,
            links: rendered.querySelectorAll("a").length};
}"""


def check_cards(browser, base, key, label, cards, forbidden):
    """Each card through the Adaptive Cards SDK: parsed without a warning, valid, rendered."""
    context = browser.new_context(locale="ja-JP", viewport={"width": 480, "height": 800})
    page = context.new_page()
    page.set_content('<!doctype html><html lang="ja"><body><main id="cards"></main></body></html>')
    page.add_script_tag(path=str(CARDS_SDK))
    for name, path, expected in cards:
        card = api(base, "GET", path, key)
        assert card["version"] == "1.5", card
        result = page.evaluate(PARSE_AND_RENDER, card)
        assert not result["events"], f"the {name} card: the Adaptive Cards SDK says {result['events']}"
        if isinstance(expected, dict):
            facts = {f["title"]: f["value"] for e in card["body"] for f in e.get("facts", [])}
            for title, value in expected.items():
                assert facts.get(title) == value and title in result["text"], f"the {name} card: {title} is {facts.get(title)!r}, not {value!r}"
        else:
            assert expected in result["text"], f"the {name} card renders without {expected!r}: {result['text']}"
        assert result["buttons"] == len(card["actions"]) >= 1, f"the {name} card: {result}"
        assert result["links"] == 0, f"the {name} card renders members' words as links: {result}"
        assert forbidden not in json.dumps(card, ensure_ascii=False) or name == "win", f"the {name} card names {forbidden}"
    page.screenshot(path=str(ARTIFACTS / f"{label}-cards.png"), full_page=True)
    context.close()


def run(binary, database_url, label):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / f"{label}-server.log", "w")
    server, admin = start(binary, database_url, port, log)
    try:
        a_key = api(base, "POST", "/members", admin, {"display_name": ASKER})["api_key"]["secret"]
        b_key = api(base, "POST", "/members", admin, {"display_name": HELPER})["api_key"]["secret"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            journey = Journey(browser, base, label)
            # Someone asked something close before.
            api(base, "POST", "/questions", b_key, {"title": SIMILAR, "body": "承認フローの差し戻しの通知です。", "tags": ["approvals"]})
            # A asks anonymously (her browser enforces the pages' Content-Security-Policy).
            a_ctx = journey.context(enforce_csp=True)
            a = journey.sign_in(a_ctx, a_key, ASKER)
            journey.check(a, "home-empty")
            a.click("a.ask")
            a.wait_for_url(f"{base}/ask")
            journey.check(a, "ask")
            a.fill("#title", "短い")
            a.fill("#body", "x")
            a.click("form[action='/ask'] button[type=submit]")
            assert "5 文字以上" in a.inner_text("main"), a.inner_text("main")
            journey.check(a, "ask-problems")
            # While she types the title, a similar question appears (the page's script).
            a.fill("#title", "")
            a.type("#title", TITLE, delay=20)
            a.wait_for_selector("#similar a")
            assert SIMILAR in a.inner_text("#similar"), a.inner_text("#similar")
            a.fill("#body", "承認フローで**差し戻し**のときだけメールを送る条件の書き方が分かりません。")
            a.click("text=プレビュー")
            a.wait_for_selector(".preview strong")
            assert a.inner_text(".preview strong") == "差し戻し"
            journey.check(a, "ask-similar-preview")
            # The busiest topics are buttons that add themselves to the tags (and take back).
            a.click("button.topic:text('approvals')")
            assert a.input_value("#tags") == "approvals", a.input_value("#tags")
            assert a.get_attribute("button.topic:text('approvals')", "aria-pressed") == "true"
            a.check("#anonymous")
            a.click("form[action='/ask'] button[type=submit]")
            a.wait_for_url(re.compile(r".*/questions/\d+\?asked=1"))
            assert "自分の質問だとわかるのはあなただけです" in a.inner_text("main")
            journey.check(a, "asked")
            question_url = a.url.split("?")[0]
            # B finds it without A's name and answers.
            b_ctx = journey.context()
            b = journey.sign_in(b_ctx, b_key, HELPER)
            assert TITLE in b.inner_text("main") and ASKER not in b.content()
            journey.check(b, "home")
            b.click(f"text={TITLE}")
            b.wait_for_url(question_url)
            assert ASKER not in b.content()
            b.fill("#answer-body", "条件に `outcome` を使い、Reject のときだけ「メールの送信」を置きます。")
            b.click("form[action$='/answers'] button[type=submit]")
            b.wait_for_url(re.compile(r".*/questions/\d+#answer-\d+"))
            journey.check(b, "answered")
            # A chooses the best answer and thanks.
            a.goto(question_url)
            a.click("text=ベストアンサーに選ぶ")
            a.wait_for_url(re.compile(r".*#answer-\d+"))
            a.click("form[action$='/thanks'] button")
            a.wait_for_url(re.compile(r".*#answer-\d+"))
            journey.check(a, "accepted")
            # A puts right what she asked; it stays anonymous.
            a.click("text=この質問を編集する")
            a.wait_for_url(re.compile(r".*/questions/\d+/edit"))
            journey.check(a, "edit-question")
            a.fill("#body", "承認フローで**差し戻し**のときだけメールを送りたいです（解決しました）。")
            a.click("form[action$='/edit'] button[type=submit]")
            a.wait_for_url(question_url)
            assert "解決しました" in a.inner_text("main"), a.inner_text("main")
            # B sees the best answer; A is still not named anywhere B looks.
            b.goto(question_url)
            assert "ベストアンサー" in b.inner_text("main") and ASKER not in b.content()
            b.goto(f"{base}/")
            assert ASKER not in b.content()
            # Narrow: a phone or a Teams side panel.
            small = browser.new_context(locale="ja-JP", bypass_csp=True, viewport={"width": 360, "height": 740})
            s = journey.sign_in(small, b_key, HELPER)
            s.goto(question_url)
            journey.check(s, "question-360px")
            width = s.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"the question page scrolls sideways at 360 px ({width} px wide)"
            # A logs a win citing the question, from the question page; the hours show as she types.
            question_id = int(question_url.rsplit("/", 1)[1])
            a.goto(question_url)
            a.click("text=この質問が役に立った成果を記録する")
            a.wait_for_url(re.compile(r".*/wins/new\?question=\d+"))
            assert a.is_checked(f"input[value='question:{question_id}']")
            a.fill("#title", WIN)
            a.fill("#story", "差し戻しの連絡を自動にしました。`[手順](https://evil.example)`")
            a.fill("#minutes", "10")
            a.fill("#runs", "30")
            a.fill("#people", "")
            a.type("#people", "2")
            assert a.inner_text("#hours-live") == "1 か月に 10 時間の節約", a.inner_text("#hours-live")
            journey.check(a, "win-form")
            # Enter in a field logs the win (the form's default button), not the search.
            a.press("#people", "Enter")
            a.wait_for_url(re.compile(r".*/wins/\d+$"))
            win = api(base, "GET", "/wins/" + a.url.rsplit("/", 1)[1], a_key)
            assert win["helped_by"]["questions"] == [question_id], win
            b.goto(win["web_url"])
            main = b.inner_text("main")
            assert WIN in main and "1 か月に 10 時間の節約" in main, main
            # The win is A's, by name; that the anonymous question helped her is hers to know.
            assert TITLE not in b.content(), "the win page shows B the anonymous question A cited"
            b.fill("#kudos-message", "毎月の手間が減りましたね！")
            journey.check(b, "win")
            b.click("form[action$='/kudos'] button[type=submit]")
            b.wait_for_url(re.compile(r".*/wins/\d+#kudos"))
            assert "称賛を送りました" in b.inner_text("main"), b.inner_text("main")
            journey.check(b, "win-kudos")
            # A tip and a profile.
            tip = api(base, "POST", "/tips", b_key, {
                "title": "承認メールに詳細リンクを入れる", "body": "**詳細**欄にリンクを入れると差し戻しが減ります。",
                "tags": ["approvals"], "level": "beginner",
            })
            b.goto(tip["web_url"])
            journey.check(b, "tip")
            b.goto(win["author"]["web_url"])
            assert ASKER in b.inner_text("main") and TITLE not in b.content()
            journey.check(b, "profile")
            # The manager (the admin here) sees the figures move, and nobody's anonymous question.
            admin_name = api(base, "GET", "/me", admin)["display_name"]
            m_ctx = journey.context()
            m = journey.sign_in(m_ctx, admin, admin_name)
            m.goto(f"{base}/dashboard")
            table = m.inner_text("table.figures-table")
            assert "記録した成果数\t1 件\t0 件\t+1" in table, table
            assert ASKER not in m.content(), "the dashboard names the anonymous asker"
            journey.check(m, "dashboard")
            narrow = browser.new_context(locale="ja-JP", bypass_csp=True, viewport={"width": 360, "height": 740})
            mn = journey.sign_in(narrow, admin, admin_name)
            mn.goto(f"{base}/dashboard")
            width = mn.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"the dashboard scrolls sideways at 360 px ({width} px wide)"
            check_cards(browser, base, b_key, label, [
                ("question", f"/questions/{question_id}/card", TITLE),
                ("win", f"/wins/{win['id']}/card", WIN),
                ("tip", "/tips/daily/card", "承認メールに詳細リンクを入れる"),
                ("summary", "/stats/summary/card", {"記録した成果数": "1 件", "送られた称賛の数": "1 件", "質問数": "2 件"}),
            ], forbidden=ASKER)
            browser.close()
        state = api(base, "GET", f"/questions/{question_url.rsplit('/', 1)[1]}", b_key)
        assert state["accepted_answer_id"] and state["answers"][0]["thanks_count"] == 1, state
        assert "author" not in state, state
        assert not journey.errors, f"the browser reported errors (a refused script or request?): {journey.errors}"
        print(f"browser ({label}): journey passed; {journey.checked} pages checked with axe-core, 0 violations; 4 Adaptive Cards parsed and rendered by the SDK without a warning; screenshots in {ARTIFACTS}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--docs", help="also copy the README's screenshots into this folder")
    args = parser.parse_args()
    try:
        run(args.binary, args.database_url, args.label)
        if args.docs:
            docs = pathlib.Path(args.docs)
            docs.mkdir(parents=True, exist_ok=True)
            for shot, name in DOC_SHOTS:
                shutil.copyfile(ARTIFACTS / f"{args.label}-{shot}.png", docs / name)
            print(f"screenshots for the README: {', '.join(str(docs / n) for _, n in DOC_SHOTS)}")
    except AssertionError as failure:
        print(f"browser ({args.label}) failed: {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
