//! Running PETRARCH validation records: dictionaries from the records' `<Environment>`,
//! `<Config>` changes applied in order, and the historic pass rule (the sorted list of
//! (source, target, code) equals the gold list; `noevents` and `error` records expect none).

use crate::coder::{Coder, Config};
use crate::dicts::{DictFiles, Dictionaries};
use crate::records::{Record, Records};
use crate::tree::Tree;
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The outcome of one record.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub passed: bool,
    pub expected: Vec<(String, String, String)>,
    pub got: Vec<(String, String, String)>,
    /// Why nothing was coded (parse error, discard), if so.
    pub note: Option<String>,
}

/// All results of a run.
#[derive(Clone, Debug, Default)]
pub struct ValidationReport {
    pub results: Vec<RecordResult>,
    /// Records skipped by `<Include>`/`<Exclude>`.
    pub skipped: usize,
    pub dictionaries: Vec<tacitus_dict::petrarch::FileReport>,
    pub load_time: std::time::Duration,
}

impl ValidationReport {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed).count()
    }
    /// Category → (passed, total).
    pub fn by_category(&self) -> BTreeMap<String, (usize, usize)> {
        let mut m: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for r in &self.results {
            let e = m.entry(r.category.clone()).or_default();
            e.1 += 1;
            if r.passed {
                e.0 += 1;
            }
        }
        m
    }
}

/// Where the records' dictionaries are: `dict_dir`, else `../dictionaries` next to the file.
pub fn dictionary_dir(records: &Path, dict_dir: Option<&Path>) -> PathBuf {
    match dict_dir {
        Some(d) => d.to_path_buf(),
        None => records.parent().unwrap_or(Path::new(".")).join("..").join("dictionaries"),
    }
}

/// Run a records file.
pub fn run(records_path: &Path, dict_dir: Option<&Path>) -> Result<ValidationReport> {
    let recs = Records::read(records_path)?;
    let dir = dictionary_dir(records_path, dict_dir);
    let env = &recs.environment;
    let verbs = env
        .verbfile
        .as_ref()
        .ok_or_else(|| Error::Missing(format!("{}: <Environment> names no <Verbfile>", records_path.display())))?;
    let files = DictFiles {
        verbs: dir.join(verbs),
        actors: env.actorfiles.iter().map(|a| dir.join(a)).collect(),
        agents: env.agentfile.as_ref().map(|a| dir.join(a)),
        discards: env.discardfile.as_ref().map(|a| dir.join(a)),
        issues: env.issuefile.as_ref().map(|a| dir.join(a)),
    };
    let dicts = Dictionaries::load(&files)?;
    let mut config = Config::default();
    for (o, v) in &env.config {
        config.set(o, v);
    }
    let mut coder = Coder::new(dicts, config);
    let mut report = ValidationReport {
        dictionaries: coder.dicts.reports.clone(),
        load_time: coder.dicts.load_time,
        ..Default::default()
    };
    let file = records_path.display().to_string();
    for rec in &recs.records {
        for (o, v) in &rec.config {
            coder.config.set(o, v);
        }
        let included =
            (env.include.is_empty() || env.include.iter().any(|c| c == &rec.category)) && !env.exclude.iter().any(|c| c == &rec.category);
        if !included {
            report.skipped += 1;
            continue;
        }
        report.results.push(run_record(&coder, rec, &file));
    }
    Ok(report)
}

/// Code one record and compare with its gold events.
pub fn run_record(coder: &Coder, rec: &Record, file: &str) -> RecordResult {
    let expected = rec.expected.events.clone();
    let (got, note) = match Tree::parse_penn(&rec.parse, file, rec.parse_line) {
        Err(e) => (Vec::new(), Some(format!("parse error: {e}"))),
        Ok(tree) => {
            let text = if rec.text.is_empty() { tree.text() } else { rec.text.clone() };
            match coder.code_tree(&tree, &text, rec.date) {
                Ok(ev) => {
                    let mut v: Vec<_> = ev.into_iter().map(|e| (e.source, e.target, e.code)).collect();
                    v.sort();
                    (v, None)
                }
                Err(kind) => (Vec::new(), Some(format!("discarded ({kind:?})"))),
            }
        }
    };
    RecordResult {
        id: rec.id.clone(),
        category: rec.category.clone(),
        passed: got == expected,
        expected,
        got,
        note,
    }
}
