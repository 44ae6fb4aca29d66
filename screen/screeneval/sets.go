package screeneval

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// kindLabel names a listed kind in the tables.
func kindLabel(k screen.Kind) string {
	switch k {
	case screen.KindPerson:
		return "persons"
	case screen.KindOrganisation:
		return "entities"
	}
	return string(k)
}

// typoProbes builds the typo set: every Typos variant of every Latin-script
// name and alias of every UN DPRK record, screened with the record's kind.
// With sample n > 1 only every n-th variant is kept, deterministically.
func typoProbes(c *corpus, sample int) (ps []probe, names int) {
	i := 0
	for _, e := range unDPRK(c) {
		targets := c.targets(e)
		for _, n := range e.Names {
			if n.Kind == screen.NameOriginalScript {
				continue
			}
			ts := Typos(n.Value)
			if len(ts) > 0 {
				names++
			}
			for _, t := range ts {
				i++
				if sample > 1 && i%sample != 0 {
					continue
				}
				ps = append(ps, probe{
					group:   kindLabel(e.Kind) + "/" + t.Op,
					q:       party.New(t.Text, e.Kind, "", "", ""),
					targets: targets,
					note:    e.ID + " " + n.Value,
				})
			}
		}
	}
	return ps, names
}

// numeralProbes builds the numeral set: every NumeralVariants form of every
// UN DPRK name that writes a number.
func numeralProbes(c *corpus) []probe {
	var ps []probe
	for _, e := range unDPRK(c) {
		targets := c.targets(e)
		for _, n := range e.Names {
			for _, v := range NumeralVariants(n.Value) {
				ps = append(ps, probe{group: kindLabel(e.Kind), q: party.New(v, e.Kind, "", "", ""), targets: targets, note: e.ID + " " + n.Value})
			}
		}
	}
	return ps
}

// unDPRK returns the UN DPRK records (KPe, KPi) in list order.
func unDPRK(c *corpus) []*screen.Entity {
	var out []*screen.Entity
	for i := range c.lists {
		for j := range c.lists[i].Entities {
			if e := &c.lists[i].Entities[j]; isUNDPRK(e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// sameNameGap is how many years, at least, the namesake's birth year lies
// from every listed one: the "birth year ≥15 years away".
const sameNameGap = 15

// sameNameProbes builds the same-name-different-person set: for every
// listed person with a birth year and a country, the primary name exactly,
// with a birth date sameNameGap or more years from every listed birth year
// and a nationality the record does not carry. Nothing about the namesake
// is random: the date and country follow from the record's reference.
// It also builds the control set, selves: the same names with the
// record's own first birth date and country, which should match, so that
// a screener that never matched could not pass the namesakes.
func sameNameProbes(c *corpus, countries []string) (namesakes, selves []probe) {
	for i := range c.lists {
		for j := range c.lists[i].Entities {
			e := &c.lists[i].Entities[j]
			if e.Kind != screen.KindPerson || len(e.Countries) == 0 {
				continue
			}
			dob, ok := namesakeBirth(e)
			if !ok {
				continue
			}
			group := e.Source
			if isUNDPRK(e) || (e.Source != "UN" && isDPRK(e)) {
				group += " DPRK"
			}
			note := fmt.Sprintf("%s born %s, %s", e.ID, strings.Join(e.DatesOfBirth, "|"), strings.Join(e.Countries, "|"))
			namesakes = append(namesakes, probe{group: group, q: party.New(e.PrimaryName(), screen.KindPerson, otherCountry(e, countries), "", dob), note: note})
			selves = append(selves, probe{group: group, q: party.New(e.PrimaryName(), screen.KindPerson, e.Countries[0], "", ownBirth(e)),
				targets: c.targets(e), note: note})
		}
	}
	return namesakes, selves
}

// ownBirth returns the record's first birth date as a passport gives it:
// the date when the list writes it as YYYY-MM-DD, else its year.
func ownBirth(e *screen.Entity) string {
	for _, d := range e.DatesOfBirth {
		if len(d) == 10 && d[4] == '-' && d[7] == '-' {
			return d
		}
		if y, ok := year(d); ok {
			return fmt.Sprintf("%04d", y)
		}
	}
	return ""
}

// namesakeBirth returns a birth date sameNameGap+5 years after the last
// listed birth year, or as far before the first when that would be after
// 2005; false when the record has no readable birth year.
func namesakeBirth(e *screen.Entity) (string, bool) {
	lo, hi := 0, 0
	for _, d := range e.DatesOfBirth {
		y, ok := year(d)
		if !ok {
			continue
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	if lo == 0 {
		return "", false
	}
	h := hash(e.ID)
	y := hi + sameNameGap + 5
	if y > 2005 {
		y = lo - sameNameGap - 5
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, 1+h%12, 1+h/12%28), true
}

// otherCountry picks, from the record's reference, a country of
// countries that none of the record's countries names.
func otherCountry(e *screen.Entity, countries []string) string {
	h := int(hash(e.ID) % uint32(len(countries)))
	for k := range countries {
		c := countries[(h+k)%len(countries)]
		clash := false
		for _, x := range e.Countries {
			clash = clash || strings.Contains(strings.ToLower(x), strings.ToLower(c))
		}
		if !clash {
			return c
		}
	}
	return countries[h]
}

func hash(s string) uint32 {
	f := fnv.New32a()
	f.Write([]byte(s))
	return f.Sum32()
}
