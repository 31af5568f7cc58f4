//! Rooms from a spreadsheet: the CSV read into rows, and each row checked before anything is
//! sent. Pure, so it is tested natively; the page (`routes/import.rs`) asks the server which
//! users exist and which rooms are there already, then creates what this plans.
//!
//! A row is `name, description, maxusers, owner, members` (columns in any order, named in the
//! first line; `maxusers` and `members` may be left out). A room is the same room when its name
//! and owner match (names exactly, owners in any case): a row whose room exists is not created
//! again, which is what makes a second run of the same file create nothing.

use easemob_api::limits::{split_list, Invalid};
use easemob_api::wire::CreateChatroom;
use std::collections::{HashMap, HashSet};

/// The columns a file may have, by their name in the header.
pub const COLUMNS: [&str; 5] = ["name", "description", "maxusers", "owner", "members"];
/// The columns a file must have.
pub const REQUIRED: [&str; 3] = ["name", "description", "owner"];

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    /// Not UTF-8 (a spreadsheet saved as GBK, say): names would be garbled.
    NotUtf8,
    /// The header names a column twice.
    RepeatedColumn(String),
    /// A quoted cell that never ends; the line it starts on.
    UnclosedQuote {
        line: usize,
    },
    MissingColumn(&'static str),
    UnknownColumn(String),
}

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A documented limit, as the API crate checks it.
    Invalid(Invalid),
    MaxUsersNotANumber(String),
    /// Usernames that are not registered.
    NoSuchUsers(Vec<String>),
    /// Another row of the file makes the same room (its 1-based data row number).
    SameAsRow(usize),
    /// More cells than the header names.
    ExtraCells,
}

/// What a row will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    Create(CreateChatroom),
    /// The room is there already (its id): nothing to do.
    Exists(String),
    Problem(RowProblem),
}

/// One data row of the file (`number` is its row in the spreadsheet: the line its record starts
/// on, the header being row 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub name: String,
    pub owner: String,
    pub plan: Plan,
}

/// Reads CSV (RFC 4180: quoted cells may hold commas, quotes doubled, new lines; CRLF or LF;
/// a byte-order mark is skipped), each record with the line it starts on. Blank lines are
/// dropped. A file read with replacement characters (not UTF-8) is refused.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, FileProblem> {
    if text.contains('\u{fffd}') {
        return Err(FileProblem::NotUtf8);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push(c);
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
                quote_line = line;
            }
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(FileProblem::UnclosedQuote { line: quote_line });
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        rows.push((row_line, row));
    }
    Ok(rows)
}

/// A data row as read: its number (from 1, the header not counted), the name and owner it
/// gives (for people to find it), and the create request or what is wrong with the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIn {
    pub number: usize,
    pub name: String,
    pub owner: String,
    pub request: Result<CreateChatroom, RowProblem>,
}

/// The file's rows as create requests, or what is wrong with the file. Rows keep their number
/// whatever happens to the ones before them.
pub fn read_rows(text: &str) -> Result<Vec<RowIn>, FileProblem> {
    let mut lines = parse_csv(text)?.into_iter();
    let header: Vec<String> = lines
        .next()
        .ok_or(FileProblem::Empty)?
        .1
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        // An empty header cell (a trailing comma) names no column.
        if h.is_empty() {
            continue;
        }
        match COLUMNS.iter().find(|c| *c == h) {
            Some(c) => {
                if at.insert(c, i).is_some() {
                    return Err(FileProblem::RepeatedColumn(h.clone()));
                }
            }
            None => return Err(FileProblem::UnknownColumn(h.clone())),
        }
    }
    if let Some(missing) = REQUIRED.iter().find(|c| !at.contains_key(*c)) {
        return Err(FileProblem::MissingColumn(missing));
    }
    Ok(lines
        .map(|(line, cells)| {
            let get = |c: &str| {
                at.get(c)
                    .and_then(|&i| cells.get(i))
                    .map(|s| s.trim().to_string())
            };
            let (name, owner) = (
                get("name").unwrap_or_default(),
                get("owner").unwrap_or_default(),
            );
            let request = if cells.len() > header.len()
                && cells[header.len()..].iter().any(|c| !c.trim().is_empty())
            {
                Err(RowProblem::ExtraCells)
            } else {
                request(
                    name.clone(),
                    get("description").unwrap_or_default(),
                    get("maxusers").unwrap_or_default(),
                    owner.clone(),
                    get("members").unwrap_or_default(),
                )
            };
            RowIn {
                number: line,
                name,
                owner,
                request,
            }
        })
        .collect())
}

