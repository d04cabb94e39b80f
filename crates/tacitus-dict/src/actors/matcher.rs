//! Token trie compiled from the dictionary's surface forms: normalised token → token id, then
//! (node, token id) → child node; each terminal node lists the entries ending there together
//! with the capitalisation each of their tokens requires.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::parse::Form;
use super::{ActorEntry, EntryKind, Error, Result};

/// Capitalisation a text token must have to match a dictionary token.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Case {
    /// Any case (sector words, lower-case particles such as "of", "al-").
    Any,
    /// First letter upper-case ("Armenia", also "ARMENIA" in headlines).
    Initial,
    /// Every letter upper-case (acronyms: "UN", "U.S.", "NATO").
    AllCaps,
    /// Mixed case as written ("LeT", "AfD", "McConnell"), or all capitals in a headline; holds
    /// the letters of the dictionary spelling.
    Exact(Box<str>),
}

impl Case {
    fn of_dict_token(token: &str, proper: bool) -> Case {
        // The article of "The Hague" is part of the name but written in any case.
        if !proper || token == "the" || token == "The" {
            return Case::Any;
        }
        let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            Case::AllCaps
        } else if letters.first().is_some_and(|c| c.is_uppercase()) {
            // An inner capital that does not start a part ("Nagorno-Karabakh", "O'Brien")
            // makes the spelling distinctive: "LeT" must not match "Let".
            let inner_capital = token
                .chars()
                .zip(token.chars().skip(1))
                .skip(1)
                .any(|(prev, c)| c.is_uppercase() && prev.is_alphabetic());
            if inner_capital {
                Case::Exact(letters.iter().collect::<String>().into())
            } else {
                Case::Initial
            }
        } else {
            Case::Any
        }
    }

    fn accepts(&self, text: &str) -> bool {
        match self {
            Case::Exact(letters) => text.chars().filter(|c| c.is_alphabetic()).eq(letters.chars()) || Case::AllCaps.accepts(text),
            Case::Any => true,
            Case::Initial => text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase()),
            Case::AllCaps => {
                let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
                letters.peek().is_some() && letters.all(|c| c.is_uppercase())
            }
        }
    }
}

#[derive(Clone, Debug)]
struct Candidate {
    entry: u32,
    form: u32,
    case: Box<[Case]>,
}

/// A small multiplicative hasher (the Fx hash of rustc): the keys are short strings and
/// pairs of `u32` built by us, so flooding resistance is not needed and speed matters (every
/// token of a feed is looked up).
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

#[derive(Debug, Default)]
pub struct Trie {
    vocab: HashMap<Box<str>, u32, FxBuild>,
    edges: HashMap<(u32, u32), u32, FxBuild>,
    /// Candidates per node (index = node id), most specific kind first.
    terminals: Vec<Vec<Candidate>>,
    /// Surface forms compiled (with variants).
    pub forms: usize,
}

fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ķ' => 'k',
        'ł' | 'ļ' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '\u{2019}' | '\u{2018}' | '`' | '\u{02bc}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2013}' => '-',
        other => other,
    };
    out.push(folded);
}

/// Normalise into `buf`: lower case, Latin diacritics folded, curly apostrophes straightened,
/// dots dropped from words ("U.S." → "us").
fn normalize_into<'b>(token: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    let has_letter = token.chars().any(char::is_alphanumeric);
    for c in token.chars() {
        if c == '.' && has_letter {
            continue;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                fold_char(l, buf);
            }
        }
    }
    buf.as_str()
}

/// Like [`normalize_into`], but plain ASCII words are lower-cased into a stack buffer, which
/// spares an allocation for almost every token of English text.
fn normalize_fast<'a>(token: &'a str, stack: &'a mut [u8; 64], buf: &'a mut String) -> &'a str {
    let bytes = token.as_bytes();
    let plain = bytes.len() <= stack.len() && bytes.iter().all(|b| b.is_ascii() && *b != b'.' && *b != b'`');
    if !plain {
        return normalize_into(token, buf);
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return token;
    }
    for (dst, src) in stack.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    // Lower-casing ASCII keeps it ASCII, so this cannot fail.
    std::str::from_utf8(&stack[..bytes.len()]).unwrap_or_default()
}

