//! Where things are written in a design file: the line of each component, security group
//! and network ACL, for reports that point into the file (SARIF annotations on a pull
//! request).

use std::collections::HashMap;

/// The 1-based line of each item's `id: "…"` in RON text (the first, when an id is
/// written twice), and of the `cluster:` field under the name `cluster`.
pub fn id_lines(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("cluster:") {
            out.entry("cluster".to_owned()).or_insert(n + 1);
        }
        // `id:` starts the line in the canonical form; `(id: "x", …)` in a hand-written one.
        let Some(rest) = trimmed
            .trim_start_matches('(')
            .trim_start()
            .strip_prefix("id:")
        else {
            continue;
        };
        let Some(quoted) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some(end) = quoted.find('"') {
            out.entry(quoted[..end].to_owned()).or_insert(n + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_of_ids() {
        let text = "(\n    cluster: (\n        name: \"x\",\n    ),\n    components: [\n        (\n            id: \"user\",\n        ),\n        (id: \"nat\", label: \"id: \\\"no\\\"\"),\n    ],\n)\n";
        let lines = super::id_lines(text);
        assert_eq!(lines.get("cluster"), Some(&2));
        assert_eq!(lines.get("user"), Some(&7));
        assert_eq!(lines.get("nat"), Some(&9));
        assert_eq!(lines.get("no"), None, "an id inside a label is not one");
    }
}
