//! AWS CLI `describe-*` JSON into a bundle (docs/import.md §1): each file is recognised by
//! its keys, several outputs may share a file, and the same output given twice is read once.

use super::aws_shapes::Doc;
use super::bundle::{Bundle, Notes, Origin};
use super::{ImportError, Imported, Input, NoteKind};
use crate::msg;

/// Imports a describe-* bundle.
pub(super) fn import(inputs: &[Input]) -> Result<Imported, ImportError> {
    let mut b = parse(inputs)?;
    let mut notes = Notes::default();
    for file in &b.paged {
        notes.add(NoteKind::Dropped, msg!("imp-paged", file = file));
    }
    b.bundle.notes = notes;
    super::build::build(b.bundle)
}

/// The bundle, and the files that were one page of a longer list.
struct Parsed {
    bundle: Bundle,
    paged: Vec<String>,
}

fn parse(inputs: &[Input]) -> Result<Parsed, ImportError> {
    let mut p = Parsed {
        bundle: Bundle {
            origin: Origin::AwsCli,
            ..Bundle::default()
        },
        paged: Vec::new(),
    };
    let b = &mut p.bundle;
    for input in inputs {
        let mut any = false;
        let stream = serde_json::Deserializer::from_str(&input.text).into_iter::<Doc>();
        for doc in stream {
            let doc = doc.map_err(|e| super::json_syntax(input, &e))?;
            if doc.is_empty() {
                continue;
            }
            any = true;
            if doc.next_token.is_some() {
                p.paged.push(input.path.display().to_string());
            }
            merge(b, doc);
        }
        if !any {
            return Err(ImportError::NotRecognised {
                path: input.path.clone(),
                message: msg!(
                    "imp-err-not-aws",
                    keys = "cluster, nodegroup, Vpcs, Subnets, RouteTables, SecurityGroups, \
                            NetworkAcls, NatGateways, InternetGateways, NetworkInterfaces, \
                            Reservations, DhcpOptions, TransitGatewayAttachments, VpnGateways, \
                            VpcPeeringConnections, EnableDnsSupport, EnableDnsHostnames"
                ),
            });
        }
    }
    // The same output given twice (a folder and one of its files, overlapping pages) is
    // read once.
    b.dedup();
    Ok(p)
}

fn merge(b: &mut Bundle, doc: Doc) {
    if doc.cluster.is_some() {
        b.cluster = doc.cluster;
    }
    b.nodegroups.extend(doc.nodegroup);
    b.vpcs.extend(doc.vpcs.unwrap_or_default());
    b.subnets.extend(doc.subnets.unwrap_or_default());
    b.route_tables.extend(doc.route_tables.unwrap_or_default());
    b.security_groups
        .extend(doc.security_groups.unwrap_or_default());
    b.network_acls.extend(doc.network_acls.unwrap_or_default());
    b.nat_gateways.extend(doc.nat_gateways.unwrap_or_default());
    b.internet_gateways
        .extend(doc.internet_gateways.unwrap_or_default());
    if let Some(list) = doc.network_interfaces {
        b.network_interfaces.get_or_insert_default().extend(list);
    }
    b.vpc_endpoints
        .extend(doc.vpc_endpoints.unwrap_or_default());
    if let Some(res) = doc.reservations {
        let all = b.instances.get_or_insert_default();
        for r in res {
            all.extend(r.instances);
        }
    }
    b.tgw_attachments
        .extend(doc.transit_gateway_attachments.unwrap_or_default());
    b.vpn_gateways.extend(doc.vpn_gateways.unwrap_or_default());
    b.peerings
        .extend(doc.vpc_peering_connections.unwrap_or_default());
    if let Some(list) = doc.dhcp_options {
        b.dhcp_options.get_or_insert_default().extend(list);
    }
    let vpc = doc.vpc_id.unwrap_or_default();
    if let Some(v) = doc.enable_dns_support {
        b.dns_support.insert(vpc.clone(), v.value);
    }
    if let Some(v) = doc.enable_dns_hostnames {
        b.dns_hostnames.insert(vpc, v.value);
    }
}
