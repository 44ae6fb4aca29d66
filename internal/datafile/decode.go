package datafile

import (
	"encoding"
	"reflect"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Decode reads data, one YAML document, into the struct v points to, and
// returns the document's top-level node, so that the caller can place the
// problems it finds in the values. name is used in errors.
//
// Decoding is strict: a mapping key that names no field of the struct (by
// its yaml tag, or its lower-cased name) is [ErrUnknownField], a key given
// twice is [ErrDuplicate], and a value of the wrong type is [ErrInvalid],
// each at its line, column and field path. Every problem is reported; the
// returned error is nil, one [*Error], or several joined (see [Problems]).
// A nil node is returned only when data is not YAML or is empty.
func Decode(name string, data []byte, v any) (*yaml.Node, error) {
	f := NewFile(name)
	root := f.Root(data)
	if root != nil {
		f.Decode(root, "", v)
	}
	return root, f.Err()
}

// Decode reads node n strictly into the value v points to, recording
// problems at field path at (see the package function [Decode]).
func (f *File) Decode(n *yaml.Node, at string, v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("datafile: Decode needs a non-nil pointer")
	}
	f.decode(n, at, rv.Elem())
}

var (
	nodeType        = reflect.TypeFor[yaml.Node]()
	timeType        = reflect.TypeFor[time.Time]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// maxNodes bounds the nodes one file may expand to, so that aliases of
// aliases (a "billion laughs") cannot make a load run away.
const maxNodes = 1 << 20

func (f *File) decode(n *yaml.Node, at string, v reflect.Value) {
	f.nodes++
	if f.nodes > maxNodes {
		if f.nodes == maxNodes+1 {
			f.Fail(n, at, ErrInvalid, "aliases expand to more than %d values", maxNodes)
		}
		return
	}
	n = resolve(n)
	t := v.Type()
	switch {
	case t == nodeType:
		v.Set(reflect.ValueOf(*n))
		return
	case t == timeType, reflect.PointerTo(t).Implements(unmarshalerType), reflect.PointerTo(t).Implements(textType):
		f.leaf(n, at, v)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(t.Elem())
		f.decode(n, at, p.Elem())
		v.Set(p)
	case reflect.Struct:
		f.decodeStruct(n, at, v)
	case reflect.Map:
		f.decodeMap(n, at, v)
	case reflect.Slice:
		if isNull(n) {
			return
		}
		items := f.Seq(n, at)
		if items == nil {
			return
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, c := range items {
			f.decode(c, Index(at, i), s.Index(i))
		}
		v.Set(s)
	default:
		f.leaf(n, at, v)
	}
}

// leaf decodes a scalar (or a type that decodes itself) with yaml.v3, and
// rewrites its error, which names Go types, for the file's author.
func (f *File) leaf(n *yaml.Node, at string, v reflect.Value) {
	p := reflect.New(v.Type())
	if err := n.Decode(p.Interface()); err != nil || !exact(n, v.Type()) {
		got := n.Value
		if n.Kind != yaml.ScalarNode {
			got = map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}[n.Kind]
		}
		f.Fail(n, at, ErrInvalid, "want %s, got %s", want(v.Type()), quoteScalar(n, got))
		return
	}
	v.Set(p.Elem())
}

// exact reports whether n holds a value of t without loss: yaml.v3 would
// store 1.5 in an integer as 1.
func exact(n *yaml.Node, t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return n.ShortTag() == "!!int"
	}
	return true
}

func quoteScalar(n *yaml.Node, s string) string {
	if n.Kind == yaml.ScalarNode {
		return `"` + s + `"`
	}
	return s
}

// want names what a Go type holds in the words of a data file.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	if t == timeType {
		return "a date (YYYY-MM-DD)"
	}
	return "a " + strings.ToLower(t.Name())
}

func (f *File) decodeStruct(n *yaml.Node, at string, v reflect.Value) {
	if isNull(n) {
		return
	}
	fields := structFields(v.Type())
	keys, values := f.Pairs(n, at)
	for i, k := range keys {
		idx, ok := fields.byName[k.Value]
		if !ok {
			f.Fail(k, Join(at, k.Value), ErrUnknownField, "%q is not allowed here; want one of %s", k.Value, strings.Join(fields.names, ", "))
			continue
		}
		fv, ok := fieldByIndex(v, idx)
		if !ok {
			continue
		}
		f.decode(values[i], Join(at, k.Value), fv)
	}
}

// fieldByIndex returns the field at idx, allocating embedded pointers on
// the way.
func fieldByIndex(v reflect.Value, idx []int) (reflect.Value, bool) {
	for i, x := range idx {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, v.CanSet()
}

func (f *File) decodeMap(n *yaml.Node, at string, v reflect.Value) {
	if isNull(n) {
		return
	}
	t := v.Type()
	keys, values := f.Pairs(n, at)
	m := reflect.MakeMapWithSize(t, len(keys))
	for i, k := range keys {
		kv := reflect.New(t.Key()).Elem()
		before := len(f.errs)
		f.leaf(k, Join(at, k.Value), kv)
		if len(f.errs) > before {
			continue
		}
		ev := reflect.New(t.Elem()).Elem()
		f.decode(values[i], Join(at, k.Value), ev)
		m.SetMapIndex(kv, ev)
	}
	v.Set(m)
}

// fieldTable maps the keys of a struct's YAML form to its fields.
type fieldTable struct {
	byName map[string][]int
	names  []string // in declaration order, for messages
}

// structFields builds the table afresh for each mapping: data files are
// small and read once, and a cache would be package state.
func structFields(t reflect.Type) *fieldTable {
	ft := &fieldTable{byName: map[string][]int{}}
	addFields(ft, t, nil)
	return ft
}

func addFields(ft *fieldTable, t reflect.Type, prefix []int) {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		idx := append(append([]int(nil), prefix...), i)
		if strings.Contains(opts, "inline") {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			addFields(ft, et, idx)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		ft.byName[name] = idx
		ft.names = append(ft.names, name)
	}
}
