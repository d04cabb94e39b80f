//! Noun phrases: comma-clause deletion and actor codes (actors, agents, coordination,
//! "agent of actor" phrases, dictionary phrases across "of").

use crate::coder::{Coder, Sentence, OF_PREPS};
use crate::tree::Tree;
use chrono::NaiveDate;

impl Coder {
    // ---------------------------------------------------------------- comma clauses

    /// Delete comma-delimited stretches among the children of each phrase, as TABARI did:
    /// internal (between commas), initial and terminal stretches whose word counts fall within
    /// the configured limits. Coordinations (a phrase with a `CC` child) keep their parts.
    pub(crate) fn delete_comma_clauses(&self, s: &mut Sentence, n: usize) {
        let t = s.tree;
        let kids = t.nodes[n].children.clone();
        let is_comma = |c: usize| t.nodes[c].word.is_some_and(|w| t.words[w].tag == ",");
        let has_cc = kids.iter().any(|&c| t.label(c) == "CC");
        let commas: Vec<usize> = kids.iter().enumerate().filter(|(_, &c)| is_comma(c)).map(|(i, _)| i).collect();
        if !commas.is_empty() && !has_cc {
            let count = |a: usize, b: usize| -> usize {
                kids[a..b]
                    .iter()
                    .flat_map(|&c| t.words_under(c))
                    .filter(|&w| !matches!(t.words[w].tag.as_str(), "." | "," | ":" | "``" | "''"))
                    .count()
            };
            let mut del: Vec<(usize, usize)> = Vec::new();
            let c = &self.config;
            // initial stretch
            let first = commas[0];
            if first > 0 && c.comma_bmax > 0 {
                let k = count(0, first);
                if k >= c.comma_bmin && k <= c.comma_bmax {
                    del.push((0, first + 1));
                }
            }
            for pair in commas.windows(2) {
                let (a, b) = (pair[0] + 1, pair[1]);
                if c.comma_max > 0 {
                    let k = count(a, b);
                    if k >= c.comma_min && k <= c.comma_max && k > 0 {
                        del.push((a, b + 1));
                    }
                }
            }
            // terminal stretch, up to a final full stop
            let last = *commas.last().unwrap_or(&0);
            let mut end = kids.len();
            while end > last + 1 && t.nodes[kids[end - 1]].word.is_some_and(|w| t.words[w].tag == ".") {
                end -= 1;
            }
            if end > last + 1 && c.comma_emax > 0 {
                let k = count(last + 1, end);
                if k >= c.comma_emin && k <= c.comma_emax {
                    del.push((last, end));
                }
            }
            for (a, b) in del {
                for &k in &kids[a..b] {
                    for w in t.words_under(k) {
                        s.deleted[w] = true;
                    }
                }
            }
        }
        for k in kids {
            self.delete_comma_clauses(s, k);
        }
    }

    // ---------------------------------------------------------------- noun phrases

