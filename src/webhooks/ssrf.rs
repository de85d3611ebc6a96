//! Server-side request forgery guard for callback URLs.
//!
//! A subscriber chooses the URL we POST to, so without care a member could make the service
//! call its own admin endpoints, the cloud metadata service (169.254.169.254) or anything else
//! on the internal network. Callback URLs must be `https` and every address their host resolves
//! to must be public. The check runs at subscribe time and again at send time through
//! [`PublicOnlyResolver`], which the HTTP client uses for every connection, so a DNS answer that
//! changed since (rebinding) is caught where it matters. Redirects are not followed. Hosts in
//! `TSUNAGU_WEBHOOK_ALLOW_HOSTS` are exempt from both rules (an internal relay; the tests'
//! receiver on 127.0.0.1).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Why a callback URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackRefused {
    /// Not a URL, or no host.
    #[error("callback_url is not an absolute URL")]
    Invalid,
    /// `http` (or another scheme) for a host that is not allow-listed.
    #[error("callback_url must use https")]
    NotHttps,
    /// The host is, or resolves to, a loopback, private, link-local or otherwise internal address.
    #[error("callback_url points to a non-public address ({0})")]
    PrivateAddress(IpAddr),
    /// The host does not resolve.
    #[error("callback_url's host {0} does not resolve")]
    Unresolvable(String),
}

impl CallbackRefused {
    /// The stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            CallbackRefused::Invalid => "invalid_url",
            CallbackRefused::NotHttps => "not_https",
            CallbackRefused::PrivateAddress(_) => "private_address",
            CallbackRefused::Unresolvable(_) => "unresolvable",
        }
    }
}

/// Whether an address is reachable on the public internet (and so safe to call).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let segments = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (segments[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (segments[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
                || (segments[0] == 0x64 && segments[1] == 0xff9b) // NAT64 can reach IPv4 internals
                || (segments[0] == 0 && segments[1] == 0 && segments[2] == 0 && segments[3] == 0 && segments[4] == 0 && segments[5] == 0))
            // IPv4-compatible
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local() // 169.254/16, cloud metadata
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..=127).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

/// Checks a callback URL as a subscription is made: parsed, `https`, and resolving only to
/// public addresses — unless its host is allow-listed.
pub async fn check_callback_url(
    raw: &str,
    allow_hosts: &[String],
) -> Result<url::Url, CallbackRefused> {
    let url = url::Url::parse(raw).map_err(|_| CallbackRefused::Invalid)?;
    let host = url
        .host_str()
        .ok_or(CallbackRefused::Invalid)?
        .to_ascii_lowercase();
    if !matches!(url.scheme(), "https" | "http") {
        return Err(CallbackRefused::Invalid);
    }
    if is_allowed(&host, allow_hosts) {
        return Ok(url);
    }
    if url.scheme() != "https" {
        return Err(CallbackRefused::NotHttps);
    }
    let port = url.port_or_known_default().unwrap_or(443);
    public_addresses(&host, port).await?;
    Ok(url)
}

/// Whether `host` is exempt from the rules.
pub fn is_allowed(host: &str, allow_hosts: &[String]) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    allow_hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
}

/// Resolves `host` and returns its addresses if every one is public.
async fn public_addresses(host: &str, port: u16) -> Result<Vec<SocketAddr>, CallbackRefused> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return if is_public(ip) {
            Ok(vec![SocketAddr::new(ip, port)])
        } else {
            Err(CallbackRefused::PrivateAddress(ip))
        };
    }
    let lookup = tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::lookup_host((bare, port)),
    )
    .await;
    let addresses: Vec<SocketAddr> = match lookup {
        Ok(Ok(found)) => found.collect(),
        _ => return Err(CallbackRefused::Unresolvable(host.to_owned())),
    };
    if addresses.is_empty() {
        return Err(CallbackRefused::Unresolvable(host.to_owned()));
    }
    if let Some(private) = addresses.iter().find(|a| !is_public(a.ip())) {
        return Err(CallbackRefused::PrivateAddress(private.ip()));
    }
    Ok(addresses)
}

/// The DNS resolver of the delivery client: refuses any name that resolves to a non-public
/// address, unless the name is allow-listed.
#[derive(Debug, Clone)]
pub struct PublicOnlyResolver {
    pub allow_hosts: Arc<Vec<String>>,
}

impl reqwest::dns::Resolve for PublicOnlyResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_hosts = self.allow_hosts.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addresses: Vec<SocketAddr> = if is_allowed(&host, &allow_hosts) {
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect()
            } else {
                public_addresses(&host, 0)
                    .await
                    .map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)?
            };
            let addresses: reqwest::dns::Addrs = Box::new(addresses.into_iter());
            Ok(addresses)
        })
    }
}

/// At send time, for URLs whose host is an IP literal (the resolver is not asked for those).
pub fn check_literal_host(url: &url::Url, allow_hosts: &[String]) -> Result<(), CallbackRefused> {
    let host = url.host_str().unwrap_or_default();
    if is_allowed(host, allow_hosts) {
        return Ok(());
    }
    if url.scheme() != "https" {
        return Err(CallbackRefused::NotHttps);
    }
    match url.host() {
        Some(url::Host::Ipv4(ip)) if !is_public(IpAddr::V4(ip)) => {
            Err(CallbackRefused::PrivateAddress(IpAddr::V4(ip)))
        }
        Some(url::Host::Ipv6(ip)) if !is_public(IpAddr::V6(ip)) => {
            Err(CallbackRefused::PrivateAddress(IpAddr::V6(ip)))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::",
            "64:ff9b::a00:1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["8.8.8.8", "20.190.128.1", "2606:4700::1111"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[tokio::test]
    async fn callback_urls_must_be_https_and_public_unless_allowed() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            check_callback_url("http://example.com/x", &none).await,
            Err(CallbackRefused::NotHttps)
        );
        assert_eq!(
            check_callback_url("not a url", &none).await,
            Err(CallbackRefused::Invalid)
        );
        assert_eq!(
            check_callback_url("ftp://example.com/", &none).await,
            Err(CallbackRefused::Invalid)
        );
        assert!(matches!(
            check_callback_url("https://127.0.0.1/x", &none).await,
            Err(CallbackRefused::PrivateAddress(_))
        ));
        assert!(matches!(
            check_callback_url("https://[::1]:8443/x", &none).await,
            Err(CallbackRefused::PrivateAddress(_))
        ));
        assert!(matches!(
            check_callback_url("https://169.254.169.254/latest/meta-data", &none).await,
            Err(CallbackRefused::PrivateAddress(_))
        ));
        assert!(matches!(
            check_callback_url("https://localhost/x", &none).await,
            Err(CallbackRefused::PrivateAddress(_))
        ));
        let allowed = vec!["127.0.0.1".to_owned()];
        assert!(check_callback_url("http://127.0.0.1:9/x", &allowed)
            .await
            .is_ok());
        assert!(check_callback_url("https://8.8.8.8/hook", &none)
            .await
            .is_ok());
    }
}
