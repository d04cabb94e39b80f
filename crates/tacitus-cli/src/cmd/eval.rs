//! `tacitus eval`: score the coder against the development sets in ../shared (PLOVER gold
//! records, CAMEO manual examples, ConfliBERT source/target spans), with confusion tables.
//! The acceptance scorers in ../shared/eval remain the reference; this is the maintainer's view.

use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tacitus::doc::EventRecord;
use tacitus::{InputDoc, Pipeline};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub set: Set,
}

#[derive(clap::Subcommand)]
pub enum Set {
    /// PLOVER gold records: top-1 event type, macro-F1, actor/recipient country agreement.
    Plover {
        #[arg(long, default_value = "../shared/eval/plover.docs.jsonl")]
        docs: PathBuf,
        #[arg(long, default_value = "../shared/eval/plover.gold.jsonl")]
        gold: PathBuf,
    },
    /// CAMEO manual examples (icews_cameo-codes.csv): root and exact code accuracy.
    Cameo {
        #[arg(long, default_value = "../shared/gold/cameo-manual/icews_cameo-codes.csv")]
        csv: PathBuf,
        /// Document date for the examples (the manual's examples are from the 1990s-2000s).
        #[arg(long, default_value = "2000-01-01")]
        date: String,
        /// Print every miss.
        #[arg(long)]
        misses: bool,
    },
    /// ConfliBERT CAMEO span test set: source/target span precision, recall, F1.
    Spans {
        #[arg(long, default_value = "../shared/gold/cameo-manual/conflibert_cameo_ner_test.txt")]
        ner: PathBuf,
        #[arg(long, default_value = "2000-01-01")]
        date: String,
        /// Print each sentence whose predicted parties miss a gold span (gold ⟦S:…⟧ ⟦T:…⟧, then ours)
        #[arg(long)]
        misses: bool,
    },
}

/// Gold PLOVER names mapped to current ones, as the acceptance scorer does.
fn norm_event(e: &str) -> String {
    match e.trim().to_uppercase().as_str() {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        other => other.into(),
    }
}

fn country(code: &str) -> String {
    let c: String = code.trim().to_uppercase().chars().take(3).collect();
    match c.as_str() {
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        "VTN" => "VNM".into(),
        "ROM" => "ROU".into(),
        "ZAR" => "COD".into(),
        "TMP" => "TLS".into(),
        _ => c,
    }
}

fn shared_or_skip(path: &Path) -> bool {
    if path.exists() {
        return true;
    }
    eprintln!(
        "tacitus eval: {} not found (the development sets live in ../shared); nothing to score",
        path.display()
    );
    false
}

fn code_doc(p: &Pipeline, d: &InputDoc) -> Vec<EventRecord> {
    p.code(d).1
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let pipeline = Pipeline::english()?;
    match &args.set {
        Set::Plover { docs, gold } => plover(&pipeline, docs, gold),
        Set::Cameo { csv, date, misses } => cameo(&pipeline, csv, date, *misses),
        Set::Spans { ner, date, misses } => spans(&pipeline, ner, date, *misses),
    }
}

fn read_jsonl_values(path: &Path) -> anyhow::Result<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(l) {
            Ok(v) => out.push(v),
            Err(e) => eprintln!("{}:{}: not JSON ({e}); skipped", path.display(), i + 1),
        }
    }
    Ok(out)
}

