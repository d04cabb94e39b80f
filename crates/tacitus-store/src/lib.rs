//! tacitus-store
