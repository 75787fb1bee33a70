"""The necessity summary as a PDF: its Markdown (headings, lists, bold, the references) laid out by reportlab."""

from __future__ import annotations

import io

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import escape

from abstractor.core.errors import OperatorError
from abstractor.core.record import ReviewRecord

# Inline Markdown tokens as reportlab's paragraph markup.
_INLINE = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "softbreak": " ",
    "hardbreak": "<br/>",
}
_HEADINGS = {"h1": "Title", "h2": "Heading2", "h3": "Heading3"}


def _inline(token: Token) -> str:
    """An inline token's children as paragraph markup; text is escaped, links keep their text only."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "html_inline"):
            out.append(str(escape(child.content)))
        elif child.type == "code_inline":
            out.append(f'<font face="Courier">{escape(child.content)}</font>')
        else:
            out.append(_INLINE.get(child.type, ""))
    return "".join(out)


def _flowables(tokens: list[Token], styles) -> list:
    """The block tokens as flowables: headings, paragraphs, and (nested) bulleted and numbered lists."""
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

    body = styles["BodyText"]
    root: list = []
    stack: list[tuple[list, dict]] = []  # open lists: their items and their options
    items: list[list] = []  # the flowables of each open list item
    heading = None
    for token in tokens:
        where = items[-1] if items else root
        if token.type == "heading_open":
            heading = styles[_HEADINGS.get(token.tag, "Heading4")]
        elif token.type == "inline":
            where.append(Paragraph(_inline(token), heading or body))
            heading = None
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            start = int(token.attrGet("start") or 1)
            options = {"bulletType": "1", "start": start, "bulletFormat": "%s."} if ordered else {}
            stack.append(([], {"bulletType": "bullet", "start": "-", "bulletFontName": body.fontName, **options}))
        elif token.type == "list_item_open":
            items.append([])
        elif token.type == "list_item_close":
            stack[-1][0].append(ListItem(items.pop()))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            listed, options = stack.pop()
            flowable = ListFlowable(listed, leftIndent=14, bulletFontSize=body.fontSize, **options)
            (items[-1] if items else root).append(flowable)
            if not stack:
                root.append(Spacer(1, 4))
        elif token.type == "hr":
            root.append(Spacer(1, 8))
    return root


def summary_pdf(record: ReviewRecord) -> bytes:
    """The record's summary (verdict, evidence, overrides, gaps, safety and the numbered references) as PDF
    bytes, in reportlab's standard fonts. The document's metadata names no bundle or patient."""
    try:
        from reportlab.lib.pagesizes import letter
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import SimpleDocTemplate
    except ImportError:
        raise OperatorError("the PDF summary needs reportlab: pip install 'abstractor[pdf]'") from None
    tokens = MarkdownIt("commonmark", {"html": False}).parse(record.determination.summary_markdown)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        title="Medical necessity determination",
        author="abstractor",
        leftMargin=54,
        rightMargin=54,
        topMargin=54,
        bottomMargin=54,
        invariant=1,
    )
    document.build(_flowables(tokens, getSampleStyleSheet()))
    return buffer.getvalue()
