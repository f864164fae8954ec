//! Tells the person whether their answers are safe: saved, or why not and what to do.

use crate::platform::clock::local_time;
use crate::platform::storage::{Loaded, SaveError};
use yew::prelude::*;

/// Props for [`SaveNotice`].
#[derive(Properties, PartialEq)]
pub struct SaveNoticeProps {
    /// What happened when saved answers were looked for.
    pub loaded: Loaded,
    /// The last save: the time saved, or why it failed. `None` before the first change and
    /// while a change waits to be saved.
    pub save_result: Option<Result<String, SaveError>>,
    /// Whether anything has been changed since the assessment was opened.
    pub edited: bool,
    /// The component whose score the last change moved, with its new score.
    #[prop_or_default]
    pub changed: Option<String>,
    /// Downloads the answers, the way out when the browser cannot keep them.
    pub on_export: Callback<MouseEvent>,
}

/// A polite status line while all is well; a warning with an export button when answers are
/// only in memory or an earlier copy could not be read.
#[component]
pub fn SaveNotice(props: &SaveNoticeProps) -> Html {
    let mut warnings: Vec<String> = Vec::new();
    if let Loaded::Unreadable { aside_key, reason } = &props.loaded {
        warnings.push(if aside_key.is_empty() {
            format!("Answers saved earlier in this browser could not be read ({reason}). They have been left untouched, so new answers are kept in this page only.")
        } else {
            format!("Answers saved earlier in this browser could not be read ({reason}). That copy has been kept aside under the storage key \"{aside_key}\" and a new assessment started.")
        });
    }
    let memory_only = match (&props.loaded, &props.save_result) {
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
    let status = match &props.save_result {
        Some(Ok(at)) => {
            let time = local_time(at);
            match &props.changed {
                Some(changed) => format!("Saved in this browser at {time}. {changed}"),
                None => format!("Saved in this browser at {time}."),
            }
        }
        _ if props.loaded == Loaded::Restored && !props.edited => {
            "Your earlier answers have been restored.".to_owned()
        }
        _ => String::new(),
    };
    html! {
        <>
            <p class="mm-save-status mm-noprint" role="status">{ status }</p>
            if !warnings.is_empty() {
                <div class="mm-warning mm-noprint" role="alert">
                    { for warnings.iter().map(|w| html! { <p>{ w }</p> }) }
                    <button type="button" class="mm-button" onclick={props.on_export.clone()}>{ "Download my answers" }</button>
                </div>
            }
        </>
    }
}
