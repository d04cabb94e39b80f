//! The SQL schema of a store, created on open (idempotent).

/// Tables and indexes. `day` columns are days since 1970-01-01 (for range scans);
/// actor/country lists are space-delimited with a leading and trailing space for `LIKE`.
pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents(
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    n_sentences INTEGER NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS canonical_events(
    id INTEGER PRIMARY KEY,
    party_key TEXT NOT NULL,
    day INTEGER NOT NULL,
    date TEXT NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    event TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    polarity TEXT NOT NULL,
    lat REAL,
    lon REAL,
    dyads TEXT NOT NULL,
    n_mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS canonical_party_day ON canonical_events(party_key, day);
CREATE TABLE IF NOT EXISTS events(
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    canonical_id INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    date TEXT NOT NULL,
    day INTEGER NOT NULL,
    date_precision TEXT,
    cameo TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    event TEXT,
    mode TEXT,
    modality TEXT NOT NULL,
    actors TEXT NOT NULL,
    recipients TEXT NOT NULL,
    actor_countries TEXT NOT NULL,
    recipient_countries TEXT NOT NULL,
    place TEXT,
    lat REAL,
    lon REAL,
    place_country TEXT,
    text TEXT NOT NULL,
    trigger TEXT NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    record TEXT NOT NULL,
    UNIQUE(doc_id, id)
);
-- UNIQUE(doc_id, id) also serves lookups by document.
CREATE INDEX IF NOT EXISTS events_canonical ON events(canonical_id);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE TABLE IF NOT EXISTS dyad_day(
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    day INTEGER NOT NULL,
    date TEXT NOT NULL,
    week TEXT NOT NULL,
    month TEXT NOT NULL,
    quad INTEGER NOT NULL,
    event TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    PRIMARY KEY(src, tgt, day, quad, event)
) WITHOUT ROWID;
"#;

/// Connection settings: WAL so readers never block the writer, NORMAL sync (a killed process
/// loses nothing committed; only a power cut may lose the last transaction).
pub const PRAGMAS: &str =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536;";
