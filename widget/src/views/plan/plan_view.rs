//! The action plan, focused: the few items the board chooses as its priorities now, each with
//! what will be done, by whom and by when; the rest listed as not prioritised now.

use super::plan_entry_form::PlanEntryForm;
use crate::platform::files::Format;
use crate::state::context::{use_session, use_widget};
use crate::state::Action;
use crate::views::common::DownloadButton;
use maturity_core::{action_plan, gap_words};
use std::rc::Rc;
use yew::prelude::*;

/// How many of the biggest gaps are suggested as priorities when none are chosen.
const SUGGESTED: usize = 3;

/// The priorities, numbered in the order shown (the plan's order: the widest gap first); a
/// suggestion when none are chosen; and everything else, each with a button to prioritise it.
#[component]
pub fn PlanView() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let plan = action_plan(&widget.instrument, &session.response);
    let (chosen, others): (Vec<_>, Vec<_>) = plan.into_iter().partition(|e| e.prioritised);
    let prioritise = |item: &str, on: bool| {
        let (on_action, item) = (session.on_action.clone(), item.to_owned());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Prioritise {
                item: item.clone(),
                on,
            })
        })
    };
    let suggestion = (chosen.is_empty() && !others.is_empty()).then(|| {
        let suggested: Vec<String> = others
            .iter()
            .take(SUGGESTED)
            .map(|e| e.item_id.clone())
            .collect();
        let names: Vec<&str> = others
            .iter()
            .take(SUGGESTED)
            .map(|e| e.item_title.as_str())
            .collect();
        let accept = {
            let on_action = session.on_action.clone();
            Callback::from(move |_: MouseEvent| {
                for item in &suggested {
                    on_action.emit(Action::Prioritise {
                        item: item.clone(),
                        on: true,
                    });
                }
            })
        };
        html! {
            <div class="mm-suggestion">
                <p>{ format!("The board has not chosen its priorities yet. Suggested, from the biggest gaps: {}.", names.join("; ")) }</p>
                if !widget.readonly {
                    <button type="button" class="mm-button" onclick={accept}>{ "Make these the priorities" }</button>
                }
            </div>
        }
    });
    let has_priorities = !chosen.is_empty();
    let entries = chosen.into_iter().enumerate().map(|(index, entry)| {
        let key = entry.item_id.clone();
        let remove = prioritise(&entry.item_id, false);
        html! { <PlanEntryForm {key} number={index + 1} entry={Rc::new(entry)} on_remove={remove} /> }
    });
    let uid = &widget.uid;
    let rest = others.iter().map(|entry| {
        let add = prioritise(&entry.item_id, true);
        html! {
            <li class="mm-plan__other" key={entry.item_id.clone()} data-plan-item={entry.item_id.clone()}>
                <p>
                    <strong>{ &entry.item_title }</strong>
                    { format!(" ({}): {} \u{2192} {}, {}.", entry.component_title, entry.current.label, entry.target.label, gap_words(entry.gap)) }
                </p>
                if !widget.readonly {
                    <button type="button" class="mm-button mm-button--secondary" onclick={add}>
                        { "Make this a priority" }<span class="mm-visually-hidden">{ format!(": {}", entry.item_title) }</span>
                    </button>
                }
            </li>
        }
    });
    let none_at_all = suggestion.is_none() && others.is_empty() && !has_priorities;
    html! {
        <div class="mm-plan">
            if none_at_all {
                <p>{ "There is nothing in the plan yet. Each item rated below the top level, or below the target set for it, appears here with its gap: how many levels it sits below its target." }</p>
            } else {
                <p>{ "Choose a few priorities to work on now: the board cannot do everything at once. Items are in order of their gap (how many levels each sits below its target, the next level up unless a target was chosen), the items that count most first. For each priority, write what will be done, who owns it and by when." }</p>
            }
            <section aria-labelledby={format!("{uid}-priorities")}>
                <@{widget.h(2)} id={format!("{uid}-priorities")}>{ "Priorities now" }</@>
                { suggestion.unwrap_or_default() }
                if has_priorities {
                    <ol class="mm-plan__list">{ for entries }</ol>
                }
            </section>
            if !others.is_empty() {
                <section aria-labelledby={format!("{uid}-not-prioritised")}>
                    <@{widget.h(2)} id={format!("{uid}-not-prioritised")}>{ format!("Not prioritised now ({})", others.len()) }</@>
                    <ul class="mm-plan__others">{ for rest }</ul>
                </section>
            }
            <div class="mm-actions mm-noprint">
                <DownloadButton label="Download the plan (CSV)" format={Format::Csv} />
            </div>
        </div>
    }
}
