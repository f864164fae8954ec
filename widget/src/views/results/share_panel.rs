//! Sharing the answers as a link whose data lives only in the URL fragment.

use crate::platform::share_link::{self, Link};
use crate::state::context::{use_session, use_widget};
use crate::views::common::titled_section;
use yew::prelude::*;

/// A button that makes the link, then the link in a read-only field with a copy button, and
/// a plain warning when it is long enough for some tools to cut off.
#[component]
pub fn SharePanel() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let link = use_state(|| None::<Result<Link, String>>);
    let copied = use_state(|| None::<bool>);
    // A link made for earlier answers would be stale.
    {
        let (link, copied) = (link.clone(), copied.clone());
        use_effect_with(session.response.clone(), move |_| {
            link.set(None);
            copied.set(None);
        });
    }
    let make = {
        let (link, response) = (link.clone(), session.response.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, response) = (link.clone(), response.clone());
            wasm_bindgen_futures::spawn_local(async move {
                link.set(Some(share_link::make(&response).await))
            });
        })
    };
    let field_id = widget.id("share-link");
    let body = match &*link {
        None => html! {},
        Some(Err(reason)) => {
            html! { <p class="mm-warning" role="alert">{ format!("No link was made: {reason}") }</p> }
        }
        Some(Ok(made)) => {
            let copy = {
                let (url, copied) = (made.url.clone(), copied.clone());
                Callback::from(move |_: MouseEvent| {
                    let (url, copied) = (url.clone(), copied.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        copied.set(Some(share_link::copy(&url).await))
                    });
                })
            };
            html! {
                <>
                    <label class="mm-field__label" for={field_id.clone()}>{ "Share link" }</label>
                    <input class="mm-input mm-input--wide" type="text" id={field_id} readonly=true value={made.url.clone()} />
                    if made.long {
                        <p class="mm-hint">{ format!("This link is {} characters long: some email systems cut long links. If it does not open, send the downloaded file instead.", made.url.len()) }</p>
                    }
                    <div class="mm-actions">
                        <button type="button" class="mm-button mm-button--secondary" onclick={copy}>{ "Copy the link" }</button>
                    </div>
                    <p role="status" class="mm-hint">
                        { match *copied { Some(true) => "Copied.", Some(false) => "This browser did not allow copying: select the link and copy it yourself.", None => "" } }
                    </p>
                </>
            }
        }
    };
    let heading_id = widget.id("share");
    html! {
        { titled_section(&widget, 2, "mm-share mm-noprint", &heading_id, "Share by link", html! { <>
            <p>{ "The answers travel inside the link itself, after the #, which browsers never send to a server. Anyone with the link can read them, so send it only to the people who should." }</p>
            <div class="mm-actions">
                <button type="button" class="mm-button mm-button--secondary" onclick={make}>{ "Make a share link" }</button>
            </div>
            { body }
        </> }) }
    }
}
