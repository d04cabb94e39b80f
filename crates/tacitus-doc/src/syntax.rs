//! Syntactic annotation of a token: universal and Penn tags, lemma, head and relation.

use serde::{Deserialize, Serialize};

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[repr(u8)]
        pub enum $name { $($v),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub fn as_str(&self) -> &'static str { match self { $($name::$v => $s),* } }
            pub fn parse(s: &str) -> Option<$name> { match s { $($s => Some($name::$v),)* _ => None } }
            pub fn index(&self) -> usize { *self as usize }
            pub fn from_index(i: usize) -> Option<$name> { Self::ALL.get(i).copied() }
        }
    };
}

str_enum!(
    /// Universal part-of-speech tags (UD v2).
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN",
        Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
);

/// Penn Treebank tags as used in UD English (XPOS column). A tag's index is its id.
pub const XPOS_TAGS: &[&str] = &[
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB",
    "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''",
    "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX", "$", "#",
];

/// Index of a Penn tag in [`XPOS_TAGS`].
pub fn xpos_index(tag: &str) -> Option<u8> {
    XPOS_TAGS.iter().position(|t| *t == tag).map(|i| i as u8)
}

str_enum!(
    /// Universal Dependencies relations, with the English subtypes that matter for coding
    /// (passive subjects, temporal obliques, ...). `base()` gives the universal label.
    DepRel {
        Acl = "acl", AclRelcl = "acl:relcl", Advcl = "advcl", AdvclRelcl = "advcl:relcl",
        Advmod = "advmod", Amod = "amod", Appos = "appos", Aux = "aux", AuxPass = "aux:pass",
        Case = "case", Cc = "cc", CcPreconj = "cc:preconj", Ccomp = "ccomp", Clf = "clf",
        Compound = "compound", CompoundPrt = "compound:prt", Conj = "conj", Cop = "cop",
        Csubj = "csubj", CsubjPass = "csubj:pass", Dep = "dep", Det = "det",
        DetPredet = "det:predet", Discourse = "discourse", Dislocated = "dislocated", Expl = "expl",
        Fixed = "fixed", Flat = "flat", Goeswith = "goeswith", Iobj = "iobj", List = "list",
        Mark = "mark", Nmod = "nmod", NmodPoss = "nmod:poss", NmodTmod = "nmod:tmod",
        NmodNpmod = "nmod:npmod", NmodUnmarked = "nmod:unmarked", NmodDesc = "nmod:desc",
        Nsubj = "nsubj", NsubjPass = "nsubj:pass", NsubjOuter = "nsubj:outer", Nummod = "nummod",
        Obj = "obj", Obl = "obl", OblAgent = "obl:agent", OblTmod = "obl:tmod",
        OblNpmod = "obl:npmod", OblUnmarked = "obl:unmarked", Orphan = "orphan",
        Parataxis = "parataxis", Punct = "punct", Reparandum = "reparandum", Root = "root",
        Vocative = "vocative", Xcomp = "xcomp",
    }
);

impl DepRel {
    /// Parse a label, falling back to its universal part (`obl:foo` → `obl`).
    pub fn parse_lenient(s: &str) -> Option<DepRel> {
        DepRel::parse(s).or_else(|| DepRel::parse(s.split(':').next().unwrap_or(s)))
    }
    /// The universal relation without subtype.
    pub fn base(&self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
}

/// Head value meaning "this token is the sentence root".
pub const ROOT: u32 = u32::MAX;

/// Syntax of one token. `head` is an absolute token index in the document, or [`ROOT`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenSyntax {
    pub upos: Upos,
    /// Index into [`XPOS_TAGS`].
    pub xpos: u8,
    pub lemma: String,
    pub head: u32,
    pub deprel: DepRel,
}

impl TokenSyntax {
    pub fn xpos_str(&self) -> &'static str {
        XPOS_TAGS.get(self.xpos as usize).copied().unwrap_or("XX")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for d in DepRel::ALL {
            assert_eq!(DepRel::parse(d.as_str()), Some(*d));
        }
        assert_eq!(DepRel::parse_lenient("obl:with"), Some(DepRel::Obl));
        assert_eq!(DepRel::NsubjPass.base(), "nsubj");
        assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
        assert_eq!(xpos_index("NNP"), Some(13));
    }
}
