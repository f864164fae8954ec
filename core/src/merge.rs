//! Merging two copies of one assessment that were changed apart (two browser tabs, two widgets
//! on a page): each field of each answer, and each of the assessment's details, is merged on
//! its own, so changes to different fields all survive.
//!
//! A field whose values differ keeps the later change, as the caller orders them (it knows
//! when each field last changed, and where). When the caller cannot order the two, a
//! three-way merge decides: `base` is the copy both sides started from, and a side that left
//! the field as it was takes the other's change; a field both changed goes to `theirs`, the
//! copy in storage, so every side settles on the same value. Progress logs are merged line by
//! line instead: lines added on either side are all kept.

use crate::response::{Answer, Response};
use std::cmp::Ordering;

/// One field of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The assessment's name.
    Title,
    /// The organisation assessed.
    Organisation,
    /// The respondent's name.
    RespondentName,
    /// The respondent's role.
    RespondentRole,
    /// The next review date.
    NextReview,
    /// The board paper's cover sheet.
    Paper,
    /// An item's rating (its level or special answer).
    Rating(String),
    /// An item's evidence and notes.
    Notes(String),
    /// An item's target level.
    Target(String),
    /// An item's action.
    Action(String),
    /// An item's action owner.
    Owner(String),
    /// An item's due date.
    Due(String),
    /// Whether an item is one of the board's priorities.
    Prioritised(String),
    /// Where an item's action stands.
    Status(String),
    /// An item's progress log.
    Progress(String),
}

impl Field {
    /// The item the field belongs to, if it belongs to one.
    pub fn item(&self) -> Option<&str> {
        match self {
            Field::Rating(id)
            | Field::Notes(id)
            | Field::Target(id)
            | Field::Action(id)
            | Field::Owner(id)
            | Field::Due(id)
            | Field::Prioritised(id)
            | Field::Status(id)
            | Field::Progress(id) => Some(id),
            _ => None,
        }
    }

    /// A stable name for the field, to keep beside stored answers: `title`, `rating:<item>`,
    /// `notes:<item>` … Read back by [`Field::named`].
    pub fn name(&self) -> String {
        let (kind, id) = match self {
            Field::Title => return "title".to_owned(),
            Field::Organisation => return "organisation".to_owned(),
            Field::RespondentName => return "respondentName".to_owned(),
            Field::RespondentRole => return "respondentRole".to_owned(),
            Field::NextReview => return "nextReview".to_owned(),
            Field::Paper => return "paper".to_owned(),
            Field::Rating(id) => ("rating", id),
            Field::Notes(id) => ("notes", id),
            Field::Target(id) => ("target", id),
            Field::Action(id) => ("action", id),
            Field::Owner(id) => ("owner", id),
            Field::Due(id) => ("due", id),
            Field::Prioritised(id) => ("prioritised", id),
            Field::Status(id) => ("status", id),
            Field::Progress(id) => ("progress", id),
        };
        format!("{kind}:{id}")
    }

    /// The field [`Field::name`] gave `name`; `None` for a name it never gives.
    pub fn named(name: &str) -> Option<Field> {
        let Some((kind, id)) = name.split_once(':') else {
            return match name {
                "title" => Some(Field::Title),
                "organisation" => Some(Field::Organisation),
                "respondentName" => Some(Field::RespondentName),
                "respondentRole" => Some(Field::RespondentRole),
                "nextReview" => Some(Field::NextReview),
                "paper" => Some(Field::Paper),
                _ => None,
            };
        };
        let id = id.to_owned();
        match kind {
            _ if id.is_empty() => None,
            "rating" => Some(Field::Rating(id)),
            "notes" => Some(Field::Notes(id)),
            "target" => Some(Field::Target(id)),
            "action" => Some(Field::Action(id)),
            "owner" => Some(Field::Owner(id)),
            "due" => Some(Field::Due(id)),
            "prioritised" => Some(Field::Prioritised(id)),
            "status" => Some(Field::Status(id)),
            "progress" => Some(Field::Progress(id)),
            _ => None,
        }
    }

