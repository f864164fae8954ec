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
