package lists

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/luxscreen/luxscreen/hs"
)

// Answer is the reply to a lookup of one code: the controls that cover it,
// and the jurisdictions asked about for which the catalogue holds no list
// in force on the day. The two are kept apart because a jurisdiction
// without a list has not said the code is free: "no list in force" is not
// "not controlled".
type Answer struct {
	Code hs.Code
	// Date is the day of the lookup; zero means any time.
	Date time.Time
	// Jurisdictions are those the lookup asked about, as asked; empty
	// means all.
	Jurisdictions []string
	Controls      []Match
	// NoList holds, in the order asked, each jurisdiction of the lookup's
	// options with no list of the kinds and direction asked in force on
	// Date, neither its own nor of a union it then belonged to.
	NoList []NoList
	// NotCovered holds, in the order asked, each jurisdiction of the
	// lookup's options that had lists in force on Date of which none
	// covers the code: the answer "not controlled", with the lists that
	// say so.
	NotCovered []NotCovered
}

// NotCovered is a jurisdiction a lookup asked about whose lists in force
// on the day do not cover the code.
type NotCovered struct {
	Jurisdiction string `json:"jurisdiction"`
	// Lists are the IDs of the lists in force, its own and its unions'.
	Lists []string `json:"lists"`
}

// NoList is a jurisdiction a lookup asked about for which the catalogue
// holds no list in force on the day.
type NoList struct {
	Jurisdiction string `json:"jurisdiction"`
	// Message says so in words, for tables and findings.
	Message string `json:"message"`
}

// Answer returns the controls covering code under opts, as [Catalogue.Lookup]
// does, law first (see [SortByTrust]), together with the jurisdictions of
// opts that had no list in force on opts.Date, neither their own nor of a
// union they then belonged to, and those whose lists in force leave the
// code out (see [Answer]). The UN lists bind every state but stand for no
// state's own list: they count only when "UN" itself is asked about.
func (c *Catalogue) Answer(code hs.Code, opts Options) Answer {
	ms := c.Lookup(code, opts)
	SortByTrust(ms)
	a := Answer{Code: code, Date: opts.Date, Jurisdictions: opts.Jurisdictions, Controls: ms}
	for _, j := range opts.Jurisdictions {
		own, inForce := c.binding(j, opts)
		switch {
		case len(inForce) == 0:
			a.NoList = append(a.NoList, NoList{Jurisdiction: j, Message: noListMessage(j, opts)})
		case !slices.ContainsFunc(ms, func(m Match) bool { return slices.Contains(own, m.List.Jurisdiction) }):
			a.NotCovered = append(a.NotCovered, NotCovered{Jurisdiction: j, Lists: inForce})
		}
	}
	return a
}

// binding returns the jurisdictions whose lists bound j on opts.Date (j
// and its unions then), and the IDs of their lists of opts's kinds and
// direction in force that day.
func (c *Catalogue) binding(j string, opts Options) (own, inForce []string) {
	own = c.membership.Expand([]string{j}, opts.Date)
	o := opts
	o.Jurisdictions = own
	for _, l := range c.lists {
		if o.keepList(l) && l.InForce.Contains(opts.Date) {
			inForce = append(inForce, l.ID)
		}
	}
	return own, inForce
}

// SortByTrust orders matches so that law comes before reconstruction:
// entries transcribed from the primary text first, then those from
// secondary sources, then recalled ones; within each, codes published in
// the instrument, then codes from an official tariff, then derived codes.
// The sort is stable, so the catalogue's order (UN first, then by
// jurisdiction) holds within each group.
func SortByTrust(ms []Match) {
	slices.SortStableFunc(ms, func(a, b Match) int { return a.Entry.Trust() - b.Entry.Trust() })
}

// Trust ranks how close an entry is to the law, 0 being closest: by its
// confidence, then by the basis of its codes (see [SortByTrust]).
func (e *Entry) Trust() int { return Trust(e.Basis, e.Confidence) }

