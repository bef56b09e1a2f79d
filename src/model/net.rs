//! Parsing of addresses and CIDR blocks as written in design files.

use std::net::Ipv4Addr;

use ipnet::{IpNet, Ipv4Net};

use crate::i18n::Msg;
use crate::msg;

/// Parses an IPv4 CIDR (`10.0.0.0/16`); host bits are cleared.
pub fn parse_cidr_v4(text: &str) -> Result<Ipv4Net, Msg> {
    let text = text.trim();
    match text.parse::<Ipv4Net>() {
        Ok(net) => Ok(net.trunc()),
        Err(_) if text.parse::<IpNet>().is_ok() => Err(msg!("net-ipv6-cidr", text = text)),
        Err(_) => Err(msg!("net-bad-cidr-v4", text = text)),
    }
}

/// Parses an IPv4 or IPv6 CIDR (used for the public access list).
pub fn parse_cidr_any(text: &str) -> Result<IpNet, Msg> {
    let text = text.trim();
    text.parse::<IpNet>()
        .map(|n| n.trunc())
        .map_err(|_| msg!("net-bad-cidr", text = text))
}

/// Parses an IPv4 address.
pub fn parse_ip_v4(text: &str) -> Result<Ipv4Addr, Msg> {
    let text = text.trim();
    text.parse::<Ipv4Addr>()
        .map_err(|_| msg!("net-bad-ip", text = text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_and_truncate() {
        assert_eq!(
            parse_cidr_v4("10.0.1.7/24").unwrap().to_string(),
            "10.0.1.0/24"
        );
        assert!(parse_cidr_v4("10.0.0.300/24").is_err());
        assert!(parse_cidr_v4("10.0.0.0/33").is_err());
        assert!(parse_cidr_v4("::/0").unwrap_err().en().contains("IPv6"));
        assert!(parse_cidr_any("::/0").is_ok());
        assert!(parse_ip_v4("10.0.0.1").is_ok());
        assert!(parse_ip_v4("10.0.0").is_err());
    }
}
