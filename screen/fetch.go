package screen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Source is one official list file to download.
type Source struct {
	// Name identifies the source ("un", "ofac-sdn", …).
	Name string `json:"name"`
	// URL is where the publisher serves the file.
	URL string `json:"url"`
	// File is the path, relative to the download directory, to write.
	File string `json:"file"`
	// Format is the format the file must be in (FormatUNXML, …); empty
	// accepts any format Load recognises.
	Format string `json:"format,omitempty"`
}

// OfficialSources returns the official download locations of the lists
// Load understands. This is the one place the URLs are written down.
func OfficialSources() []Source {
	const ofac = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
	return []Source{
		{Name: "un", URL: "https://scsanctions.un.org/resources/xml/en/consolidated.xml", File: "un/consolidated.xml", Format: FormatUNXML},
		{Name: "ofac-sdn", URL: ofac + "SDN.CSV", File: "ofac/sdn.csv", Format: FormatOFACCSV},
		{Name: "ofac-alt", URL: ofac + "ALT.CSV", File: "ofac/alt.csv", Format: FormatOFACCSV},
		{Name: "ofac-add", URL: ofac + "ADD.CSV", File: "ofac/add.csv", Format: FormatOFACCSV},
		{Name: "ofac-comments", URL: ofac + "SDN_COMMENTS.CSV", File: "ofac/sdn_comments.csv", Format: FormatOFACCSV},
		{Name: "ofac-xml", URL: ofac + "SDN.XML", File: "ofac-xml/sdn.xml", Format: FormatOFACXML},
		{Name: "eu", URL: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw", File: "eu/eu-fsf.xml", Format: FormatEUXML},
		{Name: "uk", URL: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv", File: "uk/UK-Sanctions-List.csv", Format: FormatUKCSV},
	}
}

// Fetched records one source of a fetch for the audit trail: the file
// now in the directory, and, when the latest fetch of the source failed,
// why. A failed fetch leaves the file fetched before in place, and its
// record says so.
type Fetched struct {
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	File      string    `json:"file"`
	SHA256    string    `json:"sha256"`
	Bytes     int64     `json:"bytes"`
	FetchedAt time.Time `json:"fetched_at"`
	// Format, Published and Entities describe the list the file holds,
	// as the check before it was put in place read it; for a member of
	// the OFAC CSV set, Entities counts the set's.
	Format    string `json:"format,omitempty"`
	Published string `json:"published,omitempty"`
	Entities  int    `json:"entities,omitempty"`
	// Error says why the latest fetch of the source failed, and FailedAt
	// when; the other fields still describe the file fetched before,
	// which stays, or are empty when there is none.
	Error    string    `json:"error,omitempty"`
	FailedAt time.Time `json:"failed_at,omitzero"`
}

// ManifestFile is the name of the manifest Fetch writes beside the files.
const ManifestFile = "manifest.json"

// ErrInsecureRedirect reports a download redirected from https to a
// plain http address, where the file could be altered on the way.
var ErrInsecureRedirect = errors.New("redirect from https to plain http refused")

// FetchOptions bound and check a fetch. The zero value means the
// defaults.
type FetchOptions struct {
	// Timeout bounds each download; zero means none besides ctx.
	Timeout time.Duration
	// MaxBytes is the largest file accepted; zero means
	// DefaultMaxListBytes.
	MaxBytes int64
	// MaxShrink and AllowShrink check each new list against the copy it
	// replaces, as CheckChange does.
	MaxShrink   float64
	AllowShrink bool
	// Now returns the time recorded in the manifest; nil means time.Now.
	Now func() time.Time
}

// Fetch downloads each source into dir and puts it in place only once it
// has been checked: it must parse, in the source's format, whole, with
// entities, and not shrunk past opt.MaxShrink against the copy it
// replaces. The members of the OFAC CSV set are checked and replaced
// together. A file is written under a temporary name, readable by all
// (0644), and renamed only when the check passes, so a failed fetch
// leaves the previous file where Load reads it. Fetch goes on past a
// failure and writes dir/manifest.json (atomically) describing every
// file in dir, with the failures; the error joins every failure, each
// naming its source.
func Fetch(ctx context.Context, client *http.Client, sources []Source, dir string, opt FetchOptions) ([]Fetched, error) {
	if client == nil {
		client = http.DefaultClient
	}
	client = noDowngrade(client)
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	// Without a readable manifest, the fetch describes only what it
	// fetched.
	prev, _ := ReadManifest(dir)
	dls := make([]download, len(sources))
	for i, src := range sources {
		dls[i] = fetchOne(ctx, client, src, dir, opt)
	}
	defer func() {
		for _, d := range dls {
			if d.tmp != "" {
				os.Remove(d.tmp)
			}
		}
	}()
	var errs []error
	out := make(map[string]Fetched, len(prev)+len(sources))
	for _, f := range prev {
		out[f.Source] = f
	}
	for _, unit := range fetchUnits(sources) {
		l, err := checkUnit(sources, dls, unit, dir, opt)
		for _, i := range unit {
			src, d := sources[i], &dls[i]
			if err == nil {
				err = os.Rename(d.tmp, filepath.Join(dir, filepath.FromSlash(src.File)))
			}
			if err != nil {
				failed := out[src.Name]
				if failed.Source == "" {
					failed = Fetched{Source: src.Name, URL: src.URL, File: src.File}
				}
				failed.Error, failed.FailedAt = err.Error(), now().UTC()
				out[src.Name] = failed
				errs = append(errs, fmt.Errorf("fetch %s (%s): %w", src.Name, src.URL, err))
				continue
			}
			d.tmp = ""
			out[src.Name] = Fetched{Source: src.Name, URL: src.URL, File: src.File, SHA256: d.sha256, Bytes: d.bytes, FetchedAt: now().UTC(),
				Format: l.Version.Format, Published: l.Version.Published, Entities: l.Version.Entities}
		}
	}
	manifest := make([]Fetched, 0, len(out))
	for _, f := range out {
		manifest = append(manifest, f)
	}
	slices.SortFunc(manifest, func(a, b Fetched) int { return strings.Compare(a.File, b.File) })
	if err := writeManifest(dir, manifest); err != nil {
		errs = append(errs, err)
	}
	return manifest, errors.Join(errs...)
}

// noDowngrade returns a copy of client that refuses a redirect from https
// to plain http, besides its own redirect policy.
func noDowngrade(client *http.Client) *http.Client {
	c := *client
	next := client.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		for _, v := range via {
			if v.URL.Scheme == "https" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: %s to %s", ErrInsecureRedirect, v.URL.Redacted(), req.URL.Redacted())
			}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

// download is one source downloaded to a temporary file beside its
// destination, or why it could not be.
type download struct {
	tmp    string
	sha256 string
	bytes  int64
	err    error
}

func fetchOne(ctx context.Context, client *http.Client, src Source, dir string, opt FetchOptions) download {
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src.URL, nil)
	if err != nil {
		return download{err: err}
	}
	resp, err := client.Do(req)
	if err != nil {
		return download{err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return download{err: fmt.Errorf("HTTP status %s", resp.Status)}
	}
	path := filepath.Join(dir, filepath.FromSlash(src.File))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return download{err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fetch-*")
	if err != nil {
		return download{err: err}
	}
	d := download{tmp: tmp.Name()}
	max := LoadOptions{MaxBytes: opt.MaxBytes}.maxBytes()
	h := sha256.New()
	d.bytes, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, max+1))
	if err == nil {
		// CreateTemp makes the file readable by its owner alone; the
		// lists are public and a service running as another user reads
		// them.
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		d.err = err
	case d.bytes > max:
		d.err = fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	d.sha256 = hex.EncodeToString(h.Sum(nil))
	return d
}

// fetchUnits groups the sources checked and replaced together, by index:
// the members of an OFAC CSV set in one directory form one unit, every
// other source its own.
func fetchUnits(sources []Source) [][]int {
	var units [][]int
	sets := make(map[string]int)
	for i, src := range sources {
		if dir, ok := ofacSetDir(src.File); ok {
			if u, seen := sets[dir]; seen {
				units[u] = append(units[u], i)
				continue
			}
			sets[dir] = len(units)
		}
		units = append(units, []int{i})
	}
	return units
}

// ofacSetDir returns the directory of file when file is a member of an
// OFAC CSV set.
func ofacSetDir(file string) (string, bool) {
	base := strings.ToLower(filepath.Base(filepath.FromSlash(file)))
	if slices.Contains(ofacSetFiles[:], base) {
		return filepath.Dir(filepath.FromSlash(file)), true
	}
	return "", false
}

// checkUnit checks the files of one unit as they would be once in place
// and returns the list they hold.
func checkUnit(sources []Source, dls []download, unit []int, dir string, opt FetchOptions) (List, error) {
	for _, i := range unit {
		if err := dls[i].err; err != nil {
			return List{}, err
		}
	}
	first := sources[unit[0]]
	if setDir, ok := ofacSetDir(first.File); ok {
		return checkOFACSet(sources, dls, unit, filepath.Join(dir, setDir), opt)
	}
	data, err := os.ReadFile(dls[unit[0]].tmp)
	if err != nil {
		return List{}, err
	}
	l, err := Decode(data)
	if err != nil {
		return List{}, err
	}
	if first.Format != "" && l.Version.Format != first.Format {
		return List{}, fmt.Errorf("%w: got %s, want %s", ErrFormat, l.Version.Format, first.Format)
	}
	var pv *ListVersion
	if old, err := LoadWith(context.Background(), filepath.Join(dir, filepath.FromSlash(first.File)), LoadOptions{MaxBytes: opt.MaxBytes}); err == nil {
		pv = &old.Version
	}
	return l, CheckChange(pv, l.Version, opt.MaxShrink, opt.AllowShrink)
}

// checkOFACSet checks an OFAC CSV set with the members just downloaded in
// place of those in setDir, the others as they are there.
func checkOFACSet(sources []Source, dls []download, unit []int, setDir string, opt FetchOptions) (List, error) {
	var pv *ListVersion
	if old, err := loadOFACDir(context.Background(), setDir, LoadOptions{MaxBytes: opt.MaxBytes}); err == nil {
		pv = &old.Version
	}
	paths := make(map[string]string)
	if entries, err := os.ReadDir(setDir); err == nil {
		for _, de := range entries {
			if name := strings.ToLower(de.Name()); slices.Contains(ofacSetFiles[:], name) {
				paths[name] = filepath.Join(setDir, de.Name())
			}
		}
	}
	for _, i := range unit {
		paths[strings.ToLower(filepath.Base(filepath.FromSlash(sources[i].File)))] = dls[i].tmp
	}
	l, err := parseOFACFiles(context.Background(), paths, LoadOptions{MaxBytes: opt.MaxBytes})
	if err != nil {
		return List{}, err
	}
	return l, CheckChange(pv, l.Version, opt.MaxShrink, opt.AllowShrink)
}

// writeManifest writes the manifest of dir under a temporary name and
// renames it, so that a reader never sees half of it.
func writeManifest(dir string, m []Fetched) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".manifest-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(append(data, '\n'))
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, ManifestFile))
}

