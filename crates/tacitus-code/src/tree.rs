//! Navigation of one sentence's dependency tree (absolute token indices).

use tacitus_doc::syntax::ROOT;
use tacitus_doc::{DepRel, Document, Upos};

/// Children lists for the tokens of one sentence.
pub struct Tree<'d> {
    pub doc: &'d Document,
    pub first: u32,
    pub end: u32,
    children: Vec<Vec<u32>>,
    /// (head token, index into doc.actors) of this sentence's mentions, sorted by head.
    mentions: Vec<(u32, u32)>,
}

impl<'d> Tree<'d> {
    pub fn new(doc: &'d Document, sentence: usize) -> Tree<'d> {
        let s = doc.sentences[sentence];
        let mut children = vec![Vec::new(); s.len()];
        for t in s.token_range() {
            let h = doc.syntax[t].head;
            if h != ROOT && h >= s.first_token && h < s.end_token {
                children[(h - s.first_token) as usize].push(t as u32);
            }
        }
        let mut mentions: Vec<(u32, u32)> = doc
            .actors
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence as usize == sentence)
            .map(|(i, m)| (m.head, i as u32))
            .collect();
        mentions.sort_unstable();
        Tree {
            doc,
            first: s.first_token,
            end: s.end_token,
            children,
            mentions,
        }
    }

    /// Indices of the actor mentions headed at `t`.
    pub fn mentions_at(&self, t: u32) -> Vec<u32> {
        let i = self.mentions.partition_point(|&(h, _)| h < t);
        let own: Vec<u32> = self.mentions[i..].iter().take_while(|&&(h, _)| h == t).map(|&(_, m)| m).collect();
        if !own.is_empty() {
            return own;
        }
        // a token inside a mention (the parse may head the phrase elsewhere)
        let span = self.doc.tokens[t as usize].span;
        self.mentions
            .iter()
            .map(|&(_, m)| m)
            .filter(|&m| self.doc.actors[m as usize].span.contains(span))
            .collect()
    }

