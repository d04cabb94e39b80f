//! Reader for PETRARCH validation records (`<Validation>` XML: `<Environment>`, `<Config>`,
//! `<Sentence>` with `<EventCoding>`, `<Text>`, `<Parse>`). A small purpose-built reader: the
//! files are regular, and errors name the file and line.

use crate::{Error, Result};
use chrono::NaiveDate;

/// The expected outcome of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Sorted (source, target, code) triples.
    pub events: Vec<(String, String, String)>,
    /// `noevents = "True"`.
    pub no_events: bool,
    /// `error = "..."` (dateline, bad_input_parse, storydiscard, ...).
    pub error: Option<String>,
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
    pub text: String,
    pub parse: String,
    pub parse_line: usize,
    pub expected: Expected,
    /// `<Config>` settings that precede this record (applied before coding it).
    pub config: Vec<(String, String)>,
}

/// The `<Environment>` of a records file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Environment {
    pub verbfile: Option<String>,
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
    pub issuefile: Option<String>,
    /// Categories to run (`<Include>`); empty: all.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub config: Vec<(String, String)>,
}

/// A whole records file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub environment: Environment,
    pub records: Vec<Record>,
}

/// Blank out `<!-- ... -->` comments, keeping newlines so line numbers stay right.
fn blank_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        let after = &rest[p..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        out.extend(after[..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Attributes of a start tag's inside (`a="x" b = 'y'`).
pub fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i] as char).is_whitespace() {
            i += 1;
        }
        let ks = i;
        while i < b.len() && b[i] != b'=' && !(b[i] as char).is_whitespace() {
            i += 1;
        }
        let key = s[ks..i].to_string();
        while i < b.len() && (b[i] as char).is_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            if key.is_empty() {
                break;
            }
            continue;
        }
        i += 1;
        while i < b.len() && (b[i] as char).is_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let q = b[i];
        if q == b'"' || q == b'\'' {
            let vs = i + 1;
            let ve = s[vs..].find(q as char).map_or(s.len(), |p| vs + p);
            out.push((key, s[vs..ve].to_string()));
            i = ve + 1;
        } else {
            let vs = i;
            while i < b.len() && !(b[i] as char).is_whitespace() {
                i += 1;
            }
            out.push((key, s[vs..i].to_string()));
        }
    }
    out
}

fn attr<'a>(a: &'a [(String, String)], k: &str) -> Option<&'a str> {
    a.iter().find(|(x, _)| x.eq_ignore_ascii_case(k)).map(|(_, v)| v.as_str())
}

/// Text between `<tag>` and `</tag>` inside `s`, with the byte offset of the content.
fn element<'a>(s: &'a str, tag: &str) -> Option<(&'a str, usize)> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let a = s.find(&open)? + open.len();
    let b = s[a..].find(&close)? + a;
    Some((&s[a..b], a))
}

