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

/// Whether an address is globally reachable (and so safe to call), per the IANA IPv4 and IPv6
/// Special-Purpose Address Registries. IPv4 inside IPv6 — mapped (`::ffff:a.b.c.d`), NAT64
/// (`64:ff9b::/96`) and 6to4 (`2002::/16`) — is judged by the IPv4 address it carries; Teredo
/// and the other IETF protocol assignments (`2001::/23`), the local-use NAT64 prefix, site-local
/// `fec0::/10` and everything outside global unicast `2000::/3` are refused.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            let embedded = |hi: u16, lo: u16| Ipv4Addr::from(((hi as u32) << 16) | lo as u32);
            // NAT64 well-known prefix 64:ff9b::/96: the IPv4 address in the last 32 bits.
            if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                return is_public_v4(embedded(s[6], s[7]));
            }
            // Only global unicast 2000::/3 (this excludes ::1, ::, IPv4-compatible ::/96,
            // 64:ff9b:1::/48, 100::/64, 5f00::/16, ULA fc00::/7, link-local fe80::/10,
            // site-local fec0::/10 and multicast ff00::/8).
            if s[0] & 0xe000 != 0x2000 {
                return false;
            }
            match s[0] {
                // IETF protocol assignments 2001::/23: Teredo 2001::/32 (which carries an
                // IPv4 server and client), benchmarking, ORCHID, …
                0x2001 if s[1] < 0x0200 => false,
                // Documentation 2001:db8::/32.
                0x2001 if s[1] == 0x0db8 => false,
                // 6to4 2002::/16: the IPv4 address in bits 16–47.
                0x2002 => is_public_v4(embedded(s[1], s[2])),
                // Documentation 3fff::/20.
                0x3fff if s[1] < 0x1000 => false,
                _ => true,
            }
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private() // 10/8, 172.16/12, 192.168/16
        || ip.is_loopback() // 127/8
        || ip.is_link_local() // 169.254/16, cloud metadata
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast() // 224/4
        || ip.is_documentation() // 192.0.2/24, 198.51.100/24, 203.0.113/24
        || a == 0 // "this network" 0/8
        || (a == 100 && (64..=127).contains(&b)) // shared address space (CGNAT) 100.64/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments 192.0.0/24
        || (a == 192 && b == 88 && c == 99) // deprecated 6to4 relay anycast 192.88.99/24
        || (a == 198 && (b == 18 || b == 19)) // benchmarking 198.18/15
        || a >= 240) // reserved 240/4
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
            // 6to4 embedding 127.0.0.1 and 10.0.0.1, Teredo, site-local, the 6to4 relay,
            // local-use NAT64, IPv4-compatible, benchmarking, documentation, multicast.
            "2002:7f00:1::",
            "2002:a00:1::1",
            "2001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "fec0::1",
            "192.88.99.1",
            "64:ff9b:1::a00:1",
            "::7f00:1",
            "2001:2::1",
            "2001:db8::1",
            "3fff::1",
            "ff02::1",
            "100::1",
            "198.18.0.1",
            "192.0.0.8",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "8.8.8.8",
            "20.190.128.1",
            "2606:4700::1111",
            "2002:808:808::1",  // 6to4 of 8.8.8.8
            "64:ff9b::808:808", // NAT64 of 8.8.8.8
            "2001:200::1",      // APNIC, just past 2001::/23
            "::ffff:8.8.8.8",
        ] {
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
