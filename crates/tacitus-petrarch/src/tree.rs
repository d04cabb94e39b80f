//! A constituency tree: read from Penn Treebank brackets or built by [`crate::deptree`] from a
//! dependency parse. Leaves carry a word and its tag; inner nodes a phrase label.

use crate::{Error, Result};

/// One word of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The word as written.
    pub text: String,
    /// Upper-cased, the form dictionaries use.
    pub upper: String,
    /// Penn tag (`NNP`, `VBD`, ...).
    pub tag: String,
    /// Token index in a [`tacitus_doc::Document`] when built from one.
    pub token: Option<u32>,
}

/// A tree node: a phrase (`label` such as `NP`) with children, or a leaf (`word` set).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub label: String,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub word: Option<usize>,
}

/// A sentence tree; node 0 is the root.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub words: Vec<Word>,
}

impl Tree {
    /// Add a node under `parent` and return its index.
    pub fn add(&mut self, label: &str, parent: Option<usize>, word: Option<usize>) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            label: label.to_string(),
            children: Vec::new(),
            parent,
            word,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        id
    }

    /// Add a leaf word under `parent`.
    pub fn add_word(&mut self, parent: usize, tag: &str, text: &str, token: Option<u32>) -> usize {
        let w = self.words.len();
        self.words.push(Word {
            text: text.to_string(),
            upper: text.to_uppercase(),
            tag: tag.to_string(),
            token,
        });
        self.add(tag, Some(parent), Some(w))
    }

    /// Parse one Penn Treebank bracketed tree, e.g. `(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))`.
    /// `line` is the line of the parse in its file, for errors.
    pub fn parse_penn(text: &str, file: &str, line: usize) -> Result<Tree> {
        let mut toks: Vec<String> = Vec::new();
        let mut cur = String::new();
        for c in text.chars() {
            match c {
                '(' | ')' => {
                    if !cur.is_empty() {
                        toks.push(std::mem::take(&mut cur));
                    }
                    toks.push(c.to_string());
                }
                c if c.is_whitespace() => {
                    if !cur.is_empty() {
                        toks.push(std::mem::take(&mut cur));
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            toks.push(cur);
        }
        let bad = |m: &str| Error::Parse {
            file: file.to_string(),
            line,
            message: m.to_string(),
        };
        let mut t = Tree::default();
        let mut stack: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match toks[i].as_str() {
                "(" => {
                    let label = match toks.get(i + 1).map(|s| s.as_str()) {
                        Some("(") | None => String::from("ROOT"),
                        Some(")") => return Err(bad("empty brackets")),
                        Some(l) => {
                            i += 1;
                            l.to_string()
                        }
                    };
                    // leaf: (TAG word)
                    if toks.get(i + 1).is_some_and(|w| w != "(" && w != ")") && toks.get(i + 2).is_some_and(|c| c == ")") {
                        let parent = *stack.last().ok_or_else(|| bad("word outside any phrase"))?;
                        t.add_word(parent, &label, &toks[i + 1], None);
                        i += 3;
                        continue;
                    }
                    if t.nodes.is_empty() || !stack.is_empty() {
                        let id = t.add(&label, stack.last().copied(), None);
                        stack.push(id);
                    } else {
                        return Err(bad("text after the end of the tree"));
                    }
                    i += 1;
                }
                ")" => {
                    stack.pop().ok_or_else(|| bad("unbalanced ')'"))?;
                    i += 1;
                }
                w => return Err(bad(&format!("word '{w}' outside brackets"))),
            }
        }
        if !stack.is_empty() {
            return Err(bad("unbalanced '(': tree not closed"));
        }
        if t.words.is_empty() {
            return Err(bad("tree without words"));
        }
        Ok(t)
    }

    pub fn is_leaf(&self, n: usize) -> bool {
        self.nodes[n].word.is_some()
    }

    /// Word indices under node `n`, in order.
    pub fn words_under(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.collect_words(n, &mut out);
        out
    }

    fn collect_words(&self, n: usize, out: &mut Vec<usize>) {
        match self.nodes[n].word {
            Some(w) => out.push(w),
            None => {
                for &c in &self.nodes[n].children {
                    self.collect_words(c, out);
                }
            }
        }
    }

    /// Base label without function tags (`NP-SBJ` → `NP`).
    pub fn label(&self, n: usize) -> &str {
        let l = &self.nodes[n].label;
        match l.find(['-', '=']) {
            Some(p) if p > 0 => &l[..p],
            _ => l,
        }
    }

    /// The sentence text rebuilt from the words.
    pub fn text(&self) -> String {
        self.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_penn_brackets() {
        let t = Tree::parse_penn(
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor)))) (. .)))",
            "f",
            1,
        )
        .unwrap();
        assert_eq!(t.words.len(), 5);
        assert_eq!(t.words[1].tag, "VBD");
        assert_eq!(t.label(1), "S");
        assert_eq!(t.text(), "Arnor left for Gondor .");
    }

    #[test]
    fn rejects_broken_trees_with_file_and_line() {
        let e = Tree::parse_penn("(ROOT (S (NP (NNP Arnor))", "r.xml", 12).unwrap_err();
        assert!(e.to_string().starts_with("r.xml:12:"), "{e}");
        assert!(Tree::parse_penn("(ROOT (S (NP a b)))", "r.xml", 1).is_err());
    }
}
