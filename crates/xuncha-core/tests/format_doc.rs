//! Keeps docs/exchange-format.md honest: outside programmers write exchange files
//! from it and the schema alone, so every key and enum value the schema gives a
//! kind's `data` must be documented under that kind in "Fields of each kind".

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const SECTION: &str = "## Fields of each kind";

fn read_doc(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn schema() -> Value {
    serde_json::from_str(&read_doc("exchange-format.schema.json"))
        .unwrap_or_else(|e| panic!("docs/exchange-format.schema.json is not JSON: {e}"))
}

/// Follows `$ref`s ("#/$defs/term") until the node is a definition of its own.
fn resolve<'a>(schema: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("not a local reference: {reference}"));
        node = schema.pointer(pointer).unwrap_or_else(|| panic!("the schema has no {reference}"));
    }
    node
}

/// The store names of the kinds, in the schema's order, each with the schema of its `data`.
fn kinds(schema: &Value) -> Vec<(String, &Value)> {
    let lists = schema
        .pointer("/properties/records/properties")
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("the schema has no records.properties"));
    lists
        .iter()
        .map(|(kind, list)| {
            let items = list.get("items").unwrap_or_else(|| panic!("records.{kind} has no items"));
            let data = resolve(schema, items)
                .pointer("/properties/data")
                .unwrap_or_else(|| panic!("a record of {kind} has no data"));
            (kind.clone(), resolve(schema, data))
        })
        .collect()
}

/// What the schema says of one kind's `data`: every key by path (`a`, `a.b`,
/// `a[].b`), and the string values of every enum by the path of its field.
#[derive(Debug, Default)]
struct Shape {
    fields: BTreeSet<String>,
    enums: BTreeMap<String, BTreeSet<String>>,
}

fn walk(schema: &Value, node: &Value, path: &str, shape: &mut Shape) {
    let node = resolve(schema, node);
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        let words = values.iter().filter_map(Value::as_str).map(str::to_owned);
        shape.enums.entry(path.to_owned()).or_default().extend(words);
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (key, child) in properties {
            let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            shape.fields.insert(child_path.clone());
            walk(schema, child, &child_path, shape);
        }
    }
    if let Some(items) = node.get("items") {
        walk(schema, items, &format!("{path}[]"), shape);
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for alternative in node.get(key).and_then(Value::as_array).into_iter().flatten() {
            walk(schema, alternative, path, shape);
        }
    }
    for key in ["if", "then", "else"] {
        if let Some(branch) = node.get(key) {
            walk(schema, branch, path, shape);
        }
    }
}

fn shape_of(schema: &Value, data: &Value) -> Shape {
    let mut shape = Shape::default();
    walk(schema, data, "", &mut shape);
    shape
}

/// The lines of "Fields of each kind", up to the next `## ` heading.
fn field_section(doc: &str) -> Vec<&str> {
    let mut lines = doc.lines().skip_while(|l| l.trim_end() != SECTION);
    assert!(lines.next().is_some(), "docs/exchange-format.md has no \"{SECTION}\"");
    lines.take_while(|l| !l.starts_with("## ")).collect()
}

/// The lines under the heading "### `kind`" of the section, up to the next heading of its level or above.
fn kind_section<'a>(section: &[&'a str], kind: &str) -> Vec<&'a str> {
    let heading = format!("### `{kind}`");
    let mut lines = section.iter().skip_while(|l| !l.starts_with(&heading));
    assert!(lines.next().is_some(), "\"{SECTION}\" has no heading {heading}");
    lines.take_while(|l| !l.starts_with("### ") && !l.starts_with("## ")).copied().collect()
}

fn cells(row: &str) -> Vec<&str> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

/// The paths in the first column of the tables headed `field | type | meaning`.
fn documented_fields(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut header: Option<Vec<&str>> = None;
    for line in lines {
        if !line.trim_start().starts_with('|') {
            header = None;
            continue;
        }
        let row = cells(line);
        match &header {
            None => header = Some(row),
            Some(h) if h.first() == Some(&"field") => {
                let first = row.first().copied().unwrap_or_default();
                if first.chars().all(|c| c == '-' || c == ':') {
                    continue;
                }
                let path = first.strip_prefix('`').and_then(|f| f.strip_suffix('`'));
                out.push(path.unwrap_or_else(|| panic!("a field row does not start with a `path`: {line}")).to_owned());
            }
            Some(_) => {}
        }
    }
    out
}

/// Every text written as code (between backticks) in the lines.
fn code_spans(lines: &[&str]) -> BTreeSet<String> {
    lines.iter().flat_map(|l| l.split('`').skip(1).step_by(2)).map(str::to_owned).collect()
}

/// Runs `check` on every kind and fails once, with every kind's complaints.
fn each_kind(check: impl Fn(&Shape, &[&str]) -> Vec<String>) {
    let schema = schema();
    let doc = read_doc("exchange-format.md");
    let section = field_section(&doc);
    let kinds = kinds(&schema);
    assert!(kinds.len() >= 13, "the schema lists only {} kinds", kinds.len());
    let mut complaints = Vec::new();
    for (kind, data) in &kinds {
        let shape = shape_of(&schema, data);
        assert!(!shape.fields.is_empty(), "the schema gives {kind} no data fields");
        for complaint in check(&shape, &kind_section(&section, kind)) {
            complaints.push(format!("{kind}: {complaint}"));
        }
    }
    assert!(complaints.is_empty(), "docs/exchange-format.md, \"{SECTION}\":\n{}", complaints.join("\n"));
}

#[test]
fn every_data_field_of_every_kind_has_a_row_under_its_heading() {
    each_kind(|shape, lines| {
        let documented: BTreeSet<String> = documented_fields(lines).into_iter().collect();
        shape.fields.iter().filter(|f| !documented.contains(*f)).map(|f| format!("no row for `{f}`")).collect()
    });
}

#[test]
fn every_enum_value_of_every_kind_is_named_in_its_section() {
    each_kind(|shape, lines| {
        let named = code_spans(lines);
        let mut missing = Vec::new();
        for (field, values) in &shape.enums {
            for value in values.iter().filter(|v| !named.contains(*v)) {
                missing.push(format!("`{field}` value `{value}` is not named"));
            }
        }
        missing
    });
}

#[test]
fn every_documented_field_is_a_field_of_the_schema_and_has_one_row() {
    each_kind(|shape, lines| {
        let mut seen = BTreeSet::new();
        let mut wrong = Vec::new();
        for field in documented_fields(lines) {
            if !shape.fields.contains(&field) {
                wrong.push(format!("the row `{field}` names no field of the schema"));
            } else if !seen.insert(field.clone()) {
                wrong.push(format!("`{field}` has two rows"));
            }
        }
        wrong
    });
}

#[test]
fn the_walk_finds_nested_fields_and_enums_through_references() {
    let schema = schema();
    let kinds = kinds(&schema);
    let shape_of_kind = |name: &str| {
        let (_, data) = kinds.iter().find(|(k, _)| k == name).unwrap_or_else(|| panic!("no kind {name}"));
        shape_of(&schema, data)
    };
    let questionnaires = shape_of_kind("questionnaires");
    assert!(questionnaires.fields.contains("questions[].levels[].weight"));
    assert!(questionnaires.enums.get("questions[].type").is_some_and(|v| v.contains("rating")));
    let inspections = shape_of_kind("inspections");
    assert!(inspections.fields.contains("milestones.feedback"));
    let clues = shape_of_kind("clues");
    assert!(clues.enums.get("disposal").is_some_and(|v| v.contains("case")), "an enum with null among its values");
}
