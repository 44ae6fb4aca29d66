package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/screen"
)

// runListsFetch downloads the official sanctions list files ("luxscreen
// lists fetch").
func runListsFetch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists fetch", "[--dir D] [--timeout 2m] [--only NAME,…] [--url NAME=URL …]")
	dir := fs.String("dir", "lists", "directory to write the files and manifest.json into")
	timeout := fs.Duration("timeout", 2*time.Minute, "time limit for each download")
	only := fs.String("only", "", "comma-separated source names to fetch (default: all)")
	var urls repeated
	fs.Var(&urls, "url", "NAME=URL: fetch source NAME from a mirror instead; repeatable")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("lists fetch: unexpected argument %q", pos[0])
	}
	sources := screen.OfficialSources()
	known := make(map[string]int)
	for i, s := range sources {
		known[s.Name] = i
	}
	for _, u := range urls {
		name, url, ok := strings.Cut(u, "=")
		i, found := known[name]
		if !ok || !found || url == "" {
			return usagef("lists fetch: --url %q: want NAME=URL with NAME one of %s", u, sourceNames(sources))
		}
		sources[i].URL = url
	}
	if *only != "" {
		var sel []screen.Source
		for _, n := range splitList(*only) {
			i, found := known[n]
			if !found {
				return usagef("lists fetch: --only %q: unknown source (have %s)", n, sourceNames(sources))
			}
			sel = append(sel, sources[i])
		}
		sources = sel
	}
	got, err := screen.Fetch(ctx, &http.Client{}, sources, *dir, *timeout)
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "SOURCE\tFILE\tBYTES\tSHA256")
	for _, f := range got {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", f.Source, f.File, f.Bytes, f.SHA256)
	}
	if ferr := tw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "manifest: %s/%s\n", *dir, screen.ManifestFile)
	return nil
}

func sourceNames(ss []screen.Source) string {
	var names []string
	for _, s := range ss {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}
