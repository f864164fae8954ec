//! One person rating on a shared device, kept apart from everyone else's answers.

use crate::hooks::{use_assessment, use_focus_on_mount};
use crate::platform::clock::now;
use crate::state::context::{use_widget, SessionContext, WidgetContext};
use crate::state::View;
use crate::views::assess::AssessView;
use maturity_core::Response;
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`RespondentTurn`].
#[derive(Properties, PartialEq)]
pub struct RespondentTurnProps {
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
    let widget = use_widget();
    let (_, session) = {
        let (instrument, name) = (widget.instrument.clone(), props.name.to_string());
        use_assessment(instrument.clone(), move || {
            let mut response = Response::new(&instrument);
            response.respondent.name = name;
            Rc::new(response)
        })
    };
    let component = use_state(|| 0_usize);
    let intro = use_focus_on_mount();
    let finish = {
        let (response, on_finish) = (session.response.clone(), props.on_finish.clone());
        Callback::from(move |_: View| {
            let mut response = (*response).clone();
            if response.updated.is_empty() {
                // Nothing answered: the response still records who took part, and when.
                response.updated = now();
            }
            on_finish.emit(response);
        })
    };
    let on_component = {
        let component = component.clone();
        Callback::from(move |index: usize| component.set(index))
    };
    html! {
        <div class="mm-turn">
            <p class="mm-privacy" tabindex="-1" ref={intro}>
                { format!("Rating by {}. Your answers are kept apart from everyone else's, and this screen shows nobody's ratings once you finish.", props.name) }
            </p>
            // Ids of its own, and answers of its own: nothing of the session underneath.
            <ContextProvider<WidgetContext> context={WidgetContext { uid: widget.id("turn").into(), ..widget.clone() }}>
                <ContextProvider<SessionContext> context={session}>
                    <AssessView component={*component} {on_component}
                        on_view={finish.clone()} last_label="Finish and hand over" />
                </ContextProvider<SessionContext>>
            </ContextProvider<WidgetContext>>
            <div class="mm-actions">
                <button type="button" class="mm-button mm-button--secondary" onclick={finish.reform(|_: MouseEvent| View::Board)}>{ "Finish and hand over" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Stop without keeping these answers" }</button>
            </div>
        </div>
    }
}