/// The normalised key of one token, as the matcher compares it.
pub fn normalize_token(token: &str) -> String {
    let mut buf = String::new();
    normalize_into(token, &mut buf);
    buf
}

fn has_inner_hyphen(t: &str) -> bool {
    t.contains('-') && !t.starts_with('-') && !t.ends_with('-')
}

/// Variants of one written form: with and without a leading lower-case "the" (a capitalised
/// "The" is part of the name: "The Hague", "The West"), and with hyphens split
/// off as their own tokens (for tokenizers that split "al-Qaeda").
fn variants(text: &str) -> Vec<Vec<String>> {
    let tokens: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    let mut out = vec![tokens.clone()];
    if tokens.len() > 1 && tokens[0] == "the" {
        out.push(tokens[1..].to_vec());
    }
    let mut split = Vec::new();
    for v in &out {
        if v.iter().any(|t| has_inner_hyphen(t)) {
            let mut s = Vec::new();
            for t in v {
                if has_inner_hyphen(t) {
                    for (k, piece) in t.split('-').enumerate() {
                        if k > 0 {
                            s.push("-".to_string());
                        }
                        if !piece.is_empty() {
                            s.push(piece.to_string());
                        }
                    }
                } else {
                    s.push(t.clone());
                }
            }
            split.push(s);
        }
    }
    out.extend(split);
    // "People's Republic of China" as a tokenizer that splits the possessive sees it.
    let mut possessive = Vec::new();
    for v in &out {
        let split_token = |t: &String| -> Option<(String, String)> {
            for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
                if let Some(stem) = t.strip_suffix(suffix) {
                    if stem.chars().count() > 1 && stem.chars().all(|c| c.is_alphanumeric() || c == '-') {
                        return Some((stem.to_string(), suffix.to_string()));
                    }
                }
            }
            None
        };
        if v.iter().any(|t| split_token(t).is_some()) {
            let mut s = Vec::new();
            for t in v {
                match split_token(t) {
                    Some((stem, suffix)) => {
                        s.push(stem);
                        s.push(suffix);
                    }
                    None => s.push(t.clone()),
                }
            }
            possessive.push(s);
        }
    }
    out.extend(possessive);
    out
}

fn same_meaning(a: &ActorEntry, b: &ActorEntry) -> bool {
    if a.file == b.file && a.line == b.line {
        return true; // two kinds of one block ("Djibouti" the state and its capital)
    }
    match (a.kind, b.kind) {
        (EntryKind::Person, EntryKind::Person) => a.roles == b.roles,
        (EntryKind::Person, _) | (_, EntryKind::Person) => false,
        _ => a.code == b.code && a.roles == b.roles,
    }
}

fn describe(e: &ActorEntry) -> String {
    match e.kind {
        EntryKind::Person => format!("person {}", e.name),
        _ => format!(
            "{} {} ({})",
            e.kind.as_str(),
            e.name,
            e.code.as_ref().map(|c| c.code()).unwrap_or_else(|| "no code".to_string())
        ),
    }
}

impl Trie {
    pub fn build(entries: &[ActorEntry], forms: &[Form]) -> Result<Trie> {
        let mut trie = Trie {
            terminals: vec![Vec::new()],
            ..Default::default()
        };
        let mut buf = String::new();
        for (form_index, form) in forms.iter().enumerate() {
            let entry = &entries[form.entry];
            for tokens in variants(&form.text) {
                let mut node = 0u32;
                for t in &tokens {
                    let key = normalize_into(t, &mut buf);
                    let next_id = trie.vocab.len() as u32;
                    let id = *trie.vocab.entry(key.into()).or_insert(next_id);
                    let next_node = trie.terminals.len() as u32;
                    node = *trie.edges.entry((node, id)).or_insert(next_node);
                    if node == next_node {
                        trie.terminals.push(Vec::new());
                    }
                }
                let case: Box<[Case]> = tokens.iter().map(|t| Case::of_dict_token(t, entry.kind.is_proper())).collect();
                let slot = &mut trie.terminals[node as usize];
                if let Some(other) = slot.iter().find(|c| c.case == case) {
                    let other_entry = &entries[other.entry as usize];
                    if other.entry as usize == form.entry || same_meaning(entry, other_entry) {
                        continue;
                    }
                    let other_form = &forms[other.form as usize];
                    return Err(Error::Syntax {
                        file: form.file.clone(),
                        line: form.line,
                        message: format!(
                            "name '{}' of {} is already the name of {} at {}:{} (expected one meaning per name)",
                            form.text,
                            describe(entry),
                            describe(other_entry),
                            other_form.file,
                            other_form.line
                        ),
                    });
                }
                let priority = entry.kind.priority();
                let at = slot.partition_point(|c| entries[c.entry as usize].kind.priority() <= priority);
                slot.insert(
                    at,
                    Candidate {
                        entry: form.entry as u32,
                        form: form_index as u32,
                        case,
                    },
                );
                trie.forms += 1;
            }
        }
        Ok(trie)
    }

