//! The gazetteer: GeoNames places, countries and divisions plus our own regions and aliases,
//! indexed by normalised name.

use crate::{Error, Result};
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{BufRead, Read, Write};
use std::path::Path;

/// The compressed gazetteer resource built by `tacitus gazetteer build`.
static DEFAULT_GZ: &[u8] = include_bytes!("../../../resources/geo/gazetteer.tsv.gz");
/// Regions that gazetteers lack or dispute, written by us.
static REGIONS: &str = include_str!("../../../resources/geo/regions.txt");
/// Other names of countries and first-level divisions, written by us.
static ALIASES: &str = include_str!("../../../resources/geo/aliases.txt");

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

fn key_hash(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.write(&[0xff]);
    h.finish()
}

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
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3, empty for regions spanning countries.
    pub country: String,
    /// GeoNames admin-1 code with its country prefix (`US.TX`), empty when unknown.
    pub admin1: String,
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

impl Gazetteer {
    /// The bundled gazetteer (GeoNames via registry packages, plus our regions and aliases).
    pub fn load_default() -> Result<Gazetteer> {
        let origin = "resources/geo/gazetteer.tsv.gz";
        let mut text = String::with_capacity(13 << 20);
        flate2::read::GzDecoder::new(DEFAULT_GZ)
            .read_to_string(&mut text)
            .map_err(|e| Error::Io {
                path: origin.to_string(),
                source: e,
            })?;
        let mut g = Gazetteer::from_text(&text, origin)?;
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
        if line.is_empty() || line.starts_with('#') {
            return Ok(());
        }
        let bad = |message: String| Error::Format {
            origin: origin.to_string(),
            line: line_no,
            message,
        };
        let mut f = [""; 10];
        let mut n = 0;
        for part in line.split('\t') {
            if n < 10 {
                f[n] = part;
            }
            n += 1;
        }
        if n != 10 {
            return Err(bad(format!("expected 10 tab-separated fields, found {n}")));
        }
        let id: u64 = f[0].parse().map_err(|_| bad(format!("bad id {:?}", f[0])))?;
        let lat: f64 = f[2].parse().map_err(|_| bad(format!("bad latitude {:?}", f[2])))?;
        let lon: f64 = f[3].parse().map_err(|_| bad(format!("bad longitude {:?}", f[3])))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad(format!("coordinates out of range: {lat} {lon}")));
        }
        let feature = Feature::parse(f[6]).ok_or_else(|| bad(format!("unknown feature {:?}", f[6])))?;
        let population: u64 = f[7].parse().map_err(|_| bad(format!("bad population {:?}", f[7])))?;
        if f[1].trim().is_empty() {
            return Err(bad("empty name".into()));
        }
        let entry = Entry {
            id,
            name: f[1].to_string(),
            lat,
            lon,
            country: f[4].to_string(),
            admin1: f[5].to_string(),
            feature,
            population,
            capital: f[8].contains('C'),
        };
        let ix = self.push_unsorted(entry, &[]);
        if !f[9].is_empty() {
            for a in f[9].split('|') {
                if !a.trim().is_empty() {
                    self.add_name(a, ix, true);
                }
            }
        }
        Ok(())
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
                self.countries.entry(entry.country.clone()).or_insert(ix);
            }
            Feature::Admin1 if !entry.admin1.is_empty() => {
                self.admin1.entry(entry.admin1.clone()).or_insert(ix);
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
        let words = key.split([' ', '-']).count();
        self.max_words = self.max_words.max(words.min(8));
        self.pending.push((key_hash(&key), NameRef { entry, alternate }));
    }

    /// Merge pending names into the sorted index (one name per entry, own names first).
    fn finish(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let mut all: Vec<(u64, NameRef)> = std::mem::take(&mut self.pending);
        all.reserve(self.hashes.len());
        all.extend(self.hashes.iter().copied().zip(self.refs.iter().copied()));
        all.sort_unstable_by_key(|(h, r)| (*h, r.entry, r.alternate));
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
                name: names[0].to_string(),
                lat,
                lon,
                country,
                admin1: String::new(),
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

    /// Add aliases: `name TAB target` where target is an ISO alpha-2 country or an admin-1 code.
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
            let entry = if target.contains('.') {
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
    fn regions_and_aliases_are_indexed() {
        let mut g = Gazetteer::empty();
        g.add_tsv_line("6252001\tUnited States\t39.76\t-98.5\tUSA\t\tcountry\t327000000\t\t", "t", 1)
            .unwrap();
        g.add_aliases("U.S.\tUS\nNowhere\tZZ\n", "a").unwrap();
        g.add_regions("Donbas|Donbass\t48\t38\tUKR\tregion\n", "r").unwrap();
        assert_eq!(g.lookup("u.s.").len(), 1);
        assert!(g.lookup("u.s.")[0].alternate);
        assert_eq!(g.entry(g.lookup("DONBASS")[0].entry).name, "Donbas");
        assert!(g.add_regions("Bad\tx\t1\t-\tregion\n", "r").is_err());
    }
}
