//! The PETRARCH-style coder: actor codes for noun phrases, verb lookup, pattern matching over
//! the words before (upper, read backwards) and after (lower) each verb, and event assembly.

use crate::dicts::{DictFiles, Dictionaries};
use crate::matcher::{lower_elems, take_words, take_words_back, upper_elems, Captures, Item};
use crate::nps::is_pronoun;
use crate::tree::Tree;
use crate::Result;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;
use tacitus_dict::petrarch::verbs::VerbForm;

/// What `a:b` in a verb code means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairMode {
    /// PETRARCH-1/TABARI: `source→target a` plus the reciprocal `target→source b`.
    Paired,
    /// CAMEO.2.0: `a` for an active verb, `b` for a passive one.
    ActivePassive,
}

/// Coding options (the `PETR_config.ini` names).
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Uncoded noun phrases of at most this many words become `"TEXT"` actors (0: off).
    pub new_actor_length: usize,
    /// Events need a non-null source and target.
    pub require_dyad: bool,
    pub comma_min: usize,
    pub comma_max: usize,
    pub comma_bmin: usize,
    pub comma_bmax: usize,
    pub comma_emin: usize,
    pub comma_emax: usize,
    pub pair_mode: PairMode,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            new_actor_length: 0,
            require_dyad: true,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            pair_mode: PairMode::Paired,
        }
    }
}

impl Config {
    /// Apply one `option = value` setting; returns false for an unknown option or bad value.
    pub fn set(&mut self, option: &str, value: &str) -> bool {
        let v = value.trim();
        let num = || v.parse::<usize>().ok();
        match option.trim() {
            "require_dyad" => match v.to_ascii_lowercase().as_str() {
                "true" => self.require_dyad = true,
                "false" => self.require_dyad = false,
                _ => return false,
            },
            "new_actor_length" => match num() {
                Some(n) => self.new_actor_length = n,
                None => return false,
            },
            o @ ("comma_min" | "comma_max" | "comma_bmin" | "comma_bmax" | "comma_emin" | "comma_emax") => {
                let Some(n) = num() else { return false };
                match o {
                    "comma_min" => self.comma_min = n,
                    "comma_max" => self.comma_max = n,
                    "comma_bmin" => self.comma_bmin = n,
                    "comma_bmax" => self.comma_bmax = n,
                    "comma_emin" => self.comma_emin = n,
                    _ => self.comma_emax = n,
                }
            }
            // options that do not change coding
            "stop_on_error" | "write_actor_root" | "write_actor_text" | "write_event_text" | "code_by_sentence" | "null_verbs"
            | "null_actors" => {}
            _ => return false,
        }
        true
    }
}

/// One coded event of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedEvent {
    pub source: String,
    pub target: String,
    pub code: String,
    /// Word index of the verb in the tree.
    pub verb: usize,
    /// Tree nodes of the source and target noun phrases, when found.
    pub source_np: Option<usize>,
    pub target_np: Option<usize>,
    /// Dictionary line of the pattern that matched, or of the verb block (default code).
    pub rule: String,
}

/// A matched pattern: code, captures, rule, upper (reversed) and lower sequences.
type Choice = (String, Captures, String, Vec<Item>, Vec<Item>);

/// Per-sentence state: the tree, deleted words and noun-phrase codes.
pub(crate) struct Sentence<'t> {
    pub(crate) tree: &'t Tree,
    pub(crate) deleted: Vec<bool>,
    /// NP node → actor codes (empty: an NP without codes).
    pub(crate) codes: HashMap<usize, Vec<String>>,
}

/// The coder: a dictionary set and options.
#[derive(Clone, Debug)]
pub struct Coder {
    pub dicts: Dictionaries,
    pub config: Config,
}

