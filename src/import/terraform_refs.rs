//! Joins a plan cannot make by id: in a greenfield plan a subnet's `vpc_id`, a NAT's
//! `subnet_id` and the cluster's `subnet_ids` are unknown until apply (docs/import.md §2.1).
//! The plan's `configuration` still says which resource each one refers to
//! (`aws_vpc.this[0].id`, `var.subnet_ids` → `module.vpc.private_subnets` →
//! `aws_subnet.private`): this follows those references, through module variables and
//! outputs, to the resources of the plan. Locals are not in the configuration, so a
//! reference through one leads nowhere (the caller then says what it assumed).

use std::collections::HashMap;

use serde_json::Value;

use super::terraform::Resource;

/// How deep variable and output chains are followed.
const MAX_DEPTH: u8 = 12;

/// A resource a reference leads to, and the attribute named (`["vpc_config",
/// "cluster_security_group_id"]`; empty for the resource itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Target {
    pub resource: usize,
    pub attribute: Vec<String>,
}

pub(super) struct Refs<'a> {
    config: Option<&'a Value>,
    resources: &'a [Resource],
    by_base: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Refs<'a> {
    pub fn new(config: Option<&'a Value>, resources: &'a [Resource]) -> Self {
        let mut by_base: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in resources.iter().enumerate() {
            by_base.entry(r.base.as_str()).or_default().push(i);
        }
        Refs {
            config,
            resources,
            by_base,
        }
    }

    /// The resources (and their attributes) the expression of `r` at `path`
    /// (`["vpc_config", "subnet_ids"]`) refers to, in the order written.
    pub fn resolve(&self, r: &Resource, path: &[&str]) -> Vec<Target> {
        let Some(config) = self.resource_config(r) else {
            return Vec::new();
        };
        let Some(expr) = expression_at(config, path) else {
            return Vec::new();
        };
        self.resolve_expression(r, config, expr)
    }

    /// The configuration blocks of `r` named `key` (`route`), as written: each an object
    /// of expressions.
    pub fn blocks(&self, r: &Resource, key: &str) -> Vec<&'a serde_json::Map<String, Value>> {
        self.resource_config(r)
            .and_then(|c| c.get("expressions")?.get(key)?.as_array())
            .map(|a| a.iter().filter_map(Value::as_object).collect())
            .unwrap_or_default()
    }

    /// What one expression of `r`'s configuration (a block's `gateway_id`) refers to.
    pub fn resolve_in(&self, r: &Resource, expr: &Value) -> Vec<Target> {
        match self.resource_config(r) {
            Some(config) => self.resolve_expression(r, config, expr),
            None => Vec::new(),
        }
    }

    fn resolve_expression(&self, r: &Resource, config: &'a Value, expr: &Value) -> Vec<Target> {
        let mut out = Vec::new();
        self.expression(&r.module, expr, r.index.as_deref(), 0, &mut out);
        // `subnet_id = each.value.id` under `for_each = aws_subnet.private`: the instance
        // of what `for_each` iterates over that has this resource's key.
        let each = expr
            .get("references")
            .and_then(Value::as_array)
            .is_some_and(|refs| {
                refs.iter()
                    .filter_map(Value::as_str)
                    .any(|x| x.starts_with("each.value"))
            });
        if each && let Some(for_each) = config.get("for_each_expression") {
            self.expression(&r.module, for_each, r.index.as_deref(), 0, &mut out);
        }
        out
    }

    /// The configuration of a resource (all its instances share it).
    fn resource_config(&self, r: &Resource) -> Option<&'a Value> {
        let rel = relative(&r.base, &r.module);
        self.module_config(&r.module)?
            .get("resources")?
            .as_array()?
            .iter()
            .find(|c| c.get("address").and_then(Value::as_str) == Some(rel))
    }

    /// The configuration block of a module instance (keys dropped: all instances of a
    /// call share one configuration).
    fn module_config(&self, module: &str) -> Option<&'a Value> {
        let mut at = self.config?.get("root_module")?;
        for (name, _key) in segments(module) {
            at = at.get("module_calls")?.get(name)?.get("module")?;
        }
        Some(at)
    }

    fn expression(
        &self,
        module: &str,
        expr: &Value,
        index: Option<&str>,
        depth: u8,
        out: &mut Vec<Target>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let Some(refs) = expr.get("references").and_then(Value::as_array) else {
            return;
        };
        // Terraform lists a traversal and each of its prefixes (`aws_subnet.public["a"].id`,
        // `aws_subnet.public["a"]`, `aws_subnet.public`): the longest says which instance.
        let all: Vec<&str> = refs.iter().filter_map(Value::as_str).collect();
        for r in &all {
            let prefix_of_another = all.iter().any(|o| {
                o.len() > r.len() && o.starts_with(r) && o[r.len()..].starts_with(['.', '['])
            });
            if !prefix_of_another {
                self.reference(module, r, index, depth, out);
            }
        }
    }

    fn reference(
        &self,
        module: &str,
        r: &str,
        index: Option<&str>,
        depth: u8,
        out: &mut Vec<Target>,
    ) {
        if let Some(rest) = r.strip_prefix("var.") {
            // A module variable: what the calling module passes.
            let name = head(rest);
            let Some((parent, call)) = split_last(module) else {
                return;
            };
            let Some(expr) = self.module_config(&parent).and_then(|m| {
                m.get("module_calls")?
                    .get(call)?
                    .get("expressions")?
                    .get(name)
            }) else {
                return;
            };
            self.expression(&parent, expr, None, depth + 1, out);
        } else if let Some(rest) = r.strip_prefix("module.") {
            // A module output: what the module's output refers to, in each instance.
            let call = head(rest);
            let Some(output) = rest[call.len()..].strip_prefix('.').map(head) else {
                return;
            };
            let child = join(module, &format!("module.{call}"));
            let Some(expr) = self
                .module_config(&child)
                .and_then(|m| m.get("outputs")?.get(output)?.get("expression"))
            else {
                return;
            };
            // The instances of the call (`module.ng["a"]`, `module.ng["b"]`), from the
            // modules the resources are in.
            let mut instances: Vec<String> = self
                .resources
                .iter()
                .filter_map(|x| instance_of(&x.module, &child))
                .collect();
            instances.sort_unstable();
            instances.dedup();
            for inst in instances {
                self.expression(&inst, expr, index, depth + 1, out);
            }
        } else if !["local.", "each.", "count.", "path.", "terraform.", "self."]
            .iter()
            .any(|p| r.starts_with(p))
        {
            self.resource_reference(module, r, index, out);
        }
    }

    /// `aws_subnet.private[1].id`, `data.aws_vpc.this.id`, `aws_route_table.private`.
    fn resource_reference(
        &self,
        module: &str,
        r: &str,
        index: Option<&str>,
        out: &mut Vec<Target>,
    ) {
        let (prefix, rest) = match r.strip_prefix("data.") {
            Some(rest) => ("data.", rest),
            None => ("", r),
        };
        let mut parts = rest.splitn(2, '.');
        let (Some(kind), Some(tail)) = (parts.next(), parts.next()) else {
            return;
        };
        let name = head(tail);
        let mut after = &tail[name.len()..];
        let explicit = after
            .strip_prefix('[')
            .and_then(|a| a.split_once(']'))
            .map(|(k, rest)| {
                after = rest;
                k
            });
        // `.vpc_config[0].cluster_security_group_id` → the attribute path.
        let attribute: Vec<String> = after
            .split('.')
            .map(head)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let base = join(module, &format!("{prefix}{kind}.{name}"));
        let Some(found) = self.by_base.get(base.as_str()) else {
            return;
        };
        let pick = |key: &str| -> Vec<usize> {
            found
                .iter()
                .copied()
                .filter(|&i| self.resources[i].index.as_deref() == Some(key))
                .collect()
        };
        let chosen = match (explicit, index) {
            (Some(k), _) => pick(k),
            (None, Some(k)) if !pick(k).is_empty() => pick(k),
            _ => found.clone(),
        };
        for resource in chosen {
            let t = Target {
                resource,
                attribute: attribute.clone(),
            };
            // `aws_vpc.this[0].id` and `aws_vpc.this[0]` lead to the same resource.
            if !out.iter().any(|o| o.resource == t.resource) {
                out.push(t);
            }
        }
    }
}

