## The reports of `check` and `report`: text and Markdown.

verdict-reachable = reachable, exposure { $exposure } ({ $badge })
verdict-crosses-public = crosses public IPs
verdict-stays-private = stays private
verdict-blocked-at = blocked at { $at }: { $code }
verdict-blocked = blocked: { $code }
report-title = { $design } — mode: { $mode }
report-flow = { $flow }: { $source } → { $target }
report-flow-dns = { $flow }: { $source } → { $target }, DNS { $dns }
report-verdict = verdict: { $verdict }
report-fix = fix: { $fix }
report-errors = errors:
report-warnings = warnings:
path-direct = direct
path-blocked = blocked ({ $code })
who-kubectl = kubectl on { $id }
who-kubelet = kubelet on { $id }
who-api = API server to kubelet on { $id }
md-title = ## { $design }: endpoint access { $mode }
md-table = | flow | from | to | verdict | exposure | DNS | hops |
md-reachable = reachable
md-blocked = blocked: `{ $code }`
md-verdict = **{ NOPERIOD($verdict) }.** { NOPERIOD($reason) }.
md-fix = Fix: { $fix }.
md-errors = Errors
md-warnings = Warnings
md-finding-fix = {" "}Fix: { $fix }.

## The difference between two designs or two modes (`diff`, the app's compare views).

diff-flow-name = { $flow }: { $source } → { $target } :{ $port }
diff-reachable = reachable
diff-blocked = blocked
# $code is " CODE" or empty; $exposure is none, aws_public or internet.
diff-side = { $verdict }{ $code }, exposure { $exposure }
diff-dns-none = none
diff-new-flow = new flow: { $side }
diff-flow-gone = flow gone (was { $side })
diff-verdict = verdict: { $before } → { $after }
diff-exposure = exposure: { $before } → { $after }
diff-dns = DNS: { $before } → { $after }
diff-path = path: { $before } → { $after }
diff-now = now: { $reason }
diff-because = because of: { $causes }
item-component = component
item-connection = connection
item-security-group = security group
item-network-acl = network ACL
item-cluster = cluster
diff-added = added { $item } { $id }
diff-removed = removed { $item } { $id }
# $fields is "field: before → after; …".
diff-changed = changed { $item } { $id }: { $fields }
diff-mode = mode: { $before } → { $after }
diff-no-flow = no flow changed
diff-flows-changed = { $count ->
    [one] 1 flow changed:
   *[other] { $count } flows changed:
}
diff-regression-mark = {" "}(regression)
diff-items-changed = { $count ->
    [one] 1 item changed:
   *[other] { $count } items changed:
}
md-diff-title = ### eksplain: what this change does to the paths
md-diff-mode = Endpoint access: **{ $before }** → **{ $after }**
md-diff-no-flow = No flow changed.
md-diff-flows-changed = { $count ->
    [one] 1 flow changed
   *[other] { $count } flows changed
}{ $regressions ->
    [0] {""}
    [one] , **1 regression**
   *[other] , **{ $regressions } regressions**
}.
md-diff-table = | flow | before | after | because of |
md-diff-items = Changed items

## Team policies (policy.rs, policy_report.rs).

pol-unnamed = (unnamed)
pol-private-access-off = cluster { $cluster }: private access is off
pol-fix-use-vpc-resolver = let { $node } resolve the endpoint through its VPC's resolver (DNS support on, AmazonProvidedDNS) so it gets the EKS-owned ENIs
pol-fix-kubelet-private = turn on private access: kubelet then reaches the API through the EKS-owned ENIs
pol-kubelet-public = kubelet on { $node } reaches the API over public IPs
pol-kubelet-public-via = kubelet on { $node } reaches the API over public IPs (through { $via })
pol-range-not-cidr = the policy's range { $range } is not a CIDR: { $error }
pol-fix-range-not-cidr = write { $range } as a CIDR, as 203.0.113.0/24
pol-cidr-outside = the public endpoint accepts { $cidr }, outside the allowed ranges { $allowed }
pol-fix-remove-cidr = remove { $cidr } from the public access CIDRs
pol-kubectl-outside = kubectl from { $src } at { $ip } reaches the API, outside the allowed ranges
pol-fix-kubectl-outside = block { $ip } (public access CIDRs or security groups), or add its range to the policy
pol-open-public = cluster { $cluster }: the public endpoint accepts { $cidr }, every address on the internet
pol-fix-open-public = replace { $cidr } in the public access CIDRs with the ranges kubectl runs from, or turn off public access
pol-kubelet-blocked = kubelet on { $node } cannot reach the API ({ $code })
pol-api-blocked = the API server cannot reach { $node } on port { $port } ({ $code })
# When the blocked flow has no fix: its reason.
pol-fix-see-reason = { NOPERIOD($reason) }
pol-node-public-ip = node { $node } has the public IP { $ip }
pol-fix-remove-public-ip = remove the public IP of { $node }
pol-node-auto-ip = node { $node } gets a public IP: its subnet { $subnet } assigns them on launch
pol-fix-auto-ip = turn off auto-assign public IPs on { $subnet }, or launch { $node } without one
pol-title-file = policy { $file }
pol-title = policy "{ $name }" ({ $file })
pol-text-all-hold = { $title }: { $rules ->
    [one] 1 rule
   *[other] { $rules } rules
}, all hold
pol-text-violations = { $title }: { $rules ->
    [one] 1 rule
   *[other] { $rules } rules
}, { $count ->
    [one] 1 violation
   *[other] { $count } violations
}:
pol-md-all-hold = All { $rules ->
    [one] 1 rule
   *[other] { $rules } rules
} hold.
pol-md-table = | rule | where | violation | fix |

# What the command line says about files. $path is the file.
# $at is " (component)" or nothing; $message why EKS rejects the design.
cli-rejected = { $path }: error { $code }{ $at }: { $message }
cli-ok = { $path }: ok
cli-output-exists = { $path }: the file exists; pass --update to update it or --force to replace it
cli-imported = { $path }: { $components ->
    [one] 1 component
   *[other] { $components } components
}, { $groups ->
    [one] 1 security group
   *[other] { $groups } security groups
}, { $acls ->
    [one] 1 network ACL
   *[other] { $acls } network ACLs
}
cli-not-canonical = { $path }: not in canonical form
cli-rewritten = { $path }: rewritten
cli-wrote = wrote { $path }
cli-cannot-write-report = cannot write the report: { $error }
cli-cannot-write-json = cannot write the JSON: { $error }

# Errors in a team policy file (policy.ron).
policy-file-no-rules = the policy has no rules
policy-file-no-ranges = kubectl_only_from lists no ranges (it would refuse every client)
# $error is a net-bad-cidr message.
policy-file-bad-range = kubectl_only_from: "{ $range }" is not a CIDR: { $error }
policy-file-too-large = the file is { $size } bytes; policy files are limited to { $limit } bytes
