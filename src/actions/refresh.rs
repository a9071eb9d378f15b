//! `DataVersion`: one counter every read of work items depends on, bumped after every
//! successful (or refused) write, so the detail, lists, counts and the dashboard widget
//! all load again without a page reload.

use leptos::prelude::*;

/// The version of the server's work-item data as this tab knows it.
#[derive(Debug, Clone, Copy)]
pub struct DataVersion(RwSignal<u64>);

impl DataVersion {
    /// Reads the version, so the calling resource loads again when it changes.
    pub fn track(&self) -> u64 {
        self.0.get()
    }

    /// Says the data changed: every resource that tracks the version loads again.
    pub fn bump(&self) {
        self.0.update(|v| *v += 1);
    }
}

/// Creates the version and puts it in context (once, at the app's root).
pub fn provide_data_version() -> DataVersion {
    let version = DataVersion(RwSignal::new(0));
    provide_context(version);
    version
}

/// The version provided at the root (a private one when none was, e.g. in a test).
pub fn use_data_version() -> DataVersion {
    use_context::<DataVersion>().unwrap_or_else(|| DataVersion(RwSignal::new(0)))
}
