//! Agent dictionaries: `PHRASE {plural} [~CODE]` (code appended to the actor's) or `[CODE~]`
//! (code put before it), with `!NAME! = A, B, C` substitution sets.

use super::text::{lines, match_phrase, phrase_words_gaps, plural, split_code, FileReport};
use std::collections::HashMap;

/// One agent phrase (each plural and substitution is its own entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentEntry {
    pub line: usize,
    pub words: Vec<String>,
    /// May other words come before word `i` (blank in the dictionary)?
    pub gaps: Vec<bool>,
    /// The code without `~`.
    pub code: String,
    /// `[CODE~]`: the code goes before the actor's country (organisations such as `NGO~`).
    pub prefix: bool,
}

/// All agent phrases, indexed by first word (longest first).
#[derive(Clone, Debug, Default)]
pub struct AgentDictionary {
    pub entries: Vec<AgentEntry>,
    index: HashMap<String, Vec<u32>>,
    /// Substitution sets, `PERSON` → `[MAN, MEN, ...]`.
    pub substitutions: HashMap<String, Vec<String>>,
}

impl AgentDictionary {
    pub fn parse(text: &str, file: &str) -> (AgentDictionary, FileReport) {
        let mut d = AgentDictionary::default();
        let mut rep = FileReport::new(file, text);
        for line in lines(text, &['#']) {
            let body = line.body.trim();
            if body.is_empty() {
                continue;
            }
            if body.starts_with('!') && body.contains('=') {
                let (name, list) = body.split_once('=').unwrap_or((body, ""));
                let name = name.trim().trim_matches('!').to_uppercase();
                let items: Vec<String> = list
                    .split(',')
                    .map(|s| s.trim().replace(' ', "").to_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect();
                if name.is_empty() || items.is_empty() {
                    rep.reject(line.no, line.raw, "bad substitution set");
                } else {
                    d.substitutions.insert(name, items);
                    rep.entries += 1;
                }
                continue;
            }
            let Some((phrase, code)) = split_code(body) else {
                rep.reject(line.no, line.raw, "agent without [code]");
                continue;
            };
            let code = code.replace(' ', "");
            let (code, prefix) = if let Some(c) = code.strip_prefix('~') {
                (c.to_uppercase(), false)
            } else if let Some(c) = code.strip_suffix('~') {
                (c.to_uppercase(), true)
            } else {
                rep.reject(line.no, line.raw, "agent code without '~'");
                continue;
            };
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                rep.reject(line.no, line.raw, "bad agent code");
                continue;
            }
            let (root, plurals) = match phrase.find('{') {
                Some(open) => match phrase[open..].find('}') {
                    Some(close) => (
                        &phrase[..open],
                        Some(phrase[open + 1..open + close].split_whitespace().collect::<Vec<_>>()),
                    ),
                    None => {
                        rep.reject(line.no, line.raw, "unclosed '{'");
                        continue;
                    }
                },
                None => (phrase, None),
            };
            let mut phrases: Vec<String> = Vec::new();
            let root = root.trim().to_uppercase();
            if root.is_empty() || phrase[phrase.find('}').unwrap_or(0)..].contains('{') {
                rep.reject(line.no, line.raw, "agent without a phrase");
                continue;
            }
            phrases.push(root.clone());
            match plurals {
                Some(p) => phrases.extend(p.iter().map(|s| s.to_uppercase())),
                None if !root.contains('!') => {
                    let words: Vec<&str> = root.split(['_', ' ']).collect();
                    let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
                    if let Some(last) = w.last_mut() {
                        *last = plural(last);
                    }
                    phrases.push(w.join("_"));
                }
                None => {}
            }
            let mut expanded = Vec::new();
            for p in phrases {
                match expand_substitution(&p, &d.substitutions) {
                    Ok(v) => expanded.extend(v),
                    Err(why) => {
                        rep.reject(line.no, line.raw, &why);
                        expanded.clear();
                        break;
                    }
                }
            }
            if expanded.is_empty() {
                continue;
            }
            rep.entries += 1;
            for p in expanded {
                let (words, gaps) = phrase_words_gaps(&p);
                if !words.is_empty() {
                    d.entries.push(AgentEntry {
                        line: line.no,
                        words,
                        gaps,
                        code: code.clone(),
                        prefix,
                    });
                }
            }
        }
        d.reindex();
        (d, rep)
    }

    fn reindex(&mut self) {
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.index.entry(e.words[0].clone()).or_default().push(i as u32);
        }
        let entries = &self.entries;
        for v in self.index.values_mut() {
            v.sort_by(|a, b| entries[*b as usize].words.len().cmp(&entries[*a as usize].words.len()));
        }
    }

    /// The longest agent phrase starting at `words[0]`, consecutive words only.
    pub fn longest_match(&self, words: &[String]) -> Option<(usize, &AgentEntry)> {
        self.longest_match_at(words, 0, 0)
    }

    /// The longest agent phrase starting at `words[start]` (gaps as for actors): (end, entry).
    pub fn longest_match_at(&self, words: &[String], start: usize, max_gap: usize) -> Option<(usize, &AgentEntry)> {
        let cands = self.index.get(words.get(start)?)?;
        cands
            .iter()
            .map(|&i| &self.entries[i as usize])
            .find_map(|e| match_phrase(&e.words, &e.gaps, words, start, max_gap).map(|end| (end, e)))
    }
}

/// Replace one `!NAME!` marker by each member of its set.
fn expand_substitution(p: &str, subs: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(open) = p.find('!') else {
        return Ok(vec![p.to_string()]);
    };
    let close = p[open + 1..].find('!').ok_or("unclosed '!' marker")? + open + 1;
    let name = &p[open + 1..close];
    let items = subs.get(name).ok_or_else(|| format!("undefined substitution !{name}!"))?;
    let mut out = Vec::new();
    for it in items {
        out.extend(expand_substitution(&format!("{}{}{}", &p[..open], it, &p[close + 1..]), subs)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_substitutions_and_prefix_codes() {
        let t = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\n\
                 GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMSF {}  [NGO~]\nMINISTER [~GOV]\nBAD [GOV]\n";
        let (d, r) = AgentDictionary::parse(t, "f");
        assert_eq!(r.unparsed.len(), 1);
        assert_eq!(r.unparsed[0].line, 7);
        let w = |s: &str| s.split(' ').map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(d.longest_match(&w("CONGRESSMEN")).unwrap().1.code, "LEG");
        assert!(d.longest_match(&w("POLICES")).is_none());
        assert_eq!(d.longest_match(&w("GOLDEN GEESE")).unwrap().0, 2);
        assert!(d.longest_match(&w("MSF")).unwrap().1.prefix);
        assert_eq!(d.longest_match(&w("MINISTERS")).unwrap().1.code, "GOV");
    }
}