// ReadManifest returns the manifest Fetch wrote in dir.
func ReadManifest(dir string) ([]Fetched, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	var m []Fetched
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestFile), err)
	}
	return m, nil
}

// ListFiles returns what to load for path: path itself, or, for a
// directory Fetch wrote (one with a manifest), each list its manifest
// names, the members of the OFAC CSV set as their directory. A fetched
// directory holds the OFAC SDN list twice, as the CSV set and as XML;
// the XML is left out when the set is there, as the same entities loaded
// twice are an error. A manifest that names a source never fetched, or a
// file whose hash is not the one fetched, is an error: loading the rest
// would screen against fewer lists than the operator fetched.
func ListFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return []string{path}, nil
	}
	m, err := ReadManifest(path)
	if errors.Is(err, os.ErrNotExist) {
		return []string{path}, nil
	}
	if err != nil {
		return nil, err
	}
	hasSet := slices.ContainsFunc(m, func(f Fetched) bool { _, ok := ofacSetDir(f.File); return ok })
	var out []string
	for _, f := range m {
		if f.Format == FormatOFACXML && hasSet {
			continue
		}
		if f.SHA256 == "" {
			return nil, fmt.Errorf("%s: source %s was never fetched (%s): fetch it again, or fetch the others with --only into another directory", filepath.Join(path, ManifestFile), f.Source, f.Error)
		}
		p := filepath.Join(path, filepath.FromSlash(f.File))
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != f.SHA256 {
			return nil, fmt.Errorf("%s: the file changed since it was fetched (sha256 %x, %s in %s)", p, got[:8], f.SHA256[:16], ManifestFile)
		}
		if d, ok := ofacSetDir(f.File); ok {
			p = filepath.Join(path, d)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: names no list", filepath.Join(path, ManifestFile))
	}
	return out, nil
}
