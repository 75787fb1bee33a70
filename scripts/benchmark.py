"""Throughput and memory of abstractor over the sample charts, beside a default medspaCy pipeline.

    python scripts/benchmark.py [--rounds 5] [--bundles sample_charts]
    python scripts/benchmark.py --long-notes [--words 1000 10000 100000 500000]
    python scripts/benchmark.py --ocr-packet 40 [--engine rapidocr]
    python scripts/benchmark.py --batch [--bundles sample_charts] [--copies 10]
    python scripts/benchmark.py --pdf-pages 1 10 100 300

Prints bundles/second end to end, milliseconds per bundle for each stage (PDF and note parsing, NLP,
fact assembly, policy check and summary), peak memory, and the documents/second of a plain
`medspacy.load()` pipeline (PyRuSH sentences, default ConText) given the same target rules, run over the
same documents in the same process. Numbers, not a test: run it on an idle machine.

With --batch it instead times whole runs over the same bundles (each repeated --copies times): the command
line's start-up, abstractor's batch runner with 1 and 2 worker processes, and a default medspaCy + pdfplumber
pipeline as a whole process, and prints the workers' peak memory.

With --long-notes it instead times the NLP stage (and the fact stage) on one generated note each of 1k, 10k,
100k and 500k words (realistic clinical paragraphs repeated, numbers varied) and prints seconds and seconds
per 1,000 words: flat seconds per 1,000 words is linear growth. --words picks other sizes.

With --pdf-pages it instead reads generated text PDFs of those page counts (a DXA report per page) through
ingestion, NLP and the fact stage, and prints seconds per page: flat is linear growth.

With --ocr-packet N it instead reads a generated packet of N scanned pages (no text layer; the test suite's
scan generator) with OCR and no cache, and prints seconds per page and the peak memory of the process, which
must stay bounded however long the packet is: pages are rendered, read and released one at a time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bundles", type=Path, default=ROOT / "sample_charts")
    parser.add_argument("--ocr-packet", type=int, default=0, help="pages of a scanned packet to read by OCR")
    parser.add_argument("--engine", default="rapidocr", help="OCR engine for --ocr-packet")
    parser.add_argument("--batch", action="store_true", help="time whole batch runs (1 and 2 workers)")
    parser.add_argument("--copies", type=int, default=10, help="with --batch: each bundle this many times")
    parser.add_argument("--long-notes", action="store_true", help="time the NLP stage on long generated notes")
    parser.add_argument("--words", type=int, nargs="+", default=[1_000, 10_000, 100_000, 500_000])
    parser.add_argument("--pdf-pages", type=int, nargs="+", default=None, help="page counts of generated PDFs to time")
    args = parser.parse_args()
    if args.pdf_pages:
        return pdf_pages(args.pdf_pages)
    if args.batch:
        return batch_runs(args.bundles, args.copies)
    if args.long_notes:
        return long_notes(args.words)
    if args.ocr_packet:
        return ocr_packet(args.ocr_packet, args.engine)

    import medspacy
    from loguru import logger

    from abstractor.ingest.bundle import load_bundle
    from abstractor.nlp.extract import assemble
    from abstractor.nlp.mentions import analyze
    from abstractor.nlp.pipeline import _target_rules, get_pipeline
    from abstractor.pipeline import Reviewer
    from abstractor.policy.checker import check
    from abstractor.policy.loader import load_catalogue, select_policy

    paths = sorted(p for p in args.bundles.iterdir() if p.is_dir())
    started = time.perf_counter()
    _, rules = get_pipeline()
    load_seconds = time.perf_counter() - started
    catalogue = load_catalogue()
    reviewer = Reviewer()
    reviewer.review(load_bundle(paths[0]))  # warm up caches (policies, templates)

    stages: dict[str, list[float]] = {"parse": [], "nlp": [], "facts": [], "policy": []}
    end_to_end: list[float] = []
    documents = 0
    for _ in range(args.rounds):
        for path in paths:
            t0 = time.perf_counter()
            bundle = load_bundle(path)
            t1 = time.perf_counter()
            analyzed = analyze(bundle.documents, rules)
            t2 = time.perf_counter()
            extraction = assemble(analyzed, rules)
            t3 = time.perf_counter()
            policy = select_policy("cigna-IP0331", extraction.request.date_of_service)
            check(policy, extraction.facts, extraction.request, extraction.fact_evidence, catalogue)
            t4 = time.perf_counter()
            for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                stages[name].append(seconds)
            documents += len(bundle.documents)
        t0 = time.perf_counter()
        for path in paths:
            reviewer.review(load_bundle(path))
        end_to_end.append(time.perf_counter() - t0)

    texts = [d.text for p in paths for d in load_bundle(p).documents]
    logger.disable("PyRuSH")
    baseline = medspacy.load()  # the default pipeline: medspaCy tokenizer, PyRuSH, TargetMatcher, ConText
    baseline.get_pipe("medspacy_target_matcher").add(_target_rules(rules))
    ours, _ = get_pipeline()
    rates = {}
    for name, nlp in (("default medspacy.load()", baseline), ("abstractor pipeline", ours)):
        t0 = time.perf_counter()
        for _ in range(args.rounds):
            list(nlp.pipe(texts))
        rates[name] = len(texts) * args.rounds / (time.perf_counter() - t0)

    n = len(paths)
    per_bundle = {k: 1000 * statistics.fmean(v) for k, v in stages.items()}
    nlp_facts = 1000 / (per_bundle["nlp"] + per_bundle["facts"])
    print(f"bundles: {n} ({documents / (n * args.rounds):.1f} documents each), rounds: {args.rounds}")
    print(f"pipeline build (once per process): {load_seconds:.2f} s")
    print(f"end to end (ingest, NLP, facts, policy, flags, summary): {n / statistics.fmean(end_to_end):.1f} bundles/s")
    print(f"NLP + fact stages: {nlp_facts:.1f} bundles/s")
    for name, ms in per_bundle.items():
        print(f"  {name:<7} {ms:7.2f} ms/bundle")
    for name, rate in rates.items():
        print(f"{name}: {rate:.1f} documents/s")
    ratio = rates["abstractor pipeline"] / rates["default medspacy.load()"]
    print(f"abstractor pipeline vs default: {ratio:.1f}x")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


BASELINE = """
import sys, time, pathlib
started = time.perf_counter()
import medspacy, pdfplumber
from loguru import logger
logger.disable("PyRuSH")
nlp = medspacy.load()
loaded = time.perf_counter() - started
texts = 0
for folder in sys.argv[1:]:
    for f in sorted(pathlib.Path(folder).rglob("*")):
        if f.suffix == ".pdf":
            with pdfplumber.open(f) as pdf:
                text = "\\n".join(p.extract_text() or "" for p in pdf.pages)
        elif f.suffix in (".txt", ".md"):
            text = f.read_text(errors="replace")
        else:
            continue
        nlp(text)
        texts += 1
