//! What is left of a Korean message once its values are taken out: the English words the
//! catalogue has not translated (used by the narration and import tests).

use eksplain::i18n::{Arg, Lang, Msg};

/// Names that stay in Latin letters in every Korean text: AWS and Kubernetes names and the
/// protocols and address words of AWS's Korean documentation.
pub const AWS_NAMES: &[&str] = &[
    "AWS",
    "EKS",
    "VPC",
    "VPN",
    "NAT",
    "NLB",
    "ENI",
    "ACL",
    "API",
    "DNS",
    "TCP",
    "UDP",
    "CIDR",
    "IPv4",
    "IPv6",
    "IP",
    "ID",
    "EC2",
    "Amazon",
    "AmazonProvidedDNS",
    "kubectl",
];

/// The texts a message carries as values (ids, addresses), from it and the parts inside it.
pub fn values(m: &Msg, out: &mut Vec<String>) {
    // A verbatim sentence is English text that has not moved into the catalogue yet; a
    // verbatim word (an address) is a value.
    let sentence = m.key() == "verbatim"
        && m.args()
            .iter()
            .any(|(_, a)| matches!(a, Arg::Text(t) if t.contains(' ')));
    for (_, a) in m.args().iter().filter(|_| !sentence) {
        match a {
            Arg::Text(t) => out.push(t.to_string()),
            Arg::Num(n) => out.push(n.to_string()),
            Arg::Msg(inner) => values(inner, out),
        }
    }
    for f in m.following() {
        values(f, out);
    }
}

/// The first English sentence built outside the catalogue inside `m`, if any.
pub fn verbatim_sentence(m: &Msg) -> Option<String> {
    if m.key() == "verbatim" && m.en().contains(' ') {
        return Some(m.en());
    }
    m.args()
        .iter()
        .find_map(|(_, a)| match a {
            Arg::Msg(inner) => verbatim_sentence(inner),
            _ => None,
        })
        .or_else(|| m.following().iter().find_map(verbatim_sentence))
}

/// The English words left in `text` (a message in Korean) once the message's values are
/// taken out, except [`AWS_NAMES`] and the words in `kept`.
pub fn english_left_in(text: &str, m: &Msg, kept: &[&str]) -> Vec<String> {
    let mut text = text.to_owned();
    let mut vals = Vec::new();
    values(m, &mut vals);
    vals.sort_by_key(|v| std::cmp::Reverse(v.len()));
    for v in vals.iter().filter(|v| !v.is_empty()) {
        text = text.replace(v.as_str(), " ");
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) || w.starts_with("IPv"))
        .filter(|w| !AWS_NAMES.contains(w) && !kept.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The English words left in `m` in Korean, except [`AWS_NAMES`] and the words in `kept`.
pub fn english_left(m: &Msg, kept: &[&str]) -> Vec<String> {
    english_left_in(&m.in_lang(Lang::Ko), m, kept)
}