    pub fn tokens(&self) -> std::ops::Range<u32> {
        self.first..self.end
    }
    pub fn children(&self, t: u32) -> &[u32] {
        &self.children[(t - self.first) as usize]
    }
    pub fn head(&self, t: u32) -> Option<u32> {
        let h = self.doc.syntax[t as usize].head;
        (h != ROOT && h >= self.first && h < self.end).then_some(h)
    }
    pub fn rel(&self, t: u32) -> DepRel {
        self.doc.syntax[t as usize].deprel
    }
    pub fn upos(&self, t: u32) -> Upos {
        self.doc.syntax[t as usize].upos
    }
    pub fn lemma(&self, t: u32) -> &str {
        &self.doc.syntax[t as usize].lemma
    }
    pub fn xpos(&self, t: u32) -> &'static str {
        self.doc.syntax[t as usize].xpos_str()
    }
    pub fn text(&self, t: u32) -> &str {
        self.doc.token_text(t as usize)
    }
    pub fn lower(&self, t: u32) -> String {
        self.text(t).to_lowercase()
    }
    /// Children with one of the given relations.
    pub fn children_rel<'a>(&'a self, t: u32, rels: &'a [DepRel]) -> impl Iterator<Item = u32> + 'a {
        self.children(t).iter().copied().filter(move |&c| rels.contains(&self.rel(c)))
    }
    pub fn child_rel(&self, t: u32, rels: &[DepRel]) -> Option<u32> {
        self.children_rel(t, rels).next()
    }
    /// The preposition (case marker) of a nominal, lower-cased, multiword joined ("because of").
    pub fn case_of(&self, t: u32) -> Option<String> {
        let mut parts: Vec<u32> = self.children_rel(t, &[DepRel::Case]).collect();
        parts.retain(|&c| self.xpos(c) != "POS");
        if parts.is_empty() {
            // a marker misattached to the phrase's first modifier ("between [Armenian] and ... troops")
            let first = self
                .children(t)
                .iter()
                .copied()
                .find(|&c| c < t && matches!(self.rel(c), DepRel::Compound | DepRel::Amod | DepRel::Det | DepRel::Nummod));
            if let Some(m) = first {
                parts = self
                    .children_rel(m, &[DepRel::Case])
                    .filter(|&c| c < m && self.xpos(c) != "POS")
                    .collect();
            }
        }
        let first = *parts.first()?;
        let mut s = self.lower(first);
        for &f in self.children_rel(first, &[DepRel::Fixed]).collect::<Vec<_>>().iter() {
            s.push(' ');
            s.push_str(&self.lower(f));
        }
        Some(s)
    }
    /// Marker (mark) of a clause, lower-cased.
    pub fn mark_of(&self, t: u32) -> Option<String> {
        self.child_rel(t, &[DepRel::Mark]).map(|m| self.lower(m))
    }
    /// Conjuncts of a token (not including itself), following conj chains.
    pub fn conjuncts(&self, t: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![t];
        while let Some(x) = stack.pop() {
            for c in self.children_rel(x, &[DepRel::Conj]) {
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        out
    }
    /// Depth from the root (root = 0); cycles are cut.
    pub fn depth(&self, t: u32) -> u32 {
        let mut d = 0;
        let mut x = t;
        while let Some(h) = self.head(x) {
            d += 1;
            x = h;
            if d > 400 {
                break;
            }
        }
        d
    }
    /// Is `a` an ancestor of (or equal to) `b`?
    pub fn dominates(&self, a: u32, b: u32) -> bool {
        let mut x = b;
        for _ in 0..400 {
            if x == a {
                return true;
            }
            match self.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    /// "Vietnamese-led forces launched artillery fire": a participle cannot modify a noun and
    /// take a direct object of its own ("forces [that were] launched artillery"), so a past form
    /// hung on a noun before it with an object is a finite verb whose subject is that noun
    /// (except verbs whose passive keeps an object: "the man given a medal").
    pub fn participle_with_object(&self, verb: u32) -> bool {
        const DITRANSITIVE: &[&str] = &[
            "give", "offer", "hand", "show", "send", "tell", "ask", "award", "grant", "deny", "promise", "pay", "lend", "allow", "charge",
            "teach", "assign", "name", "call", "elect", "appoint", "make", "consider", "sentence", "fine", "leave", "owe", "take", "hold",
            "keep", "declare", "label", "brand", "dub", "vote", "crown",
        ];
        self.rel(verb) == DepRel::Acl
            && self
                .head(verb)
                .is_some_and(|h| h < verb && matches!(self.upos(h), Upos::Noun | Upos::Propn))
            && matches!(self.xpos(verb), "VBN" | "VBD")
            && (self.children_rel(verb, &[DepRel::Obj]).next().is_some() || self.bare_agent(verb).is_some())
            && self
                .children_rel(verb, &[DepRel::AuxPass, DepRel::Aux, DepRel::Nsubj, DepRel::NsubjPass])
                .next()
                .is_none()
            && self.children_rel(verb, &[DepRel::OblAgent]).all(|a| !self.agent_has_by(verb, a))
            && !DITRANSITIVE.contains(&self.lemma(verb))
    }

    /// An agent with no "by" ("accused Najib Razak of corruption" parsed with "Razak" as the
    /// agent of a participle): a noun phrase right after the verb, its object.
    pub fn bare_agent(&self, verb: u32) -> Option<u32> {
        self.children_rel(verb, &[DepRel::OblAgent])
            .find(|&a| a > verb && !self.agent_has_by(verb, a))
    }

    /// Is the agent phrase introduced by "by", however the parse hung the word ("by Russian
    /// president Vladimir Putin" with "by" on "president")?
    fn agent_has_by(&self, verb: u32, agent: u32) -> bool {
        self.case_of(agent).is_some() || (verb.min(agent) + 1..verb.max(agent)).any(|x| self.lower(x) == "by")
    }

    pub fn is_passive(&self, verb: u32) -> bool {
        if self
            .children(verb)
            .iter()
            .any(|&c| matches!(self.rel(c), DepRel::AuxPass | DepRel::NsubjPass | DepRel::CsubjPass))
        {
            return true;
        }
        // a reduced relative ("talks hosted by Putin") is passive; a participle hanging off a
        // root noun with no agent is more likely a misparsed main verb ("The parliament threatened ...")
        self.xpos(verb) == "VBN"
            && matches!(self.rel(verb), DepRel::Acl)
            && !self.participle_with_object(verb)
            && !self.children(verb).iter().any(|&c| matches!(self.rel(c), DepRel::Aux))
            && (self
                .children(verb)
                .iter()
                .any(|&c| self.rel(c) == DepRel::OblAgent && self.agent_has_by(verb, c))
                || self.head(verb).is_some_and(|h| self.rel(h) != DepRel::Root))
    }
    /// Negated by "not", "never", "no"?
    pub fn is_negated(&self, t: u32) -> bool {
        self.children(t).iter().any(|&c| {
            let l = self.lower(c);
            (matches!(self.rel(c), DepRel::Advmod | DepRel::Det) && matches!(l.as_str(), "not" | "n't" | "never" | "no"))
                || (self.rel(c) == DepRel::Aux && l.ends_with("n't"))
        })
    }
}
