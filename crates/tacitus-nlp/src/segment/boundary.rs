//! A learned sentence-boundary classifier for gaps the punctuation rules leave open.
//!
//! Web and e-mail text often ends sentences without punctuation (`Thanks Bob`, a signature, a
//! list). At each gap between two tokens where the rules put no boundary and the next token
//! starts with a capital letter or a digit, an averaged perceptron over a few features of the
//! tokens on either side (lower-cased words, character shapes, a line break) decides whether a
//! sentence ends. Features are hashed, so scoring allocates nothing.
//!
//! [`super::segment_text`] applies it after the rules. The bundled weights
//! (`boundary_model.tsv`) are trained by [`train`] on UD English EWT train and the GUM train
//! documents under open licences; see the file's header.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::{lexicon, Error};
use tacitus_doc::Token;

/// The bundled weights.
static BUNDLED: &str = include_str!("boundary_model.tsv");

/// A gap scoring at least this much ends a sentence. Chosen on EWT dev and GUM dev.
pub const DEFAULT_THRESHOLD: f32 = 0.0;

/// Keys are already FNV hashes, so the map uses them as they are.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap = HashMap<u64, f32, BuildHasherDefault<PassThrough>>;

/// Hashed feature → weight.
#[derive(Clone, Debug, Default)]
pub struct BoundaryModel {
    weights: FeatureMap,
    pub threshold: f32,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over a template id and its value bytes; words are lower-cased on the fly.
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> Self {
        let mut h = FeatureHash(FNV_OFFSET);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    fn word(&mut self, w: &str) {
        for &b in w.as_bytes().iter().take(24) {
            self.byte(b.to_ascii_lowercase());
        }
        self.byte(0x1f);
    }
    fn shape(&mut self, shape: &Shape) {
        for &b in &shape.bytes[..shape.len] {
            self.byte(b);
        }
        self.byte(0x1f);
    }
}

/// The character shape of a token: runs of upper-case (`X`), lower-case (`x`), digits (`d`)
/// and other characters, at most four runs (`Xx`, `d`, `X.X.`).
struct Shape {
    bytes: [u8; 4],
    len: usize,
}

impl Shape {
    fn of(w: &str) -> Shape {
        let mut shape = Shape { bytes: [0; 4], len: 0 };
        let mut last = 0u8;
        for c in w.chars() {
            let s = if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'*'
            };
            if s != last {
                shape.bytes[shape.len] = s;
                shape.len += 1;
                last = s;
                if shape.len == 4 {
                    break;
                }
            }
        }
        shape
    }
}

/// The tokens around one gap, as the features see them.
struct GapView<'a> {
    p1: &'a str,
    n1: &'a str,
    p2_shape: Shape,
    p1_shape: Shape,
    n1_shape: Shape,
    n2_shape: Shape,
    newline: bool,
}

impl GapView<'_> {
    /// Call `f` with the hash of every feature of this gap.
    fn features(&self, mut f: impl FnMut(u64)) {
        let mut h = FeatureHash::new(0);
        f(h.0);
        h = FeatureHash::new(1);
        h.word(self.p1);
        f(h.0);
        h = FeatureHash::new(2);
        h.word(self.n1);
        f(h.0);
        h = FeatureHash::new(3);
        h.shape(&self.p1_shape);
        f(h.0);
        h = FeatureHash::new(4);
        h.shape(&self.n1_shape);
        f(h.0);
        h = FeatureHash::new(5);
        h.shape(&self.p1_shape);
        h.shape(&self.n1_shape);
        f(h.0);
        h = FeatureHash::new(6);
        h.word(self.p1);
        h.shape(&self.n1_shape);
        f(h.0);
        h = FeatureHash::new(7);
        h.shape(&self.p1_shape);
        h.word(self.n1);
        f(h.0);
        h = FeatureHash::new(8);
        h.shape(&self.p2_shape);
        h.shape(&self.p1_shape);
        h.shape(&self.n1_shape);
        f(h.0);
        h = FeatureHash::new(9);
        h.shape(&self.n1_shape);
        h.shape(&self.n2_shape);
        f(h.0);
        h = FeatureHash::new(10);
        h.byte(self.newline as u8);
        h.shape(&self.n1_shape);
        f(h.0);
    }
}

fn tok<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    tokens.get(i).map_or("", |t| &text[t.span.start as usize..t.span.end as usize])
}

