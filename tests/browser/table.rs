//! Component tests of Task Manager's table: virtualised rows and their accessible size,
//! rows kept by position (a reorder changes what they show, focus follows its item), the
//! waiting time moving on with the clock, group headings, and rows that fill the view
//! whatever its height was when the table was built.

use crate::support::{find, find_all, fire, next_frame, settle};
use leptos::prelude::*;
use leptos_router::components::Router;
use my_tasks::components::task_table::{RowContext, TaskTable, OVERSCAN, ROW_HEIGHT};
use my_tasks::logic::group::{group, toggle, Ages, GroupBy, Lines};
use my_tasks::logic::list::{Entry, SortBy};
use my_tasks::routes::Tab;
use wasm_bindgen_test::*;
use wire::WorkItem;

const ITEMS: usize = 20_000;

/// The app's stylesheet is not loaded here: give the scroller the height it has in the app.
fn style_the_scroller() {
    add_style(
        ".mt-table__scroll { height: 440px; overflow: auto; } .mt-table tr { height: 44px; }",
    );
}

/// Adds `css` to the document's styles.
fn add_style(css: &str) {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(css));
    document().head().unwrap().append_child(&style).unwrap();
}

/// `count` loaded items named "`name` 0", "`name` 1", …, in that order.
fn entries(count: usize, name: &str) -> Vec<Entry> {
    (0..count)
        .map(|i| {
            let item = WorkItem {
                id: Some(format!("w{i}")),
                name: Some(format!("{name} {i}")),
                ..Default::default()
            };
            Entry::new(item, i as i64, i as u64)
        })
        .collect()
}

/// A pending table over `items`, showing the positions `rows` gives, in that order.
fn mount_table(
    items: Vec<Entry>,
    rows: impl Fn() -> Vec<usize> + Send + Sync + 'static,
) -> web_sys::HtmlElement {
    crate::support::mount(move || {
        let entries = RwSignal::new(items);
        let lines = Memo::new(move |_| Lines::ungrouped(&rows()));
        let context = RowContext {
            tab: Tab::Pending,
            stale_after_days: 7,
        };
        let on_fold = Callback::new(|_: String| {});
        view! { <Router><TaskTable entries lines context on_fold/></Router> }
    })
}

