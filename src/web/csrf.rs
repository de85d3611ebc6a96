//! Cross-site request forgery protection for the pages' forms: a double-submit token. The
//! browser gets a random token in an HttpOnly cookie, and every form repeats it in a hidden
//! field; a POST whose field does not match its cookie is refused. Another site can make the
//! browser send the cookie but can neither read it nor guess it.
//!
//! The field carries the token masked afresh for every page (a random pad, then the token
//! XOR the pad, as Django does): pages are compressed, and a secret repeated unchanged in
//! compressed pages that also echo what a visitor typed (a search) can be read byte by byte
//! from their sizes (BREACH).

use actix_web::cookie::Cookie;
use actix_web::HttpRequest;
use rand::RngCore;

/// The cookie that holds this browser's token.
pub const COOKIE: &str = "tsunagu_csrf";

/// The token's length in bytes (43 characters of URL-safe Base64 in the cookie).
const TOKEN_BYTES: usize = 32;

fn encode(bytes: &[u8]) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes)
}

fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, text)
        .ok()?
        .try_into()
        .ok()
}

/// This browser's token masked for one page's forms (86 characters), and the cookie to set
/// when the browser had no token yet.
pub fn token(
    sessions: &crate::auth::session::SessionKeys,
    req: &HttpRequest,
) -> (String, Option<Cookie<'static>>) {
    let (token, cookie) = match cookie_token(req) {
        Some(token) => (token, None),
        None => {
            let mut token = [0u8; TOKEN_BYTES];
            rand::thread_rng().fill_bytes(&mut token);
            (token, Some(sessions.cookie(COOKIE, encode(&token))))
        }
    };
    (mask(&token), cookie)
}

/// This browser's token, from its cookie (none when absent or unreadable).
fn cookie_token(req: &HttpRequest) -> Option<[u8; TOKEN_BYTES]> {
    decode(req.cookie(COOKIE)?.value())
}

/// `pad ‖ token XOR pad` with a fresh random pad, in URL-safe Base64.
fn mask(token: &[u8; TOKEN_BYTES]) -> String {
    let mut masked = [0u8; 2 * TOKEN_BYTES];
    rand::thread_rng().fill_bytes(&mut masked[..TOKEN_BYTES]);
    for i in 0..TOKEN_BYTES {
        masked[TOKEN_BYTES + i] = token[i] ^ masked[i];
    }
    encode(&masked)
}

/// Whether the form's masked token `sent` unmasks to this browser's cookie (compared in
/// constant time).
pub fn check(req: &HttpRequest, sent: &str) -> bool {
    let Some(expected) = cookie_token(req) else {
        return false;
    };
    let Some(masked) = decode::<{ 2 * TOKEN_BYTES }>(sent) else {
        return false;
    };
    (0..TOKEN_BYTES).fold(0u8, |acc, i| {
        acc | (masked[TOKEN_BYTES + i] ^ masked[i] ^ expected[i])
    }) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_token_differs_every_time_and_unmasks_to_the_cookie() {
        let token = [7u8; TOKEN_BYTES];
        let (a, b) = (mask(&token), mask(&token));
        assert_ne!(a, b);
        assert_eq!(a.len(), 86);
        let req = actix_web::test::TestRequest::default()
            .cookie(Cookie::new(COOKIE, encode(&token)))
            .to_http_request();
        assert!(check(&req, &a) && check(&req, &b));
        // Another browser's token, the bare token, a truncated or garbled field: refused.
        assert!(!check(&req, &mask(&[8u8; TOKEN_BYTES])));
        assert!(!check(&req, &encode(&token)));
        assert!(!check(&req, &a[..85]));
        assert!(!check(&req, "not base64 at all!"));
        let no_cookie = actix_web::test::TestRequest::default().to_http_request();
        assert!(!check(&no_cookie, &a));
    }
}
