//! The board paper: the assessment laid out for a board secretary to table, printed or saved
//! as PDF: a cover sheet, the summary and profile, the spread of the board's views, the change
//! since the previous assessment, the priorities, and every rating with its evidence.

#[cfg(feature = "board")]
use super::board_sections;
use super::cover_form::CoverForm;
use crate::charts::{Profile, RadarChart};
use crate::platform::print::print;
#[cfg(feature = "board")]
use crate::state::context::use_library;
use crate::state::context::{use_board, use_session, use_widget};
use crate::views::common::{scroll_region, PlanTable, ScoreTable};
use maturity_core::{action_plan, date_in_words, plural, written_summary};
use std::rc::Rc;
use yew::prelude::*;

/// The version of the tool, printed on every paper so a board knows what produced it.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The paper, with the cover sheet's form above it on screen.
#[component]
pub fn PaperView() -> Html {
    let (widget, session, board) = (use_widget(), use_session(), use_board());
    let (instrument, response, report) = (&widget.instrument, &session.response, &session.report);
    let uid = &widget.uid;
    let paper = &response.paper;
    // Whose view this is: the board's agreed record (as the record says, or as this board
    // holds it), or one person's ratings.
    let respondents = &board.board.responses;
    let raters = match &response.agreed {
        Some(agreed) => Some(agreed.raters as usize),
        None => session
            .slot
            .is_some_and(|slot| board.board.record.agreed == Some(slot))
            .then(|| respondents.len()),
    };
    let agreed = raters.is_some();
    let kind = if let Some(raters) = raters {
        format!(
            "The board's agreed view, from the ratings of {}",
            plural(raters, "member", "members")
        )
    } else if !response.respondent.is_empty() {
        let who = [
            response.respondent.name.as_str(),
            response.respondent.role.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        format!("One person's ratings: {who}")
    } else {
        "One person's ratings (not named)".to_owned()
    };
    let title = match response.title.trim() {
        "" if agreed => "The board's agreed improvement self-assessment".to_owned(),
        "" => instrument.title.clone(),
        title => title.to_owned(),
    };
    let fact = |label: &str, value: String| {
        (!value.trim().is_empty())
            .then(|| html! { <><dt>{ label.to_owned() }</dt><dd>{ value }</dd></> })
    };
    let cover_facts = [
        fact("Meeting", paper.meeting.clone()),
        fact("Date of meeting", date_in_words(&paper.date)),
        fact("Agenda item", paper.agenda_item.clone()),
        fact("Author", paper.author.clone()),
        fact("Executive lead", paper.executive_lead.clone()),
        fact("Organisation", response.organisation.clone()),
        fact("Assessment", kind),
        fact(
            "Date of the assessment",
            date_in_words(response.assessed_on()),
        ),
        fact(
            "Instrument",
            format!("{} (version {})", instrument.title, instrument.version),
        ),
    ];

    #[cfg(feature = "board")]
    let (spread, since) = (
        board_sections::spread_section(&widget, &board, agreed),
        board_sections::since_section(&widget, &session, &use_library()),
    );
    #[cfg(not(feature = "board"))]
    let (spread, since): (Option<Html>, Option<Html>) = (None, None);

    let ratings = instrument.components.iter().map(|component| {
        let rows = component.items.iter().map(|item| {
            let notes = response.answers.get(&item.id).map(|a| a.notes.clone()).unwrap_or_default();
            html! {
                <tr key={item.id.clone()}>
                    <th scope="row">{ &item.title }</th>
                    <td>{ instrument.rating_label(response.rating(&item.id)).to_owned() }</td>
                    <td class="mm-prewrap">{ notes }</td>
                </tr>
            }
        });
        scroll_region(&format!("Ratings: {}", component.title), html! {
            <table class="mm-table mm-paper__ratings">
                <caption>{ &component.title }</caption>
                <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Rating" }</th><th scope="col">{ "Evidence and notes" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        })
    });
    let (chosen, others): (Vec<_>, Vec<_>) = action_plan(instrument, response)
        .into_iter()
        .partition(|e| e.prioritised);
    let chosen = Rc::new(chosen);
    let summary_id = format!("{uid}-paper-summary");
    let profiles = Rc::new(vec![Profile {
        label: "This assessment".to_owned(),
        scores: report.components.iter().map(|c| c.score).collect(),
        ..Profile::default()
    }]);
    let print = Callback::from(|_: MouseEvent| print());
    let print = html! {
        <button type="button" class="mm-button" onclick={print}>{ "Print, or save as PDF" }</button>
    };
    // The board's build also offers the paper as a Word file and on the clipboard.
    #[cfg(feature = "board")]
    let actions = html! { <super::paper_actions::PaperActions>{ print }</super::paper_actions::PaperActions> };
    #[cfg(not(feature = "board"))]
    let actions = html! { <div class="mm-actions mm-noprint">{ print }</div> };
    // Printed at the top of every page (the stylesheet's print rules); on screen the cover
    // sheet already says it.
    let running_header = paper.running_header(&response.organisation);
    // Progress is reported once something has been recorded (the progress view, in the board
    // build); a first paper would otherwise list every action twice, all "Not started".
    #[cfg(feature = "board")]
    let progress =
        html! { if response.progress_recorded() { <super::progress_section::ProgressSection /> } };
    #[cfg(not(feature = "board"))]
    let progress = Html::default();
    html! {
        <div class="mm-paper-view">
            { actions }
            if session.slot.is_some() && !widget.readonly { <CoverForm /> }
            <div class={classes!("mm-paper", (!running_header.is_empty()).then_some("mm-paper--headed"))}>
                if !running_header.is_empty() { <p class="mm-paper__running">{ running_header }</p> }
                <section class="mm-paper__cover" aria-labelledby={format!("{uid}-paper-title")}>
                    <p class="mm-paper__title" id={format!("{uid}-paper-title")}>{ title }</p>
                    <dl class="mm-facts">{ for cover_facts.into_iter().flatten() }</dl>
                    if !paper.purpose.trim().is_empty() {
                        <@{widget.h(2)}>{ "Purpose" }</@>
                        <p class="mm-prewrap">{ &paper.purpose }</p>
                    }
                    if !paper.board_asked_to.trim().is_empty() {
                        <@{widget.h(2)}>{ "The Board is asked to" }</@>
                        <p class="mm-prewrap">{ &paper.board_asked_to }</p>
                    }
                </section>
                <section class="mm-paper__section" aria-labelledby={format!("{uid}-paper-profile")}>
                    <div class="mm-profile">
                        // The heading, the summary and the chart it illustrates print as one
                        // block: a heading alone at the foot of a page is not kept with what
                        // follows in every browser.
                        <div class="mm-paper__profile">
                            <@{widget.h(2)} id={format!("{uid}-paper-profile")}>{ "Summary and profile" }</@>
                            <p id={summary_id.clone()}>{ written_summary(instrument, report) }</p>
                            if report.overall.is_some() {
                                <RadarChart {profiles} described_by={summary_id} />
                            }
                        </div>
                        <ScoreTable heading="Score by component" id="paper-scores" />
                    </div>
                </section>
                { spread.unwrap_or_default() }
                { since.unwrap_or_default() }
                <section class="mm-paper__section" aria-labelledby={format!("{uid}-paper-plan")}>
                    <@{widget.h(2)} id={format!("{uid}-paper-plan")}>{ "Priorities and actions" }</@>
                    if chosen.is_empty() {
                        <p>{ "The board has not chosen its priorities yet." }</p>
                    } else {
                        <PlanTable plan={chosen.clone()} />
                    }
                    if !others.is_empty() {
                        <p>{ format!("{} other item{} below {} target {} not prioritised now.", others.len(),
                            if others.len() == 1 { "" } else { "s" }, if others.len() == 1 { "its" } else { "their" },
                            if others.len() == 1 { "is" } else { "are" }) }</p>
                    }
                </section>
                { progress }
                <section class="mm-paper__section" aria-labelledby={format!("{uid}-paper-ratings")}>
                    <@{widget.h(2)} id={format!("{uid}-paper-ratings")}>{ "Every rating and its evidence" }</@>
                    { for ratings }
                </section>
                <p class="mm-paper__footer">{ format!("Produced with maturity-matrix {VERSION}. The overall figure is indicative: this self-assessment is for discussion and an action plan, not a league table.") }</p>
            </div>
        </div>
    }
}
