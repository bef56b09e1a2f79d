//! What connections carry beyond the attachments drawn: transit gateway route tables, and
//! the remote ranges a VPN or peering connection carries.

use serde::{Deserialize, Serialize};

use super::component::Route;

/// The target of a transit gateway route that drops matching traffic.
pub const BLACKHOLE: &str = "blackhole";

/// Route tables and carried ranges. Empty, a transit gateway forwards between all its
/// attachments (as its default route table does) and a VPN or peering carries the ranges
/// of the networks behind it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transit {
    /// Transit gateway route tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route_tables: Vec<TgwRouteTable>,
    /// What VPN and peering connections carry, where the design says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<Carried>,
}

impl Transit {
    /// True when the design says nothing about route tables or carried ranges.
    pub fn is_empty(&self) -> bool {
        self.route_tables.is_empty() && self.carried.is_empty()
    }

    /// The route tables of one transit gateway.
    pub fn tables_of<'a>(&'a self, tgw: &'a str) -> impl Iterator<Item = &'a TgwRouteTable> {
        self.route_tables.iter().filter(move |t| t.tgw == tgw)
    }

    /// The ranges a VPN or peering carries, when the design lists them.
    pub fn carried_by(&self, link: &str) -> Option<&Carried> {
        self.carried.iter().find(|c| c.link == link)
    }

    /// Follows a rename of components.
    pub fn rename(&mut self, re: &dyn Fn(&mut String)) {
        for t in &mut self.route_tables {
            re(&mut t.tgw);
            t.associations.iter_mut().for_each(re);
            t.propagations.iter_mut().for_each(re);
            t.routes.iter_mut().for_each(|r| re(&mut r.target));
        }
        for c in &mut self.carried {
            re(&mut c.link);
        }
    }

    /// Forgets components that are gone: their tables, associations, propagations, routes.
    pub fn forget(&mut self, gone: &dyn Fn(&str) -> bool) {
        self.route_tables.retain(|t| !gone(&t.tgw));
        for t in &mut self.route_tables {
            t.associations.retain(|a| !gone(a));
            t.propagations.retain(|a| !gone(a));
            t.routes.retain(|r| !gone(&r.target));
        }
        self.carried.retain(|c| !gone(&c.link));
    }

    /// Forgets the attachment of `other` to transit gateway `tgw` (it was disconnected).
    pub fn detach(&mut self, tgw: &str, other: &str) {
        for t in self.route_tables.iter_mut().filter(|t| t.tgw == tgw) {
            t.associations.retain(|a| a != other);
            t.propagations.retain(|a| a != other);
            t.routes.retain(|r| r.target != other);
        }
    }
}

/// A transit gateway route table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TgwRouteTable {
    /// Its id, unique among route tables (`tgw-rtb-spoke`).
    pub id: String,
    /// The transit gateway it belongs to.
    pub tgw: String,
    /// The attachments whose traffic it routes, by the component attached (a VPC, VPN or
    /// on-premises network); an attachment has at most one table. Once a transit gateway
    /// has tables, an attachment in none has no route table (list the attachments AWS put
    /// in the default association table there).
    #[serde(default)]
    pub associations: Vec<String>,
    /// The attachments whose ranges are propagated into it.
    #[serde(default)]
    pub propagations: Vec<String>,
    /// Static routes: destination CIDR to an attachment, or `blackhole`.
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Where it came from (an AWS id, a Terraform address).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// The remote ranges a VPN (static routes or BGP advertisements) or a peering carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// The `vpn` or `peering` component.
    pub link: String,
    /// The CIDRs it carries.
    #[serde(default)]
    pub cidrs: Vec<String>,
}
