//! Who a token says the caller is: subject, name, e-mail and role, read from claims whose
//! names are configurable (Entra ID v1 and v2 tokens by default).

use crate::config::OidcConfig;
use crate::domain::member::{Role, DISPLAY_NAME_MAX_CHARS};
use serde_json::{Map, Value};

/// A person as the identity provider describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Stable id at the provider (`oid`, else `sub` by default).
    pub subject: String,
    /// Display name, trimmed to the member limit.
    pub display_name: String,
    /// E-mail address, lower case, when a claim holds one.
    pub email: Option<String>,
    /// Whether `email` may link this identity to a member an admin created with that address:
    /// it came from the `email` claim and the provider marked it `email_verified` (or the admin
    /// set `TSUNAGU_OIDC_TRUST_EMAIL`). `preferred_username` and `upn` never link.
    pub email_verified: bool,
    /// The role the token grants, if any of its roles map to one.
    pub role: Option<Role>,
}

/// Claim names used when no OIDC configuration names them (token introspection alone).
pub fn default_claims() -> OidcConfig {
    OidcConfig {
        issuer: String::new(),
        audiences: Vec::new(),
        extra_issuers: Vec::new(),
        tenants: Vec::new(),
        subject_claims: vec!["oid".into(), "sub".into()],
        name_claims: vec![
            "name".into(),
            "preferred_username".into(),
            "username".into(),
        ],
        email_claims: vec!["email".into(), "preferred_username".into(), "upn".into()],
        roles_claim: "roles".into(),
        moderator_role: "Tsunagu.Moderator".into(),
        admin_role: "Tsunagu.Admin".into(),
        trust_email: false,
        client_id: None,
        client_secret: None,
    }
}

fn first_string<'a>(claims: &'a Map<String, Value>, names: &[String]) -> Option<&'a str> {
    names
        .iter()
        .filter_map(|n| claims.get(n).and_then(Value::as_str))
        .map(str::trim)
        .find(|v| !v.is_empty())
}

/// Reads an identity from validated claims; `None` when no subject claim is present.
pub fn from_claims(claims: &Map<String, Value>, config: &OidcConfig) -> Option<Identity> {
    let subject = first_string(claims, &config.subject_claims)?.to_owned();
    if subject.chars().any(char::is_control) || subject.len() > 255 {
        return None;
    }
    let email = first_string(claims, &config.email_claims)
        .filter(|e| e.contains('@'))
        .and_then(|e| crate::domain::member::parse_email(e).ok());
    let verified_claim = match claims.get("email_verified") {
        Some(Value::Bool(b)) => *b,
        // Some providers (older Cognito, some SAML bridges) send it as the string "true".
        Some(Value::String(s)) => s == "true",
        Some(_) => false,
        None => config.trust_email,
    };
    let email_verified = verified_claim
        && claims
            .get("email")
            .and_then(Value::as_str)
            .and_then(|e| crate::domain::member::parse_email(e.trim()).ok())
            .is_some_and(|e| email.as_deref() == Some(e.as_str()));
    let name: String = first_string(claims, &config.name_claims)
        .map(str::to_owned)
        .or_else(|| {
            email
                .as_deref()
                .and_then(|e| e.split('@').next())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "member".to_owned());
    // The same hygiene as a name typed into tsunagu: NFC, no invisible or bidi characters.
    let name: String = crate::domain::text::clean(&name)
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
        .take(DISPLAY_NAME_MAX_CHARS)
        .collect();
    let name = if crate::domain::text::visible_chars(&name) == 0 {
        String::new()
    } else {
        name
    };
    let roles: Vec<&str> = match claims.get(&config.roles_claim) {
        Some(Value::Array(values)) => values.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(one)) => one.split_whitespace().collect(),
        _ => Vec::new(),
    };
    let role = if roles.contains(&config.admin_role.as_str()) {
        Some(Role::Admin)
    } else if roles.contains(&config.moderator_role.as_str()) {
        Some(Role::Moderator)
    } else {
        None
    };
    Some(Identity {
        subject,
        display_name: if name.trim().is_empty() {
            "member".into()
        } else {
            name.trim().to_owned()
        },
        email,
        email_verified,
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn entra_v2_tokens_use_oid_name_and_preferred_username() {
        let c = claims(json!({"oid": "o-1", "sub": "pairwise", "name": "山田 花子",
            "preferred_username": "Hanako@Contoso.co.jp", "roles": ["Tsunagu.Moderator"]}));
        let id = from_claims(&c, &default_claims()).unwrap();
        assert_eq!(id.subject, "o-1");
        assert_eq!(id.display_name, "山田 花子");
        assert_eq!(id.email.as_deref(), Some("hanako@contoso.co.jp"));
        assert_eq!(id.role, Some(Role::Moderator));
    }

    #[test]
    fn entra_v1_tokens_use_upn_and_admin_wins() {
        let c = claims(json!({"oid": "o-2", "upn": "taro@contoso.co.jp",
            "roles": ["Tsunagu.Moderator", "Tsunagu.Admin"]}));
        let id = from_claims(&c, &default_claims()).unwrap();
        assert_eq!(id.email.as_deref(), Some("taro@contoso.co.jp"));
        assert_eq!(id.display_name, "taro");
        assert_eq!(id.role, Some(Role::Admin));
    }

    #[test]
    fn only_a_verified_email_claim_may_link() {
        let verified =
            claims(json!({"sub": "s", "email": "Boss@Example.com", "email_verified": true}));
        assert!(
            from_claims(&verified, &default_claims())
                .unwrap()
                .email_verified
        );
        let unverified =
            claims(json!({"sub": "s", "email": "boss@example.com", "email_verified": false}));
        assert!(
            !from_claims(&unverified, &default_claims())
                .unwrap()
                .email_verified
        );
        let silent = claims(json!({"sub": "s", "email": "boss@example.com"}));
        assert!(
            !from_claims(&silent, &default_claims())
                .unwrap()
                .email_verified
        );
        let trusted = OidcConfig {
            trust_email: true,
            ..default_claims()
        };
        assert!(from_claims(&silent, &trusted).unwrap().email_verified);
        // preferred_username is shown as the address, but never links, trusted or not.
        let username = claims(
            json!({"sub": "s", "preferred_username": "boss@example.com", "email_verified": true}),
        );
        let id = from_claims(&username, &trusted).unwrap();
        assert_eq!(id.email.as_deref(), Some("boss@example.com"));
        assert!(!id.email_verified);
    }

    #[test]
    fn a_token_without_a_subject_is_no_identity() {
        assert!(from_claims(&claims(json!({"name": "x"})), &default_claims()).is_none());
    }
}
