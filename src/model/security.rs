//! Security groups and network ACLs.

use serde::{Deserialize, Serialize};

/// The id of the cluster security group when a design does not name one. A design may
/// define a security group with this id to change its rules; otherwise the engine uses the
/// AWS default: all traffic from itself in, all traffic out.
pub const DEFAULT_CLUSTER_SG: &str = "cluster-sg";

/// An IP protocol, as rules name it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// TCP.
    #[default]
    Tcp,
    /// UDP.
    Udp,
    /// Every protocol and port (`-1`).
    All,
}

impl Protocol {
    /// The text used in messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::All => "all traffic",
        }
    }
}

/// Who a security group rule allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Peer {
    /// An IPv4 CIDR.
    Cidr(String),
    /// Every network interface that carries this security group.
    Sg(String),
}

/// One security group rule (ingress or egress).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SgRule {
    /// Protocol.
    #[serde(default)]
    pub protocol: Protocol,
    /// First and last port (ignored for `all`).
    #[serde(default = "all_ports")]
    pub ports: (u16, u16),
    /// The source (ingress) or destination (egress).
    pub peer: Peer,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

const fn all_ports() -> (u16, u16) {
    (0, 65535)
}

/// Reads a port range as people write it: `443`, `1024-65535`.
pub fn parse_ports(text: &str) -> Result<(u16, u16), String> {
    let port = |t: &str| {
        t.trim()
            .parse::<u16>()
            .map_err(|_| crate::t!("field-not-a-port-range", text = t.trim()))
    };
    let (a, b) = if let Some((a, b)) = text.split_once('-') {
        (port(a)?, port(b)?)
    } else {
        let p = port(text)?;
        (p, p)
    };
    if a > b {
        return Err(crate::t!(
            "field-range-reversed",
            from = a.to_string(),
            to = b.to_string()
        ));
    }
    Ok((a, b))
}

/// Writes a port range the way [`parse_ports`] reads it.
pub fn format_ports(ports: (u16, u16)) -> String {
    if ports.0 == ports.1 {
        ports.0.to_string()
    } else {
        format!("{}-{}", ports.0, ports.1)
    }
}

impl SgRule {
    /// True when the rule covers this protocol and port.
    pub fn covers(&self, protocol: Protocol, port: u16) -> bool {
        self.protocol == Protocol::All
            || (self.protocol == protocol && self.ports.0 <= port && port <= self.ports.1)
    }

    /// `TCP 443 from sg bastion-sg`, for messages.
    pub fn describe(&self, direction: &str) -> String {
        let what = match self.protocol {
            Protocol::All => "all traffic".to_owned(),
            p if self.ports.0 == self.ports.1 => format!("{} {}", p.as_str(), self.ports.0),
            p => format!("{} {}-{}", p.as_str(), self.ports.0, self.ports.1),
        };
        let peer = match &self.peer {
            Peer::Cidr(c) => c.clone(),
            Peer::Sg(s) => format!("sg {s}"),
        };
        format!("{what} {direction} {peer}")
    }
}

/// A security group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroup {
    /// Readable id, unique among security groups (`cluster-sg`, `node-sg`).
    pub id: String,
    /// Where it came from: an AWS id, a Terraform address, a CloudFormation logical id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Inbound rules.
    #[serde(default)]
    pub ingress: Vec<SgRule>,
    /// Outbound rules.
    #[serde(default)]
    pub egress: Vec<SgRule>,
}

impl SecurityGroup {
    /// The AWS default cluster security group: all from itself in, all out.
    pub fn default_cluster(id: &str) -> Self {
        Self {
            source: String::new(),
            id: id.to_owned(),
            description: "EKS cluster security group (AWS default rules)".to_owned(),
            ingress: vec![SgRule {
                protocol: Protocol::All,
                ports: all_ports(),
                peer: Peer::Sg(id.to_owned()),
                description: String::new(),
            }],
            egress: vec![SgRule {
                protocol: Protocol::All,
                ports: all_ports(),
                peer: Peer::Cidr("0.0.0.0/0".to_owned()),
                description: String::new(),
            }],
        }
    }
}

/// Allow or deny.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AclAction {
    /// Let the packet through.
    #[default]
    Allow,
    /// Drop the packet.
    Deny,
}

/// One numbered, stateless network ACL rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AclRule {
    /// Rule number; lower numbers are evaluated first.
    pub number: u16,
    /// Allow or deny.
    #[serde(default)]
    pub action: AclAction,
    /// Protocol.
    #[serde(default)]
    pub protocol: Protocol,
    /// First and last port (ignored for `all`).
    #[serde(default = "all_ports")]
    pub ports: (u16, u16),
    /// The remote CIDR (source for inbound, destination for outbound).
    pub cidr: String,
}

impl AclRule {
    /// `rule 100 (deny TCP 443 10.0.0.0/16)`, for messages.
    pub fn describe(&self) -> String {
        let action = match self.action {
            AclAction::Allow => "allow",
            AclAction::Deny => "deny",
        };
        let what = match self.protocol {
            Protocol::All => "all traffic".to_owned(),
            p if self.ports.0 == self.ports.1 => format!("{} {}", p.as_str(), self.ports.0),
            p => format!("{} {}-{}", p.as_str(), self.ports.0, self.ports.1),
        };
        format!("rule {} ({action} {what} {})", self.number, self.cidr)
    }
}

/// A network ACL, attached to subnets by their `network_acl` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkAcl {
    /// Readable id, unique among network ACLs.
    pub id: String,
    /// Where it came from: an AWS id, a Terraform address, a CloudFormation logical id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Inbound rules.
    #[serde(default)]
    pub inbound: Vec<AclRule>,
    /// Outbound rules.
    #[serde(default)]
    pub outbound: Vec<AclRule>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_read_and_write() {
        assert_eq!(parse_ports("443"), Ok((443, 443)));
        assert_eq!(parse_ports(" 1024 - 65535 "), Ok((1024, 65535)));
        assert!(parse_ports("2000-1000").unwrap_err().contains("reversed"));
        assert!(parse_ports("http").unwrap_err().contains("not a port"));
        assert!(parse_ports("70000").is_err());
        for p in [(443, 443), (32768, 60999)] {
            assert_eq!(parse_ports(&format_ports(p)), Ok(p));
        }
    }
}
