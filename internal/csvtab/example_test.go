package csvtab_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/internal/csvtab"
)

// Read a small table of goods, reporting each bad row with its place and
// going on with the next.
func Example() {
	in := "ID,Description,Value\n" +
		"w1,wrist watch,1200\n" +
		"w2,pocket watch,\"1,500\"\n" +
		"w3,stopwatch\n" +
		"w4,chronometer,9800\n"
	tb, err := csvtab.New(strings.NewReader(in), "goods.csv", []string{"id", "description", "value"}, []string{"description"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		r, err := tb.Next()
		if err == io.EOF {
			break
		}
		if errors.Is(err, csvtab.ErrFieldCount) {
			fmt.Println(err)
			continue
		}
		if err != nil {
			fmt.Println(err) // the input cannot be read further
			return
		}
		v, err := tb.Number(r, "value")
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s, %.2f\n", tb.Get(r, "id"), tb.Get(r, "description"), *v)
	}
	// Output:
	// w1: wrist watch, 1200.00
	// goods.csv:3:17: value: "1,500" is not a number (write 1234.5, without thousands separators)
	// goods.csv:4: wrong number of fields: 2, the header has 3
	// w4: chronometer, 9800.00
}
