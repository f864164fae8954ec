//! One person rating on a shared device, kept apart from everyone else's answers.

use super::session::now;
use super::AssessView;
use crate::state::{use_focus_on_mount, Action, Assessment, Timed, View};
use maturity_core::{score, Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`RespondentTurn`].
#[derive(Properties, PartialEq)]
pub struct RespondentTurnProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Who is rating.
    pub name: AttrValue,
    /// Fired with their answers when they finish.
    pub on_finish: Callback<Response>,
    /// Fired when they stop without finishing (nothing is kept).
    pub on_cancel: Callback<()>,
}

/// The usual rating view for one person, in memory until they finish; then the answers go to
/// the board and the screen returns to the hand-over page, showing nobody's ratings.
#[component]
pub fn RespondentTurn(props: &RespondentTurnProps) -> Html {
    let state = {
        let (instrument, name) = (props.instrument.clone(), props.name.to_string());
        use_reducer(move || {
            let mut response = Response::new(&instrument);
            response.respondent.name = name;
            Assessment::new(instrument, response)
        })
    };
    let component = use_state(|| 0_usize);
    let intro = use_focus_on_mount();
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(Timed { action, at: now() });
    });
    let finish = {
        let (response, on_finish) = (state.response.clone(), props.on_finish.clone());
        Callback::from(move |_: View| {
            let mut response = (*response).clone();
            if response.updated.is_empty() {
                // Nothing answered: the response still records who took part, and when.
                response.updated = now();
            }
            on_finish.emit(response);
        })
    };
    let report = Rc::new(score(&state.instrument, &state.response));
    let on_component = {
        let component = component.clone();
        Callback::from(move |index: usize| component.set(index))
    };
    html! {
        <div class="mm-turn">
            <p class="mm-privacy" tabindex="-1" ref={intro}>
                { format!("Rating by {}. Your answers are kept apart from everyone else's, and this screen shows nobody's ratings once you finish.", props.name) }
            </p>
            <AssessView instrument={state.instrument.clone()} response={state.response.clone()} {report}
                uid={props.uid.clone()} component={*component} {on_action} {on_component}
                on_view={finish.clone()} last_label="Finish and hand over" />
            <div class="mm-actions">
                <button type="button" class="mm-button mm-button--secondary" onclick={finish.reform(|_: MouseEvent| View::Board)}>{ "Finish and hand over" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Stop without keeping these answers" }</button>
            </div>
        </div>
    }
}
