//! Dictionaries of tacitus: our own readable formats for actors and event patterns, the CAMEO
//! and PLOVER tables, and importers for PETRARCH/TABARI dictionaries. Every loader validates its
//! input and names the file and line of any problem.

pub mod actors;
pub mod cameo;
pub mod petrarch;
pub mod verbs;
