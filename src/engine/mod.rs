//! The path engine: for every flow, whether it gets through, by which hops, and whether it
//! crosses the internet (domain.md §2). Pure and deterministic: no UI, no I/O, no clock.
#![warn(missing_docs)]

pub mod codes;
pub mod diff;
pub mod diff_design;
pub mod diff_report;
mod dns;
pub mod fix;
mod kubelet;
mod path;
pub mod policy;
pub mod policy_report;
pub mod report;
pub mod sarif;
mod security;
mod transit;

use std::net::Ipv4Addr;

use compact_str::CompactString;
use serde::Serialize;

use crate::i18n::Msg;
use crate::msg;

use crate::model::{
    Cluster, Component, ComponentKind, ConnectionKind, Design, DesignIndex, EndpointMode, KindName,
    net,
};
pub use codes::{Basis, Code};
pub use fix::FixEdit;

/// The three flows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowKind {
    /// A kubectl user to the API server (TCP 443).
    KubectlToApi,
    /// The API server to a node's kubelet (TCP 10250).
    ApiToKubelet,
    /// A node's kubelet to the API server (TCP 443).
    KubeletToApi,
}

impl FlowKind {
    /// All flows, in display order.
    pub const ALL: [FlowKind; 3] = [
        FlowKind::KubectlToApi,
        FlowKind::ApiToKubelet,
        FlowKind::KubeletToApi,
    ];

    /// A human label.
    pub const fn human(self) -> &'static str {
        match self {
            FlowKind::KubectlToApi => "kubectl → API",
            FlowKind::ApiToKubelet => "API → kubelet",
            FlowKind::KubeletToApi => "kubelet → API",
        }
    }

    /// The JSON spelling.
    pub const fn json_name(self) -> &'static str {
        match self {
            FlowKind::KubectlToApi => "kubectl_to_api",
            FlowKind::ApiToKubelet => "api_to_kubelet",
            FlowKind::KubeletToApi => "kubelet_to_api",
        }
    }
}

/// How exposed a reachable path is (domain.md §2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// Stays in the customer VPC, the EKS-owned ENIs or private connected networks.
    None,
    /// Leaves an AWS VPC through an IGW or NAT to the public endpoint (stays on Amazon's network).
    AwsPublic,
    /// Comes from the internet or through corporate internet egress.
    Internet,
}

impl Exposure {
    /// The JSON spelling.
    pub const fn json_name(self) -> &'static str {
        match self {
            Exposure::None => "none",
            Exposure::AwsPublic => "aws_public",
            Exposure::Internet => "internet",
        }
    }
}

/// Who answered the endpoint name lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsVia {
    /// Public DNS.
    PublicDns,
    /// The cluster VPC's private hosted zone, through the VPC resolver.
    PrivateHostedZone,
    /// The private hosted zone, through DNS forwarding to the cluster VPC's resolver.
    Forwarded,
}

impl DnsVia {
    /// The JSON spelling.
    pub const fn json_name(self) -> &'static str {
        match self {
            DnsVia::PublicDns => "public_dns",
            DnsVia::PrivateHostedZone => "private_hosted_zone",
            DnsVia::Forwarded => "forwarded",
        }
    }
}

/// What the endpoint name resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsAnswer {
    /// The public NLB's public IPs.
    NlbPublicIps,
    /// The EKS-owned ENIs' private IPs.
    EniPrivateIps,
}

/// Severity of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A configuration EKS rejects.
    Error,
    /// Works, but worth a look.
    Warning,
}

/// A configuration error or warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub level: Level,
    /// The code, e.g. `W_PUBLIC_OPEN`.
    pub code: Code,
    /// The component concerned, if any.
    pub component: Option<String>,
    /// One sentence.
    pub message: Msg,
    /// The smallest fix, when there is an obvious one.
    pub fix: Option<Msg>,
    /// The fix as an edit of the design, when it is one.
    pub fix_edit: Option<FixEdit>,
    /// Documented or inferred.
    pub basis: Basis,
}

impl Finding {
    fn new(level: Level, code: Code, component: Option<&str>, message: impl Into<Msg>) -> Self {
        Self {
            level,
            code,
            component: component.map(str::to_owned),
            message: code.with_basis_note(message.into()),
            fix: None,
            fix_edit: None,
            basis: code.basis(),
        }
    }

