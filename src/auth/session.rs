//! Browser sessions after company sign-in: a signed, `HttpOnly`, `SameSite=Lax` cookie holding
//! the member id and an expiry, and an encrypted short-lived cookie carrying the sign-in's
//! state, PKCE verifier and nonce between `/auth/login` and `/auth/callback`.

use actix_web::cookie::{time, Cookie, CookieJar, Key, SameSite};
use actix_web::HttpRequest;
use serde::{Deserialize, Serialize};

/// The session cookie.
pub const SESSION_COOKIE: &str = "tsunagu_session";
/// The sign-in-in-progress cookie.
pub const LOGIN_COOKIE: &str = "tsunagu_login";
/// How long a browser session lasts.
pub const SESSION_HOURS: i64 = 12;

/// What a sign-in must remember until the provider redirects back.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PendingLogin {
    /// The `state` sent to the provider.
    pub state: String,
    /// The PKCE verifier.
    pub verifier: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// Where to go afterwards (a local path).
    pub return_to: String,
}

/// Signs and checks cookies.
pub struct SessionKeys {
    key: Key,
    secure: bool,
    same_site: SameSite,
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionKeys")
            .field("secure", &self.secure)
            .finish()
    }
}

impl SessionKeys {
    /// Keys derived from `secret` (at least 32 bytes), or random ones. `secure` sets the
    /// cookies' `Secure` flag (off only when serving on loopback over plain HTTP).
    pub fn new(secret: Option<&str>, secure: bool) -> Self {
        let key = match secret {
            Some(s) if s.len() >= 32 => Key::derive_from(s.as_bytes()),
            _ => Key::generate(),
        };
        Self {
            key,
            secure,
            same_site: SameSite::Lax,
        }
    }

    /// The same keys, with cookies a Teams tab (a frame in Teams' site) receives:
    /// `SameSite=None; Secure`.
    pub fn for_teams_tab(mut self) -> Self {
        self.secure = true;
        self.same_site = SameSite::None;
        self
    }

    fn base<'c>(&self, name: &'c str, value: String) -> Cookie<'c> {
        let mut cookie = Cookie::new(name, value);
        cookie.set_http_only(true);
        cookie.set_secure(self.secure);
        cookie.set_same_site(self.same_site);
        cookie.set_path("/");
        cookie
    }

    /// A plain cookie with the session cookie's flags (HttpOnly, SameSite=Lax, Secure when the
    /// site is HTTPS, path `/`).
    pub fn cookie(&self, name: &'static str, value: String) -> Cookie<'static> {
        self.base(name, value).into_owned()
    }

    /// A session cookie for `member_id`.
    pub fn session_cookie(&self, member_id: i64) -> Cookie<'static> {
        let now = chrono::Utc::now();
        let expires = now.timestamp() + SESSION_HOURS * 3600;
        let issued = now.timestamp_micros();
        let mut jar = CookieJar::new();
        jar.signed_mut(&self.key)
            .add(self.base(SESSION_COOKIE, format!("{member_id}|{expires}|{issued}")));
        let mut cookie = jar
            .get(SESSION_COOKIE)
            .cloned()
            .unwrap_or_else(|| Cookie::new(SESSION_COOKIE, ""));
        cookie.set_max_age(time::Duration::hours(SESSION_HOURS));
        cookie.into_owned()
    }

    /// The member id of a valid, unexpired session cookie.
    pub fn session_member(&self, req: &HttpRequest) -> Option<i64> {
        self.session(req).map(|(member, _)| member)
    }

    /// The member of a valid session cookie and when the cookie was issued (microseconds since
    /// the epoch), so a later sign-out can end it.
    pub fn session(&self, req: &HttpRequest) -> Option<(i64, i64)> {
        let cookie = req.cookie(SESSION_COOKIE)?;
        let mut jar = CookieJar::new();
        jar.add_original(cookie);
        let verified = jar.signed(&self.key).get(SESSION_COOKIE)?;
        let mut parts = verified.value().split('|');
        let member: i64 = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        // Cookies from before sign-out existed carry no issue time: when they were made.
        let issued: i64 = match parts.next() {
            Some(issued) => issued.parse().ok()?,
            None => (expires - SESSION_HOURS * 3600) * 1_000_000,
        };
        (expires > chrono::Utc::now().timestamp()).then_some((member, issued))
    }

    /// A cookie that removes `name`.
    pub fn removal(&self, name: &'static str) -> Cookie<'static> {
        let mut cookie = self.base(name, String::new());
        cookie.make_removal();
        cookie
    }

    /// The encrypted sign-in cookie.
    pub fn login_cookie(&self, pending: &PendingLogin) -> Cookie<'static> {
        let mut jar = CookieJar::new();
        let value = serde_json::to_string(pending).unwrap_or_default();
        jar.private_mut(&self.key)
            .add(self.base(LOGIN_COOKIE, value));
        let mut cookie = jar
            .get(LOGIN_COOKIE)
            .cloned()
            .unwrap_or_else(|| Cookie::new(LOGIN_COOKIE, ""));
        cookie.set_max_age(time::Duration::minutes(10));
        cookie.into_owned()
    }

    /// The sign-in in progress, if its cookie is present and intact.
    pub fn pending_login(&self, req: &HttpRequest) -> Option<PendingLogin> {
        let cookie = req.cookie(LOGIN_COOKIE)?;
        let mut jar = CookieJar::new();
        jar.add_original(cookie);
        let decrypted = jar.private(&self.key).get(LOGIN_COOKIE)?;
        serde_json::from_str(decrypted.value()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_cookie_names_its_member_and_when_it_was_issued() {
        let keys = SessionKeys::new(None, false);
        let cookie = keys.session_cookie(42);
        let req = actix_web::test::TestRequest::default()
            .cookie(cookie)
            .to_http_request();
        let (member, issued) = keys.session(&req).expect("a valid session");
        assert_eq!(member, 42);
        assert!(issued > 1_700_000_000_000_000, "microseconds: {issued}");
    }
}
