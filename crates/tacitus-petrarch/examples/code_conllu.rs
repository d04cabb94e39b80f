//! Code CoNLL-U sentences (gold UD syntax) with a PETRARCH dictionary set through the
//! dependency path, and print the events and the speed.
//! `cargo run -p tacitus-petrarch --release --example code_conllu -- FILE.conllu [DICT_DIR] [N]`
#[path = "../tests/support/conllu.rs"]
mod conllu;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: code_conllu FILE.conllu [DICT_DIR] [N]");
        std::process::exit(2);
    };
    let dir = args
        .get(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/anchors/petrarch2/dictionaries"));
    let limit: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("SKIP: {file}: {e}");
            return;
        }
    };
    let t0 = Instant::now();
    let coder = match tacitus_petrarch::Coder::from_dir(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("SKIP: {e}");
            return;
        }
    };
    println!("dictionaries loaded in {:.3} s", t0.elapsed().as_secs_f64());
    let mut docs = conllu::documents(&text, limit);
    let t1 = Instant::now();
    let mut events = 0;
    for d in &mut docs {
        events += coder.code(d);
    }
    let secs = t1.elapsed().as_secs_f64();
    for d in docs.iter().filter(|d| !d.events.is_empty()).take(15) {
        for e in &d.events {
            let who = |v: &Vec<u32>| v.iter().map(|&a| d.actors[a as usize].code.code()).collect::<Vec<_>>().join("+");
            println!("{}\t{} {} {}\t{}", d.id, who(&e.actors), who(&e.recipients), e.cameo, d.text);
        }
    }
    println!(
        "{} sentences, {} events, {:.3} s ({:.0} sentences/s)",
        docs.len(),
        events,
        secs,
        docs.len() as f64 / secs.max(1e-9)
    );
}