    fn with_fix(mut self, fix: impl Into<Msg>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    fn with_edit(self, edit: FixEdit) -> Self {
        self.with_edits(Some(edit))
    }

    fn with_edits(mut self, edit: Option<FixEdit>) -> Self {
        self.fix_edit = edit;
        self
    }
}

/// One component a flow passes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// Component id (ids are short: kept inline, without an allocation per hop).
    pub id: CompactString,
    /// Component kind as spelled in design files.
    pub kind: KindName,
    /// The security group and network ACL rules that let the traffic through here.
    pub rules: Vec<String>,
    /// Where the component came from (an AWS id, a Terraform address…), if the design says.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// One numbered step of a flow's explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The sentence.
    pub text: Msg,
    /// The component the step is about.
    pub component: Option<CompactString>,
}

/// The verdict on one flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowResult {
    /// Which flow.
    pub flow: FlowKind,
    /// Source component id (client, node or API server).
    pub source: CompactString,
    /// Target component id (API server or node); empty when the design has no API server.
    pub target: CompactString,
    /// The TCP port dialled: 443 to the API server; 10250 (kubelet) or a webhook port of
    /// the node for API server → kubelet, one flow per port.
    pub port: u16,
    /// True when the traffic gets through.
    pub reachable: bool,
    /// Exposure of a reachable path.
    pub exposure: Option<Exposure>,
    /// Who answered the DNS lookup (flows to the API only).
    pub dns: Option<DnsVia>,
    /// What the DNS lookup returned.
    pub dns_answer: Option<DnsAnswer>,
    /// The explanation code of an unreachable flow.
    pub code: Option<Code>,
    /// The first blocking component.
    pub blocked_at: Option<String>,
    /// One sentence: why it works or why not.
    pub reason: Msg,
    /// The smallest change that would unblock the flow, when there is an obvious one.
    pub fix: Option<Msg>,
    /// The same change as an edit of the design, when it is one.
    pub fix_edit: Option<FixEdit>,
    /// Components passed, source to target.
    pub hops: Vec<Hop>,
    /// The numbered explanation.
    pub steps: Vec<Step>,
    /// Warnings about this flow.
    pub warnings: Vec<Finding>,
}

impl FlowResult {
    /// True when the path is reachable and leaves private networks.
    pub fn exposed(&self) -> bool {
        self.reachable && self.exposure.is_some_and(|e| e != Exposure::None)
    }
}

/// The whole analysis of a design in one mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The mode analysed, or `None` when both endpoints are off.
    pub mode: Option<EndpointMode>,
    /// Flows: kubectl → API per client, then API → kubelet and kubelet → API per node.
    pub flows: Vec<FlowResult>,
    /// Configuration and path warnings, deduplicated, in order of discovery.
    pub warnings: Vec<Finding>,
    /// Configuration errors that EKS would reject.
    pub errors: Vec<Finding>,
}

/// Why a path stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub code: Code,
    pub at: Option<String>,
    pub reason: Msg,
    pub fix: Option<Msg>,
    /// Boxed: blocks travel in `Err`s, which stay small.
    pub edit: Option<Box<FixEdit>>,
}

impl Block {
    pub(crate) fn new(code: Code, at: Option<&str>, reason: impl Into<Msg>) -> Self {
        Self {
            code,
            at: at.map(str::to_owned),
            reason: code.with_basis_note(reason.into()),
            fix: None,
            edit: None,
        }
    }

    /// The fix, as a sentence and, when it is an edit of the design, as data.
    pub(crate) fn fixed(mut self, fix: impl Into<Msg>, edit: Option<FixEdit>) -> Self {
        self.fix = Some(fix.into());
        self.edit = edit.map(Box::new);
        self
    }
}

/// Where a source sits.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place<'a> {
    /// In a subnet of a VPC.
    Vpc {
        vpc: &'a Component,
        subnet: &'a Component,
        ip: Option<Ipv4Addr>,
        public_ip: Option<Ipv4Addr>,
        /// No public IP written, but the subnet auto-assigns one at launch
        /// (`map_public_ip_on_launch`): it has one, address unknown.
        auto_public: bool,
    },
    /// On the internet.
    Internet { public_ip: Option<Ipv4Addr> },
    /// In an on-premises network.
    OnPrem {
        net: &'a Component,
        ip: Option<Ipv4Addr>,
    },
}

