// Package server is the luxscreen HTTP service: JSON endpoints over the
// classifier, the sanctions screener, the shipment rules engine and the
// control-list catalogue, an OpenSanctions yente compatible matcher, and
// the health, readiness, metrics and reload endpoints a service needs.
//
// New builds a Server, an http.Handler, from components the caller has
// already built (as "luxscreen serve" does from its flags):
//
//	POST /v1/classify        goods lines → classifications with their controls
//	POST /v1/screen          parties and vessels → screening verdicts and hits
//	POST /v1/check           shipments → block, review or clear decisions
//	GET  /v1/lookup/{code}   the controls covering an HS code
//	GET  /v1/lists           the control lists; /v1/lists/{id} one list
//	GET  /v1/compare?a=&b=   what one list or jurisdiction controls that another does not
//	POST /match/{dataset}    yente's query-by-example matching
//	GET  /healthz, /readyz   liveness; readiness with the list versions
//	GET  /openapi.json       the OpenAPI 3.1 description (openapi.json here)
//	GET  /metrics            Prometheus metrics
//	POST /admin/reload       re-read the sanctions lists without downtime
//
// The classify, screen and check endpoints take one JSON object, or an
// array of them as a batch, and answer in kind; the JSON field names are
// those of the CLI's JSON output. A batch answers whole or not at all.
//
// # Errors and limits
//
// Every error is answered as {"error": {"code", "message", "request_id"}}
// (ErrorResponse) with a stable code: a malformed body is 400
// invalid_json naming the line, column and field, an unknown route 404,
// a body over Config.MaxBodyBytes or a batch over Config.MaxBatch 413, a
// request over Config.RequestTimeout 503 timeout. A /match request whose
// examples hold more than Config.MaxScreenings names in all is 400
// batch_too_large, and one whose include_dataset or exclude_dataset names
// a dataset of no loaded list 400 invalid_parameter, since the filter
// would drop every hit and the answer read as clear. A name longer than
// screen.MaxNameRunes, or a country, birth date or identifier longer than
// screen.MaxFieldRunes, is 400 invalid_field naming the field: no real
// party's name is that long, and analysing one costs time and memory in
// proportion to its length. A panic in a handler is
// recovered, logged with its stack and answered 500 internal; the server
// goes on serving. Input decoding is strict: an unknown field is an error,
// never silently dropped.
//
// # yente compatibility
//
// POST /match/{dataset} reads yente's EntityMatchQuery and answers its
// EntityMatchResponse, so existing yente clients can switch by changing
// their base URL. FollowTheMoney names, countries, birth dates and IMO
// numbers are screened; a result's "match" is true when its score reaches
// the threshold parameter, which defaults to the screener's match
// threshold. luxscreen's own verdict, reasons and list versions ride in
// "luxscreen" fields. Screening fails closed here too: an example that
// cannot be screened and has no hit fails the request (422) instead of
// answering an empty result list a client would read as clear.
//
// # Reloading
//
// Server.Reload, POST /admin/reload and (for "luxscreen serve") SIGHUP
// reread the sanctions lists (luxscreen.System.Reload). Reloads run one
// at a time, and requests are merged: every request that arrives while a
// reload runs shares the one reload that starts after it. None takes the
// answer of the reload already running, which may have read the files
// before they changed. The screener swaps its lists atomically, so
// screenings in flight finish against the old lists and later ones see
// the new lists whole; a failed or refused reload leaves the old lists in
// place. The answer, ReloadStatus, gives each source's status; /readyz
// reports the lists loaded and the outcome of the latest reload.
//
// # Administration
//
// POST /admin/reload is guarded. With Config.AdminToken ("luxscreen serve
// --admin-token-file FILE") a request must send "Authorization: Bearer
// TOKEN", compared in constant time. Without a token only clients on a
// loopback address may reload, unless Config.InsecureAdmin
// ("--insecure-admin") opens the endpoint to all; "luxscreen serve"
// refuses to listen beyond loopback without one or the other.
//
// # Observability
//
// Each request is logged with log/slog (request ID, route, status,
// duration) and counted in Prometheus metrics on the Server's own
// registry: requests by route, method and status (the route is a
// registered pattern or "unmatched", the method one of HTTP's own or
// "OTHER", so that clients cannot grow the series), a latency histogram,
// screenings and decisions by verdict, reloads by result and reload
// requests, the entities of each loaded list, and for each list source
// its list's age and whether it is ready, stale, or had its latest new
// file refused (luxscreen.System.Sources).
package server
