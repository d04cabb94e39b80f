//! Linking events to the expression that dates them: one governed by the trigger in the
//! dependency parse, else one in the same clause; without a parse, the nearest in the sentence.

use tacitus_doc::syntax::ROOT;
use tacitus_doc::{DepRel, Document, Timex, Upos};

/// Does this expression date an event? Durations, sets and vague references do not.
fn dates_events(t: &Timex) -> bool {
    (t.kind == "DATE" || t.kind == "TIME") && !t.value.ends_with("_REF") && !t.value.contains('X')
}

/// Relations by which a trigger (or a noun trigger) governs its time.
fn temporal_rel(r: DepRel) -> bool {
    matches!(
        r,
        DepRel::Obl
            | DepRel::OblTmod
            | DepRel::OblNpmod
            | DepRel::OblUnmarked
            | DepRel::Nmod
            | DepRel::NmodTmod
            | DepRel::NmodNpmod
            | DepRel::NmodUnmarked
            | DepRel::Advmod
            | DepRel::Nummod
            | DepRel::Compound
            | DepRel::Amod
            | DepRel::Appos
            | DepRel::Flat
    )
}

/// The head token of a byte span: its token whose head lies outside it.
fn span_head(doc: &Document, start: u32, end: u32) -> Option<usize> {
    let first = doc.tokens.partition_point(|t| t.span.end <= start);
    let last = doc.tokens.partition_point(|t| t.span.start < end);
    if first >= last || !doc.has_syntax() {
        return None;
    }
    (first..last).find(|&k| {
        let h = doc.syntax[k].head;
        h == ROOT || (h as usize) < first || (h as usize) >= last
    })
}

/// First verb at or above a token.
fn clause_verb(doc: &Document, mut k: usize) -> Option<usize> {
    for _ in 0..12 {
        let s = doc.syntax.get(k)?;
        if matches!(s.upos, Upos::Verb) || s.deprel == DepRel::Root {
            return Some(k);
        }
        if s.head == ROOT {
            return Some(k);
        }
        k = s.head as usize;
    }
    None
}

/// Fill `event.timex` for every event of the document.
pub fn attach(doc: &mut Document) {
    let mut links = Vec::with_capacity(doc.events.len());
    for ev in &doc.events {
        links.push(link(doc, ev.trigger as usize, ev.sentence as usize));
    }
    for (ev, l) in doc.events.iter_mut().zip(links) {
        ev.timex = l;
    }
}

fn link(doc: &Document, trigger: usize, sentence: usize) -> Option<u32> {
    let sent = doc.sentences.get(sentence)?;
    let trig_span = doc.tokens.get(trigger)?.span;
    let cands: Vec<usize> = (0..doc.timexes.len())
        .filter(|&i| dates_events(&doc.timexes[i]) && sent.span.contains(doc.timexes[i].span))
        .collect();
    if cands.is_empty() {
        return None;
    }
    if doc.has_syntax() {
        // 1. governed by the trigger (directly or through one intermediate word)
        let mut best: Option<(usize, usize)> = None;
        for &c in &cands {
            let Some(h) = span_head(doc, doc.timexes[c].span.start, doc.timexes[c].span.end) else {
                continue;
            };
            let mut k = h;
            for depth in 0..3 {
                let Some(s) = doc.syntax.get(k) else { break };
                if s.head == ROOT {
                    break;
                }
                if depth == 0 && !temporal_rel(s.deprel) {
                    break;
                }
                if s.head as usize == trigger {
                    let closer = match best {
                        Some((_, d)) => depth < d,
                        None => true,
                    };
                    if closer {
                        best = Some((c, depth));
                    }
                    break;
                }
                k = s.head as usize;
            }
        }
        if let Some((c, _)) = best {
            return Some(c as u32);
        }
        // 2. in the same clause as the trigger
        let tverb = clause_verb(doc, trigger);
        return cands
            .iter()
            .copied()
            .filter(|&c| {
                span_head(doc, doc.timexes[c].span.start, doc.timexes[c].span.end)
                    .and_then(|h| clause_verb(doc, h))
                    .is_some_and(|v| Some(v) == tverb)
            })
            .min_by_key(|&c| distance(doc.timexes[c].span.start, trig_span.start))
            .map(|c| c as u32);
    }
    // no parse: the nearest expression in the sentence
    cands
        .into_iter()
        .min_by_key(|&c| distance(doc.timexes[c].span.start, trig_span.start))
        .map(|c| c as u32)
}

fn distance(a: u32, b: u32) -> u32 {
    a.abs_diff(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tacitus_doc::{Event, Modality, Sentence, Span, Token, TokenSyntax};

    fn event(trigger: u32, sentence: u32) -> Event {
        Event {
            sentence,
            trigger,
            trigger_span: Span::new(0, 0),
            actors: vec![],
            recipients: vec![],
            cameo: "040".into(),
            modality: Modality::Asserted,
            attributed_to: None,
            timex: None,
            place: None,
            rule: "t".into(),
            confidence: 1.0,
        }
    }

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .scan(0u32, |pos, w| {
                let s = *pos;
                *pos += w.len() as u32 + 1;
                Some(Token {
                    span: Span::new(s, s + w.len() as u32),
                })
            })
            .collect()
    }

    #[test]
    fn governed_expression_wins_over_nearer_one() {
        // "Leaders met on Monday after the 2020 war"
        let text = "Leaders met on Monday after the 2020 war";
        let mut doc = Document::new("d", text, chrono::NaiveDate::from_ymd_opt(2022, 10, 31));
        doc.tokens = tokens(text);
        doc.sentences = vec![Sentence {
            span: Span::new(0, text.len() as u32),
            first_token: 0,
            end_token: 8,
        }];
        let syn = |upos, head, deprel| TokenSyntax {
            upos,
            xpos: 0,
            lemma: String::new(),
            head,
            deprel,
        };
        doc.syntax = vec![
            syn(Upos::Noun, 1, DepRel::Nsubj),
            syn(Upos::Verb, ROOT, DepRel::Root),
            syn(Upos::Adp, 3, DepRel::Case),
            syn(Upos::Propn, 1, DepRel::Obl),
            syn(Upos::Adp, 7, DepRel::Case),
            syn(Upos::Det, 7, DepRel::Det),
            syn(Upos::Num, 7, DepRel::Nummod),
            syn(Upos::Noun, 1, DepRel::Obl),
        ];
        crate::TimeTagger::new().tag(&mut doc);
        assert_eq!(doc.timexes.len(), 2);
        doc.events = vec![event(1, 0), event(7, 0)];
        attach(&mut doc);
        assert_eq!(doc.events[0].timex, Some(0)); // met ← Monday
        assert_eq!(doc.events[1].timex, Some(1)); // war ← 2020
    }

    #[test]
    fn without_parse_nearest_in_sentence() {
        let text = "They met in 2020. Talks resumed.";
        let mut doc = Document::new("d", text, None);
        doc.tokens = tokens(text);
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, 17),
                first_token: 0,
                end_token: 4,
            },
            Sentence {
                span: Span::new(18, 32),
                first_token: 4,
                end_token: 6,
            },
        ];
        crate::TimeTagger::new().tag(&mut doc);
        doc.events = vec![event(1, 0), event(5, 1)];
        attach(&mut doc);
        assert_eq!(doc.events[0].timex, Some(0));
        assert_eq!(doc.events[1].timex, None);
    }
}
