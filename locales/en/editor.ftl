# Notes the status bar shows after an edit, and the reasons an edit is refused.

# $fix is a fix label (edit-*); $reason why its edit was refused.
note-cannot-fix = cannot { $fix }: { $reason }
note-fixed = fixed: { $fix }
note-tidied = tidied the layout
note-placed = placed { $id }
note-connected = connected { $from } and { $to }
note-pasted = { $count ->
    [one] pasted 1 component
   *[other] pasted { $count } components
}
note-duplicated = { $count ->
    [one] duplicated 1 component
   *[other] duplicated { $count } components
}
# $notes are the changes made on the way, joined with "; ".
note-with-changes = { $note } ({ $notes })
note-deleted-connection = deleted 1 connection
note-deleted = { $count ->
    [one] deleted 1 component and its references
   *[other] deleted { $count } components and their references
}
note-undone = undone
note-redone = redone
note-gets-cidr = { $id } gets { $cidr } (was { $old })
note-gets-ip = { $id } gets { $ip }
note-gets-ip-in = { $id } gets { $ip } in { $subnet } (was { $old })
note-public-ip-taken = { $id } has no public address ({ $ip } belongs to another component)
note-acl-dropped = { $id }: network ACL dropped (not in this design)
note-route-dropped = { $id }: route { $destination } → { $target } dropped (no such target here)
note-sg-dropped = { $id }: security group { $group } dropped (not in this design)

refuse-problem-component = refused: { $component }: { $message }
refuse-problem = refused: { $message }
refuse-no-room-kind = no room for a { $kind } in { $container }; make it larger first
refuse-no-room-id = no room for { $id } in { $container }; make it larger first
refuse-the-canvas = the canvas
refuse-no-free-cidr = no free /{ $prefix } is left in { $vpc } for { $id }
refuse-no-free-ip = no free address is left in { $subnet } for { $id }
refuse-cannot-paste = cannot paste { $id }: { $hint }
refuse-paste-empty = the clipboard holds no components
refuse-paste-too-large = the pasted text is larger than 4 MiB
# $line and $column locate the problem; $error is the RON reader's message (English).
refuse-paste-not-ron = the clipboard does not hold eksplain components ({ $line }:{ $column }: { $error })
refuse-cannot-copy = cannot copy: { $error }

selection-one = { $id } selected
selection-connection = 1 connection selected
selection-nothing = nothing selected
selection-many = { $count } selected
