## API server → kubelet (kubelet.rs).

reason-node-outside-vpc = Node { $node } is not in the cluster VPC; the EKS-owned ENIs can't reach it
reason-node-outside-vpc-hybrid = Node { $node } is not in the cluster VPC; the EKS-owned ENIs can't reach it (hybrid nodes need remote node networks, which eksplain does not model)
# The design has no cluster VPC to name.
fix-move-node-into-cluster-vpc = move node { $node } into a subnet of the cluster VPC
fix-move-node-into-vpc = move node { $node } into a subnet of the cluster VPC { $vpc }
reason-no-eks-eni = The API server reaches nodes through EKS-owned ENIs, but the design has none
# Security groups by id: $rest is all but the last, joined with ", ".
part-sg-list = { $count ->
    [0] no security group
    [one] security group { $last }
   *[other] security groups { $rest } and { $last }
}
# $groups is a part-sg-list of $count groups; $effect says what breaks.
reason-node-sg-blocks = Node { $groups } { $count ->
    [0] blocks
    [one] blocks
   *[other] block
} TCP { $port } from the control plane (sg { $sg }); { $effect }
part-kubectl-logs-time-out = kubectl logs, exec and port-forward will time out
part-webhooks-time-out = admission webhook calls will time out
# When the design does not define the node's group.
part-node-sg = the node security group
# $target is a security group id or part-node-sg.
fix-allow-tcp-from-sg = allow TCP { $port } from sg { $sg } in { $target }
part-kubelet-on = kubelet on { $node }
part-webhook-port-of = port { $port } of { $node } (a webhook)
# $what is part-kubelet-on or part-webhook-port-of.
step-api-dials-through-eni = API server { $api } dials { $what } ({ $ip }:{ $port }) through EKS-owned ENI { $eni } in the customer VPC.
# When the ENI has no subnet in the design.
part-its-subnet = its subnet
step-eni-local-route-delivers = The local route of { $subnet } delivers the connection to { $node } inside the VPC; no NAT or internet gateway is involved.
warn-cidr-not-reconciled = VPC CIDR { $cidr } was associated less than about an hour ago; kubectl logs, exec and port-forward to { $node } may fail until EKS reconciles it
fix-wait-cidr-reconciled = wait about an hour after associating { $cidr }, or run { $node } in a subnet of an older VPC CIDR
reason-api-reaches-through-eni = API server { $api } reaches { $what } through EKS-owned ENI { $eni }; the traffic stays in the VPC

## kubectl or kubelet → API (path.rs).

part-kubectl-on = kubectl on { $src }
part-via-public-nlb = the public NLB
part-via-eks-eni = an EKS-owned ENI
# $who is part-kubectl-on or part-kubelet-on; $via is part-via-public-nlb or part-via-eks-eni.
reason-reaches-api-private = { $who } reaches { $api } through { $via }; nothing leaves private networks
reason-reaches-api-aws-public = { $who } reaches { $api } through { $via }: the request leaves the VPC to public IPs but stays on Amazon's network
reason-reaches-api-internet = { $who } reaches { $api } through { $via } over the internet

## Transit gateways, VPNs and peerings (transit.rs).

