//! Lemmatizer: a (word, XPOS) exception table plus suffix edit rules keyed by (XPOS, suffix),
//! both learned from the treebank. An edit rule lowercases (or not), strips characters and
//! appends a string: `studies`/NNS → strip 3, add `y`.

use super::binio::{Reader, Writer};
use super::conllu::TreeSentence;
use super::perceptron::{hash_bytes, hash_str, mix, HashMap64};
use super::Error;
use std::collections::HashMap;

const MAX_SUFFIX: usize = 6;

/// One edit script.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Edit {
    lower: bool,
    strip: u32,
    append: String,
}

impl Edit {
    fn learn(form: &str, lemma: &str) -> Edit {
        let best = |lower: bool| {
            let base: Vec<char> = if lower {
                form.to_lowercase().chars().collect()
            } else {
                form.chars().collect()
            };
            let lem: Vec<char> = lemma.chars().collect();
            let common = base.iter().zip(&lem).take_while(|(a, b)| a == b).count();
            Edit {
                lower,
                strip: (base.len() - common) as u32,
                append: lem[common..].iter().collect(),
            }
        };
        let (a, b) = (best(false), best(true));
        // Prefer the edit that keeps more of the word; on a tie, keep the casing as written.
        if b.strip < a.strip {
            b
        } else {
            a
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        if form.is_ascii() {
            // Bytes are characters.
            let keep = form.len().checked_sub(self.strip as usize)?;
            let mut out = String::with_capacity(keep + self.append.len());
            out.push_str(&form[..keep]);
            if self.lower {
                out.make_ascii_lowercase();
            }
            out.push_str(&self.append);
            return (!out.is_empty()).then_some(out);
        }
        let base = if self.lower { form.to_lowercase() } else { form.to_string() };
        let n = base.chars().count();
        let keep = n.checked_sub(self.strip as usize)?;
        let mut out: String = base.chars().take(keep).collect();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }
}

fn rule_key(xpos: u8, suffix: &str) -> u64 {
    mix(hash_str(suffix), xpos as u64 + 1)
}

fn word_key(form: &str, xpos: u8) -> u64 {
    mix(hash_str(form), 0x1000 + xpos as u64)
}

/// The trained lemmatizer.
pub struct Lemmatizer {
    edits: Vec<Edit>,
    rules: HashMap64<u32>,
    exceptions: HashMap64<String>,
}

impl Lemmatizer {
    fn by_rule(&self, form: &str, xpos: u8) -> Option<String> {
        if form.is_ascii() && form.len() <= 64 {
            // Bytes are characters, and the lowercased suffix is a suffix of the lowercased word.
            let mut buf = [0u8; 64];
            let lower = &mut buf[..form.len()];
            lower.copy_from_slice(form.as_bytes());
            lower.make_ascii_lowercase();
            for k in (0..=MAX_SUFFIX.min(form.len())).rev() {
                let key = mix(hash_bytes(&lower[form.len() - k..]), xpos as u64 + 1);
                if let Some(&e) = self.rules.get(&key) {
                    if let Some(out) = self.edits.get(e as usize).and_then(|ed| ed.apply(form)) {
                        return Some(out);
                    }
                }
            }
            return None;
        }
        let chars: Vec<(usize, char)> = form.char_indices().collect();
        for k in (0..=MAX_SUFFIX.min(chars.len())).rev() {
            let start = if k == 0 { form.len() } else { chars[chars.len() - k].0 };
            // Suffixes are looked up lowercased so that headline casing finds the same rules.
            let suffix = form[start..].to_lowercase();
            if let Some(&e) = self.rules.get(&rule_key(xpos, &suffix)) {
                if let Some(out) = self.edits.get(e as usize).and_then(|ed| ed.apply(form)) {
                    return Some(out);
                }
            }
        }
        None
    }

