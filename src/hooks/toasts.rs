//! `use_toasts`: the app's toasts, short "what happened" messages, pushed from anywhere
//! below [`provide_toasts`] and shown by [`crate::components::toast::ToastRegion`].

use leptos::prelude::*;
use std::time::Duration;

/// How long a success or info toast stays before it leaves by itself; errors stay.
const LINGER: Duration = Duration::from_secs(10);

/// The kind of a toast. `as_str()` is its CSS modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    /// An action worked.
    Success,
    /// Something worth knowing.
    Info,
    /// An action failed; announced assertively and kept until dismissed.
    Error,
}

impl ToastKind {
    /// The CSS modifier: `mt-toast--success` etc.
    pub fn as_str(self) -> &'static str {
        match self {
            ToastKind::Success => "success",
            ToastKind::Info => "info",
            ToastKind::Error => "error",
        }
    }
}

/// One message.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    /// Tells it apart from the others, to dismiss it.
    pub id: u64,
    /// How it is announced and looks.
    pub kind: ToastKind,
    /// What it says.
    pub message: String,
}

/// The app's toasts: push from anywhere below [`provide_toasts`].
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Toasts {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }
}

impl Toasts {
    /// Shows a message; success and info messages leave after a while. Returns its id,
    /// to [`Toasts::dismiss`] it once what it says is shown elsewhere.
    pub fn push(&self, kind: ToastKind, message: impl Into<String>) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let message = message.into();
        self.list.update(|l| l.push(Toast { id, kind, message }));
        if kind != ToastKind::Error {
            let this = *self;
            set_timeout(move || this.dismiss(id), LINGER);
        }
        id
    }

    /// Shows a success message.
    pub fn success(&self, message: impl Into<String>) {
        self.push(ToastKind::Success, message);
    }

    /// Shows an error message.
    pub fn error(&self, message: impl Into<String>) {
        self.push(ToastKind::Error, message);
    }

    /// Removes a message (no-op when it is gone already, or the toasts were disposed).
    pub fn dismiss(&self, id: u64) {
        self.list.try_update(|l| l.retain(|t| t.id != id));
    }

    /// The errors (`true`) or the other messages, oldest first.
    pub fn of(&self, errors: bool) -> Vec<Toast> {
        self.list.with(|l| {
            l.iter()
                .filter(|t| (t.kind == ToastKind::Error) == errors)
                .cloned()
                .collect()
        })
    }
}

/// Creates the app's toasts and puts them in context.
pub fn provide_toasts() -> Toasts {
    let toasts = Toasts::default();
    provide_context(toasts);
    toasts
}

/// The toasts provided above (a fresh, unshown set if none were, so nothing panics).
pub fn use_toasts() -> Toasts {
    use_context::<Toasts>().unwrap_or_default()
}
