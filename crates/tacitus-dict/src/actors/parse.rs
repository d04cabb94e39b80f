//! Line parser and validator of the actor dictionary format (see `FORMAT.md`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use tacitus_doc::ActorCode;

use super::{ActorEntry, EntryKind, Error, Result, Role};

/// CAMEO agent (sector) codes accepted in the sector position of a code.
pub const SECTOR_CODES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MOD",
    "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF",
];

/// One surface form to compile into the matcher, with where it was written.
#[derive(Clone, Debug)]
pub struct Form {
    pub entry: usize,
    pub text: String,
    pub file: String,
    pub line: usize,
}

/// Entries and their surface forms, validated.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<ActorEntry>,
    pub forms: Vec<Form>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Country,
    Pseudo,
    Person,
    Org,
    Group,
    Party,
    Sector,
}

impl BlockKind {
    fn fields(&self) -> &'static [&'static str] {
        match self {
            BlockKind::Country => &[
                "names",
                "former",
                "adjectives",
                "demonyms",
                "capital",
                "seats",
                "seats XXX",
                "cities",
                "regions",
            ],
            BlockKind::Pseudo => &["names", "adjectives"],
            BlockKind::Person => &["aliases", "role", "country"],
            BlockKind::Org | BlockKind::Group | BlockKind::Party => &["names", "role"],
            BlockKind::Sector => &["words"],
        }
    }
}

/// A code written in a file, checked once every `@country`/`@pseudo` is known.
struct PendingCode {
    country: String,
    file: String,
    line: usize,
}

/// Forms of one entry of a block, each with its line.
struct Group {
    kind: EntryKind,
    code: Option<ActorCode>,
    forms: Vec<(String, usize)>,
}

struct Block {
    kind: BlockKind,
    file: String,
    line: usize,
    title: String,
    code: Option<ActorCode>,
    /// One entry each.
    groups: Vec<Group>,
    roles: Vec<(Role, usize)>,
    home: Option<(String, usize)>,
}

struct State {
    parsed: Parsed,
    /// Code → (is a state, defining file, line).
    known_countries: HashMap<String, (bool, String, usize)>,
    pending: Vec<PendingCode>,
    /// Persons whose home country is checked at the end: (entry index, file, line).
    homes: Vec<(usize, String, usize)>,
}

fn err(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parse and validate every source, in order.
pub fn parse_sources(sources: &[(String, &str)]) -> Result<Parsed> {
    let mut st = State {
        parsed: Parsed::default(),
        known_countries: HashMap::new(),
        pending: Vec::new(),
        homes: Vec::new(),
    };
    for (file, text) in sources {
        parse_file(&mut st, file, text)?;
    }
    for p in &st.pending {
        if !st.known_countries.contains_key(&p.country) {
            return Err(err(
                &p.file,
                p.line,
                format!(
                    "unknown country code '{}' (expected a code defined by @country or @pseudo)",
                    p.country
                ),
            ));
        }
    }
    for (entry, file, line) in &st.homes {
        let e = &mut st.parsed.entries[*entry];
        if e.country.is_empty() {
            // Home country: the first role held for a state (not IGO/NGO-like pseudo codes).
            if let Some(r) = e
                .roles
                .iter()
                .find(|r| st.known_countries.get(&r.code.country).is_some_and(|(state, _, _)| *state))
            {
                e.country = r.code.country.clone();
            }
        } else if !st.known_countries.contains_key(&e.country) {
            return Err(err(file, *line, format!("unknown country code '{}' in 'country:'", e.country)));
        }
    }
    Ok(st.parsed)
}

fn strip_comment(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_space {
            return &line[..i];
        }
        prev_space = c.is_whitespace();
    }
    line
}

fn parse_file(st: &mut State, file: &str, text: &str) -> Result<()> {
    let mut block: Option<Block> = None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            if let Some(b) = block.take() {
                finish_block(st, b)?;
            }
            block = Some(parse_header(st, file, line_no, rest)?);
            continue;
        }
        let Some(b) = block.as_mut() else {
            return Err(err(
                file,
                line_no,
                "expected a block header such as '@country ARM Armenia' before fields",
            ));
        };
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(file, line_no, "expected 'field: value' or a '@' block header"));
        };
        parse_field(st, b, file, line_no, key.trim(), value.trim())?;
    }
    if let Some(b) = block.take() {
        finish_block(st, b)?;
    }
    Ok(())
}