/// The maps the flows look ids up in, with the design index's fast hasher.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, crate::model::design::FastIds>;

/// Everything the flows share.
pub(crate) struct Ctx<'a> {
    pub ix: DesignIndex<'a>,
    pub cluster: Cluster,
    pub cluster_vpc: Option<&'a Component>,
    pub enis: Vec<&'a Component>,
    /// The first ENI (in design order) of each subnet, by subnet id.
    pub eni_by_subnet: Map<&'a str, &'a Component>,
    /// The first ENI (in design order) of each availability zone, by zone name.
    pub eni_by_az: Map<&'a str, &'a Component>,
    pub api: Option<&'a Component>,
    pub nlb: Option<&'a Component>,
    /// Attachment connections, as pairs of ids.
    pub attachments: Vec<(&'a str, &'a str)>,
    /// Parsed CIDR blocks of every VPC and on-premises network, by id.
    pub nets: Map<&'a str, Vec<ipnet::Ipv4Net>>,
    /// Parsed routes of every subnet and on-premises network, by id.
    pub routes: Map<&'a str, Vec<(ipnet::Ipv4Net, &'a crate::model::Route)>>,
    /// The NLB's addresses as text, for sentences.
    pub nlb_ips_text: String,
    /// The ENIs' addresses as text, for sentences.
    pub eni_ips_text: String,
    /// Security groups by id, including the default cluster security group when the design
    /// does not define it.
    pub sgs: Map<String, security::PreparedSg>,
    /// Network ACLs by id.
    pub acls: Map<&'a str, &'a crate::model::NetworkAcl>,
    /// The cluster security group's id.
    pub design_cluster_sg: &'a str,
    /// The additional security groups on the ENIs.
    pub design_extra_sgs: Vec<&'a str>,
}

/// The trace of one flow being walked.
#[derive(Default)]
pub(crate) struct Trace {
    pub hops: Vec<Hop>,
    pub steps: Vec<Step>,
    pub warnings: Vec<Finding>,
}

impl Trace {
    /// A trace with room for a usual flow (a handful of hops and steps).
    fn new() -> Self {
        Self {
            hops: Vec::with_capacity(6),
            steps: Vec::with_capacity(6),
            warnings: Vec::new(),
        }
    }
}

impl Trace {
    pub(crate) fn hop(&mut self, c: &Component) {
        if self.hops.last().is_some_and(|h| h.id == c.id) {
            return;
        }
        self.hops.push(Hop {
            id: CompactString::from(c.id.as_str()),
            kind: c.kind.name(),
            rules: Vec::new(),
            source: c.source.clone(),
        });
    }

    /// Records a rule on the last hop of component `id`.
    pub(crate) fn rule(&mut self, id: &str, rule: String) {
        if let Some(h) = self.hops.iter_mut().rev().find(|h| h.id == id)
            && !h.rules.contains(&rule)
        {
            h.rules.push(rule);
        }
    }

    pub(crate) fn step(&mut self, component: Option<&Component>, text: impl Into<Msg>) {
        self.steps.push(Step {
            text: text.into(),
            component: component.map(|c| CompactString::from(c.id.as_str())),
        });
    }

    pub(crate) fn warn(&mut self, f: Finding) {
        if !self.warnings.contains(&f) {
            self.warnings.push(f);
        }
    }
}

/// Parses an optional address, ignoring bad text (validation reports it).
pub(crate) fn ip(text: Option<&str>) -> Option<Ipv4Addr> {
    text.and_then(|t| net::parse_ip_v4(t).ok())
}

