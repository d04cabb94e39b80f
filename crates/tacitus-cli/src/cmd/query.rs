//! `tacitus query`: list stored events with filters, or a dyad time series.

use anyhow::Context;
use chrono::NaiveDate;
use std::io::Write;
use std::path::PathBuf;
use tacitus_store::{EventFilter, EventRow, Period, SeriesPoint, Store};

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "tacitus.db")]
    pub db: PathBuf,
    /// Some actor's code starts with this (ARM, ARMGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// Some recipient's code starts with this.
    #[arg(long)]
    pub recipient: Option<String>,
    /// Some party is of this country (ISO alpha-3 or organisation code).
    #[arg(long)]
    pub country: Option<String>,
    /// The CAMEO code starts with this (19, 190).
    #[arg(long)]
    pub code: Option<String>,
    /// The PLOVER event type (CONSULT, ASSAULT, ...).
    #[arg(long)]
    pub event: Option<String>,
    /// From this date (inclusive).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Up to this date (inclusive).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// The place name.
    #[arg(long)]
    pub place: Option<String>,
    /// Bounding box MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.
    #[arg(long)]
    pub bbox: Option<String>,
    /// asserted, claimed, denied, intended, hypothetical or negated.
    #[arg(long)]
    pub modality: Option<String>,
    /// The sentence contains these words.
    #[arg(long)]
    pub words: Option<String>,
    /// One row per de-duplicated event (its first mention) instead of one per mention.
    #[arg(long)]
    pub canonical: bool,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
    /// table, json or csv.
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Dyad time series SRC,TGT (country codes) instead of an event list.
    #[arg(long)]
    pub series: Option<String>,
    /// All aggregates (period × ordered country pair × quad class × PLOVER type) instead of events.
    #[arg(long, conflicts_with = "series")]
    pub aggregates: bool,
    /// Period of the series or aggregates: day, week or month.
    #[arg(long, default_value = "week")]
    pub by: String,
}

/// Parse `MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`.
fn parse_bbox(s: &str) -> Option<[f64; 4]> {
    let v: Vec<f64> = s.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
    let b: [f64; 4] = v.try_into().ok()?;
    (b.iter().all(|x| x.is_finite()) && b[0] <= b[2] && b[1] <= b[3]).then_some(b)
}

/// Cut a string to `width` characters, marking the cut.
fn cut(s: &str, width: usize) -> String {
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() <= width {
        return s;
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Render rows as an aligned text table.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

/// The human-readable event table (also used by `tacitus demo`).
pub(crate) fn event_table(rows: &[EventRow]) -> String {
    let header = ["date", "who", "what", "whom", "where", "modality", "mentions", "words"];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let what = match &r.event {
                Some(e) => format!("{} {}", r.cameo, e),
                None => r.cameo.clone(),
            };
            let party = |texts: &[String], codes: &str| {
                let names = texts.join("; ");
                if names.is_empty() || names == codes.replace(' ', "; ") {
                    codes.to_string()
                } else {
                    format!("{names} [{codes}]")
                }
            };
            vec![
                r.date.clone(),
                cut(&party(&r.actor_text, &r.actors), 36),
                what,
                cut(&party(&r.recipient_text, &r.recipients), 36),
                cut(r.place.as_deref().unwrap_or("-"), 18),
                r.modality.clone(),
                r.mentions.to_string(),
                cut(
                    &if r.trigger.is_empty() {
                        r.text.clone()
                    } else {
                        format!("[{}] {}", r.trigger, r.text)
                    },
                    70,
                ),
            ]
        })
        .collect();
    table(&header, &cells)
}

fn series_table(points: &[SeriesPoint]) -> String {
    let header = [
        "period",
        "events",
        "mentions",
        "goldstein_sum",
        "goldstein_mean",
        "q1",
        "q2",
        "q3",
        "q4",
    ];
    let cells: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let mut row = vec![
                p.period.clone(),
                p.events.to_string(),
                p.mentions.to_string(),
                format!("{:.1}", p.goldstein_sum),
                format!("{:.2}", p.goldstein_mean),
            ];
            row.extend(p.quad.iter().map(|q| q.to_string()));
            row
        })
        .collect();
    table(&header, &cells)
}

/// CSV with one column per field; list fields are joined with "; ".
fn write_csv<T: serde::Serialize>(rows: &[T]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let cell = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(String::from).unwrap_or_else(|| i.to_string()))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    for (i, row) in rows.iter().enumerate() {
        let serde_json::Value::Object(map) = serde_json::to_value(row)? else {
            anyhow::bail!("internal: a query row is not a JSON object");
        };
        if i == 0 {
            w.write_record(map.keys())?;
        }
        w.write_record(map.values().map(cell))?;
    }
    w.flush()?;
    Ok(())
}

