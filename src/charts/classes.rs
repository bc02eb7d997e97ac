//! The classes of a choropleth: bounds by quantiles or natural breaks, colours from ColorBrewer's
//! schemes (Cynthia Brewer, Pennsylvania State University; Apache-style licence), sequential for
//! values of one sign, diverging around zero when a change can be either.
//!
//! A class holds the values from its `low` (included) up to its `high` (excluded), except the
//! last, which includes its `high` too. The legend prints the same bounds, so a reader (and the
//! tests) can place every province in its class from the legend alone.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaks {
    /// About as many provinces in each class.
    Quantile,
    /// Fisher-Jenks natural breaks: classes as internally alike as they can be.
    Jenks,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub low: f64,
    pub high: f64,
    pub color: &'static str,
}

/// Grey, for a province without a value: never a colour of the scale.
pub const NO_DATA: &str = "#d4d4d4";

/// ColorBrewer Blues, light to dark (the lightest, nearly white, is left out).
const BLUES: [&str; 8] = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];
/// ColorBrewer RdBu's red half, from just below zero to the most negative.
const REDS: [&str; 5] = ["#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"];
/// RdBu's blue half, from just above zero to the most positive.
const DIVERGING_BLUES: [&str; 5] = ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"];

/// Up to `count` classes over `values` (the provinces with a value). A diverging scale is used
/// when the values cross zero or `diverging` is asked for (changes): zero is then always a bound,
/// negatives in reds and the rest in blues.
pub fn classes(values: &[f64], count: usize, breaks: Breaks, diverging: bool) -> Vec<Class> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return Vec::new();
    }
    let count = count.clamp(2, 9);
    let crosses_zero = sorted[0] < 0.0 && *sorted.last().unwrap_or(&0.0) >= 0.0;
    if !diverging && !crosses_zero && sorted[0] >= 0.0 {
        return colour(bounds(&sorted, count, breaks), &spread(&BLUES, count));
    }
    let negatives: Vec<f64> = sorted.iter().copied().filter(|v| *v < 0.0).collect();
    let positives: Vec<f64> = sorted.iter().copied().filter(|v| *v >= 0.0).collect();
    // Classes shared between the two sides in proportion to their provinces, at least one each
    // side that has any, at most five (the palette's half).
    let share = |n: usize| ((count as f64 * n as f64 / sorted.len() as f64).round() as usize).clamp(1, 5);
    let mut result = Vec::new();
    if !negatives.is_empty() {
        let k = if positives.is_empty() { count.min(5) } else { share(negatives.len()).min(count - 1) };
        let mut side = bounds(&negatives, k, breaks);
        // The negative side ends at zero, so that zero starts the positive side.
        if let Some(last) = side.last_mut() {
            *last = 0.0;
        }
        let mut reds: Vec<&'static str> = spread(&REDS, side.len().saturating_sub(1));
        reds.reverse();
        result.extend(colour(side, &reds));
    }
    if !positives.is_empty() {
        let k = if negatives.is_empty() { count.min(5) } else { (count - result.len()).clamp(1, 5) };
        let mut side = bounds(&positives, k, breaks);
        if !negatives.is_empty() {
            side[0] = 0.0;
        }
        let blues = spread(&DIVERGING_BLUES, side.len().saturating_sub(1));
        result.extend(colour(side, &blues));
    }
    result
}

/// The class a value falls in, by the rule the legend states.
pub fn class_of(classes: &[Class], value: f64) -> Option<usize> {
    let last = classes.len().checked_sub(1)?;
    classes.iter().position(|c| value >= c.low && value < c.high).or_else(|| (value >= classes[last].low && value <= classes[last].high).then_some(last))
}

/// Class bounds, `k + 1` of them at most (fewer when values repeat), from the smallest value to
/// the largest.
fn bounds(sorted: &[f64], k: usize, breaks: Breaks) -> Vec<f64> {
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let k = k.min(sorted.len()).max(1);
    let inner: Vec<f64> = match breaks {
        Breaks::Quantile => (1..k).map(|i| sorted[i * sorted.len() / k]).collect(),
        Breaks::Jenks => jenks(sorted, k),
    };
    let mut bounds = vec![min];
    for b in inner {
        if b > *bounds.last().unwrap_or(&min) && b < max {
            bounds.push(b);
        }
    }
    bounds.push(max);
    if bounds.len() == 1 {
        bounds.push(max);
    }
    bounds
}

