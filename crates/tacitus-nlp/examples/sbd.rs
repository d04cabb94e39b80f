//! Sentence splitting and tokenization of a raw text file, printed as CoNLL-U.
//!
//! ```text
//! cargo run -p tacitus-nlp --example sbd -- FILE              # tacitus segmenter
//! cargo run -p tacitus-nlp --example sbd -- --sentencex FILE  # sentencex sentences, our tokens
//! cargo run -p tacitus-nlp --release --example sbd -- --bench FILE  # throughput, to stderr
//! cargo run -p tacitus-nlp --example sbd -- --rules-only FILE # without the boundary classifier
//! cargo run -p tacitus-nlp --release --example sbd -- --train-boundary OUT.tsv TRAIN.conllu...
//! ```
//!
//! `--train-boundary` rebuilds raw text from the `# text` lines of UD treebanks (sentences
//! joined by a space, paragraphs and documents by a blank line, as `score_sbd.py text` does),
//! skips GUM's non-commercial documents (`GUM_whow_*`, `GUM_fiction_*`), and trains the
//! boundary classifier on the rest.
//!
//! Only ID, FORM and MISC are filled; MISC holds `start_char=…|end_char=…`, character offsets
//! into the file, as `score_sbd.py score` expects.

use std::io::{BufWriter, Write};
use std::time::Instant;

use tacitus_doc::{CharIndex, Sentence, Span, Token};
use tacitus_nlp::segment::boundary::{self, TrainingText};
use tacitus_nlp::segment::{segment_text, segment_text_with, tokenize_text};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Sentences from the sentencex crate, each tokenized by our tokenizer.
fn segment_with_sentencex(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", text) {
        let (start, end) = (b.start_byte, b.end_byte.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let first = tokens.len() as u32;
        for t in tokenize_text(&text[start..end]) {
            let span = Span::new(t.span.start + start as u32, t.span.end + start as u32);
            tokens.push(Token { span });
        }
        let last = tokens.len() as u32;
        if last > first {
            let span = Span::new(tokens[first as usize].span.start, tokens[last as usize - 1].span.end);
            sentences.push(Sentence {
                span,
                first_token: first,
                end_token: last,
            });
        }
    }
    (sentences, tokens)
}

fn write_conllu(text: &str, sentences: &[Sentence], tokens: &[Token]) -> Result<()> {
    let chars = CharIndex::new(text);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, s) in sentences.iter().enumerate() {
        writeln!(out, "# sent_id = {}", n + 1)?;
        for (k, t) in tokens[s.token_range()].iter().enumerate() {
            let form = &text[t.span.start as usize..t.span.end as usize];
            let [a, b] = chars.span(t.span);
            writeln!(out, "{}\t{form}\t_\t_\t_\t_\t_\t_\t_\tstart_char={a}|end_char={b}", k + 1)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

fn bench(text: &str) {
    // Repeat until about a second has passed, so small files still give a stable figure.
    let start = Instant::now();
    let mut rounds = 0u64;
    let mut tokens = 0usize;
    while rounds == 0 || start.elapsed().as_secs_f64() < 1.0 {
        let (s, t) = segment_text(text);
        tokens += t.len();
        std::hint::black_box(s);
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = text.len() as f64 * rounds as f64 / 1e6;
    eprintln!(
        "{:.1} MB/s ({} bytes x {} rounds in {:.2}s, {} tokens per round)",
        mb / secs,
        text.len(),
        rounds,
        secs,
        tokens / rounds as usize
    );
}

/// Raw text and gold sentence ends (byte offsets) of a UD treebank, like `score_sbd.py text`.
fn treebank_text(path: &str) -> Result<TrainingText> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut text = String::new();
    let mut ends = Vec::new();
    let (mut doc, mut last_doc) = (String::new(), None::<String>);
    let mut new_par = false;
    let mut sentence: Option<String> = None;
    for line in source.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id") {
            doc = id.trim_start_matches([' ', '=']).trim().to_string();
            new_par = true;
        } else if line.starts_with("# newpar") {
            new_par = true;
        } else if let Some(t) = line.strip_prefix("# text =") {
            sentence = Some(t.trim().to_string());
        } else if line.is_empty() {
            if let Some(s) = sentence.take() {
                let licensed = !(doc.starts_with("GUM_whow_") || doc.starts_with("GUM_fiction_"));
                if licensed {
                    if !text.is_empty() {
                        let same_par = !new_par && last_doc.as_deref() == Some(doc.as_str());
                        text.push_str(if same_par { " " } else { "\n\n" });
                    }
                    text.push_str(&s);
                    ends.push(text.len());
                    last_doc = Some(doc.clone());
                }
                new_par = false;
            }
        }
    }
    Ok(TrainingText { text, ends })
}

fn train_boundary(out: &str, treebanks: &[&String]) -> Result<()> {
    if treebanks.is_empty() {
        return Err("usage: sbd --train-boundary OUT.tsv TRAIN.conllu...".into());
    }
    let docs = treebanks.iter().map(|p| treebank_text(p)).collect::<Result<Vec<_>>>()?;
    let model = boundary::train(&docs, 10, 2);
    let names: Vec<String> = treebanks
        .iter()
        .map(|p| {
            std::path::Path::new(p.as_str())
                .file_name()
                .map_or(p.to_string(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    let header = format!(
        "Sentence-boundary classifier for tacitus (crates/tacitus-nlp/src/segment/boundary.rs).\n\
         Trained by `cargo run -p tacitus-nlp --release --example sbd -- --train-boundary` on {}\n\
         (averaged perceptron, 10 epochs, features seen at least twice; GUM_whow_* and GUM_fiction_* left out).\n\
         Derived from UD English EWT (CC BY-SA 4.0) and UD English GUM open-licence documents: CC BY-SA 4.0.\n\
         Format: `threshold<TAB>T`, then `feature-hash<TAB>weight` (hashes as in boundary.rs).",
        names.join(", ")
    );
    std::fs::write(out, model.to_tsv(&header)).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("{out}: {} weights", model.len());
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.iter().find(|a| a.starts_with("--")).map(String::as_str);
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if mode == Some("--train-boundary") {
        let Some((out, treebanks)) = paths.split_first() else {
            return Err("usage: sbd --train-boundary OUT.tsv TRAIN.conllu...".into());
        };
        return train_boundary(out, treebanks);
    }
    let Some(path) = paths.first() else {
        return Err("usage: sbd [--rules-only | --sentencex | --bench] FILE".into());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    match mode {
        None => {
            let (sentences, tokens) = segment_text(&text);
            write_conllu(&text, &sentences, &tokens)
        }
        Some("--sentencex") => {
            let (sentences, tokens) = segment_with_sentencex(&text);
            write_conllu(&text, &sentences, &tokens)
        }
        Some("--rules-only") => {
            let (sentences, tokens) = segment_text_with(&text, None);
            write_conllu(&text, &sentences, &tokens)
        }
        Some("--bench") => {
            bench(&text);
            Ok(())
        }
        Some(other) => Err(format!("unknown option {other}; expected --rules-only, --sentencex, --bench or --train-boundary").into()),
    }
}
