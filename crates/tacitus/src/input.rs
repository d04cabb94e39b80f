//! Input documents: JSON Lines (plain or gzip) and plain text files, read as a stream.
//! Bad lines are reported with their line number and skipped; the rest of the batch goes on.

use chrono::NaiveDate;
use serde::Deserialize;
use std::io::BufRead;

/// One document to code.
#[derive(Clone, Debug, PartialEq)]
pub struct InputDoc {
    pub id: String,
    pub text: String,
    /// Publication date.
    pub date: NaiveDate,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

impl InputDoc {
    pub fn new(id: &str, text: &str, date: NaiveDate) -> Self {
        InputDoc {
            id: id.into(),
            text: text.into(),
            date,
            source: None,
            url: None,
            title: None,
        }
    }
}

/// A problem with one input line or file, located for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{origin}:{line}: {message}")]
pub struct InputError {
    pub origin: String,
    /// 1-based line number (0 when the problem concerns the whole file).
    pub line: u64,
    pub message: String,
}

#[derive(Deserialize)]
struct RawDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Parse a publication date: `YYYY-MM-DD`, optionally followed by a time (`T...` or ` ...`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10 || matches!(s.as_bytes()[10], b'T' | b' '))
}

/// Parse one JSONL line into a document.
pub fn parse_line(line: &str) -> Result<InputDoc, String> {
    let raw: RawDoc = serde_json::from_str(line).map_err(|e| format!("not a valid JSON object ({e})"))?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err("field `id` must be a non-empty string".into()),
        None => return Err("missing required field `id`".into()),
    };
    let text = raw.text.ok_or_else(|| format!("document {id}: missing required field `text`"))?;
    let date_s = raw
        .date
        .ok_or_else(|| format!("document {id}: missing required field `date` (YYYY-MM-DD)"))?;
    let date = parse_date(&date_s).ok_or_else(|| format!("document {id}: unparseable date {date_s:?} (expected YYYY-MM-DD)"))?;
    Ok(InputDoc {
        id,
        text,
        date,
        source: raw.source,
        url: raw.url,
        title: raw.title,
    })
}

/// Stream the documents of a JSONL reader. Each item is a document or a located error.
/// Invalid UTF-8 lines are errors too; reading goes on after them.
pub fn read_jsonl<R: BufRead>(reader: R, origin: &str) -> impl Iterator<Item = Result<InputDoc, InputError>> {
    let origin = origin.to_string();
    let mut reader = reader;
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                line_no += 1;
                return Some(Err(InputError {
                    origin: origin.clone(),
                    line: line_no,
                    message: format!("read error: {e}"),
                }));
            }
        }
        line_no += 1;
        let err = |message: String| {
            Some(Err(InputError {
                origin: origin.clone(),
                line: line_no,
                message,
            }))
        };
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim(),
            Err(e) => return err(format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())),
        };
        if line.is_empty() {
            continue;
        }
        return Some(parse_line(line).map_err(|m| InputError {
            origin: origin.clone(),
            line: line_no,
            message: m,
        }));
    })
}

/// Open a JSONL file, transparently decompressing `.gz`.
pub fn open_jsonl(path: &std::path::Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let file = std::fs::File::open(path)?;
    let gz = path.extension().is_some_and(|e| e == "gz");
    Ok(if gz {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(std::io::BufReader::with_capacity(1 << 16, file))
    })
}

/// Decode a plain-text document, naming the byte offset of invalid UTF-8 and refusing binary data.
pub fn decode_text(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0 {
        return Err(InputError {
            origin: origin.into(),
            line: 0,
            message: "binary data (NUL bytes), expected UTF-8 text".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let off = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..off].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        InputError {
            origin: origin.into(),
            line,
            message: format!("invalid UTF-8 at byte offset {off}, expected UTF-8 text"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines_are_all_accounted_for() {
        let data = b"{\"id\":\"a\",\"text\":\"x\",\"date\":\"2022-10-31\"}\nnot json\n{\"id\":\"b\",\"date\":\"2022-10-31\"}\n{\"id\":\"c\",\"text\":\"y\",\"date\":\"31/10/2022\"}\n\xff\xfe\n\n{\"id\":7,\"text\":\"z\",\"date\":\"2022-10-31T08:00:00Z\"}\n";
        let items: Vec<_> = read_jsonl(&data[..], "in.jsonl").collect();
        assert_eq!(items.len(), 6);
        assert_eq!(items[0].as_ref().unwrap().id, "a");
        let lines: Vec<u64> = items.iter().filter_map(|r| r.as_ref().err().map(|e| e.line)).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
        assert!(items[2].as_ref().unwrap_err().message.contains("text"));
        assert!(items[3].as_ref().unwrap_err().message.contains("date"));
        assert_eq!(items[5].as_ref().unwrap().id, "7");
    }

    #[test]
    fn binary_and_invalid_utf8_are_located() {
        assert!(decode_text(vec![0, 1, 2], "f").unwrap_err().message.contains("binary"));
        let e = decode_text(b"ok\nbad \xff".to_vec(), "f").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("byte offset 7"));
    }
}
