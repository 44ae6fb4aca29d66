package datafile

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// maxProblems bounds the problems one file reports: past it, the file is
// more likely the wrong file than a file with that many slips.
const maxProblems = 100

// DateLayout is the only date form data files use, so that 03/04/2017 can
// never be read two ways.
const DateLayout = "2006-01-02"

// File collects the problems of one data file as it is read. Its methods
// read YAML nodes; each records a problem at the node's place and returns
// the zero value when the node does not hold what is wanted, so that a
// loader reads on and reports every problem, not only the first.
type File struct {
	// Name is the file's path, used in every error.
	Name  string
	errs  []error
	nodes int // nodes decoded, bounded by maxNodes
	// parent is the mapping Fields or Pairs read last: the place of a
	// problem with an absent field of it.
	parent *yaml.Node
}

// NewFile returns a File for the named file.
func NewFile(name string) *File { return &File{Name: name} }

// Err returns nil when the file has no problem, the [*Error] when it has
// one, and the problems joined with [errors.Join] in file order when it
// has several (those without a line last).
func (f *File) Err() error {
	switch len(f.errs) {
	case 0:
		return nil
	case 1:
		return f.errs[0]
	}
	errs := slices.Clone(f.errs)
	slices.SortStableFunc(errs, func(a, b error) int {
		x, y := a.(*Error), b.(*Error)
		if (x.Line == 0) != (y.Line == 0) {
			return cmp.Compare(y.Line, x.Line) // 0 sorts last
		}
		return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column))
	})
	return errors.Join(errs...)
}

// Failed reports whether a problem has been recorded.
func (f *File) Failed() bool { return len(f.errs) > 0 }

// Fail records a problem at node n and field path at. A nil n is an absent
// field, placed at the mapping read last by [File.Fields] or [File.Pairs],
// which is the mapping it is absent from when a loader reads a mapping's
// fields right after the mapping. The message wraps kind. A field has one problem, the
// first found: a value of the wrong type is not reported again as missing.
func (f *File) Fail(n *yaml.Node, at string, kind error, format string, args ...any) {
	if len(f.errs) >= maxProblems {
		return
	}
	if at != "" {
		for _, e := range f.errs {
			if e.(*Error).Field == at {
				return
			}
		}
	}
	line, col := 0, 0
	if n == nil {
		n = f.parent
	}
	if n != nil {
		line, col = n.Line, n.Column
	}
	f.errs = append(f.errs, Errorf(f.Name, line, col, at, kind, format, args...))
}

var syntaxLineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// Root parses data and returns its top-level node, or nil after recording
// the problem when data is not YAML or is empty.
func (f *File) Root(data []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg, line := err.Error(), 0
		if m := syntaxLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		f.errs = append(f.errs, &Error{File: f.Name, Line: line, Err: fmt.Errorf("%w: %s", ErrSyntax, strings.TrimPrefix(msg, "yaml: "))})
		return nil
	}
	if len(doc.Content) == 0 {
		f.Fail(nil, "", ErrMissing, "empty file")
		return nil
	}
	return resolve(doc.Content[0])
}