fn rows_drawn(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "tbody tr[aria-rowindex]")
        .iter()
        .map(|r| r.get_attribute("aria-rowindex").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn a_table_of_twenty_thousand_items_draws_only_the_rows_in_view_and_tells_its_size() {
    style_the_scroller();
    let items = entries(ITEMS, "Item");
    let root = mount_table(items, move || (0..ITEMS).collect());
    settle().await;
    let table = find(&root, "table");
    assert_eq!(
        table.get_attribute("aria-rowcount").as_deref(),
        Some("20001")
    );
    let drawn = rows_drawn(&root);
    assert!(
        (10..60).contains(&drawn.len()),
        "{} rows drawn",
        drawn.len()
    );
    assert_eq!(drawn.first().map(String::as_str), Some("2"));

    let scroller = find(&root, ".mt-table__scroll");
    scroller.set_scroll_top((ROW_HEIGHT * 10_000.0) as i32);
    fire(&scroller, "scroll");
    settle().await;
    let drawn = rows_drawn(&root);
    assert!(
        (10..60).contains(&drawn.len()),
        "{} rows drawn",
        drawn.len()
    );
    assert!(drawn.contains(&"10002".to_owned()), "{drawn:?}");
    assert!(!drawn.contains(&"2".to_owned()), "{drawn:?}");
    // The spacers keep the whole list's height, so the scroll position is where it was put.
    assert_eq!(scroller.scroll_top(), (ROW_HEIGHT * 10_000.0) as i32);
    let text = root.text_content().unwrap();
    assert!(text.contains("Item 10000"), "row 10,000 is not drawn");
}

/// The `<tr>` that shows `name`.
fn row_of(root: &web_sys::Element, name: &str) -> web_sys::Element {
    find_all(root, "tbody tr[aria-rowindex]")
        .into_iter()
        .find(|row| row.text_content().unwrap_or_default().contains(name))
        .map(Into::into)
        .unwrap_or_else(|| panic!("no row shows {name}"))
}

/// The drawn item rows, by `aria-rowindex`.
fn rows_by_index(root: &web_sys::Element) -> Vec<(String, web_sys::Element)> {
    find_all(root, "tbody tr[aria-rowindex]")
        .into_iter()
        .map(|r| (r.get_attribute("aria-rowindex").unwrap(), r.into()))
        .collect()
}

#[wasm_bindgen_test]
async fn a_reorder_keeps_every_row_drawn_and_changes_what_they_show() {
    style_the_scroller();
    let items = entries(100, "Kept");
    let order = RwSignal::new((0..99).collect::<Vec<usize>>());
    let root = mount_table(items, move || order.get());
    settle().await;
    let before = rows_by_index(&root);
    let at_7 = row_of(&root, "Kept 5 ");
    assert_eq!(at_7.get_attribute("aria-rowindex").as_deref(), Some("7"));
    // A new item at the top (as a sort or a search would bring): every item moves down one.
    order.set(std::iter::once(99).chain(0..99).collect());
    settle().await;
    let after = rows_by_index(&root);
    assert_eq!(before.len(), after.len());
    for ((index, row), (index_after, row_after)) in before.iter().zip(&after) {
        assert_eq!(index, index_after);
        assert!(
            row.is_same_node(Some(row_after)),
            "row {index} was drawn anew"
        );
    }
    // The row at 7 shows the item now there, and the item it showed is one row down.
    assert!(at_7.text_content().unwrap().contains("Kept 4 "));
    let moved = row_of(&root, "Kept 5 ");
    assert_eq!(moved.get_attribute("aria-rowindex").as_deref(), Some("8"));
    let link = find(&moved, "a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/items/w5"));
    assert_eq!(
        row_of(&root, "Kept 99")
            .get_attribute("aria-rowindex")
            .as_deref(),
        Some("2")
    );
}

#[wasm_bindgen_test]
async fn focus_on_a_rows_link_follows_its_item_when_the_list_is_reordered_and_leaves_when_it_goes()
{
    style_the_scroller();
    let items = entries(100, "Moved");
    let order = RwSignal::new((0..99).collect::<Vec<usize>>());
    let root = mount_table(items, move || order.get());
    settle().await;
    let link = find(&row_of(&root, "Moved 5 "), "a");
    link.focus().unwrap();
    order.set(std::iter::once(99).chain(0..99).collect());
    settle().await;
    let focused = crate::support::focused().unwrap();
    assert_eq!(focused.get_attribute("href").as_deref(), Some("/items/w5"));
    assert!(
        !focused.is_same_node(Some(&link)),
        "focus stayed in the row at 7"
    );
    // Its item filtered out: focus leaves, as it does when a row goes away.
    order.set((0..99).filter(|&i| i != 5).collect());
    settle().await;
    assert!(crate::support::focused().is_none_or(|f| f.tag_name() == "BODY"));
}