reason-tgw-attachment-no-table = The attachment of { $prev } to transit gateway { $tgw } is associated with no route table, so { $tgw } drops its traffic to { $dest }
fix-associate-attachment = associate the attachment of { $prev } with route table { $table }
fix-give-tgw-table = give transit gateway { $tgw } a route table for { $prev }
fix-replace-blackhole = replace the blackhole route { $destination } in route table { $table } with a route to { $target }
fix-add-tgw-static-route = add a static route { $destination } → { $target } to route table { $table } (or propagate { $target } into it)
fix-attach-network-to-tgw = attach the network that holds { $dest } to transit gateway { $tgw } and route it in { $table }
reason-tgw-table-no-route = Route table { $table } of transit gateway { $tgw } (associated with { $prev }) has no route to { $dest }
# $current is the table the attachment is associated with now.
fix-associate-attachment-instead = associate the attachment of { $prev } with route table { $table } instead of { $current }, which routes { $dest }
reason-tgw-blackhole = Route table { $table } of transit gateway { $tgw } drops traffic to { $dest }: its route { $route } is a blackhole
# $next is a named component.
reason-peering-no-transit = VPC peering { $link } joins two VPCs only: it does not carry traffic to { $dest } on to { $next }
fix-connect-network-directly = connect the network that holds { $dest } to the VPC directly (its own peering, or both on a transit gateway)
# $link is a named VPN or peering; $next the network id.
reason-link-carries-none = { $link } carries no ranges, so traffic to { $dest } in { $next } is not sent over it
# $cidrs is the list of ranges the link carries.
reason-link-carries-only = { $link } carries { $cidrs } only, so traffic to { $dest } in { $next } is not sent over it
fix-add-carried-range = add { $cidr } to the ranges { $link } carries
# A VPN attached to a transit gateway.
fix-advertise-bgp-tgw = advertise { $cidr } from the customer gateway over BGP on { $link } (or, for a static VPN, add { $cidr } → { $link } to the transit gateway route table)
fix-advertise-over-vpn = advertise { $cidr } over { $link } (a static route on the VPN connection, or a BGP announcement from the customer gateway)

## The private path to the EKS-owned ENIs (path.rs).

reason-resolves-to-missing-eni = The endpoint resolves to the EKS-owned ENIs, but the design has none
# When the design has no cluster VPC; reads after "VPC".
part-the-cluster-vpc = the cluster VPC
reason-eni-no-private-ip = EKS-owned ENI { $eni } has no valid private IP
fix-give-eni-private-ip = give EKS-owned ENI { $eni } a private IP in its subnet's CIDR
# $why is one of the part-… reasons below (or one from a transit gateway).
reason-no-route-into-vpc = The endpoint resolves to private IP { $ip }, but { $src } has no route into VPC { $vpc }: { $why } (inferred: only a connected network can carry it there)
fix-run-kubectl-inside-vpc = run kubectl from inside VPC { $vpc } or a connected network (VPN, transit gateway, peering, with DNS forwarding to the VPC resolver)
fix-run-kubectl-inside-vpc-or-public = run kubectl from inside VPC { $vpc } or a connected network (VPN, transit gateway, peering, with DNS forwarding to the VPC resolver), or turn on public access
# A source that is not a kubectl client.
fix-run-inside-vpc = run it from inside VPC { $vpc } or a connected network (VPN, transit gateway, peering, with DNS forwarding to the VPC resolver)
fix-run-inside-vpc-or-public = run it from inside VPC { $vpc } or a connected network (VPN, transit gateway, peering, with DNS forwarding to the VPC resolver), or turn on public access
# $start is a named connector.
part-not-attached = { $start } is not attached to { $from }
part-no-network-contains = no network attached through { $start } contains { $dest }
part-onprem-no-route = on-premises network { $net } has no route to { $dest }
part-on-internet-no-vpn = it is on the internet with no VPN or Direct Connect into the VPC
step-local-route-to-eni = The local route of { $subnet } keeps the request inside VPC { $vpc }, to EKS-owned ENI { $eni } ({ $ip }); no more specific route overrides it (inferred).
part-subnet-no-route = the route table of { $subnet } has no route to { $dest }
# $target is a named component.
part-subnet-sends-to = the route table of { $subnet } sends { $dest } to { $target }
reason-route-leads-elsewhere = The route from { $src } to { $dest } leads to { $reached }, not the cluster VPC
# Joins named connectors: "transit gateway tgw and VPN vpn".
part-and = { $a } and { $b }
# $through is the connectors passed (part-and); $vpc the VPC reached.
step-routes-through-connection = { $from } routes { $dest } through { $through } into VPC { $vpc }, to EKS-owned ENI { $eni } (private connection).
# As step-routes-through-connection, when the design does not list what a connection carries.
step-routes-through-connection-inferred = { $from } routes { $dest } through { $through } into VPC { $vpc }, to EKS-owned ENI { $eni } (private connection; that it carries traffic from its remote ranges is inferred).
# When the design has no API server.
part-an-api-server = an API server
step-eni-carries-into-managed-vpc = EKS-owned ENI { $eni } carries the request into the AWS-managed VPC, to { $api }.
fix-give-cluster-subnets = give the cluster subnets in two availability zones; EKS places its ENIs there (draw them as EKS-owned ENIs)
fix-draw-eks-enis = draw the EKS-owned ENIs EKS places in the cluster subnets ({ $subnets })

