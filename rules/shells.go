package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// ShellIndicator is one mark of a shell or free-zone company, with the
// reason it matters and where it was documented.
type ShellIndicator struct {
	ID        string   `json:"id"`
	Match     string   `json:"match"` // address, name or country
	Patterns  []string `json:"patterns,omitempty"`
	Countries []string `json:"countries,omitempty"`
	Reason    string   `json:"reason"`
	Source    string   `json:"source"`
	folded    [][]string
}

// ShellIndicators is the set of marks the shell condition tests.
type ShellIndicators struct {
	list []*ShellIndicator
}

// ParseShellIndicators reads a shell indicators file (see
// data/shells.yaml); name is used in errors.
func ParseShellIndicators(name string, data []byte) (*ShellIndicators, error) {
	f := &yfile{name: name}
	root := f.root(data)
	top := f.fields(root, "", "indicators")
	s := &ShellIndicators{}
	for i, n := range f.seq(top["indicators"], "indicators") {
		at := fmt.Sprintf("indicators[%d]", i)
		m := f.fields(n, at, "id", "match", "patterns", "countries", "reason", "source")
		ind := &ShellIndicator{
			ID:        f.str(m["id"], at+".id", true),
			Match:     f.str(m["match"], at+".match", true),
			Patterns:  f.strs(m["patterns"], at+".patterns"),
			Countries: f.strs(m["countries"], at+".countries"),
			Reason:    f.str(m["reason"], at+".reason", true),
			Source:    f.str(m["source"], at+".source", true),
		}
		switch ind.Match {
		case "address", "name":
			if len(ind.Patterns) == 0 {
				f.fail(n, at+".patterns", ErrMissing, "a %s indicator needs patterns", ind.Match)
			}
		case "country":
			if len(ind.Countries) == 0 {
				f.fail(n, at+".countries", ErrMissing, "a country indicator needs countries")
			}
		case "": // reported as missing
		default:
			f.fail(m["match"], at+".match", ErrInvalid, "%q: want address, name or country", ind.Match)
		}
		for _, p := range ind.Patterns {
			ind.folded = append(ind.folded, words(p))
		}
		s.list = append(s.list, ind)
	}
	if f.err != nil {
		return nil, f.err
	}
	return s, nil
}

// words folds text to lower-case words of letters and digits, the form
// patterns are matched in.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// containsWords reports whether needle occurs as consecutive words of hay.
func containsWords(hay, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// Of returns the indicators a party shows.
func (s *ShellIndicators) Of(p Party) []*ShellIndicator {
	var out []*ShellIndicator
	var name, addr []string
	for _, ind := range s.list {
		hit := false
		switch ind.Match {
		case "country":
			hit = p.Country != "" && slices.Contains(ind.Countries, p.Country)
		case "name":
			if name == nil {
				name = words(p.Name)
			}
			for _, f := range ind.folded {
				hit = hit || containsWords(name, f)
			}
		case "address":
			if addr == nil {
				addr = words(p.Address)
			}
			for _, f := range ind.folded {
				hit = hit || containsWords(addr, f)
			}
		}
		if hit {
			out = append(out, ind)
		}
	}
	return out
}
