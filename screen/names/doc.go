// Package names turns party and vessel names into comparable tokens for
// sanctions screening.
//
// The pipeline is the same for a query and for a listed name, so that both
// sides meet in one form:
//
//  1. Fold: Unicode compatibility decomposition, accents and other marks
//     removed, case folded; Hangul romanised from its jamo, Han characters
//     read as Mandarin pinyin, Cyrillic transliterated. Other scripts are
//     kept as they are and reported, since guessing at them produces noise.
//  2. Tokenise: apostrophes and dots are deleted ("Ch'o'ngsong" becomes
//     "chongsong", "p.l.c." becomes "plc"), other punctuation separates
//     words, and a run of digits is always its own token, so numbers are
//     never lost.
//  3. Canonicalise: legal forms ("Corp.", "Co Ltd", "JV", "OAO") and
//     abbreviations ("SHPG", "Intl") are rewritten from an embedded
//     multilingual lexicon, and each token is classed as a word, a number,
//     a legal form, a stopword or an initial.
//  4. Key: each word gets a Korean romanisation skeleton (see Skeleton) that
//     maps McCune–Reischauer, DPRK-official and Revised Romanisation
//     spellings of one name to one string.
//
// An Analyzer holds the lexicon and is safe for concurrent use.
package names
