//! `terraform show -json` of a state or a plan (docs/import.md §2): the resources of every
//! module, with their attribute values; in a plan, which values stay unknown until apply
//! and, to join resources whose ids are unknown, the configuration's references.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::bundle::{Notes, Origin};
use super::{ImportError, Imported, Input, NoteKind};
use crate::i18n::Msg;
use crate::msg;

#[derive(Deserialize)]
struct Show {
    format_version: Option<String>,
    values: Option<Values>,
    planned_values: Option<Values>,
    #[serde(default)]
    resource_changes: Vec<ResourceChange>,
    configuration: Option<Value>,
}

#[derive(Deserialize)]
struct Values {
    root_module: Option<Module>,
}

#[derive(Deserialize)]
struct Module {
    #[serde(default)]
    resources: Vec<RawResource>,
    #[serde(default)]
    child_modules: Vec<Module>,
}

#[derive(Deserialize)]
struct RawResource {
    address: String,
    #[serde(default)]
    mode: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    index: Option<Value>,
    #[serde(default)]
    values: Option<Map<String, Value>>,
}

#[derive(Deserialize)]
struct ResourceChange {
    address: String,
    #[serde(default)]
    change: Option<Change>,
}

#[derive(Deserialize)]
struct Change {
    #[serde(default)]
    after_unknown: Option<Value>,
}

/// One resource instance of the state or the plan.
pub(super) struct Resource {
    /// Its full address: `module.vpc.aws_subnet.private[0]`.
    pub address: String,
    /// `aws_subnet`.
    pub kind: String,
    /// The module instance it is in: `module.vpc`, or "" at the root.
    pub module: String,
    /// The address without the instance key: `module.vpc.aws_subnet.private`.
    pub base: String,
    /// The `count` / `for_each` key, as written in the address (`0`, `"a"`).
    pub index: Option<String>,
    pub values: Map<String, Value>,
    /// `after_unknown` of a plan: `true` at each value known only after apply.
    pub unknown: Value,
}

/// Everything read from one `terraform show -json` document.
pub(super) struct Tf {
    pub origin: Origin,
    pub resources: Vec<Resource>,
    pub config: Option<Value>,
}

/// True when the text looks like `terraform show -json` output (cheap, for recognising files).
pub(super) fn looks_like(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect();
    (head.contains("\"format_version\"")
        && (text.contains("\"values\"") || text.contains("\"planned_values\"")))
        // A raw state file, recognised to say what to run instead.
        || (head.contains("\"terraform_version\"") && head.contains("\"lineage\""))
        || (head.contains("\"terraform_version\"") && text.contains("\"resources\""))
}

/// Imports the `terraform show -json` documents given (a state, a plan, or one of each
/// file of a split configuration).
pub(super) fn import(inputs: &[Input]) -> Result<Imported, ImportError> {
    let mut all = Vec::new();
    let mut origin = Origin::TerraformState;
    let mut config = None;
    for input in inputs {
        let tf = read(input)?;
        if tf.origin == Origin::TerraformPlan {
            origin = Origin::TerraformPlan;
        }
        config = config.or(tf.config);
        all.extend(tf.resources);
    }
    let tf = Tf {
        origin,
        resources: all,
        config,
    };
    let mut notes = Notes::default();
    let bundle = super::terraform_map::bundle(&tf, &mut notes);
    super::build::build(bundle)
}

fn read(input: &Input) -> Result<Tf, ImportError> {
    let not = |message: Msg| ImportError::NotRecognised {
        path: input.path.clone(),
        message,
    };
    let raw: Value =
        serde_json::from_str(&input.text).map_err(|e| super::json_syntax(input, &e))?;
    if raw.get("version").is_some() && raw.get("resources").is_some() {
        return Err(not(msg!("imp-err-tf-raw-state")));
    }
    let show: Show = serde_json::from_value(raw).map_err(|e| {
        not(msg!(
            "imp-err-tf-not-show",
            // The parser's own words (English), as a value.
            error = e.to_string().split(" at line ").next().unwrap_or_default()
        ))
    })?;
    let version = show.format_version.as_deref().unwrap_or_default();
    if version.split('.').next() != Some("1") {
        return Err(not(msg!(
            "imp-err-tf-version",
            version = format!("{version:?}")
        )));
    }
    let (origin, values) = match (show.planned_values, show.values) {
        (Some(v), _) => (Origin::TerraformPlan, v),
        (None, Some(v)) => (Origin::TerraformState, v),
        (None, None) => {
            return Err(not(msg!("imp-err-tf-no-values")));
        }
    };
    let unknown: HashMap<String, Value> = show
        .resource_changes
        .into_iter()
        .filter_map(|c| Some((c.address, c.change?.after_unknown?)))
        .collect();
    let mut resources = Vec::new();
    let mut stack: Vec<Module> = values.root_module.into_iter().collect();
    while let Some(m) = stack.pop() {
        for r in m.resources {
            if r.mode != "managed" && r.mode != "data" {
                continue;
            }
            resources.push(resource(r, &unknown));
        }
        stack.extend(m.child_modules);
    }
    // Module order is the document's; resources keep a stable order by address.
    resources.sort_by(|a, b| a.address.cmp(&b.address));
    if !resources.iter().any(|r| r.kind.starts_with("aws_")) {
        return Err(not(match origin {
            Origin::TerraformPlan => msg!("imp-err-tf-plan-no-aws"),
            _ => msg!("imp-err-tf-state-no-aws"),
        }));
    }
    Ok(Tf {
        origin,
        resources,
        config: show.configuration,
    })
}

