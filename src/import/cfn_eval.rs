//! CloudFormation's intrinsic functions, offline (docs/import.md §4.2): what can be computed
//! from the template alone is (`Ref` to a resource is its logical id, parameters take their
//! defaults, `Fn::Cidr`, `Fn::Select`, `Fn::Sub` on known values, conditions); what AWS
//! decides at deploy time becomes an unknown marker that says why, never a made-up value.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use ipnet::Ipv4Net;
use serde_json::{Map, Value};

/// The key of the object that stands for a value unknown offline.
const UNKNOWN: &str = "$unknown";
const MAX_DEPTH: u32 = 64;

/// An unknown value, with why it is unknown.
pub(super) fn unknown(why: impl Into<String>) -> Value {
    let mut m = Map::new();
    m.insert(UNKNOWN.to_owned(), Value::String(why.into()));
    Value::Object(m)
}

/// Why a value is unknown, when it is.
pub(super) fn why_unknown(v: &Value) -> Option<&str> {
    v.as_object()?.get(UNKNOWN)?.as_str()
}

/// The marker `AWS::NoValue` leaves: removed from objects and lists.
const NO_VALUE: &str = "$novalue";

fn is_no_value(v: &Value) -> bool {
    v.as_object().is_some_and(|m| m.contains_key(NO_VALUE))
}

/// The id that stands for the security group EKS creates for cluster `name` (EKS gives
/// its real id only when it creates the cluster).
pub(super) fn cluster_sg_id(name: &str) -> String {
    format!("eks-cluster-sg-{name}")
}

/// Attributes that name the resource itself (a link, like `Ref`).
const LINK_ATTRIBUTES: [&str; 9] = [
    "GroupId",
    "AllocationId",
    "Id",
    "RouteTableId",
    "VpcId",
    "SubnetId",
    "InternetGatewayId",
    "NatGatewayId",
    "NetworkAclId",
];

/// The evaluator of one template.
pub(super) struct Eval<'t> {
    resources: &'t Map<String, Value>,
    parameters: Map<String, Value>,
    mappings: Option<&'t Map<String, Value>>,
    conditions: Option<&'t Map<String, Value>>,
    depth: Cell<u32>,
    /// Parameters without a default, conditions that could not be decided, and other
    /// things the notes should say, in the order met.
    pub said: RefCell<BTreeSet<String>>,
}

