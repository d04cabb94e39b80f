//! The gazetteer: GeoNames places, countries and divisions plus our own regions and aliases,
//! indexed by normalised name.

use crate::compact::{self, key_hash, key_words, ALT_BIT, COORD_SCALE, RECORD};
pub use crate::compact::{normalize, FxHasher};
use crate::{Error, Result};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;

/// The gazetteer in compact binary form, made by `build.rs` from the resource
/// `resources/geo/gazetteer.tsv.gz` (built by `tacitus gazetteer build`).
static DEFAULT_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// Regions that gazetteers lack or dispute, written by us.
static REGIONS: &str = include_str!("../../../resources/geo/regions.txt");
/// Other names of countries and first-level divisions, written by us.
static ALIASES: &str = include_str!("../../../resources/geo/aliases.txt");

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    Country,
    Admin1,
    Admin2,
    City,
    Region,
    Continent,
    Sea,
}

impl Feature {
    pub fn as_str(&self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Admin1 => "admin1",
            Feature::Admin2 => "admin2",
            Feature::City => "city",
            Feature::Region => "region",
            Feature::Continent => "continent",
            Feature::Sea => "sea",
        }
    }

    /// The feature of a code of the compact form (the index in [`compact::FEATURES`]).
    pub fn from_code(code: u8) -> Option<Feature> {
        Some(match code {
            0 => Feature::Country,
            1 => Feature::Admin1,
            2 => Feature::Admin2,
            3 => Feature::City,
            4 => Feature::Region,
            5 => Feature::Continent,
            6 => Feature::Sea,
            _ => return None,
        })
    }

    pub fn parse(s: &str) -> Option<Feature> {
        Some(match s {
            "country" => Feature::Country,
            "admin1" => Feature::Admin1,
            "admin2" => Feature::Admin2,
            "city" => Feature::City,
            "region" => Feature::Region,
            "continent" => Feature::Continent,
            "sea" | "ocean" => Feature::Sea,
            _ => return None,
        })
    }

    /// Large areas: countries, divisions, regions, continents, seas.
    pub fn is_area(&self) -> bool {
        !matches!(self, Feature::City)
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// GeoNames id, 0 when the entry has none (our regions, divisions without an id).
    pub id: u64,
    /// Borrowed from the embedded compact form for the bundled gazetteer (no allocation).
    pub name: Cow<'static, str>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3, empty for regions spanning countries.
    pub country: Cow<'static, str>,
    /// GeoNames admin-1 code with its country prefix (`US.TX`), empty when unknown.
    pub admin1: Cow<'static, str>,
    pub feature: Feature,
    pub population: u64,
    /// National capital.
    pub capital: bool,
}

/// A name in the index: the entry and whether the name is an alternate spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    pub entry: u32,
    /// Matched through an alternate name (or alias) rather than the entry's own name.
    pub alternate: bool,
}

/// Places indexed by normalised name ([`normalize`]).
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Name index: hashes of normalised names, sorted, parallel to `refs` (64-bit hashes of a
    /// few hundred thousand names: collisions are negligible, and cost one wrong candidate).
    hashes: Vec<u64>,
    refs: Vec<NameRef>,
    /// Names added since the index was last sorted.
    pending: Vec<(u64, NameRef)>,
    /// Country entry by ISO alpha-3.
    countries: HashMap<String, u32>,
    /// Admin-1 entry by code (`US.TX`).
    admin1: HashMap<String, u32>,
    /// Longest name in words.
    max_words: usize,
}

impl Gazetteer {
    /// The bundled gazetteer (GeoNames via registry packages, plus our regions and aliases).
    pub fn load_default() -> Result<Gazetteer> {
        let mut g = Gazetteer::from_binary(DEFAULT_BIN, "resources/geo/gazetteer.tsv.gz (compact form)")?;
        g.add_regions(REGIONS, "resources/geo/regions.txt")?;
        g.add_aliases(ALIASES, "resources/geo/aliases.txt")?;
        Ok(g)
    }

