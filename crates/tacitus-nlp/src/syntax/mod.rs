//! Tagging, lemmatization and dependency parsing for English.
//!
//! [`Analyzer`] bundles three models trained by our own code on Universal Dependencies English
//! (see `resources/models/SOURCE.md`): a greedy averaged-perceptron tagger predicting the joint
//! (UPOS, Penn XPOS) tag, a lemmatizer of learned suffix edits, and a greedy arc-hybrid
//! dependency parser with jointly predicted UD relations (English subtypes included).
//!
//! ```no_run
//! use tacitus_nlp::syntax::Analyzer;
//! let a = Analyzer::load_default().expect("bundled model");
//! let words = a.analyze(&["Russia", "hosted", "talks", "."]);
//! assert_eq!(words[1].head, 0); // "hosted" is the root
//! ```

mod binio;
mod closed;
pub mod conllu;
mod lemma;
mod parser;
mod perceptron;
mod tagger;
pub mod train;

use binio::{Reader, Writer};
use lemma::Lemmatizer;
use parser::{ParseInput, Parser};
use tacitus_doc::syntax::ROOT;
use tacitus_doc::{DepRel, Document, TokenSyntax, Upos, XPOS_TAGS};
use tagger::Tagger;

pub use parser::ParserConfig;
pub use tagger::TaggerConfig;

/// Errors of the syntax stage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{0}: {1}")]
    Io(String, #[source] std::io::Error),
    /// Malformed CoNLL-U input.
    #[error("{file}:{line}: {msg}")]
    Conllu { file: String, line: usize, msg: String },
    /// A model file is truncated, of another version or inconsistent.
    #[error("bad syntax model: {0}")]
    Model(String),
}

/// File magic; the last digit before the newline is the format (1: 64-bit feature keys,
/// 2: 32-bit fingerprints). Both load; we write 2.
const MAGIC: &[u8; 8] = b"TCSYN02\n";

/// The bundled model (see resources/models/SOURCE.md).
static DEFAULT_MODEL: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/models/en_syntax.bin"));

/// Analysis of one word.
#[derive(Clone, Debug, PartialEq)]
pub struct WordAnalysis {
    pub upos: Upos,
    /// Index into [`XPOS_TAGS`].
    pub xpos: u8,
    pub lemma: String,
    /// 0 = root, else the 1-based index of the head word.
    pub head: u32,
    pub deprel: DepRel,
}

impl WordAnalysis {
    pub fn xpos_str(&self) -> &'static str {
        XPOS_TAGS.get(self.xpos as usize).copied().unwrap_or("XX")
    }
}

/// Tagger, lemmatizer and parser together.
pub struct Analyzer {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
}

impl Analyzer {
    /// Bundled models, embedded in the binary.
    pub fn load_default() -> Result<Analyzer, Error> {
        Analyzer::from_bytes(DEFAULT_MODEL)
    }

