// Package jsonl reads JSON-lines files one non-blank line at a time and
// decodes their records with errors in plain words.
//
// [Each] suits small trusted files such as the labelled evaluation sets:
// it stops at the first line it cannot read. [Reader] suits batch input,
// where one bad line must not cost the records after it: a line longer
// than the limit is reported on its own and reading resumes at the next
// newline, and an input that is a single JSON document spread over many
// lines is read as one record.
//
// [Decode] decodes one record strictly and turns the decoder's messages
// ("json: cannot unmarshal string into Go struct field L.lines.value of
// type float64") into a [*datafile.Error] naming the line, the column and
// the field in words a clerk can act on ("lines.value: want a number, got
// text").
package jsonl