/// The expression at `path` of a resource's configuration, through the first block of
/// nested block lists.
fn expression_at<'v>(config: &'v Value, path: &[&str]) -> Option<&'v Value> {
    let mut at = config.get("expressions")?;
    for key in path {
        at = at.get(*key)?;
        if let Value::Array(a) = at {
            at = a.first()?;
        }
    }
    Some(at)
}

/// The instance of module call `child` (`module.ng`) that module `m` is in or under:
/// `module.ng["a"].module.x` → `module.ng["a"]`.
fn instance_of(m: &str, child: &str) -> Option<String> {
    let rest = m.strip_prefix(child)?;
    if rest.is_empty() || rest.starts_with('.') {
        return Some(child.to_owned());
    }
    let key_end = rest.strip_prefix('[')?.find(']')? + 2;
    Some(format!("{child}{}", &rest[..key_end]))
}

/// The name before the first `.` or `[`.
fn head(s: &str) -> &str {
    &s[..s.find(['.', '[']).unwrap_or(s.len())]
}

fn join(module: &str, rest: &str) -> String {
    if module.is_empty() {
        rest.to_owned()
    } else {
        format!("{module}.{rest}")
    }
}

/// A resource's address within its module.
fn relative<'s>(base: &'s str, module: &str) -> &'s str {
    if module.is_empty() {
        base
    } else {
        base.get(module.len() + 1..).unwrap_or(base)
    }
}