    /// Load a model file written by [`Analyzer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Analyzer, Error> {
        let format = match bytes.get(..MAGIC.len()) {
            Some(b"TCSYN01\n") => 1,
            Some(b"TCSYN02\n") => 2,
            _ => return Err(Error::Model("not a tacitus syntax model (bad magic)".into())),
        };
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let tagger = Tagger::read(&mut r, format)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r, format)?;
        if !r.at_end() {
            return Err(Error::Model("trailing bytes after the parser".into()));
        }
        Ok(Analyzer {
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// Load a model file from disk.
    pub fn load(path: &std::path::Path) -> Result<Analyzer, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::Io(path.display().to_string(), e))?;
        Analyzer::from_bytes(&bytes)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        let mut out = MAGIC.to_vec();
        out.extend(w.into_bytes());
        out
    }

    /// Number of stored weights (tagger, parser).
    pub fn sizes(&self) -> (usize, usize) {
        (self.tagger.n_weights(), self.parser.n_weights())
    }

    /// Drop tagger and parser weights smaller than the given magnitudes (model size against
    /// accuracy).
    pub fn prune(&mut self, tagger_min: f32, parser_min: f32) {
        self.tagger = self.tagger.pruned(tagger_min);
        self.parser = self.parser.pruned(parser_min);
    }

    /// Tags only: (UPOS, XPOS index) per word.
    pub fn tag(&self, words: &[&str]) -> Vec<(Upos, u8)> {
        let classes = &self.tagger.classes;
        self.tagger
            .tag(words)
            .into_iter()
            .map(|c| classes.get(c as usize).copied().unwrap_or((Upos::X, 0)))
            .collect()
    }

    /// One sentence of words → per-word tags, lemma, head and relation.
    pub fn analyze(&self, words: &[&str]) -> Vec<WordAnalysis> {
        if words.is_empty() {
            return Vec::new();
        }
        let lexes = self.tagger.lexes(words);
        let tags = self.tagger.tag_lexes(&lexes);
        let classes = &self.tagger.classes;
        let tagged: Vec<(Upos, u8)> = tags
            .iter()
            .map(|&c| classes.get(c as usize).copied().unwrap_or((Upos::X, 0)))
            .collect();
        let lower: Vec<u64> = lexes.iter().map(|l| l.lower).collect();
        let punct: Vec<bool> = tagged.iter().map(|t| t.0 == Upos::Punct).collect();
        let headline = matches!(tagger::case_profile(&lexes), 1 | 2);
        let arcs = self.parser.parse(&ParseInput {
            words: &lower,
            tags: &tags,
            punct: &punct,
        });
        words
            .iter()
            .zip(tagged)
            .zip(arcs)
            .map(|((w, (upos, xpos)), arc)| WordAnalysis {
                upos,
                xpos,
                lemma: self.lemmatizer.lemma(w, xpos, headline),
                head: arc.head.map_or(0, |h| h + 1),
                deprel: arc.deprel,
            })
            .collect()
    }

    /// Fill `doc.syntax` (parallel to `doc.tokens`; heads are absolute token indices, the
    /// sentence root has head [`ROOT`]) for every sentence of a segmented document.
    pub fn annotate(&self, doc: &mut Document) {
        let mut syntax: Vec<TokenSyntax> = (0..doc.tokens.len())
            .map(|i| TokenSyntax {
                upos: Upos::X,
                xpos: tacitus_doc::syntax::xpos_index("XX").unwrap_or(0),
                lemma: doc.token_text(i).to_string(),
                head: ROOT,
                deprel: DepRel::Dep,
            })
            .collect();
        for s in &doc.sentences {
            let range = s.token_range();
            if range.end > doc.tokens.len() || range.is_empty() {
                continue;
            }
            let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
            for (k, a) in self.analyze(&words).into_iter().enumerate() {
                syntax[range.start + k] = TokenSyntax {
                    upos: a.upos,
                    xpos: a.xpos,
                    lemma: a.lemma,
                    head: if a.head == 0 { ROOT } else { s.first_token + a.head - 1 },
                    deprel: a.deprel,
                };
            }
        }
        doc.syntax = syntax;
    }
}

/// Accuracy figures of an analysis against gold (punctuation included).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
    pub las_full: usize,
}

impl Scores {
    pub fn add(&mut self, gold: &conllu::TreeSentence, pred: &[WordAnalysis]) {
        for (g, p) in gold.words.iter().zip(pred) {
            self.words += 1;
            self.upos += (g.upos == p.upos) as usize;
            self.xpos += (g.xpos == p.xpos) as usize;
            self.lemma += (g.lemma == p.lemma) as usize;
            let head_ok = g.head == p.head;
            self.uas += head_ok as usize;
            self.las += (head_ok && g.deprel.base() == p.deprel.base()) as usize;
            self.las_full += (head_ok && g.deprel == p.deprel) as usize;
        }
    }

    pub fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }

    pub fn summary(&self) -> String {
        format!(
            "words {} UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2} LAS-full {:.2}",
            self.words,
            self.pct(self.upos),
            self.pct(self.xpos),
            self.pct(self.lemma),
            self.pct(self.uas),
            self.pct(self.las),
            self.pct(self.las_full)
        )
    }
}

