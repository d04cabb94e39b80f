//! Building the phrase tree from a dependency-parsed [`Document`] sentence: a noun's subtree
//! minus its clauses is a noun phrase, a verb with its non-subject dependents is a verb phrase,
//! and a clause is its subject plus its verb phrase. The coder then works exactly as on a
//! Treebank parse.

use crate::tree::Tree;
use tacitus_doc::{DepRel, Document, Upos};

/// Relations that start a clause of their own (left out of the noun phrase they hang from).
fn is_clausal(r: DepRel) -> bool {
    matches!(
        r,
        DepRel::Acl
            | DepRel::AclRelcl
            | DepRel::Advcl
            | DepRel::AdvclRelcl
            | DepRel::Ccomp
            | DepRel::Xcomp
            | DepRel::Csubj
            | DepRel::CsubjPass
            | DepRel::Parataxis
    )
}

fn is_subject(r: DepRel) -> bool {
    matches!(r, DepRel::Nsubj | DepRel::NsubjPass | DepRel::NsubjOuter | DepRel::Expl)
}

struct Builder<'d> {
    doc: &'d Document,
    /// children (absolute token indices) of each token of the sentence, in order
    kids: Vec<Vec<usize>>,
    first: usize,
    tree: Tree,
}

/// The phrase tree of sentence `sent` of `doc`; `None` when the document has no syntax layer.
pub fn sentence_tree(doc: &Document, sent: usize) -> Option<Tree> {
    if !doc.has_syntax() {
        return None;
    }
    let s = doc.sentences.get(sent)?;
    let range = s.token_range();
    let first = range.start;
    let mut kids = vec![Vec::new(); range.len()];
    let mut roots = Vec::new();
    for t in range.clone() {
        let h = doc.syntax[t].head as usize;
        if range.contains(&h) && h != t {
            kids[h - first].push(t);
        } else {
            roots.push(t);
        }
    }
    let mut b = Builder {
        doc,
        kids,
        first,
        tree: Tree::default(),
    };
    let root = b.tree.add("ROOT", None, None);
    for r in roots {
        b.clause_or_phrase(r, root);
    }
    if b.tree.words.is_empty() {
        return None;
    }
    Some(b.tree)
}

