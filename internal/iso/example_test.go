package iso_test

import (
	"fmt"

	"github.com/luxscreen/luxscreen/internal/iso"
)

func ExampleCountry() {
	for _, c := range []string{"KP", "DE", "KO", "XX", "EU", "SU"} {
		fmt.Println(c, iso.Country(c))
	}
	// Output:
	// KP true
	// DE true
	// KO false
	// XX false
	// EU false
	// SU false
}

func ExampleCurrency() {
	for _, c := range []string{"EUR", "KPW", "XYZ", "DEM", "XXX"} {
		fmt.Println(c, iso.Currency(c))
	}
	// Output:
	// EUR true
	// KPW true
	// XYZ false
	// DEM false
	// XXX false
}

func ExampleIMO() {
	fmt.Println(iso.IMO("IMO 9321483"))
	fmt.Println(iso.IMO("9321484"))
	// Output:
	// <nil>
	// invalid IMO number: "9321484" has check digit 4, want 3
}