// Mapping returns the top-level mapping of data, or nil after recording
// the problem.
func (f *File) Mapping(data []byte) *yaml.Node {
	n := f.Root(data)
	if n != nil && n.Kind != yaml.MappingNode {
		f.Fail(n, "", ErrInvalid, "want a mapping at the top level")
		return nil
	}
	return n
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// Join appends key to the field path at.
func Join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// Index appends a sequence index to the field path at.
func Index(at string, i int) string { return at + "[" + strconv.Itoa(i) + "]" }

// Fields returns the values of mapping n by key, recording a key not in
// allowed as [ErrUnknownField] and a key given twice as [ErrDuplicate]. A
// nil n is an absent mapping and yields an empty map.
func (f *File) Fields(n *yaml.Node, at string, allowed ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	n = resolve(n)
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		f.Fail(n, at, ErrInvalid, "want a mapping with keys %s", strings.Join(allowed, ", "))
		return out
	}
	f.parent = n
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if prev, dup := seen[k.Value]; dup {
			f.Fail(k, Join(at, k.Value), ErrDuplicate, "%q is given twice (first on line %d)", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(allowed, k.Value) {
			f.Fail(k, Join(at, k.Value), ErrUnknownField, "%q is not allowed here; want one of %s", k.Value, strings.Join(allowed, ", "))
			continue
		}
		out[k.Value] = v
	}
	return out
}

// Pairs returns the keys and values of mapping n in order, recording a key
// given twice as [ErrDuplicate].
func (f *File) Pairs(n *yaml.Node, at string) (keys, values []*yaml.Node) {
	n = resolve(n)
	if n == nil {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		f.Fail(n, at, ErrInvalid, "want a mapping")
		return nil, nil
	}
	f.parent = n
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if prev, dup := seen[k.Value]; dup {
			f.Fail(k, Join(at, k.Value), ErrDuplicate, "%q is given twice (first on line %d)", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		keys = append(keys, k)
		values = append(values, resolve(n.Content[i+1]))
	}
	return keys, values
}

// Str returns the trimmed text of scalar n. An absent or empty value is
// recorded as [ErrMissing] when required.
func (f *File) Str(n *yaml.Node, at string, required bool) string {
	n = resolve(n)
	if n == nil {
		if required {
			f.Fail(nil, at, ErrMissing, "")
		}
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		f.Fail(n, at, ErrInvalid, "want a string")
		return ""
	}
	v := strings.TrimSpace(n.Value)
	if v == "" && required {
		f.Fail(n, at, ErrMissing, "")
	}
	return v
}

// Strs returns a list of strings; a single scalar is a list of one.
func (f *File) Strs(n *yaml.Node, at string) []string {
	n = resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{strings.TrimSpace(n.Value)}
	}
	if n.Kind != yaml.SequenceNode {
		f.Fail(n, at, ErrInvalid, "want a list of strings")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		out = append(out, f.Str(c, Index(at, i), true))
	}
	return out
}

// Bool returns the value of a true/false scalar; absent is false.
func (f *File) Bool(n *yaml.Node, at string) bool {
	n = resolve(n)
	if n == nil {
		return false
	}
	b, err := strconv.ParseBool(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		f.Fail(n, at, ErrInvalid, "want true or false")
	}
	return b
}

// Number returns the value of a numeric scalar not below zero; absent is
// zero.
func (f *File) Number(n *yaml.Node, at string) float64 {
	n = resolve(n)
	if n == nil {
		return 0
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		f.Fail(n, at, ErrInvalid, "want a number not below zero")
	}
	return v
}

// Date returns the value of a YYYY-MM-DD scalar; absent is the zero time.
func (f *File) Date(n *yaml.Node, at string) time.Time {
	v := f.Str(n, at, false)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(DateLayout, v)
	if err != nil {
		f.Fail(n, at, ErrInvalid, "%q is not YYYY-MM-DD", v)
	}
	return t
}

// Seq returns the items of sequence n; absent is empty.
func (f *File) Seq(n *yaml.Node, at string) []*yaml.Node {
	n = resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.Fail(n, at, ErrInvalid, "want a list")
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolve(c)
	}
	return out
}

// At returns the node at path p below n, given as mapping keys (strings)
// and sequence indexes (ints), or the deepest node on the way when the
// path leaves the tree, so that a problem with an absent field points at
// its parent.
func At(n *yaml.Node, p ...any) *yaml.Node {
	n = resolve(n)
	for _, step := range p {
		if n == nil {
			return nil
		}
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == s {
						next = resolve(n.Content[i+1])
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s >= 0 && s < len(n.Content) {
				next = resolve(n.Content[s])
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// Path formats a path of keys and indexes as At takes it:
// Path("entries", 2, "codes", 0) is "entries[2].codes[0]".
func Path(p ...any) string {
	var at string
	for _, step := range p {
		switch s := step.(type) {
		case string:
			at = Join(at, s)
		case int:
			at = Index(at, s)
		}
	}
	return at
}

// FailAt records a problem at the path p below root (see [At]).
func (f *File) FailAt(root *yaml.Node, kind error, msg string, p ...any) {
	if msg == "" {
		f.Fail(At(root, p...), Path(p...), kind, "")
		return
	}
	f.Fail(At(root, p...), Path(p...), kind, "%s", msg)
}
