# Import (src/import): the notes on what an import assumed, made up or left out, and why an
# import failed. Ids, addresses, CIDRs, paths, field names and AWS resource types are values.

## Notes

imp-kind-assumed = assumed
imp-kind-synthesised = synthesised
imp-kind-dropped = dropped
# $kind is imp-kind-*; $text the note.
imp-note-line = { $kind }: { $text }

## Input formats (named in errors)

imp-format-auto = auto
imp-format-aws = AWS CLI output
imp-format-terraform = `terraform show -json` output
imp-format-eksctl = an eksctl config
imp-format-cloudformation = a CloudFormation template

## Errors

# $error is the operating system's message.
imp-err-read = { $path }: cannot read it: { $error }
# $size and $limit are numbers of bytes.
imp-err-too-large = { $path }: the file is { $size } bytes; import reads files up to { $limit } bytes
imp-err-not-utf8 = { $path }: the file is not UTF-8 text
# $message says what is wrong at that line and column.
imp-err-at = { $path }:{ $line }:{ $col }: { $message }
imp-err-in = { $path }: { $message }
imp-err-empty-folder = the folder holds no .json, .yaml or .yml files
imp-err-no-inputs = no input files were given
# $format and $first_format are imp-format-*; $first is the first file's path.
imp-err-mixed-formats = it is { $format }, but { $first } is { $first_format }; import one kind of input at a time
# $what is imp-other-*.
imp-err-other-cloud = { $what }; import reads AWS inputs only
imp-other-azure = an Azure Resource Manager template
imp-other-gcp = a Google Cloud Deployment Manager config
imp-err-not-json = not JSON, nor an eksctl config or a CloudFormation template; import reads AWS CLI output, `terraform show -json`, eksctl configs and CloudFormation templates

## Where an import read from: "subnet-1 is not in the AWS CLI output"

imp-origin-aws = the AWS CLI output
imp-origin-tf-state = the Terraform state
imp-origin-tf-plan = the Terraform plan
imp-origin-eksctl = the eksctl config
imp-origin-cfn = the CloudFormation template
# Written after a sentence; $command is an AWS CLI command without `aws`.
imp-add-output = {" "}(add the output of `aws { $command }`)

## The design from any input (build.rs); $from is imp-origin-*

