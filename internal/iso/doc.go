// Package iso validates the codes that shipments and requests name:
// ISO 3166-1 alpha-2 country codes, ISO 4217 currency codes and IMO ship
// identification numbers.
//
// A code of the right shape is not yet a code: "KO", "QQ" and "XX" are two
// upper-case letters but name no country, and "XYZ" names no currency.
// Callers that must fail closed use these functions to tell an assigned
// code from a well-formed one. The country and currency tables are those
// of golang.org/x/text (CLDR), which is maintained with the standards, so
// that a new or withdrawn code is a dependency update, not an edit here.
package iso
