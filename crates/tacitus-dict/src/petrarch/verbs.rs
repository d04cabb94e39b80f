//! Verb dictionaries: synonym sets (`&NAME` + `+phrase` lines), verb blocks (`--- NAME [code] ---`),
//! verbs with irregular forms (`{...}`), multi-word verbs (`+CORDON_OFF`, `WIRE_+TAP`),
//! patterns (`- upper * lower [code]`) in both the PETRARCH-1/TABARI style (`$ + ^ %`, `_`
//! for adjacency) and the CAMEO.2.0 style (`{noun phrase}`, `(PREP noun)`), and transformation
//! rules (`~ a (a b VERB) VERB = a b code`).

use super::text::{lines, phrase_words, plural, split_code, FileReport};
use std::collections::HashMap;

/// One token of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternToken {
    /// A literal word (upper case).
    Word(String),
    /// A synonym set reference, without the `&`.
    Synset(String),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `^`: skip one noun phrase.
    Skip,
    /// `%`: a compound actor (source and target from the same coordinated phrase).
    Compound,
    /// `*`: the verb itself.
    Verb,
    /// CAMEO.2.0 `{A B C}`: a noun phrase whose head is the last word.
    Phrase(Vec<PatternElem>),
    /// CAMEO.2.0 `(PREP ...)`: a prepositional phrase.
    Prep(Vec<PatternElem>),
}

/// A pattern token and whether it is joined by `_` to the next one (no words may intervene).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternElem {
    pub token: PatternToken,
    pub joined_next: bool,
}

/// One `- ... [code]` pattern line of a verb block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPattern {
    /// 1-based line in the dictionary file.
    pub line: usize,
    /// Elements before the verb, in text order.
    pub upper: Vec<PatternElem>,
    /// Elements after the verb, in text order.
    pub lower: Vec<PatternElem>,
    /// Is the last upper element joined to the verb (`IN_*`)?
    pub upper_joined: bool,
    /// Is the verb joined to the first lower element (`*_OUT`)?
    pub lower_joined: bool,
    /// The code as written, e.g. `064`, `032:033`, `---`.
    pub code: String,
}

/// One verb form of a block: `word` is the inflected verb; `pre`/`post` the fixed words of a
/// multi-word verb before/after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    pub word: String,
    pub pre: Vec<String>,
    pub post: Vec<String>,
    /// Index into [`VerbDictionary::blocks`].
    pub block: usize,
    /// The verb's own code (`[002]` after the verb), else the block's applies.
    pub code: Option<String>,
    /// The root form as written in the dictionary (`BREAK_DOWN`).
    pub root: String,
}

/// A `--- NAME [code] ---` block: its verbs share its patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    pub line: usize,
    /// The block code (`---` when absent).
    pub code: String,
    pub patterns: Vec<VerbPattern>,
}

/// A transformation rule `~ a (a b VERB) VERB = a b code` (CAMEO.2.0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    pub line: usize,
    pub source: String,
    pub inner_source: String,
    pub inner_target: String,
    pub inner_verb: String,
    pub verb: String,
    pub result_source: String,
    pub result_target: String,
    pub result_code: String,
}

/// A parsed verb dictionary.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    /// Synset name (without `&`) → phrases (each a word list).
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    pub blocks: Vec<VerbBlock>,
    /// Inflected verb word → the forms that use it.
    pub verbs: HashMap<String, Vec<VerbForm>>,
    pub transformations: Vec<Transformation>,
}

/// Regular forms of an English verb as PETRARCH makes them: `S`/`ES`/`IES`, `ED`/`D`/`IED`,
/// `ING` (dropping a final `E`).
pub fn regular_forms(root: &str) -> Vec<String> {
    let mut v = vec![root.to_string()];
    let cons_y = root.ends_with('Y') && root.chars().rev().nth(1).is_some_and(|c| !"AEIOU".contains(c));
    // `root` may hold non-ASCII letters (Latin-1 dictionaries): cut on character boundaries
    let stem_y = root.strip_suffix('Y').unwrap_or(root);
    // third person
    if cons_y {
        v.push(format!("{stem_y}IES"));
    } else if root.ends_with('S') || root.ends_with('X') || root.ends_with('Z') || root.ends_with("CH") || root.ends_with("SH") {
        v.push(format!("{root}ES"));
    } else {
        v.push(format!("{root}S"));
    }
    // past
    if root.ends_with('E') {
        v.push(format!("{root}D"));
    } else if cons_y {
        v.push(format!("{stem_y}IED"));
    } else {
        v.push(format!("{root}ED"));
    }
    // gerund
    let stem_e = root.strip_suffix('E').unwrap_or(root);
    if root.ends_with('E') && !root.ends_with("EE") && root.len() > 2 {
        v.push(format!("{stem_e}ING"));
    } else {
        v.push(format!("{root}ING"));
    }
    v
}

