package progress

import (
	"fmt"
	"strconv"
	"time"
)

// Count formats n with thousands separators: 1234567 is "1,234,567".
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Rate formats n records over elapsed as "4,321/s", with one decimal below
// ten a second, and "-/s" before any time has passed.
func Rate(n int64, elapsed time.Duration) string {
	if elapsed <= 0 {
		return "-/s"
	}
	r := float64(n) / elapsed.Seconds()
	if r < 10 {
		return strconv.FormatFloat(r, 'f', 1, 64) + "/s"
	}
	return Count(int64(r+0.5)) + "/s"
}

// Duration formats d as "m:ss" or "h:mm:ss", rounded to the second; below
// ten seconds as "1.2s", and below one as "120ms", so that short runs
// still say something.
func Duration(d time.Duration) string {
	if d < time.Second {
		return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
	}
	if d < 10*time.Second {
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + "s"
	}
	return clock(d)
}

// clock formats d as "m:ss" or "h:mm:ss", rounded to the second: the
// meter's times, which change every second and must not jump in width.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s < 3600 {
		return fmt.Sprintf("%d:%02d", s/60, s%60)
	}
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}
