//! Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting the joint
//! (UPOS, Penn XPOS) tag from hashed lexical, shape, context and ambiguity-class features.

use super::binio::{Reader, Writer};
use super::conllu::TreeSentence;
use super::perceptron::{hash_bytes, hash_str, mix, HashMap64, Model, Rng, Trainer};
use super::Error;
use std::collections::{BTreeSet, HashMap};
use tacitus_doc::Upos;

/// Per-token values computed once per sentence; features combine them.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    pub form: u64,
    pub lower: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    shape: u64,
    /// Ambiguity class of the word (hash of the tags it had in training), or 0.
    amb: u64,
    /// Casing: 0 no letters, 1 lowercase start, 2 capitalised, 3 all capitals (2+ letters).
    case: u8,
}

/// Casing profile of a sentence: 0 ordinary, 1 mostly Title Case, 2 mostly ALL CAPS,
/// 3 no capitals at all. Lets headline casing change what capitals mean.
pub fn case_profile(lx: &[Lex]) -> u64 {
    let mut n = [0usize; 4];
    for l in lx {
        n[l.case as usize] += 1;
    }
    let words = n[1] + n[2] + n[3];
    if words < 3 {
        0
    } else if n[3] * 10 >= words * 6 {
        2
    } else if (n[2] + n[3]) * 10 >= words * 6 {
        1
    } else if n[2] + n[3] == 0 {
        3
    } else {
        0
    }
}

fn casing(word: &str) -> u8 {
    let mut letters = 0;
    let mut upper = 0;
    let mut first_upper = None;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += c.is_uppercase() as usize;
            first_upper.get_or_insert(c.is_uppercase());
        }
    }
    match first_upper {
        None => 0,
        Some(false) => 1,
        Some(true) if letters >= 2 && upper == letters => 3,
        Some(true) => 2,
    }
}

const START: u64 = 0xfff0;
const END: u64 = 0xfff1;

/// Word shape: `Xxxx` → `Xx`, `1990s` → `dx`, `U.S.` → `X.X.`.
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for (n, c) in word.chars().enumerate() {
        if n >= 12 {
            break;
        }
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
        }
        last = k;
    }
    out
}

/// Longest word the allocation-free ASCII path of [`lex`] handles.
const ASCII_MAX: usize = 64;

/// Lexical values of one word.
pub fn lex(word: &str, amb: &HashMap64<u64>) -> Lex {
    if word.is_ascii() && word.len() <= ASCII_MAX {
        return lex_ascii(word.as_bytes(), amb);
    }
    lex_general(word, amb)
}

/// [`lex`] of an ASCII word without allocating (bytes are characters); same values as
/// [`lex_general`].
fn lex_ascii(word: &[u8], amb: &HashMap64<u64>) -> Lex {
    let mut buf = [0u8; ASCII_MAX];
    let n = word.len();
    let lower_s = &mut buf[..n];
    lower_s.copy_from_slice(word);
    lower_s.make_ascii_lowercase();
    let lower_s = &*lower_s;
    let lower = hash_bytes(lower_s);
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let len = k + 1;
        *s = if n >= len {
            mix(hash_bytes(&lower_s[n - len..]), 100 + k as u64)
        } else {
            0
        };
    }
    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        let len = k + 1;
        *p = if n > len {
            mix(hash_bytes(&lower_s[..len]), 200 + k as u64)
        } else {
            0
        };
    }
    let mut shape_buf = [0u8; 12];
    let mut m = 0;
    let mut last = 0u8;
    for &c in word.iter().take(12) {
        let k = if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        if k != last {
            shape_buf[m] = k;
            m += 1;
        }
        last = k;
    }
    let (mut letters, mut upper) = (0usize, 0usize);
    for &c in word {
        letters += c.is_ascii_alphabetic() as usize;
        upper += c.is_ascii_uppercase() as usize;
    }
    let case = match word.iter().find(|c| c.is_ascii_alphabetic()) {
        None => 0,
        Some(c) if c.is_ascii_lowercase() => 1,
        Some(_) if letters >= 2 && upper == letters => 3,
        Some(_) => 2,
    };
    Lex {
        form: hash_bytes(word),
        lower,
        suf,
        pre,
        shape: hash_bytes(&shape_buf[..m]),
        amb: amb.get(&lower).copied().unwrap_or(0),
        case,
    }
}

