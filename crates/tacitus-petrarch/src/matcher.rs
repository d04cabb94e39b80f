//! Matching verb patterns: the word sequences before (upper, read backwards) and after
//! (lower) a verb, with noun phrases marked, and the backtracking pattern matcher.

use crate::coder::{Coder, Sentence};
use crate::tree::Tree;
use tacitus_dict::petrarch::{PatternElem, PatternToken};

/// An item of a matching sequence: a word, or the start/end of a noun phrase (tree node).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Open(usize),
    Close(usize),
    Word(usize),
}

/// A pattern element in matching order, with "must follow the previous element directly".
#[derive(Clone, Debug)]
pub(crate) struct MElem<'a> {
    pub(crate) tok: MTok<'a>,
    pub(crate) adjacent: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum MTok<'a> {
    Word(&'a str),
    Synset(&'a str),
    Source,
    Target,
    Skip,
    Compound,
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Captures {
    pub(crate) source: Option<usize>,
    pub(crate) target: Option<usize>,
    pub(crate) compound: Option<usize>,
    /// The `%` was matched after the verb (a compound target).
    pub(crate) compound_in_lower: bool,
}

impl Coder {
    // ---------------------------------------------------------------- sequences

    pub(crate) fn emit(&self, s: &Sentence, n: usize, out: &mut Vec<Item>) {
        let t = s.tree;
        if let Some(w) = t.nodes[n].word {
            if !s.deleted[w] {
                out.push(Item::Word(w));
            }
            return;
        }
        let np = t.label(n) == "NP";
        if np {
            out.push(Item::Open(n));
        }
        for &c in &t.nodes[n].children {
            self.emit(s, c, out);
        }
        if np {
            out.push(Item::Close(n));
        }
    }

    /// Words before the verb leaf `v` (whose parent is the VP `vp`), in text order; sibling
    /// VPs of a coordination are left out.
    pub(crate) fn upper(&self, s: &Sentence, v: usize, vp: usize) -> Vec<Item> {
        let t = s.tree;
        let mut levels: Vec<Vec<Item>> = Vec::new();
        let mut cur = v;
        let mut parent = Some(vp);
        while let Some(p) = parent {
            let mut items = Vec::new();
            for &sib in &t.nodes[p].children {
                if sib == cur {
                    break;
                }
                if t.label(p) == "VP" && t.label(sib) == "VP" && cur != v {
                    continue;
                }
                self.emit(s, sib, &mut items);
            }
            levels.push(items);
            cur = p;
            parent = t.nodes[p].parent;
        }
        levels.into_iter().rev().flatten().collect()
    }

    /// Words after the verb leaf within its VP.
    pub(crate) fn lower(&self, s: &Sentence, v: usize, vp: usize) -> Vec<Item> {
        let t = s.tree;
        let mut out = Vec::new();
        let mut after = false;
        for &c in &t.nodes[vp].children {
            if after {
                self.emit(s, c, &mut out);
            }
            if c == v {
                after = true;
            }
        }
        out
    }

    // ---------------------------------------------------------------- matching

    /// Match pattern elements `el[k..]` against `seq[si..]`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn matches(
        &self,
        s: &Sentence,
        el: &[MElem],
        k: usize,
        seq: &[Item],
        si: usize,
        backwards: bool,
        caps: &mut Captures,
    ) -> bool {
        let Some(e) = el.get(k) else { return true };
        let t = s.tree;
        match &e.tok {
            MTok::Word(_) | MTok::Synset(_) => {
                let mut j = si;
                loop {
                    let Some(p) = (j..seq.len()).find(|&x| matches!(seq[x], Item::Word(_))) else {
                        return false;
                    };
                    let ends: Vec<usize> = match &e.tok {
                        MTok::Word(w) => match seq[p] {
                            Item::Word(x) if t.words[x].upper == *w => vec![p + 1],
                            _ => vec![],
                        },
                        MTok::Synset(name) => self.synset_ends(t, name, seq, p, backwards),
                        _ => vec![],
                    };
                    for end in ends {
                        let saved = *caps;
                        if self.matches(s, el, k + 1, seq, end, backwards, caps) {
                            return true;
                        }
                        *caps = saved;
                    }
                    if e.adjacent {
                        return false;
                    }
                    j = p + 1;
                }
            }
            MTok::Source | MTok::Target | MTok::Skip | MTok::Compound => {
                if matches!(e.tok, MTok::Skip) {
                    // `^` inside a noun phrase skips the rest of it ("their [populations]")
                    let close = (si..seq.len()).find(|&x| matches!(seq[x], Item::Close(_) | Item::Open(_)));
                    if let Some(q) = close {
                        if let Item::Close(n) = seq[q] {
                            let inside = !seq[..si].iter().rev().any(|i| *i == Item::Close(n));
                            if inside && seq[si..q].iter().any(|i| matches!(i, Item::Word(_))) {
                                let saved = *caps;
                                if self.matches(s, el, k + 1, seq, q + 1, backwards, caps) {
                                    return true;
                                }
                                *caps = saved;
                            }
                        }
                    }
                }
                let mut j = si;
                loop {
                    let Some(p) = (j..seq.len()).find(|&x| matches!(seq[x], Item::Open(_))) else {
                        return false;
                    };
                    if e.adjacent && seq[si..p].iter().any(|i| matches!(i, Item::Word(_))) {
                        return false;
                    }
                    // `^` prefers the smallest phrase starting here (flat PETRARCH-1 phrases):
                    // try the innermost of the opening run first
                    if matches!(e.tok, MTok::Skip) {
                        let run_end = (p..seq.len()).find(|&x| !matches!(seq[x], Item::Open(_))).unwrap_or(seq.len());
                        for q in (p..run_end).rev() {
                            let Item::Open(n) = seq[q] else { continue };
                            let end = (q..seq.len()).find(|&x| seq[x] == Item::Close(n)).map_or(seq.len(), |x| x + 1);
                            let saved = *caps;
                            if self.matches(s, el, k + 1, seq, end, backwards, caps) {
                                return true;
                            }
                            *caps = saved;
                        }
                        j = run_end;
                        continue;
                    }
                    let Item::Open(n) = seq[p] else { return false };
                    let codes = s.codes.get(&n);
                    let ok = match e.tok {
                        MTok::Source | MTok::Target => codes.is_some_and(|c| !c.is_empty()),
                        MTok::Compound => codes.is_some_and(|c| c.len() >= 2),
                        _ => true,
                    };
                    if ok {
                        let end = (p..seq.len()).find(|&x| seq[x] == Item::Close(n)).map_or(seq.len(), |x| x + 1);
                        let saved = *caps;
                        match e.tok {
                            MTok::Source => caps.source = Some(n),
                            MTok::Target => caps.target = Some(n),
                            MTok::Compound => caps.compound = Some(n),
                            _ => {}
                        }
                        if self.matches(s, el, k + 1, seq, end, backwards, caps) {
                            return true;
                        }
                        *caps = saved;
                    }
                    j = p + 1;
                }
            }
        }
    }

    /// End positions after matching any phrase of synset `name` starting at word item `p`.
    pub(crate) fn synset_ends(&self, t: &Tree, name: &str, seq: &[Item], p: usize, backwards: bool) -> Vec<usize> {
        let Some(phrases) = self.dicts.verbs.synsets.get(name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ph in phrases {
            let words: Vec<&String> = if backwards {
                ph.iter().rev().collect()
            } else {
                ph.iter().collect()
            };
            let mut pos = p;
            let mut ok = true;
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    match (pos..seq.len()).find(|&x| matches!(seq[x], Item::Word(_))) {
                        Some(x) => pos = x,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                match seq.get(pos) {
                    Some(Item::Word(x)) if t.words[*x].upper == **w => pos += 1,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && !out.contains(&pos) {
                out.push(pos);
            }
        }
        out.sort_by(|a, b| b.cmp(a));
        out
    }
}

/// Item indices in `upper` of the fixed words `pre` (text order) of a multi-word verb, when
/// they directly precede the verb.
pub(crate) fn take_words_back(t: &Tree, upper: &[Item], pre: &[String]) -> Option<Vec<usize>> {
    let mut pos = upper.len();
    let mut out = Vec::new();
    for w in pre.iter().rev() {
        let idx = (0..pos).rev().find(|&i| matches!(upper[i], Item::Word(_)))?;
        match upper[idx] {
            Item::Word(x) if t.words[x].upper == *w => {
                out.push(idx);
                pos = idx;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Item indices in `lower` of the fixed words `post` that directly follow the verb.
pub(crate) fn take_words(t: &Tree, lower: &[Item], post: &[String]) -> Option<Vec<usize>> {
    let mut pos = 0;
    let mut out = Vec::new();
    for w in post {
        let idx = (pos..lower.len()).find(|&i| matches!(lower[i], Item::Word(_)))?;
        match lower[idx] {
            Item::Word(x) if t.words[x].upper == *w => {
                out.push(idx);
                pos = idx + 1;
            }
            _ => return None,
        }
    }
    Some(out)
}

fn flatten<'a>(el: &'a [PatternElem], out: &mut Vec<(&'a PatternToken, bool)>) {
    for e in el {
        match &e.token {
            PatternToken::Phrase(inner) | PatternToken::Prep(inner) => flatten(inner, out),
            tok => out.push((tok, e.joined_next)),
        }
    }
}

fn to_mtok(t: &PatternToken) -> Option<MTok<'_>> {
    Some(match t {
        PatternToken::Word(w) => MTok::Word(w),
        PatternToken::Synset(n) => MTok::Synset(n),
        PatternToken::Source => MTok::Source,
        PatternToken::Target => MTok::Target,
        PatternToken::Skip => MTok::Skip,
        PatternToken::Compound => MTok::Compound,
        _ => return None,
    })
}

/// Upper elements in matching order (from the verb backwards).
pub(crate) fn upper_elems(upper: &[PatternElem], joined_to_verb: bool) -> Vec<MElem<'_>> {
    let mut flat = Vec::new();
    flatten(upper, &mut flat);
    let n = flat.len();
    let mut out = Vec::new();
    for i in (0..n).rev() {
        let adjacent = if i == n - 1 { joined_to_verb } else { flat[i].1 };
        if let Some(tok) = to_mtok(flat[i].0) {
            out.push(MElem { tok, adjacent });
        }
    }
    out
}

/// Lower elements in matching order.
pub(crate) fn lower_elems(lower: &[PatternElem], joined_to_verb: bool) -> Vec<MElem<'_>> {
    let mut flat = Vec::new();
    flatten(lower, &mut flat);
    let mut out = Vec::new();
    for i in 0..flat.len() {
        let adjacent = if i == 0 { joined_to_verb } else { flat[i - 1].1 };
        if let Some(tok) = to_mtok(flat[i].0) {
            out.push(MElem { tok, adjacent });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tacitus_dict::petrarch::verbs::parse_pattern;

    #[test]
    fn upper_elements_run_backwards_with_joins() {
        let p = parse_pattern(" SAID_WOULD NOT * [1]", 1).unwrap();
        let up = upper_elems(&p.upper, p.upper_joined);
        assert!(matches!(up[0].tok, MTok::Word("NOT")));
        assert!(!up[0].adjacent);
        assert!(matches!(up[2].tok, MTok::Word("SAID")));
        assert!(up[2].adjacent, "SAID_WOULD: SAID must directly precede WOULD");
        let p = parse_pattern(" *_OUT (OF {A B}) [1]", 1).unwrap();
        let lo = lower_elems(&p.lower, p.lower_joined);
        assert!(lo[0].adjacent);
        assert_eq!(lo.len(), 4);
    }
}
