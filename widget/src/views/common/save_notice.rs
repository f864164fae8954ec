//! Tells the person whether their answers are safe: saved, or why not and what to do; what
//! another tab did to them; and when some changes are in no downloaded file.

use super::DownloadButton;
use crate::platform::clock::local_time;
use crate::platform::storage::{Loaded, SaveError};
use crate::state::context::{use_library, use_session, use_widget};
use crate::state::{LibraryAction, Notice, View};
use gloo_timers::callback::Timeout;
use maturity_core::Field;
use yew::prelude::*;

/// How long changes must pause before "Saved" is said: saying it after every click made the
/// status region speak for every arrow key.
const QUIET_MS: u32 = 1_500;

/// Props for [`SaveNotice`].
#[derive(Properties, PartialEq)]
pub struct SaveNoticeProps {
    /// What happened when saved answers were looked for.
    pub loaded: Loaded,
    /// The open assessment's slot.
    pub slot: u32,
    /// The view shown: the status line is cleared when it changes.
    pub view: View,
    /// What just happened, said once ("Imported …", "The agreed record has been started …").
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

/// A polite status line while all is well: "Saved", once, after a pause in changes and only
/// once the latest change is in storage, so it never claims more than is true and does not
/// speak at every click; cleared when the view changes; what just happened, when something
/// did (an import, a restore, an agreed record started). Then a
/// warning with a download button when answers are only in memory or an earlier copy could not
/// be read; a notice naming what another tab changed; and one calm line, with a download
/// button, when changes exist only in this browser.
#[component]
pub fn SaveNotice(props: &SaveNoticeProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let state = &library.library;
    let slot = props.slot;
    let edited = state.record(slot).is_some_and(|r| !r.edits.is_empty());
    // A failure to save anything, in any slot, is reported.
    let save_result = library
        .last_save
        .as_ref()
        .and_then(|save| match &save.result {
            Err(error) => Some(Err(error.clone())),
            Ok(updated) if edited && save.slot == slot && *updated == session.response.updated => {
                Some(Ok(updated.clone()))
            }
            Ok(_) => None,
        });
    let mut warnings: Vec<String> = Vec::new();
    if let Loaded::Unreadable { kept, reason } = &props.loaded {
        warnings.push(if *kept {
            format!("An assessment saved earlier in this browser could not be read ({reason}). It has been kept aside, untouched: you can download it or read its text under \u{201c}Your saved assessments\u{201d} on the start view. A new assessment has been started in its place.")
        } else {
            format!("An assessment saved earlier in this browser could not be read ({reason}). It has been left untouched, so new answers are kept in this page only.")
        });
    }
    let memory_only = match (&props.loaded, &save_result) {
        (_, Some(Err(SaveError::Full))) => Some("This browser's storage is full, so your latest answers are kept in this page only."),
        (_, Some(Err(SaveError::WouldOverwrite))) => Some("Your answers are kept in this page only, so that the unreadable saved copy is not overwritten."),
        (Loaded::Unavailable, _) | (_, Some(Err(SaveError::Unavailable))) => {
            Some("This browser is not letting the page save anything, so your answers are kept in this page only.")
        }
        _ => None,
    };
    if let Some(text) = memory_only {
        warnings.push(format!(
            "{text} Download them before you leave to keep them."
        ));
    }
    let candidate = match (&save_result, &props.message) {
        (Some(Ok(at)), _) => format!("Saved in this browser at {}.", local_time(at)),
        (_, Some(message)) if !edited => message.to_string(),
        _ if props.loaded == Loaded::Restored && !edited => {
            "Your earlier answers have been restored.".to_owned()
        }
        _ => String::new(),
    };
    let status = use_state(String::new);
    // What was last said, so a view change clears the line without it coming back.
    let said = use_mut_ref(String::new);
    {
        let (status, said) = (status.clone(), said.clone());
        let saved = matches!(save_result, Some(Ok(_)));
        use_effect_with((candidate, props.view), move |(candidate, _)| {
            let mut timer = None;
            if *said.borrow() == *candidate {
                status.set(String::new());
            } else if saved {
                // Said only after a pause; a change in the meantime starts the wait again.
                status.set(String::new());
                let (candidate, said) = (candidate.clone(), said.clone());
                timer = Some(Timeout::new(QUIET_MS, move || {
                    *said.borrow_mut() = candidate.clone();
                    status.set(candidate);
                }));
            } else {
                *said.borrow_mut() = candidate.clone();
                status.set(candidate.clone());
            }
            move || drop(timer)
        });
    }
    let notice = state.notice(slot).map(|notice| match notice {
        Notice::Changed(fields) => {
            let named: Vec<String> = fields
                .iter()
                .map(|field| {
                    // A rating says what it is now; other fields, that the other tab's text stands.
                    let now = match field {
                        Field::Rating(id) => format!(
                            ", now {}",
                            widget.instrument.rating_label(session.response.rating(id))
                        ),
                        _ => String::new(),
                    };
                    match field.item().and_then(|id| widget.instrument.item(id)) {
                        Some((_, item)) => format!("{} ({}{now})", item.title, field.describe()),
                        None => format!("{}{now}", field.describe()),
                    }
                })
                .collect();
            format!(
                "Changed in another tab after it was changed here: {}. That later change is the one kept, and shows here now.",
                named.join("; ")
            )
        }
        Notice::Deleted => "This assessment was deleted in another tab. Its answers are still on this screen: change anything to keep it, or download it.".to_owned(),
        Notice::Unreadable => "Another tab saved this assessment in a form this page cannot read (perhaps a newer version of this tool), so the answers here are kept in this page only: download them to keep them.".to_owned(),
    });
    let dismiss = {
        let library = library.library.dispatcher();
        Callback::from(move |_: MouseEvent| library.dispatch(LibraryAction::Dismiss(slot)))
    };
    let undownloaded = state
        .undownloaded(slot)
        .then(|| {
            if state.downloads.iter().any(|(known, _)| *known == slot) {
                "Changes since your last download are kept only in this browser, which may clear them if the site goes unused for a while. Download a copy to keep them safe."
            } else {
                "These answers are kept only in this browser, which may clear them if the site goes unused for a while. Download a copy to keep them safe."
            }
        });
    html! {
        <>
            <p class="mm-save-status mm-noprint" role="status">{ (*status).clone() }</p>
            <div class="mm-notice mm-noprint" role="status">
                if let Some(text) = notice {
                    <p>{ text }</p>
                    <button type="button" class="mm-button mm-button--secondary" onclick={dismiss}>{ "OK" }</button>
                }
            </div>
            if !warnings.is_empty() {
                <div class="mm-warning mm-noprint" role="alert">
                    { for warnings.iter().map(|w| html! { <p>{ w }</p> }) }
                    <DownloadButton label="Download my answers" primary=true />
                </div>
            }
            // A status region that is there before its line, so the line is announced once,
            // politely, when it appears (not on every later change).
            if matches!(props.view, View::Start | View::Results) && widget.stored {
                <div class="mm-undownloaded mm-noprint" role="status">
                    if let Some(text) = undownloaded {
                        <p>{ text }</p>
                        <DownloadButton label="Download a copy (JSON)" />
                    }
                </div>
            }
        </>
    }
}
