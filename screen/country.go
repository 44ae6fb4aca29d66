package screen

import (
	"embed"
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/iso"
	"github.com/luxscreen/luxscreen/screen/names"
)

// files holds the package's authored data. Each screener parses it
// afresh, so no parsed state is shared.
//
//go:embed countries.yaml demo.yaml data/weights.yaml
var files embed.FS

// The package's data files, in [FS] and, below "screen", in a data
// directory laid out like the repository.
const (
	CountriesFile = "countries.yaml"
	DemoFile      = "demo.yaml"
)

// FS returns the package's embedded data files ([CountriesFile],
// [DemoFile], [WeightsFile]), laid out as the package directory. It is
// read-only.
func FS() fs.FS { return files }

// dataFS returns the data of a screener: fsys, or the embedded files when
// fsys is nil.
func dataFS(fsys fs.FS) fs.FS {
	if fsys == nil {
		return files
	}
	return fsys
}

// namesFS returns the name lexicon's files for the package data fsys: its
// names directory laid over the embedded lexicon, as in the repository,
// where screen/names/lexicon.yaml lies below screen.
func namesFS(fsys fs.FS) fs.FS {
	sub, err := fs.Sub(dataFS(fsys), "names")
	if err != nil {
		return names.FS()
	}
	return datafile.Overlay(names.FS(), sub)
}

// CheckData loads every data file of fsys, a file system laid out like the
// package directory, and returns every problem found (see
// datafile.Problems), or nil: the weights, the country table, the name
// lexicon and the demo list.
func CheckData(fsys fs.FS) error {
	_, werr := LoadWeights(dataFS(fsys))
	_, cerr := loadCountries(dataFS(fsys))
	_, nerr := names.LoadAnalyzer(namesFS(fsys))
	_, derr := LoadDemoList(dataFS(fsys))
	return errors.Join(werr, cerr, nerr, derr)
}

// countries maps folded country spellings to ISO 3166-1 alpha-2 codes.
type countries map[string]string

// loadCountries reads [CountriesFile] from fsys: a mapping of country codes
// to the spellings that stand for them.
func loadCountries(fsys fs.FS) (countries, error) {
	data, err := fs.ReadFile(fsys, CountriesFile)
	if err != nil {
		return nil, err
	}
	f := datafile.NewFile(datafile.Source(fsys, CountriesFile))
	root := f.Mapping(data)
	var raw map[string][]string
	if root != nil {
		f.Decode(root, "", &raw)
	}
	c := make(countries)
	for _, code := range sortedCodes(raw) {
		for i, s := range raw[code] {
			k := names.Fold(s).Text
			if prev, dup := c[k]; dup && prev != code {
				f.FailAt(root, datafile.ErrDuplicate, "\""+s+"\" is also a spelling of "+prev, code, i)
			}
			c[k] = code
		}
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func sortedCodes(m map[string][]string) []string { return slices.Sorted(maps.Keys(m)) }

// canon returns the ISO code of a country spelling, or its folded form when
// the table does not know it.
func (c countries) canon(s string) string {
	k := names.Fold(s).Text
	if code, ok := c[k]; ok {
		return code
	}
	return k
}

// canonAll returns the canonical codes of cs, or nil when cs is empty.
func (c countries) canonAll(cs []string) []string {
	if len(cs) == 0 {
		return nil
	}
	out := make([]string, len(cs))
	for i, x := range cs {
		out[i] = c.canon(x)
	}
	return out
}

// CountryCode returns the ISO 3166-1 alpha-2 code, in upper case, of a
// country as parties and lists write it: an assigned code ("de", "KP"),
// or a spelling the countries table knows ("DPRK", "Korea, North", "UK").
// ok is false for anything else, such as "XX" or a name the table lacks.
func (s *Screener) CountryCode(name string) (code string, ok bool) {
	if c, known := s.cc[names.Fold(name).Text]; known {
		return strings.ToUpper(c), true
	}
	up := strings.ToUpper(strings.TrimSpace(name))
	if iso.Country(up) {
		return up, true
	}
	return "", false
}
