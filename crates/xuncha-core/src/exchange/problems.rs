//! Every problem of a file, not only the first: a file from another office is put
//! right once, by someone who sees the whole list, instead of once per problem.

use super::format::ParseError;

/// How many problems a message lists; the rest are counted ("另有 N 处").
pub const LISTED: usize = 20;

/// Problems found so far, in the order they were found.
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<ParseError>,
    more: usize,
}

impl Problems {
    pub fn push(&mut self, e: ParseError) {
        if self.listed.len() < LISTED {
            self.listed.push(e);
        } else {
            self.more += 1;
        }
    }

    /// The value of `r`, or `None` with its error kept.
    pub fn take<V>(&mut self, r: Result<V, ParseError>) -> Option<V> {
        r.map_err(|e| self.push(e)).ok()
    }

    /// Counts problems found but not kept (the reader keeps only the first `LISTED`).
    pub fn count_unlisted(&mut self, n: usize) {
        self.more += n;
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// No problem; the one problem as it is; or several as `ParseError::Several`.
    pub fn into_result(self) -> Result<(), ParseError> {
        self.into_error().map_or(Ok(()), Err)
    }

    pub fn into_error(mut self) -> Option<ParseError> {
        match (self.listed.len(), self.more) {
            (0, _) => None,
            (1, 0) => Some(self.listed.remove(0)),
            _ => Some(ParseError::Several { listed: self.listed, more: self.more }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_problem_is_itself_and_many_are_listed_up_to_the_limit_with_the_rest_counted() {
        assert_eq!(Problems::default().into_result(), Ok(()));
        let mut one = Problems::default();
        one.push(ParseError::TooDeep);
        assert_eq!(one.into_result(), Err(ParseError::TooDeep));
        let mut many = Problems::default();
        for _ in 0..LISTED + 3 {
            many.push(ParseError::TooDeep);
        }
        match many.into_result() {
            Err(ParseError::Several { listed, more }) => assert_eq!((listed.len(), more), (LISTED, 3)),
            other => panic!("expected several problems, got {other:?}"),
        }
    }
}
