"""`python -m abstractor` runs the command line, as the `abstractor` script does."""

from abstractor.cli import app

app(prog_name="abstractor")
