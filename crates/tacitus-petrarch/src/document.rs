//! Coding a dependency-parsed [`Document`]: each sentence's phrase tree (built by
//! [`crate::deptree`]) is coded and the events are written to `doc.actors` and `doc.events`
//! like the main coder does.

use crate::coder::{CodedEvent, Coder};
use crate::deptree;
use crate::tree::Tree;
use tacitus_doc::{ActorCode, ActorMention, Document, Event, Modality, Span};

/// Split a CAMEO-style actor code into country and the rest (`ARNGOV` → `ARN` + `GOV`).
pub fn actor_code(code: &str) -> ActorCode {
    if code.starts_with('"') {
        return ActorCode::new("", "");
    }
    let cut = code.char_indices().nth(3).map_or(code.len(), |(i, _)| i);
    let (country, rest) = code.split_at(cut);
    let country = if country == "---" { "" } else { country };
    ActorCode::new(country, rest)
}

impl Coder {
    /// Code every sentence of `doc` (which needs its syntax layer); appends to `doc.actors`
    /// and `doc.events`. Returns the number of events added. Sentences without syntax, and
    /// discarded sentences, add nothing.
    pub fn code(&self, doc: &mut Document) -> usize {
        let mut added = 0;
        for si in 0..doc.sentences.len() {
            let Some(tree) = deptree::sentence_tree(doc, si) else {
                continue;
            };
            let sent = doc.sentences[si];
            let text = doc.slice(sent.span).to_string();
            let Ok(events) = self.code_tree(&tree, &text, doc.date) else {
                continue;
            };
            for e in events {
                if self.add_event(doc, si as u32, &tree, &e) {
                    added += 1;
                }
            }
        }
        added
    }

    fn add_event(&self, doc: &mut Document, sentence: u32, tree: &Tree, e: &CodedEvent) -> bool {
        let Some(trigger) = tree.words[e.verb].token else {
            return false;
        };
        let source = mention(doc, sentence, tree, e.source_np, &e.source, &e.rule);
        let target = mention(doc, sentence, tree, e.target_np, &e.target, &e.rule);
        let trigger_span = doc.tokens[trigger as usize].span;
        doc.events.push(Event {
            sentence,
            trigger,
            trigger_span,
            actors: source.into_iter().collect(),
            recipients: target.into_iter().collect(),
            cameo: e.code.clone(),
            modality: Modality::Asserted,
            attributed_to: None,
            timex: None,
            place: None,
            rule: format!("petrarch: {}", e.rule),
            confidence: 0.5,
        });
        true
    }
}

