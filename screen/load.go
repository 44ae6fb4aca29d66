package screen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrFormat reports a file that is not in the format its loader expects,
// or whose format cannot be recognised.
var ErrFormat = errors.New("unrecognised list format")

// File formats recognised by Load.
const (
	FormatUNXML   = "un-xml"
	FormatOFACCSV = "ofac-csv"
	FormatOFACXML = "ofac-xml"
	FormatEUXML   = "eu-xml"
	FormatUKCSV   = "uk-csv"
	FormatFtM     = "ftm-jsonl"
	FormatDemo    = "demo-yaml"
)

// ofacSetFiles are the members of an OFAC legacy CSV directory, by role.
var ofacSetFiles = [...]string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}

// Load reads a list from path, recognising its format from the content:
// UN consolidated XML, OFAC SDN XML, an OFAC legacy CSV directory (or its
// sdn.csv), EU Financial Sanctions Files XML, UK Sanctions List CSV, or
// FollowTheMoney JSON lines. The version records the SHA-256 of the
// bytes read. Errors name the file and, where known, the line and field.
// A file cut short (see [ErrTruncated]) or larger than
// [DefaultMaxListBytes] is an error.
func Load(ctx context.Context, path string) (List, error) {
	return LoadWith(ctx, path, LoadOptions{})
}

// LoadWith loads a list as [Load] does, within the bounds of opt.
func LoadWith(ctx context.Context, path string, opt LoadOptions) (List, error) {
	if err := ctx.Err(); err != nil {
		return List{}, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return List{}, err
	}
	if st.IsDir() {
		return loadOFACDir(ctx, path, opt)
	}
	if strings.EqualFold(filepath.Base(path), "sdn.csv") {
		return loadOFACDir(ctx, filepath.Dir(path), opt)
	}
	data, err := readFile(path, opt.maxBytes())
	if err != nil {
		return List{}, err
	}
	l, err := Decode(data)
	if err != nil {
		return List{}, fmt.Errorf("%s: %w", path, err)
	}
	l.Version.File = path
	return l, nil
}

// Decode parses a list held in memory, recognising the format as Load does
// (except the multi-file OFAC CSV set, for which use OFACCSV).
func Decode(data []byte) (List, error) {
	sum := sha256.Sum256(data)
	format := sniff(data)
	dec, ok := decoders()[format]
	if !ok {
		return List{}, ErrFormat
	}
	if err := checkEnd(format, data); err != nil {
		return List{}, err
	}
	l, err := dec(bytes.NewReader(data))
	if err != nil {
		return List{}, err
	}
	l.Version.ID = sourceID(format)
	l.Version.SHA256 = hex.EncodeToString(sum[:])
	l.Version.Entities = len(l.Entities)
	return l, nil
}

// sourceID returns the ID a list of the format is known by
// (ListVersion.ID): the name of its official source (see OfficialSources).
func sourceID(format string) string {
	switch format {
	case FormatUNXML:
		return "un"
	case FormatOFACCSV:
		return "ofac-sdn"
	case FormatOFACXML:
		return "ofac-xml"
	case FormatEUXML:
		return "eu"
	case FormatUKCSV:
		return "uk"
	case FormatFtM:
		return "opensanctions"
	case FormatDemo:
		return "demo"
	}
	return ""
}

// sniff names the format of data from its first bytes and root element or
// header line.
func sniff(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(head)
	switch {
	case bytes.HasPrefix(trimmed, []byte("<")):
		switch root := xmlRoot(head); root {
		case "CONSOLIDATED_LIST":
			return FormatUNXML
		case "sdnList":
			return FormatOFACXML
		case "export":
			return FormatEUXML
		}
	case bytes.HasPrefix(trimmed, []byte("{")):
		return FormatFtM
	default:
		first := string(trimmed)
		if i := strings.IndexAny(first, "\r\n"); i >= 0 {
			first = first[:i]
		}
		switch {
		case strings.HasPrefix(first, "Report Date") || strings.Contains(first, "Unique ID") && strings.Contains(first, "Name 6"):
			return FormatUKCSV
		case len(first) > 0 && first[0] >= '0' && first[0] <= '9' && strings.Count(first, ",") >= ofacSDNFields-1:
			return FormatOFACCSV
		}
	}
	return ""
}

