//! Splitting work that the app does a piece per task (rendering facet values after the first
//! results) into steps of about the same size.

/// The step each item is done in: consecutive items share a step while their weights add up
/// to at most `budget`; an item heavier than the budget gets a step of its own. Steps are
/// numbered from 0 and never skipped, so the last item's step + 1 is the number of steps.
pub fn steps_by_weight(weights: impl IntoIterator<Item = usize>, budget: usize) -> Vec<usize> {
    let mut steps = Vec::new();
    let mut step = 0;
    let mut in_step = 0;
    let mut items_in_step = 0;
    for weight in weights {
        if items_in_step > 0 && in_step + weight > budget {
            step += 1;
            in_step = 0;
            items_in_step = 0;
        }
        in_step += weight;
        items_in_step += 1;
        steps.push(step);
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn groups_share_a_step_while_they_fit() {
        assert_eq!(steps_by_weight([9, 7, 6, 6, 5], 16), vec![0, 0, 1, 1, 2]);
        assert_eq!(steps_by_weight([20, 1, 1], 16), vec![0, 1, 1]);
        assert_eq!(steps_by_weight([1, 20, 1], 16), vec![0, 1, 2]);
        assert_eq!(steps_by_weight([], 16), Vec::<usize>::new());
        assert_eq!(steps_by_weight([0, 0, 3], 2), vec![0, 0, 1]);
    }

    proptest! {
        #[test]
        fn steps_are_consecutive_and_within_budget(
            weights in proptest::collection::vec(0usize..40, 0..60),
            budget in 1usize..50,
        ) {
            let steps = steps_by_weight(weights.iter().copied(), budget);
            prop_assert_eq!(steps.len(), weights.len());
            if let Some(&first) = steps.first() {
                prop_assert_eq!(first, 0);
            }
            for pair in steps.windows(2) {
                prop_assert!(pair[1] == pair[0] || pair[1] == pair[0] + 1);
            }
            let n_steps = steps.last().map_or(0, |last| last + 1);
            for step in 0..n_steps {
                let in_step: Vec<usize> =
                    weights.iter().zip(&steps).filter(|(_, s)| **s == step).map(|(w, _)| *w).collect();
                prop_assert!(!in_step.is_empty());
                // Over budget only when a single item is.
                prop_assert!(in_step.iter().sum::<usize>() <= budget || in_step.len() == 1);
            }
            // Greedy: an item opens a new step only when it would not fit in the previous one.
            for (index, pair) in steps.windows(2).enumerate() {
                if pair[1] == pair[0] + 1 {
                    let before: usize = weights[..=index].iter().zip(&steps).filter(|(_, s)| **s == pair[0]).map(|(w, _)| *w).sum();
                    prop_assert!(before + weights[index + 1] > budget);
                }
            }
        }
    }
}