## Node warnings (path.rs).

warn-node-public-ip = Node { $node } has a public IP in a public subnet, so it is reachable from the internet
warn-node-auto-public-ip = Node { $node } has an auto-assigned public IP (the subnet maps public IPs on launch) in a public subnet, so it is reachable from the internet
fix-node-private-subnets = put nodes in private subnets, or remove their public IPs
# $endpoints lists the missing VPC endpoint services (ecr.api, s3…).
warn-node-no-aws-api-egress = Subnet { $subnet } has no NAT or internet egress and VPC { $vpc } lacks the { $endpoints } endpoints, so node { $node } cannot bootstrap or pull images
fix-add-nat-or-endpoints = add a NAT gateway route or the { $endpoints } VPC endpoints

## Security groups on the way (path.rs).

# As part-sg-list, to start a sentence.
part-sg-list-cap = { $count ->
    [0] No security group
    [one] Security group { $last }
   *[other] Security groups { $rest } and { $last }
}
# $groups is a part-sg-list-cap.
reason-sg-no-egress = { $groups } of { $src } has no egress rule for TCP { $port } to { $dest }
# When the design does not define the source's group.
part-its-sg = its security group
fix-allow-tcp-egress = allow TCP { $port } to { $dest }/32 in { $group } egress
# When the design gives the EKS-owned ENIs no group.
part-the-cluster-sg = the cluster security group
# A security group as the peer of a rule.
part-peer-sg = sg { $sg }
# A source without an address, as the peer of a rule.
part-the-source = the source
# $groups is a part-sg-list of $count groups.
reason-cluster-sg-no-443 = Cluster { $groups } { $count ->
    [0] does
    [one] does
   *[other] do
} not allow TCP 443 from { $src } ({ $ip })
# $peer is a part-peer-sg, a CIDR or part-the-source; $group an id or part-the-cluster-sg.
fix-allow-443-from = allow TCP 443 from { $peer } in { $group }

## The public path: routes, internet and NAT gateways (path.rs).

