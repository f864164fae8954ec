//! The results: a written summary, the profile chart and its table, the heat map, and the
//! strengths and biggest gaps.

use super::radar_chart::Profile;
use super::{ComparePanel, HeatMap, RadarChart, ResultsPanel, SharePanel};
use crate::storage::Shelf;
use maturity_core::order::{by_rank, descending};
use maturity_core::{Instrument, Response, ScoreReport};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`ResultsView`].
#[derive(Properties, PartialEq)]
pub struct ResultsViewProps {
    /// The instrument.
    pub instrument: Rc<Instrument>,
    /// The scores.
    pub report: Rc<ScoreReport>,
    /// Unique prefix for ids.
    pub uid: AttrValue,
    /// Downloads the answers: `true` for CSV, `false` for JSON.
    pub on_export: Callback<bool>,
    /// The answers, for sharing and comparing.
    pub response: Rc<Response>,
    /// Where the other assessments are, when the widget keeps them (`None` otherwise).
    pub shelf: Option<Rc<Shelf>>,
    /// The open assessment's slot.
    pub slot: u32,
}

/// A rated item, for the strengths and gaps lists.
struct Rated<'a> {
    title: &'a str,
    component: &'a str,
    level_index: usize,
}

/// Every rated item, in instrument order.
fn rated<'a>(instrument: &'a Instrument, report: &ScoreReport) -> Vec<Rated<'a>> {
    instrument
        .components
        .iter()
        .zip(&report.components)
        .flat_map(|(component, scored)| {
            component
                .items
                .iter()
                .zip(&scored.items)
                .filter_map(move |(item, s)| {
                    Some(Rated {
                        title: &item.title,
                        component: &component.title,
                        level_index: s.level_index?,
                    })
                })
        })
        .collect()
}

/// One paragraph a board member can read aloud: completion, the overall figure and the
/// strongest and weakest components.
pub fn summary(instrument: &Instrument, report: &ScoreReport) -> String {
    let counts = report.counts;
    let answered = counts.total - counts.unanswered;
    let mut text = format!("{answered} of {} items answered.", counts.total);
    let Some(overall) = report.overall else {
        text.push_str(" No item has been rated on the scale yet, so there is no profile to show.");
        return text;
    };
    let top = instrument.scale.levels[instrument.scale.levels.len() - 1].value;
    text.push_str(&format!(" Overall score {overall} out of {top}"));
    if let Some(band) = &report.overall_band {
        text.push_str(&format!(" ({band})"));
    }
    text.push_str(", an indicative figure for discussion rather than a grade.");
    let scored: Vec<_> = instrument
        .components
        .iter()
        .zip(&report.components)
        .filter_map(|(c, s)| Some((c.title.as_str(), s.score?)))
        .collect();
    let strongest = scored.iter().max_by_key(|(_, s)| *s);
    let weakest = scored.iter().rev().min_by_key(|(_, s)| *s);
    if let (Some(high), Some(low)) = (strongest, weakest) {
        if high.1 != low.1 {
            text.push_str(&format!(
                " Strongest: {} ({}). Weakest: {} ({}).",
                high.0, high.1, low.0, low.1
            ));
        } else if scored.len() > 1 {
            text.push_str(&format!(" Every scored component stands at {}.", high.1));
        }
    }
    if counts.unanswered > 0 {
        text.push_str(" Unanswered items are left out of the scores, not counted as zero.");
    }
    text
}

/// The results view.
#[component]
pub fn ResultsView(props: &ResultsViewProps) -> Html {
    let instrument = &props.instrument;
    let report = &props.report;
    let summary_id = format!("{}-summary", props.uid);
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".to_owned(),
        scores: report.components.iter().map(|c| c.score).collect(),
    }]);
    let items = rated(instrument, report);
    let levels = &instrument.scale.levels;
    // Ranking keeps instrument order among equal levels.
    let items = by_rank(items, |r| descending(r.level_index as u64));
    let list = |entries: &[Rated<'_>]| {
        let entries = entries.iter().map(|r| html! {
            <li><strong>{ r.title }</strong>{ format!(" ({}): {}", r.component, levels[r.level_index].label) }</li>
        });
        html! { <ul class="mm-list">{ for entries }</ul> }
    };
    // Half the rated items at most on each side, so no item is both a strength and a gap.
    let shown = (items.len() / 2).min(3);
    let strengths = list(&items[..shown]);
    let gaps = {
        let lowest: Vec<Rated<'_>> = items.into_iter().rev().take(shown).collect();
        list(&by_rank(lowest, |r| r.level_index as u64))
    };
    let export_json = props.on_export.reform(|_: MouseEvent| false);
    let export_csv = props.on_export.reform(|_: MouseEvent| true);
    html! {
        <div class="mm-results-view">
            <p class="mm-summary" id={summary_id.clone()}>{ summary(instrument, report) }</p>
            <div class="mm-profile">
                if report.overall.is_some() {
                    <RadarChart instrument={instrument.clone()} profiles={profiles} described_by={summary_id} />
                }
                <ResultsPanel instrument={instrument.clone()} report={report.clone()} uid={props.uid.clone()} heading="Score by component" />
            </div>
            <HeatMap instrument={instrument.clone()} report={report.clone()} uid={props.uid.clone()} />
            if shown > 0 {
                <div class="mm-columns">
                    <section aria-labelledby={format!("{}-strengths", props.uid)}>
                        <h4 id={format!("{}-strengths", props.uid)}>{ "Strengths" }</h4>
                        { strengths }
                    </section>
                    <section aria-labelledby={format!("{}-gaps", props.uid)}>
                        <h4 id={format!("{}-gaps", props.uid)}>{ "Biggest gaps" }</h4>
                        { gaps }
                    </section>
                </div>
            }
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={export_json}>{ "Download answers (JSON)" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={export_csv}>{ "Download answers (CSV)" }</button>
            </div>
            if let Some(shelf) = &props.shelf {
                <ComparePanel instrument={instrument.clone()} response={props.response.clone()} shelf={shelf.clone()}
                    slot={props.slot} uid={props.uid.clone()} />
            }
            <SharePanel response={props.response.clone()} uid={props.uid.clone()} />
        </div>
    }
}
