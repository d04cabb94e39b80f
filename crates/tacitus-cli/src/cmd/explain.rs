//! `tacitus explain`: the parse, the actors found, the patterns tried and why each event was or
//! was not emitted — for one sentence or short text.

use tacitus::doc::Document;

#[derive(clap::Args)]
pub struct Args {
    /// The sentence (or short text) to explain.
    pub text: String,
    /// Publication date (YYYY-MM-DD) used for leaders' terms and relative dates.
    #[arg(long, default_value = "2026-11-01")]
    pub date: String,
    /// Also print the event records as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let Some(date) = tacitus::input::parse_date(&args.date) else {
        eprintln!("tacitus explain: --date {:?}: expected YYYY-MM-DD", args.date);
        return Ok(2);
    };
    let pipeline = tacitus::Pipeline::english()?;
    let mut doc = Document::new("explain", args.text.clone(), Some(date));
    let mut trace = tacitus_code::Trace::default();
    pipeline.annotate_traced(&mut doc, Some(&mut trace));
    for (si, s) in doc.sentences.iter().enumerate() {
        println!("# sentence {si}: {}", doc.slice(s.span));
        println!(
            "{:>3}  {:<18} {:<14} {:<6} {:<5} {:>4}  deprel",
            "id", "word", "lemma", "upos", "xpos", "head"
        );
        for t in s.token_range() {
            let x = &doc.syntax[t];
            let head = if x.head == u32::MAX { 0 } else { x.head - s.first_token + 1 };
            println!(
                "{:>3}  {:<18} {:<14} {:<6} {:<5} {:>4}  {}",
                t - s.first_token as usize + 1,
                doc.token_text(t),
                x.lemma,
                x.upos.as_str(),
                x.xpos_str(),
                head,
                x.deprel.as_str()
            );
        }
    }
    println!();
    println!("# actors");
    for a in &doc.actors {
        println!(
            "  {:<12} {:<40} rule={}{}",
            a.code.code(),
            doc.slice(a.span),
            a.rule,
            a.name.as_ref().map(|n| format!(" name={n}")).unwrap_or_default()
        );
    }
    println!();
    println!("# coder trace");
    for l in &trace.lines {
        println!("{l}");
    }
    println!();
    println!("# dates");
    for t in &doc.timexes {
        println!("  {:<24} {} ({})", doc.slice(t.span), t.value, t.precision.as_str());
    }
    println!("# places");
    for p in &doc.places {
        println!("  {:<24} {} {} ({:.2}, {:.2})", doc.slice(p.span), p.name, p.country, p.lat, p.lon);
    }
    let records = tacitus::records::event_records(&doc, &pipeline.coder.cameo);
    println!();
    println!("# events ({})", records.len());
    for r in &records {
        let codes = |v: &[tacitus::doc::ActorRecord]| v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join("+");
        println!(
            "  {} {:<8} {} → {}  '{}' {} date={} place={} rule={}",
            r.cameo,
            r.event.as_deref().unwrap_or("-"),
            codes(&r.actor),
            codes(&r.recipient),
            r.trigger,
            r.modality,
            r.date.as_deref().unwrap_or("-"),
            r.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-"),
            r.rule
        );
        if args.json {
            println!("{}", serde_json::to_string(r)?);
        }
    }
    Ok(0)
}
