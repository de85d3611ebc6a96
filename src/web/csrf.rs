//! Cross-site request forgery protection for the pages' forms: a double-submit token. The
//! browser gets a random token in an HttpOnly cookie, and every form repeats it in a hidden
//! field; a POST whose field does not match its cookie is refused. Another site can make the
//! browser send the cookie but can neither read it nor guess it.

use actix_web::cookie::Cookie;
use actix_web::HttpRequest;
use rand::RngCore;

/// The cookie that holds this browser's token.
pub const COOKIE: &str = "tsunagu_csrf";

/// This browser's token, and the cookie to set when it had none.
pub fn token(
    sessions: &crate::auth::session::SessionKeys,
    req: &HttpRequest,
) -> (String, Option<Cookie<'static>>) {
    match req
        .cookie(COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() == 43)
    {
        Some(token) => (token, None),
        None => {
            let mut bytes = [0u8; 32];
            rand::thread_rng().fill_bytes(&mut bytes);
            let token =
                base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
            let cookie = sessions.cookie(COOKIE, token.clone());
            (token, Some(cookie))
        }
    }
}

/// Whether the form's `sent` token matches this browser's cookie (compared in constant time).
pub fn check(req: &HttpRequest, sent: &str) -> bool {
    let Some(cookie) = req.cookie(COOKIE) else {
        return false;
    };
    let expected = cookie.value().as_bytes();
    let sent = sent.as_bytes();
    expected.len() == 43
        && sent.len() == expected.len()
        && expected
            .iter()
            .zip(sent)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}
