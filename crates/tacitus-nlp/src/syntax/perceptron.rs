//! Averaged multi-class perceptron over hashed features: a sparse trainer and a compact
//! frozen model (CSR rows of `(class, weight)` found through an open-addressing table).

use super::binio::{Reader, Writer};
use super::Error;
use std::collections::HashMap;

/// Mix two 64-bit values into a feature hash (cheap, well-spread).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 31)
}

/// Hash of a string (FNV-1a, then mixed).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h, 0x51)
}

/// One weight under training, with the bookkeeping for lazy averaging.
#[derive(Clone, Copy)]
struct Param {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// A perceptron being trained: sparse rows keyed by feature hash.
pub struct Trainer {
    n_classes: usize,
    index: HashMap<u64, u32>,
    rows: Vec<Vec<Param>>,
    step: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            index: HashMap::new(),
            rows: Vec::new(),
            step: 0,
        }
    }

    /// Advance the averaging clock by one training instance.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Current (non-averaged) scores of every class.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for p in &self.rows[r as usize] {
                    scores[p.class as usize] += p.weight;
                }
            }
        }
    }

    /// Standard perceptron update: reward `gold`, penalise `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let step = self.step;
        for f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(*f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(gold, 1.0f32), (pred, -1.0f32)] {
                let pos = match row.iter().position(|p| p.class as usize == class) {
                    Some(i) => i,
                    None => {
                        row.push(Param {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        row.len() - 1
                    }
                };
                let p = &mut row[pos];
                p.total += (step - p.stamp) as f64 * p.weight as f64;
                p.stamp = step;
                p.weight += delta;
            }
        }
    }

    /// Averaged weights, dropping those smaller than `min_abs`.
    pub fn freeze(&self, min_abs: f32) -> Model {
        let step = self.step.max(1);
        let mut keyed: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keyed.sort_unstable();
        let mut keys = Vec::new();
        let mut offsets = vec![0u32];
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        for (key, r) in keyed {
            let mut any = false;
            let mut row: Vec<(u8, f32)> = Vec::new();
            for p in &self.rows[r as usize] {
                let total = p.total + (step - p.stamp) as f64 * p.weight as f64;
                let avg = (total / step as f64) as f32;
                if avg.abs() >= min_abs {
                    row.push((p.class as u8, avg));
                    any = true;
                }
            }
            if any {
                row.sort_by_key(|x| x.0);
                keys.push(fingerprint(key));
                for (c, w) in row {
                    classes.push(c);
                    weights.push(w);
                }
                offsets.push(classes.len() as u32);
            }
        }
        Model::from_parts(self.n_classes, keys, offsets, classes, weights)
    }
}

/// The 32 bits of a feature hash a frozen model keeps (the high half: the table index uses
/// the low bits of this, so collisions need all 32 bits to agree).
#[inline]
fn fingerprint(f: u64) -> u32 {
    (f >> 32) as u32
}

/// One row of the open-addressing table: a feature and where its weights are.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
    /// Number of weights; 0 marks an empty slot.
    len: u32,
}

/// One (class, weight) pair of a row.
#[derive(Clone, Copy)]
struct Entry {
    weight: f32,
    class: u32,
}

/// A frozen averaged perceptron: one table probe (usually one cache line) per feature, then
/// its weights, contiguous.
pub struct Model {
    n_classes: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    mask: usize,
}

impl Model {
    fn from_parts(n_classes: usize, keys: Vec<u32>, offsets: Vec<u32>, classes: Vec<u8>, weights: Vec<f32>) -> Model {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        for (i, k) in keys.iter().enumerate() {
            let mut slot = (*k as usize) & mask;
            while slots[slot].len != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = Slot {
                key: *k,
                start: offsets[i],
                len: offsets[i + 1] - offsets[i],
            };
        }
        let entries = classes
            .iter()
            .zip(&weights)
            .map(|(c, w)| Entry {
                weight: *w,
                class: *c as u32,
            })
            .collect();
        Model {
            n_classes,
            slots,
            entries,
            mask,
        }
    }

