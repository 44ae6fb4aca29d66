// Package classify classifies goods as a bill of lading, invoice or order
// line describes them ("2 UNITS MERCEDES-MAYBACH S600 GUARD ARMOURED
// SALOON", "Orlov trotter stallions for breeding", "gold colour alloy
// pendant") and the commodity codes declared for them, and reports the
// control-list entries that cover the goods.
//
// # Lexicon and attribute rules
//
// The classifier is driven by an embedded lexicon authored for luxscreen
// (lexicon/*.yaml), not by a trained model: on real product text, synonyms,
// brands and attribute rules move accuracy more than the ranking function
// does. Each lexicon concept names the headings its goods fall in and
// lists product terms, model names, brands (a brand claimed by several
// concepts is shared between them), context words and keys in German,
// French, Russian, Chinese and Korean. A match of the longest phrase wins,
// so "watch strap" is a strap and "gold plated" is plating.
//
// # Description grammar
//
// A description grammar, authored as tables in lexicon/grammar.yaml
// ([GrammarFile]), says when a word that names goods does not name the
// goods of the line. Words after "for", "compatible with" or "fits" name
// what the goods serve ("charger for Nintendo Switch", "strap for Rolex")
// and cannot place them once goods are named before them; parts and
// accessories keep them, to be classified in the parts heading of what
// they belong to ("spare parts for Mercedes cars"). Quantities and packing
// ("rice 25kg bags", "cement in 50 kg bags", "bags of rice") are not goods.
// "X-shaped", "X style", "X print" and "toy X" name a look. Modifier/head
// patterns keep tools and ordinary articles named after luxury goods out
// of the luxury headings ("scriber pen", "diamond saw blade", "watch
// battery", "wine opener"), and of two product words in a row the last
// is the head ("horse saddle", "Ferrari cap"). A jewel of zircon,
// rhinestone, crystal or enamel with no precious metal or stone stated is
// imitation jewellery (7117). Each table has its factor: what a lexicon
// match on those words counts for. The words the grammar sets aside also
// count for nothing in the nomenclature search.
//
// Attribute extractors read what decides a subheading: engine capacity and
// fuel, hull length and propulsion, unladen weight, the metal and fineness
// of jewellery and watch cases (18K, 750, 925, Pt950 against plated, "gold
// colour" or imitation), watch movements, the age of art and antiques,
// hand-knotted against machine-made carpets, pure-bred breeding animals,
// lead-crystal PbO content, container sizes and fibres, seating for ten or
// more (buses), an engine capacity given only as a model number
// ("1290 Super Duke"), and LED light sources. Each concept's
// rules map attributes to HS 2022 subheadings, mirroring GRI 1 and 6.
// Where a deciding attribute is missing the classifier abstains: it
// answers with the heading or headings still possible and an empty HS6,
// and never pads a heading to six digits. A few documented trade
// conventions are assumed where descriptions never state them (a watch is
// a wrist-watch unless said otherwise); the evidence says so.
//
// # Nomenclature index
//
// A classifier indexes the HS 2022 nomenclature embedded in package hs
// (hs.EmbeddedHS2022, UN Comtrade's self-explanatory texts) with BM25,
// each subheading searchable by its own text and its heading's and
// chapter's, so that ordinary goods are placed too; [WithNomenclature]
// indexes another edition or a national tariff instead. The index is
// built on the first description.
//
// The index answers where the lexicon has none, and never overrides a
// lexicon answer or abstention. It places the goods when most of the
// description's words are the nomenclature's (minCoverage) and one
// heading, or at most maxPlausible headings (maxPlausibleChapter of one
// chapter), score within plausibleRatio of the best; the confidence of a placement is 1 - runner-up/best. One
// heading whose best subheading stands out (subheadingRatio) gives the
// subheading; otherwise the answer stays at heading level, never padded,
// and every plausible heading is judged as a tentative code: the line is
// reviewed only when a control cannot be settled for them. When the words
// are mostly unknown to the nomenclature or fit too many headings, nothing
// is placed and the line is reviewed with that reason. A lexicon concept
// of ordinary goods that names only its heading(s) gets its subheading
// from the index searched within them. The evidence of the first
// candidate says where the answer came from and its confidence; the
// candidates are the best subheadings of the five best headings.
//
// # Controls
//
// A [Result] lists the catalogue entries that cover the answer, each with
// whether it applies: a threshold is compared with the line's unit value,
// converted with the caller's [lists.Rates]; an "ex" code applies when the
// description matches the entry's category keywords. The judgement is
// [lists.Catalogue.Judge], the one lookup, check and the HTTP API report.
// A missing value, an unknown currency or rate, or an abstention makes a
// control [lists.CannotTell], never [lists.DoesNotApply]: screening fails
// closed. A valid declared code is the code the line is judged under,
// unless the description points to another heading: then the line is
// judged under both and the result carries the [lists.Mismatch]. By default every
// jurisdiction is considered; [WithJurisdictions] restricts them, and the
// UN lists are always included because every member state must apply them.
//
// The lexicon's answer is judged as given: its subheading, or its one
// heading, which is settled, so that an entry covering all of the
// heading applies without a subheading. The headings of a concept that
// names several, the index's plausible headings and the headings of a
// rival concept that weighs nearly as much (closeRatio) are tentative
// codes: an entry covering one of them cannot apply, only stay open —
// except that when the codes are the headings of one confident concept
// and nothing else, an entry that applies under every one of them applies
// (the goods are in one of them, whichever it is: Japan's list covers
// watches of 9101 and 9102 alike).
//
// Doubts about which code the goods fall in — a deciding attribute the
// description does not give, a rival concept — need review only when the
// codes they leave open differ in luxury. Every such code is judged; when
// none is controlled as luxury the answer is "no" whichever is right, and
// the doubt is kept in [Result.Notes]. When a luxury control applies or
// cannot be ruled out, the doubt is a reason for review. Doubts about
// whether the goods were recognised at all — nothing placed, a weak
// answer (a brand or context words, below minConfident) that the
// nomenclature text does not agree with, a red flag — are always
// reasons for review.
//
// A result's [Luxury] is one of three states: "yes" when a luxury-kind
// control applies; otherwise "unknown" when the line needs review (an
// abstention, a luxury control that cannot be ruled out, a doubtful
// declared code); otherwise "no". An abstention is never "no", and every
// consumer treats "unknown" as review.
//
// # Declared codes
//
// A declared code is parsed (hs.Parse), checked against the nomenclature of
// the edition in force on the shipment date (the embedded HS 2022 unless
// another nomenclature of that edition is given), and mapped to HS 2022
// with a correlation table when given. When the description clearly
// points to a heading the declared code is not under (a lexicon product
// term, or an index placement in one heading with a confidence of at least
// minMismatchConfidence), the result carries a [lists.Mismatch] with both
// codes; it is the mislabelling red flag when the described
// goods are controlled by entries the declared code escapes, or when the
// description has attributes the lexicon marks as a known disguise.
package classify
