//! Small helpers for user-facing text, shared by the CLI, the app and the importers.

/// "1 rule", "3 rules".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::plural(1, "rule", "rules"), "1 rule");
        assert_eq!(super::plural(0, "rule", "rules"), "0 rules");
        assert_eq!(super::plural(12, "node", "nodes"), "12 nodes");
    }
}
