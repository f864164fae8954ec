//! Counts in words, so no message says "1 items": `plural(1, "item", "items")` is "1 item".

use std::fmt::Display;

/// `n` and its noun, singular for exactly one: "1 item", "0 items", "3 entries". Both forms are
/// given, since English plurals are not all one letter longer.
pub fn plural<N: Display + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// How many of the instrument's items have an answer: "3 of 20 items answered", "0 of 1 item
/// answered".
pub fn answered_words(answered: u32, total: u32) -> String {
    format!("{answered} of {} answered", plural(total, "item", "items"))
}

/// A noun with its indefinite article: "an instrument", "a response".
pub fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// A problem found in a response, in words for the person who chose the file: an answer's
/// problem names the item by its title ("How the vision was created: 7 is not a level…"),
/// and a problem with the whole file is its message alone. Paths stay in the `Problem` for
/// those who want them.
pub fn problem_in_words(problem: &crate::Problem, instrument: &crate::Instrument) -> String {
    let item = problem
        .path
        .strip_prefix("answers.")
        .or_else(|| problem.path.strip_prefix("answers["))
        .map(|rest| {
            rest.split(['.', '['])
                .next()
                .unwrap_or("")
                .trim_matches(|c| c == '"' || c == ']')
        })
        .and_then(|id| instrument.item(id));
    match item {
        Some((_, item)) => format!("{}: {}", item.title, problem.message),
        // An answer for an item the matrix lacks, or the file as a whole: the message says it.
        None if problem.path.is_empty()
            || ["answers", "instrument", "formatVersion"]
                .iter()
                .any(|whole| problem.path.starts_with(whole)) =>
        {
            problem.message.clone()
        }
        None => format!("{}: {}", problem.path, problem.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answers_problem_is_told_by_the_items_title() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let said = |path: &str| {
            problem_in_words(&crate::Problem::new(path, "7 is not a level"), &instrument)
        };
        assert_eq!(
            said("answers.purpose-created.level"),
            "How the vision was created: 7 is not a level"
        );
        assert_eq!(said("instrument.id"), "7 is not a level");
        assert_eq!(said("answers.retired-item"), "7 is not a level");
        assert_eq!(said("respondent.name"), "respondent.name: 7 is not a level");
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1_u32, "item", "items"), "1 item");
        assert_eq!(plural(0_usize, "item", "items"), "0 items");
        assert_eq!(plural(2_u64, "entry", "entries"), "2 entries");
        assert_eq!(answered_words(0, 1), "0 of 1 item answered");
        assert_eq!(answered_words(1, 1), "1 of 1 item answered");
        assert_eq!(answered_words(3, 20), "3 of 20 items answered");
    }

    #[test]
    fn the_article_follows_the_sound_of_the_noun() {
        assert_eq!(with_article("instrument"), "an instrument");
        assert_eq!(with_article("response"), "a response");
    }
}
