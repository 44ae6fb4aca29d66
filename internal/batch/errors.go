package batch

// RecordError marks the failure of one record — a line that does not
// decode, a field out of range — as opposed to a failure of the whole run.
// [Run] emits it in the record's place and goes on.
type RecordError struct {
	Err error
}

// Skip returns err marked as the failure of one record, or nil if err is
// nil.
func Skip(err error) error {
	if err == nil {
		return nil
	}
	return &RecordError{Err: err}
}

func (e *RecordError) Error() string { return e.Err.Error() }

// Unwrap returns the record's error.
func (e *RecordError) Unwrap() error { return e.Err }
