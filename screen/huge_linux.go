//go:build linux

package screen

import "golang.org/x/sys/unix"

// adviseHuge asks the kernel to back b, whole huge pages, with huge pages
// now (MADV_COLLAPSE, Linux 6.1 and later). It is advice: an older
// kernel, or one with no huge page free, leaves b as it is.
func adviseHuge(b []byte) {
	_ = unix.Madvise(b, unix.MADV_COLLAPSE)
}