    /// An empty gazetteer (add entries with [`Gazetteer::add_tsv_line`] or the `add_*` methods).
    pub fn empty() -> Gazetteer {
        Gazetteer {
            entries: Vec::new(),
            hashes: Vec::new(),
            refs: Vec::new(),
            pending: Vec::new(),
            countries: HashMap::new(),
            admin1: HashMap::new(),
            max_words: 1,
        }
    }

    /// Read the gazetteer TSV (`id name lat lon country admin1 feature population flags alts`).
    pub fn from_tsv<R: BufRead>(mut reader: R, origin: &str) -> Result<Gazetteer> {
        let mut text = String::new();
        reader.read_to_string(&mut text).map_err(|e| Error::Io {
            path: origin.to_string(),
            source: e,
        })?;
        Gazetteer::from_text(&text, origin)
    }

    /// Read the gazetteer TSV from a string (large texts are parsed by two threads).
    pub fn from_text(text: &str, origin: &str) -> Result<Gazetteer> {
        let mid = text.len() / 2;
        let split = match text.get(mid..).and_then(|t| t.find('\n')) {
            Some(k) if text.len() > (1 << 20) => mid + k + 1,
            _ => text.len(),
        };
        let (a, b) = text.split_at(split);
        let first_lines = a.bytes().filter(|&c| c == b'\n').count() as u64;
        let (ga, gb) = std::thread::scope(|s| {
            let hb = s.spawn(|| Gazetteer::parse_chunk(b, origin, first_lines));
            let ga = Gazetteer::parse_chunk(a, origin, 0);
            (ga, hb.join())
        });
        let mut g = ga?;
        let gb = gb.map_err(|_| Error::Format {
            origin: origin.to_string(),
            line: 0,
            message: "parser thread failed".into(),
        })??;
        let offset = g.entries.len() as u32;
        for (code, ix) in gb.countries {
            g.countries.entry(code).or_insert(ix + offset);
        }
        for (code, ix) in gb.admin1 {
            g.admin1.entry(code).or_insert(ix + offset);
        }
        g.entries.extend(gb.entries);
        g.pending.extend(gb.pending.into_iter().map(|(h, r)| {
            (
                h,
                NameRef {
                    entry: r.entry + offset,
                    alternate: r.alternate,
                },
            )
        }));
        g.max_words = g.max_words.max(gb.max_words);
        g.finish();
        Ok(g)
    }

    fn parse_chunk(text: &str, origin: &str, first_line: u64) -> Result<Gazetteer> {
        let mut g = Gazetteer::empty();
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        g.entries.reserve(lines + 200);
        g.pending.reserve(lines + lines / 4);
        for (i, line) in text.lines().enumerate() {
            g.parse_tsv_line(line, origin, first_line + i as u64 + 1)?;
        }
        Ok(g)
    }

    /// Parse and add one TSV line (comments and blank lines are skipped). Re-sorts the index:
    /// to add many lines use [`Gazetteer::from_text`].
    pub fn add_tsv_line(&mut self, line: &str, origin: &str, line_no: u64) -> Result<()> {
        self.parse_tsv_line(line, origin, line_no)?;
        self.finish();
        Ok(())
    }

    fn parse_tsv_line(&mut self, line: &str, origin: &str, line_no: u64) -> Result<()> {
        let row = compact::parse_row(line).map_err(|message| Error::Format {
            origin: origin.to_string(),
            line: line_no,
            message,
        })?;
        let Some(r) = row else { return Ok(()) };
        let entry = Entry {
            id: r.id,
            name: Cow::Owned(r.name.to_string()),
            lat: r.lat,
            lon: r.lon,
            country: Cow::Owned(r.country.to_string()),
            admin1: Cow::Owned(r.admin1.to_string()),
            feature: Feature::from_code(r.feature).unwrap_or(Feature::City),
            population: r.population,
            capital: r.capital,
        };
        let ix = self.push_unsorted(entry, &[]);
        for a in r.alts.split('|') {
            if !a.trim().is_empty() {
                self.add_name(a, ix, true);
            }
        }
        Ok(())
    }

