//! Export a store's event mentions to CSV, JSON Lines or Parquet (readable by DuckDB,
//! pandas/pyarrow and Spark). Every format has one row per mention with its canonical event id.

use crate::{Error, Result, Store};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Output formats of `tacitus export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Parquet,
    Csv,
    Jsonl,
}

impl std::str::FromStr for ExportFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<ExportFormat> {
        match s {
            "parquet" => Ok(ExportFormat::Parquet),
            "csv" => Ok(ExportFormat::Csv),
            "jsonl" => Ok(ExportFormat::Jsonl),
            _ => Err(Error::Invalid(format!(
                "unknown export format {s:?} (expected parquet, csv or jsonl)"
            ))),
        }
    }
}

/// Rows per Parquet row group (and per read from SQLite).
const CHUNK: usize = 65_536;

/// The flat columns of CSV and Parquet, in order.
pub const COLUMNS: [&str; 26] = [
    "canonical_id",
    "id",
    "doc_id",
    "sentence",
    "date",
    "date_precision",
    "actor",
    "actor_country",
    "recipient",
    "recipient_country",
    "cameo",
    "quad_class",
    "goldstein",
    "event",
    "mode",
    "modality",
    "place",
    "lat",
    "lon",
    "place_country",
    "text",
    "trigger",
    "rule",
    "confidence",
    "source",
    "mentions",
];

const PARQUET_SCHEMA: &str = "message tacitus_event {
    REQUIRED INT64 canonical_id;
    REQUIRED BYTE_ARRAY id (UTF8);
    REQUIRED BYTE_ARRAY doc_id (UTF8);
    REQUIRED INT32 sentence;
    REQUIRED INT32 date (DATE);
    OPTIONAL BYTE_ARRAY date_precision (UTF8);
    REQUIRED BYTE_ARRAY actor (UTF8);
    REQUIRED BYTE_ARRAY actor_country (UTF8);
    REQUIRED BYTE_ARRAY recipient (UTF8);
    REQUIRED BYTE_ARRAY recipient_country (UTF8);
    REQUIRED BYTE_ARRAY cameo (UTF8);
    REQUIRED INT32 quad_class;
    REQUIRED DOUBLE goldstein;
    OPTIONAL BYTE_ARRAY event (UTF8);
    OPTIONAL BYTE_ARRAY mode (UTF8);
    REQUIRED BYTE_ARRAY modality (UTF8);
    OPTIONAL BYTE_ARRAY place (UTF8);
    OPTIONAL DOUBLE lat;
    OPTIONAL DOUBLE lon;
    OPTIONAL BYTE_ARRAY place_country (UTF8);
    REQUIRED BYTE_ARRAY text (UTF8);
    REQUIRED BYTE_ARRAY trigger (UTF8);
    REQUIRED BYTE_ARRAY rule (UTF8);
    REQUIRED DOUBLE confidence;
    OPTIONAL BYTE_ARRAY source (UTF8);
    REQUIRED INT64 mentions;
}";

/// One value of a flat row.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Int(i64),
    /// Days since 1970-01-01, with the ISO date for text formats.
    Date(i32, String),
    Real(f64),
    Text(String),
    Null,
}

const SELECT: &str = "SELECT e.canonical_id, e.id, e.doc_id, e.sentence, e.day, e.date, e.date_precision,
        replace(trim(e.actors), ' ', ';'), replace(trim(e.actor_countries), ' ', ';'),
        replace(trim(e.recipients), ' ', ';'), replace(trim(e.recipient_countries), ' ', ';'),
        e.cameo, e.quad, e.goldstein, e.event, e.mode, e.modality, e.place, e.lat, e.lon, e.place_country,
        e.text, e.trigger, e.rule, e.confidence, d.source, coalesce(c.n_mentions, 1), e.record, e.row
    FROM events e LEFT JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical_events c ON c.id = e.canonical_id
    WHERE e.row > ?1 ORDER BY e.row LIMIT ?2";

/// A flat row and the stored JSON record.
type Row = (Vec<Cell>, String);

impl Store {
    /// Read the next chunk of flat rows after row id `after`; returns the rows and the last row id.
    fn export_chunk(&self, after: i64) -> Result<(Vec<Row>, i64)> {
        let mut last = after;
        let rows = self.sql(|c| {
            let mut stmt = c.prepare_cached(SELECT)?;
            let rows = stmt.query_map(rusqlite::params![after, CHUNK as i64], |r| {
                let text =
                    |i: usize| -> rusqlite::Result<Cell> { Ok(r.get::<_, Option<String>>(i)?.map(Cell::Text).unwrap_or(Cell::Null)) };
                let real = |i: usize| -> rusqlite::Result<Cell> { Ok(r.get::<_, Option<f64>>(i)?.map(Cell::Real).unwrap_or(Cell::Null)) };
                let cells = vec![
                    Cell::Int(r.get(0)?),
                    text(1)?,
                    text(2)?,
                    Cell::Int(r.get(3)?),
                    Cell::Date(r.get::<_, i64>(4)? as i32, r.get(5)?),
                    text(6)?,
                    text(7)?,
                    text(8)?,
                    text(9)?,
                    text(10)?,
                    text(11)?,
                    Cell::Int(r.get(12)?),
                    real(13)?,
                    text(14)?,
                    text(15)?,
                    text(16)?,
                    text(17)?,
                    real(18)?,
                    real(19)?,
                    text(20)?,
                    text(21)?,
                    text(22)?,
                    text(23)?,
                    real(24)?,
                    text(25)?,
                    Cell::Int(r.get(26)?),
                ];
                Ok(((cells, r.get::<_, String>(27)?), r.get::<_, i64>(28)?))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        let rows = rows
            .into_iter()
            .map(|(row, id)| {
                last = id;
                row
            })
            .collect();
        Ok((rows, last))
    }

    /// Export every event mention to `path`; returns the number of rows written.
    pub fn export(&self, format: ExportFormat, path: &Path) -> Result<u64> {
        let name = path.display().to_string();
        let io = |source| Error::Io {
            path: name.clone(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io)?;
        match format {
            ExportFormat::Parquet => self.export_parquet(file, &name),
            ExportFormat::Csv | ExportFormat::Jsonl => {
                let mut out = std::io::BufWriter::new(file);
                if format == ExportFormat::Csv {
                    writeln!(out, "{}", COLUMNS.join(",")).map_err(io)?;
                }
                let (mut after, mut n) = (0i64, 0u64);
                loop {
                    let (rows, last) = self.export_chunk(after)?;
                    if rows.is_empty() {
                        break;
                    }
                    for (cells, record) in &rows {
                        let line = if format == ExportFormat::Csv {
                            csv_line(cells)
                        } else {
                            jsonl_line(cells, record)?
                        };
                        out.write_all(line.as_bytes()).map_err(io)?;
                        n += 1;
                    }
                    after = last;
                }
                out.flush().map_err(io)?;
                Ok(n)
            }
        }
    }

    fn export_parquet(&self, file: std::fs::File, name: &str) -> Result<u64> {
        let pq = |e: parquet::errors::ParquetError| Error::Parquet {
            path: name.to_string(),
            message: e.to_string(),
        };
        let schema = Arc::new(parse_message_type(PARQUET_SCHEMA).map_err(pq)?);
        let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
        let mut writer = SerializedFileWriter::new(file, schema, props).map_err(pq)?;
        let (mut after, mut n) = (0i64, 0u64);
        loop {
            let (rows, last) = self.export_chunk(after)?;
            if rows.is_empty() && n > 0 {
                break;
            }
            let mut group = writer.next_row_group().map_err(pq)?;
            let mut index = 0;
            while let Some(mut column) = group.next_column().map_err(pq)? {
                write_column(&mut column, &rows, index).map_err(pq)?;
                column.close().map_err(pq)?;
                index += 1;
            }
            group.close().map_err(pq)?;
            n += rows.len() as u64;
            after = last;
            if rows.is_empty() {
                break;
            }
        }
        writer.close().map_err(pq)?;
        Ok(n)
    }
}

/// Write column `index` of `rows` with the column's physical type; nulls as definition level 0.
fn write_column(column: &mut parquet::file::writer::SerializedColumnWriter<'_>, rows: &[Row], index: usize) -> parquet::errors::Result<()> {
    let cells = rows.iter().map(|(cells, _)| cells.get(index).unwrap_or(&Cell::Null));
    let defs: Vec<i16> = cells.clone().map(|c| i16::from(*c != Cell::Null)).collect();
    let optional = matches!(index, 5 | 13 | 14 | 16 | 17 | 18 | 19 | 24);
    let defs = optional.then_some(defs.as_slice());
    match index {
        0 | 25 => {
            let v: Vec<i64> = cells.filter_map(|c| if let Cell::Int(i) = c { Some(*i) } else { None }).collect();
            column.typed::<Int64Type>().write_batch(&v, defs, None)?;
        }
        3 | 11 | 4 => {
            let v: Vec<i32> = cells
                .filter_map(|c| match c {
                    Cell::Int(i) => Some(*i as i32),
                    Cell::Date(d, _) => Some(*d),
                    _ => None,
                })
                .collect();
            column.typed::<Int32Type>().write_batch(&v, defs, None)?;
        }
        12 | 17 | 18 | 23 => {
            let v: Vec<f64> = cells.filter_map(|c| if let Cell::Real(x) = c { Some(*x) } else { None }).collect();
            column.typed::<DoubleType>().write_batch(&v, defs, None)?;
        }
        _ => {
            let v: Vec<ByteArray> = cells
                .filter_map(|c| {
                    if let Cell::Text(s) = c {
                        Some(ByteArray::from(s.as_str()))
                    } else {
                        None
                    }
                })
                .collect();
            column.typed::<ByteArrayType>().write_batch(&v, defs, None)?;
        }
    }
    Ok(())
}

/// One CSV line (RFC 4180 quoting).
fn csv_line(cells: &[Cell]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let s = match cell {
            Cell::Int(v) => v.to_string(),
            Cell::Date(_, d) => d.clone(),
            Cell::Real(v) => v.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Null => String::new(),
        };
        if s.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&s);
        }
    }
    out.push('\n');
    out
}

/// The stored record with `canonical_id`, `source` and `mentions` added.
fn jsonl_line(cells: &[Cell], record: &str) -> Result<String> {
    let mut value: serde_json::Value =
        serde_json::from_str(record).map_err(|e| Error::Invalid(format!("stored record is not JSON: {e}")))?;
    if let Some(map) = value.as_object_mut() {
        let get = |i: usize| cells.get(i).cloned().unwrap_or(Cell::Null);
        if let Cell::Int(id) = get(0) {
            map.insert("canonical_id".into(), id.into());
        }
        map.insert(
            "source".into(),
            if let Cell::Text(s) = get(24) {
                s.into()
            } else {
                serde_json::Value::Null
            },
        );
        if let Cell::Int(m) = get(25) {
            map.insert("mentions".into(), m.into());
        }
    }
    Ok(format!("{value}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::record;
    use crate::{CodedDoc, DedupConfig, DocMeta};

    fn store(n: usize) -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let docs: Vec<CodedDoc> = (0..n)
            .map(|i| {
                let id = format!("d{i}");
                let mut r = record("e0", &id, "190");
                r.text = format!("He said \"no\", then, line\nbreak {i}");
                CodedDoc {
                    meta: DocMeta::new(&id, &id, "2022-09-13".parse().unwrap()),
                    n_sentences: 1,
                    events: vec![r],
                }
            })
            .collect();
        s.write_batch(&docs, &DedupConfig::default()).unwrap();
        s
    }

    #[test]
    fn csv_quotes_and_jsonl_round_trips() {
        let s = store(3);
        let dir = std::env::temp_dir().join(format!("tacitus-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("e.csv");
        assert_eq!(s.export(ExportFormat::Csv, &csv).unwrap(), 3);
        let text = std::fs::read_to_string(&csv).unwrap();
        assert!(text.starts_with("canonical_id,id,doc_id,"));
        assert!(text.contains("\"He said \"\"no\"\", then, line\nbreak 0\""));
        let jl = dir.join("e.jsonl");
        assert_eq!(s.export(ExportFormat::Jsonl, &jl).unwrap(), 3);
        let lines: Vec<serde_json::Value> = std::fs::read_to_string(&jl)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["cameo"], "190");
        assert_eq!(lines[1]["canonical_id"], 1, "same parties, same day: one canonical event");
        assert_eq!(lines[2]["mentions"], 3);
        let pq = dir.join("e.parquet");
        assert_eq!(s.export(ExportFormat::Parquet, &pq).unwrap(), 3);
        let bytes = std::fs::read(&pq).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn empty_store_exports_valid_files() {
        let s = Store::open_in_memory().unwrap();
        let dir = std::env::temp_dir().join(format!("tacitus-export-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(s.export(ExportFormat::Parquet, &dir.join("e.parquet")).unwrap(), 0);
        assert_eq!(s.export(ExportFormat::Csv, &dir.join("e.csv")).unwrap(), 0);
        assert!("xlsx".parse::<ExportFormat>().is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
