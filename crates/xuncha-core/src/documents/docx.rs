//! A `Document` as a Word file (.docx) in the layout of Party and government
//! documents (GB/T 9704): A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm
//! right; 22 lines of 28 characters; 三号仿宋_GB2312 body, 二号方正小标宋简体 title,
//! 黑体 and 楷体_GB2312 headings; page numbers "— 1 —" in 四号宋体, odd pages right
//! and even pages left, one character in. Fonts are named, not embedded: the
//! office's PC has them. The package is written by hand on the zip writer the
//! workbook export already brings, so Word files add no dependency.

use super::{Document, Para, Style};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// Why a Word file could not be written (only the zip writer can fail, in memory).
#[derive(Debug, thiserror::Error)]
#[error("the Word file could not be written: {0}")]
pub struct DocxError(String);

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 56.692_913;
const PAGE_WIDTH_MM: f64 = 210.0;
const PAGE_HEIGHT_MM: f64 = 297.0;
const TOP_MM: f64 = 37.0;
const BOTTOM_MM: f64 = 35.0;
const LEFT_MM: f64 = 28.0;
const RIGHT_MM: f64 = 26.0;
const LINES: f64 = 22.0;
const CHARS: f64 = 28.0;
/// 三号 is 16 pt; Word sizes are in half points.
const BODY_HALF_POINTS: u32 = 32;
/// 二号 is 22 pt.
const TITLE_HALF_POINTS: u32 = 44;
/// 四号 is 14 pt: the page numbers.
const PAGE_NUMBER_HALF_POINTS: u32 = 28;

pub const BODY_FONT: &str = "仿宋_GB2312";
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const HEADING1_FONT: &str = "黑体";
pub const HEADING2_FONT: &str = "楷体_GB2312";
pub const PAGE_NUMBER_FONT: &str = "宋体";

fn twips(mm: f64) -> u32 {
    (mm * TWIPS_PER_MM).round() as u32
}

/// The line pitch that puts 22 lines in the text area, in twips: rounded down, as
/// 22 lines a twip too tall each would push the last one to the next page.
fn line_pitch() -> u32 {
    (twips(PAGE_HEIGHT_MM) - twips(TOP_MM) - twips(BOTTOM_MM)) / LINES as u32
}

/// Word's character grid: the change to the body font's width (in 1/4096 pt) that
/// puts 28 characters on a line.
fn char_space() -> i32 {
    let pitch_pt = (PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM) * 72.0 / 25.4 / CHARS;
    ((pitch_pt - f64::from(BODY_HALF_POINTS) / 2.0) * 4096.0).round() as i32
}

/// The document as the bytes of a .docx file.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core_properties(&doc.name)),
        ("docProps/app.xml", APP_PROPERTIES.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/footer1.xml", footer_xml(true)),
    ];
    let mut bytes = Vec::new();
    // The same writer type as the workbook export's (`new_stream` on a cursor over a
    // borrowed Vec), so the two share one copy of the zip code in the app.
    let mut zip = zip::ZipWriter::new_stream(std::io::Cursor::new(&mut bytes));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    for (name, text) in parts.iter().map(|(n, t)| (*n, t.as_str())).chain([("word/footer2.xml", &*footer_xml(false))]) {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    zip.finish().map_err(|e| fail(&e))?;
    Ok(bytes)
}

/// Text as XML character data.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot hold at all, and a carriage return, which an
            // XML reader would turn into a line break.
            c if ((c as u32) < 0x20 && !matches!(c, '\t' | '\n')) || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
}

fn run_properties(font: &str, half_points: u32, bold: bool) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#
    )
}

/// The Word style id of a paragraph style (defined in styles.xml).
fn style_id(style: Style) -> &'static str {
    match style {
        Style::Title => "XunchaTitle",
        Style::Addressee => "XunchaAddressee",
        Style::Heading1 => "XunchaHeading1",
        Style::Heading2 => "XunchaHeading2",
        Style::Body => "XunchaBody",
        Style::Field => "XunchaField",
        Style::Signature => "XunchaSignature",
        Style::Closing => "XunchaClosing",
    }
}