    fn step(&self, node: u32, key: &str) -> Option<u32> {
        let id = *self.vocab.get(key)?;
        self.edges.get(&(node, id)).copied()
    }

    /// The best candidate of `node` whose capitalisation fits `texts` (the matched tokens).
    fn accept(&self, node: u32, texts: &[&str]) -> Option<u32> {
        self.terminals[node as usize]
            .iter()
            .find(|c| c.case.len() == texts.len() && c.case.iter().zip(texts).all(|(case, t)| case.accepts(t)))
            .map(|c| c.entry)
    }

    /// Longest match at `tokens[i..]`: (token count, entry index).
    pub fn longest(&self, tokens: &[&str], i: usize, _entries: &[ActorEntry]) -> Option<(usize, usize)> {
        let mut node = 0u32;
        let mut best = None;
        let mut buf = String::new();
        let mut stack = [0u8; 64];
        let mut texts: Vec<&str> = Vec::new();
        for (j, token) in tokens.iter().enumerate().skip(i) {
            let key = normalize_fast(token, &mut stack, &mut buf);
            if let Some(next) = self.step(node, key) {
                node = next;
                texts.push(token);
                if let Some(e) = self.accept(node, &texts) {
                    best = Some((j + 1 - i, e as usize));
                }
                continue;
            }
            // "Russia's" as one token: match the stem and stop.
            if let Some(stem) = key.strip_suffix("'s").filter(|s| !s.is_empty()) {
                if let Some(next) = self.step(node, stem) {
                    let cut = token.len() - token.chars().rev().take(2).map(char::len_utf8).sum::<usize>();
                    texts.push(&token[..cut]);
                    if let Some(e) = self.accept(next, &texts) {
                        best = Some((j + 1 - i, e as usize));
                    }
                }
            }
            break;
        }
        best
    }

    pub fn node_count(&self) -> usize {
        self.terminals.len()
    }

    pub fn vocabulary(&self) -> usize {
        self.vocab.len()
    }

    pub fn heap_bytes(&self) -> usize {
        let vocab: usize = self.vocab.keys().map(|k| k.len() + 16 + 4 + 8).sum();
        let edges = self.edges.capacity() * (12 + 1);
        let terminals: usize = self
            .terminals
            .iter()
            .map(|t| 24 + t.iter().map(|c| std::mem::size_of::<Candidate>() + c.case.len()).sum::<usize>())
            .sum();
        vocab + edges + terminals
    }
}

#[cfg(test)]
mod tests {
    use super::super::ActorDict;
    use super::*;

    const SAMPLE: &str = "
@country USA United States
names: the United States | US | U.S. | America
adjectives: American
seats: the White House
seats MIL: the Pentagon
@country CIV Côte d'Ivoire
names: Ivory Coast
@country IMG international militant groups
@group IMGREBAQD al-Qaeda
@person Joe Biden
aliases: Biden
role: USAGOV 2021-01-20..2025-01-19
@pseudo WST the West
names: The West
@country CHN China
names: People's Republic of China
@country PAK Pakistan
@group PAKREBLET Lashkar-e-Taiba
names: LeT
@sector GOV
words: president | prime minister | government
@sector MIL
words: troops
";

    fn dict() -> ActorDict {
        ActorDict::from_sources([("s.txt".to_string(), SAMPLE)]).unwrap()
    }

