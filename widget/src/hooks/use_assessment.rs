//! An open assessment: the reducer, its memoised scores and one stable action callback. Shared
//! by a session (whose answers are saved) and a rater's turn on a shared device (whose answers
//! stay in memory until they finish).

use crate::platform::clock::now;
use crate::state::context::SessionContext;
use crate::state::{Action, Assessment, Timed};
use maturity_core::{score, Instrument, Response};
use std::rc::Rc;
use yew::prelude::*;

/// The assessment starting from `initial` (read once, on the first render), and the context
/// its views read.
#[hook]
pub fn use_assessment<F>(
    instrument: Rc<Instrument>,
    initial: F,
) -> (UseReducerHandle<Assessment>, SessionContext)
where
    F: FnOnce() -> Rc<Response>,
{
    let state = use_reducer(move || Assessment::new(initial()));
    let report = use_memo(state.response.clone(), move |response| {
        score(&instrument, response)
    });
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(Timed { action, at: now() });
    });
    let context = SessionContext {
        slot: None,
        response: state.response.clone(),
        whole: state.response.clone(),
        report,
        on_action,
    };
    (state, context)
}
