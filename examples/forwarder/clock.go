package main

import "time"

// nowUTC stamps audit records.
func nowUTC() time.Time { return time.Now().UTC() }