/// [`lex`] of any word.
fn lex_general(word: &str, amb: &HashMap64<u64>) -> Lex {
    let lower_s = word.to_lowercase();
    let lower = hash_str(&lower_s);
    let chars: Vec<(usize, char)> = lower_s.char_indices().collect();
    let n = chars.len();
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let len = k + 1;
        *s = if n >= len {
            mix(hash_str(&lower_s[chars[n - len].0..]), 100 + k as u64)
        } else {
            0
        };
    }
    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        let len = k + 1;
        *p = if n > len {
            mix(hash_str(&lower_s[..chars[len].0]), 200 + k as u64)
        } else {
            0
        };
    }
    Lex {
        form: hash_str(word),
        lower,
        suf,
        pre,
        shape: hash_str(&shape(word)),
        amb: amb.get(&lower).copied().unwrap_or(0),
        case: casing(word),
    }
}

/// Push the features of token `i` given the two previous predicted tags and, for the second
/// pass, the first pass's tags (which give right context).
fn features(lx: &[Lex], i: usize, p1: u64, p2: u64, profile: u64, right: Option<&[u8]>, out: &mut Vec<u64>) {
    out.clear();
    let get = |j: isize| -> Lex {
        if j < 0 || j as usize >= lx.len() {
            Lex {
                form: START,
                lower: if j < 0 { START } else { END },
                ..Lex::default()
            }
        } else {
            lx[j as usize]
        }
    };
    let ii = i as isize;
    let w = lx[i];
    let (wm1, wm2, wp1, wp2) = (get(ii - 1), get(ii - 2), get(ii + 1), get(ii + 2));
    let mut f = |t: u64, v: u64| out.push(mix(v, t));
    f(1, 0);
    f(2, w.form);
    f(3, w.lower);
    for (k, s) in w.suf.iter().enumerate() {
        f(4 + k as u64, *s);
    }
    for (k, p) in w.pre.iter().enumerate() {
        f(8 + k as u64, *p);
    }
    f(11, w.shape);
    f(12, w.amb);
    f(13, mix(w.shape, (i == 0) as u64));
    f(14, wm1.lower);
    f(15, wm2.lower);
    f(16, wp1.lower);
    f(17, wp2.lower);
    f(18, wm1.suf[2]);
    f(19, wp1.suf[2]);
    f(20, wp1.amb);
    f(21, wp2.amb);
    f(22, wm1.amb);
    f(23, p1);
    f(24, mix(p1, p2));
    f(25, mix(p1, w.lower));
    f(26, mix(wm1.lower, w.lower));
    f(27, mix(w.lower, wp1.lower));
    f(28, mix(p1, wp1.amb));
    f(29, mix(w.amb, wp1.amb));
    f(30, mix(p1, w.amb));
    f(31, mix(w.suf[2], wp1.lower));
    f(32, p2);
    f(33, wp1.shape);
    f(34, mix(w.amb, wm1.lower));
    f(35, mix(profile, w.shape));
    f(36, mix(profile, w.amb));
    f(37, mix(wm1.shape, w.shape));
    f(38, mix(w.shape, wp1.shape));
    f(39, mix(wm1.lower, wp1.lower));
    f(40, mix(p1, wp1.lower));
    f(41, mix(mix(profile, w.case as u64), (i == 0) as u64));
    f(42, mix(w.suf[1], wm1.lower));
    if let Some(r) = right {
        let at = |j: usize| r.get(j).map_or(END, |&t| t as u64);
        let (r0, r1, r2) = (at(i), at(i + 1), at(i + 2));
        f(50, r1);
        f(51, mix(r1, r2));
        f(52, mix(p1, r1));
        f(53, mix(r1, w.lower));
        f(54, mix(r0, w.amb));
        f(55, mix(mix(p1, r1), w.amb));
        f(56, r2);
        f(57, mix(r1, w.suf[2]));
    }
}

