//! The system view: load several organisations' agreed records, then see them side by side.

use super::profile_multiples::ProfileMultiples;
use crate::platform::files::download;
use crate::state::context::use_widget;
use crate::state::{admit_records, Said};
use crate::views::common::{said_list, scroll_region, DropZone, ErrorView};
use maturity_core::{plural, system_csv, system_view, Error, Response, Score};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many of the items the organisations differ on most are shown side by side.
const DIFFERENCES_SHOWN: usize = 5;

/// Organisations in alphabetical order, never ranked; names can give way to "Organisation A,
/// B, …" with one switch, which the CSV follows too (then listed by letter, and the letters do
/// not follow the names). No overall figure per organisation: one number each would read as a
/// league table. Every figure comes from the core.
#[component]
pub fn SystemView() -> Html {
    use_system_view(Rc::default(), false)
}

/// The view's state and markup, starting from the records `start` with the names `hidden` or
/// not. A person starts with no records and the names shown; the native render tests, which
/// can neither drop files nor tick a box, start from a system's records either way. A hook
/// rather than props on [`SystemView`]: props would add half a kilobyte to the download for
/// the tests' sake.
#[hook]
pub fn use_system_view(start: Rc<Vec<Response>>, hidden: bool) -> Html {
    let widget = use_widget();
    let records = use_state(move || start);
    let messages = use_state(Vec::<Said>::new);
    let anonymous = use_state(move || hidden);
    let instrument = &widget.instrument;
    let uid = &widget.uid;
    // The figures change only with the records, not with the names switch or a render.
    let figures = {
        let instrument = instrument.clone();
        use_memo((*records).clone(), move |records| {
            system_view(&instrument, records).map(Rc::new)
        })
    };
    let add = {
        let (records, messages, instrument) =
            (records.clone(), messages.clone(), instrument.clone());
        Callback::from(move |files: Vec<(String, Result<String, Error>)>| {
            let admitted = admit_records(&instrument, &records, files);
            messages.set(admitted.messages);
            let mut all = (**records).clone();
            all.extend(admitted.added);
            records.set(Rc::new(all));
        })
    };
    let intro = html! {
        <>
            <p>{ "Bring together the agreed records of the organisations in your system to learn from each other. The figures are for learning together, not for comparison: organisations are listed alphabetically (or by letter, with names hidden) and never ranked. The records stay in this page and are not saved: keep the files." }</p>
            <DropZone id="system-import" label="Add agreed records" on_files={add}
                text="Choose each organisation's agreed record (the JSON file downloaded from its agreed board view), or drop them here. A file that cannot be used is named with the reason; the rest are added." />
            <div class="mm-board__messages mm-noprint" role="status">
                if !messages.is_empty() {
                    { said_list(&messages) }
                }
            </div>
        </>
    };
    if records.is_empty() {
        return html! { <div class="mm-system">{ intro }</div> };
    }
    let system = match &*figures {
        Ok(system) => system.clone(),
        Err(error) => {
            return html! { <div class="mm-system">{ intro }<ErrorView summary="These records could not be put side by side" error={Rc::new(error.clone())} /></div> }
        }
    };
    // Where names are hidden, the organisations are listed by their letters.
    let shown: Vec<usize> = if *anonymous {
        system.alias_order.clone()
    } else {
        (0..system.organisations.len()).collect()
    };
    let name_of = |i: usize| {
        let organisation = &system.organisations[i];
        if *anonymous {
            organisation.alias.clone()
        } else {
            organisation.name.clone()
        }
    };
    let on_anonymous = {
        let (anonymous, messages) = (anonymous.clone(), messages.clone());
        Callback::from(move |e: Event| {
            // The messages about the files just added name them: they go with the names.
            messages.set(Vec::new());
            anonymous.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let export = {
        let (instrument, system, anonymous) = (instrument.clone(), system.clone(), *anonymous);
        Callback::from(move |_: MouseEvent| {
            download(
                "system-profiles.csv",
                "text/csv",
                &system_csv(&instrument, &system, anonymous),
            );
        })
    };
    let show = |score: Option<Score>| score.map_or_else(|| "–".to_owned(), |s| s.to_string());
    let component_rows = shown.iter().map(|&i| {
        let organisation = &system.organisations[i];
        html! {
            <tr key={organisation.alias.clone()}>
                <th scope="row">{ name_of(i) }</th>
                { for organisation.components.iter().map(|s| html! { <td>{ show(*s) }</td> }) }
            </tr>
        }
    });
    let older: Vec<String> = shown
        .iter()
        .copied()
        .filter(|&i| system.organisations[i].set_aside > 0)
        .map(|i| {
            let organisation = &system.organisations[i];
            let n = organisation.set_aside;
            format!(
                "{} (version {}, {n} answer{} left out)",
                name_of(i),
                organisation.instrument_version,
                if n == 1 { "" } else { "s" }
            )
        })
        .collect();
    // Figures from one person's file must not pass for a board's: say which records are not
    // marked as agreed.
    let unmarked: Vec<String> = shown
        .iter()
        .copied()
        .filter(|&i| system.organisations[i].agreed.is_none())
        .map(name_of)
        .collect();
    let differing: Vec<_> = system
        .differences
        .iter()
        .take(DIFFERENCES_SHOWN)
        .filter_map(|id| {
            Some((
                system.items.iter().find(|i| &i.id == id)?,
                instrument.item(id)?,
            ))
        })
        .collect();
    let difference_rows = shown.iter().map(|&i| {
        html! {
            <tr key={system.organisations[i].alias.clone()}>
                <th scope="row">{ name_of(i) }</th>
                { for differing.iter().map(|(figures, _)| html! { <td>{ figures.answers[i].clone() }</td> }) }
            </tr>
        }
    });
    let remove_rows = shown.iter().map(|&i| {
        let organisation = &system.organisations[i];
        let remove = {
            let (records, name) = (records.clone(), organisation.name.clone());
            Callback::from(move |_: MouseEvent| {
                let kept = records.iter().filter(|r| maturity_core::organisation_name(r) != name).cloned().collect();
                records.set(Rc::new(kept));
            })
        };
        html! {
            <li key={organisation.alias.clone()}>
                { name_of(i) }{ " " }
                <button type="button" class="mm-button mm-button--secondary" onclick={remove}>
                    { "Remove" }<span class="mm-visually-hidden">{ format!(" {}", name_of(i)) }</span>
                </button>
            </li>
        }
    });
    let summary_id = format!("{uid}-system-summary");
    let count = system.organisations.len();
    html! {
        <div class="mm-system">
            { intro }
            <div class="mm-checkbox mm-system__names mm-noprint">
                <input type="checkbox" id={format!("{uid}-anonymous")} checked={*anonymous} onchange={on_anonymous} />
                <label for={format!("{uid}-anonymous")}>{ "Hide the organisations' names (Organisation A, B, …)" }</label>
            </div>
            <p class="mm-summary" id={summary_id.clone()} data-organisations={count.to_string()}>
                { format!("{count} organisation{} side by side, {}. These figures are for learning together: each organisation rated itself against its own evidence, so differences are questions to explore, not a ranking.",
                    if count == 1 { "" } else { "s" },
                    if *anonymous { "listed by letter (the letters do not follow their names)" } else { "in alphabetical order" }) }
                if !older.is_empty() {
                    { format!(" Made against an earlier version of the matrix: {}.", older.join("; ")) }
                }
                if !unmarked.is_empty() {
                    { format!(" Not marked as a board's agreed record (it may be one person's ratings): {}.", unmarked.join("; ")) }
                }
            </p>
            <section aria-labelledby={format!("{uid}-system-profiles")}>
                <@{widget.h(2)} id={format!("{uid}-system-profiles")}>{ "Profiles" }</@>
                <ProfileMultiples system={system.clone()} order={Rc::new(shown.clone())} anonymous={*anonymous} described_by={summary_id} />
            </section>
            <section aria-labelledby={format!("{uid}-system-components")}>
                <@{widget.h(2)} id={format!("{uid}-system-components")}>{ "Component scores" }</@>
                { scroll_region("Component scores by organisation", html! {
                    <table class="mm-table" data-system-table="">
                        <caption class="mm-visually-hidden">{ "Each organisation's component scores, with the system's median and range" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Organisation" }</th>
                            { for instrument.components.iter().map(|c| html! { <th scope="col">{ &c.title }</th> }) }
                        </tr></thead>
                        <tbody>{ for component_rows }</tbody>
                        <tfoot>
                            <tr><th scope="row">{ "System median" }</th>
                                { for system.components.iter().map(|c| html! { <td>{ show(c.scores.median) }</td> }) }</tr>
                            <tr><th scope="row">{ "Lowest to highest" }</th>
                                { for system.components.iter().map(|c| html! { <td>{ format!("{} to {}", show(c.scores.min), show(c.scores.max)) }</td> }) }</tr>
                        </tfoot>
                    </table>
                }) }
            </section>
            <section aria-labelledby={format!("{uid}-system-differences")}>
                <@{widget.h(2)} id={format!("{uid}-system-differences")}>{ "Where the organisations differ most" }</@>
                if differing.is_empty() {
                    <p>{ "Every organisation gave the same level on every item." }</p>
                } else {
                    <ol class="mm-list">
                        { for differing.iter().map(|(figures, (component, item))| html! {
                            <li data-difference={item.id.clone()}>{ format!("{} ({}): {} apart", item.title, component.title, plural(figures.spread, "level", "levels")) }</li>
                        }) }
                    </ol>
                    { scroll_region("Each organisation's level on these items", html! {
                        <table class="mm-table">
                            <caption class="mm-visually-hidden">{ "Each organisation's level on the items where they differ most" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Organisation" }</th>
                                { for differing.iter().map(|(_, (_, item))| html! { <th scope="col">{ &item.title }</th> }) }
                            </tr></thead>
                            <tbody>{ for difference_rows }</tbody>
                        </table>
                    }) }
                }
            </section>
            <section aria-labelledby={format!("{uid}-system-loaded")} class="mm-noprint">
                <@{widget.h(2)} id={format!("{uid}-system-loaded")}>{ format!("Records loaded ({count})") }</@>
                <ul class="mm-list">{ for remove_rows }</ul>
            </section>
            <div class="mm-actions mm-noprint">
                <button type="button" class="mm-button mm-button--secondary" onclick={export}>{ "Download the system table (CSV)" }</button>
            </div>
        </div>
    }
}