impl<'a> Ctx<'a> {
    fn new(design: &'a Design, cluster: Cluster) -> Self {
        let ix = DesignIndex::new(design);
        let enis: Vec<&Component> = design.of_kind(KindName::EksEni).collect();
        let cluster_vpc = enis
            .iter()
            .find_map(|e| ix.ancestor_of_kind(e, KindName::Vpc))
            .or_else(|| {
                cluster
                    .subnet_ids
                    .iter()
                    .filter_map(|s| ix.get(s))
                    .find_map(|s| ix.ancestor_of_kind(s, KindName::Vpc))
            })
            .or_else(|| design.of_kind(KindName::Vpc).next());
        let attachments = design
            .connections
            .iter()
            .filter(|c| c.kind == ConnectionKind::Attachment)
            .map(|c| (c.from.as_str(), c.to.as_str()))
            .collect();
        let mut nets = Map::default();
        let mut routes = Map::default();
        let parse_all = |list: &[String]| -> Vec<ipnet::Ipv4Net> {
            list.iter()
                .filter_map(|b| net::parse_cidr_v4(b).ok())
                .collect()
        };
        let parse_routes = |list: &'a [crate::model::Route]| {
            list.iter()
                .filter_map(|r| net::parse_cidr_v4(&r.destination).ok().map(|n| (n, r)))
                .collect::<Vec<_>>()
        };
        for c in &design.components {
            match &c.kind {
                ComponentKind::Vpc(v) => {
                    nets.insert(c.id.as_str(), parse_all(&v.cidr_blocks));
                }
                ComponentKind::OnPrem(o) => {
                    nets.insert(c.id.as_str(), parse_all(&o.cidrs));
                    routes.insert(c.id.as_str(), parse_routes(&o.routes));
                }
                ComponentKind::Subnet(s) => {
                    routes.insert(c.id.as_str(), parse_routes(&s.routes));
                }
                _ => {}
            }
        }
        let nlb = design.of_kind(KindName::Nlb).next();
        let join = |ips: Vec<String>| {
            if ips.is_empty() {
                String::new()
            } else {
                format!(" ({})", ips.join(", "))
            }
        };
        let nlb_ips_text = join(
            nlb.and_then(|n| match &n.kind {
                ComponentKind::Nlb(x) => Some(x.public_ips.clone()),
                _ => None,
            })
            .unwrap_or_default(),
        );
        let eni_ips_text = join(
            enis.iter()
                .filter_map(|e| match &e.kind {
                    ComponentKind::EksEni(x) => Some(x.private_ip.clone()),
                    _ => None,
                })
                .collect(),
        );
        let mut sgs: Map<String, security::PreparedSg> = design
            .security_groups
            .iter()
            .map(|sg| (sg.id.clone(), security::PreparedSg::new(sg)))
            .collect();
        let cluster_sg = design.cluster.cluster_security_group.as_str();
        sgs.entry(cluster_sg.to_owned()).or_insert_with(|| {
            security::PreparedSg::new(&crate::model::SecurityGroup::default_cluster(cluster_sg))
        });
        let mut eni_by_subnet = Map::default();
        let mut eni_by_az = Map::default();
        for &e in &enis {
            if let Some(p) = e.parent.as_deref() {
                eni_by_subnet.entry(p).or_insert(e);
            }
            if let Some(ComponentKind::Subnet(sub)) = ix.parent(e).map(|s| &s.kind)
                && !sub.az.is_empty()
            {
                eni_by_az.entry(sub.az.as_str()).or_insert(e);
            }
        }
        let acls = design
            .network_acls
            .iter()
            .map(|a| (a.id.as_str(), a))
            .collect();
        Self {
            sgs,
            acls,
            design_cluster_sg: cluster_sg,
            design_extra_sgs: design
                .cluster
                .security_group_ids
                .iter()
                .map(String::as_str)
                .collect(),
            nets,
            routes,
            nlb_ips_text,
            eni_ips_text,
            api: design.of_kind(KindName::ApiServer).next(),
            nlb,
            ix,
            cluster,
            cluster_vpc,
            enis,
            eni_by_subnet,
            eni_by_az,
            attachments,
        }
    }

    /// Where a client or node sits.
    pub(crate) fn place(&self, c: &'a Component) -> Place<'a> {
        let (own_ip, public_ip, written, refused) = match &c.kind {
            ComponentKind::Node(n) => (
                ip(Some(&n.private_ip)),
                ip(n.public_ip.as_deref()),
                n.public_ip.is_some(),
                n.no_public_ip,
            ),
            ComponentKind::Client(cl) => (
                ip(cl.private_ip.as_deref()),
                ip(cl.public_ip.as_deref()),
                cl.public_ip.is_some(),
                cl.no_public_ip,
            ),
            _ => (None, None, false, true),
        };
        match self.ix.parent(c) {
            Some(p) if p.kind.name() == KindName::Subnet => match self.ix.parent(p) {
                Some(vpc) => Place::Vpc {
                    vpc,
                    subnet: p,
                    ip: own_ip,
                    public_ip,
                    auto_public: !written
                        && !refused
                        && matches!(&p.kind, ComponentKind::Subnet(s) if s.map_public_ip_on_launch),
                },
                None => Place::Internet { public_ip },
            },
            Some(p) if p.kind.name() == KindName::OnPrem => Place::OnPrem { net: p, ip: own_ip },
            _ => Place::Internet { public_ip },
        }
    }

    /// The cluster subnets: `cluster.subnet_ids`, or the subnets holding EKS-owned ENIs.
    pub(crate) fn cluster_subnets(&self) -> Vec<&'a Component> {
        let mut out: Vec<&Component> = Vec::new();
        if self.cluster.subnet_ids.is_empty() {
            for e in &self.enis {
                if let Some(s) = self.ix.parent(e)
                    && !out.iter().any(|o| o.id == s.id)
                {
                    out.push(s);
                }
            }
        } else {
            for id in &self.cluster.subnet_ids {
                if let Some(s) = self.ix.get(id)
                    && !out.iter().any(|o| o.id == s.id)
                {
                    out.push(s);
                }
            }
        }
        out
    }
}