// xmlRoot returns the local name of the first element in head.
func xmlRoot(head []byte) string {
	for i := 0; i < len(head); i++ {
		if head[i] != '<' || i+1 >= len(head) {
			continue
		}
		c := head[i+1]
		if c == '?' || c == '!' || c == '/' {
			continue
		}
		j := i + 1
		for j < len(head) && head[j] != ' ' && head[j] != '>' && head[j] != '\n' && head[j] != '\r' && head[j] != '\t' && head[j] != '/' {
			j++
		}
		name := string(head[i+1 : j])
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		return name
	}
	return ""
}

// loadOFACDir loads an OFAC legacy CSV directory. sdn.csv is required; the
// other members are used when present. The version hash covers every
// member file read.
func loadOFACDir(ctx context.Context, dir string, opt LoadOptions) (List, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return List{}, err
	}
	found := make(map[string]string)
	for _, de := range entries {
		for _, want := range ofacSetFiles {
			if strings.EqualFold(de.Name(), want) {
				found[want] = filepath.Join(dir, de.Name())
			}
		}
	}
	if found["sdn.csv"] == "" {
		return List{}, fmt.Errorf("%s: %w: no sdn.csv in directory", dir, ErrFormat)
	}
	l, err := parseOFACFiles(ctx, found, opt)
	if err != nil {
		return List{}, fmt.Errorf("%s: %w", dir, err)
	}
	l.Version.File = dir
	return l, nil
}

// parseOFACFiles reads and parses the members of an OFAC CSV set, given
// by role (the names in ofacSetFiles) with the path to read each from.
func parseOFACFiles(ctx context.Context, paths map[string]string, opt LoadOptions) (List, error) {
	if paths["sdn.csv"] == "" {
		return List{}, fmt.Errorf("%w: no sdn.csv", ErrFormat)
	}
	data := make(map[string][]byte)
	var names []string
	for role, p := range paths {
		if err := ctx.Err(); err != nil {
			return List{}, err
		}
		b, err := readFile(p, opt.maxBytes())
		if err != nil {
			return List{}, err
		}
		if err := checkOFACEnd(role, b); err != nil {
			return List{}, fmt.Errorf("%s: %w", role, err)
		}
		data[role] = b
		names = append(names, role)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		s := sha256.Sum256(data[n])
		fmt.Fprintf(h, "%s  %s\n", hex.EncodeToString(s[:]), n)
	}
	set := OFACCSV{SDN: bytes.NewReader(data["sdn.csv"])}
	if b, ok := data["alt.csv"]; ok {
		set.Alt = bytes.NewReader(b)
	}
	if b, ok := data["add.csv"]; ok {
		set.Add = bytes.NewReader(b)
	}
	if b, ok := data["sdn_comments.csv"]; ok {
		set.Comments = bytes.NewReader(b)
	}
	es, err := set.Parse()
	if err != nil {
		return List{}, err
	}
	return List{
		Version: ListVersion{
			ID:       sourceID(FormatOFACCSV),
			Source:   "OFAC",
			Format:   FormatOFACCSV,
			SHA256:   hex.EncodeToString(h.Sum(nil)),
			Entities: len(es),
		},
		Entities: es,
	}, nil
}

// checkEnd reports a file of the format that cannot be whole. The XML
// and JSON parsers meet a cut-off file as a syntax error; a CSV file cut
// between two rows parses, and is caught here.
func checkEnd(format string, data []byte) error {
	switch format {
	case FormatOFACCSV:
		return checkOFACEnd("sdn.csv", data)
	case FormatUKCSV:
		return checkCSVEnd(data)
	}
	return nil
}

// decoders maps each single-file format to its parser.
func decoders() map[string]func(io.Reader) (List, error) {
	return map[string]func(io.Reader) (List, error){
		FormatUNXML:   parseUN,
		FormatOFACXML: parseOFACXML,
		FormatEUXML:   parseEUXML,
		FormatUKCSV:   parseUKCSV,
		FormatFtM:     parseFtM,
		FormatOFACCSV: func(r io.Reader) (List, error) {
			es, err := ParseOFACSDN(r)
			return List{Version: ListVersion{Source: "OFAC", Format: FormatOFACCSV}, Entities: es}, err
		},
	}
}
