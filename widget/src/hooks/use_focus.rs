//! Moving keyboard focus where a person's attention should go after a change they asked for.

use yew::prelude::*;

/// A node that receives focus when its component first renders: used where a button the
/// person pressed disappears (a stage of the board replaced by the next), so focus lands at
/// the start of what replaced it rather than on the page body.
#[cfg(feature = "board")]
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    node
}

/// A node that receives focus whenever `key` changes after the first render (or on the first
/// render too, when `on_first` is set): moving to another view or component puts focus on its
/// heading, so keyboard and screen reader users land at the start of what changed, while on
/// page load focus is left where the browser put it.
#[hook]
pub fn use_focus_on_change<K: PartialEq + 'static>(key: K, on_first: bool) -> NodeRef {
    let node = use_node_ref();
    let focus_next = use_mut_ref(move || on_first);
    {
        let node = node.clone();
        use_effect_with(key, move |_| {
            if std::mem::replace(&mut *focus_next.borrow_mut(), true) {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    node
}