/// Is the gap after token `i` one the classifier decides on? (The rules found no boundary, the
/// next token opens with a capital or a digit, and the previous token is no title or initial.)
pub(crate) fn is_candidate(text: &str, tokens: &[Token], i: usize) -> bool {
    if i + 1 >= tokens.len() {
        return false;
    }
    let next = tok(text, tokens, i + 1);
    let opens = next.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !opens {
        return false;
    }
    let prev = tok(text, tokens, i);
    if lexicon::is_title(prev) || matches!(prev, "(" | "[" | "&" | "-" | "/" | "$" | "#") {
        return false;
    }
    let mut cs = prev.chars();
    let initial = cs.next().is_some_and(char::is_uppercase) && cs.next() == Some('.') && cs.next().is_none();
    !initial
}

fn view<'a>(text: &'a str, tokens: &[Token], i: usize) -> GapView<'a> {
    let gap = &text[tokens[i].span.end as usize..tokens[i + 1].span.start as usize];
    let p1 = tok(text, tokens, i);
    let n1 = tok(text, tokens, i + 1);
    GapView {
        p1,
        n1,
        p2_shape: Shape::of(if i > 0 { tok(text, tokens, i - 1) } else { "" }),
        p1_shape: Shape::of(p1),
        n1_shape: Shape::of(n1),
        n2_shape: Shape::of(tok(text, tokens, i + 2)),
        newline: gap.contains('\n'),
    }
}

impl BoundaryModel {
    /// The bundled model, parsed once.
    pub fn bundled() -> &'static BoundaryModel {
        static MODEL: OnceLock<BoundaryModel> = OnceLock::new();
        // The bundled file is checked by a unit test; should it ever fail to parse, the
        // splitter falls back to its rules alone (an empty model never adds a boundary).
        MODEL.get_or_init(|| {
            BoundaryModel::parse(BUNDLED).unwrap_or(BoundaryModel {
                weights: FeatureMap::default(),
                threshold: f32::INFINITY,
            })
        })
    }

    /// Read a model: `# comment` lines, a `threshold\tT` line, then `HASH\tWEIGHT` lines (hash in
    /// hexadecimal).
    pub fn parse(text: &str) -> Result<BoundaryModel, Error> {
        let mut model = BoundaryModel {
            weights: FeatureMap::default(),
            threshold: DEFAULT_THRESHOLD,
        };
        for (n, line) in text.lines().enumerate() {
            let bad = |msg: &str| Error::Model {
                line: n + 1,
                msg: format!("{msg}: {line:?}"),
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line.split_once('\t').ok_or_else(|| bad("expected two tab-separated fields"))?;
            let value: f32 = value.parse().map_err(|_| bad("bad number"))?;
            if key == "threshold" {
                model.threshold = value;
            } else {
                let hash = u64::from_str_radix(key, 16).map_err(|_| bad("bad hexadecimal hash"))?;
                model.weights.insert(hash, value);
            }
        }
        Ok(model)
    }

    /// Write the model in the format [`BoundaryModel::parse`] reads, after `header` comment lines.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("threshold\t{}\n", self.threshold));
        let mut entries: Vec<(u64, f32)> = self.weights.iter().map(|(&h, &w)| (h, w)).collect();
        entries.sort_by_key(|&(h, _)| h);
        for (h, w) in entries {
            out.push_str(&format!("{h:016x}\t{w:.3}\n"));
        }
        out
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The score of the gap after token `i`.
    pub(crate) fn score(&self, text: &str, tokens: &[Token], i: usize) -> f32 {
        let mut s = 0.0;
        view(text, tokens, i).features(|h| s += self.weights.get(&h).copied().unwrap_or(0.0));
        s
    }

    /// Does a sentence end at the gap after token `i` (a candidate gap)?
    pub(crate) fn ends_sentence(&self, text: &str, tokens: &[Token], i: usize) -> bool {
        !self.weights.is_empty() && self.score(text, tokens, i) >= self.threshold
    }
}

/// One training document: its text and the byte offsets where gold sentences end.
pub struct TrainingText {
    pub text: String,
    pub ends: Vec<usize>,
}