/// Analyse gold-tokenized sentences and score them.
pub fn evaluate(analyzer: &Analyzer, gold: &[conllu::TreeSentence]) -> Scores {
    let mut s = Scores::default();
    for g in gold {
        let words: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
        s.add(g, &analyzer.analyze(&words));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use tacitus_doc::{Sentence, Span, Token};

    fn analyzer() -> Analyzer {
        Analyzer::load_default().expect("the bundled model loads")
    }

    fn show(words: &[&str], a: &[WordAnalysis]) -> String {
        words
            .iter()
            .zip(a)
            .map(|(w, x)| format!("{w}/{}/{}/{}:{}", x.upos.as_str(), x.xpos_str(), x.head, x.deprel.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One root, heads in range, no cycles.
    fn assert_tree(a: &[WordAnalysis]) {
        let n = a.len() as u32;
        assert_eq!(a.iter().filter(|x| x.head == 0).count(), 1, "exactly one root");
        for (i, x) in a.iter().enumerate() {
            assert!(x.head <= n);
            let (mut h, mut steps) = (i as u32 + 1, 0);
            while h != 0 {
                h = a[h as usize - 1].head;
                steps += 1;
                assert!(steps <= n, "cycle through word {}", i + 1);
            }
        }
    }

    #[test]
    fn an_irregular_past_form_is_a_past_verb_with_its_base() {
        // the stored weights alone read "undertook" as an adjective of "mission"
        let w = [
            "Secretary",
            "General",
            "Chadli",
            "Klibi",
            "undertook",
            "mediation",
            "mission",
            "between",
            "Syria",
            "and",
            "Iraq",
            ".",
        ];
        let a = analyzer().analyze(&w);
        assert_eq!(
            (a[4].upos, tacitus_doc::XPOS_TAGS[a[4].xpos as usize]),
            (Upos::Verb, "VBD"),
            "{}",
            show(&w, &a)
        );
        assert_eq!(a[4].lemma, "undertake", "{}", show(&w, &a));
    }

    #[test]
    fn words_outside_the_closed_classes_never_take_their_tags() {
        let w = [
            "Opposition",
            "groups",
            "are",
            "demanding",
            "that",
            "President",
            "Mugabe",
            "abandon",
            "his",
            "policy",
            ".",
        ];
        let a = analyzer().analyze(&w);
        assert!(
            !matches!(
                a[7].upos,
                Upos::Adp | Upos::Sconj | Upos::Det | Upos::Pron | Upos::Cconj | Upos::Aux | Upos::Part
            ),
            "{}",
            show(&w, &a)
        );
        // listed words keep them
        assert_eq!(a[4].upos, Upos::Sconj, "{}", show(&w, &a));
        assert_eq!(a[8].upos, Upos::Pron, "{}", show(&w, &a));
    }

    #[test]
    fn parses_a_news_sentence() {
        let w = ["Russia", "hosted", "peace", "talks", "in", "Sochi", "on", "Monday", "."];
        let a = analyzer().analyze(&w);
        let s = show(&w, &a);
        assert_tree(&a);
        assert_eq!(a[1].head, 0, "{s}");
        assert_eq!((a[0].head, a[0].deprel), (2, DepRel::Nsubj), "{s}");
        assert_eq!((a[3].head, a[3].deprel.base()), (2, "obj"), "{s}");
        // "in Sochi" may attach to the verb or to "talks"; either way "in" is its case marker.
        assert_eq!((a[4].head, a[4].deprel), (6, DepRel::Case), "{s}");
        assert!(matches!(a[5].head, 2 | 4), "{s}");
        assert_eq!(a[0].upos, Upos::Propn, "{s}");
        assert_eq!(a[1].lemma, "host", "{s}");
        assert_eq!(a[3].lemma, "talk", "{s}");
    }

    #[test]
    fn passive_subject_and_agent() {
        let w = ["The", "convoy", "was", "attacked", "by", "rebels", "near", "the", "border", "."];
        let a = analyzer().analyze(&w);
        let s = show(&w, &a);
        assert_tree(&a);
        assert_eq!(a[1].deprel, DepRel::NsubjPass, "{s}");
        assert_eq!(a[2].deprel, DepRel::AuxPass, "{s}");
        assert_eq!(a[5].deprel, DepRel::OblAgent, "{s}");
        assert_eq!(a[3].lemma, "attack", "{s}");
    }

    #[test]
    fn headlines_in_capitals_and_title_case_tag_like_ordinary_text() {
        let an = analyzer();
        let lower = ["Ukraine", "accuses", "Russia", "of", "shelling", "the", "nuclear", "plant"];
        let title = ["Ukraine", "Accuses", "Russia", "Of", "Shelling", "The", "Nuclear", "Plant"];
        let caps = ["UKRAINE", "ACCUSES", "RUSSIA", "OF", "SHELLING", "THE", "NUCLEAR", "PLANT"];
        let base: Vec<Upos> = an.analyze(&lower).iter().map(|x| x.upos).collect();
        assert_eq!(base[1], Upos::Verb);
        for w in [&title, &caps] {
            let a = an.analyze(w);
            let s = show(w, &a);
            assert_eq!(a[1].upos, Upos::Verb, "{s}");
            assert_eq!(a[1].lemma.to_lowercase(), "accuse", "{s}");
            assert_eq!(a[5].upos, Upos::Det, "{s}");
            assert_eq!(a[7].upos, Upos::Noun, "{s}");
            assert_eq!(a[1].head, 0, "{s}");
            let same = a.iter().zip(&base).filter(|(x, b)| x.upos == **b).count();
            assert!(same >= 7, "{s}");
        }
    }

    #[test]
    fn long_and_odd_input_still_gives_a_tree() {
        let an = analyzer();
        let mut w = Vec::new();
        for k in 0..60 {
            w.extend(["talks", "resumed", if k % 2 == 0 { "," } else { "and" }, "officials", "said"]);
        }
        assert_eq!(w.len(), 300);
        assert_tree(&an.analyze(&w));
        assert_tree(&an.analyze(&["", "\u{0}", "💥", "?!", "a\tb"]));
        assert!(an.analyze(&[]).is_empty());
    }

    #[test]
    fn annotate_fills_the_document_layer() {
        let text = "Troops left. Talks began";
        let mut doc = Document::new("d", text, None);
        let spans = [(0, 6), (7, 11), (11, 12), (13, 18), (19, 24)];
        doc.tokens = spans.iter().map(|&(a, b)| Token { span: Span::new(a, b) }).collect();
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, 12),
                first_token: 0,
                end_token: 3,
            },
            Sentence {
                span: Span::new(13, 24),
                first_token: 3,
                end_token: 5,
            },
        ];
        analyzer().annotate(&mut doc);
        assert!(doc.has_syntax());
        assert_eq!(doc.syntax[1].head, ROOT);
        assert_eq!(doc.syntax[0].head, 1);
        assert_eq!(doc.syntax[3].head, 4, "heads are absolute token indices");
        assert_eq!(doc.syntax[4].head, ROOT);
    }

    /// Sentences of random words (frequent, rare, odd) of random lengths.
    fn random_sentences(seed: u64, count: usize) -> Vec<Vec<String>> {
        let vocab = [
            "the",
            "The",
            "talks",
            "resumed",
            "in",
            "Sochi",
            "on",
            "Monday",
            ",",
            ".",
            "officials",
            "said",
            "UKRAINE",
            "Accuses",
            "rebels",
            "1990s",
            "U.S.",
            "x-ray",
            "Köln",
            "💥",
            "",
            "zqxj",
            "and",
            "was",
            "attacked",
            "by",
            "near",
            "border",
            "?",
            "\"",
            "a\tb",
            "IBM's",
            "of",
            "to",
            "that",
        ];
        let mut rng = perceptron::Rng::new(seed);
        (0..count)
            .map(|_| {
                let n = 1 + (rng.next_u64() % 40) as usize;
                (0..n)
                    .map(|_| vocab[(rng.next_u64() % vocab.len() as u64) as usize].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn cached_scoring_gives_the_analyses_of_direct_scoring() {
        // In test builds the tagger and the parser check every cached score vector against
        // scoring all features directly (see `Parser::run`, `Tagger::pass`); here they see
        // many sentences, twice (the second time from the word cache), and two taggers with
        // different weights in turn on one thread (the word cache must keep them apart).
        let an = analyzer();
        let mut other = analyzer();
        other.prune(2.0, 2.0);
        assert!(other.sizes().0 < an.sizes().0 / 2, "{:?} {:?}", other.sizes(), an.sizes());
        let mut sents = random_sentences(1, 150);
        let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/ud/en_ewt-ud-dev.conllu"));
        match conllu::read_treebank(path) {
            Ok(gold) => sents.extend(gold.iter().take(300).map(|g| g.words.iter().map(|w| w.form.clone()).collect())),
            Err(_) => eprintln!("SKIP (EWT dev sentences): ../shared absent"),
        }
        let (mut first, mut differ) = (Vec::new(), 0);
        for s in &sents {
            let words: Vec<&str> = s.iter().map(String::as_str).collect();
            first.push(an.analyze(&words));
            differ += (other.analyze(&words) != first[first.len() - 1]) as usize;
        }
        assert!(differ > 0, "the two models should disagree somewhere");
        for (s, a) in sents.iter().zip(&first) {
            let words: Vec<&str> = s.iter().map(String::as_str).collect();
            assert_eq!(&an.analyze(&words), a);
            assert_tree(a);
        }
    }

    #[test]
    fn bad_model_bytes_are_errors() {
        assert!(Analyzer::from_bytes(b"junk").is_err());
        let good = analyzer().to_bytes();
        assert!(Analyzer::from_bytes(&good[..good.len() / 2]).is_err());
        assert!(Analyzer::from_bytes(&good).is_ok());
    }
}
