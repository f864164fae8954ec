//! The results panel: score per component and overall, with counts.

use maturity_core::{Instrument, ScoreReport};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ResultsPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// The instrument, for component titles.
    pub instrument: Rc<Instrument>,
    /// The scores, computed by the core.
    pub report: Rc<ScoreReport>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
}

/// A table of component scores with the overall figure, marked indicative, in its footer.
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let report = &props.report;
    let heading_id = format!("{}-results", props.uid);
    let show = |score: Option<maturity_core::Score>| {
        score.map_or_else(|| "Not yet scored".to_owned(), |s| s.to_string())
    };
    let rows = props.instrument.components.iter().zip(&report.components).map(|(component, scored)| {
        html! {
            <tr key={component.id.clone()} data-component={component.id.clone()}>
                <th scope="row">{ &component.title }</th>
                <td class="mm-score" data-score="">{ show(scored.score) }</td>
                <td>{ format!("{} of {}", scored.counts.total - scored.counts.unanswered, scored.counts.total) }</td>
            </tr>
        }
    });
    html! {
        <section class="mm-results" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ "Results" }</h3>
            <p class="mm-results__progress" data-answered={(report.counts.total - report.counts.unanswered).to_string()}>
                { format!("{} of {} items answered.", report.counts.total - report.counts.unanswered, report.counts.total) }
            </p>
            <table class="mm-table">
                <caption class="mm-visually-hidden">{ "Score by component" }</caption>
                <thead>
                    <tr><th scope="col">{ "Component" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Answered" }</th></tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr data-overall="">
                        <th scope="row">{ "Overall (indicative)" }</th>
                        <td class="mm-score" data-score="">{ show(report.overall) }</td>
                        <td>{ format!("{} of {}", report.counts.total - report.counts.unanswered, report.counts.total) }</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}
