//! Long lists in a scrolling box that holds only the rows in sight (and a few either side) in
//! the DOM: every row has the same height, so where a row goes and which rows are in sight are
//! arithmetic, and 100,000 rows cost what 60 do.

use leptos::prelude::*;

/// Rows drawn beyond each edge of the box, so a quick scroll shows no gap.
pub const OVERSCAN: usize = 10;
/// The height of a row, in pixels (the stylesheet gives `.vrow` the same).
pub const ROW_PX: f64 = 36.0;

/// The rows `[first, last)` in sight in a box `height` pixels tall scrolled `top` pixels
/// down, with [`OVERSCAN`] more on each side.
pub fn window(top: f64, height: f64, row_px: f64, total: usize) -> (usize, usize) {
    let top = top.max(0.0);
    let first = ((top / row_px).floor() as usize)
        .saturating_sub(OVERSCAN)
        .min(total);
    let last = (((top + height.max(0.0)) / row_px).ceil() as usize + OVERSCAN).min(total);
    (first, last.max(first))
}

/// The scroll state of one box. Put `node` and [`Scroller::on_scroll`] on the scrolling
/// element; rows go in an element [`Scroller::body_px`] tall, each at [`Scroller::top_of`].
#[derive(Clone, Copy)]
pub struct Scroller {
    pub node: NodeRef<leptos::html::Div>,
    top: RwSignal<f64>,
    height: RwSignal<f64>,
}

impl Default for Scroller {
    fn default() -> Self {
        Scroller::new()
    }
}

impl Scroller {
    pub fn new() -> Scroller {
        Scroller {
            node: NodeRef::new(),
            top: RwSignal::new(0.0),
            // Until the box is measured: a tall screen's worth.
            height: RwSignal::new(1200.0),
        }
    }

    /// Follows the box as it scrolls or changes size.
    pub fn on_scroll(&self) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        let this = *self;
        move |_| this.measure()
    }

    fn measure(&self) {
        if let Some(el) = self.node.get_untracked() {
            self.top.set(el.scroll_top() as f64);
            self.height.set(el.client_height() as f64);
        }
    }

    /// The items in sight, each with its place in `items` (tracked: it moves as the box
    /// scrolls).
    pub fn in_sight<'a, T>(&self, items: &'a [T]) -> impl Iterator<Item = (usize, &'a T)> {
        let (first, last) = window(self.top.get(), self.height.get(), ROW_PX, items.len());
        items[first..last]
            .iter()
            .enumerate()
            .map(move |(k, item)| (first + k, item))
    }

    /// How tall the rows are together, for the element that holds them.
    pub fn body_px(&self, total: usize) -> String {
        format!("{}px", total as f64 * ROW_PX)
    }

    /// Where row `i` goes in that element.
    pub fn top_of(&self, i: usize) -> String {
        format!("{}px", i as f64 * ROW_PX)
    }

    /// Scrolls the box to `px` from the top (the top when what it lists changes).
    pub fn scroll_to(&self, px: f64) {
        if let Some(el) = self.node.get_untracked() {
            el.set_scroll_top(px as i32);
        }
        self.top.set(px);
        // Where the box really is: a shorter list than before cannot scroll that far.
        self.measure();
    }

    /// How far down the box is scrolled now (untracked), to come back to it later.
    pub fn position(&self) -> f64 {
        self.top.get_untracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rows_in_sight_and_a_few_either_side_are_drawn() {
        // 100,000 rows of 36 px in a 720 px box: 20 rows in sight.
        assert_eq!(window(0.0, 720.0, 36.0, 100_000), (0, 30));
        let (first, last) = window(36.0 * 50_000.0, 720.0, 36.0, 100_000);
        assert_eq!((first, last), (49_990, 50_030));
        // At the very end the last row is drawn and nothing past it.
        let end = 36.0 * 100_000.0 - 720.0;
        assert_eq!(window(end, 720.0, 36.0, 100_000), (99_970, 100_000));
    }

    #[test]
    fn a_short_or_empty_list_is_drawn_whole_and_never_past_its_end() {
        assert_eq!(window(0.0, 720.0, 36.0, 3), (0, 3));
        assert_eq!(window(5000.0, 720.0, 36.0, 3), (3, 3));
        assert_eq!(window(0.0, 720.0, 36.0, 0), (0, 0));
        assert_eq!(window(-40.0, -1.0, 36.0, 10), (0, 10));
    }
}
