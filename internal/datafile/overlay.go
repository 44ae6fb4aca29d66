package datafile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Overlay returns base with over laid on it: a file in over replaces the
// file of base at the same path, a file only in over is added, and a
// directory lists the entries of both. A nil over returns base. Paths that
// over cannot open because they do not exist fall through to base; any
// other error of over is returned, so that an unreadable correction is
// never silently replaced by the embedded default.
func Overlay(base, over fs.FS) fs.FS {
	if over == nil {
		return base
	}
	return overlay{base: base, over: over}
}

type overlay struct {
	base, over fs.FS
	// pkg and dir, when set by [Dir.FS], name the files in errors.
	pkg, dir string
}

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	of, oerr := o.over.Open(name)
	if oerr != nil && !errors.Is(oerr, fs.ErrNotExist) {
		return nil, oerr
	}
	if oerr == nil {
		return o.merged(name, of)
	}
	bf, err := o.base.Open(name)
	if err != nil {
		return nil, err
	}
	return o.merged(name, bf)
}

// merged returns f, opened at name in one of the trees, when it is a file;
// when it is a directory it closes f and returns the directory with the
// entries of both trees.
func (o overlay) merged(name string, f fs.File) (fs.File, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.IsDir() {
		return f, nil
	}
	f.Close()
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &dirFile{info: st, entries: entries}, nil
}

// ReadDir lists the entries of both trees, over's first where names meet,
// sorted by name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	oe, oerr := fs.ReadDir(o.over, name)
	if oerr != nil && !errors.Is(oerr, fs.ErrNotExist) {
		return nil, oerr
	}
	be, berr := fs.ReadDir(o.base, name)
	if berr != nil && !errors.Is(berr, fs.ErrNotExist) {
		return nil, berr
	}
	if oerr != nil && berr != nil {
		return nil, berr
	}
	out := slices.Clone(oe)
	for _, e := range be {
		if !slices.ContainsFunc(oe, func(x fs.DirEntry) bool { return x.Name() == e.Name() }) {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// dirFile is an open directory of the overlay.
type dirFile struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dirFile) Close() error               { return nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(rest))
	d.off += k
	return rest[:k], nil
}

// Dir is a data directory laid out like the repository's embedded tree:
// Dir/lists/data/*.yaml for the lists package, Dir/classify/lexicon/*.yaml
// for the classifier, Dir/rules/data/*.yaml, Dir/screen/countries.yaml,
// Dir/screen/names/lexicon.yaml and so on. The empty Dir means no
// directory: every package reads its embedded files.
type Dir string

// Check reports whether the directory exists and is a directory, so that a
// mistyped path fails loudly rather than falling back to the embedded
// data.
func (d Dir) Check() error {
	if d == "" {
		return nil
	}
	st, err := os.Stat(string(d))
	if err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("data directory %s: not a directory", d)
	}
	return nil
}

// FS returns the embedded files of the package at repository path pkg
// ("lists", "screen/names") with the files of Dir/pkg laid over them (see
// [Overlay]).
func (d Dir) FS(pkg string, embedded fs.FS) fs.FS {
	if d == "" {
		return embedded
	}
	dir := filepath.Join(string(d), filepath.FromSlash(pkg))
	return overlay{base: embedded, over: os.DirFS(dir), pkg: pkg, dir: dir}
}

// Sub returns the overlay of the directories dir of both trees, so that a
// package reading a subdirectory (screen reads names/) still names its
// files by their place.
func (o overlay) Sub(dir string) (fs.FS, error) {
	base, err := fs.Sub(o.base, dir)
	if err != nil {
		return nil, err
	}
	over, err := fs.Sub(o.over, dir)
	if err != nil {
		return nil, err
	}
	s := overlay{base: base, over: over}
	if o.dir != "" {
		s.pkg, s.dir = o.pkg+"/"+dir, filepath.Join(o.dir, filepath.FromSlash(dir))
	}
	return s, nil
}

// Source names the file at path name of fsys for error messages: its path
// on disk when an overlay made by [Dir.FS] takes it from the directory,
// its repository path when the overlay falls through to the embedded
// file, and name itself for any other fs.FS.
func Source(fsys fs.FS, name string) string {
	o, ok := fsys.(overlay)
	if !ok {
		return name
	}
	_, err := fs.Stat(o.over, name)
	switch {
	case o.dir == "" && err == nil:
		return Source(o.over, name)
	case o.dir == "":
		return Source(o.base, name)
	case err == nil:
		return filepath.Join(o.dir, filepath.FromSlash(name))
	}
	return o.pkg + "/" + name
}
