package classify

import (
	"context"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/lists"
)

// TestEmbargoNotAGoodsControl checks that an embargo, which covers every
// good whatever its description, is not judged as a control of the
// goods: a description of cotton shirts is not "controlled" by it.
func TestEmbargoNotAGoodsControl(t *testing.T) {
	var ls []*lists.List
	for _, name := range []string{"../lists/testdata/valid.yaml", "../lists/testdata/embargo.yaml"} {
		l, err := lists.ParseFile(name, testenv.ReadFile(t, name))
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	cat, err := lists.New(ls...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		opts  []Option
		wantN int
	}{
		{"default kinds", nil, 0},
		{"embargo asked for", []Option{WithKinds(lists.Embargo)}, 1},
	} {
		c, err := New(cat, tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.Classify(context.Background(), Item{Description: "men's cotton shirts", DeclaredCode: "6205.20"})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ctl := range r.Controls {
			if ctl.Kind == lists.Embargo {
				n++
			}
		}
		if n != tt.wantN {
			t.Errorf("%s: %d embargo controls, want %d", tt.name, n, tt.wantN)
		}
	}
}
