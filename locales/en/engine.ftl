## The engine's narration: numbered steps, reasons and fixes of the flows.
## NOPERIOD($x) drops a full stop at the end of $x.

step-blocked = Blocked: { NOPERIOD($reason) }.
reason-eks-rejects = EKS rejects this cluster configuration: { $message }
reason-replies-lost = The replies do not get back. { $reason }

## Which answer the endpoint name gets (dns.rs).

part-dns-resolution = DNS resolution
part-dns-hostnames = DNS hostnames
part-amazon-provided-dns = AmazonProvidedDNS
part-a-cluster-vpc = a cluster VPC
# $who is part-kubelet-on.
reason-node-vpc-dns-off = Nodes can't register: VPC { $vpc } has DNS resolution (enableDnsSupport) off, so { $who } cannot resolve the cluster endpoint
fix-turn-on-vpc-dns = turn on DNS resolution and DNS hostnames in VPC { $vpc }
warn-vpc-dns-hostnames-off = VPC { $vpc } has DNS hostnames off: AWS lists it as required for nodes, and the private hosted zone is ignored
fix-turn-on-dns-hostnames = turn on DNS hostnames in VPC { $vpc }
reason-vpc-dns-off = VPC { $vpc } has DNS resolution off, so { $src } cannot resolve the cluster endpoint
fix-turn-on-dns-resolution = turn on DNS resolution in VPC { $vpc }
# $ips is " (10.0.1.5, 10.0.2.5)" or empty.
step-phz-answers = { $who } asks the VPC resolver for the endpoint name; the private hosted zone answers with the EKS-owned ENI addresses{ $ips }.
step-phz-answers-forwarded = { $who } forwards the query to the cluster VPC's resolver (Route 53 Resolver inbound endpoint); the private hosted zone answers with the EKS-owned ENI addresses{ $ips }.
# $missing is a part-and list of the settings that are off.
warn-phz-ignored = The EKS private hosted zone is ignored because { $missing } is off in the cluster VPC; hosts there get the public DNS answer
fix-phz-ignored = turn on DNS resolution and DNS hostnames and use AmazonProvidedDNS (or forward the cluster domain to it)
reason-forwarded-resolver-off = { $who } forwards the query to the resolver of VPC { $vpc }, but the VPC has DNS resolution off, so the resolver does not answer
# Why the private hosted zone does not apply to a forwarded query.
part-settings-off = { $missing } off
part-no-cluster-vpc = the design has no cluster VPC
part-vpc-dns-assumed-public = {" "}(the private hosted zone does not apply, so the VPC's DNS servers are assumed to give the public answer; inferred)
# $via is "lookup" (public DNS answers) or "forwarded" (to the cluster VPC's resolver, $why it gives the public answer).
step-public-dns-nlb = { $via ->
    [forwarded] { $who } forwards the query to the cluster VPC's resolver; as the private hosted zone does not apply there ({ $why }), it gives the public answer (inferred):
   *[lookup] { $who } looks up the endpoint name; public DNS answers with{ $why }
} the public NLB's addresses{ $ips }{ $assumed }.
step-public-dns-eni = { $via ->
    [forwarded] { $who } forwards the query to the cluster VPC's resolver; as the private hosted zone does not apply there ({ $why }), it gives the public answer (inferred):
   *[lookup] { $who } looks up the endpoint name; public DNS answers with{ $why }
} the EKS-owned ENIs' private addresses{ $ips }, as it does for private-only clusters.
reason-dns-no-public-record = This private-only cluster has no public DNS record for its private IPs, so { $src } cannot resolve the endpoint
fix-write-public-record = toggle public access on and then off once (or update the cluster), so that EKS writes the public record of the private IPs; or forward the cluster domain to the VPC resolver

## Network ACLs (security.rs). $dir is "inbound" or "outbound"; $what is "request" or "reply".

part-a-public-address = a public address
part-all-traffic = all traffic
# $action is "allow" or "deny"; $what is part-all-traffic or "TCP 443".
part-acl-rule = rule { $number } ({ $action ->
    [allow] allow
   *[deny] deny
} { $what } { $cidr })
part-no-acl-rule-allows = no rule allows it (the final * rule denies)
part-acl-rule-denies = { $rule } denies it
# $ports is "TCP 443" or "TCP 32768-60999"; $remote an address or part-a-public-address.
reason-nacl-blocks = Network ACL { $acl } of subnet { $subnet } blocks the { $what ->
    [reply] reply
   *[request] request
} ({ $dir ->
    [inbound] inbound { $ports } from
   *[outbound] outbound { $ports } to
} { $remote }): { $by }
# $number is 0 when no free number is below the deny that matched.
fix-add-acl-rule = add an { $dir ->
    [inbound] inbound allow rule for { $ports } from
   *[outbound] outbound allow rule for { $ports } to
} { $cidr } to network ACL { $acl }{ $number ->
    [0] {" "}with a number below any deny that matches
   *[other] {" "}as rule { $number }
}

## The cluster configuration (mod.rs, domain.md §2.1).

err-no-endpoint = Both endpoints are disabled; EKS requires public or private access
fix-turn-on-private-access = turn on private access (or public access)
part-cidr-ipv6-on-ipv4 = { $cidr } (IPv6 on an IPv4 cluster)
part-cidr-reserved = { $cidr } (private or reserved range)
part-cidr-too-many = { $count } entries (at most 40)
# Two items of a list, or a list and one more, joined by a comma.
part-comma = { $a }, { $b }
err-public-cidrs-invalid = publicAccessCidrs is invalid: { $problems }
fix-public-cidrs-invalid = list at most 40 public IPv4 CIDRs, none private or reserved
err-cluster-subnets-one-az = The cluster subnets span { $count } availability zone(s); EKS needs subnets in at least two
fix-cluster-subnets-two-azs = place EKS-owned ENIs in subnets of two availability zones
err-no-api-server = The design has no API server component
warn-cidrs-ignored = publicAccessCidrs is set but public access is off, so the list has no effect
fix-cidrs-ignored = turn public access on, or clear the public access CIDRs
warn-public-open = The public endpoint accepts connections from any address (0.0.0.0/0)
fix-public-open = limit publicAccessCidrs to your office and NAT addresses, or turn public access off
warn-hybrid-pubpriv = Hybrid node { $node } resolves the endpoint to the public IPs while both endpoints are on; AWS does not recommend this
fix-hybrid-pubpriv = use public or private access alone for clusters with hybrid nodes
warn-no-nlb = Public access is on but the design has no public NLB component; paths skip it
fix-add-nlb = add a public NLB to the AWS-managed VPC

## A fix as an edit of the design: what its button says (fix.rs). $dir is "inbound" or "outbound".

edit-add-public-cidr = add { $cidr } to the public access CIDRs
edit-turn-on-both = turn on public and private access
edit-turn-on-public = turn on public access
edit-turn-on-private = turn on private access
# $table is a subnet or a transit gateway route table.
edit-put-route = route { $destination } to { $target } in { $table }
edit-allow-tcp = allow TCP { $ports } { $dir ->
    [inbound] from
   *[outbound] to
} { $peer } in { $target }
edit-set-public-ip = give { $component } public IP { $ip }
edit-set-nat-eip = give { $nat } elastic IP { $ip }
edit-make-nat-public = make { $nat } a public NAT gateway
edit-turn-on-vpc-dns = turn on DNS resolution and hostnames (Amazon-provided DNS) in { $vpc }
edit-write-public-record = write the public DNS record
edit-add-acl-rule = allow TCP { $ports } { $dir ->
    [inbound] from
   *[outbound] to
} { $peer } in { $target } (rule { $number })
edit-associate = associate { $attachment } with { $table }
edit-carry-cidr = carry { $cidr } over { $link }
