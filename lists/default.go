package lists

import (
	"context"
	"embed"
)

// data holds the authored list files. It is read-only; Default parses it
// afresh on each call, so no parsed state is shared between callers.
//
//go:embed data/*.yaml
var data embed.FS

// DefaultLists parses the lists embedded in the package.
func DefaultLists(ctx context.Context) ([]*List, error) {
	return LoadFS(ctx, data, "data")
}

// Default returns a catalogue of the lists embedded in the package: the UN
// luxury annexes and sectoral bans, the national luxury lists and the
// catch-all watch lists.
func Default(ctx context.Context) (*Catalogue, error) {
	ls, err := DefaultLists(ctx)
	if err != nil {
		return nil, err
	}
	return New(ls...)
}
