package csvtab

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzTable reads arbitrary bytes as a table: no panic, every error is an
// *Error naming the input, a row's fields have places inside the input,
// reading goes on after a bad row, and the table ends.
func FuzzTable(f *testing.F) {
	f.Add([]byte("id,description,value\na,watch,12.5\nb,\"two\nlines\",x\n"))
	f.Add([]byte("\ufeffID , Value\n1,NaN\n2\n3,1e400\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cols := []string{"id", "description", "value"}
		tb, err := New(bytes.NewReader(data), "f.csv", cols, []string{"id"})
		if err != nil {
			var te *Error
			if !errors.As(err, &te) || !strings.HasPrefix(err.Error(), "f.csv") {
				t.Errorf("header error %v is not an *Error naming the input", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for i := 0; ; i++ {
			if i > len(data) {
				t.Fatal("the table does not end")
			}
			r, err := tb.Next()
			if err == io.EOF {
				return
			}
			var te *Error
			if err != nil && (!errors.As(err, &te) || !strings.HasPrefix(err.Error(), "f.csv:")) {
				t.Errorf("error %v is not an *Error naming the input and line", err)
			}
			if err != nil && !errors.Is(err, ErrFieldCount) && !errors.Is(err, ErrQuote) {
				return
			}
			for _, c := range cols {
				if p := tb.At(r, c); p.Line < 1 || p.Line > lines || p.Column < 1 {
					t.Errorf("column %s at %+v, outside the input of %d lines", c, p, lines)
				}
				if _, err := tb.Number(r, c); err != nil && !strings.HasPrefix(err.Error(), "f.csv:") {
					t.Errorf("number error %v does not name the input", err)
				}
			}
		}
	})
}
