//! Tense of the clause around an expression, to pick the past or the coming "Monday" or
//! "September": from the dependency parse when present, else from nearby cue words.

use crate::resolve::Dir;
use crate::scan::{boundary_before, Tok};
use tacitus_doc::syntax::ROOT;
use tacitus_doc::{DepRel, Document, Upos};

const BACK_WINDOW: usize = 12;
const FORWARD_WINDOW: usize = 8;

fn cue(toks: &[Tok<'_>], i: usize) -> Option<Dir> {
    let w = toks.get(i)?.lower.as_ref();
    match w {
        // "due to the storm" is a cause, "due to be published" a plan
        "due" => {
            let after = toks.get(i + 2).map_or("", |t| t.lower.as_ref());
            let cause = toks.get(i + 1).is_some_and(|t| t.lower == "to")
                && (matches!(
                    after,
                    "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "these" | "those" | "heavy" | "poor" | "lack"
                ) || toks.get(i + 2).is_some_and(|t| t.upper));
            (!cause).then_some(Dir::Future)
        }
        "will" | "shall" | "ll" | "scheduled" | "expected" | "expects" | "plans" | "planned" | "plan" | "intends" | "upcoming"
        | "postponed" | "delayed" | "adjourned" | "tomorrow" => Some(Dir::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "yesterday" | "has" | "have" | "been" => Some(Dir::Past),
        _ => None,
    }
}

/// A regular or common irregular past-tense verb form (not after "be"/"to": "to be published").
fn past_verb(toks: &[Tok<'_>], i: usize) -> bool {
    let w = toks[i].lower.as_ref();
    let after_be = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        matches!(
            p.lower.as_ref(),
            "be" | "to" | "being" | "will" | "would" | "is" | "are" | "get" | "gets" | "been"
        )
    });
    if after_be {
        return false;
    }
    (w.len() >= 5 && w.ends_with("ed") && !matches!(w, "need" | "speed" | "breed" | "proceed" | "exceed" | "succeed"))
        || matches!(
            w,
            "met"
                | "held"
                | "began"
                | "left"
                | "came"
                | "went"
                | "took"
                | "made"
                | "gave"
                | "saw"
                | "found"
                | "spoke"
                | "sent"
                | "won"
                | "lost"
                | "fought"
                | "struck"
                | "broke"
                | "fell"
                | "led"
                | "rose"
                | "wrote"
                | "paid"
                | "sought"
                | "knew"
                | "thought"
                | "became"
                | "brought"
                | "kept"
                | "ran"
                | "stood"
                | "chose"
        )
}

/// Direction from cue words in the same sentence: the nearest cue before the expression,
/// else the nearest after it; past by default (news reports what happened).
pub fn dir_from_words(toks: &[Tok<'_>], start: usize, end: usize) -> Dir {
    // "until Saturday", "through June": the range runs forward from now, unless a past
    // auxiliary says otherwise ("did not seek help until April 28")
    let prev = start.checked_sub(1).and_then(|p| toks.get(p));
    if prev.is_some_and(|p| matches!(p.lower.as_ref(), "until" | "till" | "through")) {
        let mut i = start;
        let mut n = 0;
        while i > 0 && n < BACK_WINDOW && !boundary_before(toks, i) {
            i -= 1;
            n += 1;
            if matches!(toks[i].lower.as_ref(), "was" | "were" | "had" | "did" | "ago") {
                return Dir::Past;
            }
        }
        return Dir::Future;
    }
    cue_direction(toks, start, end).unwrap_or(Dir::Past)
}

fn cue_direction(toks: &[Tok<'_>], start: usize, end: usize) -> Option<Dir> {
    let mut i = start;
    let mut n = 0;
    while i > 0 && n < BACK_WINDOW && !boundary_before(toks, i) {
        i -= 1;
        n += 1;
        if let Some(d) = cue(toks, i) {
            return Some(d);
        }
        if past_verb(toks, i) {
            return Some(Dir::Past);
        }
    }
    let mut i = end;
    let mut n = 0;
    while i < toks.len() && n < FORWARD_WINDOW && !boundary_before(toks, i) {
        if let Some(d) = cue(toks, i) {
            return Some(d);
        }
        if past_verb(toks, i) {
            return Some(Dir::Past);
        }
        i += 1;
        n += 1;
    }
    None
}

/// Direction from the parse: the verb governing the expression's tokens, and its auxiliaries.
/// `None` when the parse does not decide.
pub fn dir_from_syntax(doc: &Document, start_byte: u32, end_byte: u32) -> Option<Dir> {
    if !doc.has_syntax() {
        return None;
    }
    let first = doc.tokens.partition_point(|t| t.span.end <= start_byte);
    let last = doc.tokens.partition_point(|t| t.span.start < end_byte);
    if first >= last {
        return None;
    }
    // the head of the expression: a token whose head lies outside it
    let head = (first..last).find(|&k| {
        let h = doc.syntax[k].head;
        h == ROOT || (h as usize) < first || (h as usize) >= last
    })?;
    // climb to the first verb
    let mut v = doc.syntax[head].head;
    let mut steps = 0;
    while v != ROOT && steps < 6 {
        let s = doc.syntax.get(v as usize)?;
        if matches!(s.upos, Upos::Verb | Upos::Aux) {
            break;
        }
        v = s.head;
        steps += 1;
    }
    if v == ROOT {
        return None;
    }
    let verb = doc.syntax.get(v as usize)?;
    if !matches!(verb.upos, Upos::Verb | Upos::Aux) {
        return None;
    }
    let sent = doc.sentence_of(v).and_then(|s| doc.sentences.get(s as usize))?;
    let mut past = matches!(verb.xpos_str(), "VBD");
    for k in sent.token_range() {
        let s = doc.syntax.get(k)?;
        if s.head != v || !matches!(s.deprel, DepRel::Aux | DepRel::AuxPass) {
            continue;
        }
        match s.lemma.as_str() {
            "will" | "shall" | "'ll" => return Some(Dir::Future),
            _ if s.xpos_str() == "VBD" => past = true,
            "have" => past = true,
            _ => {}
        }
    }
    past.then_some(Dir::Past)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn dir(text: &str, word: &str) -> Dir {
        let t = scan(text);
        let i = t.iter().position(|t| t.lower == word).unwrap_or(0);
        dir_from_words(&t, i, i + 1)
    }

    #[test]
    fn parse_decides_before_words() {
        use tacitus_doc::{Sentence, Span, Token, TokenSyntax};
        // "Leaders said they will meet Friday": the words alone see "said" first
        let text = "Leaders said they will meet Friday";
        let mut doc = Document::new("d", text, None);
        let mut pos = 0u32;
        for w in text.split(' ') {
            doc.tokens.push(Token {
                span: Span::new(pos, pos + w.len() as u32),
            });
            pos += w.len() as u32 + 1;
        }
        doc.sentences = vec![Sentence {
            span: Span::new(0, pos - 1),
            first_token: 0,
            end_token: 6,
        }];
        let syn = |upos, xpos: &str, lemma: &str, head, deprel| TokenSyntax {
            upos,
            xpos: tacitus_doc::syntax::xpos_index(xpos).unwrap_or(0),
            lemma: lemma.into(),
            head,
            deprel,
        };
        doc.syntax = vec![
            syn(Upos::Noun, "NNS", "leader", 1, DepRel::Nsubj),
            syn(Upos::Verb, "VBD", "say", ROOT, DepRel::Root),
            syn(Upos::Pron, "PRP", "they", 4, DepRel::Nsubj),
            syn(Upos::Aux, "MD", "will", 4, DepRel::Aux),
            syn(Upos::Verb, "VB", "meet", 1, DepRel::Ccomp),
            syn(Upos::Propn, "NNP", "Friday", 4, DepRel::OblTmod),
        ];
        let start = text.find("Friday").unwrap_or(0) as u32;
        assert_eq!(dir_from_syntax(&doc, start, start + 6), Some(Dir::Future));
        // the same sentence in the past: "Leaders said they met Friday"
        doc.syntax[3] = syn(Upos::Pron, "PRP", "they", 4, DepRel::Nsubj);
        doc.syntax[4] = syn(Upos::Verb, "VBD", "meet", 1, DepRel::Ccomp);
        assert_eq!(dir_from_syntax(&doc, start, start + 6), Some(Dir::Past));
    }

    #[test]
    fn cues_decide() {
        assert_eq!(dir("The talks will resume on friday in Sochi.", "friday"), Dir::Future);
        assert_eq!(dir("They met on friday. They will meet again.", "friday"), Dir::Past);
        assert_eq!(dir("The book is due to be published in may.", "may"), Dir::Future);
        assert_eq!(dir("postponed until saturday", "saturday"), Dir::Future);
        assert_eq!(dir("Nothing here friday", "friday"), Dir::Past);
        assert_eq!(dir("He did not seek help until april", "april"), Dir::Past);
        assert_eq!(dir("It has picked firms to run through june", "june"), Dir::Future);
        assert_eq!(dir("It reported a death due to the flu on friday", "friday"), Dir::Past);
    }
}
