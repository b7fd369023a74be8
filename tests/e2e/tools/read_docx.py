"""Reads a Word file back as Word would lay it out, with python-docx, and prints
what the tests check as JSON: the page, the paragraphs with their style, fonts
(East Asian too), size and page breaks, and the page-number footers."""
import json
import sys

import docx
from docx.oxml.ns import qn


def fonts(style):
    """The fonts a style names, the East Asian one included, and its size."""
    rpr = style.element.rPr
    fonts = rpr.rFonts if rpr is not None else None
    return {
        "ascii": style.font.name,
        "east_asia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
        "size": style.font.size.pt if style.font.size else None,
    }


def main(path):
    d = docx.Document(path)
    s = d.sections[0]
    out = {
        "page": {
            "width_mm": round(s.page_width.mm, 1),
            "height_mm": round(s.page_height.mm, 1),
            "top_mm": round(s.top_margin.mm, 1),
            "bottom_mm": round(s.bottom_margin.mm, 1),
            "left_mm": round(s.left_margin.mm, 1),
            "right_mm": round(s.right_margin.mm, 1),
        },
        "odd_and_even": d.settings.odd_and_even_pages_header_footer,
        "footer_odd": s.footer.paragraphs[0].text,
        "footer_even": s.even_page_footer.paragraphs[0].text,
        "footer_odd_align": str(s.footer.paragraphs[0].alignment),
        "footer_even_align": str(s.even_page_footer.paragraphs[0].alignment),
        "paragraphs": [
            {
                "style": p.style.name,
                "text": p.text,
                "page_break": bool(p.paragraph_format.page_break_before),
                **fonts(p.style),
            }
            for p in d.paragraphs
        ],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