    /// What the field is, in words: "rating", "notes", "name of the assessment" ...
    pub fn describe(&self) -> &'static str {
        match self {
            Field::Title => "name of the assessment",
            Field::Organisation => "organisation",
            Field::RespondentName => "respondent's name",
            Field::RespondentRole => "respondent's role",
            Field::NextReview => "next review date",
            Field::Paper => "board paper's cover sheet",
            Field::Rating(_) => "rating",
            Field::Notes(_) => "evidence and notes",
            Field::Target(_) => "target level",
            Field::Action(_) => "action",
            Field::Owner(_) => "owner",
            Field::Due(_) => "due date",
            Field::Prioritised(_) => "priority",
            Field::Status(_) => "action's status",
            Field::Progress(_) => "progress log",
        }
    }
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged assessment.
    pub response: Response,
    /// The fields whose values differed where `theirs` was taken (progress logs, merged line by
    /// line, are never among them).
    pub taken: Vec<Field>,
}

/// Merges `mine` and `theirs`, both changed from `base`. `later(field)` orders the two sides'
/// changes to a field whose values differ: `Greater` when mine is the later, `Less` when theirs
/// is, `Equal` when it cannot tell (then the three-way rule in the module note decides).
/// Timestamps: `created` is the earlier of the two, `updated` the later.
pub fn merge(
    base: &Response,
    mine: &Response,
    theirs: &Response,
    later: impl Fn(&Field) -> Ordering,
) -> Merged {
    let mut merger = Merger {
        later,
        taken: Vec::new(),
    };
    let mut merged = mine.clone();
    merger.pick(
        Field::Title,
        &base.title,
        &mine.title,
        &theirs.title,
        &mut merged.title,
    );
    merger.pick(
        Field::Organisation,
        &base.organisation,
        &mine.organisation,
        &theirs.organisation,
        &mut merged.organisation,
    );
    let (b, m, t) = (&base.respondent, &mine.respondent, &theirs.respondent);
    merger.pick(
        Field::RespondentName,
        &b.name,
        &m.name,
        &t.name,
        &mut merged.respondent.name,
    );
    merger.pick(
        Field::RespondentRole,
        &b.role,
        &m.role,
        &t.role,
        &mut merged.respondent.role,
    );
    merger.pick(
        Field::NextReview,
        &base.next_review,
        &mine.next_review,
        &theirs.next_review,
        &mut merged.next_review,
    );
    merger.pick(
        Field::Paper,
        &base.paper,
        &mine.paper,
        &theirs.paper,
        &mut merged.paper,
    );

    // Items either side holds: a later change may be theirs, or may be clearing what the other
    // holds. (A set of every id would instantiate a sort for nothing.)
    let only_mine = mine
        .answers
        .keys()
        .filter(|id| !theirs.answers.contains_key(*id));
    let empty = Answer::default();
    for id in theirs.answers.keys().chain(only_mine) {
        let b = base.answers.get(id).unwrap_or(&empty);
        let m = mine.answers.get(id).unwrap_or(&empty);
        let t = theirs.answers.get(id).unwrap_or(&empty);
        if m == t {
            continue;
        }
        let mut answer = m.clone();
        let mut rating = (m.level, m.special);
        merger.pick(
            Field::Rating(id.clone()),
            &(b.level, b.special),
            &rating.clone(),
            &(t.level, t.special),
            &mut rating,
        );
        (answer.level, answer.special) = rating;
        merger.pick(
            Field::Notes(id.clone()),
            &b.notes,
            &m.notes,
            &t.notes,
            &mut answer.notes,
        );
        merger.pick(
            Field::Target(id.clone()),
            &b.target,
            &m.target,
            &t.target,
            &mut answer.target,
        );
        merger.pick(
            Field::Action(id.clone()),
            &b.action,
            &m.action,
            &t.action,
            &mut answer.action,
        );
        merger.pick(
            Field::Owner(id.clone()),
            &b.owner,
            &m.owner,
            &t.owner,
            &mut answer.owner,
        );
        merger.pick(
            Field::Due(id.clone()),
            &b.due,
            &m.due,
            &t.due,
            &mut answer.due,
        );
        merger.pick(
            Field::Prioritised(id.clone()),
            &b.prioritised,
            &m.prioritised,
            &t.prioritised,
            &mut answer.prioritised,
        );
        merger.pick(
            Field::Status(id.clone()),
            &b.status,
            &m.status,
            &t.status,
            &mut answer.status,
        );
        // Progress lines are added, not edited: both sides' new lines are kept, by date.
        for line in &t.progress {
            if !answer.progress.contains(line) && !b.progress.contains(line) {
                answer.progress.push(line.clone());
            }
        }
        answer
            .progress
            .retain(|line| !b.progress.contains(line) || t.progress.contains(line));
        answer.progress = crate::order::by_rank(std::mem::take(&mut answer.progress), |line| {
            date_rank(&line.date)
        });
        if answer.is_empty() {
            merged.answers.remove(id);
        } else {
            merged.answers.insert(id.clone(), answer);
        }
    }
    merged.created = match (mine.created.as_str(), theirs.created.as_str()) {
        ("", other) | (other, "") => other.to_owned(),
        (a, b) => a.min(b).to_owned(),
    };
    merged.updated = mine
        .updated
        .as_str()
        .max(theirs.updated.as_str())
        .to_owned();
    Merged {
        response: merged,
        taken: merger.taken,
    }
}

