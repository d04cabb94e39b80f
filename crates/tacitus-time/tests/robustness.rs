//! No panics on arbitrary input: random mixtures of date words, numbers, punctuation and
//! multi-byte characters, with and without a document date.

use tacitus_doc::{CharIndex, Document};
use tacitus_time::TimeTagger;

const PIECES: &[&str] = &[
    "the",
    "last",
    "next",
    "this",
    "past",
    "early",
    "late",
    "mid",
    "-",
    "end",
    "of",
    "May",
    "March",
    "Monday",
    "Sunday",
    "night",
    "Oct",
    ".",
    "31",
    "31st",
    "2022",
    "1957",
    "58",
    "'",
    "90s",
    "1990s",
    "2000s",
    "quarter",
    "first",
    "Q",
    "3",
    "a",
    "an",
    "two",
    "twenty",
    "-",
    "five",
    "decades",
    "year",
    "years",
    "ago",
    "for",
    "week",
    "weekend",
    "today",
    "yesterday",
    "now",
    "soon",
    "every",
    "each",
    ":",
    "15",
    "00",
    "p",
    "m",
    "PM",
    "GMT",
    "summer",
    "fall",
    "century",
    "20th",
    "fiscal",
    "that",
    "day",
    "same",
    "before",
    "/",
    "12",
    "9999999999",
    "0",
    "00",
    ",",
    "é",
    "“",
    "’",
    "\n",
    "  ",
    "🙂",
    "until",
    "will",
    "said",
    "%",
    "$",
    "1,000",
    "1.5",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn random_input_never_panics() {
    let tagger = TimeTagger::new();
    let mut rng = Lcg(42);
    for round in 0..3000u32 {
        let n = rng.next() % 40;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[rng.next() % PIECES.len()]);
            if rng.next() % 3 < 2 {
                text.push(' ');
            }
        }
        let date = if round % 5 == 0 {
            None
        } else {
            chrono::NaiveDate::from_ymd_opt(1990 + (round % 40) as i32, 1 + round % 12, 1 + round % 28)
        };
        let mut doc = Document::new("r", text, date);
        tagger.tag(&mut doc);
        let ix = CharIndex::new(&doc.text);
        for t in &doc.timexes {
            assert!(t.span.start < t.span.end && (t.span.end as usize) <= doc.text.len());
            assert!(doc.text.is_char_boundary(t.span.start as usize) && doc.text.is_char_boundary(t.span.end as usize));
            assert!(!t.value.is_empty());
            let _ = ix.span(t.span);
        }
        tagger.attach(&mut doc);
    }
}

#[test]
fn extreme_dates_do_not_overflow() {
    let tagger = TimeTagger::new();
    for date in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
        let mut doc = Document::new(
            "x",
            "last week, next year, two days ago, on Monday, in May, the next day",
            Some(date),
        );
        tagger.tag(&mut doc);
    }
}

#[test]
fn broken_parse_does_not_panic() {
    use tacitus_doc::{DepRel, Event, Modality, Sentence, Span, Token, TokenSyntax, Upos};
    let text = "They met on Monday in 2020";
    let mut doc = Document::new("b", text, chrono::NaiveDate::from_ymd_opt(2022, 10, 31));
    let mut pos = 0u32;
    for w in text.split(' ') {
        doc.tokens.push(Token {
            span: Span::new(pos, pos + w.len() as u32),
        });
        pos += w.len() as u32 + 1;
    }
    doc.sentences = vec![Sentence {
        span: Span::new(0, text.len() as u32),
        first_token: 0,
        end_token: 6,
    }];
    // heads pointing outside the document and into cycles
    let heads = [99, 3, 3, 2, 1_000_000, 4];
    doc.syntax = heads
        .iter()
        .map(|&head| TokenSyntax {
            upos: Upos::Verb,
            xpos: 200,
            lemma: String::new(),
            head,
            deprel: DepRel::Obl,
        })
        .collect();
    let tagger = TimeTagger::new();
    tagger.tag(&mut doc);
    doc.events = (0..8)
        .map(|t| Event {
            sentence: t % 3,
            trigger: t * 7,
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
        })
        .collect();
    tagger.attach(&mut doc);
    assert_eq!(doc.timexes.len(), 2);
}
