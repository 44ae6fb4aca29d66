//go:build !(linux || darwin || freebsd)

package screen

// processUsage reports that the system gives no resource usage here.
func processUsage() (minorFaults int64, kernelNs int64, ok bool) { return 0, 0, false }