imp-err-no-describe-cluster = none of the files is the output of `aws eks describe-cluster`; it gives the cluster's endpoint access, subnets and security groups, which import needs
imp-err-no-cluster = { $from } holds no EKS cluster; import needs the cluster's endpoint access, subnets and security groups
# $subnets is a list of subnet ids.
imp-err-vpc-unknown = the cluster's VPC is not known: none of its subnets ({ $subnets }) is in { $from } with a VPC
imp-err-vpc-unknown-no-subnets = the cluster's VPC is not known: none of its subnets (none given, or unknown offline) is in { $from } with a VPC
imp-err-vpc-missing = the cluster's VPC { $vpc } is not in { $from }
imp-err-no-subnets = no subnet of VPC { $vpc } is in { $from }
imp-other-vpc = VPC { $vpc }: only the cluster's VPC { $cluster_vpc } is imported
# $state is the AWS state, e.g. deleted or failed.
imp-nat-state = NAT gateway { $nat }: it is { $state }
imp-nat-regional = NAT gateway { $nat }: its subnet (none: a regional NAT gateway) is not in { $from }
imp-nat-subnet-missing = NAT gateway { $nat }: its subnet { $subnet } is not in { $from }
imp-subnet-no-table = subnet { $subnet }: no route table (neither its own nor the main one) is in { $from }, so it has no routes
imp-subnet-ipv6-only = subnet { $subnet }: it has no IPv4 CIDR (IPv6-only subnets are not modelled)
# $addresses is the list of addresses; $kept the one the design keeps.
imp-nat-addresses = NAT gateway { $nat }: it has { $count } public { $count ->
    [one] address
   *[other] addresses
} ({ $addresses }); the design keeps { $kept }
imp-cluster-subnet-missing = cluster subnet { $subnet }: it is not in { $from }
imp-phz = the private hosted zone EKS manages for the private endpoint (no API lists it)
imp-public-access-default = public access on (the EKS default; endpointPublicAccess is missing)
imp-private-access-default = private access off (the EKS default; endpointPrivateAccess is missing)
# $cidrs is a list of IPv6 CIDRs.
imp-public-cidrs-ipv6 = public access CIDRs { $cidrs }: IPv6 ranges are not modelled
imp-public-cidrs-default = public access CIDRs 0.0.0.0/0 (the EKS default for an empty list)
# $mode is the value of controlPlaneEgressMode as the input wrote it.
imp-egress-unknown = control plane egress { $mode } is not modelled; analysed as customer routed
# $id is the id import gives the group.
imp-cluster-sg-default = the cluster security group is { $id } with EKS's default rules (clusterSecurityGroupId is missing)
imp-control-plane = the AWS-managed VPC with two API servers and the public NLB (no API lists them)
# $name is the cluster's endpoint host name.
imp-nlb-addresses = the public NLB's addresses: only resolving { $name } gives them, which import does not do
imp-nlb-addresses-unnamed = the public NLB's addresses: only resolving the cluster's endpoint name gives them, which import does not do
imp-dns-support = VPC { $vpc }: DNS resolution on
imp-dns-hostnames = VPC { $vpc }: DNS hostnames on
# $add is imp-add-output, or nothing.
imp-dhcp-default = VPC { $vpc }: the DHCP options use AmazonProvidedDNS ({ $from } holds no DHCP options{ $add })
# $list is a prefix list id.
imp-route-prefix-list = route table { $table }: the route to prefix list { $list } (gateway endpoints are kept as VPC endpoints)
# $dest is the route's destination CIDR.
imp-route-blackhole = route table { $table }: the blackhole route { $dest } (its target is gone; AWS drops that traffic, the design has no route instead, so a shorter route may match)
imp-route-target = route table { $table }: the route { $dest } → { $target } (network interface and instance targets are not imported yet)
imp-ipv6-routes = { $count } IPv6 routes: the design is IPv4 only
imp-acl-ipv6 = IPv6 network ACL entries: the design is IPv4 only
# $rule is the rule number; $protocol the protocol number as the input wrote it.
imp-acl-protocol = network ACL { $acl } rule { $rule }: protocol { $protocol } (only TCP, UDP and all are modelled)
# The reasons ($why) of imp-eni.
imp-why-no-enis-output = no describe-network-interfaces output is in the files
imp-why-enis-not-listed = EKS creates them; no input but the AWS CLI lists them
imp-why-no-eni-matches = no network interface has the description of this cluster's
imp-eni = EKS-owned ENI { $id } at { $ip } in { $subnet } ({ $why })
imp-stopped-instances = { $count } stopped or terminated instances of the cluster
# The reasons ($why) of imp-node.
imp-why-no-instances-output = no describe-instances output is in the files
imp-why-instances-not-listed = their instances come from the node group's auto scaling group; no input but the AWS CLI lists them
imp-why-no-instance-tagged = no running instance is tagged with the cluster
# The groups ($with) of imp-node.
imp-node-with-no-group = no security group (its launch configuration is not in the input)
imp-node-with-cluster-sg = the cluster security group
imp-node-with-groups = its launch template's groups { $groups }
# The address ($address) of imp-node.
imp-node-public-ip = a public IP its subnet assigns
imp-node-no-public-ip = no public IP
# $group is the node group's name.
imp-node = node { $id } of node group { $group } at { $ip } in { $subnet }, with { $with } and { $address } ({ $why })
imp-cluster-sg-made = cluster security group { $id } with EKS's default rules (EKS creates it; it is not in { $from })
imp-sg-made = security group { $id } with no rules (it is not in { $from })
imp-sg-protocol = security group { $id }: rules for protocol { $protocol } (only TCP, UDP and all are modelled)
imp-sg-ipv6 = { $count } IPv6 security group rules: the design is IPv4 only
imp-sg-prefix-lists = { $count } security group rules naming prefix lists
# $count is the number of rules the input adds to the group.
imp-cluster-sg-partial = cluster security group { $id } with EKS's default rules and the { $count } { $count ->
    [one] rule
   *[other] rules
} { $from } adds (EKS creates the group; it is not in { $from })
imp-sg-partial = security group { $id }: only the { $count } { $count ->
    [one] rule
   *[other] rules
} { $from } adds to it (the group is not in { $from }; its other rules are unknown)
imp-client = a kubectl user on the internet at { $ip } (no API lists who runs kubectl)

