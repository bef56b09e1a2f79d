//! Policy files (`policy.ron`): reading one, and finding the one a design is held to.

use std::path::{Path, PathBuf};

use super::error::IoError;
use super::ron_file::{options, read_capped, syntax_error};
use crate::engine::policy::{Policy, Rule};
use crate::model::net;

/// The name a policy is found by, next to a design or at the repository's root.
pub const POLICY_FILE: &str = "policy.ron";

/// Policy files larger than this are refused before parsing.
const MAX_POLICY_BYTES: u64 = 1024 * 1024;

/// Parses a policy's text; `path` is used in messages only.
pub fn parse_policy(text: &str, path: &Path) -> Result<Policy, IoError> {
    let policy: Policy = options()
        .from_str(text)
        .map_err(|e| syntax_error(path, &e))?;
    let bad = |message: String| IoError::Policy {
        path: path.to_path_buf(),
        message,
    };
    if policy.rules.is_empty() {
        return Err(bad(crate::t!("policy-file-no-rules")));
    }
    for rule in &policy.rules {
        if let Rule::KubectlOnlyFrom(ranges) = rule {
            if ranges.is_empty() {
                return Err(bad(crate::t!("policy-file-no-ranges")));
            }
            for r in ranges {
                net::parse_cidr_any(r)
                    .map_err(|e| bad(crate::t!("policy-file-bad-range", range = r, error = e)))?;
            }
        }
    }
    Ok(policy)
}

/// Reads and checks a policy file.
pub fn load_policy(path: &Path) -> Result<Policy, IoError> {
    let text = read_capped(path, MAX_POLICY_BYTES, |size| IoError::Policy {
        path: path.to_path_buf(),
        message: crate::t!(
            "policy-file-too-large",
            size = size.to_string(),
            limit = MAX_POLICY_BYTES.to_string()
        ),
    })?;
    parse_policy(&text, path)
}

/// The policy a design file is held to when none is named: `policy.ron` beside it, else
/// at the root of the git repository it is in.
pub fn find_policy(design: &Path) -> Option<PathBuf> {
    let dir = design
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    let beside = dir.join(POLICY_FILE);
    if beside.is_file() {
        return Some(beside);
    }
    let start = dir.canonicalize().ok()?;
    let root = start.ancestors().find(|d| d.join(".git").exists())?;
    let at_root = root.join(POLICY_FILE);
    at_root.is_file().then_some(at_root)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::parse_policy;
    use crate::engine::policy::Rule;

    #[test]
    fn every_rule_kind_reads() {
        let p = parse_policy(
            r#"(
                name: "baseline",
                rules: [
                    no_kubelet_over_public_ips,
                    kubectl_only_from(["203.0.113.0/24", "10.0.0.0/8"]),
                    no_open_public_access,
                    private_access_on,
                    every_node_reaches_api,
                    no_node_public_ip,
                ],
            )"#,
            Path::new("p.ron"),
        )
        .unwrap();
        assert_eq!(p.name, "baseline");
        assert_eq!(p.rules.len(), 6);
        assert_eq!(
            p.rules[1],
            Rule::KubectlOnlyFrom(vec!["203.0.113.0/24".into(), "10.0.0.0/8".into()])
        );
    }

    #[test]
    fn bad_policies_are_refused_with_the_place() {
        let e = parse_policy("(rules: [no_such_rule])", Path::new("p.ron")).unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("p.ron:1:"), "{text}");
        assert!(text.contains("no_such_rule"), "{text}");
        let e = parse_policy(
            "(rules: [kubectl_only_from([\"10.0.0.0/33\"])])",
            Path::new("p.ron"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("10.0.0.0/33"), "{e}");
        let e = parse_policy("(rules: [])", Path::new("p.ron")).unwrap_err();
        assert!(e.to_string().contains("no rules"), "{e}");
    }
}
