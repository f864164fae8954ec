//! The results: a written summary, the profile chart and its table, the heat map, and the
//! strengths and biggest gaps.

#[cfg(feature = "board")]
use super::compare_panel::ComparePanel;
use super::share_panel::SharePanel;
#[cfg(feature = "board")]
use super::trend_panel::TrendPanel;
use crate::charts::{HeatMap, Profile, RadarChart};
use crate::platform::files::Format;
use crate::state::context::{use_session, use_widget};
use crate::views::common::{DownloadButton, ScoreTable};
use maturity_core::{
    action_plan, gap_words, highlights, written_summary, ActionPlanEntry, RatedItem,
};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ResultsView`].
#[derive(Properties, PartialEq)]
pub struct ResultsViewProps {
    /// The open assessment's slot, left out of the choices to compare with.
    pub slot: u32,
}

/// The results view.
#[component]
pub fn ResultsView(props: &ResultsViewProps) -> Html {
    let (widget, session) = (use_widget(), use_session());
    let (instrument, report) = (&widget.instrument, &session.report);
    let summary_id = widget.id("summary");
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".to_owned(),
        scores: report.components.iter().map(|c| c.score).collect(),
        ..Profile::default()
    }]);
    let plan = action_plan(instrument, &session.response);
    let found = highlights(instrument, report, &plan);
    let strengths = |entries: &[RatedItem<'_>]| {
        let entries = entries.iter().map(|r| html! {
            <li><strong>{ &r.item.title }</strong>{ format!(" ({}): {}", r.component.title, r.level.label) }</li>
        });
        html! { <ul class="mm-list">{ for entries }</ul> }
    };
    let gaps = |entries: &[&ActionPlanEntry]| {
        let entries = entries.iter().map(|e| html! {
            <li data-gap={e.item_id.clone()}>
                <strong>{ &e.item_title }</strong>{ format!(" ({}): {} \u{2192} {}, {}.", e.component_title, e.current.label, e.target.label, gap_words(e.gap)) }
                if !e.move_up.is_empty() {
                    <br /><span class="mm-move-up">{ format!("To reach {}: {}", e.next.label, e.move_up) }</span>
                }
            </li>
        });
        html! { <ul class="mm-list">{ for entries }</ul> }
    };
    // Change over time belongs to the board's year: these panels are in the board build, which
    // the element loads as soon as a second assessment is kept on the device (see `Session`).
    #[cfg(feature = "board")]
    let over_time = html! {
        if widget.stored {
            <ComparePanel slot={props.slot} />
            <TrendPanel slot={props.slot} />
        }
    };
    #[cfg(not(feature = "board"))]
    let over_time = {
        let _ = props.slot;
        Html::default()
    };
    html! {
        <div class="mm-results-view">
            <p class="mm-summary" id={summary_id.clone()}>{ written_summary(instrument, report) }</p>
            <div class="mm-profile">
                if report.overall.is_some() {
                    <RadarChart {profiles} described_by={summary_id} />
                }
                <ScoreTable heading="Score by component" />
            </div>
            <HeatMap report={report.clone()} />
            if !found.strengths.is_empty() || !found.gaps.is_empty() {
                <div class="mm-columns">
                    if !found.strengths.is_empty() {
                        <section aria-labelledby={widget.id("strengths")}>
                            <@{widget.h(2)} id={widget.id("strengths")}>{ "Strengths" }</@>
                            { strengths(&found.strengths) }
                        </section>
                    }
                    if !found.gaps.is_empty() {
                        <section aria-labelledby={widget.id("gaps")}>
                            <@{widget.h(2)} id={widget.id("gaps")}>{ "Biggest gaps" }</@>
                            <p class="mm-hint">{ "A gap is how many levels an item sits below its target (the next level up, unless a target was chosen)." }</p>
                            { gaps(&found.gaps) }
                        </section>
                    }
                </div>
            }
            <div class="mm-actions mm-noprint">
                <DownloadButton />
                <DownloadButton label="Download answers (CSV)" format={Format::Csv} />
            </div>
            { over_time }
            <SharePanel />
        </div>
    }
}
