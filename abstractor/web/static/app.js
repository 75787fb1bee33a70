// abstractor's pages: poll a running review, show a cited quote in its document, place OCR boxes, and take
// dropped files for upload. Served by the app itself (no build step, no CDN); the page has no inline script.
"use strict";

function pollReview(id) {
  const tick = async () => {
    try {
      const response = await fetch(`/api/reviews/${id}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) {
        const review = await response.json();
        if (review.status === "done" || review.status === "failed") {
          window.location.reload();
          return;
        }
      }
    } catch (e) { /* the server restarts: try again */ }
    window.setTimeout(tick, 1000);
  };
  window.setTimeout(tick, 700);
}

function showQuote(number) {
  document.querySelectorAll(".hit").forEach((el) => el.classList.remove("hit"));
  const marks = document.querySelectorAll(`mark.ref-${number}, .box.ref-${number}`);
  marks.forEach((el) => {
    el.classList.add("hit");
    const details = el.closest("details");
    if (details) details.open = true;
  });
  if (marks.length) {
    marks[0].scrollIntoView({ block: "center" });
    history.replaceState(null, "", `#ref-${number}`);
  }
  return marks.length > 0;
}

function placeBoxes() {
  document.querySelectorAll(".box[data-box]").forEach((box) => {
    const [left, top, width, height] = box.dataset.box.split(" ");
    Object.assign(box.style, { left: `${left}%`, top: `${top}%`, width: `${width}%`, height: `${height}%` });
  });
}

function dropZone() {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  if (!zone || !input) return;
  const list = () => {
    chosen.textContent = input.files.length ? `${input.files.length} file(s) chosen` : "";
  };
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.remove("over"); }));
  zone.addEventListener("drop", (e) => { input.files = e.dataTransfer.files; list(); });
  input.addEventListener("change", list);
}

document.addEventListener("DOMContentLoaded", () => {
  const body = document.body;
  if (body.dataset.pollReview) pollReview(body.dataset.pollReview);
  if (body.dataset.pollQueue) window.setTimeout(() => window.location.reload(), 3000);
  placeBoxes();
  dropZone();
  document.addEventListener("click", (e) => {
    const link = e.target.closest("a[data-ref]");
    if (link && showQuote(link.dataset.ref)) e.preventDefault();
  });
  const hash = window.location.hash.match(/^#ref-(\d+)$/);
  if (hash) showQuote(hash[1]);
});
