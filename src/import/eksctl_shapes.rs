//! The parts of an eksctl `ClusterConfig` (apiVersion `eksctl.io/v1alpha5`) that decide the
//! network, as eksctl's own types name them (docs/import.md §3.1). Lenient: unknown keys are
//! ignored, every field has a default.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClusterConfig {
    pub api_version: String,
    pub kind: String,
    pub metadata: Metadata,
    pub availability_zones: Vec<String>,
    pub kubernetes_network_config: Option<NetworkConfig>,
    pub vpc: VpcConfig,
    pub private_cluster: PrivateCluster,
    pub managed_node_groups: Vec<NodeGroup>,
    pub node_groups: Vec<NodeGroup>,
    pub remote_network_config: Option<serde::de::IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Metadata {
    pub name: String,
    pub region: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NetworkConfig {
    pub ip_family: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VpcConfig {
    pub id: Option<String>,
    pub cidr: Option<String>,
    pub ipv6_cidr: Option<String>,
    pub security_group: Option<String>,
    pub subnets: Option<SubnetTiers>,
    #[serde(rename = "extraCIDRs")]
    pub extra_cidrs: Vec<String>,
    #[serde(rename = "extraIPv6CIDRs")]
    pub extra_ipv6_cidrs: Vec<String>,
    pub shared_node_security_group: Option<String>,
    pub nat: Option<Nat>,
    pub cluster_endpoints: Option<Endpoints>,
    #[serde(rename = "publicAccessCIDRs")]
    pub public_access_cidrs: Vec<String>,
    #[serde(rename = "controlPlaneSubnetIDs")]
    pub control_plane_subnet_ids: Vec<String>,
    pub control_plane_on_private_subnets: bool,
    #[serde(rename = "controlPlaneSecurityGroupIDs")]
    pub control_plane_security_group_ids: Vec<String>,
    pub control_plane_egress_mode: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubnetTiers {
    pub public: Ordered<SubnetSpec>,
    pub private: Ordered<SubnetSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubnetSpec {
    pub id: Option<String>,
    pub az: Option<String>,
    pub cidr: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Nat {
    pub gateway: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Endpoints {
    pub public_access: Option<bool>,
    pub private_access: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PrivateCluster {
    pub enabled: bool,
    pub skip_endpoint_creation: bool,
    pub additional_endpoint_services: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NodeGroup {
    pub name: String,
    pub availability_zones: Vec<String>,
    pub subnets: Vec<String>,
    pub desired_capacity: Option<u32>,
    pub private_networking: bool,
    pub security_groups: Option<NodeSecurityGroups>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NodeSecurityGroups {
    #[serde(rename = "attachIDs")]
    pub attach_ids: Vec<String>,
    pub with_shared: Option<bool>,
    pub with_local: Option<bool>,
}

/// A YAML mapping read in the order it is written (eksctl numbers subnets in that order).
#[derive(Debug)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Ordered(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, T>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}
