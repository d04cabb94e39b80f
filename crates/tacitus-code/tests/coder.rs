//! The coder on hand-parsed sentences (so these tests do not depend on the parser's accuracy).

use tacitus_code::Coder;
use tacitus_doc::syntax::ROOT;
use tacitus_doc::{DepRel, Document, Modality, Sentence, Span, Token, TokenSyntax, Upos};

/// Build a one-sentence document from rows of (word, lemma, UPOS, head (1-based, 0 root), deprel).
fn parsed(date: &str, rows: &[(&str, &str, &str, u32, &str)]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut syntax = Vec::new();
    for (w, l, u, h, d) in rows {
        if !text.is_empty() && !matches!(*w, "." | "," | "'s") {
            text.push(' ');
        }
        let start = text.len() as u32;
        text.push_str(w);
        tokens.push(Token {
            span: Span::new(start, text.len() as u32),
        });
        syntax.push(TokenSyntax {
            upos: Upos::parse(u).expect("upos"),
            xpos: tacitus_doc::syntax::xpos_index(match *u {
                "PRON" if *w == "who" => "WP",
                "VERB" if l.len() + 1 < w.len() && w.ends_with("ed") => "VBD",
                _ => "NN",
            })
            .unwrap_or(0),
            lemma: l.to_string(),
            head: if *h == 0 { ROOT } else { h - 1 },
            deprel: DepRel::parse(d).expect("deprel"),
        });
    }
    let n = tokens.len() as u32;
    let mut doc = Document::new("t", text.clone(), Some(date.parse().expect("date")));
    doc.sentences = vec![Sentence {
        span: Span::new(0, text.len() as u32),
        first_token: 0,
        end_token: n,
    }];
    doc.tokens = tokens;
    doc.syntax = syntax;
    doc
}

fn coder() -> Coder {
    Coder::english().expect("bundled dictionaries load")
}

fn codes(doc: &Document, ix: &[u32]) -> Vec<String> {
    ix.iter().map(|&i| doc.actors[i as usize].code.code()).collect()
}

#[test]
fn accusation_with_reported_occupation_is_claimed() {
    // Yerevan claimed Azerbaijani forces occupied Armenian territory .
    let mut doc = parsed(
        "2022-10-31",
        &[
            ("Yerevan", "Yerevan", "PROPN", 2, "nsubj"),
            ("claimed", "claim", "VERB", 0, "root"),
            ("Azerbaijani", "azerbaijani", "ADJ", 4, "amod"),
            ("forces", "force", "NOUN", 5, "nsubj"),
            ("occupied", "occupy", "VERB", 2, "ccomp"),
            ("Armenian", "armenian", "ADJ", 7, "amod"),
            ("territory", "territory", "NOUN", 5, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
    );
    coder().code(&mut doc, None);
    let occupy = doc.events.iter().find(|e| e.cameo.starts_with("19")).expect("an occupation event");
    assert_eq!(codes(&doc, &occupy.actors), vec!["AZEMIL"]);
    assert_eq!(codes(&doc, &occupy.recipients), vec!["ARM"]);
    assert_eq!(occupy.modality, Modality::Claimed);
    let by = occupy.attributed_to.expect("attributed");
    assert_eq!(doc.actors[by as usize].code.code(), "ARMGOV");
    let accuse = doc.events.iter().find(|e| e.cameo == "112").expect("the claim is an accusation");
    assert_eq!(codes(&doc, &accuse.actors), vec!["ARMGOV"]);
    assert_eq!(codes(&doc, &accuse.recipients), vec!["AZEMIL"]);
}

#[test]
fn coordinated_subjects_meet_reciprocally() {
    // Aliyev and Pashinyan met in Sochi .
    let mut doc = parsed(
        "2022-10-31",
        &[
            ("Aliyev", "Aliyev", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Pashinyan", "Pashinyan", "PROPN", 1, "conj"),
            ("met", "meet", "VERB", 0, "root"),
            ("in", "in", "ADP", 6, "case"),
            ("Sochi", "Sochi", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
    );
    coder().code(&mut doc, None);
    let e = doc.events.iter().find(|e| e.cameo.starts_with("04")).expect("a meeting");
    let mut parties = codes(&doc, &e.actors);
    parties.extend(codes(&doc, &e.recipients));
    assert!(
        parties.contains(&"AZEGOV".to_string()) && parties.contains(&"ARMGOV".to_string()),
        "{parties:?}"
    );
    // Sochi does not act: not an actor
    assert!(doc.actors.iter().all(|a| doc.slice(a.span) != "Sochi"));
}

#[test]
fn persons_follow_the_document_date() {
    let rows = [
        ("Pashinyan", "Pashinyan", "PROPN", 2, "nsubj"),
        ("criticized", "criticize", "VERB", 0, "root"),
        ("Russia", "Russia", "PROPN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let mut before = parsed("2016-05-01", &rows);
    let mut after = parsed("2022-10-31", &rows);
    let c = coder();
    c.code(&mut before, None);
    c.code(&mut after, None);
    assert_eq!(before.actors[0].code.code(), "ARMOPP");
    assert_eq!(after.actors[0].code.code(), "ARMGOV");
    let e = after.events.first().expect("criticism coded");
    assert!(e.cameo.starts_with("11"), "{}", e.cameo);
}

#[test]
fn negation_and_intent_are_marked() {
    // Russia did not attack Ukraine .
    let mut neg = parsed(
        "2022-10-31",
        &[
            ("Russia", "Russia", "PROPN", 4, "nsubj"),
            ("did", "do", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Ukraine", "Ukraine", "PROPN", 4, "obj"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
    );
    coder().code(&mut neg, None);
    assert_eq!(neg.events.first().map(|e| e.modality), Some(Modality::Negated));
    // France will provide aid to Mali .
    let mut fut = parsed(
        "2022-10-31",
        &[
            ("France", "France", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("provide", "provide", "VERB", 0, "root"),
            ("aid", "aid", "NOUN", 3, "obj"),
            ("to", "to", "ADP", 6, "case"),
            ("Mali", "Mali", "PROPN", 3, "obl"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
    );
    coder().code(&mut fut, None);
    let e = fut.events.first().expect("intended aid coded");
    assert_eq!(e.modality, Modality::Intended);
    assert!(e.cameo.starts_with("03"), "intended aid is an intent code, got {}", e.cameo);
    assert_eq!(codes(&fut, &e.recipients), vec!["MLI"]);
}

#[test]
fn no_actor_no_event() {
    // The storm attacked the coast .
    let mut doc = parsed(
        "2022-10-31",
        &[
            ("The", "the", "DET", 2, "det"),
            ("storm", "storm", "NOUN", 3, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("the", "the", "DET", 5, "det"),
            ("coast", "coast", "NOUN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
    );
    coder().code(&mut doc, None);
    assert!(doc.events.is_empty());
}
