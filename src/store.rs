//! Bookmarks and reading state, written atomically.
