//! Rating, one component at a time, with the live results beside it.

use super::{ComponentSection, ResultsPanel};
use crate::state::{Action, View};
use maturity_core::{Instrument, Response, ScoreReport};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props for [`AssessView`].
#[derive(Properties, PartialEq)]
pub struct AssessViewProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// The answers so far.
    pub response: Rc<Response>,
    /// Their scores.
    pub report: Rc<ScoreReport>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// The component shown.
    pub component: usize,
    /// Fired with what the person did.
    pub on_action: Callback<Action>,
    /// Shows another component.
    pub on_component: Callback<usize>,
    /// Moves to another view.
    pub on_view: Callback<View>,
    /// The last component's button, which moves on to the results.
    #[prop_or(AttrValue::Static("See the results"))]
    pub last_label: AttrValue,
}

/// A list of the components with their progress (any can be opened, in any order), the
/// chosen component's items, and buttons to the previous and next ones.
#[component]
pub fn AssessView(props: &AssessViewProps) -> Html {
    let instrument = &props.instrument;
    let current = props.component;
    let last = instrument.components.len() - 1;
    let heading = use_node_ref();
    // Moving between components puts focus on the new component's heading; the first render
    // leaves focus with the view heading.
    let first = use_mut_ref(|| true);
    {
        let (heading, first) = (heading.clone(), first.clone());
        use_effect_with(current, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(heading) = heading.cast::<HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    }
    let steps = instrument.components.iter().enumerate().map(|(index, component)| {
        let counts = props.report.components[index].counts;
        let answered = counts.total - counts.unanswered;
        let onclick = props.on_component.reform(move |_: MouseEvent| index);
        html! {
            <li key={component.id.clone()} class={classes!("mm-steps__step", (answered == counts.total).then_some("mm-steps__step--done"))}>
                <button type="button" class="mm-steps__button" aria-current={(index == current).then_some("step")} {onclick}>
                    <span class="mm-steps__title">{ &component.title }</span>
                    <span class="mm-steps__progress">{ format!("{answered} of {} answered", counts.total) }</span>
                </button>
            </li>
        }
    });
    let previous = props
        .on_component
        .reform(move |_: MouseEvent| current.saturating_sub(1));
    let next = props
        .on_component
        .reform(move |_: MouseEvent| (current + 1).min(last));
    let results = props.on_view.reform(|_: MouseEvent| View::Results);
    let counts = props.report.counts;
    html! {
        <div class="mm-layout">
            <div class="mm-layout__main">
                <p class="mm-progress" data-answered={(counts.total - counts.unanswered).to_string()}>
                    { format!("{} of {} items answered ({}%).", counts.total - counts.unanswered, counts.total, counts.completion_percent) }
                </p>
                <nav class="mm-steps" aria-label="Components">
                    <ol class="mm-steps__list">{ for steps }</ol>
                </nav>
                <ComponentSection key={instrument.components[current].id.clone()} instrument={instrument.clone()}
                    component={current} response={props.response.clone()} counts={props.report.components[current].counts}
                    uid={props.uid.clone()} on_action={props.on_action.clone()} heading={heading} />
                <div class="mm-actions mm-pager">
                    if current > 0 {
                        <button type="button" class="mm-button mm-button--secondary" onclick={previous}>
                            { "Previous: " }{ &instrument.components[current - 1].title }
                        </button>
                    }
                    if current < last {
                        <button type="button" class="mm-button" onclick={next}>
                            { "Next: " }{ &instrument.components[current + 1].title }
                        </button>
                    } else {
                        <button type="button" class="mm-button" onclick={results}>{ &props.last_label }</button>
                    }
                </div>
            </div>
            <div class="mm-layout__side">
                <ResultsPanel instrument={instrument.clone()} report={props.report.clone()} uid={props.uid.clone()} />
            </div>
        </div>
    }
}