const BE_FORMS: &[&str] = &["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "'S", "'RE"];
pub(crate) const OF_PREPS: &[&str] = &["OF", "IN", "FROM", "FOR", "AT", "WITHIN"];

impl Coder {
    pub fn new(dicts: Dictionaries, mut config: Config) -> Coder {
        config.pair_mode = if dicts.cameo2 { PairMode::ActivePassive } else { PairMode::Paired };
        Coder { dicts, config }
    }

    /// Load the Phoenix set (`CAMEO.2.0.txt`, `Phoenix.*`) from a directory.
    pub fn from_dir(dir: &Path) -> Result<Coder> {
        Ok(Coder::new(Dictionaries::load(&DictFiles::phoenix(dir))?, Config::default()))
    }

    /// Load the dictionaries a `PETR_config.ini` names, from `dict_dir`.
    pub fn from_config(ini: &Path, dict_dir: &Path) -> Result<Coder> {
        Ok(Coder::new(
            Dictionaries::load(&DictFiles::from_config(ini, dict_dir)?)?,
            Config::default(),
        ))
    }

    /// Code one sentence tree; `text` (the sentence as written) is checked against the discard
    /// list first. Returns the events, or `Err(kind)` when the sentence is discarded.
    pub fn code_tree(
        &self,
        tree: &Tree,
        text: &str,
        date: Option<NaiveDate>,
    ) -> std::result::Result<Vec<CodedEvent>, tacitus_dict::petrarch::discards::DiscardKind> {
        if let Some((kind, _)) = self.dicts.discards.check(text) {
            return Err(kind);
        }
        let mut s = Sentence {
            tree,
            deleted: vec![false; tree.words.len()],
            codes: HashMap::new(),
        };
        self.delete_comma_clauses(&mut s, 0);
        self.code_nps(&mut s, 0, date);
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut coded_vps: Vec<usize> = Vec::new();
        // nodes are in pre-order, so outer verbs come before the verbs they contain
        for (n, node) in tree.nodes.iter().enumerate() {
            let Some(w) = node.word else { continue };
            if s.deleted[w] || !tree.words[w].tag.starts_with("VB") {
                continue;
            }
            let Some(parent) = node.parent else { continue };
            if tree.label(parent) != "VP" {
                continue;
            }
            // a verb inside the complement of a verb already coded belongs to that event
            // ("is said to be about to restore", "abandoned efforts to stop")
            if coded_vps.iter().any(|&vp| vp != parent && is_ancestor(tree, vp, parent)) {
                continue;
            }
            let found = self.code_verb(&s, n, parent);
            if !found.is_empty() {
                coded_vps.push(parent);
            }
            for e in found {
                if !events
                    .iter()
                    .any(|x| x.source == e.source && x.target == e.target && x.code == e.code)
                {
                    events.push(e);
                }
            }
        }
        Ok(events)
    }

    /// A readable account of how a tree is seen: the bracketed tree with deleted words in
    /// `[...]` and each noun phrase's codes, for debugging dictionaries.
    pub fn explain_tree(&self, tree: &Tree, date: Option<NaiveDate>) -> String {
        let mut s = Sentence {
            tree,
            deleted: vec![false; tree.words.len()],
            codes: HashMap::new(),
        };
        self.delete_comma_clauses(&mut s, 0);
        self.code_nps(&mut s, 0, date);
        let mut out = String::new();
        fn walk(s: &Sentence, n: usize, depth: usize, out: &mut String) {
            let t = s.tree;
            if let Some(w) = t.nodes[n].word {
                let wd = &t.words[w];
                if s.deleted[w] {
                    out.push_str(&format!(" [{}/{}]", wd.text, wd.tag));
                } else {
                    out.push_str(&format!(" {}/{}", wd.text, wd.tag));
                }
                return;
            }
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
            out.push('(');
            out.push_str(&t.nodes[n].label);
            if let Some(c) = s.codes.get(&n) {
                out.push_str(&format!("{c:?}"));
            }
            for &c in &t.nodes[n].children {
                walk(s, c, depth + 1, out);
            }
            out.push(')');
        }
        walk(&s, 0, 0, &mut out);
        out
    }

    // ---------------------------------------------------------------- verbs

    /// Code the verb at leaf node `v` under VP `vp`.
    fn code_verb(&self, s: &Sentence, v: usize, vp: usize) -> Vec<CodedEvent> {
        let t = s.tree;
        let Some(w) = t.nodes[v].word else {
            return Vec::new();
        };
        let forms = self.dicts.verbs.forms_of(&t.words[w].upper);
        if forms.is_empty() {
            return Vec::new();
        }
        let upper_all = self.upper(s, v, vp);
        let lower_all = self.lower(s, v, vp);
        // candidate forms: multi-word forms whose fixed words are present, longest first
        let mut cands: Vec<(&VerbForm, Vec<usize>, Vec<usize>)> = Vec::new();
        for f in forms {
            if let (Some(a), Some(b)) = (take_words_back(t, &upper_all, &f.pre), take_words(t, &lower_all, &f.post)) {
                cands.push((f, a, b));
            }
        }
        cands.sort_by_key(|(f, _, _)| std::cmp::Reverse(f.pre.len() + f.post.len()));
        let mut chosen: Option<Choice> = None;
        let mut fallback: Option<(String, String, Vec<Item>, Vec<Item>)> = None;
        for (form, pre_idx, post_idx) in &cands {
            let upper: Vec<Item> = upper_all
                .iter()
                .enumerate()
                .filter(|(i, _)| !pre_idx.contains(i))
                .map(|(_, x)| *x)
                .collect();
            let lower: Vec<Item> = lower_all
                .iter()
                .enumerate()
                .filter(|(i, _)| !post_idx.contains(i))
                .map(|(_, x)| *x)
                .collect();
            let upper_rev: Vec<Item> = upper
                .iter()
                .rev()
                .map(|i| match *i {
                    Item::Open(n) => Item::Close(n),
                    Item::Close(n) => Item::Open(n),
                    x => x,
                })
                .collect();
            let block = &self.dicts.verbs.blocks[form.block];
            for p in &block.patterns {
                let up = upper_elems(&p.upper, p.upper_joined);
                let lo = lower_elems(&p.lower, p.lower_joined);
                let mut caps = Captures::default();
                if self.matches(s, &up, 0, &upper_rev, 0, true, &mut caps) {
                    let upper_caps = caps;
                    if self.matches(s, &lo, 0, &lower, 0, false, &mut caps) {
                        caps.compound_in_lower = caps.compound.is_some() && upper_caps.compound.is_none();
                        chosen = Some((
                            p.code.clone(),
                            caps,
                            format!("pattern line {}", p.line),
                            upper_rev.clone(),
                            lower.clone(),
                        ));
                        break;
                    }
                }
            }
            if chosen.is_some() {
                break;
            }
            let c = form.code.clone().unwrap_or_else(|| block.code.clone());
            if fallback.as_ref().is_none_or(|f| is_null_code(&f.0)) && !(fallback.is_some() && is_null_code(&c)) {
                fallback = Some((c, format!("verb {} (block line {})", form.root, block.line), upper_rev, lower));
            }
        }
        let (code, caps, rule, upper_rev, lower) = match chosen {
            Some(c) => c,
            None => match fallback {
                Some((c, r, u, l)) => (c, Captures::default(), r, u, l),
                None => return Vec::new(),
            },
        };
        self.events(s, w, &code, caps, &upper_rev, &lower, rule)
    }

    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        s: &Sentence,
        verb: usize,
        code: &str,
        caps: Captures,
        upper_rev: &[Item],
        lower: &[Item],
        rule: String,
    ) -> Vec<CodedEvent> {
        let t = s.tree;
        let (primary, secondary) = match code.split_once(':') {
            Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
            None => (code.trim().to_string(), None),
        };
        let passive = is_passive(t, verb, upper_rev);
        let (primary, secondary) = match (self.config.pair_mode, secondary) {
            (PairMode::ActivePassive, Some(b)) => (if passive { b } else { primary }, None),
            (_, sec) => (primary, sec),
        };
        if is_null_code(&primary) {
            return Vec::new();
        }
        let coded = |n: usize| s.codes.get(&n).is_some_and(|c| !c.is_empty());
        let first_np = |seq: &[Item], skip: Option<usize>, want_coded: bool| {
            seq.iter().find_map(|i| match *i {
                Item::Open(n) if Some(n) != skip && (!want_coded || coded(n)) => Some(n),
                _ => None,
            })
        };
        let (compound_src, compound_tgt) = if caps.compound_in_lower {
            (None, caps.compound)
        } else {
            (caps.compound, None)
        };
        let mut source = caps.source.or(compound_src);
        let mut target = caps.target.or(compound_tgt);
        if source.is_none() && passive && target.is_none() {
            // passive with an agent: "X was opposed by Y"
            if let Some(by) = lower.iter().position(|i| matches!(*i, Item::Word(w) if t.words[w].upper == "BY")) {
                if let Some(Item::Open(n)) = lower[by + 1..].iter().find(|i| !matches!(i, Item::Close(_))) {
                    if coded(*n) {
                        source = Some(*n);
                        target = first_np(upper_rev, None, true);
                    }
                }
            }
        }
        let mut subject_uncoded = None;
        if source.is_none() {
            // the clause's own subject; a pronoun refers back to the nearest coded phrase
            match self.subject(s, verb) {
                Some(subj) if Some(subj) != target && coded(subj) => source = Some(subj),
                Some(subj) if Some(subj) != target && !is_pronoun(t, subj) => subject_uncoded = Some(subj),
                _ => source = first_np(upper_rev, target, true),
            }
        }
        if target.is_none() {
            target = first_np(lower, source, true);
        }
        let new_len = self.config.new_actor_length;
        let np_text = |n: usize| -> Option<String> {
            let words: Vec<&str> = t
                .words_under(n)
                .into_iter()
                .filter(|&w| !s.deleted[w] && t.words[w].tag != "POS" && t.words[w].upper != "'S")
                .map(|w| t.words[w].upper.as_str())
                .collect();
            (!words.is_empty() && words.len() <= new_len).then(|| format!("\"{}\"", words.join(" ")))
        };
        let codes_of = |n: Option<usize>, seq: &[Item], skip: Option<usize>| -> (Vec<String>, Option<usize>) {
            if let Some(n) = n {
                return (s.codes.get(&n).cloned().unwrap_or_default(), Some(n));
            }
            if new_len > 0 {
                if let Some(m) = first_np(seq, skip, false) {
                    if let Some(txt) = np_text(m) {
                        return (vec![txt], Some(m));
                    }
                }
            }
            (Vec::new(), None)
        };
        let (mut src_codes, source_np) = match (source, subject_uncoded) {
            (None, Some(subj)) => match np_text(subj) {
                Some(txt) if new_len > 0 => (vec![txt], Some(subj)),
                _ => (Vec::new(), None),
            },
            _ => codes_of(source, upper_rev, target),
        };
        let (mut tgt_codes, target_np) = codes_of(target, lower, source);
        let mut pairs: Vec<(String, String)> = Vec::new();
        if tgt_codes.is_empty() && src_codes.len() >= 2 {
            // a compound actor and nothing else: its members act on each other
            for a in &src_codes {
                for b in &src_codes {
                    if a != b {
                        pairs.push((a.clone(), b.clone()));
                    }
                }
            }
        } else {
            if src_codes.is_empty() {
                src_codes.push("---".into());
            }
            if tgt_codes.is_empty() {
                tgt_codes.push("---".into());
            }
            for a in &src_codes {
                for b in &tgt_codes {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
        let mut out = Vec::new();
        for (a, b) in pairs {
            let null_a = a == "---";
            let null_b = b == "---";
            if (self.config.require_dyad && (null_a || null_b)) || (null_a && null_b) || a == b {
                continue;
            }
            out.push(CodedEvent {
                source: a.clone(),
                target: b.clone(),
                code: primary.clone(),
                verb,
                source_np,
                target_np,
                rule: rule.clone(),
            });
            if let Some(sec) = &secondary {
                if !is_null_code(sec) {
                    out.push(CodedEvent {
                        source: b,
                        target: a,
                        code: sec.clone(),
                        verb,
                        source_np: target_np,
                        target_np: source_np,
                        rule: rule.clone(),
                    });
                }
            }
        }
        out
    }

    /// The subject noun phrase of the clause of verb word `verb`: going up from the verb, the
    /// first clause (`S`, `SINV`, `SQ`) with a noun phrase before the branch holding the verb.
    fn subject(&self, s: &Sentence, verb: usize) -> Option<usize> {
        let t = s.tree;
        let leaf = t.nodes.iter().position(|n| n.word == Some(verb))?;
        let mut cur = leaf;
        while let Some(p) = t.nodes[cur].parent {
            if matches!(t.label(p), "S" | "SINV" | "SQ") {
                let kids = &t.nodes[p].children;
                let pos = kids.iter().position(|&k| k == cur).unwrap_or(0);
                if let Some(&np) = kids[..pos].iter().rev().find(|&&k| t.label(k) == "NP") {
                    if t.words_under(np).iter().any(|&w| !s.deleted[w]) {
                        return Some(np);
                    }
                }
            }
            if matches!(t.label(p), "SBAR") && t.nodes[p].children.iter().any(|&k| t.label(k).starts_with("WH")) {
                // a relative clause: its subject is the phrase it modifies
                return None;
            }
            cur = p;
        }
        None
    }
}

fn is_null_code(c: &str) -> bool {
    c.is_empty() || c == "---"
}

/// Is node `a` an ancestor of node `n`?
fn is_ancestor(t: &Tree, a: usize, n: usize) -> bool {
    let mut cur = t.nodes[n].parent;
    while let Some(p) = cur {
        if p == a {
            return true;
        }
        cur = t.nodes[p].parent;
    }
    false
}

/// A past participle after a form of "be" (adverbs between allowed).
fn is_passive(t: &Tree, verb: usize, upper_rev: &[Item]) -> bool {
    if t.words[verb].tag != "VBN" {
        return false;
    }
    for i in upper_rev {
        if let Item::Word(w) = *i {
            let wd = &t.words[w];
            if BE_FORMS.contains(&wd.upper.as_str()) {
                return true;
            }
            if !wd.tag.starts_with("RB") && wd.tag != "CC" {
                return false;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use tacitus_dict::petrarch::{ActorDictionary, AgentDictionary, VerbDictionary};

    fn coder(verbs: &str, actors: &str, agents: &str) -> Coder {
        let mut d = Dictionaries {
            verbs: VerbDictionary::parse(verbs, "v").0,
            ..Default::default()
        };
        let mut a = ActorDictionary::default();
        a.add_text(actors, "a");
        d.actors = a;
        d.agents = AgentDictionary::parse(agents, "g").0;
        Coder::new(d, Config::default())
    }

    fn code(c: &Coder, parse: &str) -> Vec<(String, String, String)> {
        let t = Tree::parse_penn(parse, "t", 1).unwrap();
        let mut v: Vec<_> = c
            .code_tree(&t, &t.text(), None)
            .unwrap()
            .into_iter()
            .map(|e| (e.source, e.target, e.code))
            .collect();
        v.sort();
        v
    }

    const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n";
    const RESTORE: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))";

    #[test]
    fn odd_trees_do_not_panic() {
        let c = coder(
            "--- RESTORE [064:065] ---\nRESTORE\n- $ ^ % * + ^ [1]\n- * ^ ^ ^ [2]\n",
            ACTORS,
            "X [~Y]\n",
        );
        for p in [
            "(ROOT (VB restore))",
            "(ROOT (VP (VB restore)))",
            "(ROOT (S (VP (VB restore) (NP) (NP (NNP Arnor)))))",
            "(ROOT (S (NP (NP (NP (NNP Arnor)))) (VP (VBN restore) (PP (IN by)))))",
            "(ROOT (S (NP (CC and) (, ,)) (VP (VB restore) (NP (CC and)))))",
            "(X (Y (Z (VB restore) (NP (POS 's)))))",
        ] {
            if let Ok(t) = Tree::parse_penn(p, "t", 1) {
                let _ = c.code_tree(&t, &t.text(), None);
                let _ = c.explain_tree(&t, None);
            }
        }
    }

    #[test]
    fn default_code_with_subject_and_object() {
        let c = coder("--- RESTORE [064] ---\nRESTORE\n", ACTORS, "");
        assert_eq!(code(&c, RESTORE), [("ARN".into(), "GON".into(), "064".into())]);
    }

    #[test]
    fn lower_pattern_overrides_the_default() {
        let c = coder(
            "--- RESTORE [064] ---\nRESTORE\n- * DIPLOMATIC_TIES [065]\n- * TIES [066]\n",
            ACTORS,
            "",
        );
        assert_eq!(code(&c, RESTORE)[0].2, "065");
        let c = coder("--- RESTORE [064] ---\nRESTORE\n- * TIES_WITH [065]\n", ACTORS, "");
        assert_eq!(code(&c, RESTORE)[0].2, "065");
        let c = coder("--- RESTORE [064] ---\nRESTORE\n- * DIPLOMATIC_WITH [065]\n", ACTORS, "");
        assert_eq!(code(&c, RESTORE)[0].2, "064", "'_' demands adjacent words");
    }

    #[test]
    fn upper_pattern_reads_backwards_and_target_marker() {
        let c = coder(
            "--- RESTORE [064] ---\nRESTORE\n- IS ABOUT_TO_* [099]\n- * WITH $ [098]\n",
            ACTORS,
            "",
        );
        assert_eq!(code(&c, RESTORE), [("ARN".into(), "GON".into(), "099".into())]);
        let c = coder("--- RESTORE [064] ---\nRESTORE\n- + IS * WITH $ [098]\n", ACTORS, "");
        assert_eq!(code(&c, RESTORE), [("GON".into(), "ARN".into(), "098".into())]);
    }

    #[test]
    fn agents_combine_and_paired_codes_reverse() {
        let c = coder("--- ARRIVE [032:033] ---\nARRIVE\n", ACTORS, "PRESIDENT [~GOV]\n");
        let p = "(ROOT (S (NP (NNP Arnor) (NN president)) (VP (VBD arrived) (PP (IN in) (NP (NNP Gondor)))) (. .)))";
        assert_eq!(
            code(&c, p),
            [
                ("ARNGOV".into(), "GON".into(), "032".into()),
                ("GON".into(), "ARNGOV".into(), "033".into())
            ]
        );
    }

    #[test]
    fn cameo2_codes_are_active_passive() {
        let mut c = coder("--- OPPOSE [112:113] ---\nOPPOSE\n", ACTORS, "");
        c.config.pair_mode = PairMode::ActivePassive;
        let active = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NNP Gondor))) (. .)))";
        assert_eq!(code(&c, active), [("ARN".into(), "GON".into(), "112".into())]);
        let passive = "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Gondor))))) (. .)))";
        assert_eq!(code(&c, passive), [("GON".into(), "ARN".into(), "113".into())]);
        c.config.pair_mode = PairMode::Paired;
        assert_eq!(code(&c, active).len(), 2);
    }

    #[test]
    fn compound_subjects_give_one_event_each() {
        let c = coder("--- WELCOME [041] ---\nWELCOME\n", ACTORS, "");
        let p = "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD welcomed) (NP (NNP Osgiliath))) (. .)))";
        assert_eq!(code(&c, p).len(), 2);
    }

    #[test]
    fn passive_with_by_swaps_roles_and_dyads_are_required() {
        let c = coder("--- OPPOSE [112] ---\nOPPOSE\n", ACTORS, "");
        let p = "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Gondor))))) (. .)))";
        assert_eq!(code(&c, p), [("GON".into(), "ARN".into(), "112".into())]);
        let p = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NNS crowds))) (. .)))";
        assert!(code(&c, p).is_empty());
    }

    #[test]
    fn terminal_comma_clause_is_deleted() {
        let c = coder("--- SAID [023] ---\nSAID\n", ACTORS, "OFFICIAL [~GOV]\n");
        let mut cfg = Config {
            require_dyad: false,
            ..Config::default()
        };
        let p = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD left))) (, ,) (NP (DT an) (NN official)) (VP (VBD said) (PP (IN on) (NP (NNP Monday)))) (. .)))";
        let mut c2 = c.clone();
        c2.config = cfg.clone();
        assert!(code(&c2, p).is_empty());
        cfg.comma_emax = 0;
        c2.config = cfg;
        assert_eq!(code(&c2, p), [("---GOV".into(), "---".into(), "023".into())]);
    }
}
