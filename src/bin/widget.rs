//! Entry point of the widget build: the My Tasks widget alone (no router, dialogs or
//! forms), a smaller download for dashboards that embed it. Trunk builds it from
//! `widget.html` into `dist/w/`, served as `/widget`.
fn main() {
    console_error_panic_hook::set_once();
    my_tasks::app::start(my_tasks::WidgetApp, &my_tasks::i18n::WIDGET_WORDS);
}
