package ports

import (
	"fmt"
	"strings"
)

// Function is the set of transport functions of a place, the UNECE
// function classifier of UN/LOCODE (Recommendation 16) as bits.
type Function uint16

// The functions UN/LOCODE records, in the order of the classifier's eight
// positions.
const (
	Port       Function = 1 << iota // 1: port, for any kind of waterborne transport
	Rail                            // 2: rail terminal
	Road                            // 3: road terminal
	Airport                         // 4: airport
	Postal                          // 5: postal exchange office
	Multimodal                      // 6: multimodal functions, inland clearance depot
	Fixed                           // 7: fixed transport functions (pipelines, cables)
	Border                          // B: border crossing
)

// Transport is every function by which goods are carried or handled: all
// but the postal exchange.
const Transport = Port | Rail | Road | Airport | Multimodal | Fixed | Border

// classifier is the character of each position when the function is set.
const classifier = "1234567B"

var functionNames = []string{"port", "rail", "road", "airport", "postal", "multimodal", "fixed", "border"}

// ParseFunction reads the 8-character UNECE classifier ("1234----",
// "--3----B"): position i holds its digit (B in the last) when the place has
// that function, and "-" otherwise. "0" in the first position, "function
// not known", reads as no function.
func ParseFunction(s string) (Function, error) {
	if len(s) != len(classifier) {
		return 0, fmt.Errorf("function %q: want 8 characters", s)
	}
	var f Function
	for i := range len(classifier) {
		switch c := s[i]; {
		case c == classifier[i]:
			f |= 1 << i
		case c == '-' || (i == 0 && c == '0'):
		default:
			return 0, fmt.Errorf("function %q: position %d is %q, want %q or -", s, i+1, c, classifier[i])
		}
	}
	return f, nil
}

// FunctionNamed returns the function of a name as the authored data writes
// it: port, rail, road, airport, postal, multimodal, fixed or border.
func FunctionNamed(name string) (Function, bool) {
	for i, n := range functionNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// String returns the UNECE classifier, for example "1234----".
func (f Function) String() string {
	var b [8]byte
	for i := range len(classifier) {
		b[i] = '-'
		if f&(1<<i) != 0 {
			b[i] = classifier[i]
		}
	}
	return string(b[:])
}

// Names returns the names of the functions, for example "port, rail".
func (f Function) Names() string {
	var out []string
	for i, n := range functionNames {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}
