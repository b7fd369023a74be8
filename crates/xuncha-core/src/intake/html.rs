//! The ".xls" many government systems export, which is an HTML table: its rows and
//! cells, with cells spanning columns or rows read in every place they cover, as
//! merged cells of a workbook are.

use super::grid::{Cell, Grid};

/// The text of an HTML fragment: tags dropped, the common entities read, spaces folded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    // Numeric entities, then the ampersand last so "&amp;lt;" stays "&lt;".
    while let Some(start) = decoded.find("&#") {
        let Some(len) = decoded[start..].find(';') else { break };
        let code = &decoded[start + 2..start + len];
        let ch = code.parse::<u32>().ok().and_then(char::from_u32);
        match ch {
            Some(ch) => decoded.replace_range(start..start + len + 1, &ch.to_string()),
            None => break,
        }
    }
    decoded.replace("&amp;", "&").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value of an attribute in a tag's text, as a number: `colspan="2"`.
fn span(tag: &str, name: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(name) else { return 1 };
    let rest = &lower[at + name.len()..];
    let digits: String =
        rest.chars().skip_while(|c| matches!(c, '=' | '"' | '\'' | ' ')).take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1).clamp(1, 1000)
}

/// The first table of an HTML page as a sheet. Positions found in the ASCII-lowered
/// copy are positions in the page too: lowering ASCII keeps every byte where it is.
pub fn read_html_table(html: &str) -> Grid {
    let lower = html.to_ascii_lowercase();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // A cell spanning rows below: (column, text, rows still to fill).
    let mut carried: Vec<(usize, String, usize)> = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<tr").map(|i| at + i) {
        let end = lower[start..].find("</tr").map(|i| start + i).unwrap_or(lower.len());
        let mut row: Vec<Cell> = Vec::new();
        let put = |row: &mut Vec<Cell>, col: usize, text: &str| {
            if row.len() <= col {
                row.resize(col + 1, Cell::Empty);
            }
            row[col] = if text.is_empty() { Cell::Empty } else { Cell::Text(text.to_owned()) };
        };
        for (col, text, _) in &carried {
            put(&mut row, *col, text);
        }
        carried.iter_mut().for_each(|c| c.2 -= 1);
        carried.retain(|c| c.2 > 0);
        let mut pos = start;
        let mut col = 0;
        while let Some(open) = lower[pos..end].find("<t").map(|i| pos + i) {
            let kind = lower.get(open + 2..open + 3).unwrap_or("");
            if kind != "d" && kind != "h" {
                pos = open + 2;
                continue;
            }
            let tag_end = lower[open..end].find('>').map(|i| open + i + 1).unwrap_or(end);
            let close = lower[tag_end..end].find("</t").map(|i| tag_end + i).unwrap_or(end);
            let tag = &html[open..tag_end];
            let text = text_of(&html[tag_end..close]);
            while row.get(col).is_some_and(|c| !matches!(c, Cell::Empty)) {
                col += 1;
            }
            let (across, down) = (span(tag, "colspan"), span(tag, "rowspan"));
            for c in col..col + across {
                put(&mut row, c, &text);
                if down > 1 {
                    carried.push((c, text.clone(), down - 1));
                }
            }
            col += across;
            pos = close;
        }
        rows.push(row);
        at = end + 1;
        if at >= lower.len() {
            break;
        }
    }
    Grid { name: String::new(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_table_saved_as_xls_reads_with_its_spans() {
        let html = "<html><meta charset=gbk><table border=1>\
            <tr><td colspan=3>某某县委第一轮巡察整改台账</td></tr>\
            <tr><th>序号</th><th>被巡察单位</th><th>问题描述</th></tr>\
            <tr><td>1</td><td rowspan=\"2\">县财政局党组</td><td>预算执行&nbsp;慢 &amp; 滞后</td></tr>\
            <tr><td>2</td><td><span>专项资金</span>闲置</td></tr>\
            </table></html>";
        let g = read_html_table(html);
        let texts: Vec<Vec<String>> = g.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect();
        assert_eq!(texts[0], vec!["某某县委第一轮巡察整改台账"; 3]);
        assert_eq!(texts[2], vec!["1", "县财政局党组", "预算执行 慢 & 滞后"]);
        assert_eq!(texts[3], vec!["2", "县财政局党组", "专项资金闲置"]);
    }
}
