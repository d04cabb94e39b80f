//! `tacitus petrarch-validate RECORDS.xml [--dict-dir DIR]`: run PETRARCH validation records
//! with the dictionaries their `<Environment>` names and print pass/fail per record, per
//! category, and `N of M records passed` (the historic rule: the sorted list of
//! (source, target, code) equals the gold list; `noevents`/`error` records expect none).

use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Validation records file (PETRARCH `<Validation>` XML).
    pub records: PathBuf,
    /// Directory of the dictionaries the records name (default: ../dictionaries next to the
    /// records file).
    #[arg(long)]
    pub dict_dir: Option<PathBuf>,
    /// Show expected and produced events of failing records.
    #[arg(long, short)]
    pub verbose: bool,
    /// Also list every line the dictionary loaders could not read.
    #[arg(long)]
    pub dict_problems: bool,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let rep = tacitus_petrarch::validate::run(&args.records, args.dict_dir.as_deref())?;
    for d in &rep.dictionaries {
        eprintln!(
            "dictionary {}: {} lines, {} entries, {} unparsed",
            d.file,
            d.lines,
            d.entries,
            d.unparsed.len()
        );
        if args.dict_problems {
            for p in d.problems() {
                eprintln!("  {p}");
            }
        }
    }
    eprintln!("dictionaries loaded in {:.3} s", rep.load_time.as_secs_f64());
    for r in &rep.results {
        println!("{} {} {}", if r.passed { "PASS" } else { "FAIL" }, r.category, r.id);
        if args.verbose && !r.passed {
            println!("    expected: {}", triples(&r.expected));
            println!(
                "    got:      {}{}",
                triples(&r.got),
                r.note.as_ref().map(|n| format!("  ({n})")).unwrap_or_default()
            );
        }
    }
    for (cat, (p, n)) in rep.by_category() {
        println!("category {cat}: {p} of {n} passed");
    }
    if rep.skipped > 0 {
        println!("({} records outside <Include> skipped)", rep.skipped);
    }
    println!("{} of {} records passed", rep.passed(), rep.results.len());
    Ok(0)
}

fn triples(v: &[(String, String, String)]) -> String {
    if v.is_empty() {
        return "(none)".to_string();
    }
    v.iter().map(|(s, t, c)| format!("{s} {t} {c}")).collect::<Vec<_>>().join("; ")
}
