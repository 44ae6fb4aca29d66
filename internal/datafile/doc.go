// Package datafile reads the authored data files of luxscreen: the control
// lists, the classifier lexicon, the rules and their reference files, the
// screening tables and weights.
//
// Every file is YAML read strictly: a key the format does not define is an
// error, a key given twice is an error, and every error is an [*Error] that
// names the file, line, column and field path of the problem and wraps one
// of the sentinel errors ([ErrSyntax], [ErrUnknownField], [ErrDuplicate],
// [ErrMissing], [ErrInvalid]) for [errors.Is]. A loader reports every
// problem it finds, joined; [Problems] lists them.
//
// Two ways of reading are offered. [Decode] fills a Go struct whose fields
// carry yaml tags, as most formats need. [File] walks the YAML nodes for
// formats whose shape depends on their content (rule conditions), with the
// same errors.
//
// [Overlay] lays a directory over a package's embedded files, so that a
// deployment can correct or extend the data without a rebuild, and [Dir]
// maps a data directory laid out like the repository onto each package.
package datafile