/// The fields whose values differ between two copies of an assessment: details first, then
/// item by item (the items `a` answers, then those only `b` answers).
pub fn differences(a: &Response, b: &Response) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut differ = |field: Field, same: bool| {
        if !same {
            fields.push(field);
        }
    };
    differ(Field::Title, a.title == b.title);
    differ(Field::Organisation, a.organisation == b.organisation);
    differ(
        Field::RespondentName,
        a.respondent.name == b.respondent.name,
    );
    differ(
        Field::RespondentRole,
        a.respondent.role == b.respondent.role,
    );
    differ(Field::NextReview, a.next_review == b.next_review);
    differ(Field::Paper, a.paper == b.paper);
    let only_b = b.answers.keys().filter(|id| !a.answers.contains_key(*id));
    let empty = Answer::default();
    for id in a.answers.keys().chain(only_b) {
        let (x, y) = (
            a.answers.get(id).unwrap_or(&empty),
            b.answers.get(id).unwrap_or(&empty),
        );
        if x == y {
            continue;
        }
        let item = || id.clone();
        differ(
            Field::Rating(item()),
            (x.level, x.special) == (y.level, y.special),
        );
        differ(Field::Notes(item()), x.notes == y.notes);
        differ(Field::Target(item()), x.target == y.target);
        differ(Field::Action(item()), x.action == y.action);
        differ(Field::Owner(item()), x.owner == y.owner);
        differ(Field::Due(item()), x.due == y.due);
        differ(Field::Prioritised(item()), x.prioritised == y.prioritised);
        differ(Field::Status(item()), x.status == y.status);
        differ(Field::Progress(item()), x.progress == y.progress);
    }
    fields
}

/// `YYYY-MM-DD` as a number that sorts the same way (unreadable dates first).
fn date_rank(date: &str) -> u64 {
    date.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, d| n * 10 + u64::from(d - b'0'))
}

/// Settles one field at a time, remembering where theirs was taken.
struct Merger<F> {
    later: F,
    taken: Vec<Field>,
}

