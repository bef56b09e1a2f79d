//! Components (the boxes on the canvas) and connections (the lines between them).

use serde::{Deserialize, Serialize};

use super::geom::{Point, Rect, Size};

/// One box on the canvas: a network, a gateway, a host or an annotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Readable, stable id unique in the design (`igw`, `node-a`); route tables and connections refer to it.
    pub id: String,
    /// Text shown on the canvas; may be empty.
    #[serde(default)]
    pub label: String,
    /// The container this component sits in (a VPC, subnet, control plane or on-premises network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Top-left corner in canvas units.
    pub pos: Point,
    /// Width and height in canvas units.
    pub size: Size,
    /// What the component is, with the properties of its kind.
    pub kind: ComponentKind,
    /// Where it came from: an AWS id, a Terraform address, a CloudFormation logical id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Component {
    /// The rectangle this component occupies on the canvas.
    pub fn rect(&self) -> Rect {
        Rect::new(self.pos, self.size)
    }

    /// The private address the component holds in its subnet, if it has one.
    pub fn private_ip(&self) -> Option<&str> {
        match &self.kind {
            ComponentKind::Node(n) => Some(n.private_ip.as_str()),
            ComponentKind::EksEni(e) => Some(e.private_ip.as_str()),
            ComponentKind::Client(cl) => cl.private_ip.as_deref(),
            _ => None,
        }
    }

    /// The public addresses the component holds: elastic IPs, public IPs, NLB addresses,
    /// an on-premises network's egress address.
    pub fn public_ips(&self) -> Vec<&str> {
        match &self.kind {
            ComponentKind::Node(n) => n.public_ip.as_deref().into_iter().collect(),
            ComponentKind::Client(cl) => cl.public_ip.as_deref().into_iter().collect(),
            ComponentKind::Nat(n) => n.elastic_ip.as_deref().into_iter().collect(),
            ComponentKind::Nlb(n) => n.public_ips.iter().map(String::as_str).collect(),
            ComponentKind::OnPrem(o) => o.internet_egress_ip.as_deref().into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// The text to show: the label, or the id when the label is empty.
    pub fn display_label(&self) -> &str {
        if self.label.is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

/// The kind of a component, with that kind's own properties.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// A customer VPC (the cluster VPC or a peered one).
    Vpc(Vpc),
    /// A subnet with its route table; sits in a VPC.
    Subnet(Subnet),
    /// The AWS-managed VPC that holds the API servers and the public NLB.
    ControlPlane,
    /// One Kubernetes API server instance; sits in the control plane.
    ApiServer,
    /// The public endpoint's network load balancer; sits in the control plane.
    Nlb(Nlb),
    /// An EKS-owned cross-account ENI in a cluster subnet.
    EksEni(EksEni),
    /// An internet gateway; sits in (on the border of) the VPC it is attached to.
    Igw,
    /// A NAT gateway; sits in a subnet.
    Nat(Nat),
    /// A worker node running kubelet; sits in a subnet.
    Node(Node),
    /// A kubectl user: on the internet (no parent), a host in a subnet, or inside an on-premises network.
    Client(Client),
    /// An on-premises or other non-AWS network.
    OnPrem(OnPrem),
    /// A site-to-site VPN (or Direct Connect) link; joined to networks by attachments.
    Vpn,
    /// A transit gateway; joined to networks by attachments.
    Tgw,
    /// A VPC peering connection; joined to two VPCs by attachments.
    Peering,
    /// The Route 53 private hosted zone that EKS manages for the private endpoint.
    Phz,
    /// Free text on the canvas.
    Note(Note),
}

/// The name of each kind as written in design files and CLI output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    /// `vpc`
    Vpc,
    /// `subnet`
    Subnet,
    /// `control_plane`
    ControlPlane,
    /// `api_server`
    ApiServer,
    /// `nlb`
    Nlb,
    /// `eks_eni`
    EksEni,
    /// `igw`
    Igw,
    /// `nat`
    Nat,
    /// `node`
    Node,
    /// `client`
    Client,
    /// `on_prem`
    OnPrem,
    /// `vpn`
    Vpn,
    /// `tgw`
    Tgw,
    /// `peering`
    Peering,
    /// `phz`
    Phz,
    /// `note`
    Note,
}

impl KindName {
    /// Every kind, in palette order.
    pub const ALL: [KindName; 16] = [
        KindName::Vpc,
        KindName::Subnet,
        KindName::ControlPlane,
        KindName::ApiServer,
        KindName::Nlb,
        KindName::EksEni,
        KindName::Igw,
        KindName::Nat,
        KindName::Node,
        KindName::Client,
        KindName::OnPrem,
        KindName::Vpn,
        KindName::Tgw,
        KindName::Peering,
        KindName::Phz,
        KindName::Note,
    ];

    /// The spelling used in design files, ids and CLI output.
    pub const fn as_str(self) -> &'static str {
        match self {
            KindName::Vpc => "vpc",
            KindName::Subnet => "subnet",
            KindName::ControlPlane => "control_plane",
            KindName::ApiServer => "api_server",
            KindName::Nlb => "nlb",
            KindName::EksEni => "eks_eni",
            KindName::Igw => "igw",
            KindName::Nat => "nat",
            KindName::Node => "node",
            KindName::Client => "client",
            KindName::OnPrem => "on_prem",
            KindName::Vpn => "vpn",
            KindName::Tgw => "tgw",
            KindName::Peering => "peering",
            KindName::Phz => "phz",
            KindName::Note => "note",
        }
    }

    /// A short human name for menus and messages.
    pub const fn human(self) -> &'static str {
        match self {
            KindName::Vpc => "VPC",
            KindName::Subnet => "subnet",
            KindName::ControlPlane => "AWS-managed VPC",
            KindName::ApiServer => "API server",
            KindName::Nlb => "public NLB",
            KindName::EksEni => "EKS-owned ENI",
            KindName::Igw => "internet gateway",
            KindName::Nat => "NAT gateway",
            KindName::Node => "worker node",
            KindName::Client => "kubectl client",
            KindName::OnPrem => "on-premises network",
            KindName::Vpn => "VPN",
            KindName::Tgw => "transit gateway",
            KindName::Peering => "VPC peering",
            KindName::Phz => "private hosted zone",
            KindName::Note => "note",
        }
    }

    /// True for kinds drawn as containers that hold other components.
    pub const fn is_container(self) -> bool {
        matches!(
            self,
            KindName::Vpc | KindName::Subnet | KindName::ControlPlane | KindName::OnPrem
        )
    }

    /// Kinds a subnet route may point to (besides `local`).
    pub const SUBNET_ROUTE_TARGETS: [KindName; 5] = [
        KindName::Igw,
        KindName::Nat,
        KindName::Tgw,
        KindName::Vpn,
        KindName::Peering,
    ];

    /// Kinds an on-premises route may point to.
    pub const ON_PREM_ROUTE_TARGETS: [KindName; 2] = [KindName::Vpn, KindName::Tgw];

    /// A VPN, transit gateway or peering: joins networks through attachments.
    pub const fn is_connector(self) -> bool {
        matches!(self, KindName::Vpn | KindName::Tgw | KindName::Peering)
    }

    /// A network an attachment can join: a VPC or an on-premises network.
    pub const fn is_network(self) -> bool {
        matches!(self, KindName::Vpc | KindName::OnPrem)
    }

    /// True when an attachment may join these two kinds: a connector and a network, or
    /// two connectors.
    pub const fn can_attach(a: KindName, b: KindName) -> bool {
        (a.is_connector() && (b.is_network() || b.is_connector()))
            || (b.is_connector() && a.is_network())
    }

    /// The kinds this kind may sit in; `None` in the list means "at the top level".
    pub const fn allowed_parents(self) -> &'static [Option<KindName>] {
        match self {
            KindName::Vpc | KindName::ControlPlane | KindName::OnPrem => &[None],
            KindName::Subnet | KindName::Igw => &[Some(KindName::Vpc)],
            KindName::EksEni | KindName::Nat => &[Some(KindName::Subnet)],
            // Hybrid nodes run on premises.
            KindName::Node => &[Some(KindName::Subnet), Some(KindName::OnPrem)],
            KindName::ApiServer | KindName::Nlb => &[Some(KindName::ControlPlane)],
            KindName::Client => &[None, Some(KindName::Subnet), Some(KindName::OnPrem)],
            KindName::Vpn | KindName::Tgw | KindName::Peering => &[None],
            KindName::Phz => &[None, Some(KindName::Vpc), Some(KindName::ControlPlane)],
            KindName::Note => &[
                None,
                Some(KindName::Vpc),
                Some(KindName::Subnet),
                Some(KindName::ControlPlane),
                Some(KindName::OnPrem),
            ],
        }
    }

    /// A sentence fragment naming where this kind may go, for hints and errors.
    pub fn placement_hint(self) -> crate::i18n::Msg {
        let places: Vec<crate::i18n::Msg> = self
            .allowed_parents()
            .iter()
            .map(|p| match p {
                None => crate::msg!("place-top-level"),
                Some(k) => crate::i18n::words::kind(*k),
            })
            .collect();
        crate::msg!(
            "place-goes-in",
            kind = crate::i18n::words::kind(self),
            places = crate::i18n::words::any_of(places)
        )
    }

    /// The default size of a new component of this kind, in canvas units.
    pub const fn default_size(self) -> Size {
        match self {
            KindName::Vpc => Size::new(640.0, 420.0),
            KindName::ControlPlane => Size::new(360.0, 320.0),
            KindName::OnPrem => Size::new(280.0, 200.0),
            KindName::Subnet => Size::new(260.0, 180.0),
            KindName::Note => Size::new(180.0, 60.0),
            // Cards fit a label of about twenty characters and an address under it.
            KindName::Phz => Size::new(160.0, 56.0),
            _ => Size::new(150.0, 60.0),
        }
    }

    /// A new component kind of this name with default properties.
    pub fn default_kind(self) -> ComponentKind {
        match self {
            KindName::Vpc => ComponentKind::Vpc(Vpc::default()),
            KindName::Subnet => ComponentKind::Subnet(Subnet::default()),
            KindName::ControlPlane => ComponentKind::ControlPlane,
            KindName::ApiServer => ComponentKind::ApiServer,
            KindName::Nlb => ComponentKind::Nlb(Nlb::default()),
            KindName::EksEni => ComponentKind::EksEni(EksEni::default()),
            KindName::Igw => ComponentKind::Igw,
            KindName::Nat => ComponentKind::Nat(Nat::default()),
            KindName::Node => ComponentKind::Node(Node::default()),
            KindName::Client => ComponentKind::Client(Client::default()),
            KindName::OnPrem => ComponentKind::OnPrem(OnPrem::default()),
            KindName::Vpn => ComponentKind::Vpn,
            KindName::Tgw => ComponentKind::Tgw,
            KindName::Peering => ComponentKind::Peering,
            KindName::Phz => ComponentKind::Phz,
            KindName::Note => ComponentKind::Note(Note::default()),
        }
    }
}

