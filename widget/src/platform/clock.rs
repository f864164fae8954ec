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
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {} at {:02}:{:02}",
        date.get_date(),
        MONTHS[(date.get_month() as usize).min(11)],
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Today's date in the person's own time zone, as `YYYY-MM-DD`: the day actions fall overdue.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