/// Train an averaged perceptron on the candidate gaps of `docs` (tokenized and split by the
/// rules first), for `epochs` passes. Features seen fewer than `min_count` times and weights
/// smaller than 0.001 are dropped.
pub fn train(docs: &[TrainingText], epochs: usize, min_count: u32) -> BoundaryModel {
    // Collect the examples once: feature hashes and the label of each candidate gap.
    let mut examples: Vec<(Vec<u64>, bool)> = Vec::new();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for doc in docs {
        let tokens = super::tokenize_text(&doc.text);
        let rule_ends = super::sentences::rule_ends(&doc.text, &tokens);
        let gold: std::collections::HashSet<usize> = doc.ends.iter().copied().collect();
        for i in 0..tokens.len() {
            if rule_ends[i] || !is_candidate(&doc.text, &tokens, i) {
                continue;
            }
            let mut feats = Vec::with_capacity(11);
            view(&doc.text, &tokens, i).features(|h| feats.push(h));
            for &h in &feats {
                *counts.entry(h).or_insert(0) += 1;
            }
            examples.push((feats, gold.contains(&(tokens[i].span.end as usize))));
        }
    }
    for (feats, _) in &mut examples {
        feats.retain(|h| counts.get(h).copied().unwrap_or(0) >= min_count);
    }
    // Averaged perceptron with the usual lazy-update bookkeeping.
    let mut w: HashMap<u64, f32> = HashMap::new();
    let mut total: HashMap<u64, f32> = HashMap::new();
    let mut stamp: HashMap<u64, u64> = HashMap::new();
    let mut t: u64 = 0;
    // A fixed shuffle so runs repeat exactly.
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        for &e in &order {
            t += 1;
            let (feats, label) = &examples[e];
            let score: f32 = feats.iter().map(|h| w.get(h).copied().unwrap_or(0.0)).sum();
            let predicted = score >= 0.0;
            if predicted != *label {
                let delta = if *label { 1.0 } else { -1.0 };
                for &h in feats {
                    let wi = w.entry(h).or_insert(0.0);
                    let last = stamp.entry(h).or_insert(0);
                    *total.entry(h).or_insert(0.0) += (t - *last) as f32 * *wi;
                    *last = t;
                    *wi += delta;
                }
            }
        }
    }
    let mut weights = FeatureMap::default();
    for (h, wi) in &w {
        let acc = total.get(h).copied().unwrap_or(0.0) + (t - stamp.get(h).copied().unwrap_or(0)) as f32 * wi;
        let avg = acc / t.max(1) as f32;
        if avg.abs() >= 0.001 {
            weights.insert(*h, avg);
        }
    }
    BoundaryModel {
        weights,
        threshold: DEFAULT_THRESHOLD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_model_parses_and_is_not_empty() {
        let model = BoundaryModel::parse(BUNDLED).expect("bundled boundary model parses");
        assert!(!model.is_empty());
        assert!(model.threshold.is_finite());
    }

    #[test]
    fn parse_errors_name_the_line() {
        let err = BoundaryModel::parse("# c\nthreshold\t0.5\nzz\t1.0\n").unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(BoundaryModel::parse("abc").is_err());
    }

    #[test]
    fn round_trips_through_tsv() {
        let mut model = BoundaryModel::default();
        model.weights.insert(0xabc, 0.5);
        model.threshold = 0.25;
        let back = BoundaryModel::parse(&model.to_tsv("test model")).expect("round trip");
        assert_eq!(back.weights.get(&0xabc), Some(&0.5));
        assert_eq!(back.threshold, 0.25);
    }

    #[test]
    fn learns_a_separable_toy_boundary() {
        // "Thanks" after a lower-case word always opens a sentence here; "Smith" never does.
        let mut docs = Vec::new();
        let words = ["noon", "home", "work", "night", "dawn", "lunch", "length", "last", "once", "ten"];
        for k in 0..50 {
            let text = format!("we met at {} Thanks Bob and Jo Smith came", words[k % words.len()]);
            let end = text.find(" Thanks").unwrap_or(0);
            docs.push(TrainingText { text, ends: vec![end] });
        }
        let model = train(&docs, 5, 1);
        let text = "see you soon Thanks Ann and Jo Smith left";
        let tokens = crate::segment::tokenize_text(text);
        let soon = 2;
        let jo = 6;
        assert!(model.ends_sentence(text, &tokens, soon));
        assert!(!model.ends_sentence(text, &tokens, jo));
    }
}