impl std::fmt::Display for KindName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ComponentKind {
    /// The kind's name, without its properties.
    pub const fn name(&self) -> KindName {
        match self {
            ComponentKind::Vpc(_) => KindName::Vpc,
            ComponentKind::Subnet(_) => KindName::Subnet,
            ComponentKind::ControlPlane => KindName::ControlPlane,
            ComponentKind::ApiServer => KindName::ApiServer,
            ComponentKind::Nlb(_) => KindName::Nlb,
            ComponentKind::EksEni(_) => KindName::EksEni,
            ComponentKind::Igw => KindName::Igw,
            ComponentKind::Nat(_) => KindName::Nat,
            ComponentKind::Node(_) => KindName::Node,
            ComponentKind::Client(_) => KindName::Client,
            ComponentKind::OnPrem(_) => KindName::OnPrem,
            ComponentKind::Vpn => KindName::Vpn,
            ComponentKind::Tgw => KindName::Tgw,
            ComponentKind::Peering => KindName::Peering,
            ComponentKind::Phz => KindName::Phz,
            ComponentKind::Note(_) => KindName::Note,
        }
    }
}

const fn yes() -> bool {
    true
}

/// A VPC's addressing and DNS settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vpc {
    /// Primary and secondary IPv4 CIDR blocks.
    #[serde(default)]
    pub cidr_blocks: Vec<String>,
    /// CIDR blocks of `cidr_blocks` associated less than about an hour ago (not yet reconciled by EKS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent_cidr_blocks: Vec<String>,
    /// `enableDnsSupport`: the VPC resolver answers queries.
    #[serde(default = "yes")]
    pub dns_support: bool,
    /// `enableDnsHostnames`.
    #[serde(default = "yes")]
    pub dns_hostnames: bool,
    /// The DHCP options set uses `AmazonProvidedDNS`.
    #[serde(default = "yes")]
    pub amazon_provided_dns: bool,
    /// Interface and gateway VPC endpoints present (`ecr.api`, `ecr.dkr`, `s3`, `ec2`, `sts`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<String>,
}