impl<F: Fn(&Field) -> Ordering> Merger<F> {
    /// Sets `out` (which starts as `mine`) to `theirs` when theirs is the change to keep.
    fn pick<T: PartialEq + Clone>(
        &mut self,
        field: Field,
        base: &T,
        mine: &T,
        theirs: &T,
        out: &mut T,
    ) {
        if theirs == mine {
            return;
        }
        let take = match (self.later)(&field) {
            Ordering::Greater => false,
            Ordering::Less => true,
            Ordering::Equal => theirs != base,
        };
        if take {
            *out = theirs.clone();
            self.taken.push(field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn base() -> Response {
        let instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        response.title = "Board".into();
        response.updated = "2026-11-29T10:00:00.000Z".into();
        response.answers.insert(
            "purpose-created".into(),
            Answer {
                level: Some(2),
                ..Answer::default()
            },
        );
        response
    }

    fn rate(response: &mut Response, id: &str, level: u8, at: &str) {
        response.answers.entry(id.into()).or_default().level = Some(level);
        response.updated = at.into();
    }

    #[test]
    fn changes_to_different_items_both_survive() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        rate(&mut mine, "purpose-lived", 3, "2026-11-29T10:01:00.000Z");
        rate(&mut theirs, "leaders-data", 4, "2026-11-29T10:02:00.000Z");
        theirs.title = "Board, November".into();
        let merged = merge(&base, &mine, &theirs, |_| Ordering::Equal);
        let r = &merged.response;
        assert_eq!(r.answers["purpose-lived"].level, Some(3));
        assert_eq!(r.answers["leaders-data"].level, Some(4));
        assert_eq!(r.answers["purpose-created"].level, Some(2));
        assert_eq!(r.title, "Board, November");
        assert_eq!(r.updated, "2026-11-29T10:02:00.000Z");
        assert_eq!(
            merged.taken,
            [Field::Title, Field::Rating("leaders-data".into())]
        );
    }

    #[test]
    fn different_fields_of_one_item_both_survive() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.answers.get_mut("purpose-created").unwrap().notes = "Survey".into();
        rate(
            &mut theirs,
            "purpose-created",
            4,
            "2026-11-29T10:02:00.000Z",
        );
        let merged = merge(&base, &mine, &theirs, |_| Ordering::Equal);
        let answer = &merged.response.answers["purpose-created"];
        assert_eq!((answer.level, answer.notes.as_str()), (Some(4), "Survey"));
    }

    #[test]
    fn the_later_change_wins_as_the_caller_orders_them() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        rate(&mut mine, "purpose-created", 3, "2026-11-29T10:01:00.000Z");
        rate(
            &mut theirs,
            "purpose-created",
            5,
            "2026-11-29T10:02:00.000Z",
        );
        let theirs_won = merge(&base, &mine, &theirs, |_| Ordering::Less);
        assert_eq!(
            theirs_won.response.answers["purpose-created"].level,
            Some(5)
        );
        assert_eq!(theirs_won.taken, [Field::Rating("purpose-created".into())]);
        let mine_won = merge(&base, &mine, &theirs, |_| Ordering::Greater);
        assert_eq!(mine_won.response.answers["purpose-created"].level, Some(3));
        assert!(mine_won.taken.is_empty());
        // Unordered, a field both changed goes to theirs, the stored copy.
        let unordered = merge(&base, &mine, &theirs, |_| Ordering::Equal);
        assert_eq!(unordered.response, theirs_won.response);
    }

    #[test]
    fn a_later_change_back_to_the_starting_value_still_wins() {
        // Theirs set the level back to 2 after mine moved it to 3: a three-way merge alone
        // would see no change there and keep mine.
        let base = base();
        let mut mine = base.clone();
        rate(&mut mine, "purpose-created", 3, "2026-11-29T10:01:00.000Z");
        let merged = merge(&base, &mine, &base, |_| Ordering::Less);
        assert_eq!(merged.response.answers["purpose-created"].level, Some(2));
        // And mine, set back later than theirs' change, stays.
        let mut theirs = base.clone();
        rate(
            &mut theirs,
            "purpose-created",
            4,
            "2026-11-29T10:01:00.000Z",
        );
        let merged = merge(&base, &base, &theirs, |_| Ordering::Greater);
        assert_eq!(merged.response.answers["purpose-created"].level, Some(2));
        assert!(merged.taken.is_empty());
    }