enum State {
    Top,
    Synset(String, bool),
    Block,
}

impl VerbDictionary {
    /// Parse a verb dictionary; `file` names it in the report.
    pub fn parse(text: &str, file: &str) -> (VerbDictionary, FileReport) {
        let mut d = VerbDictionary::default();
        let mut rep = FileReport::new(file, text);
        let mut state = State::Top;
        for line in lines(text, &['#']) {
            let body = line.body.trim();
            if body.is_empty() {
                continue;
            }
            let no = line.no;
            if body.starts_with("---") {
                match parse_block_header(body) {
                    Some((name, code)) => {
                        d.blocks.push(VerbBlock {
                            name,
                            line: no,
                            code,
                            patterns: Vec::new(),
                        });
                        rep.entries += 1;
                        state = State::Block;
                    }
                    None => rep.reject(no, line.raw, "bad block header"),
                }
                continue;
            }
            if let Some(name) = body.strip_prefix('&') {
                let label = name.split_whitespace().next().unwrap_or("").to_uppercase();
                // A trailing `_` on the label only turns off plurals; references omit it.
                let no_plural = label.ends_with('_');
                let name = label.trim_end_matches('_').to_string();
                if name.is_empty() {
                    rep.reject(no, line.raw, "synset without a name");
                    continue;
                }
                d.synsets.entry(name.clone()).or_default();
                rep.entries += 1;
                state = State::Synset(name, no_plural);
                continue;
            }
            if let State::Synset(ref name, label_no_plural) = state {
                if let Some(member) = body.strip_prefix('+') {
                    let member = member.trim();
                    if member.starts_with('&') {
                        let inner = member.trim_start_matches('&').to_uppercase();
                        let inner = inner.trim_end_matches('_').to_string();
                        match d.synsets.get(&inner).cloned() {
                            Some(phrases) => d.synsets.entry(name.clone()).or_default().extend(phrases),
                            None => rep.reject(no, line.raw, "undefined synset inside synset"),
                        }
                        continue;
                    }
                    let no_plural = label_no_plural || member.ends_with('_');
                    let words = phrase_words(member);
                    if words.is_empty() {
                        rep.reject(no, line.raw, "empty synset member");
                        continue;
                    }
                    let set = d.synsets.entry(name.clone()).or_default();
                    if !no_plural {
                        let mut pl = words.clone();
                        if let Some(last) = pl.last_mut() {
                            *last = plural(last);
                        }
                        set.push(pl);
                    }
                    set.push(words);
                    continue;
                }
                // A synset ends at the first line that is not a member.
                state = if d.blocks.is_empty() { State::Top } else { State::Block };
            }
            if body.starts_with('~') {
                match parse_transformation(body, no) {
                    Some(t) => {
                        d.transformations.push(t);
                        rep.entries += 1;
                    }
                    None => rep.reject(no, line.raw, "bad transformation rule"),
                }
                continue;
            }
            if d.blocks.is_empty() || !matches!(state, State::Block) {
                rep.reject(no, line.raw, "text outside a verb block");
                continue;
            }
            let block = d.blocks.len() - 1;
            if let Some(p) = body.strip_prefix('-') {
                match parse_pattern(p, no) {
                    Ok(pat) => {
                        d.blocks[block].patterns.push(pat);
                        rep.entries += 1;
                    }
                    Err(why) => rep.reject(no, line.raw, &why),
                }
                continue;
            }
            match parse_verb_line(body, block) {
                Ok(forms) => {
                    rep.entries += 1;
                    for f in forms {
                        d.verbs.entry(f.word.clone()).or_default().push(f);
                    }
                }
                Err(why) => rep.reject(no, line.raw, &why),
            }
        }
        // Resolve synset references in patterns: an undefined synset makes the pattern unusable.
        for b in &mut d.blocks {
            let syn = &d.synsets;
            let before = b.patterns.len();
            let mut dropped = Vec::new();
            b.patterns.retain(|p| {
                let ok = p.upper.iter().chain(p.lower.iter()).all(|e| synsets_defined(e, syn));
                if !ok {
                    dropped.push(p.line);
                }
                ok
            });
            if b.patterns.len() != before {
                let all: Vec<&str> = text.lines().collect();
                for l in dropped {
                    rep.entries -= 1;
                    let raw = all.get(l - 1).copied().unwrap_or("");
                    rep.reject(l, raw, "pattern uses an undefined synset (ignored, as documented)");
                }
            }
        }
        (d, rep)
    }