    fn matched(d: &ActorDict, text: &str) -> Option<(usize, String)> {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        d.longest_match(&tokens, 0).map(|m| (m.len, m.entry.name.clone()))
    }

    #[test]
    fn normalises_dots_case_diacritics_and_apostrophes() {
        assert_eq!(normalize_token("U.S."), "us");
        assert_eq!(normalize_token("Côte"), "cote");
        assert_eq!(normalize_token("d\u{2019}Ivoire"), "d'ivoire");
        assert_eq!(normalize_token("."), ".");
        assert_eq!(normalize_token("Türkiye"), "turkiye");
        let (mut stack, mut buf) = ([0u8; 64], String::new());
        for t in ["Putin", "U.S.", "troops", "Côte", "d’Ivoire", "ABC`s", "x".repeat(70).as_str()] {
            assert_eq!(normalize_fast(t, &mut stack, &mut buf), normalize_token(t), "{t}");
        }
    }

    #[test]
    fn longest_match_prefers_more_tokens_and_takes_the() {
        let d = dict();
        assert_eq!(matched(&d, "the United States said"), Some((3, "United States".into())));
        assert_eq!(matched(&d, "United States"), Some((2, "United States".into())));
        assert_eq!(matched(&d, "the Pentagon said"), Some((2, "the Pentagon".into())));
        assert_eq!(matched(&d, "prime minister"), Some((2, "GOV".into())));
        assert_eq!(matched(&d, "the president"), None);
        assert_eq!(matched(&d, "the West said"), Some((2, "the West".into())));
        assert_eq!(matched(&d, "West Coast"), None);
        assert_eq!(matched(&d, "People 's Republic of China"), Some((5, "China".into())));
        assert_eq!(matched(&d, "Let"), None);
        assert_eq!(matched(&d, "LeT"), Some((1, "Lashkar-e-Taiba".into())));
        assert_eq!(matched(&d, "LET"), Some((1, "Lashkar-e-Taiba".into())));
    }

    #[test]
    fn proper_names_need_capitals_and_acronyms_all_caps() {
        let d = dict();
        assert_eq!(matched(&d, "us"), None);
        assert_eq!(matched(&d, "Us"), None);
        assert_eq!(matched(&d, "US"), Some((1, "United States".into())));
        assert_eq!(matched(&d, "U.S."), Some((1, "United States".into())));
        assert_eq!(matched(&d, "american"), None);
        assert_eq!(matched(&d, "AMERICAN"), Some((1, "American".into())));
        assert_eq!(matched(&d, "TROOPS"), Some((1, "MIL".into())));
        assert_eq!(matched(&d, "Cote d'Ivoire"), Some((2, "Côte d'Ivoire".into())));
    }

    #[test]
    fn possessive_and_split_hyphen_forms_match() {
        let d = dict();
        assert_eq!(matched(&d, "America\u{2019}s army"), Some((1, "United States".into())));
        assert_eq!(matched(&d, "Biden's"), Some((1, "Joe Biden".into())));
        assert_eq!(matched(&d, "al - Qaeda"), Some((3, "al-Qaeda".into())));
        assert_eq!(matched(&d, "Al-Qaeda fighters"), Some((1, "al-Qaeda".into())));
    }

    #[test]
    fn conflicting_duplicate_names_are_an_error_with_both_places() {
        let text = "@country USA United States\n@country GEO Georgia\n@country XUS US state\ncities: Georgia\n@person A B\naliases: Biden\nrole: USAGOV 2021..2022\n@person Joe Biden\nrole: USAGOV 2021..2025\n";
        let e = ActorDict::from_sources([("d.txt".to_string(), text)]).unwrap_err().to_string();
        assert!(e.starts_with("d.txt:4: name 'Georgia'"), "{e}");
        assert!(e.contains("d.txt:2"), "{e}");
    }

    #[test]
    fn matching_at_other_positions_and_past_the_end_is_safe() {
        let d = dict();
        let tokens = ["Then", "American", "troops"];
        assert_eq!(d.longest_match(&tokens, 1).map(|m| m.len), Some(1));
        assert!(d.longest_match(&tokens, 3).is_none());
        assert!(d.longest_match(&tokens, 99).is_none());
        assert!(d.longest_match(&[], 0).is_none());
    }
}
