// Filters for the findings table. Without script the table shows every
// finding and the form stays hidden, so a report opened with scripts off
// loses nothing but the filters.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings-table tbody tr"));
  var articles = Array.prototype.slice.call(document.querySelectorAll("article.decision"));
  var shown = document.getElementById("shown");
  var note = document.getElementById("print-note");
  var text = {};
  articles.forEach(function (a) { text[a.id] = a.textContent.toLowerCase(); });

  function apply() {
    var v = form.verdict.value, s = form.severity.value, r = form.rule.value;
    var q = form.q.value.trim().toLowerCase();
    var visible = {}, n = 0;
    rows.forEach(function (tr) {
      var d = tr.dataset;
      var ok = (!v || d.verdict === v) && (!s || d.severity === s) && (!r || d.rule === r) &&
        (!q || tr.textContent.toLowerCase().indexOf(q) >= 0 || (text[d.target] || "").indexOf(q) >= 0);
      tr.hidden = !ok;
      if (ok) { n++; visible[d.target] = true; }
    });
    var active = [];
    if (v) { active.push("verdict " + v); }
    if (s) { active.push("severity " + s); }
    if (r) { active.push("rule " + r); }
    if (q) { active.push("text \u201c" + form.q.value.trim() + "\u201d"); }
    articles.forEach(function (a) { a.hidden = active.length > 0 && !visible[a.id]; });
    shown.textContent = active.length ? n + " of " + rows.length + " rows" : rows.length + " rows";
    note.hidden = active.length === 0;
    note.textContent = "Filtered by " + active.join(", ") + ": shipments and findings that do not match are left out.";
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  Array.prototype.forEach.call(document.querySelectorAll("button.tile"), function (b) {
    b.addEventListener("click", function () {
      form.verdict.value = form.verdict.value === b.dataset.verdict ? "" : b.dataset.verdict;
      apply();
      form.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  apply();
}());