    /// Rows as (key, start, len), in key order.
    fn rows(&self) -> Vec<(u32, usize, usize)> {
        let mut rows: Vec<(u32, usize, usize)> = self
            .slots
            .iter()
            .filter(|s| s.len != 0)
            .map(|s| (s.key, s.start as usize, s.len as usize))
            .collect();
        rows.sort_unstable();
        rows
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Scores of every class for a feature set (`scores.len() == n_classes`).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        // The table is far larger than the caches, so lookups are memory-bound. Three passes
        // over a chunk of features issue independent loads first (the CPU overlaps their cache
        // misses), then find the rows, then touch and add their weights.
        const CHUNK: usize = 160;
        let mut rows = [(0u32, 0u32); CHUNK];
        for chunk in feats.chunks(CHUNK) {
            let mut touch = 0u32;
            for &f in chunk {
                touch ^= self.slots[(fingerprint(f) as usize) & self.mask].key;
            }
            let mut n = 0;
            for &f in chunk {
                let f = fingerprint(f);
                let mut i = (f as usize) & self.mask;
                loop {
                    let slot = self.slots[i];
                    if slot.len == 0 {
                        break;
                    }
                    if slot.key == f {
                        rows[n] = (slot.start, slot.len);
                        n += 1;
                        break;
                    }
                    i = (i + 1) & self.mask;
                }
            }
            for &(start, _) in &rows[..n] {
                if let Some(e) = self.entries.get(start as usize) {
                    touch ^= e.class;
                }
            }
            std::hint::black_box(touch);
            for &(start, len) in &rows[..n] {
                let (a, b) = (start as usize, (start + len) as usize);
                for e in self.entries.get(a..b).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight;
                    }
                }
            }
        }
    }

    /// A copy without the weights smaller than `min_abs` (and without emptied rows).
    pub fn pruned(&self, min_abs: f32) -> Model {
        let mut keys = Vec::new();
        let mut offsets = vec![0u32];
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        for (k, start, len) in self.rows() {
            let before = classes.len();
            for e in &self.entries[start..start + len] {
                if e.weight.abs() >= min_abs {
                    classes.push(e.class as u8);
                    weights.push(e.weight);
                }
            }
            if classes.len() > before {
                keys.push(k);
                offsets.push(classes.len() as u32);
            }
        }
        Model::from_parts(self.n_classes, keys, offsets, classes, weights)
    }

    /// Serialise: keys, row lengths, classes, and weights quantised to 16 bits.
    pub fn write(&self, w: &mut Writer) {
        let rows = self.rows();
        w.u32(self.n_classes as u32);
        w.u32s(&rows.iter().map(|r| r.0).collect::<Vec<_>>());
        w.bytes(&rows.iter().map(|r| r.2.min(255) as u8).collect::<Vec<_>>());
        let mut classes = Vec::with_capacity(self.entries.len());
        let mut weights = Vec::with_capacity(self.entries.len());
        for (_, start, len) in &rows {
            for e in &self.entries[*start..*start + (*len).min(255)] {
                classes.push(e.class as u8);
                weights.push(e.weight);
            }
        }
        w.bytes(&classes);
        let max = weights.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / 32767.0;
        w.f32(scale);
        let q: Vec<i16> = weights.iter().map(|x| (x / scale).round() as i16).collect();
        w.i16s(&q);
    }

    /// Read a model; format 1 stored whole 64-bit feature keys, format 2 their fingerprints.
    pub fn read(r: &mut Reader, format: u32) -> Result<Model, Error> {
        let n_classes = r.u32()? as usize;
        let keys: Vec<u32> = if format == 1 {
            r.u64s()?.into_iter().map(fingerprint).collect()
        } else {
            r.u32s()?
        };
        let lens = r.bytes()?;
        let classes = r.bytes()?;
        let scale = r.f32()?;
        let weights: Vec<f32> = r.i16s()?.into_iter().map(|q| q as f32 * scale).collect();
        let mut offsets = Vec::with_capacity(keys.len() + 1);
        offsets.push(0u32);
        let mut acc = 0u32;
        for l in &lens {
            acc += *l as u32;
            offsets.push(acc);
        }
        let consistent = lens.len() == keys.len()
            && lens.iter().all(|l| *l > 0)
            && acc as usize == classes.len()
            && classes.len() == weights.len()
            && n_classes <= 256
            && classes.iter().all(|c| (*c as usize) < n_classes);
        if !consistent {
            return Err(Error::Model("inconsistent perceptron tables".into()));
        }
        Ok(Model::from_parts(n_classes, keys, offsets, classes, weights))
    }
}

/// Deterministic pseudo-random numbers (SplitMix64) for shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(2);
        let f = |k: u64| mix(k, 99);
        let data = [
            (vec![f(1), f(10)], 0usize),
            (vec![f(2), f(10)], 1),
            (vec![f(1), f(11)], 0),
            (vec![f(2), f(11)], 1),
        ];
        let mut scores = [0f32; 2];
        for _ in 0..5 {
            for (f, g) in &data {
                t.score(f, &mut scores);
                let p = if scores[1] > scores[0] { 1 } else { 0 };
                t.update(f, *g, p);
                t.tick();
            }
        }
        let m = t.freeze(0.0);
        let mut w = Writer::new();
        m.write(&mut w);
        let bytes = w.into_bytes();
        let m2 = Model::read(&mut Reader::new(&bytes), 2).expect("round trip");
        for (f, g) in &data {
            m2.score(f, &mut scores);
            let p = if scores[1] > scores[0] { 1 } else { 0 };
            assert_eq!(p, *g);
        }
        assert!(Model::read(&mut Reader::new(&bytes[..bytes.len() - 3]), 2).is_err());
    }

    #[test]
    fn rng_is_deterministic() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(hash_str("a"), hash_str("b"));
    }
}
