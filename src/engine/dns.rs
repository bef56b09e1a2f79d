//! Which answer the endpoint name gets (domain.md §2.2).

use super::codes::Code;
use super::{Block, Ctx, DnsAnswer, DnsVia, Finding, Level, Place, Trace, name};
use crate::model::{Component, ComponentKind, KindName, Vpc};

fn vpc_props(c: &Component) -> Option<&Vpc> {
    match &c.kind {
        ComponentKind::Vpc(v) => Some(v),
        _ => None,
    }
}

/// The addresses of an answer, for sentences.
pub(super) fn answer_ips<'c>(ctx: &'c Ctx<'_>, answer: DnsAnswer) -> &'c str {
    match answer {
        DnsAnswer::NlbPublicIps => &ctx.nlb_ips_text,
        DnsAnswer::EniPrivateIps => &ctx.eni_ips_text,
    }
}

/// Resolves the endpoint name for `src`, recording the DNS step and warnings.
pub(super) fn resolve(
    ctx: &Ctx<'_>,
    src: &Component,
    who: &str,
    place: Place<'_>,
    trace: &mut Trace,
) -> Result<(DnsVia, DnsAnswer), Block> {
    let cluster = &ctx.cluster;
    let cv = ctx.cluster_vpc.and_then(vpc_props);
    let missing: Vec<&str> = match cv {
        Some(v) => [
            (!v.dns_support, "DNS resolution"),
            (!v.dns_hostnames, "DNS hostnames"),
            (!v.amazon_provided_dns, "AmazonProvidedDNS"),
        ]
        .iter()
        .filter(|(off, _)| *off)
        .map(|(_, n)| *n)
        .collect(),
        None => vec!["a cluster VPC"],
    };
    let phz_ok = cluster.endpoint_private_access && missing.is_empty();
    let is_node = src.kind.name() == KindName::Node;
    let own_vpc = match place {
        Place::Vpc { vpc, .. } => Some(vpc),
        _ => None,
    };
    if is_node
        && let Some(vpc) = own_vpc
        && let Some(v) = vpc_props(vpc)
    {
        if !v.dns_support {
            return Err(Block::new(
                Code::NodeRequiresVpcDns,
                Some(&vpc.id),
                format!(
                    "Nodes can't register: VPC {} has DNS resolution (enableDnsSupport) off, so {who} cannot resolve the cluster endpoint",
                    vpc.id
                ),
            )
            .fixed(
                format!("turn on DNS resolution and DNS hostnames in VPC {}", vpc.id),
                Some(super::FixEdit::TurnOnVpcDns {
                    vpc: vpc.id.clone(),
                }),
            ));
        }
        if !v.dns_hostnames {
            trace.warn(Finding::new(
                Level::Warning,
                Code::WVpcDnsHostnamesOff,
                Some(&vpc.id),
                format!(
                    "VPC {} has DNS hostnames off: AWS lists it as required for nodes, and the private hosted zone is ignored",
                    vpc.id
                ),
            ).with_fix(format!("turn on DNS hostnames in VPC {}", vpc.id))
            .with_edit(super::FixEdit::TurnOnVpcDns { vpc: vpc.id.clone() }));
        }
    }
    let in_cluster_vpc = own_vpc.is_some_and(|v| ctx.cluster_vpc.is_some_and(|c| c.id == v.id));
    if let Some(vpc) = own_vpc
        && let Some(v) = vpc_props(vpc)
        && !v.dns_support
        && v.amazon_provided_dns
    {
        return Err(Block::new(
            Code::DnsVpcResolverDisabled,
            Some(&vpc.id),
            format!(
                "VPC {} has DNS resolution off, so {} cannot resolve the cluster endpoint",
                vpc.id, src.id
            ),
        )
        .fixed(
            format!("turn on DNS resolution in VPC {}", vpc.id),
            Some(super::FixEdit::TurnOnVpcDns {
                vpc: vpc.id.clone(),
            }),
        ));
    }
    let eni_ips = answer_ips(ctx, DnsAnswer::EniPrivateIps);
    // How the public answer is reached: a lookup, or a query forwarded to the VPC.
    let mut answer = format!("{who} looks up the endpoint name; public DNS answers with");
    if in_cluster_vpc {
        if phz_ok {
            trace.step(
                Some(src),
                format!(
                    "{who} asks the VPC resolver for the endpoint name; the private hosted zone answers with the EKS-owned ENI addresses{eni_ips}."
                ),
            );
            return Ok((DnsVia::PrivateHostedZone, DnsAnswer::EniPrivateIps));
        }
        if cluster.endpoint_private_access {
            trace.warn(
                Finding::new(
                    Level::Warning,
                    Code::DnsPhzNotApplied,
                    ctx.cluster_vpc.map(|v| v.id.as_str()),
                    format!(
                        "The EKS private hosted zone is ignored because {} is off in the cluster VPC; hosts there get the public DNS answer",
                        missing.join(" and "),
                    ),
                )
                .with_fix("turn on DNS resolution and DNS hostnames and use AmazonProvidedDNS (or forward the cluster domain to it)")
                .with_edits(ctx.cluster_vpc.map(|v| super::FixEdit::TurnOnVpcDns { vpc: v.id.clone() })),
            );
        }
    } else if let ComponentKind::Client(cl) = &src.kind
        && cl.dns_forwards_to_cluster_vpc
        && cluster.endpoint_private_access
        && !phz_ok
    {
        // Forwarded to a resolver that cannot answer from the private hosted zone.
        if let Some(vpc) = ctx.cluster_vpc
            && cv.is_some_and(|v| !v.dns_support)
        {
            return Err(Block::new(
                Code::DnsVpcResolverDisabled,
                Some(&vpc.id),
                format!(
                    "{who} forwards the query to the resolver of VPC {}, but the VPC has DNS resolution off, so the resolver does not answer",
                    vpc.id
                ),
            )
            .fixed(
                format!("turn on DNS resolution in VPC {}", vpc.id),
                Some(super::FixEdit::TurnOnVpcDns {
                    vpc: vpc.id.clone(),
                }),
            ));
        }
        let why = if cv.is_some() {
            format!("{} off", missing.join(" and "))
        } else {
            "the design has no cluster VPC".to_owned()
        };
        answer = format!(
            "{who} forwards the query to the cluster VPC's resolver; as the private hosted zone does not apply there ({why}), it gives the public answer (inferred):"
        );
    } else if phz_ok
        && let ComponentKind::Client(cl) = &src.kind
        && cl.dns_forwards_to_cluster_vpc
    {
        trace.step(
            Some(src),
            format!(
                "{who} forwards the query to the cluster VPC's resolver (Route 53 Resolver inbound endpoint); the private hosted zone answers with the EKS-owned ENI addresses{eni_ips}."
            ),
        );
        return Ok((DnsVia::Forwarded, DnsAnswer::EniPrivateIps));
    }
    // In the cluster VPC with the private hosted zone not applied, the public answer is
    // what the VPC's DNS servers are assumed to give.
    let assumed = if in_cluster_vpc && cluster.endpoint_private_access && !phz_ok {
        " (the private hosted zone does not apply, so the VPC's DNS servers are assumed to give the public answer; inferred)"
    } else {
        ""
    };
    if cluster.endpoint_public_access {
        let nlb_ips = answer_ips(ctx, DnsAnswer::NlbPublicIps);
        trace.step(
            Some(src),
            format!("{answer} the public NLB's addresses{nlb_ips}{assumed}."),
        );
        return Ok((DnsVia::PublicDns, DnsAnswer::NlbPublicIps));
    }
    if !cluster.legacy_no_public_private_record {
        trace.step(
            Some(src),
            format!(
                "{answer} the EKS-owned ENIs' private addresses{eni_ips}, as it does for private-only clusters."
            ),
        );
        return Ok((DnsVia::PublicDns, DnsAnswer::EniPrivateIps));
    }
    Err(Block::new(
        Code::DnsNoPublicRecord,
        Some(&src.id),
        format!(
            "This private-only cluster has no public DNS record for its private IPs, so {} cannot resolve the endpoint",
            name(src)
        ),
    )
    .fixed(
        "toggle public access on and then off once (or update the cluster), so that EKS writes the public record of the private IPs; or forward the cluster domain to the VPC resolver",
        Some(super::FixEdit::WritePublicRecord),
    ))
}
