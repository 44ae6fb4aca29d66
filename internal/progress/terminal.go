package progress

import (
	"io"

	"golang.org/x/term"
)

// IsTerminal reports whether w is a terminal: an *os.File (or anything
// with a file descriptor) open on a tty. Buffers, pipes and regular files
// are not.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