// Trust ranks a basis and confidence as [Entry.Trust] ranks an entry's,
// for the views of an entry that carry only those two.
func Trust(basis Basis, conf Confidence) int {
	b := slices.Index(Bases(), basis)
	if b < 0 {
		b = len(Bases())
	}
	return conf.rank()*(len(Bases())+1) + b
}

// BanStart returns the day the Security Council adopted resolution 1718
// (2006), whose paragraph 8(a)(iii) obliges every state to prevent the
// supply of luxury goods to the DPRK: the first day a state's luxury list
// could be in force, and the day a history of the lists is read from.
func BanStart() time.Time { return time.Date(2006, 10, 14, 0, 0, 0, 0, time.UTC) }

// Silent returns, for jurisdiction j on date, each kind of kinds (every
// kind when empty) for which the catalogue cannot say what j's law
// controlled: j has had lists of that kind, its own or a union's, but none
// is in force on date, although states were then obliged to control that
// kind of goods (luxury goods from [BanStart]; another kind while a UN
// list of it is in force). A state that never had a list of a kind is
// bound by the UN lists alone, and is not silent. The message of each
// answer names the kind.
func (c *Catalogue) Silent(j string, date time.Time, kinds []Kind) []NoList {
	if len(kinds) == 0 {
		kinds = Kinds()
	}
	var out []NoList
	for _, k := range kinds {
		if !c.obliged(k, date) {
			continue
		}
		everBound := c.membership.Expand([]string{j}, time.Time{})
		bound := c.membership.Expand([]string{j}, date)
		ever := slices.ContainsFunc(c.lists, func(l *List) bool { return l.Kind == k && slices.Contains(everBound, l.Jurisdiction) })
		now := slices.ContainsFunc(c.lists, func(l *List) bool {
			return l.Kind == k && slices.Contains(bound, l.Jurisdiction) && l.InForce.Contains(date)
		})
		if ever && !now {
			out = append(out, NoList{Jurisdiction: j, Message: noListMessage(j, Options{Date: date, Kinds: []Kind{k}})})
		}
	}
	return out
}

// obliged reports whether states were obliged to control goods of kind k
// on date: luxury goods from [BanStart], other kinds while a UN list of
// the kind is in force.
func (c *Catalogue) obliged(k Kind, date time.Time) bool {
	if k == Luxury {
		return !date.Before(BanStart())
	}
	return slices.ContainsFunc(c.lists, func(l *List) bool { return l.Jurisdiction == "UN" && l.Kind == k && l.InForce.Contains(date) })
}

func noListMessage(j string, opts Options) string {
	what := "list"
	if len(opts.Kinds) == 1 {
		what = string(opts.Kinds[0]) + " list"
	}
	if opts.Date.IsZero() {
		return fmt.Sprintf("no %s of %s in the catalogue: not the same as not controlled", what, j)
	}
	return fmt.Sprintf("no %s of %s in force on %s in the catalogue: not the same as not controlled", what, j, opts.Date.Format(dateLayout))
}

// answerJSON is the wire form of an Answer.
type answerJSON struct {
	Code       string       `json:"code"`
	Date       string       `json:"date,omitempty"`
	Controls   []Match      `json:"controls"`
	NoList     []NoList     `json:"no_list_in_force"`
	NotCovered []NotCovered `json:"not_covered"`
}

// MarshalJSON encodes the answer as an object with the code, the date,
// the controls (each as [Match.MarshalJSON]), the jurisdictions with no
// list in force and those whose lists do not cover the code; the arrays
// are present even when empty.
func (a Answer) MarshalJSON() ([]byte, error) {
	j := answerJSON{Code: a.Code.String(), Date: formatDate(a.Date), Controls: a.Controls, NoList: a.NoList, NotCovered: a.NotCovered}
	if j.Controls == nil {
		j.Controls = []Match{}
	}
	if j.NoList == nil {
		j.NoList = []NoList{}
	}
	if j.NotCovered == nil {
		j.NotCovered = []NotCovered{}
	}
	return json.Marshal(j)
}
