//! Chinese numerals as rounds and groups are named: 第三轮, 第十二轮, 第一巡察组.

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes 1–9999 the way documents do (十, 十一, 二十, 一百零五); other numbers in digits.
pub fn chinese_number(n: u32) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        return format!("十{}", if n == 10 { "" } else { DIGITS[(n % 10) as usize] });
    }
    let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut pending_zero = false;
    for (value, unit) in units {
        let digit = (n / value) % 10;
        if digit == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        out.push_str(DIGITS[digit as usize]);
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::chinese_number;

    #[test]
    fn small_numbers_read_as_in_documents() {
        let cases = [
            (1, "一"),
            (3, "三"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (2026, "二千零二十六"),
        ];
        for (n, text) in cases {
            assert_eq!(chinese_number(n), text, "{n}");
        }
    }

    #[test]
    fn zero_and_huge_numbers_fall_back_to_digits() {
        assert_eq!(chinese_number(0), "0");
        assert_eq!(chinese_number(10_000), "10000");
    }
}