impl<'t> Eval<'t> {
    pub fn new(template: &'t Value) -> Self {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let resources = template
            .get("Resources")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new));
        let mut parameters = Map::new();
        for (name, p) in template
            .get("Parameters")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let v = match p.get("Default") {
                Some(Value::String(s))
                    if p.get("Type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.starts_with("List<") || t == "CommaDelimitedList") =>
                {
                    Value::Array(s.split(',').map(|x| Value::from(x.trim())).collect())
                }
                Some(d) => d.clone(),
                None => unknown(format!("parameter {name} has no default")),
            };
            parameters.insert(name.clone(), v);
        }
        Self {
            resources,
            parameters,
            mappings: template.get("Mappings").and_then(Value::as_object),
            conditions: template.get("Conditions").and_then(Value::as_object),
            depth: Cell::new(0),
            said: RefCell::new(BTreeSet::new()),
        }
    }

    fn say(&self, text: String) {
        self.said.borrow_mut().insert(text);
    }

    /// The resources of the template, in name order, with the ones whose condition is false
    /// left out.
    pub fn resources(&self) -> Vec<(&'t String, &'t Value)> {
        self.resources
            .iter()
            .filter(|(id, r)| {
                let Some(c) = r.get("Condition").and_then(Value::as_str) else {
                    return true;
                };
                self.condition(c).unwrap_or_else(|| {
                    self.say(format!(
                        "resource {id} is imported although its condition {c} cannot be decided offline"
                    ));
                    true
                })
            })
            .collect()
    }

    /// The evaluated `Properties` of a resource.
    pub fn properties(&self, r: &Value) -> Map<String, Value> {
        match r.get("Properties").map(|p| self.value(p)) {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        }
    }

    /// A named condition: `None` when it depends on something unknown.
    pub fn condition(&self, name: &str) -> Option<bool> {
        let expr = self.conditions?.get(name)?;
        self.deeper(|| self.truth(expr)).flatten()
    }

    fn truth(&self, expr: &Value) -> Option<bool> {
        let (f, args) = single(expr)?;
        let list = args.as_array();
        match f {
            "Condition" => self.condition(args.as_str()?),
            "Fn::Equals" => {
                let l = list?;
                let a = self.value(l.first()?);
                let b = self.value(l.get(1)?);
                if why_unknown(&a).is_some() || why_unknown(&b).is_some() {
                    return None;
                }
                Some(loose_eq(&a, &b))
            }
            "Fn::Not" => self.truth(list?.first()?).map(|b| !b),
            "Fn::And" => list?
                .iter()
                .map(|c| self.truth(c))
                .try_fold(true, |acc, x| x.map(|x| acc && x)),
            "Fn::Or" => list?
                .iter()
                .map(|c| self.truth(c))
                .try_fold(false, |acc, x| x.map(|x| acc || x)),
            _ => None,
        }
    }

    fn deeper<T>(&self, f: impl FnOnce() -> T) -> Option<T> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let out = f();
        self.depth.set(self.depth.get() - 1);
        Some(out)
    }

    /// Evaluates a value: intrinsic functions are applied, unknowns marked.
    pub fn value(&self, v: &Value) -> Value {
        self.deeper(|| self.value_inner(v))
            .unwrap_or_else(|| unknown("the value is nested too deeply"))
    }

    fn value_inner(&self, v: &Value) -> Value {
        match v {
            Value::Array(list) => Value::Array(
                list.iter()
                    .map(|x| self.value(x))
                    .filter(|x| !is_no_value(x))
                    .collect(),
            ),
            Value::Object(m) => {
                if let Some((f, args)) = single(v)
                    && (f == "Ref" || f.starts_with("Fn::"))
                {
                    return self.function(f, args);
                }
                Value::Object(
                    m.iter()
                        .map(|(k, x)| (k.clone(), self.value(x)))
                        .filter(|(_, x)| !is_no_value(x))
                        .collect(),
                )
            }
            other => other.clone(),
        }
    }

    fn function(&self, f: &str, args: &Value) -> Value {
        match f {
            "Ref" => self.reference(args.as_str().unwrap_or_default()),
            "Fn::GetAtt" => {
                let (r, a) = match args {
                    Value::Array(l) => (
                        l.first()
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        match l.get(1).map(|a| self.value(a)) {
                            Some(Value::String(s)) => s,
                            _ => String::new(),
                        },
                    ),
                    Value::String(s) => match s.split_once('.') {
                        Some((r, a)) => (r.to_owned(), a.to_owned()),
                        None => (s.clone(), String::new()),
                    },
                    _ => (String::new(), String::new()),
                };
                self.attribute(&r, &a)
            }
            "Fn::Sub" => self.sub(args),
            "Fn::Join" => {
                let l = self.value(args);
                let (Some(delim), Some(items)) = (
                    l.get(0).and_then(Value::as_str),
                    l.get(1).and_then(Value::as_array),
                ) else {
                    return first_unknown(&l)
                        .unwrap_or_else(|| unknown("Fn::Join with unexpected arguments"));
                };
                let mut parts = Vec::new();
                for i in items {
                    match i {
                        Value::String(s) => parts.push(s.clone()),
                        Value::Number(n) => parts.push(n.to_string()),
                        other => {
                            return first_unknown(other)
                                .unwrap_or_else(|| unknown("Fn::Join of a non-string"));
                        }
                    }
                }
                Value::String(parts.join(delim))
            }
            "Fn::Select" => {
                let Some(l) = args.as_array() else {
                    return unknown("Fn::Select with unexpected arguments");
                };
                let index = l.first().map(|i| self.value(i));
                let list = l.get(1).map(|x| self.value(x));
                let index = match &index {
                    Some(Value::Number(n)) => n.as_u64(),
                    Some(Value::String(s)) => s.parse().ok(),
                    _ => None,
                };
                match (index, list) {
                    (Some(i), Some(Value::Array(items))) => {
                        items.get(i as usize).cloned().unwrap_or_else(|| {
                            unknown(format!("Fn::Select index {i} is past the list"))
                        })
                    }
                    (_, Some(other)) => first_unknown(&other)
                        .unwrap_or_else(|| unknown("Fn::Select with unexpected arguments")),
                    _ => unknown("Fn::Select with unexpected arguments"),
                }
            }
            "Fn::Split" => {
                let l = self.value(args);
                match (l.get(0).and_then(Value::as_str), l.get(1)) {
                    (Some(d), Some(Value::String(s))) if !d.is_empty() => {
                        Value::Array(s.split(d).map(Value::from).collect())
                    }
                    (_, Some(x)) => first_unknown(x)
                        .unwrap_or_else(|| unknown("Fn::Split with unexpected arguments")),
                    _ => unknown("Fn::Split with unexpected arguments"),
                }
            }
            "Fn::FindInMap" => {
                let l = self.value(args);
                let keys: Vec<Option<&str>> =
                    (0..3).map(|i| l.get(i).and_then(Value::as_str)).collect();
                match (self.mappings, keys.as_slice()) {
                    (Some(m), [Some(a), Some(b), Some(c)]) => m
                        .get(*a)
                        .and_then(|x| x.get(*b))
                        .and_then(|x| x.get(*c))
                        .map_or_else(
                            || unknown(format!("Fn::FindInMap: {a}/{b}/{c} is not in Mappings")),
                            |x| self.value(x),
                        ),
                    _ => first_unknown(&l)
                        .unwrap_or_else(|| unknown("Fn::FindInMap with unexpected arguments")),
                }
            }
            "Fn::Cidr" => Self::cidr(&self.value(args)),
            "Fn::GetAZs" => {
                self.say("zones: Fn::GetAZs needs the region's zone list; they are named <region>-az1, <region>-az2…".to_owned());
                Value::Array(
                    (1..=6)
                        .map(|i| Value::from(format!("<region>-az{i}")))
                        .collect(),
                )
            }
            "Fn::If" => {
                let Some(l) = args.as_array() else {
                    return unknown("Fn::If with unexpected arguments");
                };
                let name = l.first().and_then(Value::as_str).unwrap_or_default();
                let branch = match self.condition(name) {
                    Some(true) => 1,
                    Some(false) => 2,
                    None => {
                        self.say(format!(
                            "condition {name} cannot be decided offline: its true branch is used"
                        ));
                        1
                    }
                };
                l.get(branch).map_or(Value::Null, |b| self.value(b))
            }
            "Fn::ImportValue" => unknown("it is imported from another stack (Fn::ImportValue)"),
            "Fn::Base64" => self.value(args),
            other => unknown(format!("{other} is not evaluated offline")),
        }
    }

    fn reference(&self, name: &str) -> Value {
        match name {
            "AWS::NoValue" => {
                let mut m = Map::new();
                m.insert(NO_VALUE.to_owned(), Value::Bool(true));
                Value::Object(m)
            }
            "AWS::Region" => {
                self.say(
                    "the region is not in a template: values that name it say <region>".to_owned(),
                );
                Value::from("<region>")
            }
            "AWS::Partition" => Value::from("aws"),
            "AWS::URLSuffix" => Value::from("amazonaws.com"),
            n if n.starts_with("AWS::") => {
                unknown(format!("{n} is known only when the stack is deployed"))
            }
            n => {
                if let Some(p) = self.parameters.get(n) {
                    if why_unknown(p).is_some() {
                        self.say(format!(
                            "parameter {n} has no default: what uses it stays unknown"
                        ));
                    }
                    p.clone()
                } else if self.resources.contains_key(n) {
                    Value::from(n)
                } else {
                    unknown(format!("Ref {n}: no parameter or resource has that name"))
                }
            }
        }
    }

    fn attribute(&self, r: &str, attribute: &str) -> Value {
        let Some(res) = self.resources.get(r) else {
            return unknown(format!(
                "Fn::GetAtt {r}.{attribute}: no resource has that name"
            ));
        };
        let kind = res.get("Type").and_then(Value::as_str).unwrap_or_default();
        if kind == "AWS::EKS::Cluster" && attribute == "ClusterSecurityGroupId" {
            let name = res
                .get("Properties")
                .and_then(|p| p.get("Name"))
                .map(|n| self.value(n));
            return Value::from(cluster_sg_id(
                name.as_ref().and_then(Value::as_str).unwrap_or(r),
            ));
        }
        match res.get("Properties").and_then(|p| p.get(attribute)) {
            Some(v) => self.value(v),
            None if LINK_ATTRIBUTES.contains(&attribute) => Value::from(r),
            None => unknown(format!(
                "{r}.{attribute} is known only when the stack is deployed"
            )),
        }
    }

    fn sub(&self, args: &Value) -> Value {
        let (text, vars) = match args {
            Value::String(s) => (s.clone(), Map::new()),
            Value::Array(l) => (
                l.first()
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                l.get(1)
                    .and_then(Value::as_object)
                    .map(|m| m.iter().map(|(k, v)| (k.clone(), self.value(v))).collect())
                    .unwrap_or_default(),
            ),
            _ => return unknown("Fn::Sub with unexpected arguments"),
        };
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
                continue;
            }
            let v = match vars.get(name) {
                Some(v) => v.clone(),
                None => match name.split_once('.') {
                    Some((r, a)) if !name.starts_with("AWS::") => self.attribute(r, a),
                    _ => self.reference(name),
                },
            };
            match v {
                Value::String(s) => out.push_str(&s),
                Value::Number(n) => out.push_str(&n.to_string()),
                other => {
                    return first_unknown(&other).unwrap_or_else(|| {
                        unknown(format!("Fn::Sub: ${{{name}}} is not a string"))
                    });
                }
            }
        }
        out.push_str(rest);
        Value::String(out)
    }

    fn cidr(args: &Value) -> Value {
        let (Some(block), Some(count), Some(bits)) = (
            args.get(0).and_then(Value::as_str),
            args.get(1).and_then(as_u64),
            args.get(2).and_then(as_u64),
        ) else {
            return first_unknown(args)
                .unwrap_or_else(|| unknown("Fn::Cidr with unexpected arguments"));
        };
        let Ok(net) = block.parse::<Ipv4Net>() else {
            return unknown(format!("Fn::Cidr of {block:?}, which is not an IPv4 CIDR"));
        };
        let prefix = 32u64.saturating_sub(bits);
        if bits == 0 || prefix < u64::from(net.prefix_len()) || count == 0 || count > 256 {
            return unknown(format!(
                "Fn::Cidr [{block}, {count}, {bits}] asks for more than the block holds"
            ));
        }
        match net.subnets(prefix as u8) {
            Ok(it) => {
                let list: Vec<Value> = it
                    .take(count as usize)
                    .map(|n| Value::from(n.to_string()))
                    .collect();
                if (list.len() as u64) < count {
                    unknown(format!(
                        "Fn::Cidr [{block}, {count}, {bits}] asks for more than the block holds"
                    ))
                } else {
                    Value::Array(list)
                }
            }
            Err(_) => unknown(format!(
                "Fn::Cidr [{block}, {count}, {bits}] is not a valid split"
            )),
        }
    }
}

