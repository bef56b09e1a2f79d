//! What every importer reads its input into: the AWS resources in the shapes of the AWS
//! CLI's `describe-*` output (the richest of the inputs), plus where they came from. One
//! mapping (`build.rs`) turns a bundle into a design, so the four inputs agree.

use std::collections::{BTreeSet, HashMap};

use super::aws_shapes as aws;
use super::{ImportNote, NoteKind};
use crate::i18n::Msg;

/// Everything the files hold, merged.
#[derive(Default)]
pub(super) struct Bundle {
    pub origin: Origin,
    pub cluster: Option<aws::EksCluster>,
    pub nodegroups: Vec<aws::NodeGroup>,
    pub vpcs: Vec<aws::Vpc>,
    pub subnets: Vec<aws::Subnet>,
    pub route_tables: Vec<aws::RouteTable>,
    pub security_groups: Vec<aws::SecurityGroup>,
    pub network_acls: Vec<aws::NetworkAcl>,
    pub nat_gateways: Vec<aws::NatGateway>,
    pub internet_gateways: Vec<aws::InternetGateway>,
    /// `None` when no input lists interfaces (then the EKS ENIs are made up).
    pub network_interfaces: Option<Vec<aws::NetworkInterface>>,
    pub vpc_endpoints: Vec<aws::VpcEndpoint>,
    /// `None` when no input lists instances (then nodes are made up from node groups).
    pub instances: Option<Vec<aws::Instance>>,
    pub dhcp_options: Option<Vec<aws::DhcpOptions>>,
    pub tgw_attachments: Vec<aws::TgwAttachment>,
    pub vpn_gateways: Vec<aws::VpnGateway>,
    pub peerings: Vec<aws::PeeringConnection>,
    pub dns_support: HashMap<String, bool>,
    pub dns_hostnames: HashMap<String, bool>,
    /// The `source` of each resource whose id is not its source (a Terraform address, a
    /// logical id); resources with AWS ids are their own source.
    pub sources: HashMap<String, String>,
    /// What the reader already had to assume or leave out.
    pub notes: Notes,
}

impl Bundle {
    /// Keeps the first record of each id, and none without one: the same resource read
    /// twice (a folder and one of its files, a data source and the resource) counts once.
    pub fn dedup(&mut self) {
        dedup(&mut self.vpcs, |x| &x.vpc_id);
        dedup(&mut self.subnets, |x| &x.subnet_id);
        dedup(&mut self.route_tables, |x| &x.route_table_id);
        dedup(&mut self.security_groups, |x| &x.group_id);
        dedup(&mut self.network_acls, |x| &x.network_acl_id);
        dedup(&mut self.nat_gateways, |x| &x.nat_gateway_id);
        dedup(&mut self.internet_gateways, |x| &x.internet_gateway_id);
        dedup(&mut self.nodegroups, |x| &x.nodegroup_name);
        if let Some(list) = &mut self.network_interfaces {
            dedup(list, |x| &x.network_interface_id);
        }
        if let Some(list) = &mut self.instances {
            dedup(list, |x| &x.instance_id);
        }
        if let Some(list) = &mut self.dhcp_options {
            dedup(list, |x| &x.dhcp_options_id);
        }
    }
}

/// Keeps the first record of each id, and none without one.
fn dedup<T>(list: &mut Vec<T>, id: impl Fn(&T) -> &String) {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    list.retain(|x| {
        let id = id(x);
        !id.is_empty() && seen.insert(id.clone())
    });
}

/// Which input a bundle was read from: it words the notes and errors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Origin {
    #[default]
    AwsCli,
    TerraformState,
    TerraformPlan,
    Eksctl,
    CloudFormation,
}

impl Origin {
    /// "the AWS CLI output", as in "subnet-1 is not in the AWS CLI output".
    pub fn name(self) -> Msg {
        Msg::new(match self {
            Origin::AwsCli => "imp-origin-aws",
            Origin::TerraformState => "imp-origin-tf-state",
            Origin::TerraformPlan => "imp-origin-tf-plan",
            Origin::Eksctl => "imp-origin-eksctl",
            Origin::CloudFormation => "imp-origin-cfn",
        })
    }

    /// How to add a missing kind of resource, for the AWS CLI the command that lists it
    /// (`command` is the command without `aws`), else nothing: written after a sentence.
    pub fn add(self, command: &str) -> Option<Msg> {
        match self {
            Origin::AwsCli => Some(crate::msg!("imp-add-output", command = command)),
            Origin::TerraformState
            | Origin::TerraformPlan
            | Origin::Eksctl
            | Origin::CloudFormation => None,
        }
    }
}

/// The notes of one import, gathered as it goes.
#[derive(Default)]
pub(super) struct Notes(pub Vec<ImportNote>);

impl Notes {
    pub fn add(&mut self, kind: NoteKind, text: impl Into<Msg>) {
        let text = text.into();
        if !self.0.iter().any(|n| n.kind == kind && n.text == text) {
            self.0.push(ImportNote { kind, text });
        }
    }
}