    /// Read the compact binary form made by [`compact::encode`] (errors name `origin`).
    pub fn from_binary(bin: &'static [u8], origin: &str) -> Result<Gazetteer> {
        let bad = |message: &str| Error::Format {
            origin: origin.to_string(),
            line: 0,
            message: message.to_string(),
        };
        let u32_at = |k: usize| -> Option<u32> { bin.get(k..k + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])) };
        if bin.get(..8) != Some(&compact::MAGIC[..]) {
            return Err(bad("not a compact gazetteer (bad magic)"));
        }
        let header = (u32_at(8), u32_at(12), u32_at(16), u32_at(20));
        let (Some(n), Some(names), Some(slen), Some(max_words)) = header else {
            return Err(bad("truncated header"));
        };
        let (n, names, slen) = (n as usize, names as usize, slen as usize);
        let rec_at = 24;
        let hash_at = rec_at + n * RECORD;
        let ref_at = hash_at + names * 8;
        let str_at = ref_at + names * 4;
        if bin.len() != str_at + slen {
            return Err(bad("size does not match the header"));
        }
        let strings = &bin[str_at..];
        let mut g = Gazetteer::empty();
        g.max_words = (max_words as usize).clamp(1, 8);
        g.entries.reserve(n + 256);
        for (ix, r) in bin[rec_at..hash_at].chunks_exact(RECORD).enumerate() {
            let le4 = |k: usize| [r[k], r[k + 1], r[k + 2], r[k + 3]];
            let off = u32::from_le_bytes(le4(16)) as usize;
            let name_len = u16::from_le_bytes([r[20], r[21]]) as usize;
            let admin1_len = r[22] as usize;
            let text = strings
                .get(off..off + name_len + admin1_len)
                .ok_or_else(|| bad("string offset out of range"))?;
            let (name, admin1) = text.split_at(name_len);
            let (Ok(name), Ok(admin1)) = (std::str::from_utf8(name), std::str::from_utf8(admin1)) else {
                return Err(bad("string is not UTF-8"));
            };
            let feature = Feature::from_code(r[23]).ok_or_else(|| bad("unknown feature code"))?;
            let country = match &r[24..27] {
                [0, 0, 0] => "",
                c => std::str::from_utf8(c).map_err(|_| bad("country is not ASCII"))?,
            };
            let entry = Entry {
                id: u32::from_le_bytes(le4(0)) as u64,
                name: Cow::Borrowed(name),
                lat: i32::from_le_bytes(le4(4)) as f64 / COORD_SCALE,
                lon: i32::from_le_bytes(le4(8)) as f64 / COORD_SCALE,
                country: Cow::Borrowed(country),
                admin1: Cow::Borrowed(admin1),
                feature,
                population: u32::from_le_bytes(le4(12)) as u64,
                capital: r[27] & 1 == 1,
            };
            match feature {
                Feature::Country if !entry.country.is_empty() => {
                    g.countries.entry(entry.country.to_string()).or_insert(ix as u32);
                }
                Feature::Admin1 if !entry.admin1.is_empty() => {
                    g.admin1.entry(entry.admin1.to_string()).or_insert(ix as u32);
                }
                _ => {}
            }
            g.entries.push(entry);
        }
        g.hashes = bin[hash_at..ref_at]
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect();
        g.refs = Vec::with_capacity(names);
        for b in bin[ref_at..str_at].chunks_exact(4) {
            let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if (v & !ALT_BIT) as usize >= n {
                return Err(bad("name reference out of range"));
            }
            g.refs.push(NameRef {
                entry: v & !ALT_BIT,
                alternate: v & ALT_BIT != 0,
            });
        }
        if !g.hashes.is_sorted() {
            return Err(bad("name index is not sorted"));
        }
        Ok(g)
    }

    /// Add an entry under its own name and some alternate names; returns its index.
    pub fn push(&mut self, entry: Entry, alternates: &[&str]) -> u32 {
        let ix = self.push_unsorted(entry, alternates);
        self.finish();
        ix
    }

    fn push_unsorted(&mut self, entry: Entry, alternates: &[&str]) -> u32 {
        let ix = self.entries.len() as u32;
        match entry.feature {
            Feature::Country if !entry.country.is_empty() => {
                self.countries.entry(entry.country.to_string()).or_insert(ix);
            }
            Feature::Admin1 if !entry.admin1.is_empty() => {
                self.admin1.entry(entry.admin1.to_string()).or_insert(ix);
            }
            _ => {}
        }
        let key = normalize(&entry.name);
        self.entries.push(entry);
        self.add_key(key, ix, false);
        for a in alternates {
            if !a.trim().is_empty() {
                self.add_name(a, ix, true);
            }
        }
        ix
    }

    fn add_name(&mut self, name: &str, entry: u32, alternate: bool) {
        self.add_key(normalize(name), entry, alternate);
    }

    fn add_key(&mut self, key: String, entry: u32, alternate: bool) {
        self.max_words = self.max_words.max(key_words(&key));
        self.pending.push((key_hash(&key), NameRef { entry, alternate }));
    }

    /// Merge pending names into the sorted index (one name per entry, own names first).
    fn finish(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let order = |x: &(u64, NameRef)| (x.0, x.1.entry, x.1.alternate);
        let mut new: Vec<(u64, NameRef)> = std::mem::take(&mut self.pending);
        new.sort_unstable_by_key(order);
        // Merge with the (already sorted) index instead of sorting everything again.
        let mut all: Vec<(u64, NameRef)> = Vec::with_capacity(self.hashes.len() + new.len());
        let mut old = self.hashes.iter().copied().zip(self.refs.iter().copied()).peekable();
        let mut new = new.into_iter().peekable();
        loop {
            let take_old = match (old.peek(), new.peek()) {
                (Some(a), Some(b)) => order(a) <= order(b),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_old { old.next() } else { new.next() };
            all.extend(next);
        }
        all.dedup_by_key(|(h, r)| (*h, r.entry));
        self.hashes = all.iter().map(|x| x.0).collect();
        self.refs = all.into_iter().map(|x| x.1).collect();
    }

    /// Add regions: `names|... TAB lat TAB lon TAB ISO3 or '-' TAB feature` lines.
    pub fn add_regions(&mut self, text: &str, origin: &str) -> Result<()> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Format {
                origin: origin.to_string(),
                line: i as u64 + 1,
                message,
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 5 {
                return Err(bad(format!("expected 5 tab-separated fields, found {}", f.len())));
            }
            let lat: f64 = f[1].parse().map_err(|_| bad(format!("bad latitude {:?}", f[1])))?;
            let lon: f64 = f[2].parse().map_err(|_| bad(format!("bad longitude {:?}", f[2])))?;
            let feature = Feature::parse(f[4]).ok_or_else(|| bad(format!("unknown feature {:?}", f[4])))?;
            let names: Vec<&str> = f[0].split('|').collect();
            let country = if f[3] == "-" { String::new() } else { f[3].to_string() };
            let entry = Entry {
                id: 0,
                name: Cow::Owned(names[0].to_string()),
                lat,
                lon,
                country: Cow::Owned(country),
                admin1: Cow::Borrowed(""),
                feature,
                population: 0,
                capital: false,
            };
            // A region named like a GeoNames entry of the same kind replaces nothing: both stay,
            // and resolution prefers areas.
            self.push_unsorted(entry, &names[1..]);
        }
        self.finish();
        Ok(())
    }

    /// Add aliases: `name TAB target` where target is an ISO alpha-2 country, an admin-1 code or
    /// `#` and a GeoNames id.
    pub fn add_aliases(&mut self, text: &str, origin: &str) -> Result<()> {
        let iso2: HashMap<&'static str, &'static str> = crate::iso::ISO2_TO_3.iter().copied().collect();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Format {
                origin: origin.to_string(),
                line: i as u64 + 1,
                message,
            };
            let (name, target) = line.split_once('\t').ok_or_else(|| bad("expected name TAB target".into()))?;
            let entry = if let Some(id) = target.strip_prefix('#') {
                let id: u64 = id.parse().map_err(|_| bad(format!("bad GeoNames id {id:?}")))?;
                self.entries.iter().position(|e| e.id == id).map(|ix| ix as u32)
            } else if target.contains('.') {
                self.admin1.get(target).copied()
            } else {
                iso2.get(target).and_then(|c3| self.countries.get(*c3)).copied()
            };
            // An alias whose target is missing from a small test gazetteer is not an error.
            if let Some(e) = entry {
                self.add_name(name, e, true);
            }
        }
        self.finish();
        Ok(())
    }

    /// Entries whose name (or alternate name) normalises to `key` (already normalised).
    pub fn lookup_normalized(&self, key: &str) -> &[NameRef] {
        let h = key_hash(key);
        let a = self.hashes.partition_point(|&x| x < h);
        let b = a + self.hashes[a..].partition_point(|&x| x == h);
        &self.refs[a..b]
    }

    /// Entries named `name` (any case).
    pub fn lookup(&self, name: &str) -> &[NameRef] {
        self.lookup_normalized(&normalize(name))
    }

    pub fn entry(&self, ix: u32) -> &Entry {
        &self.entries[ix as usize]
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The country entry of an ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).map(|&i| &self.entries[i as usize])
    }

    /// The admin-1 entry of a code such as `US.TX`.
    pub fn admin1(&self, code: &str) -> Option<&Entry> {
        self.admin1.get(code).map(|&i| &self.entries[i as usize])
    }

    /// Longest indexed name, in words (bounds the matcher's window).
    pub fn max_words(&self) -> usize {
        self.max_words
    }
}

