//! The parts of the AWS CLI's `describe-*` JSON that import reads (docs/import.md §1.2).
//! Field names are the CLI's: PascalCase for EC2, camelCase for EKS. Every field is
//! optional: a missing one reads as empty, and what that means is decided in `aws.rs`.

use serde::Deserialize;

/// One JSON document: the output of one command, or several merged into one object.
#[derive(Debug, Default, Deserialize)]
pub struct Doc {
    pub cluster: Option<EksCluster>,
    pub nodegroup: Option<NodeGroup>,
    #[serde(rename = "Vpcs")]
    pub vpcs: Option<Vec<Vpc>>,
    #[serde(rename = "Subnets")]
    pub subnets: Option<Vec<Subnet>>,
    #[serde(rename = "RouteTables")]
    pub route_tables: Option<Vec<RouteTable>>,
    #[serde(rename = "SecurityGroups")]
    pub security_groups: Option<Vec<SecurityGroup>>,
    #[serde(rename = "NetworkAcls")]
    pub network_acls: Option<Vec<NetworkAcl>>,
    #[serde(rename = "NatGateways")]
    pub nat_gateways: Option<Vec<NatGateway>>,
    #[serde(rename = "InternetGateways")]
    pub internet_gateways: Option<Vec<InternetGateway>>,
    #[serde(rename = "NetworkInterfaces")]
    pub network_interfaces: Option<Vec<NetworkInterface>>,
    #[serde(rename = "VpcEndpoints")]
    pub vpc_endpoints: Option<Vec<VpcEndpoint>>,
    #[serde(rename = "Reservations")]
    pub reservations: Option<Vec<Reservation>>,
    #[serde(rename = "DhcpOptions")]
    pub dhcp_options: Option<Vec<DhcpOptions>>,
    #[serde(rename = "TransitGatewayAttachments")]
    pub transit_gateway_attachments: Option<Vec<TgwAttachment>>,
    #[serde(rename = "VpnGateways")]
    pub vpn_gateways: Option<Vec<VpnGateway>>,
    #[serde(rename = "VpcPeeringConnections")]
    pub vpc_peering_connections: Option<Vec<PeeringConnection>>,
    /// `describe-vpc-attribute --attribute enableDnsSupport`.
    #[serde(rename = "EnableDnsSupport")]
    pub enable_dns_support: Option<BoolValue>,
    /// `describe-vpc-attribute --attribute enableDnsHostnames`.
    #[serde(rename = "EnableDnsHostnames")]
    pub enable_dns_hostnames: Option<BoolValue>,
    /// The VPC of a `describe-vpc-attribute` output.
    #[serde(rename = "VpcId")]
    pub vpc_id: Option<String>,
    /// Present when the output was cut into pages and this is not the last one.
    #[serde(rename = "NextToken")]
    pub next_token: Option<String>,
}

