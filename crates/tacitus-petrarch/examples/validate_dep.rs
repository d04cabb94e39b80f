//! Run the PETRARCH validation records through the *dependency* path: each record's `<Text>`
//! is segmented and parsed by tacitus's own tagger/parser (tacitus-nlp), the phrase tree is
//! built from the dependency parse, and coded with the records' dictionaries. Compares with
//! the gold events by the same rule as `tacitus petrarch-validate`.
//! `cargo run -p tacitus-petrarch --example validate_dep -- RECORDS.xml [-v]`
use tacitus_doc::Document;
use tacitus_petrarch::{deptree, dicts::DictFiles, records::Records, validate, Coder, Dictionaries};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().map(std::path::PathBuf::from) else {
        eprintln!("usage: validate_dep RECORDS.xml [-v]");
        std::process::exit(2);
    };
    let verbose = args.iter().any(|a| a == "-v");
    let recs = match Records::read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIP: {e}");
            return;
        }
    };
    let dir = validate::dictionary_dir(&path, None);
    let env = &recs.environment;
    let files = DictFiles {
        verbs: dir.join(env.verbfile.clone().unwrap_or_default()),
        actors: env.actorfiles.iter().map(|a| dir.join(a)).collect(),
        agents: env.agentfile.as_ref().map(|a| dir.join(a)),
        discards: env.discardfile.as_ref().map(|a| dir.join(a)),
        issues: None,
    };
    let dicts = Dictionaries::load(&files).expect("dictionaries");
    let mut coder = Coder::new(dicts, Default::default());
    for (o, v) in &env.config {
        coder.config.set(o, v);
    }
    let analyzer = match tacitus_nlp::syntax::Analyzer::load_default() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("SKIP: tacitus syntax model not available ({e})");
            return;
        }
    };
    let (mut pass, mut total) = (0, 0);
    for r in &recs.records {
        for (o, v) in &r.config {
            coder.config.set(o, v);
        }
        if !env.include.is_empty() && !env.include.contains(&r.category) {
            continue;
        }
        total += 1;
        let mut doc = Document::new(r.id.clone(), r.text.clone(), r.date);
        tacitus_nlp::segment::segment(&mut doc);
        analyzer.annotate(&mut doc);
        let mut got = Vec::new();
        for si in 0..doc.sentences.len() {
            let Some(tree) = deptree::sentence_tree(&doc, si) else {
                continue;
            };
            let text = doc.slice(doc.sentences[si].span).to_string();
            if let Ok(ev) = coder.code_tree(&tree, &text, r.date) {
                got.extend(ev.into_iter().map(|e| (e.source, e.target, e.code)));
            }
        }
        got.sort();
        got.dedup();
        let ok = got == r.expected.events;
        if ok {
            pass += 1;
        }
        println!("{} {} {}", if ok { "PASS" } else { "FAIL" }, r.category, r.id);
        if verbose && !ok {
            println!("   expected {:?}\n   got      {:?}", r.expected.events, got);
        }
    }
    println!("dependency path: {pass} of {total} records passed");
}
