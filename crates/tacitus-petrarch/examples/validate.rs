//! Run PETRARCH validation records and print pass/fail per record and category.
//! `cargo run -p tacitus-petrarch --release --example validate -- RECORDS.xml [DICT_DIR] [-v]`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(records) = args.first() else {
        eprintln!("usage: validate RECORDS.xml [DICT_DIR] [-v]");
        std::process::exit(2);
    };
    let verbose = args.iter().any(|a| a == "-v");
    let debug: Option<&String> = args.iter().position(|a| a == "-d").and_then(|i| args.get(i + 1));
    let dir = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && Some(*a) != debug)
        .map(std::path::PathBuf::from);
    if let Some(id) = debug {
        let path = std::path::Path::new(records);
        let recs = tacitus_petrarch::records::Records::read(path).expect("records");
        let d = tacitus_petrarch::validate::dictionary_dir(path, dir.as_deref());
        let env = &recs.environment;
        let files = tacitus_petrarch::dicts::DictFiles {
            verbs: d.join(env.verbfile.clone().unwrap_or_default()),
            actors: env.actorfiles.iter().map(|a| d.join(a)).collect(),
            agents: env.agentfile.as_ref().map(|a| d.join(a)),
            discards: env.discardfile.as_ref().map(|a| d.join(a)),
            issues: None,
        };
        let dicts = tacitus_petrarch::Dictionaries::load(&files).expect("dicts");
        let mut coder = tacitus_petrarch::Coder::new(dicts, Default::default());
        for r in &recs.records {
            for (o, v) in &r.config {
                coder.config.set(o, v);
            }
            if &r.id == id {
                let t = tacitus_petrarch::tree::Tree::parse_penn(&r.parse, records, r.parse_line).expect("tree");
                println!("{}\n{}", r.text, coder.explain_tree(&t, r.date));
                for e in coder.code_tree(&t, &r.text, r.date).unwrap_or_default() {
                    println!("{} {} {} verb={} {}", e.source, e.target, e.code, t.words[e.verb].text, e.rule);
                }
                println!("expected {:?}", r.expected);
            }
        }
        return;
    }
    let rep = match tacitus_petrarch::validate::run(std::path::Path::new(records), dir.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for r in &rep.results {
        println!("{} {} {}", if r.passed { "PASS" } else { "FAIL" }, r.category, r.id);
        if verbose && !r.passed {
            println!(
                "   expected {:?}\n   got      {:?} {}",
                r.expected,
                r.got,
                r.note.clone().unwrap_or_default()
            );
        }
    }
    for (c, (p, n)) in rep.by_category() {
        println!("category {c}: {p} of {n}");
    }
    println!("{} of {} records passed", rep.passed(), rep.results.len());
}
