// Package trade analyses customs and trade statistics for flows to and from
// the DPRK: which recorded flows were prohibited, under which instrument, at
// that date, and which were priced unlike the same reporter's flows of the
// same goods to other partners.
//
// # Reading
//
// A [Reader] reads one CSV file a row at a time, in constant memory, and
// detects its [Layout] from the header: the legacy UN Comtrade bulk download
// ([ComtradeLegacy]), UN Comtrade Plus data and bulk files ([ComtradePlus],
// comma- or tab-separated), or the package's own [Simple] layout for figures
// transcribed from publications. A row that cannot be read is a [*RowError]
// naming the file, line and column; nothing is dropped without being
// counted. Comtrade's all-commodities code "TOTAL" is read (and judged
// [Review]); SITC and BEC rows are rejected, since the catalogue uses HS
// codes. Comtrade rows that break a total down by customs procedure, mode
// of transport or second partner are marked [Flow.Breakdown] and counted,
// never added to the total they break down.
//
// The simple layout is a comma-separated file with a header row naming
// these columns, in any order (names are case-insensitive):
//
//	reporter       required  ISO 3166-1 alpha-2 or alpha-3 code: RU, RUS
//	partner        required  the same; KP or PRK for the DPRK
//	period         required  YYYY, YYYYMM, or YYYY-YYYY for a published
//	                         multi-year total
//	flow           required  export, import, re-export or re-import, as the
//	                         reporter declares it
//	code           required  HS code, 2 to 10 digits, or TOTAL
//	value_usd      required  trade value in US dollars, digits and a point
//	net_weight_kg  optional  net weight in kilograms
//	quantity       optional  quantity, in quantity_unit
//	quantity_unit  optional  u (number of items), kg, l…; required with a
//	                         quantity
//	source         optional  where the figure comes from
//	reporter_name, partner_name  optional  names to print
//
// Lines starting with "#" are comments.
//
// # Judging
//
// An [Assessor] judges a flow to or from the DPRK against the catalogue of
// package lists. The reporter's exports and re-exports to the DPRK are
// supply to it ([lists.ExportTo]); its imports from the DPRK are procurement
// from it ([lists.ImportFrom]); when the DPRK itself reports, the directions
// turn round and its partner's lists apply. The lists that bind the
// counterparty are the UN's, its own and its union's for the time it was a
// member (the EU's list binds Germany, and bound the United Kingdom until
// the end of 2020; see package rules).
//
// A statistic covers a year or a month, not a day. An entry counts if it
// was in force on any day of the period, and its [Citation] says whether
// that was the whole period; the verdict rests on entries in force for the
// whole period first. An annual 2017 flow of cars is therefore prohibited
// by UNSCR 2094 (2013) for luxury cars only ([lists.Ex]), and cites UNSCR
// 2397 (adopted 22 December 2017) as in force for part of the year; 2018
// and 2019 flows fall under UNSCR 2397 paragraph 7, which bans all of HS
// 87, for the whole year. A code reported at 2 or 4 digits is wider than a
// 6-digit entry; the match is [lists.Partial] and the verdict says so.
//
// The [Verdict]s, strongest first: [ProhibitedUN], [ProhibitedReporter],
// [Review] (the code cannot be assessed, or a watch list of the UN or the
// reporter covers it), [LuxuryNotListed] (another jurisdiction's luxury
// list covers the code, the reporter's does not) or [LuxuryNoReporterList]
// (the catalogue holds no list of the reporter's), and [NotControlled].
//
// # Unit values
//
// For each flow the [Analyzer] computes the value per unit of quantity and
// per kilogram, per reporter, partner, code and period, and compares it
// with the same reporter's flows of the same code, kind and period to other
// partners (its peers; area totals such as World are not peers). A unit
// value is flagged when it is at least twice (or at most half) the peers'
// median and, when the peers vary, its robust z-score — the distance from
// the median in units of 1.4826 median absolute deviations — is at least
// 3.5 ([DefaultThresholds]).
//
// [Analyzer.Analyze] reads the file twice: the first pass validates every
// row and sums the flows to and from the DPRK, the second sums the peers of
// those flows only, parsing in full only the rows of their groups. Exact
// peer medians need every peer of a group, and a DPRK row may come after
// its peers, so a single pass would have to keep every group of the file;
// two passes keep memory growing with the number of DPRK flows and of their
// peers, not with the size of the file. No row is kept; the strings that
// repeat on every row (countries, codes, units) are kept once, and the
// records are split on a second goroutine while the rows are parsed.
// [Options.Progress] reports the rows read, for a progress meter;
// BenchmarkAnalyze measures time and memory on a generated Comtrade file of
// any size (LUXSCREEN_TRADE_ROWS). Package report renders a [Report]
// as a table, as CSV, or as one self-contained HTML page with SVG charts of
// value and unit value by period.
package trade
