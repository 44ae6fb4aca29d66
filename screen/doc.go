// Package screen screens parties (shipper, consignee, notify party, end
// user) and vessels against designated-entity lists: the UN Security
// Council consolidated list (DPRK regime, KPe/KPi references), OFAC's SDN
// list, and the EU and UK lists, loaded at run time from the official
// files.
//
// # Lists
//
// Load reads a list file and recognises its format: UN consolidated XML,
// the OFAC SDN legacy CSV set (a directory holding sdn.csv, alt.csv,
// add.csv and sdn_comments.csv) and SDN XML, the EU Financial Sanctions
// Files XML, the UK Sanctions List CSV and OpenSanctions FollowTheMoney
// JSON lines. Each format also has its own Parse function. IMO numbers are
// pulled out of remarks and typed by their check digit as ship or company
// numbers. Load refuses a file cut short ([ErrTruncated]) or larger than
// its limit ([ErrTooLarge]); [CheckChange] refuses a list without entities
// or one that lost too many since the copy it replaces. Fetch downloads
// the current official files (OfficialSources), checks each that way
// before putting it in place, and writes a manifest with their SHA-256;
// ListFiles reads a fetched directory back as the lists to load. Diff
// compares two versions of the loaded lists entity by entity and names the
// entities (Affected) that could turn a cleared party into a hit. DemoList
// is a small embedded list for examples; it is not for production.
//
// # Matching
//
// A query is a [party.Entity]: several names, a kind, birth dates,
// countries and identifiers, compared with each listed entity as a whole.
// Every listed name and alias becomes one row of an immutable index (plain
// maps and slices, swapped whole on Reload), analysed by package
// screen/names: folded to ASCII (Hangul romanised from its jamo, Han read as
// pinyin, Cyrillic transliterated), legal forms canonicalised ("Corp.",
// "Co Ltd", "JV", "SHPG"), and keyed by a Korean romanisation skeleton that
// unifies McCune–Reischauer, DPRK and Revised spellings. Candidates are
// the listed names that share a term with the query — a word skeleton, a
// joined syllable span ("CHANG GWANG" ↔ "CHANGGWANG"), a word within one
// edit, a Double Metaphone code — and that a bound on the scorer cannot
// rule out, however common their words (no cap on a word's postings; see
// candidates.go); they are scored with a weighted Dice coefficient over
// aligned tokens. Token weights come from how many listed names use the word, so
// KOREA, TRADING or CORPORATION count little and a differing distinctive
// word (KUMRYONG ↔ KUMSAN) sinks the score; a word left over on both sides
// counts as a substitution and is penalised again. Token similarity uses
// matchr's Jaro-Winkler and Levenshtein on the spelling and the skeleton;
// vessels use the Levenshtein ratio alone, lose their MV/M.V. prefixes, and
// two names whose hull numbers differ are different ships. An exact IMO
// number is a match outright. Each listed entity is scored by the best of
// the query's names, then adjusted by the entity features: birth date,
// country, identifier and kind. Romanisation equivalences apply only to
// words the Korean syllable grammar accepts, and not to parties whose
// countries are all outside the region; a distinctive word replaced on
// both sides, or agreement on common words only, keeps a name below match.
//
// # Weights
//
// Every weight and threshold is data, in data/weights.yaml, each with its
// rationale: the verdict bands, the parameters of each named feature
// (name, romanisation, initial, legal_form, substitution, common_only,
// single_word, short_name, number_mismatch, identifier, birth_date,
// country, kind, corroboration, common_name), the word data they need (the
// Korean syllable inventory, common surnames and given names), the token
// weights and the candidate-generation parameters. Options.Weights or Options.Data
// ("luxscreen --data DIR" reads DIR/screen/data/weights.yaml) replace them
// without a rebuild;
// LoadWeights reports every problem of a file with its place.
//
// # Verdicts and thresholds
//
// Scores lie in [0, 1]. A hit at or above the match threshold (0.75) is a
// match; between the review threshold (0.60) and that, review
// ([party.Decide]). The match threshold was chosen on the development sets ("luxscreen eval screen"):
// at 0.75 the pairwise score has F1 0.818 on the nomenklatura name bench,
// the hard DPRK negatives stay at or under 1.2% match and the synthetic
// negatives at 0.4%; the review threshold catches every true DPRK pair.
// (With the distinctive-word caps and Korean-only romanisation the bench
// F1 at 0.75 is 0.826.) Weak aliases (UN "Low", OFAC weak
// a.k.a.) can only make a review, and so can a person's short or common
// name without an agreeing birth date, identifier or nationality
// (uncorroborated), a person born more than birth_date.disjoint_gap years
// from every listed birth year (birth_year_disjoint), a short company
// name in another country (other_country), and a short company name not
// written as listed whose party gives no country (uncorroborated). A
// query whose name is empty after normalisation, or written in a script
// that is not transliterated, or screened with no list loaded, is review
// with the reason: screening fails closed and never reports clear when it
// could not compare.
//
// Each Result carries the hits with the listed name, the query name and
// the listed name that matched, the score and its features (structured
// [party.Feature] values: which feature fired, its score, its weight and
// what it compared), and the versions (source, publication date, SHA-256)
// of the lists it used. Only the edges (the CLI, the HTTP service, the
// reports) render features as text.
//
// Each hit also carries what the list says about the listed party
// ([party.Facts]: names with their kind, birth dates and places,
// nationalities, addresses and countries, identifiers, programmes,
// listed-on date, remarks), so that a reviewer can settle it without
// looking the entry up; the facts share the loaded list's memory. The same
// party designated on several lists is one hit whose References name
// every entry with its list version: entries merge on a shared identifier
// (IMO, passport, national ID, SWIFT, registration, MMSI) or on the same
// name and kind, for persons only with a common birth year, and never
// when their IMO numbers, birth years, nationalities or (for
// organisations) countries disagree.
//
// # Concurrency
//
// A Screener is safe for concurrent use. Reload builds a new index and
// swaps it in atomically; a screening sees either the old or the new lists
// whole. While it builds, Reload reads the names, finds the entries that
// are the same party and builds the typo index on goroutines of its own
// beside the caller's, so a build uses a second processor where there is
// one; a panic on any of them is raised again in the caller's.
package screen