    /// Compute actor codes for every NP under `n` (bottom-up); returns the codes of `n` if NP.
    pub(crate) fn code_nps(&self, s: &mut Sentence, n: usize, date: Option<NaiveDate>) -> Vec<String> {
        let t = s.tree;
        let kids = t.nodes[n].children.clone();
        let mut kid_codes: Vec<Vec<String>> = Vec::with_capacity(kids.len());
        for &k in &kids {
            kid_codes.push(self.code_nps(s, k, date));
        }
        if t.label(n) != "NP" {
            return Vec::new();
        }
        let np_kids: Vec<usize> = (0..kids.len()).filter(|&i| t.label(kids[i]) == "NP").collect();
        let is_possessive = |k: usize| {
            t.words_under(k)
                .last()
                .is_some_and(|&w| t.words[w].tag == "POS" || t.words[w].upper == "'S")
        };
        let is_leaf_tag = |k: usize, tag: &str| t.nodes[k].word.is_some_and(|w| t.words[w].tag == tag);
        let has_cc = kids.iter().any(|&k| t.label(k) == "CC");
        let has_comma = kids.iter().any(|&k| is_leaf_tag(k, ","));
        let live = |k: usize| -> Vec<usize> { t.words_under(k).into_iter().filter(|&w| !s.deleted[w]).collect() };
        // coordination: the children split at CC (and commas) into two or more segments
        let mut segments: Vec<Vec<usize>> = vec![Vec::new()];
        if has_cc || (has_comma && np_kids.len() >= 2) {
            for (i, &k) in kids.iter().enumerate() {
                if is_leaf_tag(k, "CC") || is_leaf_tag(k, ",") {
                    segments.push(Vec::new());
                } else if let Some(sg) = segments.last_mut() {
                    sg.push(i);
                }
            }
            segments.retain(|sg| !sg.is_empty());
        }
        let coordination = segments.len() >= 2
            && !np_kids.is_empty()
            && np_kids
                .iter()
                .all(|&i| !is_possessive(kids[i]) || segments.iter().any(|sg| sg.len() > 1));
        let codes = if coordination {
            let mut all: Vec<String> = Vec::new();
            for sg in &segments {
                let seg_codes = match sg.as_slice() {
                    [i] if t.label(kids[*i]) == "NP" => kid_codes[*i].clone(),
                    _ => {
                        let words: Vec<usize> = sg.iter().flat_map(|&i| live(kids[i])).collect();
                        self.code_words(t, &[words], date)
                    }
                };
                for c in seg_codes {
                    if !all.contains(&c) {
                        all.push(c);
                    }
                }
            }
            all
        } else if np_kids.iter().all(|&i| is_possessive(kids[i])) {
            // a base noun phrase; a coordinator among its own words separates parts
            let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
            for &k in &kids {
                if has_cc && (is_leaf_tag(k, "CC") || is_leaf_tag(k, ",")) {
                    parts.push(Vec::new());
                } else if let Some(p) = parts.last_mut() {
                    p.extend(live(k));
                }
            }
            self.code_words(t, &parts, date)
        } else {
            let head = np_kids[0];
            let hc = kid_codes[head].clone();
            // the PP right after the head, when it is introduced by one of OF_PREPS
            let pp = kids.get(head + 1).copied().filter(|&k| t.label(k) == "PP");
            let pp_prep = pp.and_then(|k| t.nodes[k].children.first().and_then(|&c| t.nodes[c].word));
            let pp_np = pp.and_then(|k| t.nodes[k].children.iter().copied().find(|&c| t.label(c) == "NP"));
            let mut codes = hc.clone();
            let only_nps = kids
                .iter()
                .all(|&k| t.label(k) == "NP" || is_leaf_tag(k, ",") || is_leaf_tag(k, ":"));
            if codes.is_empty() && only_nps {
                // apposition: "Old foes Gondor and Osgiliath"
                codes = np_kids
                    .iter()
                    .map(|&i| kid_codes[i].clone())
                    .find(|c| !c.is_empty())
                    .unwrap_or_default();
            }
            if let (Some(k), Some(prep), Some(np)) = (pp, pp_prep, pp_np) {
                let prep_word = t.words[prep].upper.as_str();
                // a dictionary phrase across "of": "Ministry of Silly Walks", "Prince of Dol Amroth"
                let head_words = live(kids[head]);
                let all: Vec<usize> = head_words.iter().copied().chain(live(k)).collect();
                let upper: Vec<String> = all.iter().map(|&w| t.words[w].upper.clone()).collect();
                let pc = s.codes.get(&np).cloned().unwrap_or_default();
                let coordinated = pc.len() > 1;
                if prep_word == "OF" && !coordinated && self.crosses(&upper, head_words.len(), date) {
                    codes = self.code_words(t, &[all], date);
                } else if OF_PREPS.contains(&prep_word) && !hc.is_empty() && hc.iter().all(|c| c.starts_with("---")) {
                    // "ambassadors of X", "activists in X", "soldiers from X"
                    let mut combined = Vec::new();
                    for a in pc.iter().filter(|c| !c.starts_with("---")) {
                        for g in &hc {
                            let c = combine(a, &g[3..]);
                            if !combined.contains(&c) {
                                combined.push(c);
                            }
                        }
                    }
                    if !combined.is_empty() {
                        codes = combined;
                    }
                }
            }
            codes
        };
        s.codes.insert(n, codes.clone());
        codes
    }

    /// Does a dictionary phrase that starts before word `boundary` end after it?
    pub(crate) fn crosses(&self, words: &[String], boundary: usize, date: Option<NaiveDate>) -> bool {
        let gap = words.len();
        (0..boundary.min(words.len())).any(|i| {
            let a = self.dicts.actors.longest_match_at(words, i, gap);
            let a_end = a.filter(|(_, e)| e.code_on(date).is_some()).map_or(0, |(e, _)| e);
            let g_end = self.dicts.agents.longest_match_at(words, i, gap).map_or(0, |(e, _)| e);
            a_end.max(g_end) > boundary + 1
        })
    }

