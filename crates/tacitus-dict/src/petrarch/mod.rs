//! PETRARCH/TABARI dictionary importers (in progress)
