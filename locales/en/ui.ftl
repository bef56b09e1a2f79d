## Commands: menu text and tooltips.
cmd-new = New
cmd-new-tip = Start an empty design
cmd-open = Open…
cmd-open-tip = Open a design file
cmd-open-recent = Open recent
cmd-open-recent-tip = Open a file opened before
cmd-open-preset-tip = Open a built-in example of an endpoint mode
cmd-import = Import…
cmd-import-tip = Make a design from AWS CLI describe-* JSON files (or drop them on the window)
cmd-tidy-layout = Tidy layout
cmd-tidy-layout-tip = Lay every box out by zone columns and subnet tiers (undoable)
cmd-save = Save
cmd-save-tip = Save the design
cmd-save-as = Save as…
cmd-save-as-tip = Save the design under a new name
cmd-undo = Undo
cmd-undo-tip = Undo the last change
cmd-redo = Redo
cmd-redo-tip = Redo the last undone change
cmd-copy = Copy
cmd-copy-tip = Copy the selection as RON text
cmd-cut = Cut
cmd-cut-tip = Copy the selection and delete it
cmd-paste = Paste
cmd-paste-tip = Paste components copied as RON text
cmd-duplicate = Duplicate
cmd-duplicate-tip = Copy the selection in place
cmd-delete = Delete
cmd-delete-tip = Delete the selection and what refers to it
cmd-select-all = Select all
cmd-select-all-tip = Select every component
cmd-edit-label = Edit label
cmd-edit-label-tip = Type the label on the canvas (or double-click the box)
cmd-escape = Cancel
cmd-escape-tip = Cancel the tool or drag, or clear the selection
cmd-connect-tool = Connect
cmd-connect-tool-tip = Drag from one component to another to connect them
cmd-security-editor = Security groups and ACLs…
cmd-security-editor-tip = Edit security groups and network ACLs and their rules
cmd-fit-view = Fit to view
cmd-fit-view-tip = Show the whole design
cmd-zoom-in = Zoom in
cmd-zoom-in-tip = Zoom in at the centre of the view
cmd-zoom-out = Zoom out
cmd-zoom-out-tip = Zoom out at the centre of the view
cmd-toggle-theme = Dark theme
cmd-toggle-theme-tip = Switch light and dark
cmd-toggle-panels = Hide panels
cmd-toggle-panels-tip = Show only the canvas, for presenting; again to bring the panels back
cmd-shortcuts = Keyboard shortcuts
cmd-shortcuts-tip = List every shortcut
cmd-toggle-paths = Show paths
cmd-toggle-paths-tip = Highlight the analysed flows on the canvas
cmd-toggle-animation = Animate packets
cmd-toggle-animation-tip = Move packets along the highlighted paths
cmd-walk-through = Walk through a flow
cmd-walk-through-tip = One step of the highlighted flow at a time, with its sentence; arrows step, Esc ends
cmd-toggle-legend = Legend
cmd-toggle-legend-tip = What the colours, dashes, dots, numbers and red outlines mean
cmd-compare-modes = Compare modes…
cmd-compare-modes-tip = The flows under public, public + private and private side by side
cmd-compare-with-file = A file…
cmd-compare-with-file-tip = What the open design changes against another design file
cmd-compare-with-saved = The last saved version
cmd-compare-with-saved-tip = What the unsaved changes do to the paths
cmd-compare-with-revision = A git revision…
cmd-compare-with-revision-tip = What the open file changes against a commit, branch or tag of its repository
cmd-stop-comparing = Stop comparing
cmd-stop-comparing-tip = Close the comparison
cmd-copy-report = Copy report
cmd-copy-report-tip = Copy the analysis as Markdown
cmd-export-svg = Export SVG…
cmd-export-svg-tip = The diagram with the flows shown, as vector SVG
cmd-export-png = Export PNG…
cmd-export-png-tip = The diagram with the flows shown, as a 2× PNG
cmd-export-pdf = Export PDF…
cmd-export-pdf-tip = The diagram with the flows shown, as vector PDF with real text
cmd-export-report = Export report…
cmd-export-report-tip = The analysis as Markdown
cmd-export-mermaid = Export Mermaid…
cmd-export-mermaid-tip = The design and its flows as a Mermaid flowchart
cmd-quit = Quit
cmd-quit-tip = Close eksplain
cmd-open-preset = Preset