# The optional end of a fix ($alt) when private access is off; `nothing` when it is not.
part-or-private-access = , or turn on private access
fix-add-route-to = add a route { $destination } → { $target } to the route table of { $subnet }{ $alt }
fix-private-access-or-nat = turn on private access, or add a NAT gateway in a public subnet of { $vpc } and route 0.0.0.0/0 of { $subnet } to it
fix-add-nat = add a NAT gateway in a public subnet of { $vpc } and route 0.0.0.0/0 of { $subnet } to it
reason-igw-without-public-ip = { $src } routes to internet gateway { $igw } but has no public IP
fix-route-to-nat-or-public-ip = route 0.0.0.0/0 of { $subnet } to NAT gateway { $nat }, or give { $src } a public IP{ $alt }
fix-public-ip-or-nat = give { $src } a public IP, or route 0.0.0.0/0 through a NAT gateway{ $alt }
step-route-to-nat = The route table of { $subnet } sends { $dest } to NAT gateway { $nat }.
reason-not-a-nat = { $nat } is not a NAT gateway
reason-private-nat = NAT gateway { $nat } is a private NAT gateway, which has no internet path
fix-make-nat-public = make { $nat } a public NAT gateway (in a subnet that routes to an internet gateway){ $alt }
reason-nat-subnet-no-igw = NAT gateway { $nat }'s subnet { $subnet } has no route to an internet gateway
fix-route-to-igw = route 0.0.0.0/0 of { $subnet } to internet gateway { $igw }{ $alt }
# When the NAT gateway's VPC is not known.
part-the-vpc = the VPC
fix-attach-igw = attach an internet gateway to { $vpc } and route 0.0.0.0/0 of NAT gateway { $nat }'s subnet to it{ $alt }
reason-nat-no-eip = NAT gateway { $nat } has no elastic IP
fix-allocate-eip = allocate an elastic IP for NAT gateway { $nat }
# When the NLB's address is not known.
part-the-public-endpoint = the public endpoint
part-the-public-endpoint-at = the public endpoint { $ip }
# $endpoint is part-the-public-endpoint(-at).
reason-no-internet-route = { $src } has no route to the internet (the route table of { $subnet } has no 0.0.0.0/0 to an IGW or NAT), so it cannot reach { $endpoint }
# $endpoint is the NLB's address or part-the-public-endpoint.
step-route-to-igw-auto-ip = The route table of { $subnet } sends { $dest } to internet gateway { $igw }; the request leaves the VPC from the public IP { $subnet } auto-assigns at launch (map_public_ip_on_launch; its address is not in the design) and goes to { $endpoint } (it stays on Amazon's network).
step-route-to-igw = The route table of { $subnet } sends { $dest } to internet gateway { $igw }; the request leaves the VPC from the public IP { $ip } and goes to { $endpoint } (it stays on Amazon's network).
part-its-eip-unknown = its elastic IP (allocated on deploy; the design does not know the address)
part-its-eip = its elastic IP { $ip }
# $address is part-its-eip(-unknown).
step-nat-rewrites-source = { $nat } rewrites the source to { $address } and sends the request out through internet gateway { $igw } to { $endpoint } (it leaves the VPC but stays on Amazon's network).
# $target is a named component.
reason-internet-via-connection = The route table of { $subnet } sends internet traffic to { $target }; egress through a connected network is not modelled, so { $src } cannot reach { $endpoint }
# $from is the source's public address; $endpoint the NLB's address or part-the-public-endpoint.
step-over-internet = { $src } sends the request over the internet from { $from } to { $endpoint }.
reason-onprem-no-egress = { $src } has no route to the internet (on-premises network { $net } has no internet egress), so it cannot reach { $endpoint }
fix-onprem-egress = give on-premises network { $net } an internet egress address
fix-onprem-egress-or-private = give on-premises network { $net } an internet egress address, or turn on private access and reach the EKS-owned ENIs over the connection to the VPC
step-onprem-egress = The request leaves on-premises network { $net } through the corporate internet egress { $egress } and crosses the internet to { $endpoint }.
# Follows step-onprem-egress when the network also has a connection to AWS.
step-onprem-connection-unused = {" "}Its VPN or transit connection to AWS is not used: the endpoint name answers with a public address (inferred).

## Public access CIDRs (path.rs).

# Whose address the source arrives from ($whose): the on-premises egress, a NAT gateway's, or `nothing`.
part-whose-onprem-egress = {" "}(the on-premises internet egress)
part-whose-nat-eip = {" "}(elastic IP of NAT { $nat })
reason-not-in-public-cidrs = The public endpoint only accepts { $cidrs }; traffic from { $src } arrives from { $from }{ $whose }
fix-add-public-cidr = add { $ip }/32{ $whose } to the public access CIDRs{ $alt }
fix-add-nat-eip-cidr = add NAT { $nat }'s elastic IP (known once it is allocated) as a /32 to the public access CIDRs{ $alt }
fix-give-eip-add-cidr = give { $src } an elastic IP and add it to the public access CIDRs{ $alt }
# $rule is the public access CIDR that allows the source.
step-nlb-accepts = The public NLB accepts the source { $from } (allowed by { $rule } in the public access CIDRs) and forwards to { $api }.

## The API server and the return path (path.rs).

reason-no-api-server = The design has no API server component
fix-add-api-server = add an API server to the AWS-managed VPC (the control plane)
# $cidr is the source network's CIDR, or its address.
reason-no-return-route = Cluster subnet { $subnet }'s route table has no route back to { $cidr } through a connection to { $net }
# When no connector was passed on the way in.
part-the-connection-it-came-through = the connection it came through
fix-add-return-route = add a route { $cidr } → { $via } to the route table of { $subnet }
step-return-route = The route table of cluster subnet { $subnet } has a route back to { $ip }, so replies return the same way (inferred).

# Empty: an optional clause that is not there.
nothing = {""}
