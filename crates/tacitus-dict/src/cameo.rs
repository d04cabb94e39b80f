//! The CAMEO 1.1b3 event-code table (name, Goldstein score, quad class) and its PLOVER mapping.
//!
//! Both tables are our own tab-separated files under `resources/cameo/`, embedded at build time:
//!
//! ```
//! use tacitus_dict::cameo::CameoTable;
//! let table = CameoTable::load_default().unwrap();
//! assert_eq!(table.get("190").unwrap().quad_class, 4);
//! assert_eq!(table.plover("0874").unwrap().event, "RETREAT");
//! ```
//!
//! This module also holds [`Error`], the error type shared by the event-code and pattern loaders.

use std::collections::HashMap;
use std::path::PathBuf;

const CODES_TSV: &str = include_str!("../../../resources/cameo/codes.tsv");
const PLOVER_TSV: &str = include_str!("../../../resources/cameo/plover.tsv");

/// Errors of the CAMEO table and event-pattern loaders.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A line of a dictionary or table file could not be understood.
    #[error("{file}:{line}: {message}")]
    Parse { file: String, line: usize, message: String },
    /// A file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A directory held no pattern files.
    #[error("{}: no pattern files (*.txt) found", path.display())]
    Empty { path: PathBuf },
}

/// Convenience result for this module and [`crate::verbs`].
pub type Result<T> = std::result::Result<T, Error>;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code as written, leading zero kept (`"0211"`).
    pub code: String,
    /// Short name (`"Appeal for economic cooperation"`).
    pub name: String,
    /// Goldstein conflict-cooperation score, -10 to +10.
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
}

impl CameoCode {
    /// The two-digit root (`"02"` for `"0211"`).
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// How one CAMEO code maps onto PLOVER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverMapping {
    /// PLOVER event type (`AGREE`, `ASSAULT`, ...).
    pub event: String,
    /// PLOVER mode (`visit`, `release`, ...), if the code implies one.
    pub mode: Option<String>,
    /// PLOVER contexts (`economic`, `military`, ...), possibly empty.
    pub context: Vec<String>,
}

/// The CAMEO code table with its PLOVER mapping.
#[derive(Clone, Debug)]
pub struct CameoTable {
    codes: Vec<CameoCode>,
    by_code: HashMap<String, usize>,
    /// `None` records a code that deliberately has no PLOVER type (plain statements).
    plover: HashMap<String, Option<PloverMapping>>,
}

impl CameoTable {
    /// The embedded tables `resources/cameo/codes.tsv` and `resources/cameo/plover.tsv`.
    pub fn load_default() -> Result<CameoTable> {
        CameoTable::parse(CODES_TSV, "cameo/codes.tsv", PLOVER_TSV, "cameo/plover.tsv")
    }

    /// Parses both tables from text; `codes_name` and `plover_name` label error messages.
    pub fn parse(codes: &str, codes_name: &str, plover: &str, plover_name: &str) -> Result<CameoTable> {
        let mut table = CameoTable {
            codes: Vec::new(),
            by_code: HashMap::new(),
            plover: HashMap::new(),
        };
        for (line_no, fields) in tsv_lines(codes) {
            let err = |message: String| Error::Parse {
                file: codes_name.to_string(),
                line: line_no,
                message,
            };
            if fields.len() != 4 {
                return Err(err(format!(
                    "expected 4 tab-separated fields (code, name, goldstein, quad class), found {}",
                    fields.len()
                )));
            }
            let code = fields[0].trim();
            check_code_shape(code).map_err(&err)?;
            let name = fields[1].trim();
            if name.is_empty() {
                return Err(err("expected a name in field 2".to_string()));
            }
            let goldstein: f32 = fields[2]
                .trim()
                .parse()
                .map_err(|_| err(format!("expected a Goldstein score (number), found {:?}", fields[2])))?;
            if !(-10.0..=10.0).contains(&goldstein) {
                return Err(err(format!("expected a Goldstein score in -10..10, found {goldstein}")));
            }
            let quad_class: u8 = fields[3]
                .trim()
                .parse()
                .map_err(|_| err(format!("expected a quad class 1-4, found {:?}", fields[3])))?;
            let expected_quad = quad_of_root(&code[..2]).ok_or_else(|| err(format!("expected a root 01-20, found {code}")))?;
            if quad_class != expected_quad {
                return Err(err(format!(
                    "expected quad class {expected_quad} for root {}, found {quad_class}",
                    &code[..2]
                )));
            }
            if code.len() > 2 && !table.by_code.contains_key(&code[..code.len() - 1]) {
                return Err(err(format!("expected parent code {} before {code}", &code[..code.len() - 1])));
            }
            if table.by_code.contains_key(code) {
                return Err(err(format!("duplicate code {code}")));
            }
            table.by_code.insert(code.to_string(), table.codes.len());
            table.codes.push(CameoCode {
                code: code.to_string(),
                name: name.to_string(),
                goldstein,
                quad_class,
            });
        }
        for (line_no, fields) in tsv_lines(plover) {
            let err = |message: String| Error::Parse {
                file: plover_name.to_string(),
                line: line_no,
                message,
            };
            if fields.is_empty() || fields.len() > 4 {
                return Err(err(format!(
                    "expected up to 4 tab-separated fields (code, event, mode, contexts), found {}",
                    fields.len()
                )));
            }
            let code = fields[0].trim();
            if !table.by_code.contains_key(code) {
                return Err(err(format!("expected a CAMEO code listed in {codes_name}, found {code:?}")));
            }
            let field = |i: usize| fields.get(i).map(|s| s.trim()).unwrap_or("");
            let event = field(1);
            if !event.is_empty() && !PLOVER_EVENTS.contains(&event) {
                return Err(err(format!(
                    "expected a PLOVER event type ({}), found {event:?}",
                    PLOVER_EVENTS.join(", ")
                )));
            }
            let mapping = if event.is_empty() {
                None
            } else {
                let mode = Some(field(2)).filter(|m| !m.is_empty()).map(str::to_string);
                let context = field(3)
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect();
                Some(PloverMapping {
                    event: event.to_string(),
                    mode,
                    context,
                })
            };
            if table.plover.insert(code.to_string(), mapping).is_some() {
                return Err(err(format!("duplicate PLOVER mapping for {code}")));
            }
        }
        Ok(table)
    }

