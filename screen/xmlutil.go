package screen

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// decodeRecords streams an XML document, decoding every element named
// record into a fresh T and handing it to fn with its line. rootAttrs is
// called with the attributes of the first element, and the document is
// rejected unless that element is named root.
//
// extra, when not nil, is called for every other element it names (for
// metadata such as a publication date).
func decodeRecords[T any](r io.Reader, root, record string, rootAttrs func([]xml.Attr), fn func(line int, rec *T) error, extra map[string]func(d *xml.Decoder, se *xml.StartElement) error) error {
	d := xml.NewDecoder(r)
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return fmt.Errorf("line %d: %w", line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !sawRoot {
			if se.Name.Local != root {
				return fmt.Errorf("%w: root element %s, want %s", ErrFormat, se.Name.Local, root)
			}
			sawRoot = true
			if rootAttrs != nil {
				rootAttrs(se.Attr)
			}
			continue
		}
		if h, ok := extra[se.Name.Local]; ok {
			line, _ := d.InputPos()
			if err := h(d, &se); err != nil {
				return fmt.Errorf("line %d: %s: %w", line, se.Name.Local, err)
			}
			continue
		}
		if se.Name.Local != record {
			continue
		}
		line, _ := d.InputPos()
		var rec T
		if err := d.DecodeElement(&rec, &se); err != nil {
			return fmt.Errorf("line %d: %s: %w", line, record, err)
		}
		if err := fn(line, &rec); err != nil {
			return fmt.Errorf("line %d: %s: %w", line, record, err)
		}
	}
	if !sawRoot {
		return fmt.Errorf("%w: no %s element", ErrFormat, root)
	}
	return nil
}
