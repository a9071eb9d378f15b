//! Host tests of [`super`]: what a bulk action applies to, and the run's state machine.

use super::*;
use crate::api::ServerMessage;
use crate::logic::rate::RateWindow;
use wire::{ApprovalItemDetails, WorkItemForward, WorkItemState};

fn item(id: &str, approvals: usize, form: bool) -> WorkItem {
    WorkItem {
        id: Some(id.into()),
        name: Some(format!("Item {id}")),
        state: Some(WorkItemState::Pending),
        owner_id: Some("id-alison".into()),
        approval_items: Some(vec![ApprovalItemDetails::default(); approvals]),
        form: form.then(Default::default),
        ..WorkItem::default()
    }
}

fn targets(n: usize) -> Vec<WorkItem> {
    (0..n).map(|i| item(&format!("w{i}"), 1, false)).collect()
}

fn run(n: usize, limits: Limits) -> BulkRun {
    BulkRun::new(
        plan(
            BulkAction::DecideAll(Decision::Approve),
            &targets(n),
            |_| false,
        ),
        limits,
    )
}

/// The next step with a budget that never runs out (the budget has its own test).
fn step(r: &mut BulkRun, now: f64) -> Next {
    r.next(now, &mut RateWindow::new(usize::MAX, 10_000.0))
}

fn server_error() -> ApiError {
    ApiError::Server {
        status: 500,
        message: ServerMessage {
            text: Some("boom".into()),
            tracking_id: Some("t-9".into()),
        },
    }
}

fn forward_to(id: &str) -> BulkAction {
    BulkAction::Forward(ForwardChoice {
        body: WorkItemForward {
            target_owner_id: id.into(),
            comment: "yours".into(),
            send_notifications: true,
        },
        new_owner: "Ada Lovelace".into(),
    })
}

#[test]
fn an_item_with_a_command_in_flight_is_left_out_of_any_bulk_action() {
    let selected = [item("a", 2, false), item("b", 1, false)];
    let busy = |id: &str| id == "b";
    for action in [
        BulkAction::DecideAll(Decision::Approve),
        BulkAction::DecideAll(Decision::Reject),
        forward_to("someone"),
    ] {
        let planned = plan(action, &selected, busy);
        assert_eq!(planned.fit.len(), 1);
        assert_eq!(planned.unfit, [("Item b".into(), Unfit::Busy)]);
    }
    assert_eq!(
        Unfit::Busy.reason(),
        "an action on it, sent from its page, is still on its way"
    );
}

#[test]
fn the_plan_says_which_selected_items_cannot_take_each_action_and_why() {
    let selected = [item("a", 2, false), item("b", 0, false), item("c", 0, true)];
    let approve = plan(BulkAction::DecideAll(Decision::Approve), &selected, |_| {
        false
    });
    assert_eq!(approve.fit.len(), 1);
    assert_eq!(
        approve.unfit,
        [
            ("Item b".into(), Unfit::NoApprovals),
            ("Item c".into(), Unfit::NoApprovals)
        ]
    );
    assert_eq!(
        approve.question(),
        "Approve every pending approval item of “Item a”?"
    );
    let complete = plan(BulkAction::Complete, &selected, |_| false);
    assert_eq!(complete.fit.len(), 1);
    assert_eq!(
        complete.unfit,
        [
            ("Item a".into(), Unfit::ApprovalsPending(2)),
            ("Item c".into(), Unfit::HasForm)
        ]
    );
    assert_eq!(
        Unfit::ApprovalsPending(2).reason(),
        "2 approval items still wait for a decision"
    );
    assert_eq!(complete.question(), "Mark “Item b” complete?");
}

#[test]
fn forwarding_to_the_current_owner_is_unfit_and_everything_else_pending_is_fit() {
    let selected = [item("a", 2, false), item("b", 0, true)];
    let to_ada = plan(forward_to("id-ada"), &selected, |_| false);
    assert_eq!(to_ada.fit.len(), 2);
    assert_eq!(to_ada.question(), "Forward 2 work items to Ada Lovelace?");
    let one = plan(forward_to("id-ada"), &selected[..1], |_| false);
    assert_eq!(one.question(), "Forward “Item a” to Ada Lovelace?");
    let to_owner = plan(forward_to("id-alison"), &selected, |_| false);
    assert_eq!(to_owner.fit.len(), 0);
    assert_eq!(
        to_owner.unfit[0].1,
        Unfit::AlreadyTheirs("Ada Lovelace".into())
    );
    assert_eq!(
        to_owner.question(),
        "Forward applies to none of these work items."
    );
}

#[test]
fn finished_items_and_items_without_an_id_are_left_out() {
    let mut done = item("d", 1, false);
    done.state = Some(WorkItemState::Finished);
    let no_id = WorkItem::default();
    let p = plan(
        BulkAction::DecideAll(Decision::Reject),
        &[done, no_id],
        |_| false,
    );
    assert!(p.fit.is_empty());
    assert_eq!(p.unfit, [("Item d".into(), Unfit::NotPending)]);
}

#[test]
fn no_more_than_the_concurrency_limit_is_in_flight() {
    let mut r = run(6, Limits::default());
    let sent: Vec<_> = (0..5).map(|_| step(&mut r, 0.0)).collect();
    assert_eq!(
        sent,
        [
            Next::Send(0),
            Next::Send(1),
            Next::Send(2),
            Next::Send(3),
            Next::Busy
        ]
    );
    r.finish(1, Ok(None));
    assert_eq!(step(&mut r, 0.0), Next::Send(4));
    assert_eq!(r.progress().sending, 4);
}

