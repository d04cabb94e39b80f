//! Per-file figures for every PETRARCH dictionary in a directory (lines, entries, unparsed
//! lines with file:line), then the load time of the Phoenix set.
//! `cargo run -p tacitus-petrarch --release --example dict_report -- [DIR] [--problems]`
use std::path::PathBuf;
use std::time::Instant;
use tacitus_dict::petrarch::{self, ActorDictionary, DictKind};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--problems");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/anchors/petrarch2/dictionaries"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIP: {} absent", dir.display());
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let (mut tl, mut te, mut tu) = (0, 0, 0);
    println!("{:<36} {:>7} {:>7} {:>8}", "file", "lines", "entries", "unparsed");
    for n in &names {
        let p = dir.join(n);
        let rep = match petrarch::kind_of(n) {
            DictKind::Verbs => petrarch::load_verbs(&p).map(|r| r.1),
            DictKind::Actors => petrarch::load_actors_into(&mut ActorDictionary::default(), &p),
            DictKind::Agents => petrarch::load_agents(&p).map(|r| r.1),
            DictKind::Discards => petrarch::load_discards(&p).map(|r| r.1),
            DictKind::Issues => petrarch::load_issues(&p).map(|r| r.1),
            DictKind::WordList => petrarch::load_word_list(&p).map(|r| r.1),
            DictKind::Other => {
                println!("{n:<36} (not a dictionary kind this importer reads)");
                continue;
            }
        };
        match rep {
            Ok(r) => {
                println!("{:<36} {:>7} {:>7} {:>8}", n, r.lines, r.entries, r.unparsed.len());
                tl += r.lines;
                te += r.entries;
                tu += r.unparsed.len();
                if show {
                    for p in r.problems() {
                        println!("    {p}");
                    }
                }
            }
            Err(e) => println!("{n:<36} error: {e}"),
        }
    }
    println!("{:<36} {:>7} {:>7} {:>8}", "total", tl, te, tu);
    let start = Instant::now();
    match tacitus_petrarch::Dictionaries::load(&tacitus_petrarch::dicts::DictFiles::phoenix(&dir)) {
        Ok(d) => println!(
            "Phoenix set (CAMEO.2.0 + Phoenix actors/agents/discards/issues) loaded in {:.3} s: {} verb forms, {} patterns, {} actor records, {} agent phrases",
            start.elapsed().as_secs_f64(),
            d.verbs.verbs.values().map(|v| v.len()).sum::<usize>(),
            d.verbs.pattern_count(),
            d.actors.entries.len(),
            d.agents.entries.len()
        ),
        Err(e) => println!("Phoenix set: error: {e}"),
    }
}
