// Package classifyeval measures the HS classifier of package classify on
// labelled sets: the in-scope and held-out JSON-lines sets of luxury goods
// and the ordinary-goods sets of classify/testdata, or a CSV with the
// columns text and expected_hs_code such as the shared HSClassify_micro
// development set.
//
// It reports accuracy at four and six digits over the items answered,
// top-one and top-five accuracy over all items, the abstention rate, the
// precision and recall of the luxury flag against the labels, and the
// share of hard negatives (look-alikes of controlled goods) called luxury.
//
// Given a catalogue ([Options.Catalogue]) it also reads, from the lists
// rather than from hand labels, what the law says at each gold code for
// the line's own facts (its value against thresholds and price floors,
// its words against "ex" categories): no, yes, or open. It reports the
// false-alarm rate (lines the law says no for, called luxury "yes"), the
// recall on controlled lines (the law says yes; called "yes", with the
// share left "unknown" apart) and the review
// rate, broken down by HS section and by the style a line is written in
// (bill of lading, invoice, shop title). [Score] scores outcomes read
// from another build's batch output ([ReadOutcomes]) alike. "luxscreen
// eval classify" prints these figures.
package classifyeval