impl Default for Vpc {
    fn default() -> Self {
        Self {
            cidr_blocks: vec!["10.0.0.0/16".to_owned()],
            recent_cidr_blocks: Vec::new(),
            dns_support: true,
            dns_hostnames: true,
            amazon_provided_dns: true,
            endpoints: Vec::new(),
        }
    }
}

/// A subnet and its route table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subnet {
    /// The subnet's IPv4 CIDR.
    #[serde(default)]
    pub cidr: String,
    /// Availability zone, e.g. `us-east-1a`.
    #[serde(default)]
    pub az: String,
    /// `mapPublicIpOnLaunch`.
    #[serde(default)]
    pub map_public_ip_on_launch: bool,
    /// The network ACL; `None` is the VPC's default ACL, which allows everything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_acl: Option<String>,
    /// The route table's routes (the implicit `local` route may be listed or not).
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// One route: destination CIDR to a target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Destination CIDR, e.g. `0.0.0.0/0`.
    pub destination: String,
    /// `local`, or the id of an `igw`, `nat`, `tgw`, `vpn` or `peering` component.
    pub target: String,
}

/// The route target that stays inside the VPC.
pub const LOCAL_TARGET: &str = "local";

/// The public endpoint's load balancer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nlb {
    /// Public IPs the endpoint name resolves to in public DNS.
    #[serde(default)]
    pub public_ips: Vec<String>,
}