    /// Codes for the parts (word lists) of a base noun phrase.
    pub(crate) fn code_words(&self, t: &Tree, parts: &[Vec<usize>], date: Option<NaiveDate>) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        let mut borrow: Option<String> = None;
        for p in parts {
            let words: Vec<String> = p
                .iter()
                .map(|&w| &t.words[w])
                .filter(|wd| !(wd.tag == "POS" || wd.upper == "'S" || wd.upper == "'"))
                .map(|wd| wd.upper.clone())
                .collect();
            let (c, modifiers) = self.code_part_full(&words, date);
            if borrow.is_none() {
                borrow = modifiers;
            }
            codes.extend(c);
        }
        // "Danish Islamist media and government": the modifiers of the first coded part
        // (actor and all but its head agent) carry over to agent-only parts
        if let Some(m) = borrow {
            for c in codes.iter_mut().filter(|c| c.starts_with("---")) {
                *c = combine(&m, &c[3..]);
            }
        }
        let mut out: Vec<String> = Vec::new();
        for c in codes {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// Scan words for the first actor and any agents: `PREFIX + ACTOR + AGENTS`; an actor code
    /// with `/` (`FRO/BIL/SAM`) stands for several actors. Also returns the part's modifiers
    /// (prefixes, actor, agents but the last) when it has an actor.
    pub(crate) fn code_part_full(&self, words: &[String], date: Option<NaiveDate>) -> (Vec<String>, Option<String>) {
        let mut actor: Option<String> = None;
        let mut agents: Vec<String> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let mut i = 0;
        let gap = words.len();
        while i < words.len() {
            let a = self.dicts.actors.longest_match_at(words, i, gap);
            let g = self.dicts.agents.longest_match_at(words, i, gap);
            match (a, g) {
                (Some((ae, entry)), g) if g.is_none_or(|(ge, _)| ae >= ge) => {
                    if actor.is_none() {
                        actor = entry.code_on(date).map(|c| c.to_string());
                    }
                    i = ae;
                }
                (_, Some((ge, ag))) => {
                    if ag.prefix {
                        prefixes.push(ag.code.clone());
                    } else if !agents.contains(&ag.code) {
                        agents.push(ag.code.clone());
                    }
                    i = ge;
                }
                _ => i += 1,
            }
        }
        if actor.is_none() && agents.is_empty() && prefixes.is_empty() {
            return (Vec::new(), None);
        }
        let modifiers = actor.as_ref().filter(|a| !a.contains('/') && *a != "---").map(|a| {
            let mut m = prefixes.concat();
            m.push_str(a);
            for g in agents.iter().take(agents.len().saturating_sub(1)) {
                m = combine(&m, g);
            }
            m
        });
        let actors: Vec<String> = match &actor {
            Some(a) => a.split('/').filter(|x| !x.is_empty()).map(String::from).collect(),
            None if prefixes.is_empty() => vec!["---".to_string()],
            None => vec![String::new()],
        };
        let codes = actors
            .into_iter()
            .map(|a| {
                let mut code = prefixes.concat();
                code.push_str(&a);
                for g in &agents {
                    code = combine(&code, g);
                }
                code
            })
            .collect();
        (codes, modifiers)
    }
}

/// Append an agent code unless the code already holds it (`USAGOV` + `GOV` stays `USAGOV`).
pub(crate) fn combine(code: &str, agent: &str) -> String {
    if agent.is_empty() {
        return code.to_string();
    }
    let chunks: Vec<&str> = (0..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..(i + 3).min(code.len())))
        .collect();
    let agent_chunks: Vec<&str> = (0..agent.len())
        .step_by(3)
        .filter_map(|i| agent.get(i..(i + 3).min(agent.len())))
        .collect();
    if agent_chunks.iter().all(|a| chunks.contains(a)) {
        return code.to_string();
    }
    format!("{code}{agent}")
}

/// A noun phrase made only of pronouns ("it", "he", "they").
pub(crate) fn is_pronoun(t: &Tree, np: usize) -> bool {
    let w = t.words_under(np);
    !w.is_empty() && w.iter().all(|&w| matches!(t.words[w].tag.as_str(), "PRP" | "PRP$" | "EX"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combine_skips_codes_already_present() {
        assert_eq!(combine("USAGOV", "GOV"), "USAGOV");
        assert_eq!(combine("ARN", "GOVFRM"), "ARNGOVFRM");
        assert_eq!(combine("---", "GOV"), "---GOV");
    }
}