#[wasm_bindgen_test]
async fn the_waiting_time_and_the_overdue_mark_move_on_with_the_clock_without_drawing_the_row_again(
) {
    style_the_scroller();
    const MINUTE: f64 = 60_000.0;
    let start = js_sys::Date::now();
    let item = WorkItem {
        id: Some("w-age".into()),
        name: Some("Aging".into()),
        created: chrono::DateTime::from_timestamp_millis((start - 5.0 * MINUTE) as i64),
        ..Default::default()
    };
    let (now, set_now) = signal(start);
    let root = crate::support::mount(move || {
        provide_context(my_tasks::components::time::Clock::driven_by(now));
        let entries = RwSignal::new(vec![Entry::new(item, 0, 0)]);
        let lines = Memo::new(move |_| Lines::ungrouped(&[0]));
        let context = RowContext {
            tab: Tab::Pending,
            stale_after_days: 7,
        };
        let on_fold = Callback::new(|_: String| {});
        view! { <Router><TaskTable entries lines context on_fold/></Router> }
    });
    settle().await;
    let row = row_of(&root, "Aging");
    let age = find(&row, "td.mt-table__age span");
    let badge = find(&row, "td.mt-table__age .mt-overdue");
    assert_eq!(age.text_content().unwrap(), "5 minutes");
    assert!(badge.hidden());
    set_now.set(start + 2.0 * 60.0 * MINUTE);
    settle().await;
    assert_eq!(age.text_content().unwrap(), "2 hours");
    assert!(!row.class_list().contains("mt-table__row--overdue"));
    assert!(badge.hidden());
    // Past the seven days of `stale_after_days`: overdue, in the same row.
    set_now.set(start + 8.0 * 24.0 * 60.0 * MINUTE);
    settle().await;
    assert_eq!(age.text_content().unwrap(), "1 week");
    assert!(!badge.hidden());
    assert_eq!(badge.text_content().unwrap(), "overdue");
    assert!(row.class_list().contains("mt-table__row--overdue"));
    assert!(row_of(&root, "Aging").is_same_node(Some(&row)));
    assert!(find(&row, "td.mt-table__age span").is_same_node(Some(&age)));
}