/// What [`build_resource`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildStats {
    pub entries: usize,
    pub names: usize,
    pub bytes_in: u64,
    pub bytes_out: u64,
}

/// Validate an intermediate gazetteer TSV (from `scripts/geo/build_gazetteer.py`), sort it by
/// feature and id, and write it gzip-compressed to `out` (the resource embedded by
/// [`Gazetteer::load_default`]).
pub fn build_resource(from: &Path, out: &Path) -> Result<BuildStats> {
    let origin = from.display().to_string();
    let io = |path: &Path| {
        let p = path.display().to_string();
        move |e| Error::Io { path: p, source: e }
    };
    let text = std::fs::read_to_string(from).map_err(io(from))?;
    let mut g = Gazetteer::empty();
    let mut lines: Vec<(u8, u64, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        g.parse_tsv_line(line, &origin, i as u64 + 1)?;
        let e = &g.entries[g.entries.len() - 1];
        lines.push((e.feature as u8, e.id, line));
    }
    g.finish();
    lines.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let file = std::fs::File::create(out).map_err(io(out))?;
    let mut enc = flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::best());
    let header = "# id\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tflags\taltnames\n";
    enc.write_all(header.as_bytes()).map_err(io(out))?;
    for (_, _, line) in &lines {
        enc.write_all(line.as_bytes()).map_err(io(out))?;
        enc.write_all(b"\n").map_err(io(out))?;
    }
    enc.finish().map_err(io(out))?.flush().map_err(io(out))?;
    let bytes_out = std::fs::metadata(out).map_err(io(out))?.len();
    Ok(BuildStats {
        entries: g.len(),
        names: g.hashes.len(),
        bytes_in: text.len() as u64,
        bytes_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn normalize_folds_case_space_and_apostrophes() {
        assert_eq!(normalize("Côte  d’Ivoire"), "côte d'ivoire");
        assert_eq!(normalize("U.S."), "u.s.");
        assert_eq!(normalize("New\nYork"), "new york");
    }

    #[test]
    fn bad_lines_name_origin_and_line() {
        let mut g = Gazetteer::empty();
        let e = g.add_tsv_line("1\tX\t95\t0\tUSA\t\tcity\t1\t\t", "t.tsv", 7).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("t.tsv:7"), "{msg}");
        assert!(msg.contains("out of range"), "{msg}");
        assert!(g.add_tsv_line("1\tX\t1\t1\tUSA\t\tplanet\t1\t\t", "t.tsv", 8).is_err());
        assert!(g.add_tsv_line("too\tfew", "t.tsv", 9).is_err());
        assert!(g.add_tsv_line("# comment", "t.tsv", 10).is_ok());
    }

    #[test]
    fn compact_form_round_trips() {
        let tsv = "# header\n6252001\tUnited States\t39.76\t-98.5\tUSA\t\tcountry\t327000000\t\tAmerica|USA\n\
                   4140963\tWashington\t38.89511\t-77.03637\tUSA\tUS.DC\tcity\t689545\tC\tWashington D.C.\n\
                   5815135\tWashington\t47.50012\t-120.50147\tUSA\tUS.WA\tadmin1\t7000000\t\t\n";
        let bin: &'static [u8] = Box::leak(compact::encode(tsv).unwrap().into_boxed_slice());
        let a = Gazetteer::from_binary(bin, "b").unwrap();
        let b = Gazetteer::from_text(tsv, "t").unwrap();
        assert_eq!(a.entries(), b.entries());
        assert_eq!((&a.hashes, &a.refs, a.max_words), (&b.hashes, &b.refs, b.max_words));
        assert_eq!(a.lookup("washington").len(), 2);
        assert_eq!(a.admin1("US.WA").map(|e| &*e.name), Some("Washington"));
        assert_eq!(a.country("USA").map(|e| e.lat), Some(39.76));
        // Damaged input is an error, not a panic.
        for cut in [0, 7, 20, 40, bin.len() - 1] {
            assert!(Gazetteer::from_binary(&bin[..cut], "b").is_err());
        }
        let e = compact::encode("1\tX\t1\t1\tUS\t\tcity\t1\t\t\n").unwrap_err();
        assert_eq!(e.0, 1);
    }

    #[test]
    fn bundled_compact_form_matches_the_tsv_resource() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/geo/gazetteer.tsv.gz");
        let gz = std::fs::read(path).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
        let a = Gazetteer::from_binary(DEFAULT_BIN, "b").unwrap();
        let b = Gazetteer::from_text(&text, "t").unwrap();
        assert_eq!(a.len(), b.len());
        assert!(a.entries() == b.entries());
        assert!(a.hashes == b.hashes && a.refs == b.refs);
        assert_eq!(a.max_words, b.max_words);
    }

    #[test]
    fn regions_and_aliases_are_indexed() {
        let mut g = Gazetteer::empty();
        g.add_tsv_line("6252001\tUnited States\t39.76\t-98.5\tUSA\t\tcountry\t327000000\t\t", "t", 1)
            .unwrap();
        g.add_aliases("U.S.\tUS\nNowhere\tZZ\nAmerica\t#6252001\n", "a").unwrap();
        assert_eq!(g.lookup("america").len(), 1);
        assert!(g.add_aliases("X\t#12x\n", "a").is_err());
        g.add_regions("Donbas|Donbass\t48\t38\tUKR\tregion\n", "r").unwrap();
        assert_eq!(g.lookup("u.s.").len(), 1);
        assert!(g.lookup("u.s.")[0].alternate);
        assert_eq!(g.entry(g.lookup("DONBASS")[0].entry).name, "Donbas");
        assert!(g.add_regions("Bad\tx\t1\t-\tregion\n", "r").is_err());
    }
}
