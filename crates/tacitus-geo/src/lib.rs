//! tacitus-geo
