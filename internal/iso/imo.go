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
// IMO numbers of companies and registered owners use another check
// (MSC.1/Circ.1155) and fail here.
func IMO(num string) error {
	d := strings.TrimSpace(num)
	if len(d) >= 3 && strings.EqualFold(d[:3], "IMO") {
		d = strings.TrimSpace(d[3:])
	}
	if len(d) != 7 || !isDigits(d) {
		return fmt.Errorf("%w: %q is not seven digits", ErrIMO, num)
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(d[i]-'0') * (7 - i)
	}
	if want := byte('0' + sum%10); d[6] != want {
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
