//! Parsing of addresses and CIDR blocks as written in design files.

use std::net::Ipv4Addr;

use ipnet::{IpNet, Ipv4Net};

/// Parses an IPv4 CIDR (`10.0.0.0/16`); host bits are cleared.
pub fn parse_cidr_v4(text: &str) -> Result<Ipv4Net, String> {
    let text = text.trim();
    match text.parse::<Ipv4Net>() {
        Ok(net) => Ok(net.trunc()),
        Err(_) if text.parse::<IpNet>().is_ok() => Err(format!(
            "\"{text}\" is an IPv6 CIDR; only IPv4 is modelled here"
        )),
        Err(_) => Err(format!(
            "\"{text}\" is not a valid IPv4 CIDR (expected e.g. 10.0.0.0/16)"
        )),
    }
}

/// Parses an IPv4 or IPv6 CIDR (used for the public access list).
pub fn parse_cidr_any(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .map(|n| n.trunc())
        .map_err(|_| format!("\"{text}\" is not a valid CIDR (expected e.g. 203.0.113.0/24)"))
}

/// Parses an IPv4 address.
pub fn parse_ip_v4(text: &str) -> Result<Ipv4Addr, String> {
    let text = text.trim();
    text.parse::<Ipv4Addr>()
        .map_err(|_| format!("\"{text}\" is not a valid IPv4 address (expected e.g. 10.0.1.10)"))
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
        assert!(parse_cidr_v4("::/0").unwrap_err().contains("IPv6"));
        assert!(parse_cidr_any("::/0").is_ok());
        assert!(parse_ip_v4("10.0.0.1").is_ok());
        assert!(parse_ip_v4("10.0.0").is_err());
    }
}
