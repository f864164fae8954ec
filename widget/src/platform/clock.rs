//! The time, read in one place so the state's reducers stay pure functions of their inputs.

/// The current time as an RFC 3339 timestamp in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// `HH:MM` of an RFC 3339 timestamp in the person's own time zone (saved timestamps stay UTC).
pub fn local_time(timestamp: &str) -> String {
    let date = js_sys::Date::new(&timestamp.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// "29 November 2026 at 10:32", in the person's own time zone, for a time in milliseconds.
pub fn local_date_time(at_ms: u64) -> String {
    #[allow(
        clippy::cast_precision_loss,
        reason = "milliseconds since 1970 fit a double exactly"
    )]
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from(at_ms as f64));
    // Dates in words come from one place, the core.
    format!(
        "{} at {:02}:{:02}",
        maturity_core::date_in_words(&local_day(&date)),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The time in milliseconds since 1970, for counting down on screen.
#[cfg(feature = "board")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date in the person's own time zone, as `YYYY-MM-DD`: the day actions fall overdue.
pub fn today() -> String {
    local_day(&js_sys::Date::new_0())
}

/// A moment's day in the person's own time zone, as `YYYY-MM-DD`.
fn local_day(date: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