#[test]
fn starts_beyond_the_windows_budget_wait_for_the_window_to_move_on() {
    let limits = Limits { concurrency: 10 };
    let mut budget = RateWindow::new(3, 1000.0);
    let mut r = run(5, limits);
    for i in 0..3 {
        assert_eq!(r.next(100.0 * i as f64, &mut budget), Next::Send(i));
        r.finish(i, Ok(None));
    }
    assert_eq!(r.next(250.0, &mut budget), Next::Wait(750.0));
    assert_eq!(r.next(1100.0, &mut budget), Next::Send(3));
}

#[test]
fn a_budget_the_loader_has_spent_holds_the_run_back() {
    // The loader and the run share one window: what one took, the other waits for.
    let mut budget = RateWindow::new(2, 1000.0);
    assert_eq!(budget.take(0.0), 0.0);
    assert_eq!(budget.take(0.0), 0.0);
    let mut r = run(1, Limits::default());
    assert_eq!(r.next(400.0, &mut budget), Next::Wait(600.0));
    assert_eq!(
        r.entries[0].outcome,
        Outcome::Queued,
        "nothing was marked as sending"
    );
    assert_eq!(r.next(1000.0, &mut budget), Next::Send(0));
}

#[test]
fn each_item_is_sent_once_and_its_answer_recorded_once() {
    let mut r = run(2, Limits::default());
    assert_eq!(step(&mut r, 0.0), Next::Send(0));
    r.finish(0, Ok(None));
    // A late duplicate answer, or one for an item never sent, changes nothing.
    r.finish(0, Err(server_error()));
    r.finish(1, Ok(None));
    assert_eq!(r.entries[0].outcome, Outcome::Done);
    assert_eq!(r.entries[1].outcome, Outcome::Queued);
    assert_eq!(step(&mut r, 0.0), Next::Send(1));
    r.finish(1, Ok(None));
    assert_eq!(step(&mut r, 0.0), Next::Finished);
    assert_eq!(r.status(), "Finished: 2 done.");
}

#[test]
fn approve_all_reports_what_the_answer_shows_it_decided() {
    // The list saw 3 waiting; one was rejected in another window before the run got there.
    let mut three = item("w0", 3, false);
    let approvals = three.approval_items.as_mut().unwrap();
    for (i, a) in approvals.iter_mut().enumerate() {
        a.id = Some(format!("a{i}"));
    }
    let r_plan = plan(
        BulkAction::DecideAll(Decision::Approve),
        &[three.clone()],
        |_| false,
    );
    let mut r = BulkRun::new(r_plan, Limits::default());
    assert_eq!(step(&mut r, 0.0), Next::Send(0));
    let mut after = three;
    for (i, a) in after
        .approval_items
        .as_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        a.state = Some(if i == 0 {
            WorkItemState::Rejected
        } else {
            WorkItemState::Finished
        });
    }
    r.finish(0, Ok(Some(&after)));
    assert_eq!(r.entries[0].decided, Some(2));
    assert_eq!(
        r.entries[0].text(&BulkAction::DecideAll(Decision::Approve)),
        "approved 2 items"
    );
}

#[test]
fn cancel_sends_nothing_new_and_the_ones_in_flight_are_still_reported() {
    let mut r = run(6, Limits::default());
    for _ in 0..4 {
        step(&mut r, 0.0);
    }
    r.cancel();
    assert_eq!(step(&mut r, 0.0), Next::Busy, "in flight, nothing new");
    assert!(
        r.status().starts_with("Cancelling… 2 of 6"),
        "{}",
        r.status()
    );
    for i in 0..4 {
        r.finish(i, Ok(None));
    }
    assert_eq!(step(&mut r, 0.0), Next::Finished);
    assert_eq!(r.progress().done, 4);
    assert_eq!(r.progress().not_sent, 2);
    assert_eq!(r.entries[5].text(&r.action), "not sent (cancelled)");
    assert_eq!(r.status(), "Finished: 4 done, 2 not sent.");
}

#[test]
fn refusals_are_classified_and_failures_keep_their_tracking_id() {
    let mut r = run(3, Limits::default());
    for _ in 0..3 {
        step(&mut r, 0.0);
    }
    r.finish(0, Ok(None));
    r.finish(1, Err(ApiError::BadRequest(ServerMessage::default())));
    r.finish(2, Err(server_error()));
    assert_eq!(r.entries[0].text(&r.action), "approved 1 item");
    assert_eq!(r.entries[1].outcome, Outcome::Refused(Refusal::AlreadyDone));
    assert_eq!(
        r.entries[1].text(&r.action),
        "refused: already decided, perhaps in another window"
    );
    assert_eq!(r.entries[2].text(&r.action), "boom (tracking ID t-9)");
    assert_eq!(r.status(), "Finished: 1 done, 1 refused, 1 failed.");
}

#[test]
fn retry_failed_queues_only_the_failed_ones_and_only_once_the_run_is_over() {
    let mut r = run(3, Limits::default());
    for _ in 0..3 {
        step(&mut r, 0.0);
    }
    r.finish(0, Err(server_error()));
    assert_eq!(r.retry_failed(), 0, "not while the run is going");
    r.finish(1, Ok(None));
    r.finish(2, Err(ApiError::Forbidden(ServerMessage::default())));
    assert_eq!(r.retry_failed(), 1);
    assert_eq!(step(&mut r, 0.0), Next::Send(0));
    assert_eq!(
        step(&mut r, 0.0),
        Next::Busy,
        "the done and refused ones stay"
    );
    r.finish(0, Ok(None));
    assert_eq!(step(&mut r, 0.0), Next::Finished);
    assert_eq!(r.status(), "Finished: 2 done, 1 refused.");
}
