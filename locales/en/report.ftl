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