/// The actor mention for noun phrase `np` with `code`, reusing an identical one.
fn mention(doc: &mut Document, sentence: u32, tree: &Tree, np: Option<usize>, code: &str, rule: &str) -> Option<u32> {
    let np = np?;
    if code == "---" {
        return None;
    }
    let toks: Vec<u32> = tree.words_under(np).iter().filter_map(|&w| tree.words[w].token).collect();
    let (&first, &last) = (toks.iter().min()?, toks.iter().max()?);
    let span = Span::new(doc.tokens[first as usize].span.start, doc.tokens[last as usize].span.end);
    let code = actor_code(code);
    if let Some(i) = doc.actors.iter().position(|a| a.span == span && a.code == code) {
        return Some(i as u32);
    }
    // head: the token whose dependency head lies outside the phrase
    let head = toks
        .iter()
        .copied()
        .find(|&t| doc.syntax.get(t as usize).is_some_and(|s| !toks.contains(&s.head)))
        .unwrap_or(last);
    doc.actors.push(ActorMention {
        span,
        head,
        sentence,
        code,
        name: None,
        rule: format!("petrarch: {rule}"),
        antecedent: None,
    });
    Some(doc.actors.len() as u32 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coder::Config;
    use crate::dicts::Dictionaries;
    use tacitus_dict::petrarch::{ActorDictionary, AgentDictionary, VerbDictionary};
    use tacitus_doc::syntax::{xpos_index, ROOT};
    use tacitus_doc::{DepRel, Sentence, Token, TokenSyntax, Upos};

    /// "Arnor police arrested students in Gondor." with hand-made UD syntax.
    fn doc() -> Document {
        let text = "Arnor police arrested students in Gondor.";
        let mut d = Document::new("t", text, None);
        let toks: [(&str, Upos, &str, u32, DepRel); 7] = [
            ("Arnor", Upos::Propn, "NNP", 1, DepRel::Compound),
            ("police", Upos::Noun, "NNS", 2, DepRel::Nsubj),
            ("arrested", Upos::Verb, "VBD", ROOT, DepRel::Root),
            ("students", Upos::Noun, "NNS", 2, DepRel::Obj),
            ("in", Upos::Adp, "IN", 5, DepRel::Case),
            ("Gondor", Upos::Propn, "NNP", 2, DepRel::Obl),
            (".", Upos::Punct, ".", 2, DepRel::Punct),
        ];
        let mut pos = 0;
        for (w, upos, xpos, head, rel) in toks {
            let start = text[pos..].find(w).map(|p| p + pos).unwrap_or(pos);
            pos = start + w.len();
            d.tokens.push(Token {
                span: Span::new(start as u32, pos as u32),
            });
            d.syntax.push(TokenSyntax {
                upos,
                xpos: xpos_index(xpos).unwrap_or(0),
                lemma: w.to_lowercase(),
                head,
                deprel: rel,
            });
        }
        d.sentences.push(Sentence {
            span: Span::new(0, text.len() as u32),
            first_token: 0,
            end_token: 7,
        });
        d
    }

    fn coder() -> Coder {
        let mut a = ActorDictionary::default();
        a.add_text("ARNOR [ARN]\nGONDOR [GON]\n", "a");
        let dicts = Dictionaries {
            verbs: VerbDictionary::parse("--- ARREST [212] ---\nARREST\n", "v").0,
            actors: a,
            agents: AgentDictionary::parse("POLICE {} [~COP]\nSTUDENT [~EDU]\n", "g").0,
            ..Default::default()
        };
        Coder::new(dicts, Config::default())
    }

    #[test]
    fn dependency_view_has_noun_and_verb_phrases() {
        let t = deptree::sentence_tree(&doc(), 0).unwrap();
        let labels: Vec<&str> = (0..t.nodes.len()).map(|n| t.label(n)).collect();
        assert!(labels.contains(&"S") && labels.contains(&"VP") && labels.contains(&"NP"));
        let np = (0..t.nodes.len()).find(|&n| t.label(n) == "NP").unwrap();
        let words: Vec<&str> = t.words_under(np).iter().map(|&w| t.words[w].text.as_str()).collect();
        assert_eq!(words, ["Arnor", "police"]);
    }

    #[test]
    fn codes_a_dependency_parsed_document() {
        let mut d = doc();
        assert_eq!(coder().code(&mut d), 1);
        let e = &d.events[0];
        assert_eq!(e.cameo, "212");
        assert_eq!(d.token_text(e.trigger as usize), "arrested");
        let src = &d.actors[e.actors[0] as usize];
        assert_eq!(src.code.code(), "ARNCOP");
        assert_eq!(d.slice(src.span), "Arnor police");
        let tgt = &d.actors[e.recipients[0] as usize];
        assert_eq!(tgt.code.sector, "EDU");
    }

    #[test]
    fn no_syntax_no_events() {
        let mut d = doc();
        d.syntax.clear();
        assert_eq!(coder().code(&mut d), 0);
        assert!(d.events.is_empty());
    }

    #[test]
    fn actor_codes_split_country_and_rest() {
        assert_eq!(actor_code("ARNGOVFRM").country, "ARN");
        assert_eq!(actor_code("ARNGOVFRM").sector, "GOVFRM");
        assert_eq!(actor_code("---GOV").country, "");
        assert_eq!(actor_code("ÉÉÉÉGOV").sector, "ÉGOV");
        assert_eq!(actor_code("AB").country, "AB");
    }
}
