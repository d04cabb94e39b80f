//! Reading annotated CoNLL-U treebanks (training and evaluation data).

use super::Error;
use std::path::Path;
use tacitus_doc::syntax::xpos_index;
use tacitus_doc::{DepRel, Upos};

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    pub xpos: u8,
    /// 0 = root, else the 1-based index of the head word.
    pub head: u32,
    pub deprel: DepRel,
}

/// One treebank sentence (multi-word token lines and empty nodes dropped).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreeSentence {
    pub sent_id: String,
    pub words: Vec<Word>,
}

/// Read a CoNLL-U file; errors name the file and line.
pub fn read_treebank(path: &Path) -> Result<Vec<TreeSentence>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io(path.display().to_string(), e))?;
    parse_treebank(&text, &path.display().to_string())
}

/// Parse CoNLL-U text; `name` is used in error messages.
pub fn parse_treebank(text: &str, name: &str) -> Result<Vec<TreeSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = TreeSentence::default();
    let bad = |line: usize, msg: String| Error::Conllu {
        file: name.to_string(),
        line,
        msg,
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                check_heads(&cur, name, line_no)?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("sent_id") {
                cur.sent_id = id.trim_start_matches([' ', '=']).trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(line_no, format!("expected 10 tab-separated columns, got {}", cols.len())));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad(line_no, format!("bad word id {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(bad(line_no, format!("word id {id} out of sequence")));
        }
        let upos = Upos::parse(cols[3]).ok_or_else(|| bad(line_no, format!("unknown UPOS {:?}", cols[3])))?;
        let xpos = xpos_index(cols[4]).ok_or_else(|| bad(line_no, format!("unknown XPOS {:?}", cols[4])))?;
        let head: u32 = cols[6].parse().map_err(|_| bad(line_no, format!("bad HEAD {:?}", cols[6])))?;
        let deprel = DepRel::parse_lenient(cols[7]).unwrap_or(DepRel::Dep);
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos,
            xpos,
            head,
            deprel,
        });
    }
    if !cur.words.is_empty() {
        check_heads(&cur, name, text.lines().count())?;
        out.push(cur);
    }
    Ok(out)
}

fn check_heads(s: &TreeSentence, name: &str, line: usize) -> Result<(), Error> {
    let n = s.words.len() as u32;
    if let Some(w) = s.words.iter().find(|w| w.head > n) {
        return Err(Error::Conllu {
            file: name.to_string(),
            line,
            msg: format!("HEAD {} beyond the sentence ({} words) ending here", w.head, n),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = t1\n# text = Troops left.\n\
1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_ids() {
        let t = parse_treebank(SAMPLE, "x").expect("parses");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].sent_id, "t1");
        assert_eq!(t[0].words[1].lemma, "leave");
        assert_eq!(t[0].words[0].head, 2);
        assert_eq!(t[0].words[2].deprel, DepRel::Punct);
    }

    #[test]
    fn bad_input_names_the_line() {
        let bad = SAMPLE.replace("NNS", "NOPE");
        match parse_treebank(&bad, "f.conllu") {
            Err(Error::Conllu { file, line, .. }) => {
                assert_eq!((file.as_str(), line), ("f.conllu", 3))
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }
}
