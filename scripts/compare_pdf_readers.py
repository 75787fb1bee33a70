"""Does PDFium (with pdfplumber's layout) read every page as pdfplumber does? Text and tables, page by page.

    python scripts/compare_pdf_readers.py FOLDER_OR_PDF_OR_ZIP...

Prints counts (pages read by PDFium and identical, pages left to pdfplumber, pages that differ) and, for each
page that differs, its file's index and page number only: never the text, which may be a patient's.
Exit status 1 when a page differs.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from abstractor.ingest.pdf import quiet_pdfminer
from abstractor.ingest.pdfium_page import read_page


def pdfs(args: list[str]):
    for arg in args:
        path = Path(arg)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".pdf":
                yield file.read_bytes()
            elif file.suffix.lower() == ".zip":
                with zipfile.ZipFile(file) as archive:
                    for name in archive.namelist():
                        if name.lower().endswith(".pdf"):
                            yield archive.read(name)


def main() -> int:
    quiet_pdfminer()
    same = fallback = differ = 0
    for index, data in enumerate(pdfs(sys.argv[1:]), start=1):
        document = pdfium.PdfDocument(data)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                content = read_page(document[number - 1])
                if content is None:
                    fallback += 1
                    continue
                tables = [t.extract() for t in page.find_tables()]
                if content.text == (page.extract_text() or "") and content.tables == tables:
                    same += 1
                else:
                    differ += 1
                    print(f"PDF #{index} page {number}: differs")
        document.close()
    print(f"pages identical: {same}; read by pdfplumber instead: {fallback}; different: {differ}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