## Menus, toolbar and status bar.
menu-file = File
menu-open-recent = Open recent
menu-open-preset = Open preset
menu-edit = Edit
menu-arrange = Arrange
menu-export = Export
menu-view = View
menu-help = Help
menu-compare-with = Compare with
menu-language = Language
menu-language-tip = The language of the window, the explanations and the reports
toolbar-connect = connect
toolbar-connect-tip = Drag from one component to another (C)
toolbar-place = click on the canvas to place a { $kind }
status-mode = mode: { $mode }
status-components = { $count ->
    [one] { $count } component
   *[other] { $count } components
}
status-zoom-tip = Zoom: Ctrl+= and Ctrl+-, or the wheel; click to fit (F)
# Shown in English in both languages: without the font, Korean would draw as boxes.
font-missing-hangul = No installed font has Korean letters: install one (Noto Sans CJK, Nanum Gothic, Malgun Gothic or Apple SD Gothic Neo; on Debian or Ubuntu: apt install fonts-nanum) and restart

## The flows panel, the findings and the mode comparison.
flows-verdict-reachable = ✔ reachable · { $exposure }
flows-verdict-blocked = ✖ blocked · { $code }
flows-blocked-only = blocked only
flows-component = component
flows-component-any = any
flows-show-all = show all flows
flows-summary = { $count ->
    [one] 1 flow
   *[other] { $count } flows
}, { $blocked } blocked, { $exposed ->
    [one] 1 crosses
   *[other] { $exposed } cross
} public IPs
flows-bundles = drawn as bundles
flows-more-groups = { $count ->
    [one] 1 more group
   *[other] { $count } more groups
}; filter by component to see them
# A bundle of equivalent flows: "kubelet → API × 12 in private-a ✔ reachable · none".
flows-bundle = { $flow } × { $count } { $verdict }
flows-bundle-in = { $flow } × { $count } in { $parent } { $verdict }
flows-select = select { $id }
flows-flow-port = { $flow } (port { $port })
flows-title = { $flow } { $verdict }
flows-title-dns = { $flow } { $verdict } · DNS { $dns }
flows-fix = fix: { $fix }
flows-fix-tip = Make this change to the design (undo with Ctrl+Z)
findings-none = no findings
compare-flow = flow
compare-apply = apply
compare-apply-tip = Switch the design to { $mode }
compare-cell = { $path } ({ $exposure })

insp-edit-this-group-s-rules = Edit this group's rules
insp-take-this-group-off = Take this group off
insp-add-group = add group
insp-default-allow-all = default (allow all)
insp-rules = rules
insp-edit-this-acl-s-rules = Edit this ACL's rules
insp-connection = Connection
insp-from = from
insp-to = to
insp-kind = kind
insp-attachment-routes-traffic = attachment (routes traffic)
insp-annotation-line = annotation line
insp-label = label
insp-delete-connection = delete connection
insp-remove-this-connection-delete = Remove this connection (Delete)
insp-position = position
insp-size = size
insp-cidr-blocks = CIDR blocks
insp-recent-cidrs = recent CIDRs
insp-vpc-endpoints = VPC endpoints
insp-dns-resolution = DNS resolution
insp-dns-hostnames = DNS hostnames
insp-zone = zone
insp-auto-assign-public-ip = auto-assign public IP
insp-network-acl = network ACL
insp-public-ips = public IPs
insp-private-ip = private IP
insp-elastic-ip = elastic IP
insp-private-nat = private NAT
insp-public-ip = public IP
insp-webhook-ports = webhook ports
insp-security-groups = security groups
insp-managed-node-group = managed node group
insp-hybrid-node = hybrid node
insp-none-all-traffic-out = none: all traffic out
insp-internet-egress-ip = internet egress IP
insp-text = text
insp-route-tables = route tables
insp-none-all-attachments = none: all attachments
insp-carries = carries
insp-the-ranges-of-the-networks = the ranges of the networks behind it
insp-none = none
insp-launched-without-a-public-ip = launched without a public IP
insp-the-subnet-auto-assigns-public = The subnet auto-assigns public IPs at launch: unless this is on, it has one (address unknown)
insp-forwards-dns-to-the-vpc = forwards DNS to the VPC
insp-route-table = route table
insp-remove-this-route = Remove this route
insp-add-route = add route
insp-routes-none = routes: none
insp-source = source
insp-sg-none-carries = none: carries { $sg }
insp-route-table-id = route table { $id }
insp-routes = routes:
    { $routes }
insp-tgw-table = associated: { $associated }
    propagated: { $propagated }
    { $routes }

