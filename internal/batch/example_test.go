package batch_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/internal/batch"
)

// Square numbers read one per line on four workers, reporting a bad line
// and going on.
func ExampleRun() {
	sc := bufio.NewScanner(strings.NewReader("1\n2\nthree\n4\n"))
	line := 0
	next := func() (string, error) {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}
		line++
		return sc.Text(), nil
	}
	square := func(_ context.Context, s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, batch.Skip(fmt.Errorf("%q is not a number", s))
		}
		return n * n, nil
	}
	bad := 0
	err := batch.Run(context.Background(), batch.Options{Workers: 4}, next, square,
		func(r batch.Result[string, int]) error {
			if r.Err != nil {
				bad++
				fmt.Printf("record %d: %v\n", r.Index+1, r.Err)
				return nil
			}
			fmt.Println(r.Out)
			return nil
		})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bad, "bad record")
	// Output:
	// 1
	// 4
	// record 3: "three" is not a number
	// 16
	// 1 bad record
}
