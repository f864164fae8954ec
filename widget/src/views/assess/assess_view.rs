//! Rating, one component at a time, with the live results beside it.

use super::component_section::ComponentSection;
use crate::hooks::use_focus_on_change;
use crate::state::context::{use_session, use_widget};
use crate::state::View;
use crate::views::common::ScoreTable;
use yew::prelude::*;

/// Props for [`AssessView`].
#[derive(Properties, PartialEq)]
pub struct AssessViewProps {
    /// The component shown.
    pub component: usize,
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
    let (widget, session) = (use_widget(), use_session());
    let instrument = &widget.instrument;
    let current = props.component;
    let last = instrument.components.len() - 1;
    // Moving between components puts focus on the new component's heading; the first render
    // leaves focus with the view heading.
    let heading = use_focus_on_change(current, false);
    let steps = instrument.components.iter().enumerate().map(|(index, component)| {
        let counts = session.report.components[index].counts;
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
    let counts = session.report.counts;
    html! {
        <div class="mm-layout">
            <div class="mm-layout__main">
                <p class="mm-progress" data-answered={(counts.total - counts.unanswered).to_string()}>
                    { format!("{} ({}%).", maturity_core::answered_words(counts.total - counts.unanswered, counts.total), counts.completion_percent) }
                </p>
                <nav class="mm-steps" aria-label="Components">
                    <ol class="mm-steps__list">{ for steps }</ol>
                </nav>
                <ComponentSection key={instrument.components[current].id.clone()} component={current} heading={heading} />
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
                <ScoreTable />
            </div>
        </div>
    }
}