/// The templates of [`features`] that read only the word itself, the sentence's casing
/// profile and whether the word is first: equal [`SelfKey`]s give equal features, so their
/// summed scores are cached per word type (see [`WordCache`]).
fn features_self(k: &SelfKey, out: &mut Vec<u64>) {
    out.clear();
    let w = &k.lex;
    let first = k.first as u64;
    let profile = k.profile;
    let mut f = |t: u64, v: u64| out.push(mix(v, t));
    f(1, 0);
    f(2, w.form);
    f(3, w.lower);
    for (k, s) in w.suf.iter().enumerate() {
        f(4 + k as u64, *s);
    }
    for (k, p) in w.pre.iter().enumerate() {
        f(8 + k as u64, *p);
    }
    f(11, w.shape);
    f(12, w.amb);
    f(13, mix(w.shape, first));
    f(35, mix(profile, w.shape));
    f(36, mix(profile, w.amb));
    f(41, mix(mix(profile, w.case as u64), first));
}

/// What [`features`] sees before the first word and after the last.
const BEFORE: Lex = Lex {
    form: START,
    lower: START,
    suf: [0; 4],
    pre: [0; 3],
    shape: 0,
    amb: 0,
    case: 0,
};
const AFTER: Lex = Lex { lower: END, ..BEFORE };

/// The token's neighbours as [`features`] sees them (borrowed: a `Lex` is 100 bytes, and
/// copying five per call showed in profiles).
#[inline]
fn around(lx: &[Lex], i: usize) -> [&Lex; 5] {
    let get = |j: usize| -> &Lex {
        if j < 2 {
            &BEFORE
        } else {
            lx.get(j - 2).unwrap_or(&AFTER)
        }
    };
    // Positions shifted by two, so that i - 2 does not underflow.
    [get(i), get(i + 1), get(i + 2), get(i + 3), get(i + 4)]
}

/// The templates of [`features`] that read neighbours and the first pass's tags but not the
/// previous predicted tags.
fn features_context(lx: &[Lex], i: usize, right: Option<&[u8]>, out: &mut Vec<u64>) {
    out.clear();
    let [wm2, wm1, w, wp1, wp2] = around(lx, i);
    let mut f = |t: u64, v: u64| out.push(mix(v, t));
    f(14, wm1.lower);
    f(15, wm2.lower);
    f(16, wp1.lower);
    f(17, wp2.lower);
    f(18, wm1.suf[2]);
    f(19, wp1.suf[2]);
    f(20, wp1.amb);
    f(21, wp2.amb);
    f(22, wm1.amb);
    f(26, mix(wm1.lower, w.lower));
    f(27, mix(w.lower, wp1.lower));
    f(29, mix(w.amb, wp1.amb));
    f(31, mix(w.suf[2], wp1.lower));
    f(33, wp1.shape);
    f(34, mix(w.amb, wm1.lower));
    f(37, mix(wm1.shape, w.shape));
    f(38, mix(w.shape, wp1.shape));
    f(39, mix(wm1.lower, wp1.lower));
    f(42, mix(w.suf[1], wm1.lower));
    if let Some(r) = right {
        let at = |j: usize| r.get(j).map_or(END, |&t| t as u64);
        let (r0, r1, r2) = (at(i), at(i + 1), at(i + 2));
        f(50, r1);
        f(51, mix(r1, r2));
        f(53, mix(r1, w.lower));
        f(54, mix(r0, w.amb));
        f(56, r2);
        f(57, mix(r1, w.suf[2]));
    }
}

/// The templates of [`features`] that read the previous predicted tags (appended to `out`).
fn features_history(lx: &[Lex], i: usize, p1: u64, p2: u64, right: Option<&[u8]>, out: &mut Vec<u64>) {
    let [_, _, w, wp1, _] = around(lx, i);
    let mut f = |t: u64, v: u64| out.push(mix(v, t));
    f(23, p1);
    f(24, mix(p1, p2));
    f(25, mix(p1, w.lower));
    f(28, mix(p1, wp1.amb));
    f(30, mix(p1, w.amb));
    f(32, p2);
    f(40, mix(p1, wp1.lower));
    if let Some(r) = right {
        let r1 = r.get(i + 1).map_or(END, |&t| t as u64);
        f(52, mix(p1, r1));
        f(55, mix(mix(p1, r1), w.amb));
    }
}

