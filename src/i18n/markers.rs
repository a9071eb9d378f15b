// The markers of a compiled catalogue message, shared by `build.rs` (which writes them)
// and `src/i18n/mod.rs` (which reads them) through `include!`.
const ISOLATE: char = '\u{1}';
const VAR: char = '\u{2}';
const END: char = '\u{3}';
const SELECT: char = '\u{4}';
const VARIANT_END: char = '\u{5}';
const SELECT_END: char = '\u{6}';