/// `count` loaded items, "Item 0", "Item 1", …, the even ones on GitHub, the odd on Okta.
fn on_two_sources(count: usize) -> Vec<Entry> {
    (0..count)
        .map(|i| {
            let source = if i % 2 == 0 { "GitHub" } else { "Okta" };
            let item = WorkItem {
                id: Some(format!("w{i}")),
                name: Some(format!("Item {i}")),
                remediation_items: Some(vec![wire::RemediationItemDetails {
                    application_name: Some(source.into()),
                    ..Default::default()
                }]),
                ..Default::default()
            };
            Entry::new(item, i as i64, i as u64)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn grouped_rows_have_a_heading_row_with_name_and_count_that_collapses_and_opens_its_group() {
    style_the_scroller();
    let items = on_two_sources(6);
    let collapsed = RwSignal::new(Vec::<String>::new());
    let root = crate::support::mount(move || {
        let entries = RwSignal::new(items);
        let lines = Memo::new(move |_| {
            let rows: Vec<usize> = (0..6).collect();
            let ages = Ages {
                now_ms: 0,
                stale_after_days: 7,
            };
            collapsed.with(|c| {
                entries.with(|e| group(e, &rows, GroupBy::Source, SortBy::Newest, ages, c))
            })
        });
        let on_fold =
            Callback::new(move |id: String| collapsed.update(|c| *c = toggle(c.clone(), &id)));
        let context = RowContext {
            tab: Tab::Pending,
            stale_after_days: 7,
        };
        view! { <Router><TaskTable entries lines context on_fold/></Router> }
    });
    settle().await;
    let table = find(&root, "table");
    // Two headings and six items, each a row of the table.
    assert_eq!(table.get_attribute("aria-rowcount").as_deref(), Some("9"));
    let headings = find_all(&root, "tbody tr.mt-table__group");
    assert_eq!(headings.len(), 2);
    let okta = headings[1].clone();
    assert_eq!(okta.get_attribute("aria-rowindex").as_deref(), Some("6"));
    let cells = find_all(&okta, "td");
    assert_eq!(cells.len(), 1);
    assert_eq!(cells[0].get_attribute("colspan").as_deref(), Some("7"));
    let toggle_button = find(&okta, "button");
    assert_eq!(toggle_button.text_content().unwrap(), "▾Okta 3 work items");
    assert_eq!(
        toggle_button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        row_of(&root, "Item 1")
            .get_attribute("aria-rowindex")
            .as_deref(),
        Some("7")
    );

    toggle_button.focus().unwrap();
    toggle_button.click();
    settle().await;
    // Its items are gone, the heading stays (the same element, still focused) with its count.
    assert_eq!(table.get_attribute("aria-rowcount").as_deref(), Some("6"));
    assert!(!root.text_content().unwrap().contains("Item 1"));
    let after = find_all(&root, "tbody tr.mt-table__group");
    assert!(
        after[1].is_same_node(Some(&okta)),
        "the heading was drawn again"
    );
    assert_eq!(
        toggle_button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(toggle_button.text_content().unwrap(), "▸Okta 3 work items");
    assert!(crate::support::focused().is_some_and(|f| f.is_same_node(Some(&toggle_button))));
    assert_eq!(collapsed.get_untracked(), ["Okta"]);

    toggle_button.click();
    settle().await;
    assert_eq!(table.get_attribute("aria-rowcount").as_deref(), Some("9"));
    assert!(root.text_content().unwrap().contains("Item 1"));
}

/// Lets the browser lay the page out and tell the table its scroller's size, then settles.
async fn lay_out() {
    settle().await;
    next_frame().await;
    next_frame().await;
    settle().await;
}

/// Asserts that the drawn rows reach the bottom of the scroller's view (no empty spacer in
/// view), and that they are still a window: the view's rows plus the overscan.
fn assert_the_rows_fill_the_view(root: &web_sys::Element) {
    let scroller = find(root, ".mt-table__scroll");
    let view = scroller.get_bounding_client_rect();
    let bottom = view.top() + f64::from(scroller.client_height());
    let rows = find_all(root, "tbody tr[aria-rowindex]");
    let last = rows
        .last()
        .expect("no row is drawn")
        .get_bounding_client_rect();
    assert!(
        last.bottom() >= bottom - 1.0,
        "{} rows drawn end at {} px, the view ends at {bottom} px",
        rows.len(),
        last.bottom()
    );
    let in_view = (f64::from(scroller.client_height()) / ROW_HEIGHT).ceil() as usize;
    assert!(
        rows.len() <= in_view + 2 * OVERSCAN,
        "{} rows drawn for a view of {in_view}",
        rows.len()
    );
}

#[wasm_bindgen_test]
async fn rows_that_arrive_after_a_short_first_list_fill_the_view_that_grew_with_them() {
    style_the_scroller();
    // As in the app: the scroller is as tall as its rows, up to a maximum (here 20 rows).
    add_style(".mt-grows .mt-table__scroll { height: auto; max-height: 880px; overflow: auto; }");
    let items = entries(100, "Grown");
    let order = RwSignal::new(vec![0, 1]);
    let root = mount_table(items, move || order.get());
    root.set_class_name("mt-grows");
    lay_out().await;
    let scroller = find(&root, ".mt-table__scroll");
    assert!(
        scroller.client_height() < 200,
        "{}",
        scroller.client_height()
    );
    // The rest of the queue arrives (or a search is cleared): the view grows to its maximum.
    order.set((0..100).collect());
    lay_out().await;
    assert_eq!(scroller.client_height(), 880);
    assert_the_rows_fill_the_view(&root);
    assert!(root.text_content().unwrap().contains("Grown 19 "));
}

#[wasm_bindgen_test]
async fn a_table_built_before_it_is_laid_out_draws_the_rows_of_its_view_once_it_is() {
    style_the_scroller();
    // A view taller than the table's guess (720 px) for a height it could not measure.
    add_style(".mt-tall .mt-table__scroll { height: 1320px; overflow: auto; }");
    let items = entries(100, "Tall");
    let root = mount_table(items, move || (0..100).collect());
    // Not laid out when the table first measures its view: its height reads 0.
    root.set_class_name("mt-tall");
    root.style().set_property("display", "none").unwrap();
    lay_out().await;
    root.style().remove_property("display").unwrap();
    lay_out().await;
    let scroller = find(&root, ".mt-table__scroll");
    assert_eq!(scroller.client_height(), 1320);
    assert_the_rows_fill_the_view(&root);
    assert!(root.text_content().unwrap().contains("Tall 29 "));
}
