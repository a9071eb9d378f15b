// The control characters of a compiled catalogue, shared by `crates/catalogue` (which
// writes them) and `src/i18n` (which reads them) through `include!`. Catalogue text may hold
// none of them (the compiler refuses it).
//
// The markers of one message's pattern:
const ISOLATE: char = '\u{1}';
const VAR: char = '\u{2}';
const END: char = '\u{3}';
const SELECT: char = '\u{4}';
const VARIANT_END: char = '\u{5}';
const SELECT_END: char = '\u{6}';
// The separators of a catalogue text (one language, one or more `.ftl` files): between two
// files' tables, between two messages of a table, and between a message's id and its
// pattern (ASCII's group, record and unit separators).
const TABLE_SEP: char = '\u{1d}';
const MESSAGE_SEP: char = '\u{1e}';
const ID_SEP: char = '\u{1f}';
