"""Reading chart bundles into Documents (pdfplumber lives here)."""
