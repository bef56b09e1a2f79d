# Shared terms. Values that are the same in every language (ids, addresses) go through `verbatim`.
verbatim = { $text }
# Appended to a reason built on a rule domain.md marks as inferred.
basis-inferred = {" "}(inferred from general VPC behaviour, not stated by AWS)
