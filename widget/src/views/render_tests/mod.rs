//! Native render tests: the views rendered to HTML by yew's server renderer, without a browser,
//! from the core's golden cases, and read against the core's own figures for the same inputs.
//! A view that computed a figure itself, printed unescaped text or leaked a hidden name fails
//! here in a second, before any browser test runs.
//!
//! Nothing the views run while rendering may reach the browser (storage, the clock, the
//! page's address): in a native build those calls panic, so every view rendering here also
//! proves that. The tests live inside the crate because the views and their contexts are
//! private to it, and because the public `App` reads browser storage and the clock as it
//! mounts: they render from the session down, in the contexts the workspace would give.

mod figures;
mod harness;
mod markup;
mod seeded_system;
mod states;
mod text;

use super::session::Session;
use crate::platform::storage::Loaded;
use crate::state::context::WidgetContext;
use crate::state::{BoardRecord, Opening, Place, View};
use harness::{Harness, HarnessProps};
use maturity_core::{
    aggregate, agreed_draft, Fitted, Instrument, Response, DEFAULT_DISAGREEMENT_THRESHOLD,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// One of the core's golden cases (see `core/tests/golden.rs` for the layout), read as the
/// core's own test reads it.
pub struct Case {
    pub instrument: Rc<Instrument>,
    /// `responses/`, in file name order.
    pub responses: Vec<Response>,
    /// `organisations/`, in file name order: agreed records for the system view.
    pub organisations: Vec<Response>,
    pub threshold: u32,
    /// `today.txt`, where the case has one.
    pub today: Option<String>,
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.map(|e| e.expect("a readable folder").path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The golden case called `name`.
pub fn case(name: &str) -> Case {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/cases")
        .join(name);
    let read = |path: &Path| fs::read_to_string(path).expect("a golden case's file");
    let builtin = read(&dir.join("builtin.txt"));
    let instrument = Rc::new(maturity_core::builtin(builtin.trim()).expect("a built-in"));
    let responses = files(&dir.join("responses"))
        .iter()
        .map(|f| Response::from_json_for(&read(f), &instrument).expect("a valid response"))
        .collect();
    let organisations = files(&dir.join("organisations"))
        .iter()
        .map(|f| Response::from_json(&read(f)).expect("an agreed record"))
        .collect();
    let text = |file: &str| fs::read_to_string(dir.join(file)).ok();
    Case {
        instrument,
        responses,
        organisations,
        threshold: text("threshold.txt").map_or(DEFAULT_DISAGREEMENT_THRESHOLD, |t| {
            t.trim().parse().expect("a number")
        }),
        today: text("today.txt").map(|t| t.trim().to_owned()),
    }
}

/// What a view is rendered in: the widget's settings, the saved assessments and the board.
pub struct Scene {
    pub widget: WidgetContext,
    saved: Vec<(u32, Response)>,
    board: BoardRecord,
}

impl Scene {
    /// A facilitator's widget for `case` that keeps its assessments (so the views that need
    /// saved assessments show them), on `today`, with nothing saved and no board yet.
    pub fn new(case: &Case, today: &str) -> Scene {
        Scene {
            widget: WidgetContext {
                instrument: case.instrument.clone(),
                uid: "mm".into(),
                readonly: false,
                stored: true,
                heading: 2,
                board: true,
                show_title: true,
                today: today.to_owned().into(),
            },
            saved: Vec::new(),
            board: BoardRecord {
                threshold: Some(case.threshold),
                ..BoardRecord::default()
            },
        }
    }

    /// `responses` saved in slots 1, 2, …
    pub fn saved(mut self, responses: &[Response]) -> Scene {
        self.saved = (1..).zip(responses.iter().cloned()).collect();
        self
    }

    /// `responses` collected by the board, whose agreed record is in `agreed`.
    pub fn board(mut self, responses: &[Response], agreed: Option<u32>) -> Scene {
        self.board.respondents = responses
            .iter()
            .map(|response| {
                Rc::new(Fitted {
                    response: response.clone(),
                    set_aside: Vec::new(),
                })
            })
            .collect();
        self.board.agreed = agreed;
        self
    }

    /// `children` rendered in this scene's contexts.
    pub fn render(&self, children: Html) -> String {
        let props = HarnessProps {
            widget: self.widget.clone(),
            saved: Rc::new(self.saved.clone()),
            board: Rc::new(self.board.clone()),
            children,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        // Without hydration markers: the markup is what the browser builds.
        let render = LocalServerRenderer::<Harness>::with_props(props)
            .hydratable(false)
            .render();
        tokio::task::LocalSet::new().block_on(&runtime, render)
    }

    /// The assessment in `slot` open on `view`, as the workspace opens it: the session, its
    /// navigation and the view.
    pub fn view(&self, slot: u32, view: View) -> String {
        let opening = Opening {
            place: Place::at(slot, view),
            focus: false,
            message: None,
            serial: 0,
        };
        self.render(html! {
            <Session {opening} loaded={Loaded::Restored} on_open={Callback::noop()}
                on_place={Callback::noop()} on_response={Callback::noop()} />
        })
    }
}

/// The slot of the year's latest assessment.
pub const LATEST: u32 = 3;

/// The year's case on its own day, its assessments saved in slots 1 to 3.
pub fn year(case: &Case) -> Scene {
    Scene::new(
        case,
        case.today.as_deref().expect("the year's case has a day"),
    )
    .saved(&case.responses)
}

/// A board that has collected `respondents` and started its agreed record from their medians,
/// in slot 1: every board view has something to show, the facilitation view an item.
pub fn agreed_board(case: &Case, respondents: &[Response]) -> Scene {
    let board = aggregate(&case.instrument, respondents, case.threshold).expect("combined");
    let draft = agreed_draft(&case.instrument, &board, "2026-12-01");
    Scene::new(case, "2026-12-01")
        .saved(&[draft])
        .board(respondents, Some(1))
}
