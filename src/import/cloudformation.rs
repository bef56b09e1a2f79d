//! CloudFormation templates, YAML or JSON (docs/import.md §4): read into one JSON form with
//! the short intrinsic tags in their long forms, evaluated offline (`cfn_eval.rs`), then
//! mapped onto the bundle (`cfn_map.rs`). Logical ids are the component ids and sources.

use serde_json::Value;

use super::bundle::Notes;
use super::{ImportError, Imported, Input};
use crate::i18n::Msg;
use crate::msg;

/// True when the text looks like a CloudFormation template (cheap, for recognising files).
pub(super) fn looks_like(text: &str) -> bool {
    let head: String = text.chars().take(8192).collect();
    if head.trim_start().starts_with('{') {
        return head.contains("\"AWSTemplateFormatVersion\"")
            || (text.contains("\"Resources\"") && text.contains("\"AWS::"));
    }
    let top = |key: &str| text.lines().any(|l| l.starts_with(key));
    top("AWSTemplateFormatVersion:")
        || (top("Resources:")
            && (text.contains("Type: AWS::")
                || text.contains("Type: 'AWS::")
                || text.contains("Type: \"AWS::")))
}

/// Imports one template (several templates are several stacks: refused, as they would need
/// their exports joined).
pub(super) fn import(inputs: &[Input]) -> Result<Imported, ImportError> {
    if let [_, second, ..] = inputs {
        return Err(ImportError::NotRecognised {
            path: second.path.clone(),
            message: msg!("imp-err-cfn-second"),
        });
    }
    let input = &inputs[0];
    let template = read(input)?;
    let mut notes = Notes::default();
    let bundle = super::cfn_map::bundle(&template, &mut notes);
    super::build::build(bundle)
}

fn read(input: &Input) -> Result<Value, ImportError> {
    let syntax = |line: usize, col: usize, message: Msg| ImportError::Syntax {
        path: input.path.clone(),
        line: line.max(1),
        col: col.max(1),
        message,
    };
    let template: Value = if input.text.trim_start().starts_with('{') {
        serde_json::from_str(&input.text).map_err(|e| super::json_syntax(input, &e))?
    } else {
        super::cfn_yaml::parse(&input.text).map_err(|e| {
            let (line, col) = e
                .location()
                .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            // The YAML reader's words, as eksctl.rs gives them (English for now).
            syntax(line, col, Msg::verbatim(super::eksctl::message_of(&e)))
        })?
    };
    let not = |message: Msg| ImportError::NotRecognised {
        path: input.path.clone(),
        message,
    };
    let Some(resources) = template.get("Resources").and_then(Value::as_object) else {
        return Err(not(msg!("imp-err-cfn-no-resources")));
    };
    if template.get("Transform").is_some() {
        // SAM and language extensions need AWS to expand them; say so rather than guess.
        let uses_foreach = resources.keys().any(|k| k.starts_with("Fn::ForEach"));
        if uses_foreach {
            return Err(not(msg!("imp-err-cfn-foreach")));
        }
    }
    let relevant = resources.values().any(|r| {
        r.get("Type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.starts_with("AWS::EC2::") || t.starts_with("AWS::EKS::"))
    });
    if !relevant {
        return Err(not(msg!("imp-err-cfn-no-ec2-eks")));
    }
    Ok(template)
}
