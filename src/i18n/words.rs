//! Words many messages share: component kinds, and a component named by kind and id.

use crate::model::{Component, KindName};

use super::Msg;

/// The catalogue key of a kind's human name, e.g. `kind-nat` ("NAT gateway").
pub const fn kind_key(k: KindName) -> &'static str {
    match k {
        KindName::Vpc => "kind-vpc",
        KindName::Subnet => "kind-subnet",
        KindName::ControlPlane => "kind-control-plane",
        KindName::ApiServer => "kind-api-server",
        KindName::Nlb => "kind-nlb",
        KindName::EksEni => "kind-eks-eni",
        KindName::Igw => "kind-igw",
        KindName::Nat => "kind-nat",
        KindName::Node => "kind-node",
        KindName::Client => "kind-client",
        KindName::OnPrem => "kind-on-prem",
        KindName::Vpn => "kind-vpn",
        KindName::Tgw => "kind-tgw",
        KindName::Peering => "kind-peering",
        KindName::Phz => "kind-phz",
        KindName::Note => "kind-note",
    }
}

/// A kind's human name ("NAT gateway"), as a message.
pub fn kind(k: KindName) -> Msg {
    Msg::new(kind_key(k))
}

/// "NAT gateway nat": a component by kind and id.
pub fn named(c: &Component) -> Msg {
    crate::msg!("named", kind = kind(c.kind.name()), id = &c.id)
}

/// An address as text, or "an unknown address".
pub fn address(a: Option<std::net::Ipv4Addr>) -> Msg {
    a.map_or_else(|| Msg::new("unknown-address"), Msg::verbatim)
}
