// Package desk is the compliance desk: it keeps every decision and
// screening in a store, opens a review case on every one a person must
// settle, remembers the false positives reviewers release so that the same
// innocent party is not raised again against the same listed record, and
// screens the parties of recent decisions again when the lists change.
//
// A Desk wraps a luxscreen.System it opens itself, so that every screening
// the system makes, for a shipment or alone, is settled against the
// releases: a hit released for a party is left out of the result (and of
// the verdict) and kept in party.Result.Released with who released it,
// when and why. A release holds only while the party's details and the
// listed record are those it was made on; when either changes the release
// is revoked and its case reopened.
package desk
