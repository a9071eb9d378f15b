//! Entry point of the widget build: the My Tasks widget alone (no router, dialogs or
//! forms), a smaller download for dashboards that embed it. Trunk builds it from
//! `widget.html` into `dist/w/`, served as `/widget`.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(my_tasks::WidgetApp);
}
