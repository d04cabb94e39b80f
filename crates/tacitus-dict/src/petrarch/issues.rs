//! Issue lists: `phrase [CODE]` lines with `n:` (noun: singular and plural), `v:` (regular verb
//! forms) and `+` (blank or hyphen) expansions, `~phrase` ignore phrases, and
//! `<ISSUE CATEGORY=...>` / `</ISSUE>` grouping lines.

use super::text::{lines, plural, split_code, FileReport};
use std::collections::BTreeMap;

/// One expanded issue phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub line: usize,
    /// Upper-case phrase, single blanks.
    pub phrase: String,
    pub code: String,
}

#[derive(Clone, Debug, Default)]
pub struct IssueList {
    pub issues: Vec<Issue>,
    /// Phrases whose presence cancels issue coding for the sentence.
    pub ignore: Vec<String>,
}

fn expand_word(w: &str) -> Vec<String> {
    if let Some(n) = w.strip_prefix("N:").or_else(|| w.strip_prefix("n:")) {
        let n = n.to_uppercase();
        return vec![plural(&n), n];
    }
    if let Some(v) = w.strip_prefix("V:").or_else(|| w.strip_prefix("v:")) {
        return crate::petrarch::verbs::regular_forms(&v.to_uppercase());
    }
    vec![w.to_uppercase()]
}

/// Expand a phrase into all its variants.
fn expand(phrase: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in phrase.split_whitespace() {
        // `+` inside a word: joined by blank or hyphen (`pre+n:school`)
        let parts: Vec<&str> = word.split('+').collect();
        let mut variants = vec![String::new()];
        for (i, p) in parts.iter().enumerate() {
            let forms = expand_word(p);
            let mut next = Vec::new();
            for v in &variants {
                for f in &forms {
                    if i == 0 {
                        next.push(f.clone());
                    } else {
                        next.push(format!("{v} {f}"));
                        next.push(format!("{v}-{f}"));
                    }
                }
            }
            variants = next;
        }
        out = out
            .iter()
            .flat_map(|o| {
                variants
                    .iter()
                    .map(move |v| if o.is_empty() { v.clone() } else { format!("{o} {v}") })
            })
            .collect();
    }
    out
}

impl IssueList {
    pub fn parse(text: &str, file: &str) -> (IssueList, FileReport) {
        let mut d = IssueList::default();
        let mut rep = FileReport::new(file, text);
        for line in lines(text, &['#']) {
            let body = line.body.trim();
            if body.is_empty() {
                continue;
            }
            let upper = body.to_uppercase();
            if upper.starts_with("<ISSUE") || upper.starts_with("</ISSUE") {
                continue;
            }
            if let Some(ig) = body.strip_prefix('~') {
                let ig = ig.trim_start_matches('~').trim();
                if ig.is_empty() {
                    rep.reject(line.no, line.raw, "empty ignore phrase");
                } else {
                    d.ignore.extend(expand(ig));
                    rep.entries += 1;
                }
                continue;
            }
            match split_code(body) {
                Some((phrase, code)) if !phrase.trim().is_empty() && !code.is_empty() => {
                    for p in expand(phrase.trim()) {
                        d.issues.push(Issue {
                            line: line.no,
                            phrase: p,
                            code: code.to_string(),
                        });
                    }
                    rep.entries += 1;
                }
                _ => rep.reject(line.no, line.raw, "issue line without phrase and [code]"),
            }
        }
        (d, rep)
    }

    /// Issue codes found in `text` with how many phrases matched, unless an ignore phrase occurs.
    pub fn code(&self, text: &str) -> BTreeMap<String, usize> {
        let norm: String = text
            .to_uppercase()
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' || c == '\'' { c } else { ' ' })
            .collect();
        let padded = format!(" {} ", norm.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut out = BTreeMap::new();
        if self.ignore.iter().any(|i| padded.contains(&format!(" {i} "))) {
            return out;
        }
        for i in &self.issues {
            if padded.contains(&format!(" {} ", i.phrase)) {
                *out.entry(i.code.clone()).or_insert(0) += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansions_and_ignores() {
        let t = "<ISSUE CATEGORY=\"X\">\nn:massacre [ATROCITY]\npre+n:school [EARLY]\n\
                 ~Saturday Night massacre\nbroken line\n</ISSUE>\n";
        let (d, r) = IssueList::parse(t, "f");
        assert_eq!(r.unparsed.len(), 1);
        assert_eq!(r.unparsed[0].line, 5);
        assert_eq!(d.code("Two massacres were reported")["ATROCITY"], 1);
        assert_eq!(d.code("the pre-schools")["EARLY"], 1);
        assert!(d.code("the Saturday Night massacre").is_empty());
    }
}
