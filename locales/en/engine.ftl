## The engine's narration: numbered steps, reasons and fixes of the flows.
## NOPERIOD($x) drops a full stop at the end of $x.

step-blocked = Blocked: { NOPERIOD($reason) }.
reason-eks-rejects = EKS rejects this cluster configuration: { $message }
reason-replies-lost = The replies do not get back. { $reason }
