package screen

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/party"
)

// ErrNameTooLong reports a name, or another field of a party, longer than
// any real party's: MaxNameRunes for a name, MaxFieldRunes for a country,
// birth date or identifier. It is returned wrapped, naming the field and
// its length. Such input is refused rather than screened, because the
// cost of analysing a name grows with its length and no real name is
// that long: it is a mistake (a whole document pasted into a name field)
// or an attack on the service.
var ErrNameTooLong = errors.New("longer than any real party name")

// MaxNameRunes is the most characters a name may have. The longest names
// on the official lists are 324 characters on the UN consolidated list
// (an entry that writes its aliases into one name) and 158 on the OFAC
// SDN list; the limit is three times the longest, so that no real name,
// in any script, reaches it.
const MaxNameRunes = 1000

// MaxFieldRunes is the most characters a party's country, birth date or
// identifier may have. The longest real values (a country's full name, a
// registration number with its issuing authority) are well under a
// hundred characters.
const MaxFieldRunes = 200

// CheckLength returns nil when value has at most limit characters, and
// otherwise an error naming field that wraps ErrNameTooLong.
func CheckLength(field, value string, limit int) error {
	// A string has at least as many bytes as characters: the usual short
	// value is passed without counting.
	if len(value) <= limit {
		return nil
	}
	if n := utf8.RuneCountInString(value); n > limit {
		return fmt.Errorf("%s: %d characters, at most %d allowed: %w", field, n, limit, ErrNameTooLong)
	}
	return nil
}

// CheckEntity returns an error wrapping ErrNameTooLong for the first name
// of e longer than MaxNameRunes, or the first country, birth date or
// identifier longer than MaxFieldRunes. Screen checks every entity so;
// callers that want to report a field by their own name for it (an input
// file's column) check the values themselves with CheckLength.
func CheckEntity(e *party.Entity) error {
	for i, n := range e.Names {
		if err := CheckLength(fieldName("name", i, len(e.Names)), n, MaxNameRunes); err != nil {
			return err
		}
	}
	for i, c := range e.Countries {
		if err := CheckLength(fieldName("country", i, len(e.Countries)), c, MaxFieldRunes); err != nil {
			return err
		}
	}
	for i, d := range e.BirthDates {
		if err := CheckLength(fieldName("birth date", i, len(e.BirthDates)), d, MaxFieldRunes); err != nil {
			return err
		}
	}
	for i, id := range e.Identifiers {
		if err := CheckLength(fieldName("identifier", i, len(e.Identifiers)), id.Value, MaxFieldRunes); err != nil {
			return err
		}
	}
	return nil
}

// fieldName names value i of n of a field: "name", or "name 2" when the
// entity has several.
func fieldName(field string, i, n int) string {
	if n == 1 {
		return field
	}
	return fmt.Sprintf("%s %d", field, i+1)
}
