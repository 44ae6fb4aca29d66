package rules

import (
	"errors"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/internal/datafile"
)

// LoadError reports a problem in a rules, ports, jurisdictions or shell
// indicators file with its place: file, line, column and field path. It is
// the one error type of every data file.
type LoadError = datafile.Error

// Errors a [*LoadError] may wrap, besides [ErrUnknownField], [ErrMissing]
// and [ErrInvalid].
var (
	// ErrYAML is a file that is not well-formed YAML.
	ErrYAML = datafile.ErrSyntax
	// ErrUnknownCondition is a condition name the engine does not know.
	ErrUnknownCondition = errors.New("unknown condition")
)

// yfile reads authored YAML by walking its nodes (a condition's shape
// depends on its key), so that every error names the line, column and
// field and every unknown key is an error. It records every problem; err
// holds them as [datafile.File.Err] returns them.
type yfile struct {
	name string
	df   *datafile.File
	err  error
	// specs interns line tests by their key.
	specs map[string]*lineSpec
}

func (f *yfile) file() *datafile.File {
	if f.df == nil {
		f.df = datafile.NewFile(f.name)
	}
	return f.df
}

// sync refreshes err after a read that may have recorded a problem.
func (f *yfile) sync() { f.err = f.df.Err() }

// root parses data and returns its top-level mapping.
func (f *yfile) root(data []byte) *yaml.Node {
	defer f.sync()
	return f.file().Mapping(data)
}

func (f *yfile) fail(n *yaml.Node, field string, kind error, format string, args ...any) {
	defer f.sync()
	f.file().Fail(n, field, kind, format, args...)
}

// fields returns the keys of mapping n, failing on a key not in allowed
// and on a key given twice.
func (f *yfile) fields(n *yaml.Node, at string, allowed ...string) map[string]*yaml.Node {
	defer f.sync()
	return f.file().Fields(n, at, allowed...)
}

func join(at, key string) string { return datafile.Join(at, key) }

func (f *yfile) str(n *yaml.Node, at string, required bool) string {
	defer f.sync()
	return f.file().Str(n, at, required)
}

func (f *yfile) strs(n *yaml.Node, at string) []string {
	defer f.sync()
	return f.file().Strs(n, at)
}

func (f *yfile) boolean(n *yaml.Node, at string) bool {
	defer f.sync()
	return f.file().Bool(n, at)
}

func (f *yfile) number(n *yaml.Node, at string) float64 {
	defer f.sync()
	return f.file().Number(n, at)
}

func (f *yfile) date(n *yaml.Node, at string) time.Time {
	defer f.sync()
	return f.file().Date(n, at)
}

func (f *yfile) seq(n *yaml.Node, at string) []*yaml.Node {
	defer f.sync()
	return f.file().Seq(n, at)
}