    /// Lemma of a word with its predicted XPOS. `headline`: the sentence is in Title Case or
    /// ALL CAPS, so capitals say nothing about the word.
    pub fn lemma(&self, form: &str, xpos: u8, headline: bool) -> String {
        if let Some(l) = self.exceptions.get(&word_key(form, xpos)) {
            return l.clone();
        }
        // "undertook", "withheld": the irregular past forms the treebanks rarely show
        if let Some(base) = super::closed::past_base(form) {
            return base.to_string();
        }
        let unchanged_by_lowercase = if form.is_ascii() {
            !form.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            form.to_lowercase() == form
        };
        if unchanged_by_lowercase {
            return self.by_rule(form, xpos).unwrap_or_else(|| form.to_string());
        }
        let lower = form.to_lowercase();
        if is_proper(xpos) {
            return self.by_rule(form, xpos).unwrap_or_else(|| form.to_string());
        }
        // A capitalised common word: lemmatize it as written in lower case, unless it looks like
        // an acronym in ordinary text ("CEO", "TV") or is the pronoun "I".
        let acronym = !headline && form.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
        if acronym || lower == "i" {
            return self.by_rule(form, xpos).unwrap_or_else(|| form.to_string());
        }
        if let Some(l) = self.exceptions.get(&word_key(&lower, xpos)) {
            return l.clone();
        }
        self.by_rule(&lower, xpos).unwrap_or(lower)
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.edits.len() as u32);
        for e in &self.edits {
            w.u32(e.lower as u32);
            w.u32(e.strip);
            w.str(&e.append);
        }
        let mut rules: Vec<(u64, u32)> = self.rules.iter().map(|(k, v)| (*k, *v)).collect();
        rules.sort_unstable();
        w.u64s(&rules.iter().map(|x| x.0).collect::<Vec<_>>());
        w.u32s(&rules.iter().map(|x| x.1).collect::<Vec<_>>());
        let mut exc: Vec<(&u64, &String)> = self.exceptions.iter().collect();
        exc.sort();
        w.u32(exc.len() as u32);
        for (k, v) in exc {
            w.u64(*k);
            w.str(v);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, Error> {
        let n = r.u32()? as usize;
        let mut edits = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let lower = r.u32()? != 0;
            let strip = r.u32()?;
            let append = r.str()?;
            edits.push(Edit { lower, strip, append });
        }
        let keys = r.u64s()?;
        let vals = r.u32s()?;
        if keys.len() != vals.len() || vals.iter().any(|v| *v as usize >= edits.len()) {
            return Err(Error::Model("lemma rule table is inconsistent".into()));
        }
        let rules = keys.into_iter().zip(vals).collect();
        let m = r.u32()? as usize;
        let mut exceptions = HashMap64::with_capacity_and_hasher(m.min(1 << 20), Default::default());
        for _ in 0..m {
            let k = r.u64()?;
            exceptions.insert(k, r.str()?);
        }
        Ok(Lemmatizer { edits, rules, exceptions })
    }
}

fn is_proper(xpos: u8) -> bool {
    matches!(tacitus_doc::XPOS_TAGS.get(xpos as usize), Some(&"NNP") | Some(&"NNPS"))
}

/// Learn rules and exceptions from treebank sentences.
pub fn train(sents: &[TreeSentence]) -> Lemmatizer {
    // Most frequent lemma of each (form, xpos).
    let mut word_counts: HashMap<(String, u8), HashMap<String, u32>> = HashMap::new();
    for s in sents {
        for w in &s.words {
            if w.lemma == "_" {
                continue;
            }
            *word_counts
                .entry((w.form.clone(), w.xpos))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
        }
    }
    let mut words: Vec<((String, u8), String, u32)> = word_counts
        .into_iter()
        .map(|(k, m)| {
            let mut v: Vec<(String, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let total = v.iter().map(|x| x.1).sum();
            (k, v.swap_remove(0).0, total)
        })
        .collect();
    words.sort();
    // Suffix rules, counted over word types.
    let mut edit_ids: HashMap<Edit, u32> = HashMap::new();
    let mut edits = Vec::new();
    let mut rule_counts: HashMap<u64, HashMap<u32, u32>> = HashMap::new();
    for ((form, xpos), lemma, _) in &words {
        let e = Edit::learn(form, lemma);
        let id = *edit_ids.entry(e.clone()).or_insert_with(|| {
            edits.push(e);
            (edits.len() - 1) as u32
        });
        let chars: Vec<(usize, char)> = form.char_indices().collect();
        for k in 0..=MAX_SUFFIX.min(chars.len()) {
            let start = if k == 0 { form.len() } else { chars[chars.len() - k].0 };
            *rule_counts
                .entry(rule_key(*xpos, &form[start..].to_lowercase()))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
    }
    let rules: HashMap64<u32> = rule_counts
        .into_iter()
        .filter_map(|(k, m)| {
            let total: u32 = m.values().sum();
            let (id, n) = m.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            // A rule must be seen twice unless it is the only evidence for that suffix.
            (n >= 2 || total == 1).then_some((k, id))
        })
        .collect();
    let mut lem = Lemmatizer {
        edits,
        rules,
        exceptions: HashMap64::default(),
    };
    for ((form, xpos), lemma, _) in words {
        if lem.by_rule(&form, xpos).as_deref() != Some(lemma.as_str()) {
            lem.exceptions.insert(word_key(&form, xpos), lemma);
        }
    }
    lem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu::parse_treebank;

    #[test]
    fn edits_are_learned_and_applied() {
        let e = Edit::learn("studies", "study");
        assert_eq!((e.strip, e.append.as_str()), (3, "y"));
        assert_eq!(e.apply("ladies").as_deref(), Some("lady"));
        let e = Edit::learn("The", "the");
        assert!(e.lower);
    }

    #[test]
    fn generalises_suffix_rules() {
        let mut text = String::new();
        for (f, l) in [("talks", "talk"), ("walks", "walk"), ("banks", "bank"), ("went", "go")] {
            text.push_str(&format!("1\t{f}\t{l}\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"));
        }
        let sents = parse_treebank(&text, "t").expect("parses");
        let lem = train(&sents);
        let nns = tacitus_doc::syntax::xpos_index("NNS").unwrap_or(0);
        assert_eq!(lem.lemma("tanks", nns, false), "tank");
        assert_eq!(lem.lemma("went", nns, false), "go");
        assert_eq!(lem.lemma("TANKS", nns, true), "tank");
        assert_eq!(lem.lemma("Tanks", nns, false), "tank");
    }
}
