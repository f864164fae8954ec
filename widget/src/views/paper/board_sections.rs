//! The paper's sections that only a board's record has: the spread of the board's views and
//! the change since the previous assessment. In the board build only: a record with either is
//! opened there (see `Session`).

use crate::state::context::{BoardContext, LibraryContext, SessionContext, WidgetContext};
use crate::views::common::scroll_region;
use maturity_core::{
    aggregate, compare, date_in_words, plural, previous_assessment, Change, Score,
    DEFAULT_DISAGREEMENT_THRESHOLD,
};
use yew::prelude::*;

/// The spread of views, when this is the board's agreed record.
pub fn spread_section(widget: &WidgetContext, board: &BoardContext, agreed: bool) -> Option<Html> {
    let (instrument, uid) = (&widget.instrument, &widget.uid);
    agreed
    .then(|| aggregate(instrument, &board.board.responses, DEFAULT_DISAGREEMENT_THRESHOLD).ok())
    .flatten()
    .map(|board| {
        let flagged: Vec<Html> = board
            .discussion_order
            .iter()
            .filter_map(|id| board.items.iter().find(|i| &i.id == id))
            .filter(|i| i.disagreement)
            .map(|i| {
                let title = instrument.item(&i.id).map_or(i.id.as_str(), |(_, item)| item.title.as_str());
                let range = |value: Option<u8>| value.and_then(|v| instrument.level(v)).map_or("", |l| l.label.as_str());
                html! { <li key={i.id.clone()}>{ format!("{title}: from {} to {}", range(i.min), range(i.max)) }</li> }
            })
            .collect();
        html! {
            <section class="mm-paper__section" aria-labelledby={format!("{uid}-paper-spread")}>
                <@{widget.h(2)} id={format!("{uid}-paper-spread")}>{ "The spread of the board's views" }</@>
                <p>{ format!("{} privately before the discussion. They were {} or more apart on {}{}",
                    plural(board.respondents, "member rated", "members rated"), plural(board.threshold, "level", "levels"), plural(flagged.len(), "item", "items"),
                    if flagged.is_empty() { "." } else { ", discussed first:" }) }</p>
                if !flagged.is_empty() { <ul class="mm-list">{ flagged }</ul> }
            </section>
        }
    })
}

/// The change since the previous assessment: the latest one saved before this one began.
pub fn since_section(
    widget: &WidgetContext,
    session: &SessionContext,
    library: &LibraryContext,
) -> Option<Html> {
    let (instrument, uid, response) = (&widget.instrument, &widget.uid, &session.response);
    session.slot.and_then(|slot| {
    let previous = previous_assessment(response, library.library.others(slot).map(|(_, other)| &**other))?;
    let change = compare(instrument, previous, response).ok()?;
    let shown = |s: Option<Score>| s.map_or_else(|| "not rated".to_owned(), |s| s.to_string());
    let rows = instrument.components.iter().zip(&change.components).map(|(component, c)| {
        let delta = match (c.change, c.delta) {
            (Change::NotComparable, _) | (_, None) => "–".to_owned(),
            (_, Some(d)) => d.signed(),
        };
        html! {
            <tr key={component.id.clone()}>
                <th scope="row">{ &component.title }</th>
                <td class="mm-number">{ shown(c.baseline) }</td><td class="mm-number">{ shown(c.current) }</td><td class="mm-number">{ delta }</td>
            </tr>
        }
    });
    let when = date_in_words(previous.assessed_on());
    let name = match previous.title.trim() {
        "" => "the previous assessment",
        title => title,
    };
    Some(html! {
        <section class="mm-paper__section" aria-labelledby={format!("{uid}-paper-since")}>
            <@{widget.h(2)} id={format!("{uid}-paper-since")}>{ "Change since the previous assessment" }</@>
            <p>{ format!("Since {name} ({when}): {} improved, {} declined and {} stayed the same.",
                plural(change.improved.len(), "item", "items"), change.declined.len(), change.unchanged.len()) }</p>
            { scroll_region("Score by component, then and now", html! {
                <table class="mm-table">
                    <caption class="mm-visually-hidden">{ "Score by component, then and now" }</caption>
                    <thead><tr><th scope="col">{ "Component" }</th><th scope="col">{ "Then" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    })
})
}
