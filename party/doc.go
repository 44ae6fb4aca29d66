// Package party is the model shared by sanctions screening and shipment
// decisions: the party or vessel to screen as one entity (several names,
// a kind, birth dates, countries, identifiers such as IMO numbers), the
// listed entities it resembles (hits), the structured explanation of each
// hit as named features, and the verdict.
//
// Screening compares an entity with listed entities, not a string with
// strings: a query with two names, a birth date and a country is one
// question, and a hit says which of its names matched which listed name.
//
// Explanations stay structured ([Feature]: the feature's name, its score,
// its weight and a detail) from the scorer to the edge; only the command
// line, the reports and the HTTP service render them as text
// ([Feature.String], [Render]). No code reads a rendered explanation back.
//
// [Decide] is the one verdict function: the screener, the HTTP service's
// yente-compatible /match endpoint and the shipment rules all judge hits
// with it, so that the same hits always give the same verdict.
package party