fn paragraph(p: &Para, first_line: bool, out: &mut String) {
    out.push_str("<w:p><w:pPr>");
    out.push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, style_id(p.style)));
    if p.page_break && first_line {
        out.push_str("<w:pageBreakBefore/>");
    }
    out.push_str("</w:pPr>");
    if !p.text.is_empty() {
        out.push_str(r#"<w:r><w:t xml:space="preserve">"#);
        escape(p.text.trim_end_matches('\r'), out);
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p>");
}

fn document_xml(doc: &Document) -> String {
    let mut out = String::with_capacity(4096 + doc.paras.iter().map(|p| p.text.len() + 160).sum::<usize>());
    out.push_str(XML_HEAD);
    out.push_str(&format!(r#"<w:document {NAMESPACES}><w:body>"#));
    for p in &doc.paras {
        // A line break typed into a paragraph starts a paragraph of the same style.
        for (i, line) in p.text.split('\n').enumerate() {
            let part = Para { style: p.style, text: line.to_owned(), page_break: p.page_break };
            paragraph(&part, i == 0, &mut out);
        }
    }
    out.push_str(&format!(
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>"#,
            r#"<w:footerReference w:type="even" r:id="rIdFooterEven"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#,
            r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="851" w:footer="{footer}" w:gutter="0"/>"#,
            r#"<w:pgNumType w:fmt="decimal"/>"#,
            r#"<w:docGrid w:type="linesAndChars" w:linePitch="{pitch}" w:charSpace="{chars}"/></w:sectPr>"#,
        ),
        w = twips(PAGE_WIDTH_MM),
        h = twips(PAGE_HEIGHT_MM),
        top = twips(TOP_MM),
        right = twips(RIGHT_MM),
        bottom = twips(BOTTOM_MM),
        left = twips(LEFT_MM),
        // The page number sits 7 mm below the text area (GB/T 9704, 7.5).
        footer = twips(BOTTOM_MM - 7.0 - 5.0),
        pitch = line_pitch(),
        chars = char_space(),
    ));
    out.push_str("</w:body></w:document>");
    out
}

fn styles_xml() -> String {
    let pitch = line_pitch();
    let body = run_properties(BODY_FONT, BODY_HALF_POINTS, false);
    let style = |id: &str, name: &str, para: &str, run: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{para}</w:pPr>{run}</w:style>"#
        )
    };
    // Two characters of the body font, in twips: the indent of body and headings.
    let two_chars = BODY_HALF_POINTS * 10 * 2;
    let indent = format!(r#"<w:ind w:firstLineChars="200" w:firstLine="{two_chars}"/>"#);
    let styles = [
        style(
            "XunchaTitle",
            "公文标题",
            &format!(
                r#"<w:spacing w:after="{pitch}" w:line="{}" w:lineRule="exact"/><w:jc w:val="center"/>"#,
                pitch * 3 / 2
            ),
            &run_properties(TITLE_FONT, TITLE_HALF_POINTS, false),
        ),
        style("XunchaAddressee", "主送机关", "", &body),
        style(
            "XunchaHeading1",
            "一级标题",
            &format!("{indent}<w:outlineLvl w:val=\"0\"/>"),
            &run_properties(HEADING1_FONT, BODY_HALF_POINTS, false),
        ),
        style(
            "XunchaHeading2",
            "二级标题",
            &format!("{indent}<w:outlineLvl w:val=\"1\"/>"),
            &run_properties(HEADING2_FONT, BODY_HALF_POINTS, false),
        ),
        style("XunchaBody", "公文正文", &format!(r#"{indent}<w:jc w:val="both"/>"#), &body),
        style("XunchaField", "栏目", "", &body),
        style("XunchaSignature", "签字栏", &format!(r#"<w:spacing w:before="{pitch}"/>"#), &body),
        style(
            "XunchaClosing",
            "署名日期",
            &format!(r#"<w:ind w:rightChars="400" w:right="{}"/><w:jc w:val="right"/>"#, two_chars * 2),
            &body,
        ),
    ]
    .concat();
    format!(
        concat!(
            r#"{head}<w:styles {ns}><w:docDefaults><w:rPrDefault>{body}</w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>"#,
            "{styles}</w:styles>",
        ),
        head = XML_HEAD,
        ns = NAMESPACES,
        body = body,
        pitch = pitch,
        styles = styles,
    )
}

/// "— 1 —": on odd pages at the right, on even pages at the left, one character in.
fn footer_xml(odd: bool) -> String {
    let one_char = PAGE_NUMBER_HALF_POINTS * 10;
    let (jc, ind) = if odd { ("right", "right") } else { ("left", "left") };
    let run = run_properties(PAGE_NUMBER_FONT, PAGE_NUMBER_HALF_POINTS, false);
    format!(
        concat!(
            r#"{head}<w:ftr {ns}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:{ind}="{one_char}"/><w:jc w:val="{jc}"/></w:pPr>"#,
            r#"<w:r>{run}<w:t xml:space="preserve">— </w:t></w:r>"#,
            r#"<w:r>{run}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{run}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r>{run}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{run}<w:t>1</w:t></w:r><w:r>{run}<w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r>{run}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#,
        ),
        head = XML_HEAD,
        ns = NAMESPACES,
        ind = ind,
        one_char = one_char,
        jc = jc,
        run = run,
    )
}

fn core_properties(title: &str) -> String {
    let mut escaped = String::new();
    escape(title, &mut escaped);
    format!(
        r#"{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escaped}</dc:title><dc:creator>巡察台账</dc:creator></cp:coreProperties>"#
    )
}

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

const NAMESPACES: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>",
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>",
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#,
    "</Relationships>",
);

/// Odd and even pages have their own footers (the page number changes sides).
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:defaultTabStop w:val="640"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>"#,
    // Current Word layout rather than the compatibility mode of older files.
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    "</w:settings>",
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>巡察台账</Application></Properties>"#,
);

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{e}"));
        text
    }

    #[test]
    fn the_page_is_a4_with_the_official_margins_and_a_grid_of_22_lines_of_28_characters() {
        assert_eq!((twips(210.0), twips(297.0)), (11906, 16838));
        assert_eq!((twips(37.0), twips(35.0), twips(28.0), twips(26.0)), (2098, 1984, 1587, 1474));
        let area = 16838 - 2098 - 1984;
        assert!(22 * line_pitch() <= area && 23 * line_pitch() > area, "22 lines, not 21 or 23, fill the text area");
        assert_eq!(line_pitch(), 579);
        let width_pt = (210.0 - 28.0 - 26.0) * 72.0 / 25.4;
        let pitch = 16.0 + f64::from(char_space()) / 4096.0;
        assert!((pitch * 28.0 - width_pt).abs() < 0.5, "28 characters fill a line");
    }

    #[test]
    fn text_is_escaped_and_a_typed_line_break_starts_a_paragraph_of_the_same_style() {
        let doc = Document {
            name: "测试".into(),
            paras: vec![Para::new(Style::Body, "甲<乙>&\"丙\"\n第二行\u{1}\r\u{FFFF}")],
        };
        let bytes = to_docx(&doc).unwrap_or_else(|e| panic!("{e}"));
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("甲&lt;乙&gt;&amp;&quot;丙&quot;</w:t>"), "{xml}");
        assert_eq!(xml.matches(r#"<w:pStyle w:val="XunchaBody"/>"#).count(), 2);
        assert!(xml.contains(">第二行</w:t>"), "a control character is dropped");
        assert!(part(&bytes, "word/styles.xml").contains(r#"w:eastAsia="仿宋_GB2312""#));
        assert!(part(&bytes, "word/footer1.xml").contains("PAGE"));
        assert!(part(&bytes, "word/settings.xml").contains("evenAndOddHeaders"));
    }
}
