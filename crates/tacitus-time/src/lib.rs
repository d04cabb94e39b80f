//! tacitus-time
