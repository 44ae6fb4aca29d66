package screeneval

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// typos runs the typo set and sums it by kind, since the targets differ
// for entities (≥ 99% found) and persons (≥ 98%).
func (h *harness) typos(ctx context.Context, _ string) error {
	ps, names := typoProbes(h.c, h.opt.Sample)
	rows, all, err := h.runSetOutcomes(ctx, ps)
	if err != nil {
		return err
	}
	set := SetReport{Name: "Typos", About: "every one-letter deletion, insertion, substitution and transposition inside every token of ≥5 letters of every UN DPRK name and alias; found = right reference among the hits with verdict match or review",
		Notes: []string{fmt.Sprintf("%d names with a token of ≥5 letters; %d variants screened%s", names, len(ps), sampled(h.opt.Sample))},
		Rows:  rows.rows, Total: rows.total}
	for i := range set.Rows {
		set.Rows[i].Samples = nil // the spread sample below says more
	}
	for _, kind := range []string{"entities", "persons"} {
		set.Totals = append(set.Totals, total(kind, ps, all, func(p *probe) bool { return strings.HasPrefix(p.group, kind+"/") }))
	}
	set.Totals = append(set.Totals, missSamples("misses", ps, all, 30), worstNames(ps, all, 15))
	h.rep.Sets = append(h.rep.Sets, set)
	return nil
}

// sampled says how a generated set was thinned, or nothing when it was not.
func sampled(n int) string {
	if n <= 1 {
		return ""
	}
	return fmt.Sprintf(" (1 in %d)", n)
}

// setRows are a set's rows and their total.
type setRows struct {
	rows  []Tally
	total Tally
}

// runSetOutcomes screens ps on the main screener and returns the rows and
// the outcomes, for sets that sum them more than one way.
func (h *harness) runSetOutcomes(ctx context.Context, ps []probe) (setRows, []outcome, error) {
	os, err := runProbes(ctx, h.s, ps, h.opt.Workers)
	if err != nil {
		return setRows{}, nil, err
	}
	return setRows{tally(ps, os), total("all", ps, os, func(*probe) bool { return true })}, os, nil
}

// worstNames is a row with no counts that names the n listed names whose
// variants were most often lost, with how many of how many: where
// candidate generation or scoring fails, by name.
func worstNames(ps []probe, os []outcome, n int) Tally {
	type count struct {
		name        string
		lost, total int
	}
	by := make(map[string]*count)
	var order []*count
	for i := range ps {
		c := by[ps[i].note]
		if c == nil {
			c = &count{name: ps[i].note}
			by[ps[i].note] = c
			order = append(order, c)
		}
		c.total++
		if !os[i].found {
			c.lost++
		}
	}
	slices.SortStableFunc(order, func(a, b *count) int { return b.lost - a.lost })
	t := Tally{Group: "names most often lost"}
	for _, c := range order[:min(n, len(order))] {
		if c.lost > 0 {
			t.Samples = append(t.Samples, fmt.Sprintf("%s: %d of %d variants lost", c.name, c.lost, c.total))
		}
	}
	return t
}

// missSamples is a row with no counts that carries up to n misses spread
// evenly over the set, so that the sample is not all of one name.
func missSamples(name string, ps []probe, os []outcome, n int) Tally {
	t := Tally{Group: name}
	var idx []int
	for i := range os {
		if os[i].hits != "" {
			idx = append(idx, i)
		}
	}
	for k := 0; k < n && k < len(idx); k++ {
		i := idx[k*len(idx)/min(n, len(idx))]
		t.Samples = append(t.Samples, fmt.Sprintf("%s (%s) → %s", strings.Join(ps[i].q.Names, " / "), ps[i].note, os[i].hits))
	}
	return t
}

func (h *harness) numerals(ctx context.Context, _ string) error {
	ps := numeralProbes(h.c)
	rows, _, err := h.runSetOutcomes(ctx, ps)
	if err != nil {
		return err
	}
	h.rep.Sets = append(h.rep.Sets, SetReport{Name: "Numerals", About: "UN DPRK names with a number rewritten (39 / No. 39 / XXXIX, Second / 2nd / 2 / II); found as for typos",
		Rows: rows.rows, Total: rows.total})
	return nil
}

func (h *harness) sameName(ctx context.Context, _ string) error {
	namesakes, selves := sameNameProbes(h.c, h.cfg.NamesakeCountries)
	rows, _, err := h.runSetOutcomes(ctx, namesakes)
	if err != nil {
		return err
	}
	control, _, err := h.runSetOutcomes(ctx, selves)
	if err != nil {
		return err
	}
	h.rep.Sets = append(h.rep.Sets, SetReport{Name: "Same name, different person",
		About: fmt.Sprintf("every listed person with a birth year and a country, screened by the exact primary name with a birth year ≥%d years from every listed one and another nationality; target: automatic match ≤ 5%%", sameNameGap),
		Rows:  rows.rows, Total: rows.total},
		SetReport{Name: "Same name, same person (control)",
			About: "the same names with the record's own birth date and country: these are the listed persons, and should be found, mostly as automatic matches",
			Rows:  control.rows, Total: control.total})
	return nil
}