## AWS CLI output (aws.rs)

imp-paged = { $file } has a NextToken: it is one page of a longer list; run the command without --max-items to get all of it
# $keys is the list of top-level keys import knows.
imp-err-not-aws = not the output of an `aws eks describe-*` or `aws ec2 describe-*` command (none of the keys { $keys })

## Updating an open design from an import (merge.rs)

imp-merge-updated = updated the open design: { $kept } components kept their place, { $added } added, { $removed } removed

## Terraform (terraform.rs)

imp-err-tf-raw-state = a raw Terraform state file (`terraform state pull`); import reads `terraform show -json` of it instead
# $error is the JSON reader's message.
imp-err-tf-not-show = not the output of `terraform show -json`: { $error }
# $version is the format_version the file gives, quoted.
imp-err-tf-version = format_version { $version }: import reads the JSON format version 1.x of `terraform show -json`
imp-err-tf-no-values = `terraform show -json` output with neither values (a state) nor planned_values (a plan)
imp-err-tf-plan-no-aws = a Terraform plan with no AWS resources
imp-err-tf-state-no-aws = a Terraform state with no AWS resources
imp-tf-plan = a plan: values known only after apply are left unknown; resources whose ids are unknown are named after their Terraform addresses

## Networks beside the VPC (build_links.rs)

imp-link-tgw = transit gateway
imp-link-vpn = VPN gateway
imp-link-peering = peering connection
imp-peering-inactive = peering connection { $id }: it is not active
# $link is imp-link-*.
imp-link-beside = { $link } { $id } is drawn beside the VPC with the routes that use it; what lies beyond it (its route tables, the networks on the other side) is not in { $from }

## Terraform resources (terraform_map.rs); $address is a Terraform resource address

imp-tf-inferred-joins = joins whose ids are unknown in the plan (subnet to VPC, route table associations, the cluster's subnets) follow the plan's configuration references, matching count indexes
imp-tf-only-vpc = resources whose VPC is unknown in the plan are in the only VPC, { $vpc }
imp-tf-dns-support = VPC { $vpc }: DNS resolution on (the provider default)
imp-tf-dns-hostnames = VPC { $vpc }: DNS hostnames off (the provider default)
imp-tf-subnet-az-unknown = subnet { $subnet }: its availability zone is unknown; it is drawn in a column of its own
imp-tf-subnet-cidr-unknown = subnet { $subnet }: its CIDR is unknown in the plan
imp-tf-route-target-unknown = route table { $table }: a route whose target is unknown
imp-tf-route-table-missing = { $address }: its route table is not in { $from }
imp-tf-target-unknown = { $address }: its target is unknown
imp-tf-association-unknown = { $address }: which subnet or route table it joins is unknown in { $from } (the subnet keeps its VPC's main route table)
imp-tf-association-table-missing = { $address }: route table { $table } is not in { $from } (subnet { $subnet } keeps its VPC's main route table)
imp-tf-main-table = VPC { $vpc }: its main route table { $table } has only the local route (Terraform does not manage it)
imp-tf-nat-eip-unknown = NAT gateway { $nat }: its elastic IP is unknown in { $from }
imp-tf-rule-group-unknown = { $address }: the security group it adds to is unknown in { $from }
# $first is the address of the cluster that is imported.
imp-tf-other-cluster = cluster { $cluster }: only the first cluster, { $first }, is imported
imp-tf-cluster-groups-unknown = cluster { $cluster }: its extra security groups (vpc_config.security_group_ids) are unknown in the plan and their references do not lead to a resource (they go through locals); they are left out
# $id is the id the design gives the group.
imp-tf-cluster-sg-unknown = the cluster security group EKS creates is unknown in the plan; { $id } stands for it

## CloudFormation templates (cloudformation.rs)

imp-err-cfn-second = a second CloudFormation template; import one stack's template at a time
imp-err-cfn-no-resources = a CloudFormation template without a Resources section
imp-err-cfn-foreach = the template uses Fn::ForEach (AWS::LanguageExtensions), which only CloudFormation expands; import the processed template (`aws cloudformation get-template --template-stage Processed`)
imp-err-cfn-no-ec2-eks = a CloudFormation template with no EC2 or EKS resources (no VPC, subnet or cluster to draw)
