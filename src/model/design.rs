//! The design document: cluster settings, components and connections.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::component::{Component, ComponentKind, Connection, KindName};
use super::security::{NetworkAcl, SecurityGroup};
use super::transit::Transit;

/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// The endpoint access mode, derived from the two cluster flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointMode {
    /// Public endpoint only.
    Public,
    /// Public and private endpoints.
    PublicPrivate,
    /// Private endpoint only.
    Private,
}

impl EndpointMode {
    /// The three modes, in the story's order.
    pub const ALL: [EndpointMode; 3] = [
        EndpointMode::Public,
        EndpointMode::PublicPrivate,
        EndpointMode::Private,
    ];

    /// The CLI spelling (`public`, `public-private`, `private`).
    pub const fn cli_name(self) -> &'static str {
        match self {
            EndpointMode::Public => "public",
            EndpointMode::PublicPrivate => "public-private",
            EndpointMode::Private => "private",
        }
    }

    /// The JSON spelling (`public`, `public_private`, `private`).
    pub const fn json_name(self) -> &'static str {
        match self {
            EndpointMode::Public => "public",
            EndpointMode::PublicPrivate => "public_private",
            EndpointMode::Private => "private",
        }
    }

    /// A human label.
    pub const fn human(self) -> &'static str {
        match self {
            EndpointMode::Public => "public",
            EndpointMode::PublicPrivate => "public + private",
            EndpointMode::Private => "private",
        }
    }

    /// The `(public, private)` access flags of this mode.
    pub const fn flags(self) -> (bool, bool) {
        match self {
            EndpointMode::Public => (true, false),
            EndpointMode::PublicPrivate => (true, true),
            EndpointMode::Private => (false, true),
        }
    }

    /// The mode of two flags, or `None` for the invalid both-off state.
    #[expect(
        clippy::fn_params_excessive_bools,
        reason = "mirrors the two EKS API flags"
    )]
    pub const fn from_flags(public: bool, private: bool) -> Option<Self> {
        match (public, private) {
            (true, false) => Some(EndpointMode::Public),
            (true, true) => Some(EndpointMode::PublicPrivate),
            (false, true) => Some(EndpointMode::Private),
            (false, false) => None,
        }
    }
}

/// IP family of the cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpFamily {
    /// IPv4 cluster.
    #[default]
    Ipv4,
    /// IPv6 cluster.
    Ipv6,
}

/// Where the control plane's own egress goes (`controlPlaneEgressMode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlPlaneEgress {
    /// `AWS_MANAGED`.
    #[default]
    AwsManaged,
    /// `CUSTOMER_ROUTED`.
    CustomerRouted,
}

fn default_cluster_sg() -> String {
    super::security::DEFAULT_CLUSTER_SG.to_owned()
}

fn is_default_cluster_sg(id: &str) -> bool {
    id == super::security::DEFAULT_CLUSTER_SG
}

fn default_public_cidrs() -> Vec<String> {
    vec!["0.0.0.0/0".to_owned()]
}

const fn yes() -> bool {
    true
}

/// The EKS cluster's endpoint and VPC settings (`resourcesVpcConfig` and friends).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Cluster name.
    #[serde(default)]
    pub name: String,
    /// `endpointPublicAccess`.
    #[serde(default = "yes")]
    pub endpoint_public_access: bool,
    /// `endpointPrivateAccess`.
    #[serde(default)]
    pub endpoint_private_access: bool,
    /// `publicAccessCidrs`: sources the public endpoint accepts (checked after NAT).
    #[serde(default = "default_public_cidrs")]
    pub public_access_cidrs: Vec<String>,
    /// `ipFamily`.
    #[serde(default)]
    pub ip_family: IpFamily,
    /// `subnetIds`: the cluster subnets. Empty means "the subnets holding EKS-owned ENIs".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnet_ids: Vec<String>,
    /// `controlPlaneEgressMode`.
    #[serde(default)]
    pub control_plane_egress: ControlPlaneEgress,
    /// The cluster security group on the EKS-owned ENIs (`clusterSecurityGroupId`).
    #[serde(
        default = "default_cluster_sg",
        skip_serializing_if = "is_default_cluster_sg"
    )]
    pub cluster_security_group: String,
    /// Additional security groups on the EKS-owned ENIs (`securityGroupIds`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_group_ids: Vec<String>,
    /// The endpoint host name, for display.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub endpoint_hostname: String,
    /// An old private-only cluster whose public DNS record for its private IPs was never created.
    #[serde(default)]
    pub legacy_no_public_private_record: bool,
}

impl Default for Cluster {
    fn default() -> Self {
        Self {
            name: String::new(),
            endpoint_public_access: true,
            endpoint_private_access: false,
            public_access_cidrs: default_public_cidrs(),
            ip_family: IpFamily::Ipv4,
            subnet_ids: Vec::new(),
            cluster_security_group: default_cluster_sg(),
            security_group_ids: Vec::new(),
            control_plane_egress: ControlPlaneEgress::AwsManaged,
            endpoint_hostname: String::new(),
            legacy_no_public_private_record: false,
        }
    }
}

impl Cluster {
    /// The endpoint mode, or `None` when both endpoints are off (an invalid configuration).
    pub const fn mode(&self) -> Option<EndpointMode> {
        EndpointMode::from_flags(self.endpoint_public_access, self.endpoint_private_access)
    }

    /// Sets both access flags from a mode.
    pub fn set_mode(&mut self, mode: EndpointMode) {
        let (public, private) = mode.flags();
        self.endpoint_public_access = public;
        self.endpoint_private_access = private;
    }
}

