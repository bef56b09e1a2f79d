//! CloudFormation YAML into the JSON form of the same template: the short intrinsic tags
//! (`!Ref Vpc`, `!GetAtt Vpc.CidrBlock`, `!Sub …`) become their long forms (`{"Ref": "Vpc"}`,
//! `{"Fn::GetAtt": ["Vpc", "CidrBlock"]}`), so one evaluator reads both.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use serde_saphyr::Tagged;

/// One YAML node with its tag.
struct Node(Value);

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Tagged(Plain(value), tag) = Tagged::<Plain>::deserialize(d)?;
        Ok(Node(match tag.as_deref().and_then(short_name) {
            Some(name) => long_form(name, value),
            None => value,
        }))
    }
}

/// The node without its tag; its children are [`Node`]s, so their tags are kept.
struct Plain(Value);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PlainVisitor).map(Plain)
    }
}

struct PlainVisitor;

impl<'de> Visitor<'de> for PlainVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Node::deserialize(d).map(|n| n.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Node(v)) = seq.next_element::<Node>()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some((k, Node(v))) = map.next_entry::<String, Node>()? {
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

/// `Ref` for `!Ref`, `GetAtt` for `!GetAtt`; `None` for YAML's own tags.
fn short_name(tag: &str) -> Option<&str> {
    let name = tag.strip_prefix('!')?;
    (!name.is_empty() && !name.starts_with('!') && name.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(name)
}

/// The long form of a short tag: `!GetAtt a.b` takes the dotted string apart.
fn long_form(name: &str, value: Value) -> Value {
    let key = match name {
        "Ref" | "Condition" => name.to_owned(),
        other => format!("Fn::{other}"),
    };
    let value = match (name, value) {
        ("GetAtt", Value::String(s)) => match s.split_once('.') {
            Some((r, a)) => Value::Array(vec![Value::from(r), Value::from(a)]),
            None => Value::String(s),
        },
        (_, v) => v,
    };
    let mut m = Map::new();
    m.insert(key, value);
    Value::Object(m)
}

/// Reads a YAML template into its JSON form, or the parser's error.
pub(super) fn parse(text: &str) -> Result<Value, serde_saphyr::Error> {
    super::with_big_stack(|| {
        serde_saphyr::from_str_with_options::<Node>(text, serde_saphyr::Options::default())
            .map(|n| n.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn short_tags_become_long_forms_at_any_depth() {
        let v = parse(
            "A: !Ref Vpc\nB:\n  C: [!GetAtt Vpc.CidrBlock, !Select [0, !GetAZs '']]\nD: !Sub '${AWS::StackName}-x'\nE: {Ref: P}\n",
        )
        .unwrap();
        assert_eq!(v["A"], serde_json::json!({"Ref": "Vpc"}));
        assert_eq!(
            v["B"]["C"][0],
            serde_json::json!({"Fn::GetAtt": ["Vpc", "CidrBlock"]})
        );
        assert_eq!(
            v["B"]["C"][1],
            serde_json::json!({"Fn::Select": [0, {"Fn::GetAZs": ""}]})
        );
        assert_eq!(
            v["D"],
            serde_json::json!({"Fn::Sub": "${AWS::StackName}-x"})
        );
        assert_eq!(v["E"], serde_json::json!({"Ref": "P"}));
    }

    #[test]
    fn an_alias_bomb_is_refused_quickly() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            writeln!(
                text,
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]"
            )
            .unwrap();
        }
        assert!(parse(&text).is_err());
    }
}
