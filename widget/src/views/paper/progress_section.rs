//! "Progress on actions" in the board paper: one sentence, then every action with its status,
//! owner, due date and latest progress, overdue ones first and marked in words.

use crate::state::context::{use_session, use_widget};
use crate::views::common::scroll_region;
use maturity_core::{date_in_words, progress};
use yew::prelude::*;

/// Nothing when there are no actions yet: the plan section already says so.
#[component]
pub fn ProgressSection() -> Html {
    let (widget, session) = (use_widget(), use_session());
    let report = progress(&widget.instrument, &session.response, &widget.today);
    if report.total == 0 {
        return Html::default();
    }
    let heading = widget.id("paper-progress");
    let rows = report.actions.iter().map(|action| {
        let due = date_in_words(&action.due);
        let status = if action.overdue {
            format!("{}, overdue", action.status.label())
        } else {
            action.status.label().to_owned()
        };
        let latest = action
            .latest
            .as_ref()
            .map(|l| format!("{}: {}", date_in_words(&l.date), l.text))
            .unwrap_or_default();
        html! {
            <tr key={action.item_id.clone()} class={classes!(action.overdue.then_some("mm-overdue"))}>
                <th scope="row">{ &action.item_title }<span class="mm-hint mm-block">{ &action.action }</span></th>
                <td>{ status }</td>
                <td>{ &action.owner }</td>
                <td class="mm-date-cell">{ due }</td>
                <td class="mm-prewrap">{ latest }</td>
            </tr>
        }
    });
    html! {
        <section class="mm-paper__section mm-paper__progress" aria-labelledby={heading.clone()}>
            <@{widget.h(2)} id={heading}>{ "Progress on actions" }</@>
            <p>{ format!("{} As at {}.", report.summary, date_in_words(&report.today)) }</p>
            { scroll_region("Progress on actions", html! {
                <table class="mm-table mm-progress-table">
                    <caption class="mm-visually-hidden">{ "Every action, overdue first" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Item and action" }</th><th scope="col">{ "Status" }</th>
                        <th scope="col">{ "Owner" }</th><th scope="col">{ "Due" }</th><th scope="col">{ "Latest progress" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}
