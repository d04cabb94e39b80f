//! cameo (in progress)
