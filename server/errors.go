package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/luxscreen/luxscreen/screen"
)

// Error codes carried in ErrorDetail.Code. They are stable: clients may
// branch on them. The OpenAPI document lists them.
const (
	CodeInvalidJSON      = "invalid_json"
	CodeInvalidField     = "invalid_field"
	CodeInvalidParameter = "invalid_parameter"
	CodeBodyTooLarge     = "body_too_large"
	CodeBatchTooLarge    = "batch_too_large"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeUnauthorized     = "unauthorized"
	CodeForbidden        = "forbidden"
	CodeCannotScreen     = "cannot_screen"
	CodeNotReady         = "not_ready"
	CodeTimeout          = "timeout"
	CodeReloadFailed     = "reload_failed"
	CodeConflict         = "conflict"
	CodeNoStore          = "no_store"
	CodeInternal         = "internal"
)

// ErrorResponse is the body of every error answer:
//
//	{"error": {"code": "invalid_json", "message": "…", "request_id": "…"}}
//
// The yente-compatible /match route adds Detail, the message again, because
// yente clients read errors from a top-level "detail" string.
type ErrorResponse struct {
	Error  ErrorDetail `json:"error"`
	Detail string      `json:"detail,omitempty"`
}

// ErrorDetail says what went wrong.
type ErrorDetail struct {
	// Code is one of the Code constants.
	Code string `json:"code"`
	// Message is for people; it names the item, line, column and field
	// of bad input where they are known.
	Message string `json:"message"`
	// RequestID is also sent in the X-Request-Id header and logged, so an
	// error can be found in the server's log.
	RequestID string `json:"request_id,omitempty"`
}

// apiError is an error a handler returns to answer with a given status.
type apiError struct {
	status  int
	code    string
	message string
	err     error // the cause, logged but not sent
}

func (e *apiError) Error() string { return e.message }
func (e *apiError) Unwrap() error { return e.err }

// errorf returns an apiError with the status and code.
func errorf(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

// lengthError is the 400 for a name or field longer than any real
// party's; err, which wraps screen.ErrNameTooLong, names the field and
// its length, and where, when not empty, places it in the request.
func lengthError(where string, err error) *apiError {
	msg := err.Error()
	if where != "" {
		msg = where + ": field " + msg
	}
	return &apiError{status: http.StatusBadRequest, code: CodeInvalidField, message: msg, err: err}
}

// toAPIError maps any handler error to the status and code to answer with.
// Errors that are not an apiError are internal: their text is logged but
// not sent, since it may name files or internals.
func toAPIError(err error) *apiError {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, screen.ErrNameTooLong):
		return lengthError("", err)
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{status: http.StatusServiceUnavailable, code: CodeTimeout, message: "the request took longer than the server's time limit", err: err}
	case errors.Is(err, context.Canceled):
		return &apiError{status: http.StatusServiceUnavailable, code: CodeTimeout, message: "the request was cancelled", err: err}
	}
	return &apiError{status: http.StatusInternalServerError, code: CodeInternal, message: "internal error; see the server log for the request ID", err: err}
}
