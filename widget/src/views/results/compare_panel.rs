//! Change over time: the open assessment against an earlier one, both profiles overlaid.

use crate::charts::{Profile, RadarChart};
use crate::state::context::{use_library, use_session, use_widget};
use crate::views::common::titled_section;
use maturity_core::{compare, plural, score, Rating, Response, Score};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props for [`ComparePanel`].
#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The open assessment's slot, left out of the choices.
    pub slot: u32,
}

/// A choice of baseline among the saved assessments, then the profile chart with both
/// profiles, the component figures and the items that improved, declined or stayed the same.
#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let (widget, session, library) = (use_widget(), use_session(), use_library());
    let baseline_slot = use_state(|| None::<u32>);
    let instrument = &widget.instrument;
    let current = &session.response;
    let others: Vec<(u32, &Rc<Response>)> = library.library.others(props.slot).collect();
    let heading_id = widget.id("compare");
    let select_id = widget.id("baseline");
    if others.is_empty() {
        return html! {
            { titled_section(&widget, 2, "mm-compare", &heading_id, "Change over time", html! { <>
                <p>{ "To see how things have changed, keep this assessment and start a new one next time (or duplicate this one): any two saved assessments can then be compared here." }</p>
            </> }) }
        };
    }
    let onchange = {
        let baseline_slot = baseline_slot.clone();
        Callback::from(move |event: Event| {
            baseline_slot.set(
                event
                    .target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .ok(),
            );
        })
    };
    let label = |slot: u32, response: &Response| {
        let date = match response.assessed_on() {
            "" => "not dated",
            day => day,
        };
        format!("{} ({date})", response.display_name(slot))
    };
    let options = others.iter().map(|(slot, response)| html! {
        <option value={slot.to_string()} selected={*baseline_slot == Some(*slot)}>{ label(*slot, response) }</option>
    });
    let chosen = baseline_slot.and_then(|slot| others.iter().find(|(s, _)| *s == slot));
    let comparison = chosen.and_then(|(slot, baseline)| {
        let change = compare(instrument, baseline, current).ok()?;
        Some((label(*slot, baseline), baseline, change))
    });
    let body = comparison.map(|(baseline_label, baseline, change)| {
        let profiles = Rc::new(vec![
            Profile { label: format!("Baseline: {baseline_label}"), scores: score(instrument, baseline).components.iter().map(|c| c.score).collect(), ..Profile::default() },
            Profile { label: "This assessment".to_owned(), scores: session.report.components.iter().map(|c| c.score).collect(), ..Profile::default() },
        ]);
        let shown = |s: Option<maturity_core::Score>| s.map_or_else(|| "–".to_owned(), |s| s.to_string());
        let rows = instrument.components.iter().zip(&change.components).map(|(component, c)| {
            let delta = c.delta.map_or_else(|| "–".to_owned(), Score::signed);
            html! {
                <tr key={component.id.clone()} data-compare-component={component.id.clone()}>
                    <th scope="row">{ &component.title }</th>
                    <td>{ shown(c.baseline) }</td><td>{ shown(c.current) }</td><td>{ delta }</td>
                </tr>
            }
        });
        let list = |ids: &[String], class: &'static str, title: &'static str| {
            let entries = ids.iter().map(|id| {
                let name = instrument.item(id).map_or_else(|| id.clone(), |(_, i)| i.title.clone());
                let was = instrument.rating_label(baseline.rating(id));
                let now = instrument.rating_label(current.rating(id));
                let text = if matches!(current.rating(id), Rating::Level(_)) && was != now { format!("{name}: {was} \u{2192} {now}") } else { format!("{name}: {now}") };
                html! { <li>{ text }</li> }
            });
            html! {
                <section class={class}>
                    <@{widget.h(3)}>{ format!("{title} ({})", ids.len()) }</@>
                    if ids.is_empty() { <p>{ "None." }</p> } else { <ul class="mm-list">{ for entries }</ul> }
                </section>
            }
        };
        html! {
            <>
                <p class="mm-summary" id={widget.id("compare-summary")}>
                    { format!("Since {baseline_label}: {} improved, {} declined, {} unchanged{}.", plural(change.improved.len(), "item", "items"), change.declined.len(), change.unchanged.len(),
                        if change.not_comparable.is_empty() { String::new() } else { format!(", {} not comparable (not rated on a level both times)", change.not_comparable.len()) }) }
                </p>
                <RadarChart {profiles} described_by={widget.id("compare-summary")} />
                <div class="mm-scroll" tabindex="0" role="region" aria-label="Change by component">
                    <table class="mm-table">
                        <caption class="mm-visually-hidden">{ "Score by component, then and now" }</caption>
                        <thead><tr><th scope="col">{ "Component" }</th><th scope="col">{ "Baseline" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Change" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <div class="mm-columns">
                    { list(&change.improved, "mm-change mm-change--improved", "Improved") }
                    { list(&change.declined, "mm-change mm-change--declined", "Declined") }
                </div>
                { list(&change.unchanged, "mm-change mm-change--unchanged", "Unchanged") }
            </>
        }
    });
    html! {
        { titled_section(&widget, 2, "mm-compare", &heading_id, "Change over time", html! { <>
            <div class="mm-field">
                <label class="mm-field__label" for={select_id.clone()}>{ "Compare with" }</label>
                <select class="mm-select" id={select_id} {onchange}>
                    <option value="" selected={baseline_slot.is_none()}>{ "Choose an earlier assessment" }</option>
                    { for options }
                </select>
            </div>
            { body.unwrap_or_default() }
        </> }) }
    }
}