/// Split a code such as `ARMGOV`, `IGOUNO` or `PSEREBHMS` into its parts.
pub fn parse_code(code: &str) -> Option<ActorCode> {
    let valid = code.len() >= 3
        && code.len() / 3 * 3 == code.len()
        && code.bytes().take(3).all(|b| b.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !valid {
        return None;
    }
    let mut out = ActorCode {
        country: code[..3].to_string(),
        ..Default::default()
    };
    for i in (3..code.len()).step_by(3) {
        let chunk = &code[i..i + 3];
        if SECTOR_CODES.contains(&chunk) {
            out.sector.push_str(chunk);
        } else {
            out.org.push_str(chunk);
        }
    }
    Some(out)
}

fn code_or_err(st: &mut State, file: &str, line: usize, code: &str) -> Result<ActorCode> {
    let parsed = parse_code(code).ok_or_else(|| {
        err(
            file,
            line,
            format!("expected an actor code of 3-letter upper-case parts (e.g. ARMGOV, IGOUNO), found '{code}'"),
        )
    })?;
    st.pending.push(PendingCode {
        country: parsed.country.clone(),
        file: file.to_string(),
        line,
    });
    Ok(parsed)
}

fn parse_header(st: &mut State, file: &str, line: usize, rest: &str) -> Result<Block> {
    let (directive, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let args = args.trim();
    let kind = match directive {
        "country" => BlockKind::Country,
        "pseudo" => BlockKind::Pseudo,
        "person" => BlockKind::Person,
        "org" => BlockKind::Org,
        "group" => BlockKind::Group,
        "party" => BlockKind::Party,
        "sector" => BlockKind::Sector,
        other => {
            return Err(err(
                file,
                line,
                format!("unknown directive '@{other}' (expected @country, @pseudo, @person, @org, @group, @party or @sector)"),
            ))
        }
    };
    let mut block = Block {
        kind,
        file: file.to_string(),
        line,
        title: String::new(),
        code: None,
        groups: Vec::new(),
        roles: Vec::new(),
        home: None,
    };
    let (first, title) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let title = title.trim();
    match kind {
        BlockKind::Person => {
            if args.is_empty() {
                return Err(err(file, line, "expected '@person Full Name'"));
            }
            block.title = args.to_string();
            block.groups.push(Group {
                kind: EntryKind::Person,
                code: None,
                forms: vec![(args.to_string(), line)],
            });
        }
        BlockKind::Country | BlockKind::Pseudo => {
            let valid = first.len() == 3 && first.bytes().all(|b| b.is_ascii_uppercase());
            if !valid || (kind == BlockKind::Country && title.is_empty()) {
                return Err(err(
                    file,
                    line,
                    format!("expected '@{directive} XXX Name' with a 3-letter upper-case code"),
                ));
            }
            if let Some((_, f, l)) = st.known_countries.get(first) {
                return Err(err(file, line, format!("country code '{first}' already defined at {f}:{l}")));
            }
            st.known_countries
                .insert(first.to_string(), (kind == BlockKind::Country, file.to_string(), line));
            block.title = title.to_string();
            let code = ActorCode::new(first, "");
            block.code = Some(code.clone());
            if kind == BlockKind::Country {
                block.groups.push(Group {
                    kind: EntryKind::Country,
                    code: Some(code),
                    forms: vec![(title.to_string(), line)],
                });
            }
        }
        BlockKind::Org | BlockKind::Group | BlockKind::Party => {
            if title.is_empty() {
                return Err(err(file, line, format!("expected '@{directive} CODE Name'")));
            }
            let code = code_or_err(st, file, line, first)?;
            let entry_kind = match kind {
                BlockKind::Org => EntryKind::Organisation,
                BlockKind::Group => EntryKind::Group,
                _ => EntryKind::Party,
            };
            block.title = title.to_string();
            block.code = Some(code.clone());
            block.groups.push(Group {
                kind: entry_kind,
                code: Some(code),
                forms: vec![(title.to_string(), line)],
            });
        }
        BlockKind::Sector => {
            if !SECTOR_CODES.contains(&first) {
                return Err(err(
                    file,
                    line,
                    format!("expected '@sector CODE' with a CAMEO sector code (GOV, MIL, ...), found '{first}'"),
                ));
            }
            block.title = first.to_string();
            let code = ActorCode::new("", first);
            block.code = Some(code.clone());
            block.groups.push(Group {
                kind: EntryKind::Sector,
                code: Some(code),
                forms: Vec::new(),
            });
        }
    }
    Ok(block)
}

fn alternatives(file: &str, line: usize, value: &str) -> Result<Vec<(String, usize)>> {
    let mut out = Vec::new();
    for alt in value.split('|') {
        let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
        if alt.is_empty() {
            return Err(err(file, line, "expected names separated by '|', found an empty alternative"));
        }
        out.push((alt, line));
    }
    Ok(out)
}

fn parse_field(st: &mut State, b: &mut Block, file: &str, line: usize, key: &str, value: &str) -> Result<()> {
    let unknown = || {
        let kind = format!("{:?}", b.kind).to_lowercase();
        err(
            file,
            line,
            format!(
                "unknown field '{key}' in @{kind} block (expected one of: {})",
                b.kind.fields().join(", ")
            ),
        )
    };
    let country = b.code.as_ref().map(|c| c.country.clone()).unwrap_or_default();
    match (b.kind, key) {
        (BlockKind::Country, "names" | "former") => {
            let alts = alternatives(file, line, value)?;
            b.groups[0].forms.extend(alts);
        }
        (BlockKind::Pseudo, "names") => {
            let alts = alternatives(file, line, value)?;
            push_group(b, EntryKind::Country, Some(ActorCode::new(&country, "")), alts, false);
        }
        (BlockKind::Country | BlockKind::Pseudo, "adjectives" | "demonyms") => {
            let alts = alternatives(file, line, value)?;
            let code = ActorCode::new(&country, "");
            push_group(b, EntryKind::Demonym, Some(code), alts, false);
        }
        (BlockKind::Country, "capital") => {
            let code = ActorCode::new(&country, "GOV");
            for alt in alternatives(file, line, value)? {
                push_group(b, EntryKind::Capital, Some(code.clone()), vec![alt], true);
            }
        }
        (BlockKind::Country, "cities" | "regions") => {
            for alt in alternatives(file, line, value)? {
                push_group(b, EntryKind::City, None, vec![alt], true);
            }
        }
        (BlockKind::Country, k) if k == "seats" || k.starts_with("seats ") => {
            let sector = k.strip_prefix("seats").unwrap_or("").trim();
            let sector = if sector.is_empty() { "GOV" } else { sector };
            if !SECTOR_CODES.contains(&sector) {
                return Err(err(
                    file,
                    line,
                    format!("expected 'seats:' or 'seats SECTOR:' with a CAMEO sector code, found '{sector}'"),
                ));
            }
            let code = ActorCode::new(&country, sector);
            for alt in alternatives(file, line, value)? {
                push_group(b, EntryKind::Seat, Some(code.clone()), vec![alt], true);
            }
        }
        (BlockKind::Person, "aliases") => {
            let alts = alternatives(file, line, value)?;
            b.groups[0].forms.extend(alts);
        }
        (BlockKind::Person, "country") => {
            let c = value.trim();
            if c.len() != 3 || !c.bytes().all(|x| x.is_ascii_uppercase()) {
                return Err(err(
                    file,
                    line,
                    format!("expected 'country: XXX' with a 3-letter code, found '{c}'"),
                ));
            }
            b.home = Some((c.to_string(), line));
        }
        (BlockKind::Person | BlockKind::Org | BlockKind::Group | BlockKind::Party, "role") => {
            let role = parse_role(st, file, line, value)?;
            b.roles.push((role, line));
        }
        (BlockKind::Org | BlockKind::Group | BlockKind::Party, "names") => {
            let alts = alternatives(file, line, value)?;
            b.groups[0].forms.extend(alts);
        }
        (BlockKind::Sector, "words") => {
            let alts = alternatives(file, line, value)?;
            b.groups[0].forms.extend(alts);
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

/// Add forms to a group of the block: `separate` makes a new entry per call, otherwise forms
/// join the existing group of that kind.
fn push_group(b: &mut Block, kind: EntryKind, code: Option<ActorCode>, forms: Vec<(String, usize)>, separate: bool) {
    if !separate {
        if let Some(g) = b.groups.iter_mut().find(|g| g.kind == kind) {
            g.forms.extend(forms);
            return;
        }
    }
    b.groups.push(Group { kind, code, forms });
}

fn parse_date(file: &str, line: usize, s: &str, end: bool) -> Result<Option<NaiveDate>> {
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || err(file, line, format!("expected a date YYYY-MM-DD, YYYY-MM or YYYY, found '{s}'"));
    let parts: Vec<&str> = s.split('-').collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad())?;
    let year = i32::try_from(nums[0]).map_err(|_| bad())?;
    if parts[0].len() != 4 {
        return Err(bad());
    }
    let date = match nums.len() {
        1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 if end => NaiveDate::from_ymd_opt(year, nums[1], 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        2 => NaiveDate::from_ymd_opt(year, nums[1], 1),
        3 => NaiveDate::from_ymd_opt(year, nums[1], nums[2]),
        _ => None,
    };
    date.map(Some).ok_or_else(bad)
}

fn parse_role(st: &mut State, file: &str, line: usize, value: &str) -> Result<Role> {
    let mut words = value.split_whitespace();
    let (Some(code), Some(range)) = (words.next(), words.next()) else {
        return Err(err(file, line, "expected 'role: CODE FROM..TO' (e.g. 'role: ARMGOV 2018-05-08..')"));
    };
    let code = code_or_err(st, file, line, code)?;
    let Some((from, to)) = range.split_once("..") else {
        return Err(err(file, line, format!("expected a date range FROM..TO, found '{range}'")));
    };
    let from = parse_date(file, line, from, false)?.unwrap_or(NaiveDate::MIN);
    let to = parse_date(file, line, to, true)?;
    if to.is_some_and(|to| to < from) {
        return Err(err(file, line, format!("role ends before it starts: '{range}'")));
    }
    Ok(Role { code, from, to })
}

fn finish_block(st: &mut State, b: Block) -> Result<()> {
    match b.kind {
        BlockKind::Pseudo if b.groups.is_empty() => return Ok(()),
        BlockKind::Person if b.roles.is_empty() => {
            return Err(err(
                &b.file,
                b.line,
                format!("person '{}' has no 'role:' line (expected at least one)", b.title),
            ));
        }
        BlockKind::Sector if b.groups[0].forms.is_empty() => {
            return Err(err(&b.file, b.line, format!("@sector {} has no 'words:' line", b.title)));
        }
        _ => {}
    }
    let mut roles = b.roles;
    roles.sort_by_key(|(r, _)| r.from);
    for pair in roles.windows(2) {
        let (prev, prev_line) = &pair[0];
        let (next, next_line) = &pair[1];
        if !matches!(prev.to, Some(to) if to < next.from) {
            let (line, other) = if next_line > prev_line {
                (*next_line, *prev_line)
            } else {
                (*prev_line, *next_line)
            };
            return Err(err(
                &b.file,
                line,
                format!("role dates overlap the role at line {other} (expected one role at a time)"),
            ));
        }
    }
    let roles: Vec<Role> = roles.into_iter().map(|(r, _)| r).collect();
    let home = b.home.as_ref().map(|(c, _)| c.clone());
    if let Some((c, l)) = &b.home {
        st.pending.push(PendingCode {
            country: c.clone(),
            file: b.file.clone(),
            line: *l,
        });
    }
    let block_country = b.code.as_ref().map(|c| c.country.clone()).unwrap_or_default();
    let mut seen: HashSet<(EntryKind, String)> = HashSet::new();
    for Group { kind, code, forms } in b.groups {
        if forms.is_empty() {
            continue;
        }
        let name = if matches!(
            kind,
            EntryKind::Country | EntryKind::Person | EntryKind::Organisation | EntryKind::Group | EntryKind::Party | EntryKind::Sector
        ) {
            b.title.clone()
        } else {
            forms[0].0.clone()
        };
        if !seen.insert((kind, name.clone())) && matches!(kind, EntryKind::City | EntryKind::Seat | EntryKind::Capital) {
            return Err(err(&b.file, forms[0].1, format!("'{name}' is listed twice in this block")));
        }
        let index = st.parsed.entries.len();
        let country = match kind {
            EntryKind::Person => home.clone().unwrap_or_default(),
            EntryKind::Sector => String::new(),
            _ => code.as_ref().map(|c| c.country.clone()).unwrap_or_else(|| block_country.clone()),
        };
        if kind == EntryKind::Person {
            st.homes.push((index, b.file.clone(), b.line));
        }
        for (text, line) in &forms {
            st.parsed.forms.push(Form {
                entry: index,
                text: text.clone(),
                file: b.file.clone(),
                line: *line,
            });
        }
        st.parsed.entries.push(ActorEntry {
            kind,
            name,
            code,
            country,
            roles: if matches!(
                kind,
                EntryKind::Person | EntryKind::Organisation | EntryKind::Group | EntryKind::Party
            ) {
                roles.clone()
            } else {
                Vec::new()
            },
            names: forms.into_iter().map(|(t, _)| t).collect(),
            file: b.file.clone(),
            line: b.line,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Parsed> {
        parse_sources(&[("t.txt".to_string(), text)])
    }

    fn message(text: &str) -> String {
        match load(text) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("expected an error for {text:?}"),
        }
    }

    #[test]
    fn splits_codes_into_parts() {
        let c = parse_code("PSEREBHMS").unwrap();
        assert_eq!((c.country.as_str(), c.org.as_str(), c.sector.as_str()), ("PSE", "HMS", "REB"));
        let c = parse_code("IGOUNO").unwrap();
        assert_eq!((c.country.as_str(), c.org.as_str(), c.sector.as_str()), ("IGO", "UNO", ""));
        assert!(parse_code("ARMGO").is_none());
        assert!(parse_code("armgov").is_none());
        assert!(parse_code("12AGOV").is_none());
        assert_eq!(parse_code("CODREBM23").map(|c| c.org), Some("M23".to_string()));
    }

    #[test]
    fn parses_a_country_block_into_entries() {
        let p =
            load("@country ARM Armenia\nnames: Republic of Armenia\nadjectives: Armenian\ncapital: Yerevan\ncities: Gyumri | Vanadzor\n")
                .unwrap();
        let kinds: Vec<EntryKind> = p.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![
                EntryKind::Country,
                EntryKind::Demonym,
                EntryKind::Capital,
                EntryKind::City,
                EntryKind::City
            ]
        );
        assert_eq!(p.entries[2].code.as_ref().unwrap().code(), "ARMGOV");
        assert_eq!(p.entries[4].name, "Vanadzor");
        assert_eq!(p.entries[4].country, "ARM");
        assert!(p.entries[4].code.is_none());
    }

    #[test]
    fn unknown_directive_names_file_and_line() {
        assert!(message("\n@countri ARM Armenia\n").starts_with("t.txt:2: unknown directive '@countri'"));
    }

    #[test]
    fn unknown_field_is_an_error() {
        let m = message("@country ARM Armenia\ncapitol: Yerevan\n");
        assert!(m.starts_with("t.txt:2: unknown field 'capitol'"), "{m}");
    }

    #[test]
    fn role_needs_a_valid_code_and_date() {
        let base = "@country ARM Armenia\n@person Nikol Pashinyan\n";
        assert!(message(&format!("{base}role: ARMGV 2018-05-08..\n")).starts_with("t.txt:3: expected an actor code"));
        assert!(message(&format!("{base}role: ARMGOV 2018-13-08..\n")).starts_with("t.txt:3: expected a date"));
        assert!(message(&format!("{base}role: ARMGOV 2018-05-08\n")).starts_with("t.txt:3: expected a date range"));
        assert!(message(&format!("{base}role: ARMGOV 2019..2018\n")).starts_with("t.txt:3: role ends before"));
    }

    #[test]
    fn overlapping_roles_are_an_error() {
        let m = message("@country ARM Armenia\n@person X Y\nrole: ARMOPP 2013..2018-05-08\nrole: ARMGOV 2018-05-08..\n");
        assert!(m.starts_with("t.txt:4: role dates overlap the role at line 3"), "{m}");
    }

    #[test]
    fn unknown_country_code_is_an_error() {
        let m = message("@country ARM Armenia\n@person X Y\nrole: XYZGOV 2018..\n");
        assert!(m.starts_with("t.txt:3: unknown country code 'XYZ'"), "{m}");
    }

    #[test]
    fn duplicate_country_code_is_an_error() {
        let m = message("@country ARM Armenia\n@country ARM Armenia again\n");
        assert!(m.starts_with("t.txt:2: country code 'ARM' already defined"), "{m}");
    }

    #[test]
    fn fields_before_a_header_and_persons_without_roles_are_errors() {
        assert!(message("names: X\n").starts_with("t.txt:1: expected a block header"));
        assert!(message("@country ARM Armenia\n\n@person X Y\naliases: Y\n").starts_with("t.txt:3: person 'X Y' has no 'role:'"));
        assert!(message("@country ARM Armenia\nnames: A || B\n").starts_with("t.txt:2: expected names separated"));
    }

    #[test]
    fn malformed_input_gives_errors_not_panics() {
        let inputs = [
            "@",
            "@country",
            "@country ARM",
            "@country arm Armenia",
            "@country ÄRM Armenia",
            "@person",
            "@org",
            "@org IGOUNO",
            "@sector",
            "@sector XYZ\nwords: a",
            "@sector GOV",
            "@country ARM Armenia\nnames: |",
            "@country ARM Armenia\nseats XX: Kremlin",
            "@country ARM Armenia\n@person É\nrole: ÉÉÉGOV 2020..",
            "@country ARM Armenia\n@person X\nrole:",
            "@country ARM Armenia\n@person X\nrole: ARMGOV ..",
            "@country ARM Armenia\n@person X\nrole: ARMGOV 99999-01-01..",
            "@country ARM Armenia\n@person X\nrole: ARMGOV 2020-02-30..",
            "@country ARM Armenia\n@person X\nrole: ARMGOV 2020-1-1..2019",
            "@country ARM Armenia\n@person X\ncountry: armenia\nrole: ARMGOV 2020..",
            "@country ARM Armenia\n@person X\ncountry: XYZ\nrole: ARMGOV 2020..",
            "no colon here",
            "\u{feff}@country ARM Armenia",
        ];
        for input in inputs {
            // Any outcome is fine as long as it is not a panic; errors name the file.
            if let Err(e) = load(input) {
                assert!(e.to_string().starts_with("t.txt:"), "{input:?}: {e}");
            }
        }
        assert!(
            load("@country ARM Armenia\n@person X\nrole: ARMGOV ..").is_ok(),
            "open range is 'always'"
        );
    }

    #[test]
    fn comments_are_stripped_but_not_inside_words() {
        assert_eq!(strip_comment("names: A # note"), "names: A ");
        assert_eq!(strip_comment("names: C#"), "names: C#");
    }

    #[test]
    fn year_and_month_dates_cover_the_whole_period() {
        assert_eq!(parse_date("f", 1, "2018", true).unwrap(), NaiveDate::from_ymd_opt(2018, 12, 31));
        assert_eq!(parse_date("f", 1, "2024-02", true).unwrap(), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(parse_date("f", 1, "2024-02", false).unwrap(), NaiveDate::from_ymd_opt(2024, 2, 1));
        assert_eq!(parse_date("f", 1, "", false).unwrap(), None);
    }
}
