// Filters and folding for the report. Without script every case and row
// shows, every list of shipments is open and the form stays hidden, so a
// report opened with scripts off loses nothing but the filters.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var shown = document.getElementById("shown");
  var note = document.getElementById("print-note");
  var lists = document.querySelectorAll("details.shipments");
  var FOLD = 25; // rows a list of shipments shows before it is folded

  // A group is a case, the list of compact rows, the shipments not
  // judged or the clear ones: an element hidden when none of its rows
  // shows. A row has its group's verdict and rules, but for the compact
  // rows, which name theirs in their fourth and fifth cells, and the
  // clear ones, whose fourth cell names the rules of their informational
  // findings.
  var groups = [], total = 0;
  each(document.querySelectorAll("section.case, #clear details"), function (el) {
    var clear = el.tagName === "DETAILS", compact = el.id === "compact";
    var cell = function (tr, i) { return tr.cells[i] ? tr.cells[i].textContent : ""; };
    var head = el.cloneNode(true);
    each(head.querySelectorAll("table.stable"), function (t) { t.remove(); });
    var g = { el: el, text: head.textContent.toLowerCase(), rows: [] };
    each(el.querySelectorAll("table.stable tbody tr"), function (tr) {
      g.rows.push({
        el: tr,
        text: tr.textContent.toLowerCase(),
        verdict: compact ? cell(tr, 3) : clear ? "clear" : el.dataset.verdict,
        rules: " " + (compact ? cell(tr, 4) : clear ? cell(tr, 3) : el.dataset.rules) + " "
      });
    });
    total += g.rows.length;
    groups.push(g);
  });

  // Long lists start folded on screen; printing opens them all.
  each(lists, function (d) {
    if (d.querySelectorAll("tbody tr").length > FOLD) { d.open = false; }
  });
  window.addEventListener("beforeprint", function () { each(lists, function (d) { d.open = true; }); });

  function apply() {
    var v = form.verdict.value, r = form.rule.value;
    var q = form.q.value.trim().toLowerCase();
    var n = 0;
    groups.forEach(function (g) {
      var all = !q || g.text.indexOf(q) >= 0, k = 0;
      g.rows.forEach(function (row) {
        var ok = (!v || row.verdict === v) && (!r || row.rules.indexOf(" " + r + " ") >= 0) && (all || row.text.indexOf(q) >= 0);
        row.el.hidden = !ok;
        if (ok) { k++; }
      });
      g.el.hidden = k === 0;
      n += k;
    });
    var active = [];
    if (v) { active.push("verdict " + v); }
    if (r) { active.push("rule " + r); }
    if (q) { active.push("text \u201c" + form.q.value.trim() + "\u201d"); }
    shown.textContent = active.length ? n + " of " + total + " shipments" : total + " shipments";
    note.hidden = active.length === 0;
    note.textContent = "Filtered by " + active.join(", ") + ": shipments that do not match are left out.";
    if (active.length) { each(lists, function (d) { d.open = true; }); }
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  each(document.querySelectorAll("button.tile"), function (b) {
    b.addEventListener("click", function () {
      form.verdict.value = form.verdict.value === b.dataset.verdict ? "" : b.dataset.verdict;
      apply();
      form.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  shown.textContent = total + " shipments";
}());
