# Shared terms. Values that are the same in every language (ids, addresses) go through `verbatim`.
verbatim = { $text }
# Appended to a reason built on a rule domain.md marks as inferred.
basis-inferred = {" "}(inferred from general VPC behaviour, not stated by AWS)

## Component kinds, as sentences and menus name them.
kind-vpc = VPC
kind-subnet = subnet
kind-control-plane = AWS-managed VPC
kind-api-server = API server
kind-nlb = public NLB
kind-eks-eni = EKS-owned ENI
kind-igw = internet gateway
kind-nat = NAT gateway
kind-node = worker node
kind-client = kubectl client
kind-on-prem = on-premises network
kind-vpn = VPN
kind-tgw = transit gateway
kind-peering = VPC peering
kind-phz = private hosted zone
kind-note = note
# A component by kind and id: "NAT gateway nat".
named = { $kind } { $id }
# An address the design does not know.
unknown-address = an unknown address

## Flows and modes.
flow-kubectl-to-api = kubectl → API
flow-api-to-kubelet = API → kubelet
flow-kubelet-to-api = kubelet → API
mode-public = public
mode-public-private = public + private
mode-private = private
mode-none = no endpoint enabled
# Exposure classes and DNS answers in reports: English keeps the JSON spellings.
exposure-none = none
exposure-aws-public = aws_public
exposure-internet = internet
dns-via-public = public_dns
dns-via-phz = private_hosted_zone
dns-via-forwarded = forwarded
