//! `tacitus train`: rebuild the bundled tagger, lemmatizer and parser from UD treebanks.

use anyhow::Context;
use std::path::PathBuf;
use std::time::Instant;
use tacitus_nlp::syntax::conllu::read_treebank;
use tacitus_nlp::syntax::train::{package, train, training_sentences, TrainConfig};
use tacitus_nlp::syntax::{evaluate, Analyzer};

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding en_ewt-ud-{train,dev}.conllu and en_gum-ud-train.conllu.
    #[arg(long, default_value = "../shared/ud")]
    pub ud_dir: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "resources/models/en_syntax.bin")]
    pub out: PathBuf,
    /// Train on EWT only (no GUM).
    #[arg(long)]
    pub no_gum: bool,
    /// Jackknife folds for the parser's training tags (0 = gold tags).
    #[arg(long, default_value_t = 4)]
    pub jackknife: usize,
    #[arg(long, default_value_t = 8)]
    pub tagger_epochs: usize,
    #[arg(long, default_value_t = 10)]
    pub parser_epochs: usize,
    /// Drop tagger weights below this magnitude after training.
    #[arg(long, default_value_t = 0.5)]
    pub tagger_prune: f32,
    /// Drop parser weights below this magnitude after training.
    #[arg(long, default_value_t = 1.0)]
    pub parser_prune: f32,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    let t0 = Instant::now();
    let sents = training_sentences(&args.ud_dir, !args.no_gum)?;
    let mut cfg = TrainConfig {
        use_gum: !args.no_gum,
        jackknife: args.jackknife,
        tagger_prune: args.tagger_prune,
        parser_prune: args.parser_prune,
        ..TrainConfig::default()
    };
    cfg.tagger.epochs = args.tagger_epochs;
    cfg.parser.epochs = args.parser_epochs;
    let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    let trained = train(&sents, &cfg, &mut log);
    let bytes = package(&trained, &cfg)?;
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    // Check what was written loads, and report dev figures.
    let loaded = Analyzer::from_bytes(&bytes)?;
    let (tw, pw) = loaded.sizes();
    log(&format!(
        "wrote {} ({} bytes; {tw} tagger and {pw} parser weights)",
        args.out.display(),
        bytes.len()
    ));
    let dev = args.ud_dir.join("en_ewt-ud-dev.conllu");
    if dev.exists() {
        let gold = read_treebank(&dev)?;
        log(&format!("EWT dev: {}", evaluate(&loaded, &gold).summary()));
    }
    Ok(0)
}
