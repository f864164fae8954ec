//! A `<details>` whose content is built only once it is opened.

use yew::prelude::*;

/// Whether a `<details>` is open, and the `ontoggle` that keeps that up to date, so what it
/// holds (a long list, a large table) is built only when someone opens it.
#[hook]
pub fn use_disclosure(initially_open: bool) -> (bool, Callback<Event>) {
    let open = use_state(|| initially_open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    (*open, ontoggle)
}
