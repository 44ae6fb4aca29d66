package luxscreen

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/screen/names"
)

// packageData is the authored data of each package: its embedded files,
// with the package's directory under Config.DataDir laid over them.
type packageData struct {
	lists, classify, rules, screen fs.FS
}

// dataFiles returns the files a data directory may hold, by repository
// path: the embedded tree. A file elsewhere is a mistake (a misspelt
// directory, a .yml) that would otherwise be ignored without a word.
func dataFiles() []string {
	return []string{
		"lists/data/*.yaml",
		"lists/" + lists.PresumptionsFile,
		"classify/lexicon/*.yaml",
		"classify/" + classify.NumbersFile,
		"rules/data/*.yaml",
		"screen/" + screen.CountriesFile,
		"screen/" + screen.DemoFile,
		"screen/" + screen.WeightsFile,
		"screen/names/*.yaml",
	}
}

// openData lays dir, a data directory laid out like the repository, over
// each package's embedded files. The empty dir means the embedded files
// alone.
func openData(dir string) (packageData, error) {
	d := datafile.Dir(dir)
	if err := d.Check(); err != nil {
		return packageData{}, fmt.Errorf("luxscreen: %w", err)
	}
	return packageData{
		lists:    d.FS("lists", lists.FS()),
		classify: d.FS("classify", classify.FS()),
		rules:    d.FS("rules", rules.FS()),
		screen:   d.FS("screen", screen.FS()),
	}, nil
}

// DataReport is what [CheckData] read.
type DataReport struct {
	// Replaced are the files of the directory that replace an embedded
	// file, and Added those that add one, by repository path.
	Replaced, Added []string
}

// CheckData loads the data of every package with dir laid over the
// embedded files, as [Open] does with Config.DataDir, and returns every
// problem found: in each file (with its file, line, column and field),
// between files (a rule naming a set no file defines), and files in dir
// that no package reads. The error joins the problems (each an
// internal/datafile.Error, one per line of its message), or is nil when
// the data is sound.
func CheckData(ctx context.Context, dir string) (DataReport, error) {
	var rep DataReport
	if dir == "" {
		return rep, errors.New("luxscreen: no data directory given")
	}
	d, err := openData(dir)
	if err != nil {
		return rep, err
	}
	errs := []error{walkData(dir, &rep)}
	add := func(_ any, err error) { errs = append(errs, err) }
	cat, err := lists.Load(ctx, d.lists)
	if err != nil {
		// The classifier's own files are checked against the embedded
		// catalogue, so that their problems are reported too.
		errs = append(errs, err)
		if cat, err = lists.Default(ctx); err != nil {
			return rep, err
		}
	}
	opts := []classify.Option{classify.WithNumbers(d.classify)}
	if lx, err := classify.LoadLexicon(d.classify, classify.LexiconDir); err != nil {
		errs = append(errs, err)
	} else {
		opts = append(opts, classify.WithLexicon(lx))
	}
	add(classify.New(cat, opts...))
	add(rules.LoadRuleSet(d.rules))
	add(rules.LoadReference(d.rules))
	errs = append(errs, screen.CheckData(d.screen))
	return rep, errors.Join(errs...)
}

// walkData lists the files of dir in rep, and returns a problem for each
// file no package reads.
func walkData(dir string, rep *DataReport) error {
	embedded := map[string]fs.FS{"lists": lists.FS(), "classify": classify.FS(), "rules": rules.FS(), "screen": screen.FS(), "screen/names": names.FS()}
	var errs []error
	err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !slices.ContainsFunc(dataFiles(), func(pat string) bool { ok, _ := path.Match(pat, rel); return ok }) {
			errs = append(errs, &datafile.Error{File: p, Err: fmt.Errorf("%w: no package reads it; a data directory is laid out like the embedded tree (lists/data/*.yaml, classify/lexicon/*.yaml, rules/data/*.yaml, screen/…)", datafile.ErrUnknownFile)})
			return nil
		}
		pkg, name := path.Split(rel)
		pkg = path.Clean(pkg)
		for pkg != "." {
			if base, ok := embedded[pkg]; ok {
				if _, err := fs.Stat(base, name); err == nil {
					rep.Replaced = append(rep.Replaced, rel)
				} else {
					rep.Added = append(rep.Added, rel)
				}
				break
			}
			name = path.Join(path.Base(pkg), name)
			pkg = path.Dir(pkg)
		}
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
