//! The open assessment's score per component and overall, with counts.

use crate::state::context::{use_session, use_widget};
use yew::prelude::*;

/// Props for [`ScoreTable`].
#[derive(Properties, PartialEq)]
pub struct ScoreTableProps {
    /// The table's heading.
    #[prop_or(AttrValue::Static("Results so far"))]
    pub heading: AttrValue,
    /// Distinguishes the heading's id from other score tables in the widget.
    #[prop_or(AttrValue::Static("scores"))]
    pub id: AttrValue,
}

/// A table of component scores with the overall figure, marked indicative, in its footer.
#[component]
pub fn ScoreTable(props: &ScoreTableProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let (instrument, report) = (&widget.instrument, &session.report);
    let heading_id = widget.id(&props.id);
    let banded = !instrument.scoring.bands.is_empty();
    let band = |band: &Option<String>| {
        banded.then(|| html! { <td>{ band.clone().unwrap_or_default() }</td> })
    };
    let show = |score: Option<maturity_core::Score>| {
        score.map_or_else(|| "Not yet scored".to_owned(), |s| s.to_string())
    };
    let rows = instrument.components.iter().zip(&report.components).map(|(component, scored)| {
        html! {
            <tr key={component.id.clone()} data-component={component.id.clone()}>
                <th scope="row">{ &component.title }</th>
                <td class="mm-score" data-score="">{ show(scored.score) }</td>
                { band(&scored.band).unwrap_or_default() }
                <td>{ format!("{} of {}", scored.counts.total - scored.counts.unanswered, scored.counts.total) }</td>
            </tr>
        }
    });
    html! {
        <section class="mm-results" aria-labelledby={heading_id.clone()}>
            <@{widget.h(2)} id={heading_id.clone()}>{ &props.heading }</@>
            <p class="mm-results__progress" data-answered={(report.counts.total - report.counts.unanswered).to_string()}>
                { format!("{}.", maturity_core::answered_words(report.counts.total - report.counts.unanswered, report.counts.total)) }
            </p>
            <div class="mm-scroll" tabindex="0" role="region" aria-labelledby={heading_id.clone()}>
            <table class="mm-table">
                <caption class="mm-visually-hidden">{ format!("Score by component, on the scale {} to {}", instrument.scale.levels[0].value, instrument.scale.levels[instrument.scale.levels.len() - 1].value) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Component" }</th><th scope="col">{ "Score" }</th>
                        if banded { <th scope="col">{ "Band" }</th> }
                        <th scope="col">{ "Answered" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr data-overall="">
                        <th scope="row">{ "Overall (indicative)" }</th>
                        <td class="mm-score" data-score="">{ show(report.overall) }</td>
                        { band(&report.overall_band).unwrap_or_default() }
                        <td>{ format!("{} of {}", report.counts.total - report.counts.unanswered, report.counts.total) }</td>
                    </tr>
                </tfoot>
            </table>
            </div>
        </section>
    }
}