func (h *harness) companies(ctx context.Context, _ string) error {
	ps, err := companyProbes(h.opt.Sets, h.c)
	if err != nil {
		return err
	}
	rows, all, err := h.runSetOutcomes(ctx, ps)
	if err != nil {
		return err
	}
	readme := total("README rice shipper", ps, all, func(p *probe) bool { return strings.HasPrefix(p.note, "README") })
	h.rep.Sets = append(h.rep.Sets, SetReport{Name: "Innocent companies",
		About: fmt.Sprintf("%d authored companies of ordinary trade, none listed (checked against every loaded name); target: 0 automatic match", len(ps)/2),
		Rows:  rows.rows, Total: rows.total, Totals: []Tally{readme}})
	return nil
}

// crossScript runs the authored DPRK cases on the main screener and the
// watchman pairs on a screener that also lists their expected names.
func (h *harness) crossScript(ctx context.Context, shared string) error {
	dprk, err := crossScriptProbes(h.opt.Sets, h.c)
	if err != nil {
		return err
	}
	wps, wl, err := watchmanProbes(filepath.Join(shared, WatchmanScriptFile), h.c)
	if err != nil {
		return err
	}
	ws, err := h.screener(append(h.c.lists[:len(h.c.lists):len(h.c.lists)], wl)...)
	if err != nil {
		return err
	}
	dos, err := runProbes(ctx, h.s, dprk, h.opt.Workers)
	if err != nil {
		return err
	}
	wos, err := runProbes(ctx, ws, wps, h.opt.Workers)
	if err != nil {
		return err
	}
	ps, os := append(dprk, wps...), append(dos, wos...)
	set := SetReport{Name: "Cross-script",
		About: fmt.Sprintf("%d authored DPRK names in Hangul, Han and Russian Cyrillic against the lists; %d watchman pairs against the lists plus their expected names", len(dprk), len(wps)),
		Rows:  tally(ps, os), Total: total("all", ps, os, func(*probe) bool { return true })}
	set.Totals = append(set.Totals,
		total("dprk", ps, os, func(p *probe) bool { return strings.HasPrefix(p.group, "DPRK ") }),
		total("watchman", ps, os, func(p *probe) bool { return strings.HasPrefix(p.group, "watchman ") }),
		perProbe("per pair", ps, os))
	h.rep.Sets = append(h.rep.Sets, set)
	return nil
}

// perProbe is a row with no counts that lists every probe and whether it
// was found: the cross-script set reports found per pair.
func perProbe(name string, ps []probe, os []outcome) Tally {
	t := Tally{Group: name}
	for i := range ps {
		mark := "found"
		if !os[i].found {
			mark = "MISSED " + os[i].hits
		}
		t.Samples = append(t.Samples, fmt.Sprintf("%s [%s] %s: %s", ps[i].q.Names[0], ps[i].group, ps[i].note, mark))
	}
	return t
}

func (h *harness) ordinary(ctx context.Context, _ string) error {
	invs, err := readInventories(h.opt.Sets)
	if err != nil {
		return err
	}
	names, listed := generateOrdinary(invs, OrdinaryNames/h.opt.Sample, h.c)
	nameOnly, withFacts := ordinaryProbes(names)
	notes := []string{fmt.Sprintf("%d countries, %d names%s (%d drawn names left out as exactly listed)", len(invs), len(names), sampled(h.opt.Sample), listed)}
	for _, v := range []struct {
		title string
		ps    []probe
	}{{"with nationality and birth date", withFacts}, {"name only", nameOnly}} {
		rows, _, err := h.runSetOutcomes(ctx, v.ps)
		if err != nil {
			return err
		}
		h.rep.Sets = append(h.rep.Sets, SetReport{Name: "Ordinary names, " + v.title,
			About: "ordinary person names from many countries in their own scripts, generated from the authored inventories; targets: automatic match ≤ 0.1%, review ≤ 3%",
			Notes: notes, Rows: rows.rows, Total: rows.total})
	}
	return nil
}

func (h *harness) yente(ctx context.Context, shared string) error {
	ps, err := yenteProbes(filepath.Join(shared, NegativesFile))
	if err != nil {
		return err
	}
	rows, _, err := h.runSetOutcomes(ctx, ps)
	if err != nil {
		return err
	}
	h.rep.Sets = append(h.rep.Sets, SetReport{Name: "yente synthetic negatives",
		About: "the shared 1,000 synthetic persons with nationality and birth date, none listed: every alert is false",
		Rows:  rows.rows, Total: rows.total})
	return nil
}