print(time.perf_counter() - started, texts, loaded)
"""


def batch_runs(folder: Path, copies: int) -> int:
    """Whole runs over the same bundles: start-up, abstractor with 1 and 2 workers, and the default pipeline."""
    import shutil
    import subprocess
    import tempfile

    from abstractor import batch
    from abstractor.core.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = []
        for n in range(copies):
            for bundle in sorted(p for p in folder.iterdir() if p.is_dir()):
                copy = root / "in" / f"{bundle.name}-{n}"
                shutil.copytree(bundle, copy)
                (copy / "copy.txt").write_text(f"Copy {n} of the bundle for the benchmark.\n")  # distinct content
                paths.append(copy)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "abstractor.cli", "--version"], check=True, capture_output=True)
        print(f"start-up: `abstractor --version` {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        from abstractor.pipeline import Reviewer

        Reviewer()
        print(f"start-up: Reviewer (rules, NLP pipeline, ICD-10 set, policies) {time.perf_counter() - started:.2f} s")
        results, steady = {}, {}
        for workers in (1, 2):
            out = root / f"run-{workers}"
            started = time.perf_counter()
            done, stamps = [], []
            for finished in batch.run(batch.Batch(out, Settings.model_construct(), workers=workers), paths):
                done.append(finished)
                stamps.append(time.perf_counter())
            seconds = stamps[-1] - started
            peaks = [d.peak_mib for d in done if d.peak_mib]
            results[workers] = seconds
            # Once the workers are up: bundles finished after the first, over the time since the first.
            steady[workers] = (len(stamps) - 1) / (stamps[-1] - stamps[0])
            print(
                f"abstractor, {workers} worker(s): {len(paths)} bundles in {seconds:.1f} s = "
                f"{len(paths) / seconds:.1f} bundles/s (worker start-up included), "
                f"{steady[workers]:.1f} bundles/s once started; "
                f"peak memory per worker {max(peaks):.0f} MiB; failed {sum(d.status != 'reviewed' for d in done)}"
            )
        started = time.perf_counter()
        found = subprocess.run(
            [sys.executable, "-c", BASELINE, *map(str, paths)], check=True, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        print(
            f"default medspacy.load() + pdfplumber, one process: {len(paths)} bundles in {seconds:.1f} s = "
            f"{len(paths) / seconds:.1f} bundles/s ({found.stdout.split()[1]} documents)"
        )
        _, _, loaded = found.stdout.split()
        default_rate = len(paths) / (seconds - float(loaded))
        print(f"abstractor with 2 workers vs the default pipeline, {len(paths)} bundles: {seconds / results[2]:.1f}x")
        startup = results[2] - (len(paths) - 1) / steady[2]
        ours, theirs = startup + 10_000 / steady[2], float(loaded) + 10_000 / default_rate
        print(
            f"10,000 bundles with 2 workers: {ours / 60:.1f} min (extrapolated: {startup:.1f} s of start-up, then "
            f"{steady[2]:.1f} bundles/s); the default pipeline: {theirs / 60:.1f} min ({float(loaded):.1f} s of "
            f"start-up, then {default_rate:.1f} bundles/s): {theirs / ours:.1f}x"
        )
    return 0


# Paragraphs of a long follow-up note; {n} varies so that no two repeats read the same.
_PARAGRAPHS = (
    "HPI: {age} year old woman with postmenopausal osteoporosis seen for follow-up. She denies falls since the "
    "last visit and reports no new fractures. Her mother had a hip fracture at age {n}.",
    "Medications: alendronate 70 mg weekly was stopped after {n} months because of esophagitis. Calcium 600 mg "
    "and vitamin D {d} IU daily. No history of glucocorticoid use.",
    "DXA {month}/{day}/2024: lumbar spine T-score -{t1}, femoral neck T-score -{t2}, total hip T-score -1.{n}.",
    "Labs: creatinine 0.{n} mg/dL, eGFR {e} mL/min, calcium 9.{day} mg/dL, 25-OH vitamin D {n} ng/mL.",
    "Assessment and plan: osteoporosis with high fracture risk after bisphosphonate intolerance. Start Prolia "
    "60 mg subcutaneously every 6 months. Possible dental work was discussed; no planned extractions.",
)


def long_note(words: int) -> str:
    """A note of about `words` words: clinical paragraphs repeated with varied numbers, blank lines between."""
    out, count, i = [], 0, 0
    while count < words:
        n = 10 + i % 80
        paragraph = _PARAGRAPHS[i % len(_PARAGRAPHS)].format(
            age=50 + i % 40, n=n, d=400 + 10 * (i % 60), month=1 + i % 12, day=1 + i % 28,
            t1=f"{2 + i % 2}.{i % 10}", t2=f"{1 + i % 2}.{(i * 3) % 10}", e=30 + i % 60,
        )  # fmt: skip
        out.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(out)


def long_notes(sizes: list[int]) -> int:
    """Time the NLP and fact stages on one long generated note of each size; print seconds per 1k words."""
    from abstractor.nlp.extract import assemble
    from abstractor.nlp.mentions import analyze
    from abstractor.nlp.pipeline import get_pipeline

    _, rules = get_pipeline()
    analyze([_note(long_note(200))], rules)  # warm up
    print(f"{'words':>8} {'chars':>10} {'NLP s':>8} {'NLP s/1k words':>15} {'facts s':>8} {'facts s/1k words':>17}")
    for words in sizes:
        document = _note(long_note(words))
        t0 = time.perf_counter()
        analyzed = analyze([document], rules)
        t1 = time.perf_counter()
        assemble(analyzed, rules)
        t2 = time.perf_counter()
        nlp, facts, k = t1 - t0, t2 - t1, words / 1000
        print(f"{words:>8} {len(document.text):>10} {nlp:>8.2f} {nlp / k:>15.3f} {facts:>8.2f} {facts / k:>17.3f}")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


def _note(text: str):
    """A generated text as a note Document."""
    import hashlib

    from abstractor.core.document import Document

    return Document(source="long-note.txt", kind="note", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)


def pdf_pages(counts: list[int]) -> int:
    """Seconds per page of reading, analysing and assembling facts for text PDFs of growing length."""
    import io

    from reportlab.pdfgen import canvas

    from abstractor.ingest.bundle import read_document
    from abstractor.nlp.extract import assemble
    from abstractor.nlp.mentions import analyze
    from abstractor.nlp.pipeline import get_pipeline

    _, rules = get_pipeline()
    lines = [
        "RIVERBEND IMAGING - BONE DENSITOMETRY REPORT",
        "Exam date: 03/02/2026  Referring: A. Tran, MD",
        "Region                BMD      T-score   Z-score",
        "Lumbar spine L1-L4    0.801    -2.{n}      -1.9",
        "Left femoral neck     0.612    -2.6      -1.4",
        "Impression: osteoporosis; compared with the prior study the spine is stable.",
    ]
    print(f"{'pages':>6} {'read s':>8} {'NLP+facts s':>12} {'s/page':>8}")
    for count in counts:
        buffer = io.BytesIO()
        c = canvas.Canvas(buffer, invariant=1)
        for page in range(count):
            for i, line in enumerate(lines):
                c.drawString(60, 720 - 16 * i, line.format(n=page % 10))
            c.showPage()
        c.save()
        started = time.perf_counter()
        doc, _ = read_document("report.pdf", buffer.getvalue())
        read = time.perf_counter() - started
        started = time.perf_counter()
        assemble(analyze([doc], rules), rules)
        rest = time.perf_counter() - started
        print(f"{count:>6} {read:>8.2f} {rest:>12.2f} {(read + rest) / count:>8.3f}")
    return 0


def ocr_packet(pages: int, engine: str) -> int:
    """Read a generated all-scanned packet page by page; print time per page and peak memory."""
    sys.path.insert(0, str(ROOT / "tests"))
    from scans import DXA_REPORT, faxed, page, scan_pdf

    from abstractor.ingest.ocr import PageReader
    from abstractor.ingest.pdf import read_pdf

    images = [faxed(page(DXA_REPORT), tilt=0.5 * (i % 3), seed=i) for i in range(min(pages, 4))]
    packet = scan_pdf(*(images[i % len(images)] for i in range(pages)))
    del images
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times: list[float] = []
    reader = PageReader(engine, progress=lambda n, total: times.append(time.perf_counter()))
    started = time.perf_counter()
    reading = read_pdf("packet.pdf", packet, reader)
    total = time.perf_counter() - started
    per_page = [b - a for a, b in zip(times, [*times[1:], started + total], strict=True)]
    print(f"OCR packet: {pages} scanned pages ({len(packet) / 1e6:.1f} MB PDF), engine {engine}")
    print(
        f"  {total:.1f} s in all, {total / pages:.2f} s/page (median {statistics.median(per_page):.2f}, "
        f"slowest {max(per_page):.2f})"
    )
    print(f"  text read: {len(reading.text)} characters, {len(reading.ocr_words)} words")
    print(
        f"  peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
        f"({before:.0f} MiB before reading)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
