package classify

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/lists"
)

// checkDeclared validates a declared code: its format, its existence in
// the edition in force on date (when a nomenclature of that edition is
// loaded) and its HS 2022 equivalents (when a correlation table is
// loaded). It returns the check and the code(s) to compare descriptions
// with, in HS 2022 terms where they could be mapped.
func (c *Classifier) checkDeclared(in string, date time.Time) (DeclaredCheck, []hs.Code) {
	chk := DeclaredCheck{Input: in, Exists: "unknown"}
	code, err := hs.Parse(in)
	if err != nil {
		var pe *hs.ParseError
		if errors.As(err, &pe) {
			chk.Problems = append(chk.Problems, pe.Detail)
		} else {
			chk.Problems = append(chk.Problems, err.Error())
		}
		return chk, nil
	}
	chk.Valid = true
	chk.Code = code.Digits()
	chk.Level = code.Level().String()
	ed := hs.EditionAt(date.Year())
	chk.Edition = ed.String()
	codes := make([]hs.Code, 1, 2)
	codes[0] = code
	if exists, known := hs.ExistsIn(c.validation, ed, code); known {
		chk.Exists = "no"
		if exists {
			chk.Exists = "yes"
		}
	}
	if chk.Exists == "no" {
		chk.Valid = false
		chk.Problems = append(chk.Problems, code.String()+" does not exist in "+ed.String())
		// Perhaps written in another edition.
		for _, n := range c.validation {
			if n.Edition().Base() != ed && n.Exists(code.Truncate(6)) {
				chk.Problems = append(chk.Problems, "it exists in "+n.Edition().String())
			}
		}
	}
	if ed != hs.HS2022 && ed.Year < hs.HS2022.Year {
		for _, cr := range c.correlations {
			a, b := cr.Editions()
			if !(a == ed && b == hs.HS2022 || b == ed && a == hs.HS2022) {
				continue
			}
			links, err := cr.Map(code, ed)
			if err != nil {
				chk.Problems = append(chk.Problems, "no HS 2022 correspondence for "+code.String()+" of "+ed.String())
				break
			}
			codes = codes[:0]
			for _, l := range links {
				chk.HS2022 = append(chk.HS2022, l.To.Digits())
				codes = append(codes, l.To)
			}
			if len(links) > 1 {
				chk.Problems = append(chk.Problems, ed.String()+" "+code.String()+" was split in HS 2022 into "+strings.Join(chk.HS2022, ", "))
			}
			break
		}
	}
	return chk, codes
}

// mismatch compares what the description points to with the declared
// code. It reports a finding when the description is confident about a
// heading that the declared code is not under, and says which controls the
// declared code escapes; contradicts is then set. A red flag is reported
// also when the declared code covers the described goods.
func (c *Classifier) mismatch(out []outcome, declared []hs.Code, in string, final hs.Code, headings []hs.Code, opts *lists.Options) (mm *lists.Mismatch, contradicts bool) {
	o := out[0]
	con := &c.lx.concepts[o.concept]
	if o.score < minConfident && con.redFlag == "" {
		return nil, false
	}
	described := headings
	if !final.IsZero() {
		described = []hs.Code{final.Truncate(4)}
	} else if len(described) == 0 {
		described = o.headings
	}
	return c.compareDeclared(declared, in, final, described, con.description, con.redFlag, opts)
}

// minMismatchConfidence is the confidence (see placement) an index
// placement needs before it contradicts a declared code: the declarant
// knows the goods better than a text search that barely prefers one
// heading, and a false mismatch costs the exporter a review.
const minMismatchConfidence = 0.3

// mismatchIndex compares the index's placement with the declared code.
// Only a confident placement in one heading, from a description whose
// every word the nomenclature knows, can contradict it: a word it does
// not know ("galvanised steel sheet") may be the one that decides the
// heading. A declared heading among the search's best headings is not
// contradicted either.
func (c *Classifier) mismatchIndex(p *placement, declared []hs.Code, in string, opts *lists.Options) (mm *lists.Mismatch, contradicts bool) {
	if !p.confident() || p.confidence < minMismatchConfidence || p.query.known < p.query.total {
		return nil, false
	}
	for _, h := range p.headings {
		for _, d := range declared {
			if h.heading.Covers(d) {
				return nil, false
			}
		}
	}
	described := []hs.Code{p.headings[0].heading}
	what := "nomenclature text of " + p.headings[0].heading.String()
	if h, found := c.ixFrom.Item(p.headings[0].heading); found {
		what = h.Description
	}
	return c.compareDeclared(declared, in, p.code, described, what, "", opts)
}

// compareDeclared reports a finding when the described headings do not
// cover the declared code: what names the described goods, redFlag is the
// lexicon's red flag for them, if any.
func (c *Classifier) compareDeclared(declared []hs.Code, in string, final hs.Code, described []hs.Code, what, redFlag string, opts *lists.Options) (mm *lists.Mismatch, contradicts bool) {
	if len(described) == 0 {
		return nil, false
	}
	covered := false
	for _, d := range declared {
		for _, h := range described {
			if h.Covers(d) || d.Covers(h) {
				covered = true
			}
		}
	}
	if covered && redFlag == "" {
		return nil, false
	}
	descText := make([]string, len(described))
	for i, h := range described {
		descText[i] = h.String()
	}
	mm = &lists.Mismatch{Kind: MismatchHeading, Declared: declared[0].Digits(), Described: strings.Join(descText, "|")}
	if !final.IsZero() {
		mm.Described = final.Digits()
	}
	if covered {
		mm.Kind = MismatchRedFlag
		mm.Reason = "described as " + what + ": " + redFlag
		return mm, false
	}
	// Entries that cover the described goods but not the declared code.
	have := map[string]bool{}
	for _, d := range declared {
		for _, m := range c.matchesFor(d, opts) {
			have[m.Entry.ID] = true
		}
	}
	for _, h := range described {
		for _, m := range c.matchesFor(h, opts) {
			id := m.List.ID + "/" + m.Entry.ID
			if !have[m.Entry.ID] && !slices.Contains(mm.Evades, id) {
				mm.Evades = append(mm.Evades, id)
			}
		}
	}
	mm.Reason = "declared " + in + " but the description points to " + strings.Join(descText, " or ") + " (" + what + ")"
	if len(mm.Evades) > 0 {
		mm.Kind = MismatchControlled
		mm.Reason += "; the declared code escapes " + strings.Join(mm.Evades, ", ")
	}
	if redFlag != "" {
		mm.Kind = MismatchRedFlag
		mm.Reason += "; " + redFlag
	}
	return mm, true
}
