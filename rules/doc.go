// Package rules decides whether a shipment may go: it judges the goods,
// the parties, the vessel, the route and the dates of one bill of lading or
// order against rules authored as data, and answers block, review or clear
// with every finding explained and cited.
//
// A [Shipment] is the facts a forwarder or exporter has: documents,
// parties with their roles, the vessel, the route as ordered ports, the
// countries of origin and final destination, and the lines of goods with
// their declared HS codes and values. [Decode] reads it strictly from JSON
// (shipment.schema.json describes it), [NewDecoder] reads a stream of them,
// and [NewCSVDecoder] reads bills of lading from a flat CSV with one row per
// line of goods (docs/csv-formats.md).
//
// The [Engine] evaluates a [RuleSet] — YAML, the embedded defaults
// ([DefaultRuleSet]) with user files merged over them ([ParseRuleSet],
// [RuleSet.Merge]) — over a shipment. It depends on two small interfaces:
// a [GoodsAssessor] judges each line against the control lists
// (*classify.Classifier classifies its description too; *lists.Catalogue
// judges its declared code alone), and the engine reads its judgements
// without re-deriving them; a [PartyScreener] screens each party and the
// vessel against sanctions lists (a *screen.Screener is one). Both are
// judged as of the shipment's date: lists and rules carry the period they
// are in force.
//
// A rules file merged over the defaults changes one field of a default
// rule by naming its id and the field; disabling a required rule, or
// weakening it, needs a reason, and [RuleSet.Changes] — which every
// [AuditRecord] carries with the rules version — lists what was changed.
// The default rules that raise a review on goods controlled for the DPRK
// ask for a DPRK nexus too (destination, a route stop near the DPRK, a
// party or vessel screening could not clear), or rest on a sign of their
// own (a shell consignee of luxury goods, a false declaration, a premium
// price): goods controlled somewhere are most of the world's
// manufactured trade.
//
// Conditions compose with all, any and not over leaves that test the
// destination, the route, the vessel, the parties and the lines; see
// [RuleSet] for the grammar. Each finding carries its evidence (which line,
// which party, which port) and citations of the list entry, the sanctions
// list reference or the rule's source. A condition that holds only on
// uncertain evidence — an "ex" code, a value threshold that cannot be
// checked — caps its finding at review.
//
// Screening fails closed: a missing date, an unknown port or currency, a
// party that cannot be screened or a line that cannot be judged is a review
// finding with the reason, never a clear. So is a code that has the form
// of a code but names nothing — a country ISO 3166-1 does not assign
// ("KO", "XX"), a currency ISO 4217 does not list ("XYZ"), an IMO number
// with a wrong check digit — which the decoder, checking only the form,
// lets through: the required rule invalid-input names the field.
//
// A [Decision] names the catalogue, rule and sanctions-list versions used
// and has a deterministic ID, the SHA-256 of the canonical shipment and
// those versions, so that an [AuditRecord] can be replayed.
package rules
