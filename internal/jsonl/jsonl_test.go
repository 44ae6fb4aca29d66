package jsonl

import (
	"bufio"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEach(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		max      int
		want     []string
		wantLine int // of a ReadError, 0 for none
	}{
		{"blank lines skipped", "\n {\"a\":1} \n\n{\"b\":2}\n", 100, []string{"2:{\"a\":1}", "4:{\"b\":2}"}, 0},
		{"no final newline", "{}", 100, []string{"1:{}"}, 0},
		{"line too long", "{}\n" + strings.Repeat("x", 200) + "\n", 64, []string{"1:{}"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := Each(strings.NewReader(tt.in), tt.max, func(line int, b []byte) error {
				got = append(got, strings.Join([]string{string(rune('0' + line)), string(b)}, ":"))
				return nil
			})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
			var re *ReadError
			switch {
			case tt.wantLine == 0 && err != nil:
				t.Errorf("error %v", err)
			case tt.wantLine > 0 && (!errors.As(err, &re) || re.Line != tt.wantLine || !errors.Is(err, bufio.ErrTooLong)):
				t.Errorf("error %v, want a ReadError at line %d wrapping bufio.ErrTooLong", err, tt.wantLine)
			}
		})
	}
	stop := errors.New("stop")
	if err := Each(strings.NewReader("1\n2\n"), 10, func(int, []byte) error { return stop }); err != stop {
		t.Errorf("error %v, want fn's error as it is", err)
	}
}
