//! The results: a written summary, the profile chart and its table, the heat map, and the
//! strengths and biggest gaps.

use super::compare_panel::ComparePanel;
use super::share_panel::SharePanel;
use crate::charts::{HeatMap, Profile, RadarChart};
use crate::platform::files::Format;
use crate::state::context::{use_session, use_widget};
use crate::views::common::{DownloadButton, ScoreTable};
use maturity_core::{highlights, written_summary, RatedItem};
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
    let summary_id = format!("{}-summary", widget.uid);
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".to_owned(),
        scores: report.components.iter().map(|c| c.score).collect(),
    }]);
    let found = highlights(instrument, report);
    let list = |entries: &[RatedItem<'_>]| {
        let entries = entries.iter().map(|r| html! {
            <li><strong>{ &r.item.title }</strong>{ format!(" ({}): {}", r.component.title, r.level.label) }</li>
        });
        html! { <ul class="mm-list">{ for entries }</ul> }
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
            if !found.strengths.is_empty() {
                <div class="mm-columns">
                    <section aria-labelledby={format!("{}-strengths", widget.uid)}>
                        <h4 id={format!("{}-strengths", widget.uid)}>{ "Strengths" }</h4>
                        { list(&found.strengths) }
                    </section>
                    <section aria-labelledby={format!("{}-gaps", widget.uid)}>
                        <h4 id={format!("{}-gaps", widget.uid)}>{ "Biggest gaps" }</h4>
                        { list(&found.gaps) }
                    </section>
                </div>
            }
            <div class="mm-actions mm-noprint">
                <DownloadButton />
                <DownloadButton label="Download answers (CSV)" format={Format::Csv} />
            </div>
            if widget.stored {
                <ComparePanel slot={props.slot} />
            }
            <SharePanel />
        </div>
    }
}
