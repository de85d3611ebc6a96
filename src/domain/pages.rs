//! Where each thing has its page — one place for the paths the members' pages are served at
//! (`src/web/`) and the `web_url` links in API answers and event payloads point to, so a link
//! in a Teams post opens the page a person can read instead of an API document.

/// `/questions/42`: a question with its answers.
pub fn question(id: i64) -> String {
    format!("/questions/{id}")
}

/// `/questions/42#answer-9`: an answer, on its question's page.
pub fn answer(question_id: i64, id: i64) -> String {
    format!("/questions/{question_id}#answer-{id}")
}

/// `/answers/9`: an answer when only its id is known; the page redirects to
/// [`answer`]'s path.
pub fn answer_by_id(id: i64) -> String {
    format!("/answers/{id}")
}

/// `/tips/5`: a tip.
pub fn tip(id: i64) -> String {
    format!("/tips/{id}")
}

/// `/wins/3`: a win.
pub fn win(id: i64) -> String {
    format!("/wins/{id}")
}

/// `/members/7`: a member's public profile.
pub fn member(id: i64) -> String {
    format!("/members/{id}")
}