/// `module.a.module.b["x"]` → `[("a", ""), ("b", "[\"x\"]")]`.
fn segments(module: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = module;
    while let Some(after) = rest.strip_prefix("module.") {
        let name = head(after);
        let mut end = name.len();
        if after[end..].starts_with('[') {
            end += after[end..].find(']').map_or(after.len() - end, |i| i + 1);
        }
        out.push((name, &after[name.len()..end]));
        rest = after[end..].strip_prefix('.').unwrap_or(&after[end..]);
    }
    out
}

/// `module.a.module.b["x"]` → (`module.a`, `b`).
fn split_last(module: &str) -> Option<(String, &str)> {
    let segs = segments(module);
    let (last, _) = *segs.last()?;
    let parent = segs[..segs.len() - 1]
        .iter()
        .map(|(n, k)| format!("module.{n}{k}"))
        .collect::<Vec<_>>()
        .join(".");
    Some((parent, last))
}

#[cfg(test)]
mod tests {
    use super::{instance_of, segments, split_last};

    #[test]
    fn module_paths() {
        assert_eq!(
            segments("module.eks.module.ng[\"a.b\"]"),
            vec![("eks", ""), ("ng", "[\"a.b\"]")]
        );
        assert_eq!(
            split_last("module.eks.module.ng[\"a\"]"),
            Some(("module.eks".to_owned(), "ng"))
        );
        assert_eq!(split_last("module.vpc"), Some((String::new(), "vpc")));
        assert_eq!(split_last(""), None);
        assert_eq!(
            instance_of("module.ng[\"a\"].module.x", "module.ng").as_deref(),
            Some("module.ng[\"a\"]")
        );
        assert_eq!(instance_of("module.ngx", "module.ng"), None);
        assert_eq!(
            instance_of("module.ng.module.y", "module.ng").as_deref(),
            Some("module.ng")
        );
    }
}
