// Package names turns party and vessel names into comparable tokens for
// sanctions screening.
//
// The pipeline is the same for a query and for a listed name, so that both
// sides meet in one form:
//
//  1. Fold: Unicode compatibility decomposition, accents and other marks
//     removed, case folded; Hangul romanised from its jamo, Han characters
//     read as Mandarin pinyin, Cyrillic transliterated (BGN/PCGN). Other
//     scripts are kept as they are and reported, so that an original-script
//     list name (the UN's NAME_ORIGINAL_SCRIPT) can be met exactly.
//  2. Tokenise: apostrophes and dots are deleted ("Ch'o'ngsong" becomes
//     "chongsong", "p.l.c." becomes "plc"), other punctuation separates
//     words, and a run of digits is always its own token, so numbers are
//     never lost; numbers written as words ("Second", "2nd", "No. 2",
//     "II") become digits.
//  3. Canonicalise: legal forms ("Corp.", "Co Ltd", "JV", "OAO") and
//     abbreviations ("SHPG", "Intl") are rewritten from an embedded
//     multilingual lexicon, and each token is classed as a word, a number,
//     a legal form, a stopword or an initial.
//  4. Key: each word gets a Korean romanisation skeleton (see Skeleton) that
//     maps McCune–Reischauer, DPRK-official and Revised Romanisation
//     spellings of one name to one string.
//
// That is the default reading, [Analyzer.Analyze]. A name in another
// script has further readings ([Analyzer.Readings]): Han by its
// Sino-Korean sounds (金正恩 → kim chong un), Korean, Chinese and Russian
// organisation words translated by a glossary (조선광업개발무역회사 →
// korea mining development trading co), Russian renderings of Korean
// names read back (Ким Чен Ын → kim chong un), and Arabic, Persian,
// Devanagari, Greek, Hebrew, Thai, kana and other scripts transliterated.
// A screener screens every reading and keeps the best.
//
// The word lists and tables are data (lexicon.yaml, hanja.yaml,
// glossary.yaml, kontsevich.yaml, translit.yaml), each documented with its
// sources, embedded and replaceable through a data directory.
//
// An Analyzer holds the lexicon and tables and is safe for concurrent use.
package names
