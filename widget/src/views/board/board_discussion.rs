//! The board view proper: everyone's ratings together, disagreements first, then the agreed record.

use super::people_table::PeopleTable;
use crate::charts::{DistributionChart, Profile, RadarChart};
use crate::hooks::use_focus_on_mount;
use crate::platform::files::download;
use crate::platform::print::print;
use crate::state::context::{use_board, use_widget};
use crate::state::{BoardAction, View};
use crate::views::common::{ErrorView, PlanTable};
use maturity_core::{action_plan, aggregate, aggregate_csv, agreed_draft, plural, score, Response};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props for [`BoardDiscussion`].
#[derive(Properties, PartialEq)]
pub struct BoardDiscussionProps {
    /// Everyone's responses.
    pub respondents: Rc<Vec<Response>>,
    /// The agreed record, once started.
    pub agreed: Option<Rc<Response>>,
    /// Back to collecting.
    pub on_back: Callback<()>,
    /// Opens the agreed record on a view, starting it from the draft (the medians) if needed.
    pub on_agree: Callback<(Response, View)>,
}

/// Options, a summary, the component figures, the items to discuss first with everyone's
/// ratings and notes, every item's distribution, the agreed record and the exports.
#[component]
pub fn BoardDiscussion(props: &BoardDiscussionProps) -> Html {
    let widget = use_widget();
    let summary_ref = use_focus_on_mount();
    // Kept with the board, so the facilitation view steps through the same items.
    let board_state = use_board().board;
    let threshold = board_state.record.threshold();
    let show_names = use_state(|| false);
    let instrument = &widget.instrument;
    let board = match aggregate(instrument, &props.respondents, threshold) {
        Ok(board) => board,
        Err(error) => {
            return html! { <ErrorView summary="These responses could not be combined" error={Rc::new(error)} /> }
        }
    };
    let levels = &instrument.scale.levels;
    let on_threshold = {
        let board_state = board_state.clone();
        Callback::from(move |event: Event| {
            if let Ok(value) = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                board_state.dispatch(BoardAction::Threshold(value));
            }
        })
    };
    let on_names = {
        let show_names = show_names.clone();
        Callback::from(move |event: Event| {
            show_names.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let flagged: Vec<&maturity_core::ItemAggregate> = board
        .discussion_order
        .iter()
        .filter_map(|id| board.items.iter().find(|i| &i.id == id))
        .filter(|i| i.disagreement)
        .collect();
    let median_text = |median: Option<maturity_core::Score>| {
        median.map_or_else(|| "–".to_owned(), |m| m.to_string())
    };
    let item_title = |id: &str| {
        instrument.item(id).map_or_else(
            || id.to_owned(),
            |(c, i)| format!("{} ({})", i.title, c.title),
        )
    };
    let prompts = flagged.iter().map(|aggregate_item| {
        let id = aggregate_item.id.clone();
        let agreed = props.agreed.as_ref().map(|a| instrument.rating_label(a.rating(&id)).to_owned());
        html! {
            <li class="mm-prompt" key={id.clone()} data-discuss={id.clone()}>
                <@{widget.h(3)} class="mm-prompt__title">{ item_title(&id) }</@>
                <DistributionChart item={Rc::new((*aggregate_item).clone())} />
                <p>{ format!("Median {} · ratings {} apart", median_text(aggregate_item.median), plural(aggregate_item.spread, "level", "levels")) }
                    if let Some(agreed) = agreed { { format!(" · agreed: {agreed}") } }
                </p>
<PeopleTable item_id={id.clone()} item_title={item_title(&id)} respondents={props.respondents.clone()} show_names={*show_names} />
            </li>
        }
    });
    let component_rows =
        instrument
            .components
            .iter()
            .zip(&board.components)
            .map(|(component, c)| {
                html! {
                    <tr key={component.id.clone()} data-board-component={component.id.clone()}>
                        <th scope="row">{ &component.title }</th>
                        <td>{ median_text(c.scores.median) }</td>
                        <td>{ median_text(c.scores.min) }</td>
                        <td>{ median_text(c.scores.max) }</td>
                        <td>{ c.disagreements }</td>
                    </tr>
                }
            });
    let item_rows = board.items.iter().map(|item| {
        let title = instrument
            .item(&item.id)
            .map_or_else(|| item.id.clone(), |(_, i)| i.title.clone());
        html! {
            <tr key={item.id.clone()} data-board-item={item.id.clone()}>
                <th scope="row">{ title }</th>
                <td><DistributionChart item={Rc::new(item.clone())} /></td>
                <td>{ median_text(item.median) }</td>
                <td>{ item.spread }</td>
            </tr>
        }
    });
    let export_csv = {
        let text = aggregate_csv(instrument, &board);
        Callback::from(move |_: MouseEvent| {
            download("board-ratings.csv", "text/csv", &text);
        })
    };
    let print = Callback::from(|_: MouseEvent| print());
    let draft = agreed_draft(instrument, &board, "");
    let open_agreed = |view: View| {
        let (draft, on_agree) = (draft.clone(), props.on_agree.clone());
        Callback::from(move |_: MouseEvent| on_agree.emit((draft.clone(), view)))
    };
    let mut profiles = vec![Profile {
        label: "Board median".to_owned(),
        scores: board.components.iter().map(|c| c.scores.median).collect(),
        ranges: board
            .components
            .iter()
            .map(|c| c.scores.min.zip(c.scores.max))
            .collect(),
    }];
    if let Some(agreed) = &props.agreed {
        profiles.push(Profile {
            label: "Agreed".to_owned(),
            scores: score(instrument, agreed)
                .components
                .iter()
                .map(|c| c.score)
                .collect(),
            ..Profile::default()
        });
    }
    // The agreed record's priorities, once the board has chosen them.
    let plan = Rc::new(
        props
            .agreed
            .as_ref()
            .map(|agreed| action_plan(instrument, agreed))
            .unwrap_or_default()
            .into_iter()
            .filter(|entry| entry.prioritised)
            .collect::<Vec<_>>(),
    );
    let threshold_id = widget.id("threshold");
    let names_id = widget.id("names");
    let max_gap = levels.len().saturating_sub(1).max(1);
    html! {
        <div class="mm-board">
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ "Back to respondents" }</button>
            </div>
            <fieldset class="mm-details mm-noprint">
                <legend class="mm-details__legend">{ "Options" }</legend>
                <div class="mm-field">
                    <label class="mm-field__label" for={threshold_id.clone()}>{ "Discuss items whose ratings are at least this many levels apart" }</label>
                    <select class="mm-select" id={threshold_id} onchange={on_threshold}>
                        { for (1..=max_gap as u32).map(|n| html! { <option value={n.to_string()} selected={n == threshold}>{ n }</option> }) }
                    </select>
                </div>
                <div class="mm-checkbox">
                    <input type="checkbox" id={names_id.clone()} checked={*show_names} onchange={on_names} />
                    <label for={names_id}>{ "Show names beside ratings" }</label>
                </div>
            </fieldset>
            <p class="mm-summary" id={widget.id("board-summary")} tabindex="-1" ref={summary_ref} data-respondents={board.respondents.to_string()} data-flagged={flagged.len().to_string()}>
                { format!("{} respondents. {} item{} rated {} or more levels apart: discuss {} first.",
                    board.respondents, flagged.len(), if flagged.len() == 1 { "" } else { "s" }, board.threshold,
                    if flagged.len() == 1 { "it" } else { "these" }) }
            </p>
            <section aria-labelledby={widget.id("board-components")}>
                <@{widget.h(2)} id={widget.id("board-components")}>{ "Components" }</@>
                if board.components.iter().any(|c| c.scores.median.is_some()) {
                    <RadarChart profiles={Rc::new(profiles)} described_by={widget.id("board-summary")} />
                }
                <div class="mm-scroll" tabindex="0" role="region" aria-label="Component scores across respondents">
                    <table class="mm-table">
                        <caption class="mm-visually-hidden">{ "Each component's scores across respondents" }</caption>
                        <thead><tr><th scope="col">{ "Component" }</th><th scope="col">{ "Median" }</th><th scope="col">{ "Lowest" }</th><th scope="col">{ "Highest" }</th><th scope="col">{ "Items to discuss" }</th></tr></thead>
                        <tbody>{ for component_rows }</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby={widget.id("discuss")}>
                <@{widget.h(2)} id={widget.id("discuss")}>{ "Discuss first" }</@>
                if flagged.is_empty() {
                    <p>{ "No item has ratings that far apart." }</p>
                } else {
                    <ol class="mm-prompts">{ for prompts }</ol>
                }
            </section>
            <section aria-labelledby={widget.id("agreed")}>
                <@{widget.h(2)} id={widget.id("agreed")}>{ "The agreed record" }</@>
                <p>{ "Record the level the board agrees for each item, with its rationale. The agreed record starts from everyone's median and is an assessment like any other: results, action plan, exports and the board paper all work on it. In the room, the facilitation view shows one item at a time, large enough for a projector, and records the agreed level as the discussion goes." }</p>
                <div class="mm-actions mm-noprint">
                    <button type="button" class="mm-button" onclick={open_agreed(View::Facilitate)}>{ "Facilitate the discussion, item by item" }</button>
                    <button type="button" class="mm-button mm-button--secondary" onclick={open_agreed(View::Assess)}>
                        { if props.agreed.is_some() { "Open the agreed record" } else { "Start the agreed record from the medians" } }
                    </button>
                </div>
            </section>
            if !plan.is_empty() {
                <section aria-labelledby={widget.id("board-plan")}>
                    <@{widget.h(2)} id={widget.id("board-plan")}>{ "Priorities (from the agreed record)" }</@>
                    <PlanTable plan={plan.clone()} />
                </section>
            }
            <section aria-labelledby={widget.id("every-item")}>
                <@{widget.h(2)} id={widget.id("every-item")}>{ "Every item" }</@>
                <div class="mm-scroll" tabindex="0" role="region" aria-label="Every item's ratings">
                    <table class="mm-table mm-table--items">
                        <caption class="mm-visually-hidden">{ "How everyone rated each item" }</caption>
                        <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Ratings" }</th><th scope="col">{ "Median" }</th><th scope="col">{ "Levels apart" }</th></tr></thead>
                        <tbody>{ for item_rows }</tbody>
                    </table>
                </div>
            </section>
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={export_csv}>{ "Download the board's ratings (CSV)" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={print}>{ "Print the board summary" }</button>
            </div>
        </div>
    }
}
