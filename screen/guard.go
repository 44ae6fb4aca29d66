package screen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// Errors of a list file that loads but must not replace a list: each is
// returned wrapped, with the file and what was found.
var (
	// ErrEmpty reports a list that holds no entity. No official list is
	// ever empty; an empty file is a failed download or an operator's
	// mistake, and screening against it would answer clear for every
	// party it should have listed.
	ErrEmpty = errors.New("list holds no entity")
	// ErrShrunk reports a list that holds fewer entities than the copy it
	// would replace, by more than the share allowed.
	ErrShrunk = errors.New("list shrank")
	// ErrTruncated reports a file that ends where a complete file cannot:
	// inside a quoted field, in the middle of a row, or without the
	// end-of-file mark its publisher writes.
	ErrTruncated = errors.New("file is truncated")
	// ErrTooLarge reports a file larger than the size limit.
	ErrTooLarge = errors.New("file exceeds the size limit")
)

// DefaultMaxShrink is the share of its entities a list may lose from one
// load to the next before the new copy is refused: official lists lose a
// few delistings at a time, while a half-written or wrongly filtered file
// loses most of them.
const DefaultMaxShrink = 0.10

// DefaultMaxListBytes is the size limit of one list file. The largest
// official list is a few tens of megabytes; the limit is far above that,
// so that only a runaway or wrong file meets it.
const DefaultMaxListBytes int64 = 1 << 30

// LoadOptions bound what [LoadWith] reads. The zero value means the
// defaults.
type LoadOptions struct {
	// MaxBytes is the largest list file read, in bytes; zero means
	// DefaultMaxListBytes. For an OFAC CSV directory it bounds each
	// member file.
	MaxBytes int64
}

func (o LoadOptions) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxListBytes
}

// readFile reads path whole, refusing a file larger than max before
// reading it, and one that grew past max while being read.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%s: %w: %d bytes, limit %d", path, ErrTooLarge, st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", path, ErrTooLarge, max)
	}
	return data, nil
}

// CheckChange reports whether next may replace prev, the version of the
// same source loaded before (nil when there is none): next must hold an
// entity, and, unless allowShrink, must not have lost more than maxShrink
// of prev's entities (zero means DefaultMaxShrink). The error wraps
// ErrEmpty or ErrShrunk.
func CheckChange(prev *ListVersion, next ListVersion, maxShrink float64, allowShrink bool) error {
	if next.Entities == 0 {
		return ErrEmpty
	}
	if prev == nil || allowShrink || next.Entities >= prev.Entities {
		return nil
	}
	if maxShrink <= 0 {
		maxShrink = DefaultMaxShrink
	}
	lost := float64(prev.Entities-next.Entities) / float64(prev.Entities)
	if lost > maxShrink {
		return fmt.Errorf("%w: %d entities, %d before (%.0f%% lost, at most %.0f%% allowed)",
			ErrShrunk, next.Entities, prev.Entities, 100*lost, 100*maxShrink)
	}
	return nil
}

// ofacEOF is the DOS end-of-file mark OFAC writes at the end of each file
// of the legacy CSV set.
const ofacEOF = 0x1a

// checkCSVEnd reports a CSV file that cannot be whole: one that ends
// inside a quoted field, or in the middle of a row. A file ending with
// OFAC's end-of-file mark is whole when no quote is open; one without it
// must end with a line break. An empty file passes: it is refused for
// holding no entity.
func checkCSVEnd(data []byte) error {
	if openQuoteAtEOF(data) {
		return fmt.Errorf("%w: it ends inside a quoted field", ErrTruncated)
	}
	end := bytes.TrimRight(data, " \t")
	if len(end) == 0 {
		return nil
	}
	switch end[len(end)-1] {
	case ofacEOF, '\n', '\r':
		return nil
	}
	return fmt.Errorf("%w: its last row ends without a line break", ErrTruncated)
}

// checkOFACEnd reports an OFAC legacy CSV member that is not whole: as
// checkCSVEnd, and, for the files OFAC publishes with the end-of-file
// mark (sdn.csv, alt.csv, add.csv), one without the mark, which a copy
// cut off between two rows lacks.
func checkOFACEnd(role string, data []byte) error {
	if err := checkCSVEnd(data); err != nil {
		return err
	}
	if role == "sdn_comments.csv" || len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if !bytes.HasSuffix(bytes.TrimRight(data, " \t\r\n"), []byte{ofacEOF}) {
		return fmt.Errorf("%w: no end-of-file mark (0x1A), which OFAC writes at the end of %s", ErrTruncated, role)
	}
	return nil
}

// openQuoteAtEOF reports whether data ends inside a quoted CSV field,
// reading quotes as encoding/csv does with LazyQuotes: a field is quoted
// when it starts with a quote, "" inside it is a quote, and a quote not
// followed by a comma or line break is kept as text.
func openQuoteAtEOF(data []byte) bool {
	quoted, start := false, true
	for i := 0; i < len(data); i++ {
		c := data[i]
		if !quoted {
			switch {
			case c == '"' && start:
				quoted = true
			case c == ',' || c == '\n':
				start = true
				continue
			}
			start = false
			continue
		}
		if c != '"' {
			continue
		}
		if i+1 == len(data) {
			return false
		}
		switch data[i+1] {
		case '"':
			i++
		case ',', '\n', '\r':
			quoted = false
		}
	}
	return quoted
}
