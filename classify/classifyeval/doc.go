// Package classifyeval measures the HS classifier of package classify on
// labelled sets: the in-scope and held-out JSON-lines sets of
// classify/testdata, or a CSV with the columns text and expected_hs_code
// such as the shared HSClassify_micro development set.
//
// It reports accuracy at four and six digits over the items answered,
// top-five accuracy, the abstention rate, the precision and recall of the
// luxury flag against the labels, and the share of hard negatives
// (look-alikes of controlled goods) called luxury. "luxscreen eval
// classify" prints these figures.
package classifyeval
