package datafile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

type testDoc struct {
	ID      string            `yaml:"id"`
	Amount  float64           `yaml:"amount"`
	Count   int               `yaml:"count"`
	On      bool              `yaml:"on"`
	Words   []string          `yaml:"words"`
	Inner   *testInner        `yaml:"inner"`
	Items   []testInner       `yaml:"items"`
	Keys    map[string]string `yaml:"keys"`
	Raw     yaml.Node         `yaml:"raw"`
	private int
}

type testInner struct {
	Code string `yaml:"code"`
	Note string `yaml:"note,omitempty"`
}

// problem is an Error flattened for comparison, with its sentinel.
type problem struct {
	Place string
	Kind  error
}

func flatten(err error) []problem {
	var out []problem
	for _, e := range Problems(err) {
		var kind error
		for _, k := range []error{ErrSyntax, ErrUnknownField, ErrDuplicate, ErrMissing, ErrInvalid} {
			if errors.Is(e, k) {
				kind = k
			}
		}
		e2 := *e
		e2.Err = nil
		out = append(out, problem{Place: e2.Error(), Kind: kind})
	}
	return out
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want testDoc
		errs []problem
	}{
		{
			name: "good",
			in:   "id: a\namount: 2.5\ncount: 3\non: true\nwords: [x, y]\ninner: {code: '9101'}\nitems:\n  - code: '01'\n    note: n\nkeys: {a: b}\n",
			want: testDoc{ID: "a", Amount: 2.5, Count: 3, On: true, Words: []string{"x", "y"}, Inner: &testInner{Code: "9101"}, Items: []testInner{{Code: "01", Note: "n"}}, Keys: map[string]string{"a": "b"}},
		},
		{
			name: "unknown field at depth",
			in:   "id: a\nitems:\n  - code: '01'\n    cod: x\n",
			want: testDoc{ID: "a", Items: []testInner{{Code: "01"}}},
			errs: []problem{{"f.yaml:4:5: items[0].cod", ErrUnknownField}},
		},
		{
			name: "duplicate key",
			in:   "id: a\nid: b\n",
			want: testDoc{ID: "a"},
			errs: []problem{{"f.yaml:2:1: id", ErrDuplicate}},
		},
		{
			name: "duplicate map key",
			in:   "keys:\n  a: b\n  a: c\n",
			want: testDoc{Keys: map[string]string{"a": "b"}},
			errs: []problem{{"f.yaml:3:3: keys.a", ErrDuplicate}},
		},
		{
			name: "every problem, each in place",
			in:   "amount: lots\ncount: 1.5\non: maybe\nwords: {a: b}\nextra: 1\n",
			errs: []problem{
				{"f.yaml:1:9: amount", ErrInvalid},
				{"f.yaml:2:8: count", ErrInvalid},
				{"f.yaml:3:5: on", ErrInvalid},
				{"f.yaml:4:8: words", ErrInvalid},
				{"f.yaml:5:1: extra", ErrUnknownField},
			},
		},
		{
			name: "syntax",
			in:   "id: a\n  b: [\n",
			errs: []problem{{"f.yaml:2", ErrSyntax}},
		},
		{
			name: "empty",
			in:   "# nothing\n",
			errs: []problem{{"f.yaml", ErrMissing}},
		},
		{
			name: "aliases resolve",
			in:   "inner: &x {code: '01'}\nitems: [*x]\n",
			want: testDoc{Inner: &testInner{Code: "01"}, Items: []testInner{{Code: "01"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got testDoc
			_, err := Decode("f.yaml", []byte(tt.in), &got)
			if diff := cmp.Diff(tt.errs, flatten(err), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
			got.Raw = yaml.Node{}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(testDoc{})); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeKeepsNode(t *testing.T) {
	var got testDoc
	if _, err := Decode("f.yaml", []byte("raw: {any: [shape]}\n"), &got); err != nil {
		t.Fatal(err)
	}
	if got.Raw.Kind != yaml.MappingNode || got.Raw.Line != 1 {
		t.Errorf("raw = kind %v line %d, want the mapping on line 1", got.Raw.Kind, got.Raw.Line)
	}
}

func TestErrorMessage(t *testing.T) {
	var got testDoc
	_, err := Decode("lists/data/x.yaml", []byte("items:\n  - code: '01'\n    price: 3\n"), &got)
	want := `lists/data/x.yaml:3:5: items[0].price: unknown field: "price" is not allowed here; want one of code, note`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	var de *Error
	if !errors.As(err, &de) || de.Line != 3 || de.Column != 5 {
		t.Errorf("errors.As = %+v, want an *Error at 3:5", de)
	}
}

func TestFileHelpers(t *testing.T) {
	f := NewFile("r.yaml")
	root := f.Mapping([]byte("name: x\nwhen: 2020-13-01\nn: -1\nflag: yes please\nlist: a\nseq: b\nname: y\n"))
	m := f.Fields(root, "", "name", "when", "n", "flag", "list", "seq")
	got := struct {
		Name  string
		Date  time.Time
		N     float64
		Flag  bool
		List  []string
		Seq   int
		Extra string
	}{
		Name:  f.Str(m["name"], "name", true),
		Date:  f.Date(m["when"], "when"),
		N:     f.Number(m["n"], "n"),
		Flag:  f.Bool(m["flag"], "flag"),
		List:  f.Strs(m["list"], "list"),
		Seq:   len(f.Seq(m["seq"], "seq")),
		Extra: f.Str(m["missing"], "missing", true),
	}
	want := []problem{
		{"r.yaml:1:1: missing", ErrMissing}, // placed at the mapping it is absent from
		{"r.yaml:2:7: when", ErrInvalid},
		{"r.yaml:3:4: n", ErrInvalid},
		{"r.yaml:4:7: flag", ErrInvalid},
		{"r.yaml:6:6: seq", ErrInvalid},
		{"r.yaml:7:1: name", ErrDuplicate},
	}
	if diff := cmp.Diff(want, flatten(f.Err()), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if got.Name != "x" || !got.Date.IsZero() || !cmp.Equal(got.List, []string{"a"}) || got.Seq != 0 {
		t.Errorf("values = %+v, want name x, zero date, list [a], no seq", got)
	}
}

func TestAtAndPath(t *testing.T) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte("entries:\n  - id: a\n  - id: b\n    codes:\n      - code: '01'\n"), &root); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path []any
		line int
		want string
	}{
		{[]any{"entries", 1, "codes", 0, "code"}, 5, "entries[1].codes[0].code"},
		{[]any{"entries", 1, "threshold", "amount"}, 3, "entries[1].threshold.amount"},
		{[]any{"entries", 7}, 2, "entries[7]"},
	}
	for _, tt := range tests {
		n := At(root.Content[0], tt.path...)
		if n.Line != tt.line || Path(tt.path...) != tt.want {
			t.Errorf("At/Path(%v) = line %d %q, want line %d %q", tt.path, n.Line, Path(tt.path...), tt.line, tt.want)
		}
	}
}

func TestProblems(t *testing.T) {
	a := &Error{File: "a", Err: ErrInvalid}
	b := &Error{File: "b", Err: ErrMissing}
	plain := errors.New("plain")
	tests := []struct {
		name string
		err  error
		want []*Error
	}{
		{"nil", nil, nil},
		{"one", a, []*Error{a}},
		{"joined", errors.Join(a, errors.Join(b)), []*Error{a, b}},
		{"plain", plain, []*Error{{Err: plain}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Problems(tt.err), cmp.Comparer(func(x, y error) bool { return x.Error() == y.Error() })); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{
		"data/a.yaml": {Data: []byte("base a")},
		"data/b.yaml": {Data: []byte("base b")},
		"top.yaml":    {Data: []byte("base top")},
	}
	over := fstest.MapFS{
		"data/b.yaml": {Data: []byte("over b")},
		"data/c.yaml": {Data: []byte("over c")},
	}
	o := Overlay(base, over)
	if err := fstest.TestFS(o, "data/a.yaml", "data/b.yaml", "data/c.yaml", "top.yaml"); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	names, err := fsGlob(o, "data/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		got[n] = read(t, o, n)
	}
	want := map[string]string{"data/a.yaml": "base a", "data/b.yaml": "over b", "data/c.yaml": "over c"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("overlay (-want +got):\n%s", diff)
	}
}

func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "screen", "names"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "screen", "names", "lexicon.yaml"), []byte("over"), 0o644); err != nil {
		t.Fatal(err)
	}
	embedded := fstest.MapFS{"lexicon.yaml": {Data: []byte("base")}, "other.yaml": {Data: []byte("base other")}}
	d := Dir(dir)
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	fsys := d.FS("screen/names", embedded)
	tests := []struct {
		name, data, source string
	}{
		{"lexicon.yaml", "over", filepath.Join(dir, "screen", "names", "lexicon.yaml")},
		{"other.yaml", "base other", "screen/names/other.yaml"},
	}
	for _, tt := range tests {
		if got := read(t, fsys, tt.name); got != tt.data {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.data)
		}
		if got := Source(fsys, tt.name); got != tt.source {
			t.Errorf("Source(%s) = %q, want %q", tt.name, got, tt.source)
		}
	}
	// A subdirectory of the overlay still names its files by their place,
	// also when laid over another package's embedded files.
	sub, err := fs.Sub(d.FS("screen", fstest.MapFS{}), "names")
	if err != nil {
		t.Fatal(err)
	}
	nested := Overlay(embedded, sub)
	for name, want := range map[string]string{"lexicon.yaml": filepath.Join(dir, "screen", "names", "lexicon.yaml"), "other.yaml": "other.yaml"} {
		if got := Source(nested, name); got != want {
			t.Errorf("nested Source(%s) = %q, want %q", name, got, want)
		}
	}
	if got := read(t, nested, "lexicon.yaml"); got != "over" {
		t.Errorf("nested lexicon.yaml = %q, want the directory's", got)
	}
	// A package with no directory under Dir reads its embedded files.
	if got := read(t, d.FS("lists", embedded), "lexicon.yaml"); got != "base" {
		t.Errorf("absent package directory: got %q, want the embedded file", got)
	}
	if got := Dir("").FS("lists", embedded); got == nil {
		t.Error("empty Dir: want the embedded FS")
	}
	if err := Dir(filepath.Join(dir, "nope")).Check(); err == nil {
		t.Error("Check of a missing directory: want an error")
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"data/a.yaml": {Data: []byte("x: 1\n")}}
	parse := func(source string, data []byte) (string, error) { return source + " " + string(data), nil }
	tests := []struct {
		name, file, what string
		want             string
		wantErr          string // the error's text; empty for none
	}{
		{name: "parsed with its source", file: "data/a.yaml", what: "pkg", want: "data/a.yaml x: 1\n"},
		{name: "read error prefixed", file: "data/b.yaml", what: "pkg", wantErr: "pkg: open data/b.yaml: file does not exist"},
		{name: "read error as it is", file: "data/b.yaml", wantErr: "open data/b.yaml: file does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Load(fsys, tt.file, tt.what, parse)
			var gotErr string
			if err != nil {
				gotErr = err.Error()
				if !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("error %v does not wrap fs.ErrNotExist", err)
				}
			}
			if diff := cmp.Diff(tt.wantErr, gotErr); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
		})
	}
}
