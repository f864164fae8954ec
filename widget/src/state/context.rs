//! What views read instead of props passed down through every level: the widget's fixed
//! settings, the open assessment, the saved assessments and the board.

use super::{Action, Board, Library};
use crate::platform::storage::SaveError;
use maturity_core::{Instrument, Response, ScoreReport};
use std::rc::Rc;
use yew::prelude::*;

/// Settings fixed for a mounted widget.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetContext {
    /// The matrix being rated.
    pub instrument: Rc<Instrument>,
    /// A prefix that keeps ids unique when several widgets share a page.
    pub uid: AttrValue,
    /// Whether the answers are shown without letting them be changed.
    pub readonly: bool,
    /// Whether the widget keeps its assessments in browser storage (not when the host page
    /// owns the answers, nor when it only shows them).
    pub stored: bool,
    /// The level of the widget's own heading (2 unless the host page says): every heading
    /// inside follows from it, so the widget fits under the host page's own headings.
    pub heading: u8,
    /// Whether the host page asked for the board view (a facilitator's device).
    pub board: bool,
    /// Whether to show the instrument's title as the widget's heading (the host page may have
    /// its own); when hidden it is still there for screen readers.
    pub show_title: bool,
    /// The person's own date (`YYYY-MM-DD`), which the workspace reads from the clock: the day
    /// actions fall overdue and the paper's "as at" date. Views read it here, never from the
    /// clock, so a view renders the same for a given day (natively too, in the render tests).
    pub today: AttrValue,
}

impl WidgetContext {
    /// The id `{uid}-{suffix}`, unique to this widget on the page. One function rather than a
    /// `format!` at each of the many places ids are made: each `format!` is code of its own.
    pub fn id(&self, suffix: &str) -> String {
        let mut id = String::with_capacity(self.uid.len() + 1 + suffix.len());
        id.push_str(&self.uid);
        id.push('-');
        id.push_str(suffix);
        id
    }

    /// The heading tag `depth` levels below the widget's own heading (`h2` … `h6`).
    pub fn h(&self, depth: u8) -> &'static str {
        ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from((self.heading + depth).clamp(1, 6)) - 1]
    }
}

/// The widget's settings; every view is inside a provider.
#[hook]
pub fn use_widget() -> WidgetContext {
    use_context::<WidgetContext>().expect("views render inside the widget's provider")
}

/// The open assessment: its answers, their scores, and how to change them.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionContext {
    /// Where it is saved; `None` for answers that are not (a rater's turn, a shared link).
    pub slot: Option<u32>,
    /// The answers so far.
    pub response: Rc<Response>,
    /// The answers as they leave the tool (downloads, the host page): `response` with any
    /// answers set aside after a revision of the matrix, which are kept, never scored.
    pub whole: Rc<Response>,
    /// Their scores, computed by the core once per change.
    pub report: Rc<ScoreReport>,
    /// One callback for the whole session, so items whose answers did not change are not
    /// re-rendered on every click (props compare callbacks by identity).
    pub on_action: Callback<Action>,
}

/// The open assessment; views that show one are inside a session's provider.
#[hook]
pub fn use_session() -> SessionContext {
    use_context::<SessionContext>().expect("assessment views render inside a session")
}

/// The outcome of the last save of an assessment: when it was saved, or why it was not.
#[derive(Debug, Clone, PartialEq)]
pub struct LastSave {
    /// The assessment saved.
    pub slot: u32,
    /// The `updated` time of what was saved, or why saving failed.
    pub result: Result<String, SaveError>,
}

/// The saved assessments.
#[derive(Clone, PartialEq)]
pub struct LibraryContext {
    /// The assessments, and how to change them.
    pub library: UseReducerHandle<Library>,
    /// The outcome of the last save.
    pub last_save: Option<LastSave>,
    /// False when the browser lets the page store nothing.
    pub available: bool,
    /// Writes at once whatever storage lacks: every change is written as it is made, so this
    /// only tries again a write that failed.
    pub flush: Callback<()>,
}

/// The saved assessments.
#[hook]
pub fn use_library() -> LibraryContext {
    use_context::<LibraryContext>().expect("views render inside the workspace")
}

/// The board's collected responses.
#[derive(Clone, PartialEq)]
pub struct BoardContext {
    /// The board, and how to change it.
    pub board: UseReducerHandle<Board>,
    /// False when the last save of the board failed.
    pub saved: bool,
}

/// The board's collected responses.
#[hook]
pub fn use_board() -> BoardContext {
    use_context::<BoardContext>().expect("views render inside the workspace")
}
