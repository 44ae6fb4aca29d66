package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Fingerprint returns a short hash of what identifies e as a designated
// party: its kind, names and their kinds, identifiers, programmes,
// designation date, birth dates, nationalities and countries (which the
// screener weighs against a party's country). Two versions of a
// listed record with the same fingerprint designate the same party in the
// same way; a new alias, a new identifier or a re-designation changes it.
// Remarks and street addresses do not: lists reword them without changing
// whom they designate.
func (e *Entity) Fingerprint() string {
	h := sha256.New()
	field := func(tag string, vs []string) {
		vs = slices.Clone(vs)
		slices.Sort(vs)
		h.Write([]byte(tag))
		for _, v := range vs {
			h.Write([]byte{0x1f})
			h.Write([]byte(v))
		}
		h.Write([]byte{0x1e})
	}
	names := make([]string, len(e.Names))
	for i, n := range e.Names {
		names[i] = string(n.Kind) + ":" + strings.Join(strings.Fields(n.Value), " ")
	}
	ids := make([]string, len(e.Identifiers))
	for i, id := range e.Identifiers {
		ids[i] = string(id.Type) + ":" + id.Value
	}
	field("kind", []string{string(e.Kind)})
	field("names", names)
	field("ids", ids)
	field("programs", e.Programs)
	field("listed", []string{e.ListedOn})
	field("dob", e.DatesOfBirth)
	field("nationality", e.Nationalities)
	field("country", e.Countries)
	return hex.EncodeToString(h.Sum(nil)[:12])
}