fn plover(p: &Pipeline, docs: &Path, gold: &Path) -> anyhow::Result<u8> {
    if !shared_or_skip(docs) || !shared_or_skip(gold) {
        return Ok(0);
    }
    let gold_rows = read_jsonl_values(gold)?;
    let reader = tacitus::input::open_jsonl(docs)?;
    let mut preds: BTreeMap<String, Vec<EventRecord>> = BTreeMap::new();
    for d in tacitus::input::read_jsonl(reader, &docs.display().to_string()).flatten() {
        preds.insert(d.id.clone(), code_doc(p, &d));
    }
    let mut confusion: BTreeMap<(String, String), u32> = BTreeMap::new();
    let (mut top1, mut any, mut n) = (0, 0, 0);
    let (mut act, mut act_n, mut rec, mut rec_n) = (0, 0, 0, 0);
    for g in &gold_rows {
        let id = g["id"].as_str().unwrap_or_default().to_string();
        let gev = norm_event(g["event"].as_str().unwrap_or_default());
        let events = preds.get(&id).cloned().unwrap_or_default();
        let top = events
            .iter()
            .find_map(|e| e.event.as_deref().map(norm_event))
            .unwrap_or_else(|| "none".into());
        n += 1;
        top1 += usize::from(top == gev);
        *confusion.entry((gev.clone(), top.clone())).or_default() += 1;
        let Some(m) = events
            .iter()
            .find(|e| e.event.as_deref().map(norm_event).as_deref() == Some(gev.as_str()))
        else {
            continue;
        };
        any += 1;
        let set = |v: &serde_json::Value| -> BTreeSet<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str())
                        .map(country)
                        .filter(|c| !c.is_empty() && c != "---")
                        .collect()
                })
                .unwrap_or_default()
        };
        let g_act = set(&g["actor"]);
        let g_rec = set(&g["recipient"]);
        let p_act: BTreeSet<String> = m.actor.iter().map(|a| country(&a.code)).collect();
        let p_rec: BTreeSet<String> = m.recipient.iter().map(|a| country(&a.code)).collect();
        let recip = g["reciprocal"].as_bool().unwrap_or(false);
        if !g_act.is_empty() {
            act_n += 1;
            let pa: BTreeSet<String> = if recip {
                p_act.union(&p_rec).cloned().collect()
            } else {
                p_act.clone()
            };
            if pa == g_act {
                act += 1;
            } else {
                println!("actor miss {id}: gold {g_act:?} pred {pa:?}");
            }
        }
        if !g_rec.is_empty() {
            rec_n += 1;
            if p_rec == g_rec {
                rec += 1;
            } else {
                println!("recipient miss {id}: gold {g_rec:?} pred {p_rec:?}");
            }
        }
    }
    let labels: BTreeSet<String> = confusion.keys().map(|(g, _)| g.clone()).collect();
    let mut f1s = Vec::new();
    println!(
        "\n{:<12} {:>5} {:>6} {:>4} {:>6}   most frequent wrong predictions",
        "gold type", "gold", "pred", "tp", "F1"
    );
    for l in &labels {
        let tp = confusion.get(&(l.clone(), l.clone())).copied().unwrap_or(0) as f64;
        let ng: u32 = confusion.iter().filter(|((g, _), _)| g == l).map(|(_, c)| c).sum();
        let np: u32 = confusion.iter().filter(|((_, pr), _)| pr == l).map(|(_, c)| c).sum();
        let (pr, rc) = (if np > 0 { tp / np as f64 } else { 0.0 }, tp / ng.max(1) as f64);
        let f1 = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        f1s.push(f1);
        let mut wrong: Vec<(&String, &u32)> = confusion
            .iter()
            .filter(|((g, pr), _)| g == l && pr != l)
            .map(|((_, pr), c)| (pr, c))
            .collect();
        wrong.sort_by(|a, b| b.1.cmp(a.1));
        let w: Vec<String> = wrong.iter().take(4).map(|(k, c)| format!("{k}×{c}")).collect();
        println!("{:<12} {:>5} {:>6} {:>4} {:>6.3}   {}", l, ng, np, tp as u32, f1, w.join(" "));
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "\nplover_top1_acc={:.4} plover_any_acc={:.4} plover_macro_f1={:.4} plover_actor_agree={:.4} plover_recipient_agree={:.4}",
        r(top1, n),
        r(any, n),
        macro_f1,
        r(act, act_n),
        r(rec, rec_n)
    );
    Ok(0)
}

/// Turn the CSV's mis-decoded punctuation into plain ASCII and drop trailing notes.
fn clean_example(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_junk = false;
    for c in s.chars() {
        if c.is_ascii() {
            in_junk = false;
            out.push(c);
        } else if !in_junk {
            in_junk = true;
            out.push('\'');
        }
    }
    let cut = out.find("Note:").unwrap_or(out.len());
    out[..cut].trim().to_string()
}

fn cameo(p: &Pipeline, csv_path: &Path, date: &str, misses: bool) -> anyhow::Result<u8> {
    if !shared_or_skip(csv_path) {
        return Ok(0);
    }
    let date = tacitus::input::parse_date(date).context("--date: expected YYYY-MM-DD")?;
    let bytes = std::fs::read(csv_path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let (mut n, mut root_ok, mut exact_ok, mut none, mut any_root) = (0, 0, 0, 0, 0);
    let mut by_root: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (i, row) in rdr.records().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: record {}: {e}; skipped", csv_path.display(), i + 1);
                continue;
            }
        };
        let (code, example) = (row.get(3).unwrap_or("").trim().to_string(), row.get(9).unwrap_or("NA"));
        if example == "NA" || example.trim().is_empty() || code.is_empty() {
            continue;
        }
        let sentence = clean_example(example);
        let doc = InputDoc::new(&format!("cameo-{code}"), &sentence, date);
        let events = code_doc(p, &doc);
        n += 1;
        let top = events.first().map(|e| e.cameo.clone());
        let root = &code[..2];
        any_root += usize::from(events.iter().any(|e| e.cameo.starts_with(root)));
        let entry = by_root.entry(root.to_string()).or_default();
        entry.1 += 1;
        match &top {
            Some(t) if t.starts_with(root) => {
                root_ok += 1;
                entry.0 += 1;
                exact_ok += usize::from(*t == code);
            }
            None => none += 1,
            _ => {}
        }
        if misses && top.as_deref() != Some(code.as_str()) {
            println!("{code} → {}: {sentence}", top.as_deref().unwrap_or("none"));
        }
    }
    println!("{:<6} {:>8}", "root", "correct");
    for (r, (ok, all)) in &by_root {
        println!("{r:<6} {ok:>3}/{all:<3}");
    }
    let r = |a: usize| a as f64 / n.max(1) as f64;
    println!(
        "cameo_examples={n} cameo_root_acc={:.4} cameo_exact_acc={:.4} cameo_any_root_acc={:.4} cameo_no_event={}",
        r(root_ok),
        r(exact_ok),
        r(any_root),
        none
    );
    Ok(0)
}

