import Foundation

/// ISO/IEC 30107-3 figures of one pipeline on a labelled set: per attack species and for all
/// attacks pooled, with the counts behind each and the validation failures counted apart.
public struct PADReport: Sendable {
    public struct Row: Sendable {
        /// An attack species, or `all attacks`.
        public var species: String
        public var attacksScored: Int
        public var attackFailures: Int
        /// At the operating threshold (the pipeline's REGULAR point when given, else the pooled APCER-5 % point).
        public var apcer: Double
        public var bpcer: Double
        /// (APCER + BPCER) / 2 at the operating threshold.
        public var acer: Double
        public var equalErrorRate: Double
        /// BPCER where APCER <= 10 %, 5 %, 1 %.
        public var bpcer10: Double
        public var bpcer20: Double
        public var bpcer100: Double
    }

    public var pipeline: String
    public var threshold: Double
    public var bonaFideScored: Int
    /// Bona fide images the pipeline could not score (a validation status): rejected, and reported apart.
    public var bonaFideFailures: Int
    public var rows: [Row]
    public var curves: [DETCurve]

    /// - Parameter threshold: the operating threshold; nil uses the pooled APCER = 5 % point.
    public init(pipeline: String, records: [ScoreRecord], threshold: Double? = nil) {
        let mine = records.filter { $0.pipeline == pipeline }
        let bonaFide = mine.filter { !$0.isAttack }
        let bonaFideScores = bonaFide.compactMap(\.score)
        let attacks = mine.filter(\.isAttack)
        let pooled = ErrorRates(bonaFide: bonaFideScores, attacks: attacks.compactMap(\.score))
        let operating = threshold ?? pooled.threshold(atAPCER: 0.05)
        self.pipeline = pipeline
        self.threshold = operating
        bonaFideScored = bonaFideScores.count
        bonaFideFailures = bonaFide.count - bonaFideScores.count

        func row(_ species: String, _ samples: [ScoreRecord]) -> (Row, DETCurve) {
            let rates = ErrorRates(bonaFide: bonaFideScores, attacks: samples.compactMap(\.score))
            let apcer = rates.apcer(at: operating), bpcer = rates.bpcer(at: operating)
            return (Row(species: species, attacksScored: rates.attacks.count, attackFailures: samples.count - rates.attacks.count,
                        apcer: apcer, bpcer: bpcer, acer: (apcer + bpcer) / 2, equalErrorRate: rates.equalErrorRate,
                        bpcer10: rates.bpcer(atAPCER: 0.10), bpcer20: rates.bpcer(atAPCER: 0.05), bpcer100: rates.bpcer(atAPCER: 0.01)),
                    DETCurve(label: species, rates: rates))
        }
        let species = Set(attacks.map(\.species)).sorted()
        let built = species.map { name in row(name, attacks.filter { $0.species == name }) } + [row("all attacks", attacks)]
        rows = built.map(\.0)
        curves = built.map(\.1)
    }

    /// A Markdown table of the rows.
    public var markdown: String {
        func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
        var text = "### \(pipeline)\n\nBona fide: \(bonaFideScored) scored, \(bonaFideFailures) validation failures. "
        text += "Operating threshold \(String(format: "%.4g", threshold)).\n\n"
        text += "| species | attacks scored | validation failures | APCER | BPCER | ACER | EER | BPCER10 | BPCER20 | BPCER100 |\n"
        text += "|---|---|---|---|---|---|---|---|---|---|\n"
        for row in rows {
            text += "| \(row.species) | \(row.attacksScored) | \(row.attackFailures) | \(percent(row.apcer)) | \(percent(row.bpcer)) | "
            text += "\(percent(row.acer)) | \(percent(row.equalErrorRate)) | \(percent(row.bpcer10)) | \(percent(row.bpcer20)) | \(percent(row.bpcer100)) |\n"
        }
        return text
    }
}
