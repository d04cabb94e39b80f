//! A minimal CoNLL-U reader for tests and examples: one [`Document`] per sentence with the
//! treebank's own tags, heads and relations as the syntax layer.

use tacitus_doc::syntax::{xpos_index, ROOT};
use tacitus_doc::{DepRel, Document, Sentence, Span, Token, TokenSyntax, Upos};

/// Documents for the sentences of CoNLL-U `text` (at most `limit`).
pub fn documents(text: &str, limit: usize) -> Vec<Document> {
    let mut out = Vec::new();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut id = String::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !rows.is_empty() {
                out.push(build(&id, &rows));
                rows.clear();
                if out.len() >= limit {
                    break;
                }
            }
            continue;
        }
        if let Some(s) = line.strip_prefix("# sent_id = ") {
            id = s.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 || cols[0].contains(['-', '.']) {
            continue;
        }
        rows.push(cols);
    }
    out
}

fn build(id: &str, rows: &[Vec<&str>]) -> Document {
    let text = rows.iter().map(|r| r[1]).collect::<Vec<_>>().join(" ");
    let mut d = Document::new(id, text, None);
    let mut pos = 0u32;
    for r in rows {
        let len = r[1].len() as u32;
        d.tokens.push(Token {
            span: Span::new(pos, pos + len),
        });
        pos += len + 1;
        let head: u32 = r[6].parse().unwrap_or(0);
        d.syntax.push(TokenSyntax {
            upos: Upos::parse(r[3]).unwrap_or(Upos::X),
            xpos: xpos_index(r[4]).unwrap_or(0),
            lemma: r[2].to_string(),
            head: if head == 0 { ROOT } else { head - 1 },
            deprel: DepRel::parse_lenient(r[7]).unwrap_or(DepRel::Dep),
        });
    }
    let n = d.tokens.len() as u32;
    d.sentences.push(Sentence {
        span: Span::new(0, d.text.len() as u32),
        first_token: 0,
        end_token: n,
    });
    d
}
