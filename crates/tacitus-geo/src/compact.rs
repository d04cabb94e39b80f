//! The compact binary form of the gazetteer, made from `resources/geo/gazetteer.tsv.gz` at build
//! time (`build.rs` includes this file) and read by [`crate::Gazetteer::load_default`] without
//! parsing text: fixed-size entry records, a pre-sorted name-hash index and one string table.
//!
//! This module depends on `std` only, so that the build script can share it. Layout (all
//! little-endian): `MAGIC`, then `u32` entry count, name count, string-table length, longest
//! name in words; the entry records ([`RECORD`] bytes each); the name hashes (`u64` each, sorted);
//! the name references (`u32` each: entry index, top bit set for an alternate name); the strings.

use std::hash::Hasher;

/// First bytes of the binary form (the version is part of it).
pub const MAGIC: &[u8; 8] = b"TGAZBIN1";
/// Size of one entry record in bytes.
pub const RECORD: usize = 28;
/// Feature names in the order of their codes (the order of `Feature`).
pub const FEATURES: [&str; 7] = ["country", "admin1", "admin2", "city", "region", "continent", "sea"];
/// Coordinates are stored as integers of 1e-5 degree (GeoNames gives five decimals).
pub const COORD_SCALE: f64 = 100_000.0;
/// Bit of a name reference marking an alternate name.
pub const ALT_BIT: u32 = 1 << 31;

/// A small fast hasher for the name index (keys are short strings we built ourselves; no
/// untrusted input picks them, so hash flooding is not a concern).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash of a normalised name in the index.
pub fn key_hash(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.write(&[0xff]);
    h.finish()
}

/// Normalise a name for lookup: lower case, curly apostrophes straightened, whitespace collapsed.
pub fn normalize(s: &str) -> String {
    let b = s.as_bytes();
    let simple = s.is_ascii()
        && !b.contains(&b'\'')
        && b.first().is_some_and(|c| *c != b' ')
        && b.last().is_some_and(|c| *c != b' ')
        && !b.windows(2).any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !b.iter().any(|c| c.is_ascii_whitespace() && *c != b' ');
    if simple {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '–' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Number of words of a normalised name, as the matcher counts them (capped at 8).
pub fn key_words(key: &str) -> usize {
    key.split([' ', '-']).count().min(8)
}

/// One parsed line of the gazetteer TSV.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub id: u64,
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub country: &'a str,
    pub admin1: &'a str,
    /// Index into [`FEATURES`].
    pub feature: u8,
    pub population: u64,
    pub capital: bool,
    /// Alternate names separated by '|'.
    pub alts: &'a str,
}

/// Parse one TSV line (`id name lat lon country admin1 feature population flags alts`);
/// `Ok(None)` for comments and blank lines, `Err(message)` for malformed lines.
pub fn parse_row(line: &str) -> Result<Option<Row<'_>>, String> {
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut f = [""; 10];
    let mut n = 0;
    for part in line.split('\t') {
        if n < 10 {
            f[n] = part;
        }
        n += 1;
    }
    if n != 10 {
        return Err(format!("expected 10 tab-separated fields, found {n}"));
    }
    let id: u64 = f[0].parse().map_err(|_| format!("bad id {:?}", f[0]))?;
    let lat: f64 = f[2].parse().map_err(|_| format!("bad latitude {:?}", f[2]))?;
    let lon: f64 = f[3].parse().map_err(|_| format!("bad longitude {:?}", f[3]))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates out of range: {lat} {lon}"));
    }
    let feature = FEATURES
        .iter()
        .position(|x| *x == f[6])
        .ok_or_else(|| format!("unknown feature {:?}", f[6]))? as u8;
    let population: u64 = f[7].parse().map_err(|_| format!("bad population {:?}", f[7]))?;
    if f[1].trim().is_empty() {
        return Err("empty name".into());
    }
    Ok(Some(Row {
        id,
        name: f[1],
        lat,
        lon,
        country: f[4],
        admin1: f[5],
        feature,
        population,
        capital: f[8].contains('C'),
        alts: f[9],
    }))
}

/// Encode a gazetteer TSV text into the binary form; errors carry the 1-based line number.
pub fn encode(text: &str) -> Result<Vec<u8>, (u64, String)> {
    let mut records: Vec<u8> = Vec::new();
    let mut strings: Vec<u8> = Vec::new();
    let mut names: Vec<(u64, u32)> = Vec::new();
    let mut max_words = 1;
    let mut n: u32 = 0;
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u64 + 1;
        let bad = |m: String| (line_no, m);
        let Some(r) = parse_row(line).map_err(bad)? else { continue };
        let id = u32::try_from(r.id).map_err(|_| bad(format!("id {} too large for the binary form", r.id)))?;
        let pop = u32::try_from(r.population).map_err(|_| bad(format!("population {} too large", r.population)))?;
        let name_len = u16::try_from(r.name.len()).map_err(|_| bad("name too long".into()))?;
        let admin1_len = u8::try_from(r.admin1.len()).map_err(|_| bad("admin1 code too long".into()))?;
        let country: [u8; 3] = match r.country.as_bytes() {
            [] => [0; 3],
            [a, b, c] => [*a, *b, *c],
            _ => return Err(bad(format!("country {:?} is not ISO alpha-3", r.country))),
        };
        let off = u32::try_from(strings.len()).map_err(|_| bad("string table too large".into()))?;
        strings.extend_from_slice(r.name.as_bytes());
        strings.extend_from_slice(r.admin1.as_bytes());
        records.extend_from_slice(&id.to_le_bytes());
        records.extend_from_slice(&((r.lat * COORD_SCALE).round() as i32).to_le_bytes());
        records.extend_from_slice(&((r.lon * COORD_SCALE).round() as i32).to_le_bytes());
        records.extend_from_slice(&pop.to_le_bytes());
        records.extend_from_slice(&off.to_le_bytes());
        records.extend_from_slice(&name_len.to_le_bytes());
        records.push(admin1_len);
        records.push(r.feature);
        records.extend_from_slice(&country);
        records.push(r.capital as u8);
        let key = normalize(r.name);
        max_words = max_words.max(key_words(&key));
        names.push((key_hash(&key), n));
        for a in r.alts.split('|').filter(|a| !a.trim().is_empty()) {
            let key = normalize(a);
            max_words = max_words.max(key_words(&key));
            names.push((key_hash(&key), n | ALT_BIT));
        }
        n += 1;
    }
    // One name per entry, the own name before an alternate one.
    names.sort_unstable_by_key(|&(h, r)| (h, r & !ALT_BIT, r & ALT_BIT));
    names.dedup_by_key(|&mut (h, r)| (h, r & !ALT_BIT));
    let mut out = Vec::with_capacity(32 + records.len() + names.len() * 12 + strings.len());
    out.extend_from_slice(MAGIC);
    for v in [n, names.len() as u32, strings.len() as u32, max_words as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&records);
    for (h, _) in &names {
        out.extend_from_slice(&h.to_le_bytes());
    }
    for (_, r) in &names {
        out.extend_from_slice(&r.to_le_bytes());
    }
    out.extend_from_slice(&strings);
    Ok(out)
}
