package lists

import (
	"context"
	"embed"
	"io/fs"
)

// data holds the authored list files. It is read-only; Default parses it
// afresh on each call, so no parsed state is shared between callers.
//
//go:embed data/*.yaml membership/jurisdictions.yaml presumptions/presumptions.yaml
var data embed.FS

// DataDir is the directory of the list files in [FS] and in a data
// directory laid out like the repository (lists/data).
const DataDir = "data"

// DefaultLists parses the lists embedded in the package.
func DefaultLists(ctx context.Context) ([]*List, error) {
	return LoadFS(ctx, data, DataDir)
}

// Default returns a catalogue of the lists embedded in the package: the UN
// luxury annexes and sectoral bans, the national luxury lists and the
// catch-all watch lists.
func Default(ctx context.Context) (*Catalogue, error) {
	return Load(ctx, data)
}

// Load returns a catalogue of the lists in fsys, a file system laid out
// like the package directory (every data/*.yaml, the union membership
// [MembershipFile] and the price floors [PresumptionsFile]): the embedded
// [FS], or that with a data directory laid over it.
func Load(ctx context.Context, fsys fs.FS) (*Catalogue, error) {
	ls, err := LoadFS(ctx, fsys, DataDir)
	if err != nil {
		return nil, err
	}
	ms, err := LoadMembership(fsys)
	if err != nil {
		return nil, err
	}
	ps, err := LoadPresumptions(fsys)
	if err != nil {
		return nil, err
	}
	c, err := New(ls...)
	if err != nil {
		return nil, err
	}
	return c.WithMembership(ms).WithPresumptions(ps), nil
}
