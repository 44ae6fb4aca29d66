package screeneval

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// OrdinaryNames is the size of the ordinary-names set: the 50,000
// ordinary person names from many countries.
const OrdinaryNames = 50000

// inventory is one country's authored name parts (ordinary/*.yaml).
type inventory struct {
	// Country is the nationality given with each name.
	Country string `yaml:"country"`
	// Script is the script the inventory writes in ("Arabic", "Latin
	// (diacritics)"); the tables group names by the script they are in.
	Script string `yaml:"script"`
	// Formats are templates of a full name: {given}, {family}, {middle},
	// {father} and any other part name, each replaced by a part of that
	// name, of the person's gender when the inventory has such a list
	// (given_male, family_female…), else the plain one.
	Formats []string `yaml:"formats"`
	// Parts are the lists of name parts by part name.
	Parts map[string][]string `yaml:"parts"`
	// Source says where the inventory's names come from.
	Source string `yaml:"source"`
}

// readInventories reads every ordinary/*.yaml of sets, in name order.
func readInventories(sets fs.FS) ([]inventory, error) {
	files, err := fs.Glob(sets, OrdinaryDir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []inventory
	for _, name := range files {
		data, err := fs.ReadFile(sets, name)
		if err != nil {
			return nil, err
		}
		var inv inventory
		if _, err := datafile.Decode(name, data, &inv); err != nil {
			return nil, err
		}
		if err := inv.check(name); err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("screeneval: no inventories in %s", OrdinaryDir)
	}
	return out, nil
}

// check reports a format that names a part the inventory lacks.
func (inv *inventory) check(name string) error {
	if inv.Country == "" || inv.Script == "" || len(inv.Formats) == 0 {
		return fmt.Errorf("%s: country, script and formats are required", name)
	}
	for _, f := range inv.Formats {
		for _, p := range placeholders(f) {
			for _, g := range []string{"male", "female"} {
				if len(inv.part(p, g)) == 0 {
					return fmt.Errorf("%s: format %q: no %s part for %s", name, f, p, g)
				}
			}
		}
	}
	return nil
}

// part returns the list for placeholder p and gender g: p_g, else p, and
// for {father} the male given names.
func (inv *inventory) part(p, g string) []string {
	if l := inv.Parts[p+"_"+g]; len(l) > 0 {
		return l
	}
	if l := inv.Parts[p]; len(l) > 0 {
		return l
	}
	if p == "father" {
		return inv.part("given", "male")
	}
	return nil
}

// placeholders returns the part names of a format, in order.
func placeholders(f string) []string {
	var out []string
	for {
		i := strings.IndexByte(f, '{')
		j := strings.IndexByte(f, '}')
		if i < 0 || j < i {
			return out
		}
		out = append(out, f[i+1:j])
		f = f[j+1:]
	}
}

// ordinaryName is one generated person.
type ordinaryName struct {
	name, country, birth string
}

// generateOrdinary draws n distinct names, spread evenly over the
// inventories, from a fixed seed: the same inventories always give the
// same names. Names that are exactly a listed name (after folding) are
// left out and counted, since they are not innocent by name alone.
func generateOrdinary(invs []inventory, n int, c *corpus) (out []ordinaryName, listed int) {
	rng := rand.New(rand.NewPCG(17, 2026))
	seen := make(map[string]bool)
	for i := range invs {
		inv := &invs[i]
		want := n / len(invs)
		if i < n%len(invs) {
			want++
		}
		for got, tries := 0, 0; got < want && tries < 50*want; tries++ {
			g := "male"
			if rng.IntN(2) == 1 {
				g = "female"
			}
			f := inv.Formats[rng.IntN(len(inv.Formats))]
			name := f
			for _, p := range placeholders(f) {
				l := inv.part(p, g)
				name = strings.Replace(name, "{"+p+"}", l[rng.IntN(len(l))], 1)
			}
			birth := fmt.Sprintf("%04d-%02d-%02d", 1940+rng.IntN(66), 1+rng.IntN(12), 1+rng.IntN(28))
			if seen[name] {
				continue
			}
			seen[name] = true
			if len(c.byName[fold(name)]) > 0 {
				listed++
				continue
			}
			out = append(out, ordinaryName{name, inv.Country, birth})
			got++
		}
	}
	return out, listed
}

// ordinaryProbes screens each ordinary name twice: by name alone, and with
// the nationality and birth date a passport would give.
func ordinaryProbes(names []ordinaryName) (nameOnly, withFacts []probe) {
	for _, o := range names {
		nameOnly = append(nameOnly, probe{group: scriptOf(o.name), q: party.New(o.name, screen.KindPerson, "", "", ""), note: o.country})
		withFacts = append(withFacts, probe{group: scriptOf(o.name), q: party.New(o.name, screen.KindPerson, o.country, "", o.birth), note: o.country + ", born " + o.birth})
	}
	return nameOnly, withFacts
}

// scripts are the scripts scriptOf tells apart, in the order it tries
// them.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Hangul", unicode.Hangul}, {"Japanese kana", unicode.Hiragana}, {"Japanese kana", unicode.Katakana},
	{"Han", unicode.Han}, {"Arabic", unicode.Arabic}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek},
	{"Hebrew", unicode.Hebrew}, {"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai},
	{"Georgian", unicode.Georgian}, {"Armenian", unicode.Armenian}, {"Bengali", unicode.Bengali},
	{"Tamil", unicode.Tamil}, {"Ethiopic", unicode.Ethiopic}, {"Latin", unicode.Latin},
}

// scriptOf names the script of a name: the first of scripts that any of
// its letters is in, so that a Japanese name with kana and kanji is kana.
func scriptOf(s string) string {
	for _, sc := range scripts {
		for _, r := range s {
			if unicode.Is(sc.table, r) {
				if sc.name == "Latin" && strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f && unicode.IsLetter(r) }) {
					return "Latin (diacritics)"
				}
				return sc.name
			}
		}
	}
	return "other"
}
