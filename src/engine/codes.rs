//! Explanation codes of the path engine (domain.md §2.5), each with the basis of its rule.
//! A code is an enum, so a misspelt one does not compile, and every code says whether
//! AWS documents its rule or we inferred it.

use serde::Serialize;

/// Whether a rule is stated by AWS documentation or derived by us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// An AWS page or maintainer statement says it outright.
    Doc,
    /// Our own derivation from general VPC behaviour.
    Inferred,
}

/// Every code the engine emits: why a flow is blocked (like Reachability Analyzer's
/// explanation codes), a configuration error (`CFG_`) or a warning (`W_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// `CFG_CLUSTER_SUBNETS`.
    CfgClusterSubnets,
    /// `CFG_INVALID_PUBLIC_CIDRS`.
    CfgInvalidPublicCidrs,
    /// `CFG_NO_API_SERVER`.
    CfgNoApiServer,
    /// `CFG_NO_ENDPOINT_ENABLED`.
    CfgNoEndpointEnabled,
    /// `CIDR_NOT_YET_RECONCILED`.
    CidrNotYetReconciled,
    /// `CLUSTER_SG_NO_443_INGRESS`.
    ClusterSgNo443Ingress,
    /// `DNS_NO_PUBLIC_RECORD`.
    DnsNoPublicRecord,
    /// `DNS_PHZ_NOT_APPLIED`.
    DnsPhzNotApplied,
    /// `DNS_VPC_RESOLVER_DISABLED`.
    DnsVpcResolverDisabled,
    /// `IGW_PATH_WITHOUT_PUBLIC_IP`.
    IgwPathWithoutPublicIp,
    /// `NACL_DENY`.
    NaclDeny,
    /// `NAT_NO_INTERNET_PATH`.
    NatNoInternetPath,
    /// `NODE_OUTSIDE_CLUSTER_VPC`.
    NodeOutsideClusterVpc,
    /// `NODE_REQUIRES_VPC_DNS`.
    NodeRequiresVpcDns,
    /// `NODE_SG_NO_10250_INGRESS`.
    NodeSgNo10250Ingress,
    /// `NODE_SG_NO_WEBHOOK_INGRESS`.
    NodeSgNoWebhookIngress,
    /// `NO_EKS_ENI`.
    NoEksEni,
    /// `NO_RETURN_ROUTE`.
    NoReturnRoute,
    /// `NO_ROUTE_TO_PRIVATE_ENDPOINT`.
    NoRouteToPrivateEndpoint,
    /// `NO_ROUTE_TO_PUBLIC_ENDPOINT`.
    NoRouteToPublicEndpoint,
    /// `ROUTE_NOT_CARRIED`.
    RouteNotCarried,
    /// `SG_EGRESS_DENY`.
    SgEgressDeny,
    /// `SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS`.
    SourceNotInPublicAccessCidrs,
    /// `TGW_BLACKHOLE_ROUTE`.
    TgwBlackholeRoute,
    /// `TGW_NO_ROUTE`.
    TgwNoRoute,
    /// `W_CIDRS_IGNORED`.
    WCidrsIgnored,
    /// `W_HYBRID_PUBPRIV`.
    WHybridPubpriv,
    /// `W_NODE_NO_AWS_API_EGRESS`.
    WNodeNoAwsApiEgress,
    /// `W_NODE_PUBLIC_IP`.
    WNodePublicIp,
    /// `W_NO_NLB`.
    WNoNlb,
    /// `W_PUBLIC_OPEN`.
    WPublicOpen,
    /// `W_VPC_DNS_HOSTNAMES_OFF`.
    WVpcDnsHostnamesOff,
}

impl Code {
    /// Every code, in alphabetical order.
    pub const ALL: [Code; 32] = [
        Code::CfgClusterSubnets,
        Code::CfgInvalidPublicCidrs,
        Code::CfgNoApiServer,
        Code::CfgNoEndpointEnabled,
        Code::CidrNotYetReconciled,
        Code::ClusterSgNo443Ingress,
        Code::DnsNoPublicRecord,
        Code::DnsPhzNotApplied,
        Code::DnsVpcResolverDisabled,
        Code::IgwPathWithoutPublicIp,
        Code::NaclDeny,
        Code::NatNoInternetPath,
        Code::NodeOutsideClusterVpc,
        Code::NodeRequiresVpcDns,
        Code::NodeSgNo10250Ingress,
        Code::NodeSgNoWebhookIngress,
        Code::NoEksEni,
        Code::NoReturnRoute,
        Code::NoRouteToPrivateEndpoint,
        Code::NoRouteToPublicEndpoint,
        Code::RouteNotCarried,
        Code::SgEgressDeny,
        Code::SourceNotInPublicAccessCidrs,
        Code::TgwBlackholeRoute,
        Code::TgwNoRoute,
        Code::WCidrsIgnored,
        Code::WHybridPubpriv,
        Code::WNodeNoAwsApiEgress,
        Code::WNodePublicIp,
        Code::WNoNlb,
        Code::WPublicOpen,
        Code::WVpcDnsHostnamesOff,
    ];