fn request(
    name: String,
    description: String,
    maxusers: String,
    owner: String,
    members: String,
) -> Result<CreateChatroom, RowProblem> {
    let maxusers = if maxusers.is_empty() {
        None
    } else {
        Some(
            maxusers
                .parse::<u64>()
                .map_err(|_| RowProblem::MaxUsersNotANumber(maxusers.clone()))?,
        )
    };
    let members = split_list(&members);
    let req = CreateChatroom {
        name,
        description,
        maxusers,
        owner,
        members: (!members.is_empty()).then_some(members),
        custom: None,
    };
    req.validate().map_err(RowProblem::Invalid)?;
    Ok(req)
}

/// Every username the rows name (owners and members), once each in lower case.
pub fn usernames(rows: &[RowIn]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in rows {
        if let Ok(req) = &r.request {
            for u in std::iter::once(&req.owner).chain(req.members.iter().flatten()) {
                let u = u.to_ascii_lowercase();
                if seen.insert(u.clone()) {
                    out.push(u);
                }
            }
        }
    }
    out
}

/// The key that makes two rooms the same room: the name as it is, the owner in lower case.
pub fn same_room_key(name: &str, owner: &str) -> (String, String) {
    (name.to_string(), owner.to_ascii_lowercase())
}

/// What each row will do, given the users that do not exist (lower case) and the rooms there
/// already (by [`same_room_key`], with their id).
pub fn plan(
    rows: Vec<RowIn>,
    missing_users: &HashSet<String>,
    existing: &HashMap<(String, String), String>,
) -> Vec<Row> {
    let mut first_row: HashMap<(String, String), usize> = HashMap::new();
    rows.into_iter()
        .map(
            |RowIn {
                 number,
                 name,
                 owner,
                 request,
             }| {
                let plan = match request {
                    Err(p) => Plan::Problem(p),
                    Ok(req) => {
                        let key = same_room_key(&req.name, &req.owner);
                        let missing: Vec<String> = std::iter::once(&req.owner)
                            .chain(req.members.iter().flatten())
                            .filter(|u| missing_users.contains(&u.to_ascii_lowercase()))
                            .cloned()
                            .collect();
                        let plan = if !missing.is_empty() {
                            Plan::Problem(RowProblem::NoSuchUsers(missing))
                        } else if let Some(first) = first_row.get(&key) {
                            Plan::Problem(RowProblem::SameAsRow(*first))
                        } else if let Some(id) = existing.get(&key) {
                            Plan::Exists(id.clone())
                        } else {
                            Plan::Create(req.clone())
                        };
                        first_row.entry(key).or_insert(number);
                        plan
                    }
                };
                Row {
                    number,
                    name,
                    owner,
                    plan,
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use easemob_api::limits::Field;

    fn ok_rows(text: &str) -> Vec<RowIn> {
        read_rows(text).expect("a readable file")
    }

    #[test]
    fn quoted_cells_hold_commas_quotes_and_new_lines() {
        let text = "\u{feff}a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n\nlast\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                (1, vec!["a".to_string(), "b, c".into(), "say \"hi\"".into()]),
                (2, vec!["two\nlines".to_string(), "x".into(), "".into()]),
                // The quoted new line and the blank line still count as the spreadsheet's rows.
                (5, vec!["last".to_string()]),
            ]
        );
        assert_eq!(
            parse_csv("a,b\n\"never ends,c\n"),
            Err(FileProblem::UnclosedQuote { line: 2 })
        );
        assert_eq!(parse_csv("名称\u{fffd}\n"), Err(FileProblem::NotUtf8));
    }

    #[test]
    fn the_header_names_the_columns_in_any_order() {
        let rows = ok_rows("Owner,NAME,description\nalice,Lobby,hello\n");
        let req = rows[0].request.as_ref().unwrap();
        assert_eq!((req.name.as_str(), req.owner.as_str()), ("Lobby", "alice"));
        assert_eq!(req.maxusers, None);
        assert_eq!(read_rows(""), Err(FileProblem::Empty));
        assert_eq!(
            read_rows("name,owner\nx,y\n"),
            Err(FileProblem::MissingColumn("description"))
        );
        assert_eq!(
            read_rows("name,owner,description,colour\n"),
            Err(FileProblem::UnknownColumn("colour".into()))
        );
        assert_eq!(
            read_rows("name,owner,description,Name\n"),
            Err(FileProblem::RepeatedColumn("name".into()))
        );
        // A trailing comma in the header names no column.
        assert_eq!(ok_rows("name,owner,description,\nx,y,z,\n").len(), 1);
    }

    #[test]
    fn every_row_is_checked_against_the_documented_limits() {
        let long = "x".repeat(129);
        let text = format!(
            "name,description,maxusers,owner,members\n\
             Lobby,hello,100,alice,bob carol\n\
             {long},hello,,alice,\n\
             Big,hello,lots,alice,\n\
             Bad,hello,10,al ice,\n\
             Full,hello,1,alice,\"bob,carol\"\n\
             Extra,hello,10,alice,bob,surprise\n"
        );
        let rows = ok_rows(&text);
        assert_eq!(rows.len(), 6);
        let lobby = rows[0].request.as_ref().unwrap();
        assert_eq!(lobby.members, Some(vec!["bob".into(), "carol".into()]));
        assert_eq!(lobby.maxusers, Some(100));
        assert!(matches!(
            &rows[1].request,
            Err(RowProblem::Invalid(Invalid::TooLong {
                field: Field::Name,
                ..
            }))
        ));
        assert_eq!(
            rows[2].request,
            Err(RowProblem::MaxUsersNotANumber("lots".into()))
        );
        assert!(matches!(
            &rows[3].request,
            Err(RowProblem::Invalid(Invalid::BadUsername { .. }))
        ));
        assert!(matches!(
            &rows[4].request,
            Err(RowProblem::Invalid(Invalid::TooManyMembers { .. }))
        ));
        assert_eq!(rows[5].request, Err(RowProblem::ExtraCells));
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            [2, 3, 4, 5, 6, 7]
        );
        assert_eq!(rows[2].name, "Big");
    }

    #[test]
    fn the_plan_skips_rooms_that_exist_and_names_unknown_users_and_repeated_rows() {
        let rows = ok_rows(
            "name,description,owner,members\n\
             Lobby,a,alice,bob\n\
             Games,a,ALICE,ghost\n\
             Lobby,b,alice,\n\
             Music,a,bob,\n\
             Lobby,a,bob,\n",
        );
        assert_eq!(usernames(&rows), ["alice", "bob", "ghost"]);
        let missing = HashSet::from(["ghost".to_string()]);
        let existing = HashMap::from([(same_room_key("Music", "BOB"), "42".to_string())]);
        let plan = plan(rows, &missing, &existing);
        assert!(matches!(plan[0].plan, Plan::Create(_)));
        assert_eq!(
            plan[1].plan,
            Plan::Problem(RowProblem::NoSuchUsers(vec!["ghost".into()]))
        );
        assert_eq!(plan[2].plan, Plan::Problem(RowProblem::SameAsRow(2)));
        assert_eq!(plan[3].plan, Plan::Exists("42".into()));
        // Another owner: another room.
        assert!(matches!(plan[4].plan, Plan::Create(_)));
    }
}
