//! Who a request came from, for the limits per address: the TCP peer, or, when the peer is
//! a proxy named with `--trusted-proxy`, the address that proxy says it forwarded for.
//!
//! `X-Forwarded-For` is a list each proxy appends its own peer to (nginx's
//! `$proxy_add_x_forwarded_for`), so only its right-most entries were written by proxies we
//! trust; anything to their left came from the client and may be made up. The client is
//! therefore the right-most entry that is not itself a trusted proxy. The header of a
//! request whose peer is not a trusted proxy is never read.

use std::net::{IpAddr, SocketAddr};

use axum::extract::Request;
use axum::http::HeaderMap;

/// The header proxies name the client in.
const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The address `request` came from, as the limits per address count it; `None` when the
/// request did not come through [`crate::server::serve`] (tests that call the router
/// directly).
pub fn client_address(request: &Request, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = crate::server::peer(request)?;
    Some(resolve(peer.ip(), request.headers(), trusted))
}

/// The client behind `peer`: `peer` itself unless it is a trusted proxy; else, walking
/// `X-Forwarded-For` from the right, the first entry that is not a trusted proxy. An entry
/// that is no address ends the walk at the trusted proxy that forwarded it, and so does
/// the end of the list (a trusted proxy may make requests of its own).
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let mut client = peer.to_canonical();
    if !is_trusted(client, trusted) {
        return client;
    }
    // Several headers are one list, in order (RFC 9110, section 5.3).
    let entries: Vec<&str> = headers
        .get_all(X_FORWARDED_FOR)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    for entry in entries.into_iter().rev() {
        let Some(hop) = parse_hop(entry) else {
            break;
        };
        client = hop;
        if !is_trusted(client, trusted) {
            break;
        }
    }
    client
}

/// Whether `ip` is one of the `trusted` proxies (an IPv4-mapped IPv6 address is its IPv4
/// address).
pub fn is_trusted(ip: IpAddr, trusted: &[IpAddr]) -> bool {
    let ip = ip.to_canonical();
    trusted.iter().any(|t| t.to_canonical() == ip)
}

/// One `X-Forwarded-For` entry: an address, with or without a port (`[::1]:80`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            let inner = entry.strip_prefix('[')?.strip_suffix(']')?;
            inner.parse::<IpAddr>().ok()
        })
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(X_FORWARDED_FOR, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_header_of_an_untrusted_peer_is_never_read() {
        let headers = forwarded(&["203.0.113.9"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &headers, &[]),
            ip("198.51.100.1")
        );
        let trusted = [ip("10.0.0.1")];
        assert_eq!(
            resolve(ip("198.51.100.1"), &headers, &trusted),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_right_most_untrusted_entry() {
        let trusted = [ip("10.0.0.1"), ip("10.0.0.2")];
        // The client made up the first two entries; the proxies appended the rest.
        let headers = forwarded(&["1.1.1.1, 2.2.2.2", "203.0.113.9, 10.0.0.2"]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &headers, &trusted),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_trusted_proxy_without_the_header_or_with_garbage_is_its_own_client() {
        let trusted = [ip("127.0.0.1")];
        assert_eq!(
            resolve(ip("127.0.0.1"), &HeaderMap::new(), &trusted),
            ip("127.0.0.1")
        );
        let garbage = forwarded(&["203.0.113.9, unknown"]);
        assert_eq!(
            resolve(ip("127.0.0.1"), &garbage, &trusted),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn ports_brackets_and_mapped_addresses_are_understood() {
        let trusted = [ip("127.0.0.1")];
        let peer = ip("::ffff:127.0.0.1");
        assert_eq!(
            resolve(peer, &forwarded(&["[2001:db8::1]:443"]), &trusted),
            ip("2001:db8::1")
        );
        assert_eq!(
            resolve(peer, &forwarded(&["203.0.113.9:5000"]), &trusted),
            ip("203.0.113.9")
        );
        assert_eq!(
            resolve(peer, &forwarded(&["[2001:db8::2]"]), &trusted),
            ip("2001:db8::2")
        );
    }
}
