//! Component tests in headless Chromium of the feedback around actions: toasts in live
//! regions, and the confirmed Approve / Reject of one approval item.

use crate::support::*;
use leptos::prelude::*;
use my_tasks::components::approval::ApprovalItemActions;
use my_tasks::components::toast::ToastRegion;
use my_tasks::hooks::toasts::{provide_toasts, Toasts};
use my_tasks::logic::messages::Decision;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn success_is_announced_politely_and_errors_assertively_until_dismissed() {
    let toasts = RwSignal::new(None::<Toasts>);
    let root = mount(move || {
        toasts.set(Some(provide_toasts()));
        view! { <ToastRegion /> }
    });
    let toasts = toasts.get_untracked().unwrap();
    toasts.success("“Create an Account” is complete.");
    toasts.error("This work item was already completed.");
    settle().await;

    let status = find(&root, "[role=status]");
    let alert = find(&root, "[role=alert]");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(status.text_content().unwrap().contains("is complete"));
    assert!(!status.text_content().unwrap().contains("already completed"));
    assert!(alert.text_content().unwrap().contains("already completed"));
    // A toast is announced as its message: its Dismiss button is outside the live region,
    // described by the message it dismisses.
    for region in [&status, &alert] {
        assert!(!region.text_content().unwrap().contains("Dismiss"));
        assert!(!exists(region, "button"));
    }
    let dismiss = find_all(&root, ".mt-toast__dismiss")
        .into_iter()
        .find(|b| {
            let message = b.get_attribute("aria-describedby").unwrap_or_default();
            exists(&alert, &format!("#{message}"))
        })
        .expect("the error's Dismiss, described by its message");
    assert_eq!(dismiss.text_content().unwrap().trim(), "Dismiss");

    dismiss.click();
    settle().await;
    assert!(!alert.text_content().unwrap().contains("already completed"));
    assert!(status.text_content().unwrap().contains("is complete"));
}

#[wasm_bindgen_test]
async fn deciding_one_approval_item_is_confirmed_and_sent_once() {
    let decided = RwSignal::new(Vec::<Decision>::new());
    let pending = RwSignal::new(false);
    let root = mount(move || {
        view! {
            <ApprovalItemActions label="admins on GitHub" pending=pending
                on_decide=Callback::new(move |d| { decided.update(|v| v.push(d)); pending.set(true); }) />
        }
    });
    button(&root, "Reject").click();
    settle().await;
    assert!(
        decided.get_untracked().is_empty(),
        "nothing is sent before confirming"
    );
    let dialog = find(&root, "[role=dialog]");
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Reject “admins on GitHub”? This decides 1 approval item."));
    let confirm = button(&dialog, "Reject");
    confirm.click();
    confirm.click();
    settle().await;
    assert_eq!(decided.get_untracked(), [Decision::Reject]);
    assert!(
        button(&root, "Approve").has_attribute("disabled"),
        "the other decision waits too"
    );
}