    /// The code's own row; no fallback.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// The row of `code`, or of its nearest listed parent (`"0219"` → `"021"`).
    pub fn get_or_parent(&self, code: &str) -> Option<&CameoCode> {
        ancestry(code).find_map(|c| self.get(c))
    }

    /// The PLOVER mapping of `code`, falling back to the 3- then 2-digit parent when the code has
    /// no row of its own. `None` for plain statements (010-014, 017), which PLOVER does not code.
    pub fn plover(&self, code: &str) -> Option<&PloverMapping> {
        ancestry(code).find_map(|c| self.plover.get(c)).and_then(Option::as_ref)
    }

    /// Every code in table order (roots followed by their sub-codes).
    pub fn codes(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the table holds no codes.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// True when `code` has its own row.
    pub fn contains(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }
}

/// The PLOVER event types a mapping may name.
pub const PLOVER_EVENTS: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Quad class of a two-digit root: 1 verbal coop (01-05), 2 material coop (06-09), 3 verbal
/// conflict (10-14), 4 material conflict (15-20).
pub fn quad_of_root(root: &str) -> Option<u8> {
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

/// `code` itself, then its shorter prefixes down to the two-digit root.
fn ancestry(code: &str) -> impl Iterator<Item = &str> {
    let ok = code.is_ascii() && code.len() >= 2;
    let n = if ok { code.len() } else { 0 };
    (2..=n).rev().map(move |len| &code[..len])
}

fn check_code_shape(code: &str) -> std::result::Result<(), String> {
    if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("expected a CAMEO code of 2-4 digits, found {code:?}"))
    }
}

/// Non-blank, non-comment lines with their 1-based numbers, split on tabs.
fn tsv_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_has_all_roots_and_known_codes() {
        let t = CameoTable::load_default().expect("embedded tables load");
        assert!(t.len() >= 300, "only {} codes", t.len());
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert!(t.contains(&code), "root {code} missing");
        }
        let c = t.get("0874").expect("0874");
        assert_eq!(c.quad_class, 2);
        assert!((c.goldstein - 10.0).abs() < 1e-6);
        assert_eq!(t.get("190").map(|c| c.quad_class), Some(4));
        assert_eq!(t.get("112").map(|c| c.quad_class), Some(3));
        assert_eq!(t.get("057").map(|c| c.quad_class), Some(1));
        assert!(t.get("0211").is_some());
        assert!(t.get("1823").is_some());
        assert!(t.get("999").is_none());
    }

    #[test]
    fn every_code_has_a_plover_row_and_statements_are_unmapped() {
        let t = CameoTable::load_default().expect("embedded tables load");
        for c in t.codes() {
            assert!(t.plover.contains_key(&c.code), "no PLOVER row for {}", c.code);
        }
        assert!(t.plover("010").is_none());
        assert_eq!(t.plover("040").map(|p| p.event.as_str()), Some("CONSULT"));
        assert_eq!(t.plover("042").and_then(|p| p.mode.as_deref()), Some("visit"));
        assert_eq!(t.plover("163").map(|p| p.event.as_str()), Some("COERCE"));
        assert_eq!(
            t.plover("094").map(|p| p.context.clone()),
            Some(vec!["military".to_string(), "legal".to_string()])
        );
        let quads: Vec<u8> = ["03", "06", "11", "19"]
            .iter()
            .filter_map(|c| t.get(c))
            .map(|c| c.quad_class)
            .collect();
        assert_eq!(quads, vec![1, 2, 3, 4]);
    }

    #[test]
    fn missing_subcode_falls_back_to_parent() {
        let t = CameoTable::load_default().expect("embedded tables load");
        assert_eq!(t.plover("0219").map(|p| p.event.as_str()), Some("REQUEST"));
        assert_eq!(t.plover("1959").map(|p| p.event.as_str()), Some("ASSAULT"));
        assert_eq!(t.get_or_parent("1959").map(|c| c.code.as_str()), Some("195"));
        assert!(t.plover("x").is_none());
        assert!(t.plover("é1").is_none());
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let e = CameoTable::parse("01\tStatement\t0\t1\n# c\n0x\tBad\t0\t1\n", "c.tsv", "", "p.tsv").unwrap_err();
        assert_eq!(e.to_string(), "c.tsv:3: expected a CAMEO code of 2-4 digits, found \"0x\"");
        let e = CameoTable::parse("19\tFight\t-10\t3\n", "c.tsv", "", "p.tsv").unwrap_err();
        assert!(e.to_string().starts_with("c.tsv:1: expected quad class 4"), "{e}");
        let e = CameoTable::parse("01\tS\t0\t1\n", "c.tsv", "01\tHUG\n", "p.tsv").unwrap_err();
        assert!(e.to_string().starts_with("p.tsv:1: expected a PLOVER event type"), "{e}");
        let e = CameoTable::parse("01\tS\t0\t1\n0111\tS\t0\t1\n", "c.tsv", "", "p.tsv").unwrap_err();
        assert!(e.to_string().starts_with("c.tsv:2: expected parent code 011"), "{e}");
    }
}
