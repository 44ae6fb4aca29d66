package screen

import (
	_ "embed"
	"fmt"

	"github.com/luxscreen/luxscreen/screen/names"
	"gopkg.in/yaml.v3"
)

//go:embed countries.yaml
var countriesYAML []byte

// countries maps folded country spellings to ISO 3166-1 alpha-2 codes.
type countries map[string]string

// parseCountries parses countries.yaml.
func parseCountries() (countries, error) {
	var raw map[string][]string
	if err := yaml.Unmarshal(countriesYAML, &raw); err != nil {
		return nil, fmt.Errorf("screen/countries.yaml: %w", err)
	}
	c := make(countries)
	for code, spellings := range raw {
		for _, s := range spellings {
			k := names.Fold(s).Text
			if prev, dup := c[k]; dup && prev != code {
				return nil, fmt.Errorf("screen/countries.yaml: %q listed under %s and %s", s, prev, code)
			}
			c[k] = code
		}
	}
	return c, nil
}

// canon returns the ISO code of a country spelling, or its folded form when
// the table does not know it.
func (c countries) canon(s string) string {
	k := names.Fold(s).Text
	if code, ok := c[k]; ok {
		return code
	}
	return k
}
