//go:build !linux

package screen

// adviseHuge does nothing where the kernel takes no advice on page sizes.
func adviseHuge(b []byte) {}
