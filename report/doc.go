// Package report renders luxscreen's results for people and spreadsheets:
// shipment decisions as a self-contained HTML report a compliance officer
// can read, filter and print, and as CSV rows; the coverage matrix of the
// control lists as CSV, Markdown, an SVG heatmap or an HTML page
// ([WriteMatrixSVG] and its siblings); and the analysis of trade statistics
// as a table, CSV, or an HTML page with SVG charts of value and unit value
// by period ([WriteTradeHTML] and its siblings). The core packages (lists,
// trade, rules) compute; this package only writes.
//
// The HTML report ([HTMLWriter], [WriteHTML]) is one file with its styles
// and a little script inline and no external resource, so that it can be
// mailed, archived with the audit records and opened offline. It leads
// with a header naming the versions of the rules, the goods catalogue and
// the sanctions lists the decisions were made with, and a summary: the
// count of each verdict and of each rule's findings. Then come the
// shipments that need a person — blocked, then under review, then those
// that could not be judged — with each finding's message, its evidence
// (the line, party, vessel or port it rests on) and its sources; the
// shipments whose findings read the same to the letter are one case,
// shown once with the list of its shipments. The sources are listed once
// after them, and the clear shipments last, one short row each. Every
// shipment has its row, anchored by its place in the input ("#d17").
// Without script the page shows everything; the script adds filters by
// verdict, rule and free text and folds long lists. Printed, the filters
// disappear, folded lists open, a short case keeps to one page and links
// show their address.
//
// A report is for people, so it keeps to a size a browser opens: about
// 2.5 MB for twenty thousand shipments, where a section per shipment made
// 95 MB. When the findings of the shipments that need a person would take
// it past its budget ([Meta].DetailBudget), the cases past it are listed
// by verdict and rules only, under a warning; nothing is left out. The
// writer keeps until Close one row per shipment and the findings of each
// distinct case within the budget; a million shipments belong in the JSON
// lines or CSV output.
//
// The heatmap page ([WriteMatrixHTML]) and the trade page
// ([WriteTradeHTML]) print whole too: the heatmap scaled to the page's
// width, on landscape A3 when the printer allows, and the table of flows
// in landscape with its cells wrapping, so that the verdict column stays
// on the page.
//
// [CSVWriter] writes one row per finding (one row for a shipment without
// findings) with the columns id, verdict, rule, severity, message,
// evidence and citation, documented in docs/csv-formats.md.
//
// Everything that comes from input — shipment IDs, party names, messages —
// is escaped: the HTML by html/template, the CSV cells against spreadsheet
// formulas.
//
// Every renderer has a golden-file test: the expected output is in
// testdata/*.golden, and "go test ./report -update" rewrites it after an
// intended change, for review in the diff.
package report
