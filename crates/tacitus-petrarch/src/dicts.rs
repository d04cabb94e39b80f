//! Loading a set of PETRARCH dictionaries (verbs, actors, agents, discards, issues).

use crate::{Error, Result};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tacitus_dict::petrarch::{self, ActorDictionary, AgentDictionary, DiscardList, FileReport, IssueList, VerbDictionary};

/// A loaded dictionary set with the report of each file.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    pub verbs: VerbDictionary,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub discards: DiscardList,
    pub issues: Option<IssueList>,
    pub reports: Vec<FileReport>,
    /// The verb file is in the CAMEO.2.0 format (`a:b` codes mean active:passive).
    pub cameo2: bool,
    pub load_time: Duration,
}

/// The file names of a dictionary set.
#[derive(Clone, Debug, Default)]
pub struct DictFiles {
    pub verbs: PathBuf,
    pub actors: Vec<PathBuf>,
    pub agents: Option<PathBuf>,
    pub discards: Option<PathBuf>,
    pub issues: Option<PathBuf>,
}

impl DictFiles {
    /// The Phoenix set that PETRARCH2's default configuration names.
    pub fn phoenix(dir: &Path) -> DictFiles {
        DictFiles {
            verbs: dir.join("CAMEO.2.0.txt"),
            actors: [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
            ]
            .iter()
            .map(|f| dir.join(f))
            .collect(),
            agents: Some(dir.join("Phoenix.agents.txt")),
            discards: Some(dir.join("Phoenix.discards.txt")),
            issues: Some(dir.join("Phoenix.IssueCoding.txt")),
        }
    }
}

impl DictFiles {
    /// The `[Dictionaries]` section of a `PETR_config.ini` (`verbfile_name`, `actorfile_list`,
    /// `agentfile_name`, `discardfile_name`, `issuefile_name`), with file names resolved in
    /// `dict_dir`. Only the first `[Dictionaries]` section counts, as in PETRARCH.
    pub fn from_config(ini: &Path, dict_dir: &Path) -> Result<DictFiles> {
        let text = std::fs::read_to_string(ini).map_err(|source| Error::Io {
            path: ini.display().to_string(),
            source,
        })?;
        let mut files = DictFiles::default();
        let mut in_section = false;
        let mut seen = false;
        let mut verbs = None;
        for (no, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.starts_with('[') {
                in_section = line.eq_ignore_ascii_case("[Dictionaries]") && !seen;
                seen |= in_section;
                continue;
            }
            if !in_section || line.is_empty() {
                continue;
            }
            let Some((k, v)) = line.split_once('=') else {
                return Err(Error::Parse {
                    file: ini.display().to_string(),
                    line: no + 1,
                    message: "expected `name = value`".into(),
                });
            };
            let v = v.trim();
            match k.trim() {
                "verbfile_name" => verbs = Some(dict_dir.join(v)),
                "actorfile_list" => {
                    files.actors = v
                        .split(',')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(|x| dict_dir.join(x))
                        .collect()
                }
                "agentfile_name" => files.agents = Some(dict_dir.join(v)),
                "discardfile_name" => files.discards = Some(dict_dir.join(v)),
                "issuefile_name" => files.issues = Some(dict_dir.join(v)),
                _ => {}
            }
        }
        files.verbs = verbs.ok_or_else(|| Error::Missing(format!("{}: no verbfile_name in [Dictionaries]", ini.display())))?;
        Ok(files)
    }
}

impl Dictionaries {
    /// Load every file of `files`; actor files are read in parallel threads with the verbs.
    pub fn load(files: &DictFiles) -> Result<Dictionaries> {
        let start = Instant::now();
        for p in std::iter::once(&files.verbs).chain(files.actors.iter()) {
            if !p.exists() {
                return Err(Error::Missing(format!("{}: dictionary file not found", p.display())));
            }
        }
        let (verbs, actor_parts, agents, discards, issues) = std::thread::scope(|s| {
            let v = s.spawn(|| petrarch::load_verbs(&files.verbs));
            let actor_handles: Vec<_> = files
                .actors
                .iter()
                .map(|p| {
                    s.spawn(move || {
                        let mut a = ActorDictionary::default();
                        petrarch::load_actors_into(&mut a, p).map(|r| (a, r))
                    })
                })
                .collect();
            let g = files.agents.as_ref().map(|p| petrarch::load_agents(p));
            let d = files.discards.as_ref().map(|p| petrarch::load_discards(p));
            let i = s.spawn(|| files.issues.as_ref().map(|p| petrarch::load_issues(p)));
            let v = v.join();
            let a: Vec<_> = actor_handles.into_iter().map(|h| h.join()).collect();
            (v, a, g, d, i.join())
        });
        let joined = |what: &str| Error::Missing(format!("loader thread for {what} panicked"));
        let (verbs, vrep) = verbs.map_err(|_| joined("verbs"))??;
        let mut reports = vec![vrep];
        let mut actors = ActorDictionary::default();
        for part in actor_parts {
            let (a, r) = part.map_err(|_| joined("actors"))??;
            actors.merge(a);
            reports.push(r);
        }
        let agents = match agents {
            Some(r) => {
                let (a, rep) = r?;
                reports.push(rep);
                a
            }
            None => AgentDictionary::default(),
        };
        let discards = match discards {
            Some(r) => {
                let (d, rep) = r?;
                reports.push(rep);
                d
            }
            None => DiscardList::default(),
        };
        let issues = match issues.map_err(|_| joined("issues"))? {
            Some(r) => {
                let (i, rep) = r?;
                reports.push(rep);
                Some(i)
            }
            None => None,
        };
        let cameo2 = files
            .verbs
            .file_name()
            .is_some_and(|n| n.to_string_lossy().to_ascii_uppercase().contains("CAMEO.2.0"));
        Ok(Dictionaries {
            verbs,
            actors,
            agents,
            discards,
            issues,
            reports,
            cameo2,
            load_time: start.elapsed(),
        })
    }
}