/// Analyses every flow of a design, in the design's mode or in `mode_override`.
pub fn analyze(design: &Design, mode_override: Option<EndpointMode>) -> Analysis {
    let mut cluster = design.cluster.clone();
    if let Some(mode) = mode_override {
        cluster.set_mode(mode);
    }
    let ctx = Ctx::new(design, cluster);
    let mut warnings: Vec<Finding> = Vec::new();
    let errors = config_errors(&ctx);
    config_warnings(&ctx, design, &mut warnings);
    // Every flow to run, in the order they are reported.
    let mut jobs: Vec<(FlowKind, &Component, u16)> = Vec::new();
    for client in design.of_kind(KindName::Client) {
        jobs.push((FlowKind::KubectlToApi, client, API_PORT));
    }
    for node in design.of_kind(KindName::Node) {
        let webhooks: &[u16] = match &node.kind {
            ComponentKind::Node(n) => &n.webhook_ports,
            _ => &[],
        };
        for port in std::iter::once(KUBELET_PORT).chain(webhooks.iter().copied()) {
            jobs.push((FlowKind::ApiToKubelet, node, port));
        }
        jobs.push((FlowKind::KubeletToApi, node, API_PORT));
    }
    let run = |chunk: &[(FlowKind, &Component, u16)]| -> Vec<FlowResult> {
        chunk
            .iter()
            .map(|(kind, c, port)| run_flow(&ctx, &errors, *kind, c, *port))
            .collect()
    };
    // Flows are independent: large designs run them on every core, in chunks whose
    // results are joined in order, so the analysis is the same as one thread's.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let flows: Vec<FlowResult> = if jobs.len() < PARALLEL_FROM || cores < 2 {
        run(&jobs)
    } else {
        let size = jobs.len().div_ceil(cores.min(8));
        std::thread::scope(|s| {
            // The first chunk runs here: its results are freed by the thread that made
            // them, which is cheaper than freeing another thread's.
            let mut chunks = jobs.chunks(size);
            let first = chunks.next().unwrap_or_default();
            let handles: Vec<_> = chunks.map(|c| s.spawn(move || run(c))).collect();
            let mut flows = run(first);
            for h in handles {
                // A panic in a flow is a bug: it goes on as it would on one thread.
                flows.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            flows
        })
    };
    for f in &flows {
        for w in &f.warnings {
            if !warnings.contains(w) {
                warnings.push(w.clone());
            }
        }
    }
    Analysis {
        mode: ctx.cluster.mode(),
        flows,
        warnings,
        errors,
    }
}

/// From this many flows on, the analysis runs on every core.
const PARALLEL_FROM: usize = 400;

