package screen

import "unsafe"

// At a million names the index is a gigabyte, and nearly every read of a
// screening is to a page whose address translation is not in the
// processor's TLB: under a virtual machine, each such miss walks two
// levels of page tables, the guest's and the host's. Backed by 2 MiB
// pages rather than 4 KiB ones, the index's large arrays need 512 times
// fewer translations, and a walk one level less. The Go runtime does not
// ask for huge pages, and most Linux systems give them only where asked
// (transparent_hugepage "madvise"), so the index asks for its own.

// hugePage is the size of a transparent huge page on x86-64, and on
// arm64 with 4 KiB base pages.
const hugePage = 2 << 20

// hugeRange returns the range [start, end) of the huge pages that lie
// wholly within the size bytes from addr, or an empty range.
func hugeRange(addr, size uintptr) (start, end uintptr) {
	start = (addr + hugePage - 1) &^ (hugePage - 1)
	end = (addr + size) &^ (hugePage - 1)
	if end <= start {
		return 0, 0
	}
	return start, end
}

// hugePages asks the kernel to back the huge pages that lie wholly within
// the array of s with huge pages now (see adviseHuge). Nothing else
// changes: the array keeps its place and contents.
func hugePages[T any](s []T) {
	if cap(s) == 0 {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	start, end := hugeRange(uintptr(p), uintptr(cap(s))*unsafe.Sizeof(*new(T)))
	if end == start {
		return
	}
	adviseHuge(unsafe.Slice((*byte)(unsafe.Add(p, start-uintptr(p))), end-start))
}

// hugePages asks for the index's large arrays to be backed by huge pages
// (see hugePages): those a screening reads at random.
func (ix *termIndex) hugePages() {
	hugePages(ix.terms)
	hugePages(ix.post)
	hugePages(ix.psum)
	hugePages(ix.toks)
	hugePages(ix.tokStart)
	hugePages(ix.occ)
	hugePages(ix.occStart)
	hugePages(ix.cuts)
	hugePages(ix.del.dir)
	hugePages(ix.del.es)
	hugePages(ix.hoods.info)
	hugePages(ix.hoods.post)
	hugePages(ix.hoods.reach)
	hugePages(ix.hoods.psum)
	hugePages(ix.written.slots)
}
