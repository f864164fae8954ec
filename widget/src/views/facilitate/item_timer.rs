//! An optional countdown for the item being discussed.

use crate::platform::clock::now_ms;
use gloo_timers::callback::Interval;
use yew::prelude::*;

/// Props for [`ItemTimer`].
#[derive(Properties, PartialEq)]
pub struct ItemTimerProps {
    /// Minutes for the item; the timer starts when it is shown (key it by the item to
    /// restart it for the next one).
    pub minutes: u32,
}

/// The time left, counted from when it was shown, so a slow tick never drifts. `role="timer"`
/// is not announced as it changes; "Time is up" is, once.
#[component]
pub fn ItemTimer(props: &ItemTimerProps) -> Html {
    let started = use_memo((), |()| now_ms());
    let tick = use_force_update();
    use_effect_with((), move |()| {
        let interval = Interval::new(1_000, move || tick.force_update());
        move || drop(interval)
    });
    #[expect(clippy::float_arithmetic, reason = "a time on the clock, not a score")]
    let elapsed = ((now_ms() - *started) / 1_000.0) as u32;
    let left = (props.minutes * 60).saturating_sub(elapsed);
    html! {
        <p class="mm-timer">
            <span role="timer">{ format!("{}:{:02} left for this item. ", left / 60, left % 60) }</span>
            <strong role="status">{ if left == 0 { "Time is up." } else { "" } }</strong>
        </p>
    }
}