    #[test]
    fn the_next_review_date_and_the_paper_are_merged_too() {
        let base = base();
        let mut theirs = base.clone();
        theirs.next_review = "2027-05-20".into();
        theirs.paper.meeting = "Board of Directors".into();
        let merged = merge(&base, &base, &theirs, |_| Ordering::Equal);
        assert_eq!(merged.response.next_review, "2027-05-20");
        assert_eq!(merged.response.paper, theirs.paper);
        assert_eq!(merged.taken, [Field::NextReview, Field::Paper]);
        assert_eq!(
            differences(&base, &theirs),
            [Field::NextReview, Field::Paper]
        );
    }

    #[test]
    fn a_field_is_found_again_by_its_name() {
        let item = || "purpose-created".to_owned();
        let fields = [
            Field::Title,
            Field::Organisation,
            Field::RespondentName,
            Field::RespondentRole,
            Field::NextReview,
            Field::Paper,
            Field::Rating(item()),
            Field::Notes(item()),
            Field::Target(item()),
            Field::Action(item()),
            Field::Owner(item()),
            Field::Due(item()),
            Field::Prioritised(item()),
            Field::Status(item()),
            Field::Progress(item()),
        ];
        for field in fields {
            assert_eq!(Field::named(&field.name()), Some(field));
        }
        assert_eq!(Field::Rating(item()).name(), "rating:purpose-created");
        for unknown in ["", "rating", "rating:", "colour:purpose-created", "Title"] {
            assert_eq!(Field::named(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        rate(&mut mine, "purpose-lived", 3, "2026-11-29T10:01:00.000Z");
        rate(&mut theirs, "purpose-lived", 3, "2026-11-29T10:02:00.000Z");
        let merged = merge(&base, &mine, &theirs, |_| Ordering::Less);
        assert!(merged.taken.is_empty());
        assert_eq!(merged.response.answers["purpose-lived"].level, Some(3));
    }

    #[test]
    fn differences_name_each_changed_field() {
        let a = base();
        let mut b = a.clone();
        b.title = "Another".into();
        b.answers.get_mut("purpose-created").unwrap().notes = "n".into();
        rate(&mut b, "leaders-data", 1, "2026-11-29T10:02:00.000Z");
        assert_eq!(
            differences(&a, &b),
            [
                Field::Title,
                Field::Notes("purpose-created".into()),
                Field::Rating("leaders-data".into())
            ]
        );
        assert!(differences(&a, &a).is_empty());
    }

    #[test]
    fn progress_lines_added_on_both_sides_are_all_kept_in_date_order() {
        use crate::response::ProgressLine;
        let line = |date: &str, text: &str| ProgressLine {
            date: date.into(),
            text: text.into(),
            status: None,
        };
        let mut base = base();
        base.answers.get_mut("purpose-created").unwrap().progress =
            vec![line("2026-10-01", "Agreed")];
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.answers
            .get_mut("purpose-created")
            .unwrap()
            .progress
            .push(line("2026-11-20", "Here"));
        theirs
            .answers
            .get_mut("purpose-created")
            .unwrap()
            .progress
            .push(line("2026-11-10", "There"));
        let merged = merge(&base, &mine, &theirs, |_| Ordering::Greater);
        let texts: Vec<&str> = merged.response.answers["purpose-created"]
            .progress
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(texts, ["Agreed", "There", "Here"]);
        assert!(merged.taken.is_empty());
    }

    #[test]
    fn an_answer_cleared_on_one_side_is_cleared() {
        let base = base();
        let mine = base.clone();
        let mut theirs = base.clone();
        theirs.answers.remove("purpose-created");
        let merged = merge(&base, &mine, &theirs, |_| Ordering::Equal);
        assert!(!merged.response.answers.contains_key("purpose-created"));
    }
}