    /// The code as written in reports and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::CfgClusterSubnets => "CFG_CLUSTER_SUBNETS",
            Code::CfgInvalidPublicCidrs => "CFG_INVALID_PUBLIC_CIDRS",
            Code::CfgNoApiServer => "CFG_NO_API_SERVER",
            Code::CfgNoEndpointEnabled => "CFG_NO_ENDPOINT_ENABLED",
            Code::CidrNotYetReconciled => "CIDR_NOT_YET_RECONCILED",
            Code::ClusterSgNo443Ingress => "CLUSTER_SG_NO_443_INGRESS",
            Code::DnsNoPublicRecord => "DNS_NO_PUBLIC_RECORD",
            Code::DnsPhzNotApplied => "DNS_PHZ_NOT_APPLIED",
            Code::DnsVpcResolverDisabled => "DNS_VPC_RESOLVER_DISABLED",
            Code::IgwPathWithoutPublicIp => "IGW_PATH_WITHOUT_PUBLIC_IP",
            Code::NaclDeny => "NACL_DENY",
            Code::NatNoInternetPath => "NAT_NO_INTERNET_PATH",
            Code::NodeOutsideClusterVpc => "NODE_OUTSIDE_CLUSTER_VPC",
            Code::NodeRequiresVpcDns => "NODE_REQUIRES_VPC_DNS",
            Code::NodeSgNo10250Ingress => "NODE_SG_NO_10250_INGRESS",
            Code::NodeSgNoWebhookIngress => "NODE_SG_NO_WEBHOOK_INGRESS",
            Code::NoEksEni => "NO_EKS_ENI",
            Code::NoReturnRoute => "NO_RETURN_ROUTE",
            Code::NoRouteToPrivateEndpoint => "NO_ROUTE_TO_PRIVATE_ENDPOINT",
            Code::NoRouteToPublicEndpoint => "NO_ROUTE_TO_PUBLIC_ENDPOINT",
            Code::RouteNotCarried => "ROUTE_NOT_CARRIED",
            Code::SgEgressDeny => "SG_EGRESS_DENY",
            Code::SourceNotInPublicAccessCidrs => "SOURCE_NOT_IN_PUBLIC_ACCESS_CIDRS",
            Code::TgwBlackholeRoute => "TGW_BLACKHOLE_ROUTE",
            Code::TgwNoRoute => "TGW_NO_ROUTE",
            Code::WCidrsIgnored => "W_CIDRS_IGNORED",
            Code::WHybridPubpriv => "W_HYBRID_PUBPRIV",
            Code::WNodeNoAwsApiEgress => "W_NODE_NO_AWS_API_EGRESS",
            Code::WNodePublicIp => "W_NODE_PUBLIC_IP",
            Code::WNoNlb => "W_NO_NLB",
            Code::WPublicOpen => "W_PUBLIC_OPEN",
            Code::WVpcDnsHostnamesOff => "W_VPC_DNS_HOSTNAMES_OFF",
        }
    }

    /// Whether AWS states the rule behind the code.
    pub const fn basis(self) -> Basis {
        match self {
            Code::CfgNoApiServer
            | Code::DnsPhzNotApplied
            | Code::DnsVpcResolverDisabled
            | Code::NatNoInternetPath
            | Code::NoEksEni
            | Code::NoReturnRoute => Basis::Inferred,
            _ => Basis::Doc,
        }
    }

    /// A suffix for messages built on inferred rules.
    pub fn with_basis_note(self, message: crate::i18n::Msg) -> crate::i18n::Msg {
        match self.basis() {
            Basis::Doc => message,
            Basis::Inferred => message.and(crate::i18n::Msg::new("basis-inferred")),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_spelt_as_their_names() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert!(
                c.as_str()
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_')
            );
            assert_eq!(format!("{c:?}").to_uppercase(), c.as_str().replace('_', ""));
        }
        assert_eq!(Code::NoEksEni.basis(), Basis::Inferred);
        assert_eq!(Code::NaclDeny.basis(), Basis::Doc);
    }
}
