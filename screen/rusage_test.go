//go:build linux || darwin || freebsd

package screen

import "syscall"

// processUsage returns the page faults served without I/O (minor faults)
// and the processor time spent in the kernel of the whole process so
// far, and whether the system reports them.
func processUsage() (minorFaults int64, kernelNs int64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, false
	}
	return int64(ru.Minflt), syscall.TimevalToNsec(ru.Stime), true
}
