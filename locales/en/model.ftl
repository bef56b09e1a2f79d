# Design rules: addresses, ids, placement and the structural checks of a design.

net-ipv6-cidr = "{ $text }" is an IPv6 CIDR; only IPv4 is modelled here
net-bad-cidr-v4 = "{ $text }" is not a valid IPv4 CIDR (expected e.g. 10.0.0.0/16)
net-bad-cidr = "{ $text }" is not a valid CIDR (expected e.g. 203.0.113.0/24)
net-bad-ip = "{ $text }" is not a valid IPv4 address (expected e.g. 10.0.1.10)

id-empty = the id is empty
id-too-long = the id "{ $id }" is longer than 64 characters
id-reserved-local = "local" is reserved for the local route target
id-reserved-blackhole = "blackhole" is reserved for transit gateway routes that drop traffic
id-bad-chars = the id "{ $id }" may only use letters, digits, '-', '_' and '.'

# $kind is a kind name; $places the allowed parents (part-or).
place-goes-in = a { $kind } goes in { $places }
place-top-level = the top level
part-or = { $a } or { $b }

# $severity is problem-error or problem-warning; $code stays as it is.
problem-error = error
problem-warning = warning
problem-in-component-field = { $severity } { $code } in component `{ $component }`, field `{ $field }`: { $message }
problem-in-component = { $severity } { $code } in component `{ $component }`: { $message }
problem-in-field = { $severity } { $code } in field `{ $field }`: { $message }
problem-plain = { $severity } { $code }: { $message }

val-duplicate-id = the id "{ $id }" is used by more than one component
val-geometry-range = position and size must be finite numbers within ±10,000,000
val-size-positive = the size { $w }×{ $h } must be positive
val-unknown-parent = the parent "{ $parent }" does not exist
# $hint is place-goes-in; $here is val-sits-in or val-sits-top.
val-bad-placement = { $hint }, but { $here }
val-sits-in = it sits in { $kind } "{ $id }"
val-sits-top = it sits at the top level
val-outside-parent = the box is drawn partly outside its parent "{ $parent }"
val-cycle = the component is (indirectly) its own parent
val-ip-outside-subnet = { $ip } is not inside subnet "{ $subnet }" ({ $cidr })
val-missing-ip = a { $kind } needs a private IP
val-duplicate-route = { $net } is already routed by routes[{ $first }]
val-local-target-subnet-only = only subnet route tables have a local target
val-unknown-route-target = the route target "{ $target }" does not exist
# $kind and $allowed are kind codes (nat, igw, ...), as written in design files.
val-bad-route-target = "{ $id }" is a { $kind }; a route target must be local or one of { $allowed }
val-gateway-other-vpc = { $kind } "{ $id }" is in another VPC
val-vpc-no-cidr = a VPC needs at least one CIDR block
val-recent-not-in-vpc = { $cidr } is not one of the VPC's cidr_blocks
val-subnet-outside-vpc = { $net } is not inside any CIDR block of VPC "{ $vpc }" ({ $blocks })
val-no-az = the subnet has no availability zone
val-onprem-node-hybrid = a worker node in an on-premises network must be a hybrid node (hybrid: true)
val-client-needs-ip = a client inside a network needs a private IP
val-subnet-overlap = { $net } overlaps subnet "{ $other }"
val-duplicate-ip = { $ip } is also the address of "{ $other }" in the same VPC
val-duplicate-public-ip = { $ip } is also a public address of "{ $other }"
val-unknown-connection-end = the connection end "{ $id }" does not exist
val-bad-attachment = an attachment joins a VPN, transit gateway or peering to a network; "{ $a }" is a { $akind } and "{ $b }" a { $bkind }
val-unknown-cluster-subnet = the cluster subnet "{ $id }" does not exist
val-cluster-subnet-not-subnet = "{ $id }" is a { $kind }, not a subnet
val-eni-outside-cluster-subnets = subnet "{ $subnet }" is not in cluster.subnet_ids; EKS only places its ENIs in cluster subnets
val-enis-several-vpcs = EKS-owned ENIs sit in several VPCs ({ $vpcs }); a cluster has one VPC
val-ports-reversed = the port range { $from }-{ $to } is reversed
val-sg-id-twice = the security group id "{ $id }" is used twice
val-unknown-sg = the security group "{ $id }" does not exist
val-acl-id-twice = the network ACL id "{ $id }" is used twice
# $dir is "inbound" or "outbound".
val-acl-number-twice = { $dir } rule number { $number } of "{ $acl }" is used twice
val-unknown-acl = the network ACL "{ $id }" does not exist
val-port-zero = port 0 is not a valid port
val-rt-id-twice = the route table id "{ $id }" is used twice
val-rt-not-tgw = route table { $table }: "{ $tgw }" is not a transit gateway
val-rt-not-attached = route table { $table }: "{ $id }" is not attached to { $tgw }
val-rt-associated-elsewhere = route table { $table }: the attachment of "{ $id }" is associated with another table of { $tgw }
val-rt-two-routes = route table { $table }: two static routes to { $dest }
# $reason is a net-* message.
val-rt-bad-destination = route table { $table }: { $reason }
val-rt-bad-target = route table { $table }: the target "{ $target }" is neither blackhole nor attached to { $tgw }
val-carried-not-link = "{ $id }" is not a VPN or peering
val-carried-twice = the ranges of { $id } are listed twice
val-carried-bad-cidr = { $link }: { $reason }

# Refused edits: the status bar says "refused: …" with one of these.
refuse-no-component = no component "{ $id }"
# $what is refuse-what-sg or refuse-what-acl.
refuse-no-named = no { $what } "{ $id }"
refuse-named-id-taken = the { $what } id "{ $id }" is taken
refuse-what-sg = security group
refuse-what-acl = network ACL
refuse-id-taken = the id "{ $id }" is taken
refuse-box-too-small = a box must be at least 20×20
refuse-container-too-small = a container cannot be smaller than what it holds
refuse-inside-itself = a container cannot go inside itself
refuse-kind-fixed = the kind of a component cannot change
refuse-connection-same-ends = a connection needs two different ends
refuse-already-connected = these two are already connected
refuse-no-connection = no such connection
refuse-no-acl = no network ACL "{ $id }"
refuse-no-sg = no security group "{ $id }"

# Reading and writing design files. $path is the file; $error the system's message.
io-cannot-read = { $path }: cannot read the file: { $error }
io-too-large = { $path }: the file is { $size } bytes; design files are limited to { $limit } bytes
io-not-utf8 = { $path }:{ $line }:{ $col }: the file is not UTF-8 text
io-newer-version = { $path }: the file has format version { $found }, but this eksplain reads versions up to { $supported }; update eksplain to open it
# $problems is one problem per line, indented.
io-invalid = { $path }: the design is invalid:
    { $problems }
io-cannot-save = { $path }: cannot save: { $error }; the previous file was left unchanged
io-cannot-serialize = { $path }: cannot write the design as RON: { $error }

# What a field says under a value it refuses.
field-not-a-port-range = "{ $text }" is not a port (0-65535)
field-not-a-port = "{ $text }" is not a port (1-65535)
field-range-reversed = the range { $from }-{ $to } is reversed
field-id-taken = "{ $id }" is taken
