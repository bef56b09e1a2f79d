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

/// "a, b or c": a list where any one will do.
pub fn any_of(items: Vec<Msg>) -> Msg {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Msg::verbatim("");
    };
    let rest: Vec<Msg> = items.collect();
    match rest.split_last() {
        None => first,
        Some((last, middle)) => {
            let head = middle
                .iter()
                .fold(first, |a, b| crate::msg!("part-comma", a = a, b = b));
            crate::msg!("part-or", a = head, b = last)
        }
    }
}

/// An address as text, or "an unknown address".
pub fn address(a: Option<std::net::Ipv4Addr>) -> Msg {
    a.map_or_else(|| Msg::new("unknown-address"), Msg::verbatim)
}

/// A flow's title: "kubectl → API".
pub fn flow(kind: crate::engine::FlowKind) -> Msg {
    use crate::engine::FlowKind;
    Msg::new(match kind {
        FlowKind::KubectlToApi => "flow-kubectl-to-api",
        FlowKind::ApiToKubelet => "flow-api-to-kubelet",
        FlowKind::KubeletToApi => "flow-kubelet-to-api",
    })
}

/// An endpoint access mode's name, or "no endpoint enabled".
pub fn mode(mode: Option<crate::model::EndpointMode>) -> Msg {
    use crate::model::EndpointMode;
    Msg::new(match mode {
        Some(EndpointMode::Public) => "mode-public",
        Some(EndpointMode::PublicPrivate) => "mode-public-private",
        Some(EndpointMode::Private) => "mode-private",
        None => "mode-none",
    })
}

/// An exposure class as reports name it (`internet`, `aws_public`, `none` in English).
pub fn exposure(e: crate::engine::Exposure) -> Msg {
    use crate::engine::Exposure;
    Msg::new(match e {
        Exposure::None => "exposure-none",
        Exposure::AwsPublic => "exposure-aws-public",
        Exposure::Internet => "exposure-internet",
    })
}

/// Who answered a DNS lookup, as reports name it (`public_dns`… in English).
pub fn dns(d: crate::engine::DnsVia) -> Msg {
    use crate::engine::DnsVia;
    Msg::new(match d {
        DnsVia::PublicDns => "dns-via-public",
        DnsVia::PrivateHostedZone => "dns-via-phz",
        DnsVia::Forwarded => "dns-via-forwarded",
    })
}
