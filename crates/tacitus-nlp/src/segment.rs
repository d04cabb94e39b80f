//! Sentence splitting and tokenization (placeholder: whitespace and final punctuation).

use tacitus_doc::{Document, Sentence, Span, Token};

/// Fill `doc.sentences` and `doc.tokens` from `doc.text`.
pub fn segment(doc: &mut Document) {
    let (sentences, tokens) = segment_text(&doc.text);
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// Split a text into sentences and tokens (byte spans).
pub fn segment_text(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut first = 0u32;
    for (start, word) in text.split_whitespace().map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)) {
        let end = start + word.len();
        let (core, punct) = match word.char_indices().last() {
            Some((i, c)) if i > 0 && matches!(c, '.' | ',' | '!' | '?' | ';' | ':') => (start + i, true),
            _ => (end, false),
        };
        tokens.push(Token { span: Span::new(start as u32, core as u32) });
        if punct {
            tokens.push(Token { span: Span::new(core as u32, end as u32) });
        }
        if punct && matches!(word.as_bytes()[word.len() - 1], b'.' | b'!' | b'?') {
            let end_token = tokens.len() as u32;
            let span = Span::new(tokens[first as usize].span.start, end as u32);
            sentences.push(Sentence { span, first_token: first, end_token });
            first = end_token;
        }
    }
    if (first as usize) < tokens.len() {
        let span = Span::new(tokens[first as usize].span.start, tokens[tokens.len() - 1].span.end);
        sentences.push(Sentence { span, first_token: first, end_token: tokens.len() as u32 });
    }
    (sentences, tokens)
}