/// Everything [`features_self`] reads.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct SelfKey {
    lex: Lex,
    profile: u64,
    first: bool,
}

impl SelfKey {
    fn slot_hash(&self) -> u64 {
        mix(mix(self.lex.form, self.profile), self.first as u64)
    }
}

/// Sets of the per-thread [`WordCache`] (two ways each): 2048 word types, 1 KB each with two
/// passes of 115 classes (128 scores a pass), 2 MB a thread. Measured on EWT test: tagging
/// about 1.5× faster when the weights are in the caches (the first 5 sentences repeated), no
/// change measurable over the whole file, where the lookups left wait on memory; 512–4096
/// sets measured alike.
const CACHE_SETS: usize = 1024;

/// Summed scores of [`features_self`] of recent word types, for each pass of one tagger, per
/// thread: frequent words cost one lookup and one vector copy instead of 15 table probes per
/// pass. Two-way set-associative, the less recently used way replaced on a miss; a key is
/// compared whole, so a hit gives exactly the scores a computation would.
#[derive(Default)]
struct WordCache {
    /// Tagger an entry belongs to (`Tagger::id`; 0: empty).
    owner: Vec<u64>,
    keys: Vec<SelfKey>,
    /// Per set: the way used last.
    recent: Vec<u8>,
    /// Scores per entry: `stride` = passes × width.
    sums: Vec<i32>,
    stride: usize,
    sets: usize,
    /// Per sentence: each word's self scores for every pass (`stride` per word).
    words: Vec<i32>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    first: Vec<u8>,
}

