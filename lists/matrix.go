package lists

import (
	"fmt"
	"time"
)

// The levels a coverage matrix can be drawn at.
const (
	ByChapter = "chapter" // columns are two-digit HS chapters
	ByHeading = "heading" // columns are four-digit HS headings
)

// Matrix is the coverage of HS chapters or headings by jurisdiction: one
// row per jurisdiction, one column per chapter or heading that some list
// touches, and in each cell how much of it the jurisdiction controls.
type Matrix struct {
	// Level is ByChapter or ByHeading.
	Level string `json:"level"`
	// AsOf is the day the lists were taken as in force.
	AsOf          time.Time `json:"as_of"`
	Jurisdictions []string  `json:"jurisdictions"`
	Columns       []string  `json:"columns"`
	// Cells is indexed [row][column].
	Cells [][]Cell `json:"cells"`
}

// Cell is one jurisdiction's control of one chapter or heading.
type Cell struct {
	Extent Extent `json:"extent"`
	// Entries is how many entries of the jurisdiction's lists touch the
	// column.
	Entries int `json:"entries"`
}

// NewMatrix builds the coverage matrix of ls at level (ByChapter or
// ByHeading) as of date: lists and entries not in force on date are left
// out, and the lists of one jurisdiction are merged into one row. A chapter
// is "full" only where a list names the whole chapter, since the catalogue
// does not know every heading of a chapter; a heading is "full" where a
// pattern at or above it is not "ex". Rows are ordered UN, EU, then
// alphabetically.
func NewMatrix(ls []*List, level string, date time.Time) (*Matrix, error) {
	width := 0
	switch level {
	case ByChapter:
		width = 2
	case ByHeading:
		width = 4
	default:
		return nil, fmt.Errorf("lists: matrix level %q: want %q or %q", level, ByChapter, ByHeading)
	}
	m := &Matrix{Level: level, AsOf: date}
	rows := map[string][]*Entry{}
	cols := map[string]bool{}
	for _, l := range InForce(ls, date) {
		if _, ok := rows[l.Jurisdiction]; !ok {
			m.Jurisdictions = append(m.Jurisdictions, l.Jurisdiction)
		}
		es := inForceEntries(l, date)
		rows[l.Jurisdiction] = append(rows[l.Jurisdiction], es...)
		for _, e := range es {
			for _, p := range e.Codes {
				d := p.Code.Digits()
				cols[d[:min(len(d), width)]] = true
			}
		}
	}
	// At heading level a list that names a whole chapter gives that chapter
	// its own two-digit column, since the catalogue cannot list the
	// chapter's headings.
	m.Columns = sortedKeys(cols)
	for _, j := range m.Jurisdictions {
		row := make([]Cell, len(m.Columns))
		for i, col := range m.Columns {
			x, n := extentOf(rows[j], col)
			row[i] = Cell{Extent: x, Entries: n}
		}
		m.Cells = append(m.Cells, row)
	}
	return m, nil
}

// Row returns the cells of jurisdiction j, or nil if it has no row.
func (m *Matrix) Row(j string) []Cell {
	for i, r := range m.Jurisdictions {
		if r == j {
			return m.Cells[i]
		}
	}
	return nil
}
