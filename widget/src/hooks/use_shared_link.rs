//! A share link in the page's address: read as the widget opens, and again whenever the
//! address's fragment changes. A link opened in a tab already showing the page changes only
//! the fragment, and the page does not load again.

use crate::platform::share_link;
use gloo_events::EventListener;
use yew::prelude::*;

/// The share link to show (the page's fragment holding it), set to `None` once it is closed.
/// Only a widget that `offers` shared answers looks for one.
#[hook]
pub fn use_shared_link(offers: bool) -> UseStateHandle<Option<String>> {
    let shared = use_state(move || offers.then(share_link::fragment_of_page).flatten());
    {
        let shared = shared.clone();
        use_effect_with(offers, move |&offers| {
            let listener = web_sys::window().filter(|_| offers).map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    // Any other fragment (a heading's anchor, say) is the page's own business.
                    if let Some(fragment) = share_link::fragment_of_page() {
                        shared.set(Some(fragment));
                    }
                })
            });
            move || drop(listener)
        });
    }
    shared
}