fn line_at(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

impl Records {
    /// Parse records text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Records> {
        let s = blank_comments(text);
        let err = |byte: usize, m: &str| Error::Parse {
            file: file.to_string(),
            line: line_at(&s, byte),
            message: m.to_string(),
        };
        let mut env = Environment::default();
        if let Some((e, _)) = element(&s, "Environment") {
            env.verbfile = element(e, "Verbfile").map(|x| x.0.trim().to_string());
            env.agentfile = element(e, "Agentfile").map(|x| x.0.trim().to_string());
            env.discardfile = element(e, "Discardfile").map(|x| x.0.trim().to_string());
            env.issuefile = element(e, "Issuefile").map(|x| x.0.trim().to_string());
            let mut rest = e;
            while let Some((a, off)) = element(rest, "Actorfile") {
                env.actorfiles
                    .extend(a.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()));
                rest = &rest[off + a.len()..];
            }
            env.include = element(e, "Include")
                .map(|x| x.0.split_whitespace().map(String::from).collect())
                .unwrap_or_default();
            env.exclude = element(e, "Exclude")
                .map(|x| x.0.split_whitespace().map(String::from).collect())
                .unwrap_or_default();
            env.config = configs(e);
        }
        let body_start = s.find("<Sentences>").map_or(0, |p| p + 11);
        let mut pos = body_start;
        let mut pending: Vec<(String, String)> = Vec::new();
        let mut records = Vec::new();
        loop {
            let next_sentence = s[pos..].find("<Sentence ").map(|p| p + pos);
            let next_config = s[pos..].find("<Config ").map(|p| p + pos);
            let next_stop = s[pos..].find("<Stop>").map(|p| p + pos);
            let Some(ns) = next_sentence else {
                break;
            };
            if next_stop.is_some_and(|st| st < ns) {
                break;
            }
            if let Some(nc) = next_config.filter(|&nc| nc < ns) {
                let end = s[nc..].find('>').ok_or_else(|| err(nc, "unclosed <Config"))? + nc;
                let a = attributes(&s[nc + 8..end]);
                match (attr(&a, "option"), attr(&a, "value")) {
                    (Some(o), Some(v)) => pending.push((o.to_string(), v.to_string())),
                    _ => return Err(err(nc, "<Config> without option and value")),
                }
                pos = end + 1;
                continue;
            }
            let tag_end = s[ns..].find('>').ok_or_else(|| err(ns, "unclosed <Sentence"))? + ns;
            let close = s[tag_end..]
                .find("</Sentence>")
                .ok_or_else(|| err(ns, "<Sentence> without </Sentence>"))?
                + tag_end;
            let a = attributes(s[ns + 10..tag_end].trim_end_matches('/'));
            let body = &s[tag_end + 1..close];
            let body_off = tag_end + 1;
            let id = attr(&a, "id").unwrap_or("").to_string();
            let date = attr(&a, "date").and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y%m%d").ok());
            let mut expected = Expected {
                events: Vec::new(),
                no_events: false,
                error: None,
            };
            let mut p = 0;
            while let Some(q) = body[p..].find("<EventCoding") {
                let st = p + q;
                let e = body[st..].find('>').ok_or_else(|| err(body_off + st, "unclosed <EventCoding"))? + st;
                let ea = attributes(body[st + 12..e].trim_end_matches('/'));
                if attr(&ea, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                    expected.no_events = true;
                } else if let Some(er) = attr(&ea, "error") {
                    expected.error = Some(er.to_string());
                } else {
                    match (attr(&ea, "sourcecode"), attr(&ea, "targetcode"), attr(&ea, "eventcode")) {
                        (Some(sc), Some(tc), Some(ec)) => expected.events.push((sc.to_string(), tc.to_string(), ec.to_string())),
                        _ => return Err(err(body_off + st, "<EventCoding> without codes")),
                    }
                }
                p = e + 1;
            }
            expected.events.sort();
            let text = element(body, "Text")
                .map(|x| x.0.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            let (parse, parse_line) = match element(body, "Parse") {
                Some((ptxt, off)) => (ptxt.to_string(), line_at(&s, body_off + off)),
                None => (String::new(), line_at(&s, ns)),
            };
            records.push(Record {
                id,
                category: attr(&a, "category").unwrap_or("").to_string(),
                date,
                line: line_at(&s, ns),
                text,
                parse,
                parse_line,
                expected,
                config: std::mem::take(&mut pending),
            });
            pos = close + 11;
        }
        Ok(Records { environment: env, records })
    }

    /// Read and parse a records file.
    pub fn read(path: &std::path::Path) -> Result<Records> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Records::parse(&text, &path.display().to_string())
    }
}

fn configs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut p = 0;
    while let Some(q) = s[p..].find("<Config ") {
        let st = p + q;
        let Some(e) = s[st..].find('>').map(|e| e + st) else {
            break;
        };
        let a = attributes(&s[st + 8..e]);
        if let (Some(o), Some(v)) = (attr(&a, "option"), attr(&a, "value")) {
            out.push((o.to_string(), v.to_string()));
        }
        p = e + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
    <Include>DEMO</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<!-- <Sentence date="19950101" id="HIDDEN" category="DEMO"> </Sentence> -->
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor   restores ties.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor))))
</Parse>
</Sentence>
<Sentence date="19950101" id="E" category="ERROR">
<EventCoding error="dateline"></EventCoding>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_environment_configs_and_records() {
        let r = Records::parse(SAMPLE, "s.xml").unwrap();
        assert_eq!(r.environment.verbfile.as_deref(), Some("V.txt"));
        assert_eq!(r.environment.actorfiles, ["A.txt"]);
        assert_eq!(r.environment.config, [("stop_on_error".to_string(), "True".to_string())]);
        assert_eq!(r.records.len(), 2);
        let d = &r.records[0];
        assert_eq!(d.id, "DEMO-00");
        assert_eq!(d.line, 11);
        assert_eq!(d.text, "Arnor restores ties.");
        assert_eq!(d.config, [("require_dyad".to_string(), "false".to_string())]);
        assert_eq!(d.expected.events[0].0, "\"INJURY TOLL\"");
        assert_eq!(r.records[1].expected.error.as_deref(), Some("dateline"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = Records::parse("<Sentences>\n\n<Sentence id=\"x\">\n", "b.xml").unwrap_err();
        assert!(e.to_string().starts_with("b.xml:3:"), "{e}");
    }
}
