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
// mailed, archived with the audit records and opened offline. It has a
// header with the versions of the rules, the goods catalogue and the
// sanctions lists the decisions were made with; a summary of the verdicts;
// a table of the findings with filters by verdict, severity, rule and free
// text; and one section per shipment with each finding's message, its
// evidence (the line, party, vessel or port it rests on) and its citations.
// Printed, the filters disappear, each shipment's section keeps to one page
// where it fits and links show their address.
//
// The writer streams: each decision's section is written as it arrives,
// and the summary and the table, which need every decision, are written at
// the end and placed first on the page by CSS. What it keeps meanwhile is
// one short row per finding — the shipment ID, the verdict, the severity,
// the rule and the message, strings mostly shared with the rule set — about
// 120 bytes per finding, plus one entry per distinct set of versions. A
// report of ten thousand shipments holds about a megabyte; a report is for
// people, and a million shipments belong in the JSON lines or CSV output.
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