/// An EKS-owned ENI.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EksEni {
    /// Its private IP in the cluster subnet.
    #[serde(default)]
    pub private_ip: String,
}

/// Whether a NAT gateway translates to the internet or only between private networks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NatConnectivity {
    /// Public NAT: rewrites the source to its elastic IP and sends through the IGW.
    #[default]
    Public,
    /// Private NAT: no internet path.
    Private,
}

/// A NAT gateway.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nat {
    /// Public or private.
    #[serde(default)]
    pub connectivity: NatConnectivity,
    /// The elastic IP the source is rewritten to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elastic_ip: Option<String>,
    /// True when the NAT has an elastic IP whose address the design does not know (a
    /// template or a plan: AWS allocates it on deploy). Ignored once `elastic_ip` is set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elastic_ip_unknown: bool,
}

/// How a node is managed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeGroup {
    /// A managed node group: nodes carry the cluster security group.
    #[default]
    Managed,
    /// Self-managed nodes: their security groups are the user's.
    SelfManaged,
}

/// A worker node.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// The node's private IP (its InternalIP).
    #[serde(default)]
    pub private_ip: String,
    /// A public IP, when the node has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<String>,
    /// Launched without a public IP even in a subnet that auto-assigns one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_public_ip: bool,
    /// Managed node group or self-managed.
    #[serde(default)]
    pub node_group: NodeGroup,
    /// An EKS hybrid node (runs outside AWS).
    #[serde(default)]
    pub hybrid: bool,
    /// Security groups; empty means the cluster security group (as for managed node groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
    /// Ports the API server dials on this node besides 10250 (admission webhooks, metrics).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webhook_ports: Vec<u16>,
}

/// A kubectl user's machine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    /// The address inside its subnet or on-premises network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_ip: Option<String>,
    /// Its public IP: the egress IP of an internet client, or a public IP of a host in a subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_ip: Option<String>,
    /// Launched without a public IP even in a subnet that auto-assigns one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_public_ip: bool,
    /// DNS queries are forwarded to the cluster VPC's resolver (Route 53 Resolver inbound endpoint).
    #[serde(default)]
    pub dns_forwards_to_cluster_vpc: bool,
    /// Security groups of a host in a subnet; empty means one that allows all egress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
}

/// An on-premises network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnPrem {
    /// Address ranges of the network.
    #[serde(default)]
    pub cidrs: Vec<String>,
    /// The corporate internet egress IP, when the network has internet access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_egress_ip: Option<String>,
    /// Routes towards AWS: destination CIDR to a `vpn` or `tgw` component.
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// Free text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The note's text.
    #[serde(default)]
    pub text: String,
}

/// What a connection means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionKind {
    /// A VPN, transit gateway or peering joined to a network (VPC or on-premises) or to another of them.
    Attachment,
    /// A plain annotation line with no routing meaning.
    #[default]
    Line,
}

/// A line between two components.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    /// Id of one end.
    pub from: String,
    /// Id of the other end.
    pub to: String,
    /// Attachment or annotation.
    #[serde(default)]
    pub kind: ConnectionKind,
    /// Optional text drawn at the middle of the line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}
