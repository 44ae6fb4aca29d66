// Package screeneval measures the screen package with the real lists loaded
// together (UN and OFAC always; the EU and UK files too when the shared
// directory has them), on sets that cannot flatter it:
//
//   - the 468 DPRK name pairs (by category): each name2 is screened, and
//     the record of name1 must reach review or match for a true pair and
//     must not reach match for a hard negative;
//   - the nomenklatura 826-pair name bench: precision, recall and F1 of the
//     pairwise score by threshold;
//   - typos: every one-letter deletion, insertion, substitution and
//     transposition inside every token of five or more letters of every UN
//     DPRK name and alias (Typos), and every other writing of the numbers
//     in them (NumeralVariants);
//   - same name, different person: every listed person with a birth year
//     and a country, by the exact listed name with a birth year far away
//     and another nationality;
//   - innocent companies: an authored set of ordinary firms, none listed;
//   - cross-script: authored Hangul, Han and Russian renderings of DPRK
//     names, and the shared watchman cross-script pairs;
//   - ordinary names: 50,000 person names from many countries, in their own
//     scripts, drawn deterministically from authored inventories;
//   - the 1,000 yente synthetic negative persons;
//   - a self-screen: every name and alias of every UN and OFAC DPRK record
//     must return its own record at the top score.
//
// Each generated or authored set reports, separately, recall (the right
// reference among the hits with a verdict of match or review), the
// automatic-match rate and the review rate, with the median time per
// query. The right reference of a UN record is the record itself or the
// same party on another list, recognised by an exactly shared name (and,
// for persons, a shared birth year).
//
// One deliberate relabelling is made, in this package only: nomenklatura's
// bench labels some vessel pairs that differ only in their hull number
// ("Zu Zag Bong 6" / "Zu Zag Bong 5") as matches. Sister ships are different
// ships, so such pairs are counted as non-matches here, and the number of
// relabelled pairs is reported.
package screeneval