/// The API server's port.
pub const API_PORT: u16 = 443;
/// The kubelet's port.
pub const KUBELET_PORT: u16 = 10250;

fn run_flow(
    ctx: &Ctx<'_>,
    errors: &[Finding],
    flow: FlowKind,
    c: &Component,
    port: u16,
) -> FlowResult {
    let mut trace = Trace::new();
    let (source, target) = match flow {
        FlowKind::ApiToKubelet => (
            ctx.api
                .map(|a| CompactString::from(a.id.as_str()))
                .unwrap_or_default(),
            CompactString::from(c.id.as_str()),
        ),
        _ => (
            CompactString::from(c.id.as_str()),
            ctx.api
                .map(|a| CompactString::from(a.id.as_str()))
                .unwrap_or_default(),
        ),
    };
    let mut dns = None;
    let outcome = if let Some(err) = errors.first() {
        if flow == FlowKind::ApiToKubelet {
            if let Some(api) = ctx.api {
                trace.hop(api);
            }
        } else {
            trace.hop(c);
        }
        Err(Block {
            code: err.code,
            at: err.component.clone(),
            reason: msg!("reason-eks-rejects", message = err.message.clone()),
            fix: err.fix.clone(),
            // What turns on: the private endpoint, unless the source is outside every
            // VPC (on the internet or on premises), which reaches the public one.
            edit: (err.code == Code::CfgNoEndpointEnabled).then(|| {
                let outside = !matches!(ctx.place(c), Place::Vpc { .. });
                Box::new(FixEdit::TurnOnEndpoint {
                    public: outside,
                    private: !outside,
                })
            }),
        })
    } else {
        match flow {
            FlowKind::ApiToKubelet => kubelet::api_to_kubelet(ctx, c, port, &mut trace),
            _ => path::to_api(ctx, c, flow, &mut trace, &mut dns),
        }
    };
    let (via, answer) = dns.map_or((None, None), |(v, a)| (Some(v), Some(a)));
    match outcome {
        Ok((exposure, reason)) => FlowResult {
            flow,
            source,
            target,
            port,
            reachable: true,
            exposure: Some(exposure),
            dns: via,
            dns_answer: answer,
            code: None,
            blocked_at: None,
            reason,
            fix: None,
            fix_edit: None,
            hops: trace.hops,
            steps: trace.steps,
            warnings: trace.warnings,
        },
        Err(block) => {
            // The last step always says where and why the flow stops.
            let at = block.at.as_deref().and_then(|id| ctx.ix.get(id));
            trace.step(at, msg!("step-blocked", reason = block.reason.clone()));
            FlowResult {
                flow,
                source,
                target,
                port,
                reachable: false,
                exposure: None,
                dns: via,
                dns_answer: answer,
                code: Some(block.code),
                blocked_at: block.at,
                reason: block.reason,
                fix: block.fix,
                fix_edit: block.edit.map(|e| *e),
                hops: trace.hops,
                steps: trace.steps,
                warnings: trace.warnings,
            }
        }
    }
}

/// Networks reserved or private, which the public endpoint's allowlist may not contain.
fn reserved(netw: ipnet::Ipv4Net) -> bool {
    const RESERVED: [&str; 8] = [
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "100.64.0.0/10",
        "224.0.0.0/4",
        "240.0.0.0/4",
    ];
    RESERVED.iter().any(|r| {
        r.parse::<ipnet::Ipv4Net>()
            .is_ok_and(|r| r.contains(&netw) || (netw.prefix_len() > 0 && netw.contains(&r)))
    })
}

