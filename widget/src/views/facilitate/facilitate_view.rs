//! One item at a time, for the room: the item and its level descriptions, how everyone rated
//! it, their notes, and the level and rationale the board agrees, saved into the agreed record
//! as the discussion goes.

use super::discussion_end::DiscussionEnd;
use super::item_timer::ItemTimer;
use super::room_distribution::RoomDistribution;
use crate::hooks::{use_focus_on_change, use_open_agreed};
use crate::state::context::{use_board, use_session, use_widget};
use crate::state::{Action, BoardAction, Open, View};
use crate::views::assess::ItemQuestion;
use maturity_core::{aggregate, agreed_draft, median_words, plural, Rating};
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props for [`FacilitateView`].
#[derive(Properties, PartialEq)]
pub struct FacilitateViewProps {
    /// The open assessment's slot: the agreed record, when facilitating.
    pub slot: u32,
    /// Opens an assessment (the agreed record).
    pub on_open: Callback<Open>,
    /// Moves to another view.
    pub on_view: Callback<View>,
}

/// The facilitation view. Its keyboard shortcuts act only while focus is inside it, and never
/// while typing, so they take no keys from a screen reader's browse mode or from the page.
#[component]
pub fn FacilitateView(props: &FacilitateViewProps) -> Html {
    let (widget, board, session) = (use_widget(), use_board(), use_session());
    let open_agreed = use_open_agreed(props.slot, props.on_open.clone());
    let show_names = use_state(|| false);
    let every_item = use_state(|| false);
    let minutes = use_state(|| 0u32);
    let panel = use_node_ref();
    let discussing = board.board.record.discussing.clone();
    let heading = use_focus_on_change(discussing.clone(), false);
    let instrument = &widget.instrument;
    let responses = &board.board.responses;
    // Combined once per change of the board, not on every key the room presses.
    let combined = {
        let instrument = instrument.clone();
        use_memo(
            (responses.clone(), board.board.record.threshold()),
            move |(responses, threshold)| aggregate(&instrument, responses, *threshold),
        )
    };
    let to_board = props.on_view.reform(|_: MouseEvent| View::Board);
    if responses.is_empty() {
        return html! {
            <div class="mm-facilitate">
                <p>{ "Nobody's ratings have been gathered yet. Collect them in the board view first; the discussion then steps through the items on which people differ most." }</p>
                <div class="mm-actions"><button type="button" class="mm-button" onclick={to_board}>{ "Go to the board view" }</button></div>
            </div>
        };
    }
    let Ok(board_figures) = &*combined else {
        // Responses on the board were checked as they came in; this cannot happen, but if it
        // does the board view explains what is wrong.
        return html! { <p>{ "These responses could not be combined: open the board view to see why." }</p> };
    };
    if board.board.record.agreed != Some(props.slot) {
        let start = {
            let draft = agreed_draft(instrument, board_figures, "");
            open_agreed.reform(move |_: MouseEvent| (draft.clone(), View::Facilitate))
        };
        return html! {
            <div class="mm-facilitate">
                <p>{ format!("{} people's ratings are gathered. The discussion goes through the items on which they differ most, one at a time, and records the level the board agrees in the board's agreed record.", responses.len()) }</p>
                <div class="mm-actions">
                    <button type="button" class="mm-button" onclick={start}>
                        { if board.board.record.agreed.is_some() { "Continue the discussion" } else { "Begin the discussion" } }
                    </button>
                    <button type="button" class="mm-button mm-button--secondary" onclick={to_board}>{ "Back to the board view" }</button>
                </div>
            </div>
        };
    }
    // The steps, as the core chooses them, by position in the instrument.
    let position_of = |id: &str| instrument.items().position(|(_, item)| item.id == id);
    let steps: Vec<usize> = board_figures
        .discussion_steps(*every_item)
        .filter_map(position_of)
        .collect();
    // Where the room is: an item on the way, or the end (an empty id); at first, the first.
    let step = match discussing.as_deref() {
        Some("") => None,
        Some(id) => Some(
            position_of(id)
                .and_then(|p| steps.iter().position(|&s| s == p))
                .unwrap_or(0),
        ),
        None => Some(0),
    };
    let go_to = |step: Option<usize>| {
        let id = step.map_or_else(String::new, |s| {
            instrument
                .items()
                .nth(steps[s])
                .map(|(_, item)| item.id.clone())
                .unwrap_or_default()
        });
        let board = board.board.clone();
        Callback::from(move |()| board.dispatch(BoardAction::Discussing(id.clone())))
    };
    let options = {
        let on_names = {
            let show_names = show_names.clone();
            Callback::from(move |e: Event| {
                show_names.set(e.target_unchecked_into::<HtmlInputElement>().checked())
            })
        };
        let on_every = {
            let every_item = every_item.clone();
            Callback::from(move |e: Event| {
                every_item.set(e.target_unchecked_into::<HtmlInputElement>().checked())
            })
        };
        let on_minutes = {
            let minutes = minutes.clone();
            Callback::from(move |e: Event| {
                minutes.set(
                    e.target_unchecked_into::<HtmlSelectElement>()
                        .value()
                        .parse()
                        .unwrap_or(0),
                )
            })
        };
        let uid = &widget.uid;
        html! {
            <details class="mm-disclosure mm-facilitate__options mm-noprint">
                <summary>{ "Options and keyboard shortcuts" }</summary>
                <div class="mm-checkbox">
                    <input type="checkbox" id={format!("{uid}-room-names")} checked={*show_names} onchange={on_names} />
                    <label for={format!("{uid}-room-names")}>{ "Show names beside notes" }</label>
                </div>
                <div class="mm-checkbox">
                    <input type="checkbox" id={format!("{uid}-room-every")} checked={*every_item} onchange={on_every} />
                    <label for={format!("{uid}-room-every")}>{ "Step through every item, not only those rated far apart" }</label>
                </div>
                <div class="mm-field">
                    <label class="mm-field__label" for={format!("{uid}-room-timer")}>{ "Time for each item" }</label>
                    <select class="mm-select" id={format!("{uid}-room-timer")} onchange={on_minutes}>
                        { for [0, 2, 3, 5, 10].map(|m| html! {
                            <option value={m.to_string()} selected={m == *minutes}>{ if m == 0 { "No timer".to_owned() } else { format!("{m} minutes") } }</option>
                        }) }
                    </select>
                </div>
                <p>{ format!("While focus is anywhere in this view, except while typing the rationale: N goes to the next item, P to the previous one, and 1 to {} choose a level.", instrument.scale.levels.len().min(9)) }</p>
            </details>
        }
    };

    // The level each item started from (the medians' draft the agreed record began as), and
    // its median in words, so the end tells what the board kept from what it chose.
    let started: Rc<Vec<Rating>> = {
        let draft = agreed_draft(instrument, board_figures, "");
        Rc::new(
            instrument
                .items()
                .map(|(_, item)| draft.rating(&item.id))
                .collect(),
        )
    };
    let medians: Rc<Vec<String>> = Rc::new(
        board_figures
            .items
            .iter()
            .map(|i| median_words(instrument, i.median))
            .collect(),
    );
    let Some(step) = step else {
        return html! {
            <div class="mm-facilitate">
                { options }
                <DiscussionEnd steps={Rc::new(steps.clone())} {started} {medians} heading={heading.clone()} on_back={go_to(steps.len().checked_sub(1))}
                    on_view={props.on_view.clone()} />
            </div>
        };
    };
    let position = steps[step];
    let (component_index, item_index, component, item) = {
        let mut n = 0;
        let mut found = None;
        for (ci, component) in instrument.components.iter().enumerate() {
            for (ii, item) in component.items.iter().enumerate() {
                if n == position {
                    found = Some((ci, ii, component, item));
                }
                n += 1;
            }
        }
        found.expect("a step is an item's position")
    };
    let figures = board_figures.items[position].clone();
    let notes = responses.iter().enumerate().filter_map(|(index, response)| {
        let answer = response.answers.get(&item.id)?;
        let note = answer.notes.trim();
        (!note.is_empty()).then(|| {
            let who = if *show_names { response.respondent_label(index) } else { format!("Respondent {}", index + 1) };
            html! {
                <li><strong>{ format!("{who}, {}: ", instrument.rating_label(answer.rating())) }</strong><span class="mm-prewrap">{ note.to_owned() }</span></li>
            }
        })
    }).collect::<Vec<_>>();
    // The item's description of each level: the choice beside them names the levels alone.
    let scale = &instrument.scale;
    let descriptions: Vec<Html> = scale
        .levels
        .iter()
        .enumerate()
        .filter(|(index, _)| !item.descriptor(scale, *index).is_empty())
        .map(|(index, level)| {
            html! { <><dt>{ &level.label }</dt><dd>{ item.descriptor(scale, index) }</dd></> }
        })
        .collect();
    let answer = session.response.answers.get(&item.id);
    let rating = session.response.rating(&item.id);
    let on_key = {
        let (next, previous) = (
            go_to(Some(step + 1).filter(|&s| s < steps.len())),
            go_to(step.checked_sub(1).or(Some(0))),
        );
        let (on_action, item_id) = (session.on_action.clone(), item.id.clone());
        let values: Vec<u8> = instrument.scale.levels.iter().map(|l| l.value).collect();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            // Typing the rationale or choosing from a list keeps every key.
            let typing = event
                .target_dyn_into::<HtmlElement>()
                .is_some_and(|target| {
                    matches!(target.tag_name().as_str(), "TEXTAREA" | "SELECT")
                        || (target.tag_name() == "INPUT"
                            && !matches!(
                                target.get_attribute("type").as_deref(),
                                Some("radio" | "checkbox")
                            ))
                });
            if typing {
                return;
            }
            let key = event.key();
            match key.as_str() {
                "n" | "N" => next.emit(()),
                "p" | "P" => previous.emit(()),
                _ => match key
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| values.get(n.wrapping_sub(1)))
                {
                    Some(&level) => on_action.emit(Action::Rate {
                        item: item_id.clone(),
                        level,
                    }),
                    None => return,
                },
            }
            event.prevent_default();
        })
    };
    let full_screen = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(panel) = panel.cast::<web_sys::Element>() {
                // Refused where the page may not go full screen (an embedding frame without
                // permission): the view works the same in the page.
                let _ = panel.request_fullscreen();
            }
        })
    };
    // "median 3.00 (Developing)", or "median 2.50 (between Emerging and Developing)": then no
    // level is chosen until the room chooses one.
    let median = format!("median {}", median_words(instrument, figures.median));
    let last = step + 1 == steps.len();
    html! {
        <div class="mm-facilitate" onkeydown={on_key} ref={panel} data-step={step.to_string()} data-item={item.id.clone()}>
            { options }
            <p class="mm-facilitate__count">{ format!("Item {} of {}", step + 1, steps.len()) }
                { format!(" · {}", component.title) }</p>
            <@{widget.h(2)} class="mm-facilitate__title" tabindex="-1" ref={heading}>{ &item.title }</@>
            if !item.prompt.is_empty() {
                <p class="mm-facilitate__prompt">{ &item.prompt }</p>
            }
            if *minutes > 0 {
                <ItemTimer key={format!("{position}-{}", *minutes)} minutes={*minutes} />
            }
            // Two columns where the panel is wide (a projector): what the room weighs on the
            // left, the decision on the right, so the room sees the ratings, the level chosen
            // and the rationale as it is typed on one screen.
            <div class="mm-facilitate__body">
            <div class="mm-facilitate__weigh">
            <section class="mm-facilitate__ratings" aria-labelledby={widget.id("room-ratings")}>
                <@{widget.h(3)} id={widget.id("room-ratings")}>{ format!("How {} rated it: {median}, {} apart", plural(responses.len(), "person", "people"), plural(figures.spread, "level", "levels")) }</@>
                <RoomDistribution item={Rc::new(figures)} />
            </section>
            <section aria-labelledby={widget.id("room-notes")}>
                <@{widget.h(3)} id={widget.id("room-notes")}>{ "What people wrote" }</@>
                if notes.is_empty() {
                    <p>{ "Nobody wrote a note on this item." }</p>
                } else {
                    <ul class="mm-list mm-facilitate__notes">{ for notes }</ul>
                }
            </section>
            if !descriptions.is_empty() {
                <section aria-labelledby={widget.id("room-levels")}>
                    <@{widget.h(3)} id={widget.id("room-levels")}>{ "What each level looks like" }</@>
                    <dl class="mm-facilitate__levels">{ for descriptions }</dl>
                </section>
            }
            </div>
            <div class="mm-facilitate__decide">
            <ItemQuestion key={item.id.clone()} component={component_index} item={item_index} {rating}
                notes={answer.map(|a| AttrValue::from(a.notes.clone())).unwrap_or_default()}
                on_action={session.on_action.clone()} agreeing=true />
            <div class="mm-actions mm-facilitate__steps mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" disabled={step == 0}
                    onclick={go_to(step.checked_sub(1)).reform(|_: MouseEvent| ())}>{ "Previous item" }</button>
                <button type="button" class="mm-button" onclick={go_to(Some(step + 1).filter(|&s| s < steps.len())).reform(|_: MouseEvent| ())}>
                    { if last { "See the agreed profile" } else { "Next item" } }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={to_board}>{ "Back to the board view" }</button>
                <button type="button" class="mm-button mm-button--secondary" onclick={full_screen}>{ "Full screen" }</button>
            </div>
            if rating == Rating::Unanswered {
                <p class="mm-hint">{ "No level is recorded for this item yet." }</p>
            }
            </div>
            </div>
        </div>
    }
}