impl WordCache {
    /// Make room for a tagger whose entries are `stride` long (dropping entries of another
    /// shape).
    fn fit(&mut self, sets: usize, stride: usize) {
        if self.stride != stride || self.sets != sets {
            self.sets = sets;
            self.stride = stride;
            self.owner = vec![0; 2 * sets];
            self.keys = vec![SelfKey::default(); 2 * sets];
            self.recent = vec![0; sets];
            self.sums = vec![0; 2 * sets * stride];
        }
    }
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// Source of [`Tagger::id`]s.
static NEXT_TAGGER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_id() -> u64 {
    NEXT_TAGGER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The trained tagger.
pub struct Tagger {
    /// Joint tag classes: (UPOS, XPOS index).
    pub classes: Vec<(Upos, u8)>,
    amb: HashMap64<u64>,
    model: Model,
    /// Second pass, seeing the first pass's tags to the right.
    second: Option<Model>,
    /// Distinguishes taggers in the per-thread [`WordCache`].
    id: u64,
    /// The closed word class of each tag class (`closed::class_bit`), for the closed-word
    /// constraint.
    closed_bits: Vec<u8>,
}

impl Tagger {
    fn assemble(classes: Vec<(Upos, u8)>, amb: HashMap64<u64>, model: Model, second: Option<Model>) -> Tagger {
        let closed_bits = classes
            .iter()
            .map(|(u, x)| super::closed::class_bit(*u, tacitus_doc::XPOS_TAGS[*x as usize]))
            .collect();
        Tagger {
            classes,
            amb,
            model,
            second,
            id: fresh_id(),
            closed_bits,
        }
    }

    /// Lexical values for a sentence.
    pub fn lexes(&self, words: &[&str]) -> Vec<Lex> {
        words.iter().map(|w| lex(w, &self.amb)).collect()
    }

    /// Joint tag class of each word.
    pub fn tag(&self, words: &[&str]) -> Vec<u8> {
        let lx = self.lexes(words);
        self.tag_lexes(&lx)
    }

    pub fn tag_lexes(&self, lx: &[Lex]) -> Vec<u8> {
        WORD_CACHE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut cache) => self.tag_cached(lx, &mut cache, CACHE_SETS),
            Err(_) => self.tag_cached(lx, &mut WordCache::default(), 1),
        })
    }

    /// [`Tagger::tag_lexes`] with `cache`: the word's own templates scored once per word type
    /// (for both passes at once), the context templates per token.
    fn tag_cached(&self, lx: &[Lex], c: &mut WordCache, sets: usize) -> Vec<u8> {
        let width = self.model.width();
        let models: Vec<&Model> = std::iter::once(&self.model).chain(self.second.as_ref()).collect();
        let stride = models.len() * width;
        c.fit(sets, stride);
        let profile = case_profile(lx);
        if c.words.len() < lx.len() * stride {
            c.words.resize(lx.len() * stride, 0);
        }
        for (i, l) in lx.iter().enumerate() {
            let key = SelfKey {
                lex: *l,
                profile,
                first: i == 0,
            };
            let set = (key.slot_hash() >> 40) as usize % c.sets;
            let hit = (0..2).find(|&way| {
                let e = 2 * set + way;
                c.owner[e] == self.id && c.keys[e] == key
            });
            let e = match hit {
                Some(way) => 2 * set + way,
                None => {
                    let e = 2 * set + (1 - c.recent[set] as usize);
                    features_self(&key, &mut c.feats);
                    for (k, m) in models.iter().enumerate() {
                        let at = e * stride + k * width;
                        m.score(&c.feats, &mut c.sums[at..at + width]);
                    }
                    c.owner[e] = self.id;
                    c.keys[e] = key;
                    e
                }
            };
            c.recent[set] = (e - 2 * set) as u8;
            c.words[i * stride..(i + 1) * stride].copy_from_slice(&c.sums[e * stride..(e + 1) * stride]);
        }
        let mut first = std::mem::take(&mut c.first);
        Self::pass(models[0], lx, None, c, 0, &self.closed_bits, &mut first);
        let out = match models.get(1) {
            Some(m) => {
                let mut second = Vec::with_capacity(lx.len());
                Self::pass(m, lx, Some(&first), c, width, &self.closed_bits, &mut second);
                second
            }
            None => first.clone(),
        };
        c.first = first;
        out
    }

    /// One greedy pass; `offset`: where this pass's self scores are in each word's entry of
    /// `c.words`; `bits`: the closed class of each tag class (a word outside a closed class's
    /// list never takes it).
    fn pass(model: &Model, lx: &[Lex], right: Option<&[u8]>, c: &mut WordCache, offset: usize, bits: &[u8], out: &mut Vec<u8>) {
        out.clear();
        let width = model.width();
        let n_classes = model.n_classes();
        c.scores.resize(width, 0);
        let (mut p1, mut p2) = (START, START);
        for i in 0..lx.len() {
            features_context(lx, i, right, &mut c.feats);
            let at = i * c.stride + offset;
            c.scores.copy_from_slice(&c.words[at..at + width]);
            features_history(lx, i, p1, p2, right, &mut c.feats);
            model.score_add(&c.feats, &mut c.scores);
            #[cfg(test)]
            {
                let mut all = Vec::new();
                features(lx, i, p1, p2, case_profile(lx), right, &mut all);
                let mut want = model.score_buffer();
                model.score(&all, &mut want);
                assert_eq!(c.scores, want, "cached tagger scores differ from direct scoring");
            }
            let allowed = super::closed::allowed(lx[i].lower);
            for (s, b) in c.scores[..n_classes].iter_mut().zip(bits) {
                if b & !allowed != 0 {
                    *s = i32::MIN / 2;
                }
            }
            let best = argmax_int(&c.scores[..n_classes]);
            out.push(best as u8);
            p2 = p1;
            p1 = best as u64;
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.u32(u.index() as u32);
            w.u32(*x as u32);
        }
        let mut amb: Vec<(u64, u64)> = self.amb.iter().map(|(k, v)| (*k, *v)).collect();
        amb.sort_unstable();
        w.u64s(&amb.iter().map(|x| x.0).collect::<Vec<_>>());
        w.u64s(&amb.iter().map(|x| x.1).collect::<Vec<_>>());
        self.model.write(w);
        w.u32(self.second.is_some() as u32);
        if let Some(m) = &self.second {
            m.write(w);
        }
    }

    pub fn read(r: &mut Reader, format: u32) -> Result<Tagger, Error> {
        let n = r.u32()? as usize;
        if n > 255 {
            return Err(Error::Model(format!("{n} tag classes (at most 255)")));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::from_index(r.u32()? as usize).ok_or_else(|| Error::Model("bad UPOS index".into()))?;
            let x = r.u32()?;
            if x as usize >= tacitus_doc::XPOS_TAGS.len() {
                return Err(Error::Model("bad XPOS index".into()));
            }
            classes.push((u, x as u8));
        }
        let keys = r.u64s()?;
        let vals = r.u64s()?;
        if keys.len() != vals.len() {
            return Err(Error::Model("tag dictionary columns differ in length".into()));
        }
        let amb = keys.into_iter().zip(vals).collect();
        let model = Model::read(r, format)?;
        let second = if r.u32()? != 0 { Some(Model::read(r, format)?) } else { None };
        let agree = |m: &Model| m.n_classes() == classes.len();
        if !agree(&model) || !second.as_ref().is_none_or(agree) {
            return Err(Error::Model("tagger model and class list disagree".into()));
        }
        Ok(Tagger::assemble(classes, amb, model, second))
    }

    pub fn n_weights(&self) -> usize {
        self.model.n_weights() + self.second.as_ref().map_or(0, |m| m.n_weights())
    }

    pub fn pruned(&self, min_abs: f32) -> Tagger {
        Tagger::assemble(
            self.classes.clone(),
            self.amb.clone(),
            self.model.pruned(min_abs),
            self.second.as_ref().map(|m| m.pruned(min_abs)),
        )
    }
}