    /// The verb forms whose inflected word is `word` (upper case).
    pub fn forms_of(&self, word: &str) -> &[VerbForm] {
        self.verbs.get(word).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

fn synsets_defined(e: &PatternElem, syn: &HashMap<String, Vec<Vec<String>>>) -> bool {
    match &e.token {
        PatternToken::Synset(n) => syn.contains_key(n),
        PatternToken::Phrase(v) | PatternToken::Prep(v) => v.iter().all(|e| synsets_defined(e, syn)),
        _ => true,
    }
}

fn parse_block_header(body: &str) -> Option<(String, String)> {
    let inner = body.trim_start_matches('-').trim_end_matches('-').trim();
    let (name, code) = match inner.find('[') {
        Some(open) => {
            let close = inner[open..].find(']')? + open;
            (inner[..open].trim(), inner[open + 1..close].trim())
        }
        None => (inner, "---"),
    };
    if name.is_empty() {
        return None;
    }
    let code = if code.is_empty() { "---" } else { code };
    Some((name.to_uppercase(), code.to_string()))
}

/// A verb line: `VERB {FORMS} [CODE]`, `+MULTI_WORD {...}`, `PRE_+VERB {...}`.
fn parse_verb_line(body: &str, block: usize) -> Result<Vec<VerbForm>, String> {
    // the code may come before or after the {forms}
    let (rest, code) = match (body.find('['), body.find(']')) {
        (Some(a), Some(b)) if a < b => {
            let code = body[a + 1..b].trim().to_string();
            (format!("{} {}", &body[..a], &body[b + 1..]), Some(code))
        }
        (None, None) => (body.to_string(), None),
        _ => return Err("unbalanced '[' in verb line".into()),
    };
    let rest = rest.trim();
    let (root, irregular) = match rest.find('{') {
        Some(open) => {
            let close = rest.rfind('}').ok_or("unclosed '{' in verb forms")?;
            if close < open {
                return Err("unclosed '{' in verb forms".into());
            }
            (
                rest[..open].trim(),
                Some(rest[open + 1..close].split_whitespace().collect::<Vec<_>>()),
            )
        }
        None => (rest, None),
    };
    if root.is_empty() || root.contains(['[', ']', '{', '}', '(', ')', '*', '$', '%', '^']) {
        return Err("not a verb, pattern or synset line".into());
    }
    let root_up = root.trim_start_matches('+').to_uppercase();
    let parts = split_multi(root)?;
    let mut out = Vec::new();
    let mk = |(pre, word, post): (Vec<String>, String, Vec<String>)| VerbForm {
        word,
        pre,
        post,
        block,
        code: code.clone(),
        root: root_up.clone(),
    };
    match irregular {
        Some(forms) => {
            out.push(mk(parts.clone()));
            for f in forms {
                let p = split_multi(f)?;
                out.push(mk(p));
            }
        }
        None => {
            let (pre, verb, post) = parts;
            for w in regular_forms(&verb) {
                out.push(mk((pre.clone(), w, post.clone())));
            }
        }
    }
    Ok(out)
}

/// Split `KLM_NOP_+RST` / `+BREAK_DOWN` / `LASH OUT` into (pre words, verb, post words). Without
/// a `+` marker the first word is the verb.
fn split_multi(s: &str) -> Result<(Vec<String>, String, Vec<String>), String> {
    let pieces: Vec<&str> = s.split(|c: char| c == '_' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    if pieces.is_empty() {
        return Err("empty verb".into());
    }
    let idx = pieces.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let up = |p: &&str| p.trim_start_matches('+').to_uppercase();
    let verb = up(&pieces[idx]);
    if verb.is_empty() {
        return Err("empty verb".into());
    }
    Ok((
        pieces[..idx].iter().map(up).collect(),
        verb,
        pieces[idx + 1..].iter().map(up).collect(),
    ))
}

/// Parse a pattern line after its leading `-`.
pub fn parse_pattern(p: &str, line: usize) -> Result<VerbPattern, String> {
    let (body, code) = split_code(p).ok_or("pattern without a [code]")?;
    let elems = tokenize(body)?;
    let star = elems
        .iter()
        .position(|e| e.token == PatternToken::Verb)
        .ok_or("pattern without '*'")?;
    if elems.iter().filter(|e| e.token == PatternToken::Verb).count() > 1 {
        return Err("pattern with two '*'".into());
    }
    let upper_joined = star > 0 && elems[star - 1].joined_next;
    let lower_joined = elems[star].joined_next;
    let mut upper = elems[..star].to_vec();
    if let Some(last) = upper.last_mut() {
        last.joined_next = false;
    }
    let lower = elems[star + 1..].to_vec();
    let code = if code.is_empty() { "---".to_string() } else { code.to_string() };
    Ok(VerbPattern {
        line,
        upper,
        lower,
        upper_joined,
        lower_joined,
        code,
    })
}

/// Tokenize pattern text into elements, honouring `{...}` and `(...)` groups and `_` joins.
fn tokenize(s: &str) -> Result<Vec<PatternElem>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    parse_seq(&chars, &mut i, None)
}

fn parse_seq(c: &[char], i: &mut usize, close: Option<char>) -> Result<Vec<PatternElem>, String> {
    parse_seq_opt(c, i, close, false)
}

/// `open_ended`: the group may run to the end of the pattern (the older `(P ...` marker of
/// `newdict.txt`, whose `)` is often left out).
fn parse_seq_opt(c: &[char], i: &mut usize, close: Option<char>, open_ended: bool) -> Result<Vec<PatternElem>, String> {
    let mut out: Vec<PatternElem> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<PatternElem>, joined: bool| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word).to_uppercase();
        let token = match w.as_str() {
            "$" => PatternToken::Source,
            "+" => PatternToken::Target,
            "^" => PatternToken::Skip,
            "%" => PatternToken::Compound,
            "*" => PatternToken::Verb,
            _ => match w.strip_prefix('&') {
                Some(n) => PatternToken::Synset(n.to_string()),
                None => PatternToken::Word(w),
            },
        };
        out.push(PatternElem {
            token,
            joined_next: joined,
        });
    };
    while *i < c.len() {
        let ch = c[*i];
        *i += 1;
        match ch {
            '_' => {
                if word.is_empty() {
                    if let Some(last) = out.last_mut() {
                        last.joined_next = true;
                    }
                } else {
                    flush(&mut word, &mut out, true);
                }
            }
            c2 if c2.is_whitespace() => flush(&mut word, &mut out, false),
            '{' | '(' => {
                flush(&mut word, &mut out, false);
                let end = if ch == '{' { '}' } else { ')' };
                let p_marker = ch == '(' && c.get(*i) == Some(&'P') && c.get(*i + 1).is_some_and(|x| x.is_whitespace());
                if p_marker {
                    *i += 1;
                }
                let inner = parse_seq_opt(c, i, Some(end), p_marker)?;
                let token = if ch == '{' {
                    PatternToken::Phrase(inner)
                } else {
                    PatternToken::Prep(inner)
                };
                out.push(PatternElem { token, joined_next: false });
            }
            '}' | ')' => {
                flush(&mut word, &mut out, false);
                return if close == Some(ch) {
                    Ok(out)
                } else {
                    Err(format!("unbalanced '{ch}'"))
                };
            }
            '*' if open_ended && word.is_empty() => {
                // `(P TO * ...`: an open prepositional group ends at the verb
                *i -= 1;
                return Ok(out);
            }
            '*' | '$' | '%' | '^' if word.is_empty() => {
                word.push(ch);
                // these are single-character tokens even when glued (`*_OUT` handled by '_')
                let next_join = *i < c.len() && c[*i] == '_';
                flush(&mut word, &mut out, next_join);
                if next_join {
                    *i += 1;
                }
            }
            _ => word.push(ch),
        }
    }
    if close.is_some() && !open_ended {
        return Err("unclosed group".into());
    }
    flush(&mut word, &mut out, false);
    Ok(out)
}