sec-cluster-cluster-security-group = cluster (cluster security group)
sec-cluster-additional-group = cluster (additional group)
sec-security-groups = security groups
sec-network-acls = network ACLs
sec-new-group = new group
sec-add-a-security-group-with = Add a security group with no rules
sec-the-aws-default-rules-all = the AWS default rules: all traffic from itself in, all traffic out
sec-customise-rules = customise rules
sec-write-the-default-rules-out = Write the default rules out so they can be changed
sec-used-by-nothing = used by nothing
sec-description = description
sec-inbound-rules = inbound rules
sec-outbound-rules = outbound rules
sec-delete-group = delete group
sec-delete-the-group-references-to = Delete the group; references to it are removed
sec-all-ports = all ports
sec-none-everything-is-denied = none: everything is denied
sec-protocol = protocol
sec-ports = ports
sec-group = group
sec-none-subnets-use-the-default = none: subnets use the default ACL (allow all)
sec-new-acl = new ACL
sec-add-a-network-acl-that = Add a network ACL that allows all traffic both ways
sec-used-by-no-subnet-pick = used by no subnet (pick it in a subnet's inspector)
sec-stateless-replies-need-their-own = stateless: replies need their own rules (ephemeral ports 1024-65535)
sec-delete-acl = delete ACL
sec-delete-the-acl-its-subnets = Delete the ACL; its subnets go back to the default ACL
sec-rule = rule
sec-action = action
sec-a-rule-number-is-1 = a rule number is 1-32766
sec-implicit-last = implicit, last
sec-remove-this-rule = Remove this rule
sec-window = Security groups and network ACLs
sec-from = from
sec-to = to
sec-source = source
sec-destination = destination
sec-allow = allow
sec-deny = deny
sec-add-inbound-rule = add inbound rule
sec-add-outbound-rule = add outbound rule
sec-rules-of = rules of { $id }
sec-used-by = used by { $users }
sec-rule-exists = rule { $number } exists

cluster-title = title
cluster-description = description
cluster-cluster-name = cluster name
cluster-endpoint-access = endpoint access
cluster-both-endpoints-are-off-eks = both endpoints are off: EKS requires public or private access
cluster-public-access-cidrs = public access CIDRs
cluster-remove-this-cidr = Remove this CIDR
cluster-add-cidr = add CIDR
cluster-ignored-while-public-access-is = ignored while public access is off
cluster-more-cluster-settings = more cluster settings
cluster-legacy-no-public-dns-record = legacy: no public DNS record
cluster-an-old-private-only-cluster = An old private-only cluster whose public DNS record for its private IPs was never created
cluster-ip-family = IP family
cluster-endpoint-name = endpoint name
cluster-cluster-security-group = cluster security group
cluster-rules = rules
cluster-edit-its-rules = Edit its rules
cluster-more-groups-on-the-enis = more groups on the ENIs
cluster-none = none
cluster-cluster-subnets = cluster subnets
cluster-none-picked-the-subnets-holding = none picked: the subnets holding EKS-owned ENIs

palette-components = Components
palette-click-then-click-on-the = click, then click on the canvas, or drag
field-not-applied = not applied: { $reason }
field-canvas-units = a number of canvas units

## The picture: legend, zones, details under labels, summaries of containers, exports.
legend-kubectl-to-api = kubectl to API server
legend-api-to-kubelet = API server to kubelet
legend-kubelet-to-api = kubelet to API server
legend-internet = crosses the internet
legend-aws-public = public IPs, Amazon's network
legend-step = step of a flow, in order
legend-blocked = a flow is blocked here
# The hover of a bundle: "kubelet to API server, × 12: node-1, node-2…".
bundle-hover = { $flow }, { $count }: { $list }
look-internet = internet
look-aws-public = public IPs (AWS)
zone-aws = AWS cloud
zone-aws-hint = Amazon's network
zone-internet = internet
zone-internet-hint = public IPs, outside AWS
detail-public = public
detail-private = private
detail-private-nat = private NAT
detail-eip = EIP { $eip }
detail-eip-unknown = EIP unknown until deployed
detail-no-eip = no elastic IP
detail-control-plane = control plane
held-nodes = { $count ->
    [one] 1 node
   *[other] { $count } nodes
}
held-enis = { $count ->
    [one] 1 ENI
   *[other] { $count } ENIs
}
held-subnets = { $count ->
    [one] 1 subnet
   *[other] { $count } subnets
}
held-api-servers = { $count ->
    [one] 1 API server
   *[other] { $count } API servers
}
held-nats = { $count ->
    [one] 1 NAT
   *[other] { $count } NATs
}
held-clients = { $count ->
    [one] 1 client
   *[other] { $count } clients
}
export-subtitle = endpoint access: { $mode }

## Panels, prompts, dialogs and status messages.

menu-no-recent = no recent files
prompt-unsaved = Unsaved changes
prompt-unsaved-question = Save the changes to this design first?
button-save = Save
button-discard = Discard
button-cancel = Cancel
button-open = Open
button-export = Export
button-import = Import
button-compare = Compare
button-restore = Restore
button-reload = Reload
button-keep-mine = Keep mine
shortcuts-title = Keyboard shortcuts
shortcut-nudge = Nudge the selection
shortcut-nudge-keys = arrows (Shift: one unit)
shortcut-select-several = Select several
shortcut-select-several-keys = Shift-click or Ctrl-click
shortcut-box-select = Box select
shortcut-box-select-keys = Shift-drag on empty canvas or inside a container
shortcut-edit-label = Edit a label in place
shortcut-edit-label-keys = double-click the box
shortcut-pan = Pan
shortcut-pan-keys = drag empty canvas, or middle button
shortcut-zoom = Zoom at the pointer
shortcut-zoom-keys = wheel or pinch
inspector-nothing-selected = select a component or connection to see its properties
inspector-many-selected = { $count } components selected
problems-none = no problems
problems-count = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
panel-cluster = Cluster
panel-flows = Flows
panel-findings = Findings
compare-title = Compare modes
status-switching-mode = switching to { $mode }
walk-keys = arrow keys step · Esc or W ends
dialog-open = Open design
dialog-save-as = Save design as
dialog-export = Export
dialog-import = Import a configuration
dialog-compare-with = Compare with a design
dialog-revision = Compare with a git revision
dialog-no-system-dialog = no system file dialog is available (install xdg-desktop-portal or zenity); type the path instead
dialog-revision-hint = a commit, branch or tag (HEAD, main, origin/main~2)
dialog-path-hint = path of the file
dialog-type-revision = type a revision first
dialog-type-path = type a path first
import-review-title = Import of { $name }
import-review-counts = { $components } components, { $groups } security groups, { $acls } network ACLs; check what import did:
import-review-notes = The notes are also in the design's description
diff-no-flow-changed = no flow changed
diff-regression-tip = Became blocked or more exposed; click to show the path
diff-flow-tip = Click to show the path
compare-items-changed = { $count ->
    [one] 1 item changed
   *[other] { $count } items changed
}
diff-select-tip = Click to select it
baseline-title = Compared with
baseline-file = file { $path }
baseline-saved = the last saved version
baseline-revision = git revision { $rev }
baseline-not-saved = the design has no saved version yet: save it first
baseline-no-git = only a design saved in a git repository has revisions
baseline-legend = { $count ->
    [one] 1 flow changed
   *[other] { $count } flows changed
} · dashed grey lines are the paths before
alert-cannot-compare = Cannot compare
alert-cannot-open = Cannot open the file
alert-cannot-import = Cannot import
alert-cannot-update = Cannot update the open design
alert-cannot-update-errors = the import laid into it would have errors: { $errors }; nothing changed
alert-not-saved = Not saved
status-stopped-comparing = stopped comparing
status-fix-already-there = the design already has this change
status-copied-report = copied the analysis as Markdown
status-opened-preset = opened preset { $name }
status-opened = opened { $path }
status-imported = imported { $count } components; check the notes before opening
status-updated-from-import = updated from the import: { $count } components
status-import-cancelled = import cancelled
status-saved = saved { $path }
status-new-design = new design
status-restored = restored unsaved work
recovery-title = Restore unsaved work
# $source is "file …" or "untitled".
recovery-text-seconds = eksplain did not close cleanly. Unsaved work from { $source } was kept { $seconds } s ago.
recovery-text-minutes = eksplain did not close cleanly. Unsaved work from { $source } was kept { $minutes } min ago.
reload-title = File changed
reload-text = { $path } changed on disk.
reload-keeps-edits = Reloading keeps your unsaved edits in a file beside it.
policy-all-hold = policy { $name }: { $count ->
    [one] 1 rule
   *[other] { $count } rules
}, all hold
policy-violations = policy { $name }: { $count ->
    [one] 1 violation
   *[other] { $count } violations
}
policy-error = policy: { $error }
policy-violation-line = ⛔ policy · { $rule }: { $message }
    fix: { $fix }
tip-select-id = select { $id }
status-opened-with-warnings = { $count ->
    [one] opened with 1 warning
   *[other] opened with { $count } warnings
}
# $fitted and $scale are scale factors; $side the largest side in pixels.
export-scaled-to-fit = the diagram was scaled to { $fitted }× (not { $scale }×) to fit { $side } pixels; the SVG or PDF export keeps every detail
export-cannot-write-pdf = cannot write the PDF: { $error }
# $chars are the characters no font draws.
export-missing-glyphs = no installed font draws { $chars }; install one (for Korean: fonts-nanum or fonts-noto-cjk)
status-copied-one = copied { $id }
status-copied = { $count ->
    [one] copied 1 component
   *[other] copied { $count } components
}
# $what is baseline-file, baseline-saved or baseline-revision.
status-comparing-with = comparing with { $what }
status-imported-untitled = { $count ->
    [one] imported 1 component (untitled until saved)
   *[other] imported { $count } components (untitled until saved)
}
status-exported = exported { $path }
# $notes say what the export changed (scaled to fit, glyphs no font has).
status-exported-with-notes = exported { $path }; { $notes }
status-not-reloaded = not reloaded: { $error }
status-reloaded-kept = reloaded; your edits are in { $path }
status-recovery-write-failed = cannot write the recovery file: { $error }
