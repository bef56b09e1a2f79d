//! Which answer the endpoint name gets (domain.md §2.2).

use super::codes::Code;
use super::{Block, Ctx, DnsAnswer, DnsVia, Finding, Level, Place, Trace};
use crate::i18n::Msg;
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
    who: &Msg,
    place: Place<'_>,
    trace: &mut Trace,
) -> Result<(DnsVia, DnsAnswer), Block> {
    let cluster = &ctx.cluster;
    let cv = ctx.cluster_vpc.and_then(vpc_props);
    // The VPC DNS settings that keep the private hosted zone from applying.
    let missing: Vec<&'static str> = match cv {
        Some(v) => [
            (!v.dns_support, "part-dns-resolution"),
            (!v.dns_hostnames, "part-dns-hostnames"),
            (!v.amazon_provided_dns, "part-amazon-provided-dns"),
        ]
        .iter()
        .filter(|(off, _)| *off)
        .map(|(_, n)| *n)
        .collect(),
        None => vec!["part-a-cluster-vpc"],
    };
    let missing_msg = || {
        missing
            .iter()
            .map(|k| Msg::new(k))
            .reduce(|a, b| crate::msg!("part-and", a = a, b = b))
            .unwrap_or_else(|| crate::msg!("nothing"))
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
                crate::msg!("reason-node-vpc-dns-off", vpc = &vpc.id, who = who.clone()),
            )
            .fixed(
                crate::msg!("fix-turn-on-vpc-dns", vpc = &vpc.id),
                Some(super::FixEdit::TurnOnVpcDns {
                    vpc: vpc.id.clone(),
                }),
            ));
        }
        if !v.dns_hostnames {
            trace.warn(
                Finding::new(
                    Level::Warning,
                    Code::WVpcDnsHostnamesOff,
                    Some(&vpc.id),
                    crate::msg!("warn-vpc-dns-hostnames-off", vpc = &vpc.id),
                )
                .with_fix(crate::msg!("fix-turn-on-dns-hostnames", vpc = &vpc.id))
                .with_edit(super::FixEdit::TurnOnVpcDns {
                    vpc: vpc.id.clone(),
                }),
            );
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
            crate::msg!("reason-vpc-dns-off", vpc = &vpc.id, src = &src.id),
        )
        .fixed(
            crate::msg!("fix-turn-on-dns-resolution", vpc = &vpc.id),
            Some(super::FixEdit::TurnOnVpcDns {
                vpc: vpc.id.clone(),
            }),
        ));
    }
    let eni_ips = answer_ips(ctx, DnsAnswer::EniPrivateIps);
    // How the public answer is reached: a lookup, or a query forwarded to the VPC (with why
    // the private hosted zone does not apply there).
    let mut forwarded: Option<Msg> = None;
    if in_cluster_vpc {
        if phz_ok {
            trace.step(
                Some(src),
                crate::msg!("step-phz-answers", who = who.clone(), ips = eni_ips),
            );
            return Ok((DnsVia::PrivateHostedZone, DnsAnswer::EniPrivateIps));
        }
        if cluster.endpoint_private_access {
            trace.warn(
                Finding::new(
                    Level::Warning,
                    Code::DnsPhzNotApplied,
                    ctx.cluster_vpc.map(|v| v.id.as_str()),
                    crate::msg!("warn-phz-ignored", missing = missing_msg()),
                )
                .with_fix(crate::msg!("fix-phz-ignored"))
                .with_edits(
                    ctx.cluster_vpc
                        .map(|v| super::FixEdit::TurnOnVpcDns { vpc: v.id.clone() }),
                ),
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
                crate::msg!(
                    "reason-forwarded-resolver-off",
                    who = who.clone(),
                    vpc = &vpc.id
                ),
            )
            .fixed(
                crate::msg!("fix-turn-on-dns-resolution", vpc = &vpc.id),
                Some(super::FixEdit::TurnOnVpcDns {
                    vpc: vpc.id.clone(),
                }),
            ));
        }
        forwarded = Some(if cv.is_some() {
            crate::msg!("part-settings-off", missing = missing_msg())
        } else {
            crate::msg!("part-no-cluster-vpc")
        });
    } else if phz_ok
        && let ComponentKind::Client(cl) = &src.kind
        && cl.dns_forwards_to_cluster_vpc
    {
        trace.step(
            Some(src),
            crate::msg!(
                "step-phz-answers-forwarded",
                who = who.clone(),
                ips = eni_ips
            ),
        );
        return Ok((DnsVia::Forwarded, DnsAnswer::EniPrivateIps));
    }
    // In the cluster VPC with the private hosted zone not applied, the public answer is
    // what the VPC's DNS servers are assumed to give.
    let assumed = if in_cluster_vpc && cluster.endpoint_private_access && !phz_ok {
        crate::msg!("part-vpc-dns-assumed-public")
    } else {
        crate::msg!("nothing")
    };
    // The lead-in of the public answer: a lookup, or a forwarded query with why.
    let (via, why) = match forwarded {
        Some(why) => ("forwarded", why),
        None => ("lookup", crate::msg!("nothing")),
    };
    if cluster.endpoint_public_access {
        let nlb_ips = answer_ips(ctx, DnsAnswer::NlbPublicIps);
        trace.step(
            Some(src),
            crate::msg!(
                "step-public-dns-nlb",
                via = via,
                who = who.clone(),
                why = why,
                ips = nlb_ips,
                assumed = assumed
            ),
        );
        return Ok((DnsVia::PublicDns, DnsAnswer::NlbPublicIps));
    }
    if !cluster.legacy_no_public_private_record {
        trace.step(
            Some(src),
            crate::msg!(
                "step-public-dns-eni",
                via = via,
                who = who.clone(),
                why = why,
                ips = eni_ips
            ),
        );
        return Ok((DnsVia::PublicDns, DnsAnswer::EniPrivateIps));
    }
    Err(Block::new(
        Code::DnsNoPublicRecord,
        Some(&src.id),
        crate::msg!(
            "reason-dns-no-public-record",
            src = crate::i18n::words::named(src)
        ),
    )
    .fixed(
        crate::msg!("fix-write-public-record"),
        Some(super::FixEdit::WritePublicRecord),
    ))
}
