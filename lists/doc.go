// Package lists is the harmonized catalogue of DPRK trade controls: the UN
// luxury-goods annexes, the UN sectoral bans, national luxury-goods lists and
// catch-all watch lists, each entry tied to the commodity codes it covers and
// to the legal text that imposes it.
//
// Every [List] is authored as one YAML file under data/ (embedded in the
// binary; see [Default]) or supplied by the caller ([ParseFile], [LoadFS]).
// A list names its jurisdiction, instrument, kind ([Luxury], [Sectoral] or
// [CatchAll]), direction and the period it is in force. Each [Entry] cites
// the annex item or paragraph it transcribes, says whether its codes are
// published in the instrument or derived by us from its category text
// ([Published], [Derived]; a derived code carries a rationale), and may carry
// a value [Threshold] in the instrument's own currency.
//
// A [Catalogue] indexes the lists in an in-memory database so that
// [Catalogue.Lookup] returns every entry whose code pattern covers a code,
// as of a date, for the jurisdictions and direction asked. Codes match by
// prefix: a CN8 code 9101 21 00 is covered by an entry for heading 9101. A
// query less specific than a pattern (8703 against an entry for 8703 10) is
// reported as a [Partial] match, because only some goods under the query
// code are controlled; an "ex" pattern is reported as [Ex], because only
// part of the goods under the pattern are.
//
// Many luxury lists name a category under a chapter or heading with an
// "ex" scope and no value threshold ("high-quality garments" ex 61,
// "luxury automobiles" ex 8703): only the goods of the category are
// controlled, and the words of a line decide whether it is one. Where the
// description does not name the category, a [Presumption] may: a price
// floor for the kind of goods, authored in presumptions/presumptions.yaml
// with its source, below which goods are presumed not to be luxury goods.
// The floors are analogues ([Analogue]): the levels at which another
// regime defines luxury goods by value, such as the EUR 300 per item of
// Annex XVIII to Regulation (EU) No 833/2014. [Catalogue.Judge] rules an
// entry out when a line's unit value is below the floor of its code and
// names the presumption in the judgement's Why; an entry with a threshold
// of its own keeps it, a line whose description names the category is
// still controlled, and a line without a value, a quantity in the floor's
// unit or an exchange rate stays undecided.
//
// Loading is strict: an unknown field, a malformed code, a missing citation
// or a derived code without a rationale is an error naming the file, line
// and field.
package lists