/// The function name and its argument of a one-key object.
fn single(v: &Value) -> Option<(&str, &Value)> {
    let m = v.as_object()?;
    if m.len() != 1 {
        return None;
    }
    m.iter().next().map(|(k, v)| (k.as_str(), v))
}

fn as_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Condition equality: CloudFormation compares strings, so `true` equals `"true"`.
fn loose_eq(a: &Value, b: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text(a) == text(b)
}

/// The first unknown marker inside a value.
fn first_unknown(v: &Value) -> Option<Value> {
    if why_unknown(v).is_some() {
        return Some(v.clone());
    }
    match v {
        Value::Array(l) => l.iter().find_map(first_unknown),
        Value::Object(m) => m.values().find_map(first_unknown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn functions_compute_what_the_template_holds() {
        let t = json!({
            "Parameters": {"Cidr": {"Type": "String", "Default": "10.20.0.0/16"},
                           "Key": {"Type": "String"}},
            "Mappings": {"Tier": {"public": {"Map": true}}},
            "Conditions": {"Big": {"Fn::Equals": [{"Ref": "Cidr"}, "10.20.0.0/16"]},
                           "Small": {"Fn::Not": [{"Condition": "Big"}]},
                           "Keyed": {"Fn::Equals": [{"Ref": "Key"}, "x"]}},
            "Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Ref": "Cidr"}}},
                          "Eks": {"Type": "AWS::EKS::Cluster"}}
        });
        let e = Eval::new(&t);
        let v = |x: Value| e.value(&x);
        assert_eq!(
            v(
                json!({"Fn::Select": [1, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 4, 8]}]})
            ),
            json!("10.20.1.0/24")
        );
        assert_eq!(
            v(json!({"Fn::Cidr": ["10.20.0.0/16", 2, 13]})),
            json!(["10.20.0.0/19", "10.20.32.0/19"])
        );
        assert_eq!(
            v(json!({"Fn::Sub": "${Vpc}-${Cidr}-${!Lit}"})),
            json!("Vpc-10.20.0.0/16-${Lit}")
        );
        assert_eq!(v(json!({"Fn::Sub": ["${A}.x", {"A": "b"}]})), json!("b.x"));
        assert_eq!(v(json!({"Fn::Join": ["-", ["a", "b"]]})), json!("a-b"));
        assert_eq!(
            v(json!({"Fn::FindInMap": ["Tier", "public", "Map"]})),
            json!(true)
        );
        assert_eq!(v(json!({"Fn::If": ["Big", "yes", "no"]})), json!("yes"));
        assert_eq!(v(json!({"Fn::If": ["Small", "yes", "no"]})), json!("no"));
        assert_eq!(
            v(json!({"Fn::GetAtt": ["Eks", "ClusterSecurityGroupId"]})),
            json!("eks-cluster-sg-Eks")
        );
        assert_eq!(v(json!([1, {"Ref": "AWS::NoValue"}, 2])), json!([1, 2]));
        assert_eq!(e.condition("Keyed"), None);
        // Unknown stays unknown, with the reason.
        let x = v(json!({"Fn::Sub": "${AWS::AccountId}-x"}));
        assert!(why_unknown(&x).unwrap().contains("AWS::AccountId"), "{x}");
        let x = v(json!({"Ref": "Key"}));
        assert!(why_unknown(&x).is_some());
        let x = v(json!({"Fn::ImportValue": "shared-vpc"}));
        assert!(why_unknown(&x).unwrap().contains("another stack"));
        let x = v(json!({"Fn::Cidr": ["10.0.0.0/24", 4, 16]}));
        assert!(why_unknown(&x).is_some(), "{x}");
    }

    #[test]
    fn self_referencing_values_end() {
        let t = json!({"Resources": {"A": {"Type": "AWS::EC2::VPC",
            "Properties": {"CidrBlock": {"Fn::GetAtt": ["A", "CidrBlock"]}}}}});
        let e = Eval::new(&t);
        let x = e.value(&json!({"Fn::GetAtt": ["A", "CidrBlock"]}));
        assert!(why_unknown(&x).is_some(), "{x}");
        let t = json!({"Conditions": {"A": {"Condition": "A"}}, "Resources": {}});
        assert_eq!(Eval::new(&t).condition("A"), None);
    }
}
