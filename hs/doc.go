// Package hs parses and validates Harmonized System (HS) commodity codes and
// loads the nomenclatures and correlation tables that give them meaning.
//
// A [Code] is a 2- to 10-digit commodity code: a chapter (2 digits), a
// heading (4), an HS subheading (6), or a national tariff line that extends
// the HS6 prefix (8-digit EU CN or Chinese codes, 10-digit US HTS, Korean
// HSK or EU TARIC codes). [Parse] accepts the separators found on real
// documents ("8703.24.10 90", "8703 24", "8703-24") and rejects inputs a
// spreadsheet has damaged, such as a 7-digit code that lost its leading zero,
// with a [*ParseError] that says why.
//
// The HS is revised every five years. An [Edition] names one revision
// (HS2012, HS2017, HS2022) or a national nomenclature built on one (CN2026 is
// the EU Combined Nomenclature of 2026, which extends HS2022). A
// [Nomenclature] answers whether a code exists in an edition and what it is
// called; [ReadComtradeJSON], [ReadHSCSV] and [ReadCN] load the files
// published by UN Comtrade, the datasets/harmonized-system project and the
// European Commission. A [Correlation] maps codes between editions using the
// UN Statistics Division tables and reports where a code was split or merged.
//
// The package embeds one nomenclature, [EmbeddedHS2022]: the HS 2022
// chapters, headings and subheadings with the self-explanatory texts of
// the UN Comtrade classification file (see the NOTICE file). The WCO holds
// copyright in the legal HS text, so every other nomenclature (another
// edition, a national tariff) is loaded at run time with [Open].
package hs