fn colour(bounds: Vec<f64>, palette: &[&'static str]) -> Vec<Class> {
    bounds.windows(2).zip(palette.iter().cycle()).map(|(w, color)| Class { low: w[0], high: w[1], color }).collect()
}

/// `n` colours spread over a palette from its light end to its dark end.
fn spread(palette: &[&'static str], n: usize) -> Vec<&'static str> {
    match n {
        0 => Vec::new(),
        1 => vec![palette[palette.len() / 2]],
        _ => (0..n).map(|i| palette[(i * (palette.len() - 1) + (n - 1) / 2) / (n - 1)]).collect(),
    }
}

/// Fisher-Jenks: the lower bounds of classes 2..=k that minimise the within-class variance
/// (the classic dynamic programme; 81 provinces make it instant).
fn jenks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    if k <= 1 || n <= k {
        return sorted.iter().skip(1).copied().collect();
    }
    // lower[i][j]: first index of the last class when the first i+1 values make j+1 classes.
    let mut lower = vec![vec![0usize; k]; n];
    let mut cost = vec![vec![f64::INFINITY; k]; n];
    for i in 0..n {
        let (mut sum, mut squares) = (0.0, 0.0);
        for start in (0..=i).rev() {
            let v = sorted[start];
            sum += v;
            squares += v * v;
            let count = (i - start + 1) as f64;
            let variance = squares - sum * sum / count;
            if start == 0 {
                cost[i][0] = variance;
            } else {
                for j in 1..k {
                    let candidate = cost[start - 1][j - 1] + variance;
                    if candidate < cost[i][j] {
                        cost[i][j] = candidate;
                        lower[i][j] = start;
                    }
                }
            }
        }
    }
    let mut starts = Vec::new();
    let mut end = n - 1;
    for j in (1..k).rev() {
        let start = lower[end][j];
        starts.push(sorted[start]);
        end = start.saturating_sub(1);
    }
    starts.reverse();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_put_about_as_many_values_in_each_class() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let c = classes(&values, 5, Breaks::Quantile, false);
        assert_eq!(c.iter().map(|c| (c.low, c.high)).collect::<Vec<_>>(), vec![(1.0, 3.0), (3.0, 5.0), (5.0, 7.0), (7.0, 9.0), (9.0, 10.0)]);
        let per_class: Vec<usize> = (0..5).map(|i| values.iter().filter(|v| class_of(&c, **v) == Some(i)).count()).collect();
        assert_eq!(per_class, vec![2, 2, 2, 2, 2]);
    }

    #[test]
    fn natural_breaks_find_the_gaps() {
        let values = [1.0, 2.0, 3.0, 50.0, 51.0, 52.0, 200.0, 201.0];
        let c = classes(&values, 3, Breaks::Jenks, false);
        assert_eq!(c.iter().map(|c| c.low).collect::<Vec<_>>(), vec![1.0, 50.0, 200.0]);
    }

    #[test]
    fn changes_diverge_around_zero() {
        let values = [-30.0, -10.0, -2.0, 4.0, 8.0, 15.0, 40.0, 90.0];
        let c = classes(&values, 5, Breaks::Quantile, true);
        assert!(c.iter().any(|c| c.high == 0.0) && c.iter().any(|c| c.low == 0.0), "{c:?}");
        for v in values {
            let class = &c[class_of(&c, v).unwrap()];
            assert_eq!(v < 0.0, REDS.contains(&class.color), "{v} in {class:?}");
        }
    }

    #[test]
    fn every_value_has_exactly_one_class() {
        let values = [5.0, 5.0, 5.0, 7.0];
        let c = classes(&values, 5, Breaks::Quantile, false);
        for v in values {
            assert!(class_of(&c, v).is_some());
        }
        assert_eq!(class_of(&c, 4.0), None);
    }
}
