//! A real OpenID provider for the tests: `oauth2-mock-server` (npm) started from
//! `tests/oidc/provider.mjs` on 127.0.0.1 with a random port, one per test.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A running provider; stopped when dropped.
pub struct Provider {
    /// Its issuer URL (`http://localhost:PORT`).
    pub issuer: String,
    client: reqwest::Client,
    child: Child,
}

/// The audience tsunagu accepts in the tests.
pub const AUDIENCE: &str = "api://tsunagu";
/// The tenant tsunagu accepts in the tests.
pub const TENANT: &str = "tenant-a";
/// tsunagu's client id for browser sign-in in the tests.
pub const CLIENT_ID: &str = "tsunagu-web";

impl Provider {
    /// Starts a provider and waits until it serves.
    pub fn start() -> Self {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
        assert!(
            dir.join("node_modules/oauth2-mock-server").exists(),
            "the OpenID provider for the tests is not installed: run `npm ci` in tests/oidc (scripts/test.sh does)"
        );
        let mut child = Command::new("node")
            .arg("provider.mjs")
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start node (Node.js is needed for the auth tests)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("provider prints its issuer");
        let issuer = line.trim().to_owned();
        assert!(
            issuer.starts_with("http://"),
            "provider did not start: {issuer:?}"
        );
        Self {
            issuer,
            client: reqwest::Client::new(),
            child,
        }
    }

    /// An access token from the provider's token endpoint with these claims on top of the
    /// defaults (audience, tenant, subject, name); `null` removes a claim.
    pub async fn token(&self, claims: Value) -> String {
        let mut all = json!({
            "aud": AUDIENCE, "tid": TENANT, "oid": "person-1", "sub": "pairwise-1",
            "name": "山田 花子", "preferred_username": "hanako@contoso.co.jp"
        });
        for (k, v) in claims.as_object().expect("claims object") {
            all[k] = v.clone();
        }
        let response: Value = self
            .client
            .post(format!("{}/token", self.issuer))
            .form(&[
                ("grant_type", "client_credentials"),
                ("extra_claims", &all.to_string()),
            ])
            .send()
            .await
            .expect("token request")
            .json()
            .await
            .expect("token json");
        response["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned()
    }

    /// Adds a new signing key; returns its `kid`.
    pub async fn rotate_keys(&self) -> String {
        let response: Value = self
            .client
            .post(format!("{}/test/rotate", self.issuer))
            .send()
            .await
            .expect("rotate")
            .json()
            .await
            .expect("rotate json");
        response["kid"].as_str().expect("kid").to_owned()
    }

    /// Sets the claims of the person who signs in through the browser flow next.
    pub async fn set_login(&self, claims: Value) {
        self.client
            .post(format!("{}/test/login", self.issuer))
            .json(&claims)
            .send()
            .await
            .expect("set login");
    }

    /// Sets the claims introspection reports for active tokens.
    pub async fn set_introspection(&self, claims: Value) {
        self.client
            .post(format!("{}/test/introspection", self.issuer))
            .json(&claims)
            .send()
            .await
            .expect("set introspection");
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `kid` in a JWT's header.
pub fn kid_of(token: &str) -> String {
    use base64::Engine;
    let header = token.split('.').next().expect("header");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .expect("base64");
    let value: Value = serde_json::from_slice(&bytes).expect("header json");
    value["kid"].as_str().unwrap_or_default().to_owned()
}
