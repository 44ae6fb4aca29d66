package iso

import (
	"errors"
	"fmt"
	"strings"
)

// ErrIMO is the error IMO wraps for every number it refuses, so that
// callers can tell an invalid IMO number from other failures with
// errors.Is.
var ErrIMO = errors.New("invalid IMO number")

// IMO checks that num is an IMO ship identification number: seven digits,
// optionally written after "IMO" ("IMO 9321483", "IMO9321483"), whose last
// digit is the check digit: the first six digits weighted 7, 6, 5, 4, 3, 2
// sum to a number whose last digit is the seventh (IMO resolution
// A.1078(28)). It returns nil for a valid number and otherwise an error
// wrapping [ErrIMO] that says what is wrong.
//
// IMO numbers of companies and registered owners use another check (see
// [CompanyIMO]) and mostly fail here.
func IMO(num string) error {
	d, err := imoDigits(num)
	if err != nil {
		return err
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(d[i]-'0') * (7 - i)
	}
	return checkDigit(num, d, byte('0'+sum%10))
}

// CompanyIMO checks that num is an IMO unique company and registered-owner
// identification number, written like a ship's (see [IMO]): the first six
// digits weighted 8, 6, 4, 2, 9, 7 give the check digit
// (11 − sum mod 11) mod 10 (MSC.1/Circ.1155). It returns nil for a valid
// number and otherwise an error wrapping [ErrIMO].
func CompanyIMO(num string) error {
	d, err := imoDigits(num)
	if err != nil {
		return err
	}
	w := [6]int{8, 6, 4, 2, 9, 7}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(d[i]-'0') * w[i]
	}
	return checkDigit(num, d, byte('0'+(11-sum%11)%10))
}

// imoDigits returns the seven digits of num, after an optional "IMO".
func imoDigits(num string) (string, error) {
	d := strings.TrimSpace(num)
	if len(d) >= 3 && strings.EqualFold(d[:3], "IMO") {
		d = strings.TrimSpace(d[3:])
	}
	if len(d) != 7 || !isDigits(d) {
		return "", fmt.Errorf("%w: %q is not seven digits", ErrIMO, num)
	}
	return d, nil
}

func checkDigit(num, d string, want byte) error {
	if d[6] != want {
		return fmt.Errorf("%w: %q has check digit %c, want %c", ErrIMO, num, d[6], want)
	}
	return nil
}

// isDigits reports whether s is made of the digits 0 to 9 only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
