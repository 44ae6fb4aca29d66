package screen

import "github.com/luxscreen/luxscreen/party"

// ListVersion identifies the exact list file a screening used; see
// [party.ListVersion].
type ListVersion = party.ListVersion

// List is one loaded sanctions list.
type List struct {
	Version  ListVersion
	Entities []Entity
}