fn resource(r: RawResource, unknown: &HashMap<String, Value>) -> Resource {
    let index = r.index.as_ref().map(|i| match i {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    });
    let base = match &index {
        Some(i) => r
            .address
            .strip_suffix(&format!("[{i}]"))
            .unwrap_or(&r.address)
            .to_owned(),
        None => r.address.clone(),
    };
    let module = module_of(&base);
    Resource {
        unknown: unknown.get(&r.address).cloned().unwrap_or(Value::Null),
        address: r.address,
        kind: r.kind,
        module,
        base,
        index,
        values: r.values.unwrap_or_default(),
    }
}

/// `module.a.module.b["x"].aws_subnet.s` → `module.a.module.b["x"]`.
fn module_of(base: &str) -> String {
    let mut rest = base;
    let mut module_len = 0;
    while let Some(after) = rest.strip_prefix("module.") {
        // The module name, then an optional key, then a dot.
        let name_end = after.find(['.', '[']).unwrap_or(after.len());
        let mut end = name_end;
        if after[end..].starts_with('[') {
            end += after[end..].find(']').map_or(after.len() - end, |i| i + 1);
        }
        let consumed = "module.".len() + end;
        module_len += consumed;
        rest = &rest[consumed..];
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
            module_len += 1;
        }
    }
    base[..module_len].trim_end_matches('.').to_owned()
}

impl Resource {
    /// A string value, "" and null read as absent.
    pub fn str(&self, key: &str) -> Option<String> {
        str_of(self.values.get(key))
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.values.get(key).and_then(Value::as_bool)
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        self.values.get(key).and_then(Value::as_i64)
    }

    /// A list of strings (absent or unknown reads as empty).
    pub fn strings(&self, key: &str) -> Vec<String> {
        strings_of(self.values.get(key))
    }

    /// The first block of a nested block list (`vpc_config[0]`).
    pub fn block(&self, key: &str) -> Option<&Map<String, Value>> {
        match self.values.get(key)? {
            Value::Array(a) => a.first()?.as_object(),
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The blocks of a nested block list (`ingress`, `route`).
    pub fn blocks(&self, key: &str) -> Vec<&Map<String, Value>> {
        match self.values.get(key) {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        }
    }

    /// True when the plan knows this value only after apply (`after_unknown`), also inside
    /// the first block of a nested list (`vpc_config.subnet_ids`).
    pub fn is_unknown(&self, path: &[&str]) -> bool {
        let mut at = &self.unknown;
        for key in path {
            at = match at {
                Value::Object(o) => match o.get(*key) {
                    Some(v) => v,
                    None => return false,
                },
                Value::Array(a) => match a.first().and_then(|v| v.get(*key)) {
                    Some(v) => v,
                    None => return false,
                },
                Value::Bool(b) => return *b,
                _ => return false,
            };
            if let Value::Array(a) = at
                && a.len() == 1
                && path.last() != Some(key)
            {
                at = &a[0];
            }
        }
        match at {
            Value::Bool(b) => *b,
            Value::Array(a) => a.iter().any(|v| v.as_bool() == Some(true)),
            _ => false,
        }
    }

    /// The tags as the CLI lists them.
    pub fn tags(&self) -> Vec<super::aws_shapes::Tag> {
        let Some(Value::Object(t)) = self.values.get("tags") else {
            return Vec::new();
        };
        t.iter()
            .filter_map(|(k, v)| {
                Some(super::aws_shapes::Tag {
                    key: k.clone(),
                    value: v.as_str()?.to_owned(),
                })
            })
            .collect()
    }
}

/// A string value, "" and null read as absent.
pub(super) fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A list of strings (absent or unknown reads as empty).
pub(super) fn strings_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// Adds the note for a plan once: what is unknown stays unknown.
pub(super) fn plan_note(notes: &mut Notes) {
    notes.add(NoteKind::Assumed, msg!("imp-tf-plan"));
}

#[cfg(test)]
mod tests {
    use super::module_of;

    #[test]
    fn module_of_addresses() {
        assert_eq!(module_of("aws_vpc.this"), "");
        assert_eq!(module_of("module.vpc.aws_subnet.private"), "module.vpc");
        assert_eq!(
            module_of(
                "module.eks.module.eks_managed_node_group[\"default\"].aws_eks_node_group.this"
            ),
            "module.eks.module.eks_managed_node_group[\"default\"]"
        );
        assert_eq!(
            module_of("module.a[\"x.y\"].data.aws_vpc.v"),
            "module.a[\"x.y\"]"
        );
    }
}
