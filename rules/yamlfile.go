package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Errors a [*LoadError] may wrap, besides [ErrUnknownField], [ErrMissing]
// and [ErrInvalid].
var (
	// ErrYAML is a file that is not well-formed YAML.
	ErrYAML = fmt.Errorf("YAML syntax")
	// ErrUnknownCondition is a condition name the engine does not know.
	ErrUnknownCondition = fmt.Errorf("unknown condition")
)

// LoadError reports a problem in a rules, ports, jurisdictions or shell
// indicators file with its place.
type LoadError struct {
	File  string // the file name
	Line  int    // 1-based line, or 0 when not known
	Field string // the field path, e.g. "rules[3].when.all[1]"
	Err   error
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString("rules: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

// yfile reads authored YAML by walking its nodes, so that every error names
// the line and field and every unknown key is an error.
type yfile struct {
	name string
	err  error
	// specs interns line tests by their key.
	specs map[string]*lineSpec
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// root parses data and returns its top-level mapping.
func (f *yfile) root(data []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		f.err = &LoadError{File: f.name, Line: line, Err: fmt.Errorf("%w: %v", ErrYAML, err)}
		return nil
	}
	if len(doc.Content) == 0 {
		f.err = &LoadError{File: f.name, Err: fmt.Errorf("%w: empty file", ErrMissing)}
		return nil
	}
	n := doc.Content[0]
	if n.Kind != yaml.MappingNode {
		f.fail(n, "", ErrInvalid, "want a mapping at the top level")
		return nil
	}
	return n
}

func (f *yfile) fail(n *yaml.Node, field string, kind error, format string, args ...any) {
	if f.err != nil {
		return
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	f.err = &LoadError{File: f.name, Line: line, Field: field, Err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)}
}

// fields returns the keys of mapping n, failing on a key not in allowed
// and on a key given twice.
func (f *yfile) fields(n *yaml.Node, at string, allowed ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		f.fail(n, at, ErrInvalid, "want a mapping with keys %s", strings.Join(allowed, ", "))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(allowed, k.Value) {
			f.fail(k, join(at, k.Value), ErrUnknownField, "%q is not allowed here; want one of %s", k.Value, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[k.Value]; dup {
			f.fail(k, join(at, k.Value), ErrInvalid, "%q is given twice", k.Value)
			continue
		}
		out[k.Value] = v
	}
	return out
}

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

func (f *yfile) str(n *yaml.Node, at string, required bool) string {
	if n == nil {
		if required {
			f.fail(nil, at, ErrMissing, "required")
		}
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		f.fail(n, at, ErrInvalid, "want a string")
		return ""
	}
	v := strings.TrimSpace(n.Value)
	if v == "" && required {
		f.fail(n, at, ErrMissing, "required")
	}
	return v
}

func (f *yfile) strs(n *yaml.Node, at string) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{strings.TrimSpace(n.Value)}
	}
	if n.Kind != yaml.SequenceNode {
		f.fail(n, at, ErrInvalid, "want a list of strings")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		out = append(out, f.str(c, fmt.Sprintf("%s[%d]", at, i), true))
	}
	return out
}

func (f *yfile) boolean(n *yaml.Node, at string) bool {
	if n == nil {
		return false
	}
	b, err := strconv.ParseBool(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		f.fail(n, at, ErrInvalid, "want true or false")
	}
	return b
}

func (f *yfile) number(n *yaml.Node, at string) float64 {
	if n == nil {
		return 0
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		f.fail(n, at, ErrInvalid, "want a number not below zero")
	}
	return v
}

func (f *yfile) date(n *yaml.Node, at string) time.Time {
	v := f.str(n, at, false)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, v)
	if err != nil {
		f.fail(n, at, ErrInvalid, "%q is not YYYY-MM-DD", v)
	}
	return t
}

func (f *yfile) seq(n *yaml.Node, at string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.fail(n, at, ErrInvalid, "want a list")
		return nil
	}
	return n.Content
}
