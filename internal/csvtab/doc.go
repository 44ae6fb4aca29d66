// Package csvtab reads CSV tables whose first row names the columns, for
// the batch inputs of luxscreen: the line, party and bill-of-lading CSV
// files described in docs/csv-formats.md.
//
// A [Table] checks the header against the columns its caller knows: every
// column must be known and appear once, and some columns may be required.
// Header names are matched without regard to case or surrounding spaces,
// and a UTF-8 byte-order mark, which spreadsheets write, is ignored. Each
// [Row] remembers where its fields start, so that an error about a value
// names the input, the line, the byte column and the column's name, as
// "ships.csv:12:34: currency: …". Errors are [*Error] values carrying that
// place.
//
// A row with the wrong number of fields is an error of that row alone
// ([ErrFieldCount]) and reading may go on; any other error from
// [Table.Next], such as a quote that is never closed, ends the input,
// because the rows after it cannot be told apart any more.
package csvtab