impl Builder<'_> {
    fn upos(&self, t: usize) -> Upos {
        self.doc.syntax[t].upos
    }
    fn rel(&self, t: usize) -> DepRel {
        self.doc.syntax[t].deprel
    }
    fn leaf(&mut self, t: usize, parent: usize) {
        let tag = self.doc.syntax[t].xpos_str().to_string();
        let text = self.doc.token_text(t).to_string();
        self.tree.add_word(parent, &tag, &text, Some(t as u32));
    }
    fn children(&self, t: usize) -> Vec<usize> {
        self.kids[t - self.first].clone()
    }

    /// A token heading a clause (a verb, or a predicate with a subject/copula) becomes S → NP VP;
    /// a noun becomes NP; anything else a leaf with its dependents.
    fn clause_or_phrase(&mut self, t: usize, parent: usize) {
        let kids = self.children(t);
        let is_pred = matches!(self.upos(t), Upos::Verb | Upos::Aux)
            || kids.iter().any(|&k| matches!(self.rel(k), DepRel::Cop) || is_subject(self.rel(k)));
        if is_pred {
            self.clause(t, parent);
        } else if matches!(self.upos(t), Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num) {
            self.noun_phrase(t, parent);
        } else {
            self.flat(t, parent);
        }
    }

    fn clause(&mut self, t: usize, parent: usize) {
        let s = self.tree.add("S", Some(parent), None);
        let kids = self.children(t);
        // subject and clause-initial material before the verb phrase
        let mut vp_members: Vec<usize> = Vec::new();
        for &k in kids.iter().filter(|&&k| k < t) {
            if is_subject(self.rel(k)) {
                self.clause_or_phrase(k, s);
            } else if matches!(self.rel(k), DepRel::Mark | DepRel::Punct | DepRel::Cc) && vp_members.is_empty() {
                self.leaf_with(k, s);
            } else {
                vp_members.push(k);
            }
        }
        let vp = self.tree.add("VP", Some(s), None);
        for k in vp_members {
            self.dependent(k, vp);
        }
        self.leaf(t, vp);
        let mut conj_vps = Vec::new();
        for &k in kids.iter().filter(|&&k| k > t) {
            if self.rel(k) == DepRel::Conj && matches!(self.upos(k), Upos::Verb) {
                conj_vps.push(k);
            } else {
                self.dependent(k, vp);
            }
        }
        for k in conj_vps {
            self.clause(k, s);
        }
    }

    /// A dependent inside a verb phrase: clauses, noun phrases (objects, obliques), or words.
    fn dependent(&mut self, k: usize, parent: usize) {
        if is_clausal(self.rel(k)) {
            self.clause(k, parent);
        } else {
            self.clause_or_phrase(k, parent);
        }
    }

    fn leaf_with(&mut self, t: usize, parent: usize) {
        self.leaf(t, parent);
        for k in self.children(t) {
            self.dependent(k, parent);
        }
    }

    fn flat(&mut self, t: usize, parent: usize) {
        let kids = self.children(t);
        for &k in kids.iter().filter(|&&k| k < t) {
            self.dependent(k, parent);
        }
        self.leaf(t, parent);
        for &k in kids.iter().filter(|&&k| k > t) {
            self.dependent(k, parent);
        }
    }

    /// A noun's subtree minus clauses: prepositional dependents become PP, conjuncts a
    /// coordination, clauses are attached after the phrase.
    fn noun_phrase(&mut self, t: usize, parent: usize) {
        let kids = self.children(t);
        let conj: Vec<usize> = kids.iter().copied().filter(|&k| self.rel(k) == DepRel::Conj).collect();
        let outer = if conj.is_empty() {
            parent
        } else {
            self.tree.add("NP", Some(parent), None)
        };
        let np = self.tree.add("NP", Some(outer), None);
        let mut later: Vec<usize> = Vec::new();
        for &k in &kids {
            if k == t {
                continue;
            }
            let r = self.rel(k);
            if r == DepRel::Conj || is_clausal(r) {
                continue;
            }
            if k > t && matches!(r, DepRel::Nmod | DepRel::Appos) {
                later.push(k);
                continue;
            }
            if k < t {
                self.np_inner(k, np);
            }
        }
        self.leaf(t, np);
        for &k in kids.iter().filter(|&&k| k > t) {
            let r = self.rel(k);
            if r == DepRel::Conj || is_clausal(r) || later.contains(&k) {
                continue;
            }
            self.np_inner(k, np);
        }
        for k in later {
            // "ambassadors of Arnor": NP (NP ambassadors) (PP of (NP Arnor))
            let pp = self.tree.add("PP", Some(np), None);
            self.prepositional(k, pp);
        }
        for c in conj {
            // coordinators and commas hang from the conjunct in UD
            for cc in self.children(c) {
                if matches!(self.rel(cc), DepRel::Cc) {
                    self.leaf(cc, outer);
                }
            }
            self.noun_phrase_conj(c, outer);
        }
        let clauses: Vec<usize> = kids.iter().copied().filter(|&k| is_clausal(self.rel(k))).collect();
        for k in clauses {
            self.clause(k, parent);
        }
    }

    fn noun_phrase_conj(&mut self, c: usize, outer: usize) {
        // a conjunct without its coordinator (already placed)
        let np = self.tree.add("NP", Some(outer), None);
        for k in self.children(c) {
            if k < c && !matches!(self.rel(k), DepRel::Cc | DepRel::Punct) {
                self.np_inner(k, np);
            }
        }
        self.leaf(c, np);
        for k in self.children(c) {
            if k > c && !is_clausal(self.rel(k)) && self.rel(k) != DepRel::Conj {
                self.np_inner(k, np);
            }
        }
    }

    /// Words inside a noun phrase (modifiers, possessors with their own words).
    fn np_inner(&mut self, k: usize, np: usize) {
        if self.rel(k) == DepRel::NmodPoss {
            let pos = self.tree.add("NP", Some(np), None);
            self.flat_all(k, pos);
            return;
        }
        self.flat_all(k, np);
    }

    fn flat_all(&mut self, t: usize, parent: usize) {
        let kids = self.children(t);
        for &k in kids.iter().filter(|&&k| k < t) {
            self.flat_all(k, parent);
        }
        self.leaf(t, parent);
        for &k in kids.iter().filter(|&&k| k > t) {
            self.flat_all(k, parent);
        }
    }

    /// `nmod`/`obl` with a `case` marker: (PP (IN of) (NP ...)).
    fn prepositional(&mut self, k: usize, pp: usize) {
        for c in self.children(k) {
            if self.rel(c) == DepRel::Case && c < k {
                self.leaf(c, pp);
            }
        }
        let np = self.tree.add("NP", Some(pp), None);
        for c in self.children(k) {
            if self.rel(c) != DepRel::Case && c < k {
                self.np_inner(c, np);
            }
        }
        self.leaf(k, np);
        for c in self.children(k) {
            if c > k {
                self.np_inner(c, np);
            }
        }
    }
}