fn spans(p: &Pipeline, ner: &Path, date: &str, misses: bool) -> anyhow::Result<u8> {
    if !shared_or_skip(ner) {
        return Ok(0);
    }
    let date = tacitus::input::parse_date(date).context("--date: expected YYYY-MM-DD")?;
    let text = String::from_utf8_lossy(&std::fs::read(ner)?).into_owned();
    // (role, start, end) character spans per sentence
    let mut tp = [0usize; 2];
    let mut npred = [0usize; 2];
    let mut ngold = [0usize; 2];
    for (si, block) in text.split("\n\n").enumerate() {
        let mut sentence = String::new();
        let mut gold: Vec<(usize, usize, usize)> = Vec::new();
        let mut open: Option<(usize, usize, usize)> = None;
        for line in block.lines() {
            let Some((tok, tag)) = line.rsplit_once(' ') else {
                continue;
            };
            if !sentence.is_empty() {
                sentence.push(' ');
            }
            let start = sentence.chars().count();
            sentence.push_str(tok);
            let end = sentence.chars().count();
            let role = match tag.get(2..) {
                Some("S") => Some(0),
                Some("T") => Some(1),
                _ => None,
            };
            match (tag.chars().next(), role) {
                (Some('B'), Some(r)) => {
                    if let Some(o) = open.take() {
                        gold.push(o);
                    }
                    open = Some((r, start, end));
                }
                (Some('I'), Some(r)) if open.is_some_and(|o| o.0 == r) => {
                    if let Some(o) = open.as_mut() {
                        o.2 = end;
                    }
                }
                _ => {
                    if let Some(o) = open.take() {
                        gold.push(o);
                    }
                }
            }
        }
        if let Some(o) = open.take() {
            gold.push(o);
        }
        if sentence.is_empty() {
            continue;
        }
        let doc = InputDoc::new(&format!("span-{si}"), &sentence, date);
        let events = code_doc(p, &doc);
        let mut pred: BTreeSet<(usize, usize, usize)> = BTreeSet::new();
        if let Some(e) = events.iter().find(|e| e.event.is_some()).or(events.first()) {
            for a in &e.actor {
                pred.insert((0, a.span[0] as usize, a.span[1] as usize));
            }
            for a in &e.recipient {
                pred.insert((1, a.span[0] as usize, a.span[1] as usize));
            }
        }
        let mut missed = false;
        for r in 0..2 {
            let g: Vec<_> = gold.iter().filter(|x| x.0 == r).collect();
            let pr: Vec<_> = pred.iter().filter(|x| x.0 == r).collect();
            ngold[r] += g.len();
            npred[r] += pr.len();
            // a predicted span matches a gold span of the same role when they overlap
            let mut used = vec![false; g.len()];
            for x in &pr {
                if let Some(j) = (0..g.len()).find(|&j| !used[j] && g[j].1 < x.2 && x.1 < g[j].2) {
                    used[j] = true;
                    tp[r] += 1;
                }
            }
            missed |= used.iter().any(|u| !u) || used.iter().filter(|u| **u).count() < pr.len();
        }
        if misses && missed {
            let chars: Vec<char> = sentence.chars().collect();
            let show = |v: &mut dyn Iterator<Item = &(usize, usize, usize)>| -> String {
                v.map(|x| {
                    let words: String = chars.get(x.1..x.2).map(|c| c.iter().collect()).unwrap_or_default();
                    format!("⟦{}:{words}⟧", if x.0 == 0 { "S" } else { "T" })
                })
                .collect::<Vec<_>>()
                .join(" ")
            };
            println!("{sentence}\n  gold {}\n  ours {}", show(&mut gold.iter()), show(&mut pred.iter()));
        }
    }
    for (r, name) in ["source", "target"].iter().enumerate() {
        let prec = tp[r] as f64 / npred[r].max(1) as f64;
        let rec = tp[r] as f64 / ngold[r].max(1) as f64;
        let f1 = if prec + rec > 0.0 { 2.0 * prec * rec / (prec + rec) } else { 0.0 };
        println!(
            "{name}: gold {} pred {} overlap-match {}  P={prec:.4} R={rec:.4} F1={f1:.4}",
            ngold[r], npred[r], tp[r]
        );
    }
    Ok(0)
}
