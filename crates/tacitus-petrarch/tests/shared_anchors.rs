//! End-to-end checks against the PETRARCH anchor data in ../shared (read at run time, never
//! copied). Each test skips with a visible message when ../shared is absent.

use std::path::PathBuf;
use tacitus_dict::petrarch::{self, ActorDictionary, DictKind};

fn anchors() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/anchors/petrarch2");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIP: ../shared absent ({})", p.display());
        None
    }
}

#[test]
fn every_dictionary_line_is_read_or_reported() {
    let Some(dir) = anchors() else { return };
    let dir = dir.join("dictionaries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dictionaries dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut total_unparsed = 0;
    for n in &names {
        let p = dir.join(n);
        let rep = match petrarch::kind_of(n) {
            DictKind::Verbs => petrarch::load_verbs(&p).map(|r| r.1),
            DictKind::Actors => petrarch::load_actors_into(&mut ActorDictionary::default(), &p),
            DictKind::Agents => petrarch::load_agents(&p).map(|r| r.1),
            DictKind::Discards => petrarch::load_discards(&p).map(|r| r.1),
            DictKind::Issues => petrarch::load_issues(&p).map(|r| r.1),
            DictKind::WordList => petrarch::load_word_list(&p).map(|r| r.1),
            DictKind::Other => panic!("{n}: no importer for this file"),
        }
        .expect("readable");
        eprintln!("{n}: {} lines, {} entries, {} unparsed", rep.lines, rep.entries, rep.unparsed.len());
        for u in &rep.unparsed {
            assert!(u.line >= 1 && u.line <= rep.lines, "{n}: line {} out of range", u.line);
        }
        assert!(rep.entries > 0, "{n}: nothing read");
        // a file is mostly understood; the rest is reported line by line
        assert!(
            rep.unparsed.len() * 100 <= rep.lines,
            "{n}: {} of {} lines unparsed",
            rep.unparsed.len(),
            rep.lines
        );
        if n.starts_with("PETR.Validate") {
            assert!(rep.unparsed.is_empty(), "{n}: {:?}", rep.problems());
        }
        total_unparsed += rep.unparsed.len();
    }
    eprintln!("total unparsed lines: {total_unparsed}");
    // CAMEO.2.0.txt line 2374 has an unbalanced ')' and must be reported, not silently read.
    let (_, r) = petrarch::load_verbs(&dir.join("CAMEO.2.0.txt")).expect("verbs");
    assert!(r.unparsed.iter().any(|u| u.line == 2374), "{:?}", r.problems());
}

#[test]
fn phoenix_dictionaries_load() {
    let Some(dir) = anchors() else { return };
    let d =
        tacitus_petrarch::Dictionaries::load(&tacitus_petrarch::dicts::DictFiles::phoenix(&dir.join("dictionaries"))).expect("phoenix set");
    eprintln!("Phoenix set loaded in {:.3} s", d.load_time.as_secs_f64());
    assert!(d.cameo2);
    assert!(d.verbs.pattern_count() > 4000);
    assert!(!d.verbs.transformations.is_empty());
    assert!(d.actors.entries.len() > 20000);
    // "Gondor"-free real entries: the Countries file's date-restricted leaders
    let w: Vec<String> = ["HAMID", "KARZAI"].iter().map(|s| s.to_string()).collect();
    let (_, e) = d.actors.longest_match(&w).expect("Karzai");
    let day = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd);
    assert_eq!(e.code_on(day(2005, 1, 1)), Some("AFGGOV"));
    assert_eq!(e.code_on(day(1990, 1, 1)), Some("AFGELI"));
}

#[test]
fn petr_config_names_the_phoenix_set() {
    let Some(dir) = anchors() else { return };
    let f =
        tacitus_petrarch::dicts::DictFiles::from_config(&dir.join("config/PETR_config.ini"), &dir.join("dictionaries")).expect("config");
    assert!(f.verbs.ends_with("CAMEO.2.0.txt"));
    assert_eq!(f.actors.len(), 3);
    assert!(f.issues.as_ref().is_some_and(|p| p.ends_with("Phoenix.IssueCoding.txt")));
}

#[test]
fn validation_records() {
    let Some(dir) = anchors() else { return };
    let rep = tacitus_petrarch::validate::run(&dir.join("text/PETR.UnitTest.records.xml"), None).expect("run");
    for r in rep.results.iter().filter(|r| !r.passed) {
        eprintln!("FAIL {} {}: expected {:?} got {:?}", r.category, r.id, r.expected, r.got);
    }
    eprintln!("{} of {} records passed", rep.passed(), rep.results.len());
    assert!(rep.results.len() >= 279);
    // floor well under the measured figure, so that regressions show
    assert!(rep.passed() >= 240, "only {} passed", rep.passed());
}

#[path = "support/conllu.rs"]
mod conllu;

#[test]
fn phoenix_coding_of_ud_sentences_through_the_dependency_path() {
    let Some(dir) = anchors() else { return };
    let ud = dir.join("../../ud/en_ewt-ud-dev.conllu");
    let Ok(text) = std::fs::read_to_string(&ud) else {
        eprintln!("SKIP: {} absent", ud.display());
        return;
    };
    let coder = tacitus_petrarch::Coder::from_dir(&dir.join("dictionaries")).expect("phoenix");
    let mut docs = conllu::documents(&text, 400);
    assert_eq!(docs.len(), 400);
    let mut events = 0;
    for d in &mut docs {
        events += coder.code(d);
        for e in &d.events {
            // every event points at real tokens and actor mentions of its document
            assert!((e.trigger as usize) < d.tokens.len());
            for &a in e.actors.iter().chain(e.recipients.iter()) {
                assert!((a as usize) < d.actors.len());
            }
            assert!(!e.cameo.is_empty() && e.cameo != "---");
        }
    }
    eprintln!("{events} events from 400 UD sentences");
    assert!(events > 0, "the Phoenix dictionaries coded nothing");
}

#[test]
fn phoenix_coding_of_the_gigaword_sample_trees() {
    let Some(dir) = anchors() else { return };
    let recs = tacitus_petrarch::records::Records::read(&dir.join("text/GigaWord.sample.PETR.xml")).expect("sample");
    assert!(recs.records.len() >= 70, "{} records", recs.records.len());
    let coder = tacitus_petrarch::Coder::from_dir(&dir.join("dictionaries")).expect("phoenix");
    let (mut events, mut trees) = (0, 0);
    for r in &recs.records {
        let Ok(t) = tacitus_petrarch::tree::Tree::parse_penn(&r.parse, "gigaword", r.parse_line) else {
            continue;
        };
        trees += 1;
        if let Ok(ev) = coder.code_tree(&t, &r.text, r.date) {
            for e in &ev {
                assert!(!e.code.is_empty() && e.code != "---");
                assert!(e.source != "---" && e.target != "---", "require_dyad is on by default");
            }
            events += ev.len();
        }
    }
    eprintln!("{events} events from {trees} GigaWord sample trees");
    assert!(trees >= 70);
    assert!(events > 0);
}