/// Rules EKS enforces on the cluster configuration (domain.md §2.1 V1–V3).
fn config_errors(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let c = &ctx.cluster;
    if c.mode().is_none() {
        out.push(
            Finding::new(
                Level::Error,
                Code::CfgNoEndpointEnabled,
                None,
                crate::msg!("err-no-endpoint"),
            )
            .with_fix(crate::msg!("fix-turn-on-private-access"))
            .with_edit(FixEdit::TurnOnEndpoint {
                public: false,
                private: true,
            }),
        );
    }
    if c.endpoint_public_access {
        let mut bad: Vec<Msg> = Vec::new();
        for text in &c.public_access_cidrs {
            match net::parse_cidr_any(text) {
                Ok(ipnet::IpNet::V6(_)) if c.ip_family == crate::model::design::IpFamily::Ipv4 => {
                    bad.push(crate::msg!("part-cidr-ipv6-on-ipv4", cidr = text));
                }
                Ok(ipnet::IpNet::V4(n)) if reserved(n) => {
                    bad.push(crate::msg!("part-cidr-reserved", cidr = text));
                }
                _ => {}
            }
        }
        if c.public_access_cidrs.len() > 40 {
            bad.push(crate::msg!(
                "part-cidr-too-many",
                count = c.public_access_cidrs.len()
            ));
        }
        if !bad.is_empty() {
            out.push(
                Finding::new(
                    Level::Error,
                    Code::CfgInvalidPublicCidrs,
                    None,
                    crate::msg!(
                        "err-public-cidrs-invalid",
                        problems = bad
                            .into_iter()
                            .reduce(|a, b| crate::msg!("part-comma", a = a, b = b))
                            .unwrap_or_else(|| crate::msg!("nothing"))
                    ),
                )
                .with_fix(crate::msg!("fix-public-cidrs-invalid")),
            );
        }
    }
    let subnets = ctx.cluster_subnets();
    let mut azs: Vec<&str> = subnets
        .iter()
        .filter_map(|s| match &s.kind {
            ComponentKind::Subnet(sub) if !sub.az.is_empty() => Some(sub.az.as_str()),
            _ => None,
        })
        .collect();
    azs.sort_unstable();
    azs.dedup();
    if azs.len() < 2 {
        out.push(
            Finding::new(
                Level::Error,
                Code::CfgClusterSubnets,
                subnets.first().map(|s| s.id.as_str()),
                crate::msg!("err-cluster-subnets-one-az", count = azs.len()),
            )
            .with_fix(crate::msg!("fix-cluster-subnets-two-azs")),
        );
    }
    if ctx.api.is_none() {
        out.push(
            Finding::new(
                Level::Error,
                Code::CfgNoApiServer,
                None,
                crate::msg!("err-no-api-server"),
            )
            .with_fix(crate::msg!("fix-add-api-server")),
        );
    }
    out
}

fn config_warnings(ctx: &Ctx<'_>, design: &Design, out: &mut Vec<Finding>) {
    let c = &ctx.cluster;
    let default_list = c.public_access_cidrs.len() == 1
        && c.public_access_cidrs
            .first()
            .is_some_and(|s| s == "0.0.0.0/0");
    if !c.endpoint_public_access && !c.public_access_cidrs.is_empty() && !default_list {
        out.push(
            Finding::new(
                Level::Warning,
                Code::WCidrsIgnored,
                None,
                crate::msg!("warn-cidrs-ignored"),
            )
            .with_fix(crate::msg!("fix-cidrs-ignored")),
        );
    }
    if c.endpoint_public_access
        && c.public_access_cidrs
            .iter()
            .any(|s| s.trim() == "0.0.0.0/0" || s.trim() == "::/0")
    {
        out.push(
            Finding::new(
                Level::Warning,
                Code::WPublicOpen,
                ctx.nlb.map(|n| n.id.as_str()),
                crate::msg!("warn-public-open"),
            )
            .with_fix(crate::msg!("fix-public-open")),
        );
    }
    if c.endpoint_public_access && c.endpoint_private_access {
        for node in design.of_kind(KindName::Node) {
            if let ComponentKind::Node(n) = &node.kind
                && n.hybrid
            {
                out.push(
                    Finding::new(
                        Level::Warning,
                        Code::WHybridPubpriv,
                        Some(&node.id),
                        crate::msg!("warn-hybrid-pubpriv", node = &node.id),
                    )
                    .with_fix(crate::msg!("fix-hybrid-pubpriv")),
                );
            }
        }
    }
    if c.endpoint_public_access && ctx.nlb.is_none() {
        out.push(
            Finding::new(
                Level::Warning,
                Code::WNoNlb,
                None,
                crate::msg!("warn-no-nlb"),
            )
            .with_fix(crate::msg!("fix-add-nlb")),
        );
    }
}

#[cfg(test)]
mod tests;