fn write_json<T: serde::Serialize>(rows: &[T]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, rows)?;
    writeln!(out)?;
    Ok(())
}

/// Flat CSV form of a series point (quad counts as their own columns).
#[derive(serde::Serialize)]
struct SeriesCsv<'a> {
    period: &'a str,
    events: i64,
    mentions: i64,
    goldstein_sum: f64,
    goldstein_mean: f64,
    q1: i64,
    q2: i64,
    q3: i64,
    q4: i64,
}

pub fn run(args: &Args) -> anyhow::Result<u8> {
    if !matches!(args.format.as_str(), "table" | "json" | "csv") {
        eprintln!("tacitus query: unknown --format {:?} (expected table, json or csv)", args.format);
        return Ok(2);
    }
    let store = Store::open_readonly(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    if args.aggregates {
        let period: Period = match args.by.parse() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("tacitus query: --by: {e}");
                return Ok(2);
            }
        };
        let rows = store.aggregates(period)?;
        match args.format.as_str() {
            "json" => write_json(&rows)?,
            "csv" => write_csv(&rows)?,
            _ => {
                let header = [
                    "period",
                    "src",
                    "tgt",
                    "quad",
                    "event",
                    "events",
                    "mentions",
                    "goldstein_sum",
                    "goldstein_mean",
                ];
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.period.clone(),
                            r.src.clone(),
                            r.tgt.clone(),
                            r.quad_class.to_string(),
                            r.event.clone(),
                            r.events.to_string(),
                            r.mentions.to_string(),
                            format!("{:.1}", r.goldstein_sum),
                            format!("{:.2}", r.goldstein_mean),
                        ]
                    })
                    .collect();
                print!("{}", table(&header, &cells));
            }
        }
        return Ok(0);
    }
    if let Some(series) = &args.series {
        let Some((src, tgt)) = series.split_once(',') else {
            eprintln!("tacitus query: --series wants SRC,TGT (e.g. ARM,AZE), got {series:?}");
            return Ok(2);
        };
        let period: Period = match args.by.parse() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("tacitus query: --by: {e}");
                return Ok(2);
            }
        };
        let points = store.dyad_series(src.trim(), tgt.trim(), period)?;
        match args.format.as_str() {
            "json" => write_json(&points)?,
            "csv" => {
                let flat: Vec<SeriesCsv> = points
                    .iter()
                    .map(|p| SeriesCsv {
                        period: &p.period,
                        events: p.events,
                        mentions: p.mentions,
                        goldstein_sum: p.goldstein_sum,
                        goldstein_mean: p.goldstein_mean,
                        q1: p.quad[0],
                        q2: p.quad[1],
                        q3: p.quad[2],
                        q4: p.quad[3],
                    })
                    .collect();
                write_csv(&flat)?
            }
            _ => print!("{}", series_table(&points)),
        }
        return Ok(0);
    }
    let bbox = match &args.bbox {
        Some(s) => match parse_bbox(s) {
            Some(b) => Some(b),
            None => {
                eprintln!("tacitus query: --bbox wants MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (numbers, min ≤ max), got {s:?}");
                return Ok(2);
            }
        },
        None => None,
    };
    let filter = EventFilter {
        actor: args.actor.clone(),
        recipient: args.recipient.clone(),
        country: args.country.clone(),
        cameo: args.code.clone(),
        event: args.event.clone(),
        from: args.from,
        to: args.to,
        place: args.place.clone(),
        bbox,
        modality: args.modality.clone(),
        words: args.words.clone(),
        canonical_only: args.canonical,
        limit: args.limit,
    };
    let rows = store.query_events(&filter)?;
    match args.format.as_str() {
        "json" => write_json(&rows)?,
        "csv" => write_csv(&rows)?,
        _ => {
            print!("{}", event_table(&rows));
            eprintln!("{} event mention(s)", rows.len());
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_and_cut() {
        assert_eq!(parse_bbox("39,43,40,44"), Some([39.0, 43.0, 40.0, 44.0]));
        assert_eq!(parse_bbox("40,43,39,44"), None);
        assert_eq!(parse_bbox("1,2,3"), None);
        assert_eq!(cut("Ilham Aliyev", 5), "Ilha…");
        let t = table(&["a", "bb"], &[vec!["xyz".into(), "1".into()]]);
        assert_eq!(t, "a    bb\n---  --\nxyz  1\n");
    }
}
