package names

import "strings"

// WordRewrites calls yield for each one-word spelling that the lexicon
// rewrites to one other word (abbreviations and variant spellings:
// "defence" to "defense", "chem" to "chemical"). An index of the
// rewritten words uses them to reach also the words one typo away from
// the spelling a list wrote ("DEFENCE" misspelt "DEFENSE" is two edits from
// "defense" but one from "defence").
func (a *Analyzer) WordRewrites(yield func(from, to string)) {
	for from, p := range a.lx.phrases {
		if p.class == Word && len(p.out) == 1 && !strings.Contains(from, " ") && from != p.out[0] {
			yield(from, p.out[0])
		}
	}
}
