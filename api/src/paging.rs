//! Paging state for cursor-paged lists, kept in the URL: the cursor of the page on screen and
//! the cursors of the pages before it, so Previous works after a reload or from a shared link.

/// Where in a cursor-paged list we are. The first page has no cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CursorTrail {
    /// Cursors that started each earlier page; `""` stands for the first page.
    pub earlier: Vec<String>,
    /// The cursor that starts this page (`None` on the first page).
    pub current: Option<String>,
}

impl CursorTrail {
    /// 1-based number of the page on screen.
    pub fn page_number(&self) -> usize {
        self.earlier.len() + 1
    }

    pub fn has_previous(&self) -> bool {
        self.current.is_some()
    }

    /// The trail after following `next` (the cursor the server gave for this page).
    pub fn next(&self, next: &str) -> CursorTrail {
        let mut earlier = self.earlier.clone();
        earlier.push(self.current.clone().unwrap_or_default());
        CursorTrail {
            earlier,
            current: Some(next.to_string()),
        }
    }

    /// The trail of the page before this one; the first page stays the first page.
    pub fn previous(&self) -> CursorTrail {
        let mut earlier = self.earlier.clone();
        let current = earlier.pop().filter(|c| !c.is_empty());
        CursorTrail { earlier, current }
    }

    /// For the URL: the earlier cursors joined with `.` (cursors are base64url, no dots).
    pub fn earlier_param(&self) -> String {
        self.earlier.join(".")
    }

    /// Reads back what [`CursorTrail::earlier_param`] and the current cursor wrote. An earlier
    /// list without a current cursor is inconsistent and means the first page.
    pub fn from_params(current: Option<&str>, earlier: Option<&str>) -> CursorTrail {
        let current = current.filter(|c| !c.is_empty()).map(str::to_string);
        if current.is_none() {
            return CursorTrail::default();
        }
        let mut earlier: Vec<String> = earlier
            .filter(|e| !e.is_empty())
            .map(|e| e.split('.').map(str::to_string).collect())
            .unwrap_or_default();
        if earlier.is_empty() {
            earlier.push(String::new());
        }
        CursorTrail { earlier, current }
    }
}

/// Page-number paging (members, joined rooms): a page shorter than the page size is the last.
pub fn is_last_page(rows_on_page: usize, page_size: u32) -> bool {
    rows_on_page < page_size as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_then_previous_returns_to_the_same_page() {
        let first = CursorTrail::default();
        assert_eq!(first.page_number(), 1);
        assert!(!first.has_previous());
        let second = first.next("c2");
        let third = second.next("c3");
        assert_eq!(third.page_number(), 3);
        assert_eq!(third.previous(), second);
        assert_eq!(second.previous(), first);
        assert_eq!(first.previous(), first);
    }

    #[test]
    fn the_trail_survives_the_url() {
        let third = CursorTrail::default().next("c2").next("c3");
        let back = CursorTrail::from_params(third.current.as_deref(), Some(&third.earlier_param()));
        assert_eq!(back, third);
        assert_eq!(back.previous().previous(), CursorTrail::default());
    }

    #[test]
    fn a_link_with_only_a_cursor_still_leads_back_to_the_first_page() {
        let t = CursorTrail::from_params(Some("cX"), None);
        assert_eq!(t.page_number(), 2);
        assert_eq!(t.previous(), CursorTrail::default());
        assert_eq!(
            CursorTrail::from_params(None, Some(".a.b")),
            CursorTrail::default()
        );
    }

    #[test]
    fn a_short_page_is_the_last() {
        assert!(is_last_page(3, 10));
        assert!(!is_last_page(10, 10));
    }
}
