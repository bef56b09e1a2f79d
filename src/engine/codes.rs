//! Explanation codes of the path engine (domain.md §2.5), with the basis of each rule.

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

/// The basis of a code; unknown codes count as inferred.
pub fn basis(code: &str) -> Basis {
    match code {
        "DNS_VPC_RESOLVER_DISABLED"
        | "DNS_PHZ_NOT_APPLIED"
        | "NAT_NO_INTERNET_PATH"
        | "NO_RETURN_ROUTE"
        | "NO_EKS_ENI"
        | "CFG_NO_API_SERVER"
        | "EGRESS_NOT_MODELLED" => Basis::Inferred,
        _ => Basis::Doc,
    }
}

/// A short suffix for messages built on inferred rules.
pub fn basis_note(code: &str) -> &'static str {
    match basis(code) {
        Basis::Doc => "",
        Basis::Inferred => " (inferred from general VPC behaviour, not stated by AWS)",
    }
}