impl Doc {
    /// True when the document holds nothing import reads.
    pub fn is_empty(&self) -> bool {
        self.cluster.is_none()
            && self.nodegroup.is_none()
            && self.vpcs.is_none()
            && self.subnets.is_none()
            && self.route_tables.is_none()
            && self.security_groups.is_none()
            && self.network_acls.is_none()
            && self.nat_gateways.is_none()
            && self.internet_gateways.is_none()
            && self.network_interfaces.is_none()
            && self.vpc_endpoints.is_none()
            && self.reservations.is_none()
            && self.dhcp_options.is_none()
            && self.transit_gateway_attachments.is_none()
            && self.vpn_gateways.is_none()
            && self.vpc_peering_connections.is_none()
            && self.enable_dns_support.is_none()
            && self.enable_dns_hostnames.is_none()
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct BoolValue {
    #[serde(rename = "Value", default)]
    pub value: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// The `Name` tag, if any.
pub fn name_tag(tags: &[Tag]) -> Option<&str> {
    tags.iter()
        .find(|t| t.key == "Name")
        .map(|t| t.value.as_str())
        .filter(|v| !v.is_empty())
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EksCluster {
    pub name: String,
    pub endpoint: Option<String>,
    pub resources_vpc_config: VpcConfig,
    pub kubernetes_network_config: Option<KubernetesNetworkConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VpcConfig {
    pub subnet_ids: Vec<String>,
    pub security_group_ids: Vec<String>,
    pub cluster_security_group_id: Option<String>,
    pub vpc_id: String,
    pub endpoint_public_access: Option<bool>,
    pub endpoint_private_access: Option<bool>,
    pub public_access_cidrs: Vec<String>,
    pub control_plane_egress_mode: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KubernetesNetworkConfig {
    pub ip_family: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NodeGroup {
    pub nodegroup_name: String,
    pub subnets: Vec<String>,
    pub scaling_config: Option<ScalingConfig>,
    /// The groups of the node group's launch template, when an input tells them (the
    /// describe-nodegroup output does not; without them nodes carry the cluster group).
    #[serde(skip)]
    pub security_groups: Option<Vec<String>>,
    /// True for self-managed nodes (an auto scaling group, eksctl's `nodeGroups`): their
    /// security groups are their own, not the cluster group.
    #[serde(skip)]
    pub self_managed: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScalingConfig {
    pub desired_size: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Vpc {
    pub vpc_id: String,
    pub cidr_block: Option<String>,
    pub cidr_block_association_set: Vec<CidrAssociation>,
    pub dhcp_options_id: Option<String>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CidrAssociation {
    pub cidr_block: String,
    pub cidr_block_state: Option<State>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct State {
    pub state: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Subnet {
    pub subnet_id: String,
    pub vpc_id: String,
    pub cidr_block: Option<String>,
    pub availability_zone: String,
    pub map_public_ip_on_launch: bool,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RouteTable {
    pub route_table_id: String,
    pub vpc_id: String,
    pub associations: Vec<RouteTableAssociation>,
    pub routes: Vec<AwsRoute>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RouteTableAssociation {
    pub main: bool,
    pub subnet_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AwsRoute {
    pub destination_cidr_block: Option<String>,
    pub destination_ipv6_cidr_block: Option<String>,
    pub destination_prefix_list_id: Option<String>,
    pub gateway_id: Option<String>,
    pub nat_gateway_id: Option<String>,
    pub transit_gateway_id: Option<String>,
    pub vpc_peering_connection_id: Option<String>,
    pub network_interface_id: Option<String>,
    pub instance_id: Option<String>,
    pub egress_only_internet_gateway_id: Option<String>,
    pub state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityGroup {
    pub group_id: String,
    pub group_name: String,
    pub description: String,
    pub ip_permissions: Vec<Permission>,
    pub ip_permissions_egress: Vec<Permission>,
    /// Only the rules an input adds to a group it does not hold (Terraform's standalone
    /// rules on the cluster security group EKS creates); never in AWS CLI output.
    #[serde(skip)]
    pub partial: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Permission {
    pub ip_protocol: String,
    pub from_port: Option<i64>,
    pub to_port: Option<i64>,
    pub ip_ranges: Vec<IpRange>,
    pub ipv6_ranges: Vec<serde::de::IgnoredAny>,
    pub prefix_list_ids: Vec<serde::de::IgnoredAny>,
    pub user_id_group_pairs: Vec<GroupPair>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct IpRange {
    pub cidr_ip: String,
    pub description: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GroupPair {
    pub group_id: String,
    pub description: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkAcl {
    pub network_acl_id: String,
    pub vpc_id: String,
    pub is_default: bool,
    pub associations: Vec<AclAssociation>,
    pub entries: Vec<AclEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclAssociation {
    pub subnet_id: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AclEntry {
    pub rule_number: i64,
    pub egress: bool,
    pub protocol: String,
    pub rule_action: String,
    pub cidr_block: Option<String>,
    pub ipv6_cidr_block: Option<String>,
    pub port_range: Option<PortRange>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PortRange {
    pub from: i64,
    pub to: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NatGateway {
    pub nat_gateway_id: String,
    pub subnet_id: String,
    pub vpc_id: String,
    pub state: String,
    pub connectivity_type: Option<String>,
    pub nat_gateway_addresses: Vec<NatAddress>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NatAddress {
    pub public_ip: Option<String>,
    pub is_primary: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InternetGateway {
    pub internet_gateway_id: String,
    pub attachments: Vec<IgwAttachment>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct IgwAttachment {
    pub vpc_id: String,
    pub state: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterface {
    pub network_interface_id: String,
    pub subnet_id: String,
    pub vpc_id: String,
    pub description: String,
    pub private_ip_address: Option<String>,
    pub groups: Vec<GroupRef>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GroupRef {
    pub group_id: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VpcEndpoint {
    pub vpc_id: String,
    pub service_name: String,
    pub state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Reservation {
    pub instances: Vec<Instance>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Instance {
    pub instance_id: String,
    pub subnet_id: Option<String>,
    pub vpc_id: Option<String>,
    pub private_ip_address: Option<String>,
    pub public_ip_address: Option<String>,
    pub security_groups: Vec<GroupRef>,
    pub state: Option<InstanceState>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceState {
    pub name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DhcpOptions {
    pub dhcp_options_id: String,
    pub dhcp_configurations: Vec<DhcpConfiguration>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DhcpConfiguration {
    pub key: String,
    pub values: Vec<DhcpValue>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DhcpValue {
    pub value: String,
}

/// `describe-transit-gateway-attachments`: which VPC (or VPN) a transit gateway reaches.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TgwAttachment {
    pub transit_gateway_id: String,
    pub resource_type: String,
    pub resource_id: String,
    pub state: String,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VpnGateway {
    pub vpn_gateway_id: String,
    pub vpc_attachments: Vec<IgwAttachment>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PeeringConnection {
    pub vpc_peering_connection_id: String,
    pub requester_vpc_info: PeerVpc,
    pub accepter_vpc_info: PeerVpc,
    pub status: Option<PeeringStatus>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PeerVpc {
    pub vpc_id: String,
    pub cidr_block: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PeeringStatus {
    pub code: String,
}
