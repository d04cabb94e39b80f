//! tacitus-code