/// A whole design: what is saved in one `.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// Title shown in the window and exports.
    #[serde(default)]
    pub title: String,
    /// Free-text description.
    #[serde(default)]
    pub description: String,
    /// Cluster settings.
    #[serde(default)]
    pub cluster: Cluster,
    /// Components, in drawing order (containers before their children).
    #[serde(default)]
    pub components: Vec<Component>,
    /// Connections between components.
    #[serde(default)]
    pub connections: Vec<Connection>,
    /// Security groups, referred to by nodes, clients and the cluster.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<SecurityGroup>,
    /// Network ACLs, referred to by subnets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network_acls: Vec<NetworkAcl>,
    /// Transit gateway route tables and what VPN and peering connections carry.
    #[serde(default, skip_serializing_if = "Transit::is_empty")]
    pub transit: Transit,
}

impl Default for Design {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: String::new(),
            description: String::new(),
            cluster: Cluster::default(),
            components: Vec::new(),
            connections: Vec::new(),
            security_groups: Vec::new(),
            network_acls: Vec::new(),
            transit: Transit::default(),
        }
    }
}

impl Design {
    /// The component with this id (linear search; use [`DesignIndex`] for many lookups).
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    /// Mutable access to the component with this id.
    pub fn component_mut(&mut self, id: &str) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| c.id == id)
    }

    /// Components of one kind, in document order.
    pub fn of_kind(&self, kind: KindName) -> impl Iterator<Item = &Component> {
        self.components
            .iter()
            .filter(move |c| c.kind.name() == kind)
    }

    /// A fresh id `<kind>-<n>` not used in the design.
    pub fn fresh_id(&self, kind: KindName) -> String {
        self.fresh_id_avoiding(kind, &std::collections::HashSet::new())
    }

    /// A fresh id `<kind>-<n>` used neither in the design nor in `avoid` (ids an editing
    /// session has used, which undo could bring back).
    pub fn fresh_id_avoiding(
        &self,
        kind: KindName,
        avoid: &std::collections::HashSet<String>,
    ) -> String {
        let ids: std::collections::HashSet<&str> =
            self.components.iter().map(|c| c.id.as_str()).collect();
        // At most this many candidates can be taken before one is free.
        (1..=self.components.len() + avoid.len() + 1)
            .map(|n| format!("{}-{n}", kind.as_str().replace('_', "-")))
            .find(|id| !ids.contains(id.as_str()) && !avoid.contains(id))
            .unwrap_or_default()
    }
}

/// FNV-1a: ids are short, trusted strings of the open design, looked up thousands of times
/// per analysis; SipHash's protection against crafted keys costs more than it buys here.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastIds;

/// The state of [`FastIds`].
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl std::hash::BuildHasher for FastIds {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Fast id lookups over a design, built once and used read-only.
#[derive(Debug)]
pub struct DesignIndex<'a> {
    design: &'a Design,
    by_id: HashMap<&'a str, usize, FastIds>,
    /// Each component's parent, by position (looked up once).
    parents: Vec<Option<usize>>,
}

impl<'a> DesignIndex<'a> {
    /// Indexes a design. With duplicate ids the first one wins (validation reports duplicates).
    pub fn new(design: &'a Design) -> Self {
        let mut by_id = HashMap::with_capacity_and_hasher(design.components.len(), FastIds);
        for (i, c) in design.components.iter().enumerate() {
            by_id.entry(c.id.as_str()).or_insert(i);
        }
        let parents = design
            .components
            .iter()
            .map(|c| c.parent.as_deref().and_then(|p| by_id.get(p).copied()))
            .collect();
        Self {
            design,
            by_id,
            parents,
        }
    }

    /// The indexed design.
    pub const fn design(&self) -> &'a Design {
        self.design
    }

    /// The component with this id.
    pub fn get(&self, id: &str) -> Option<&'a Component> {
        self.by_id
            .get(id)
            .and_then(|&i| self.design.components.get(i))
    }

    /// Where the component with this id is in the design's list.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The parent of a component.
    pub fn parent(&self, c: &Component) -> Option<&'a Component> {
        // A component of the indexed design is found by its address, without hashing.
        let size = std::mem::size_of::<Component>().max(1);
        let base = self.design.components.as_ptr() as usize;
        let at = (std::ptr::from_ref(c) as usize).wrapping_sub(base) / size;
        match self.design.components.get(at) {
            Some(own) if std::ptr::eq(own, c) => self
                .parents
                .get(at)
                .copied()
                .flatten()
                .and_then(|i| self.design.components.get(i)),
            _ => c.parent.as_deref().and_then(|p| self.get(p)),
        }
    }

    /// The nearest ancestor of `c` (not `c` itself) of the given kind.
    pub fn ancestor_of_kind(&self, c: &Component, kind: KindName) -> Option<&'a Component> {
        let mut cur = self.parent(c);
        // Bounded walk: a cycle (reported by validation) must not hang us.
        for _ in 0..=self.design.components.len() {
            let p = cur?;
            if p.kind.name() == kind {
                return Some(p);
            }
            cur = self.parent(p);
        }
        None
    }

    /// The nesting depth of a component (0 at the top level), bounded against cycles.
    pub fn depth(&self, c: &Component) -> usize {
        let mut d = 0;
        let mut cur = self.parent(c);
        while let Some(p) = cur {
            d += 1;
            if d > self.design.components.len() {
                break;
            }
            cur = self.parent(p);
        }
        d
    }

    /// Properties of a VPC component by id.
    pub fn vpc(&self, id: &str) -> Option<&'a super::component::Vpc> {
        match &self.get(id)?.kind {
            ComponentKind::Vpc(v) => Some(v),
            _ => None,
        }
    }
}
