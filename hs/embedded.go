package hs

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
)

// hs2022 is the HS 2022 nomenclature with UN Comtrade's self-explanatory
// texts, compacted by internal/gen: one "code<TAB>text" line per chapter,
// heading and subheading, gzip-compressed. See the NOTICE file for its
// source and terms.
//
//go:generate go run ./internal/gen -src $LUXSCREEN_SHARED/data/hs/comtrade/classificationH6.json -out data/hs2022.tsv.gz
//go:embed data/hs2022.tsv.gz
var hs2022 []byte

// EmbeddedHS2022 returns the HS 2022 nomenclature built into the package: every
// chapter, heading and subheading with the self-explanatory texts of the
// UN Comtrade classification file (edition [HS2022]), without Comtrade's
// "commodities not specified according to kind" placeholders 99, 9999
// and 999999. Each call decompresses and parses the embedded file (a few
// milliseconds) and returns a new table; callers that need it often keep
// it.
func EmbeddedHS2022() (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(hs2022))
	if err != nil {
		return nil, fmt.Errorf("hs: embedded HS2022: %w", err)
	}
	// The gzip trailer holds the size of the data, to read it in one
	// allocation.
	var buf bytes.Buffer
	if n := len(hs2022); n > 4 {
		buf.Grow(int(binary.LittleEndian.Uint32(hs2022[n-4:])) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("hs: embedded HS2022: %w", err)
	}
	return parseCompact(buf.String())
}

// parseCompact reads the lines "code<TAB>text" of the embedded file.
// The codes are checked as [Parse] would, which keeps a damaged
// generator output from yielding codes that do not exist.
func parseCompact(s string) (*Table, error) {
	items := make([]Item, 0, strings.Count(s, "\n"))
	line := 0
	for rest := s; rest != ""; {
		line++
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		d, text, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, &LoadError{File: "embedded HS2022", Line: line, Err: fmt.Errorf("no tab in %q", l)}
		}
		c, err := Parse(d)
		if err != nil || c.Len() > 6 {
			return nil, &LoadError{File: "embedded HS2022", Line: line, Field: "code", Err: fmt.Errorf("bad code %q", d)}
		}
		items = append(items, Item{Code: c, Description: text})
	}
	return NewTable(HS2022, items)
}
