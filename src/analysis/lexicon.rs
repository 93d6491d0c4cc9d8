//! Speech-verb lexicons for French and English.
