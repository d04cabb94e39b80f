//! Training the bundled models from UD English treebanks: tagger, lemmatizer, then a parser
//! trained on jackknifed (automatically predicted) tags so that it sees tagging errors.

use super::conllu::{read_treebank, TreeSentence};
use super::lemma;
use super::parser::{self, ParseExample, ParserConfig};
use super::tagger::{self, Tagger, TaggerConfig};
use super::{Analyzer, Error};
use std::path::Path;
use tacitus_doc::Upos;

/// What to train on and how.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Also train on GUM (minus its non-commercial wikiHow and fiction documents).
    pub use_gum: bool,
    /// Folds for jackknifed parser training tags (0 or 1 = gold tags).
    pub jackknife: usize,
    pub tagger: TaggerConfig,
    pub parser: ParserConfig,
    /// After training, drop tagger / parser weights below these magnitudes (model size).
    pub tagger_prune: f32,
    pub parser_prune: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            use_gum: true,
            jackknife: 4,
            tagger: TaggerConfig {
                epochs: 8,
                ..TaggerConfig::default()
            },
            parser: ParserConfig {
                epochs: 10,
                ..ParserConfig::default()
            },
            tagger_prune: 0.5,
            parser_prune: 1.0,
        }
    }
}

/// The shipped bytes of a trained analyzer: serialised (weights quantised), read back, pruned
/// and serialised again, so that the pruning sees exactly the weights a model file holds.
pub fn package(analyzer: &Analyzer, cfg: &TrainConfig) -> Result<Vec<u8>, Error> {
    let mut a = Analyzer::from_bytes(&analyzer.to_bytes())?;
    a.prune(cfg.tagger_prune, cfg.parser_prune);
    Ok(a.to_bytes())
}

/// Is a GUM sentence licensed for a shipped model? (wikiHow and fiction are non-commercial.)
pub fn shippable(sent_id: &str) -> bool {
    !(sent_id.starts_with("GUM_whow_") || sent_id.starts_with("GUM_fiction_"))
}

/// Read the training sentences from a UD directory.
pub fn training_sentences(ud_dir: &Path, use_gum: bool) -> Result<Vec<TreeSentence>, Error> {
    let mut sents = read_treebank(&ud_dir.join("en_ewt-ud-train.conllu"))?;
    if use_gum {
        let gum = read_treebank(&ud_dir.join("en_gum-ud-train.conllu"))?;
        sents.extend(gum.into_iter().filter(|s| shippable(&s.sent_id)));
    }
    Ok(sents)
}

fn examples(tagger: &Tagger, sents: &[TreeSentence], tags: Option<&[Vec<u8>]>) -> Vec<ParseExample> {
    sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let lexes = tagger.lexes(&words);
            let t = match tags {
                Some(t) => t[i].clone(),
                None => tagger.tag_lexes(&lexes),
            };
            let punct = t
                .iter()
                .map(|c| tagger.classes.get(*c as usize).map(|x| x.0) == Some(Upos::Punct))
                .collect();
            ParseExample {
                words: lexes.iter().map(|l| l.lower).collect(),
                tags: t,
                punct,
                heads: s.words.iter().map(|w| w.head.checked_sub(1)).collect(),
                labels: s.words.iter().map(|w| w.deprel).collect(),
            }
        })
        .collect()
}

/// Train all three models. `log` receives progress lines.
pub fn train(sents: &[TreeSentence], cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Analyzer {
    log(&format!("training on {} sentences", sents.len()));
    let tagger = tagger::train(sents, cfg.tagger, log);
    let lemmatizer = lemma::train(sents);
    // Jackknifed tags: tag each fold with a tagger trained on the other folds.
    let mut tags: Vec<Vec<u8>> = vec![Vec::new(); sents.len()];
    let k = cfg.jackknife;
    if k >= 2 {
        for fold in 0..k {
            let (train_part, idx): (Vec<TreeSentence>, Vec<usize>) = {
                let tr = sents
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                (tr, (0..sents.len()).filter(|i| i % k == fold).collect())
            };
            let mut quiet = |_: &str| {};
            let t = tagger::train(&train_part, cfg.tagger, &mut quiet);
            let mut right = 0usize;
            let mut total = 0usize;
            for i in idx {
                let words: Vec<&str> = sents[i].words.iter().map(|w| w.form.as_str()).collect();
                let pred = t.tag(&words);
                // Map the fold tagger's classes onto the full tagger's.
                tags[i] = pred
                    .iter()
                    .zip(&sents[i].words)
                    .map(|(c, w)| {
                        let pair = t.classes.get(*c as usize).copied().unwrap_or((w.upos, w.xpos));
                        right += (pair == (w.upos, w.xpos)) as usize;
                        total += 1;
                        tagger.classes.iter().position(|x| *x == pair).unwrap_or(0) as u8
                    })
                    .collect();
            }
            log(&format!(
                "jackknife fold {}/{k}: tag accuracy {:.2}%",
                fold + 1,
                100.0 * right as f64 / total.max(1) as f64
            ));
        }
    } else {
        for (i, s) in sents.iter().enumerate() {
            tags[i] = s
                .words
                .iter()
                .map(|w| tagger.classes.iter().position(|x| *x == (w.upos, w.xpos)).unwrap_or(0) as u8)
                .collect();
        }
    }
    let data = examples(&tagger, sents, Some(&tags));
    let parser = parser::train(&data, cfg.parser, log);
    Analyzer {
        tagger,
        lemmatizer,
        parser,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_commercial_gum_is_dropped() {
        assert!(!shippable("GUM_whow_parachute-12"));
        assert!(!shippable("GUM_fiction_beast-3"));
        assert!(shippable("GUM_news_iodine-1"));
        assert!(shippable("weblog-juancole.com_x-0001"));
    }
}