fn parse_transformation(body: &str, line: usize) -> Option<Transformation> {
    // ~ a (a b VERB) VERB = a b CODE
    let b = body.strip_prefix('~')?.trim();
    let (lhs, rhs) = b.split_once('=')?;
    let open = lhs.find('(')?;
    let close = lhs.find(')').filter(|&c| c > open)?;
    let source = lhs[..open].trim().to_string();
    let inner: Vec<&str> = lhs[open + 1..close].split_whitespace().collect();
    let verb = lhs[close + 1..].trim().to_uppercase();
    let r: Vec<&str> = rhs.split_whitespace().collect();
    if inner.len() != 3 || r.len() != 3 || verb.is_empty() || source.is_empty() {
        return None;
    }
    Some(Transformation {
        line,
        source,
        inner_source: inner[0].to_string(),
        inner_target: inner[1].to_string(),
        inner_verb: inner[2].to_uppercase(),
        verb,
        result_source: r[0].to_string(),
        result_target: r[1].to_string(),
        result_code: r[2].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_are_generated() {
        assert_eq!(regular_forms("DEPART"), ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]);
        assert_eq!(regular_forms("RESTORE"), ["RESTORE", "RESTORES", "RESTORED", "RESTORING"]);
        assert_eq!(regular_forms("DENY"), ["DENY", "DENIES", "DENIED", "DENYING"]);
    }

    #[test]
    fn parses_blocks_synsets_multiword_verbs_and_patterns() {
        let t = "&TIE_\n+MILITARY\n+ECONOMIC\n\n--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n\
                 +BREAK_DOWN {+BROKE_DOWN}\nWIRE_+TAP [171]\n- + KNOWN_ * IN_ $ [076]\n\
                 - * &TIE_TIES [902] # c\n- * (FOR {FINANCIAL AID}) [073]\n";
        let (d, r) = VerbDictionary::parse(t, "t");
        assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
        assert_eq!(d.synsets["TIE"].len(), 2);
        assert_eq!(d.forms_of("BROKE").len(), 2);
        assert!(d.forms_of("BROKE").iter().any(|f| f.post == ["DOWN"]));
        assert!(d.forms_of("BROKE").iter().any(|f| f.post.is_empty()));
        assert_eq!(d.forms_of("TAPS")[0].pre, ["WIRE"]);
        assert_eq!(d.forms_of("TAPS")[0].code.as_deref(), Some("171"));
        let p = &d.blocks[0].patterns[0];
        assert_eq!(p.upper.len(), 2);
        assert!(p.upper_joined);
        assert_eq!(p.lower[0].token, PatternToken::Word("IN".into()));
        assert!(p.lower[0].joined_next);
        assert_eq!(p.lower[1].token, PatternToken::Source);
        assert!(matches!(d.blocks[0].patterns[2].lower[0].token, PatternToken::Prep(_)));
    }

    #[test]
    fn bad_lines_are_reported_with_line_numbers() {
        let t = "--- X [010] ---\nX\n- NO STAR [010]\n- * (UNCLOSED [010]\n";
        let (_, r) = VerbDictionary::parse(t, "f.txt");
        assert_eq!(r.unparsed.len(), 2);
        assert_eq!(r.unparsed[0].line, 3);
        assert!(r.problems()[0].starts_with("f.txt:3:"));
    }

    #[test]
    fn older_open_ended_prepositional_marker() {
        let p = parse_pattern(" EXPECT * FINANCIAL ASSISTANCE (P FOR + [0331]", 1).unwrap();
        assert!(matches!(&p.lower[2].token, PatternToken::Prep(v) if v.len() == 2));
        let p = parse_pattern(" % * RESUMPTION (P OF RELATIONS) [050]", 1).unwrap();
        assert!(matches!(&p.lower[1].token, PatternToken::Prep(v) if v.len() == 2));
    }

    #[test]
    fn transformations_are_read() {
        let t = "~ a (a b ATTACK) SAY = a b 015\n~ a ) b ( c = x\n";
        let (d, r) = VerbDictionary::parse(t, "t");
        assert_eq!(r.unparsed.len(), 1);
        assert_eq!(r.unparsed[0].line, 2);
        assert_eq!(d.transformations[0].result_code, "015");
    }
}