pub fn argmax<T: PartialOrd>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// [`argmax`] of integer scores: the maximum, then its first position (two vectorisable
/// passes instead of a branch per class).
pub fn argmax_int(scores: &[i32]) -> usize {
    let max = scores.iter().copied().max().unwrap_or(0);
    scores.iter().position(|&s| s == max).unwrap_or(0)
}

/// Casing variants used to make headlines tag well.
fn recase(word: &str, mode: u8) -> String {
    match mode {
        1 => word.to_uppercase(),
        2 => {
            let mut c = word.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
        _ => word.to_string(),
    }
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TaggerConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Share of sentences shown in ALL CAPS, and in Title Case, each epoch.
    pub recase: f64,
    /// Averaged weights below this magnitude are dropped from the model.
    pub min_weight: f32,
    /// Add a second pass that sees the first pass's tags on the right.
    pub two_pass: bool,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            epochs: 10,
            seed: 17,
            recase: 0.04,
            min_weight: 0.05,
            two_pass: true,
        }
    }
}

/// Train a tagger on treebank sentences.
pub fn train(sents: &[TreeSentence], cfg: TaggerConfig, log: &mut dyn FnMut(&str)) -> Tagger {
    let mut class_set = BTreeSet::new();
    for s in sents {
        for w in &s.words {
            class_set.insert((w.upos, w.xpos));
        }
    }
    let classes: Vec<(Upos, u8)> = class_set.into_iter().take(255).collect();
    let class_of: HashMap<(Upos, u8), u8> = classes.iter().enumerate().map(|(i, c)| (*c, i as u8)).collect();
    // Ambiguity classes of words seen at least twice.
    let mut seen: HashMap<u64, (u32, BTreeSet<u8>)> = HashMap::new();
    for s in sents {
        for w in &s.words {
            let e = seen.entry(hash_str(&w.form.to_lowercase())).or_default();
            e.0 += 1;
            e.1.insert(class_of.get(&(w.upos, w.xpos)).copied().unwrap_or(0));
        }
    }
    let amb: HashMap64<u64> = seen
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .map(|(k, (_, set))| (k, set.iter().fold(0x77u64, |h, c| mix(h, *c as u64 + 1))))
        .collect();
    let gold: Vec<Vec<u8>> = sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| class_of.get(&(w.upos, w.xpos)).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    let mut trainer = Trainer::new(classes.len());
    let mut trainer2 = Trainer::new(classes.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0f32; classes.len()];
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let r = rng.unit();
            let mode = if r < cfg.recase {
                1
            } else if r < 2.0 * cfg.recase {
                2
            } else {
                0
            };
            let lx: Vec<Lex> = sents[si].words.iter().map(|w| lex(&recase(&w.form, mode), &amb)).collect();
            let profile = case_profile(&lx);
            let mut first = Vec::with_capacity(lx.len());
            let passes: &[bool] = if cfg.two_pass { &[false, true] } else { &[false] };
            for &second in passes {
                let t = if second { &mut trainer2 } else { &mut trainer };
                let (mut p1, mut p2) = (START, START);
                for (i, &g) in gold[si].iter().enumerate() {
                    let g = g as usize;
                    features(&lx, i, p1, p2, profile, second.then_some(first.as_slice()), &mut feats);
                    t.score(&feats, &mut scores);
                    let pred = argmax(&scores);
                    t.update(&feats, g, pred);
                    t.tick();
                    if second == cfg.two_pass {
                        right += (pred == g) as usize;
                        total += 1;
                    }
                    if !second {
                        first.push(pred as u8);
                    }
                    p2 = p1;
                    p1 = pred as u64;
                }
            }
        }
        log(&format!(
            "tagger epoch {} train accuracy {:.2}%",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64
        ));
    }
    let second = cfg.two_pass.then(|| trainer2.freeze(cfg.min_weight));
    Tagger::assemble(classes, amb, trainer.freeze(cfg.min_weight), second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Sochi"), "Xx");
        assert_eq!(shape("1990s"), "dx");
        assert_eq!(shape("U.S."), "X.X.");
    }

    #[test]
    fn ascii_lexes_equal_the_general_path() {
        let amb = HashMap64::default();
        for w in [
            "Sochi",
            "1990s",
            "U.S.",
            "talks",
            "A",
            "",
            "x-ray",
            "IBM's",
            "ALL-CAPS",
            "a1b2c3d4e5f6g7h8",
            "--",
            "Ok?",
        ] {
            let (a, b) = (lex(w, &amb), lex_general(w, &amb));
            assert_eq!((a.form, a.lower, a.suf, a.pre), (b.form, b.lower, b.suf, b.pre), "{w}");
            assert_eq!((a.shape, a.amb, a.case), (b.shape, b.amb, b.case), "{w}");
        }
        assert_eq!(lex("Köln", &amb).lower, lex("köln", &amb).lower);
    }

    #[test]
    fn split_templates_are_exactly_the_templates() {
        let amb: HashMap64<u64> = [(lex("talks", &HashMap64::default()).lower, 7)].into_iter().collect();
        let words = ["Russia", "hosted", "talks", "in", "SOCHI", "on", "1990s", "."];
        for len in 0..=words.len() {
            let lx: Vec<Lex> = words[..len].iter().map(|w| lex(w, &amb)).collect();
            let profile = case_profile(&lx);
            let right: Vec<u8> = (0..len as u8).collect();
            for i in 0..len {
                for r in [None, Some(&right[..])] {
                    let (p1, p2) = (i as u64 + 3, i as u64 + 9);
                    let mut all = Vec::new();
                    features(&lx, i, p1, p2, profile, r, &mut all);
                    let mut parts = Vec::new();
                    let key = SelfKey {
                        lex: lx[i],
                        profile,
                        first: i == 0,
                    };
                    features_self(&key, &mut parts);
                    let mut more = Vec::new();
                    features_context(&lx, i, r, &mut more);
                    features_history(&lx, i, p1, p2, r, &mut more);
                    parts.extend(more);
                    all.sort_unstable();
                    parts.sort_unstable();
                    assert_eq!(all, parts, "token {i} of {len}");
                }
            }
        }
    }

    #[test]
    fn integer_argmax_takes_the_first_maximum() {
        let mut rng = Rng::new(4);
        for len in 1..40 {
            let v: Vec<i32> = (0..len).map(|_| (rng.next_u64() % 4) as i32 - 1).collect();
            assert_eq!(argmax_int(&v), argmax(&v), "{v:?}");
        }
        assert_eq!(argmax_int(&[]), argmax::<i32>(&[]));
    }

    #[test]
    fn recasing_variants() {
        assert_eq!(recase("talks", 1), "TALKS");
        assert_eq!(recase("talks", 2), "Talks");
        assert_eq!(recase("talks", 0), "talks");
    }
}
