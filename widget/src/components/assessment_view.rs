//! The assessment: every component's items, the live results, saving and export.

use super::{ComponentSection, ResultsPanel, SaveNotice};
use crate::download::download;
use crate::state::{Action, Assessment, Timed};
use crate::storage::{self, Loaded};
use maturity_core::{response_csv, score, Instrument};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`AssessmentView`].
#[derive(Properties, PartialEq)]
pub struct AssessmentViewProps {
    /// The instrument to rate against.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Separates this assessment's saved answers from others of the same instrument.
    pub storage_key: AttrValue,
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Owns the assessment state; every score shown comes from the core.
#[component]
pub fn AssessmentView(props: &AssessmentViewProps) -> Html {
    let key = storage::response_key(&props.instrument, &props.storage_key);
    // Saved answers are read before the first render, so the first save can never replace
    // them with an empty assessment.
    let loaded = {
        let (instrument, key) = (props.instrument.clone(), key.clone());
        use_memo((), move |()| storage::load(&instrument, &key))
    };
    let state = {
        let (instrument, loaded) = (props.instrument.clone(), loaded.clone());
        use_reducer(move || {
            let mut fresh = Assessment::new(instrument);
            if let Loaded::Restored(response) = &*loaded {
                fresh.response = Rc::new(response.clone());
            }
            fresh
        })
    };
    let save_result = use_state(|| None::<Result<String, storage::SaveError>>);
    {
        let (key, save_result, loaded) = (key.clone(), save_result.clone(), loaded.clone());
        use_effect_with(state.response.clone(), move |response| {
            // An untouched fresh assessment, or the copy just restored, has nothing new to save.
            let just_restored = matches!(&*loaded, Loaded::Restored(saved) if saved == &**response);
            if !response.updated.is_empty() && !just_restored {
                // An unreadable record that could not be moved aside still sits at the key:
                // saving would destroy it, so the answers stay in memory instead.
                let blocked = matches!(&*loaded, Loaded::Unreadable { aside_key, .. } if aside_key.is_empty());
                let saved = if blocked {
                    Err(storage::SaveError::WouldOverwrite)
                } else {
                    storage::save(&key, response).map(|()| response.updated.clone())
                };
                save_result.set(Some(saved));
            }
        });
    }
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(Timed { action, at: now() }))
    };
    let report = Rc::new(score(&state.instrument, &state.response));
    let instrument = &state.instrument;
    let file_stem = format!("{}-{}", instrument.id, props.storage_key);
    let export_json = {
        let (response, stem) = (state.response.clone(), file_stem.clone());
        Callback::from(move |_: MouseEvent| {
            download(
                &format!("{stem}.json"),
                "application/json",
                &response.to_json(),
            );
        })
    };
    let export_csv = {
        let (response, instrument, stem) = (state.response.clone(), instrument.clone(), file_stem);
        Callback::from(move |_: MouseEvent| {
            download(
                &format!("{stem}.csv"),
                "text/csv",
                &response_csv(&instrument, &response),
            );
        })
    };
    let title_id = format!("{}-title", props.uid);
    let sections = instrument.components.iter().enumerate().map(|(index, component)| {
        html! {
            <ComponentSection key={component.id.clone()} instrument={instrument.clone()}
                component={index} response={state.response.clone()} counts={report.components[index].counts}
                uid={props.uid.clone()} on_action={on_action.clone()} />
        }
    });
    html! {
        <article class="mm-assessment" aria-labelledby={title_id.clone()}>
            <h2 class="mm-title" id={title_id}>{ &instrument.title }</h2>
            if !instrument.description.is_empty() {
                <p class="mm-lead">{ &instrument.description }</p>
            }
            <p class="mm-privacy">{ "Your answers are saved in this browser only. Nothing is sent anywhere." }</p>
            <SaveNotice loaded={(*loaded).clone()} save_result={(*save_result).clone()} on_export={export_json.clone()} />
            <div class="mm-layout">
                <div class="mm-layout__main">{ for sections }</div>
                <div class="mm-layout__side">
                    <ResultsPanel instrument={instrument.clone()} report={report} uid={props.uid.clone()} />
                    <div class="mm-actions">
                        <button type="button" class="mm-button mm-button--secondary" onclick={export_json}>{ "Download answers (JSON)" }</button>
                        <button type="button" class="mm-button mm-button--secondary" onclick={export_csv}>{ "Download answers (CSV)" }</button>
                    </div>
                </div>
            </div>
            if !instrument.source.is_empty() {
                <p class="mm-source">{ &instrument.source }</p>
            }
        </article>
    }
}
