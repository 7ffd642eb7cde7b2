import LivenessEngine

/// How well each feature alone separates an attack species from bona fide: the area under the
/// ROC curve, as the probability that an attack's value exceeds a bona fide one's (0.5 = no
/// power; near 0 or 1 = strong, in either direction).
public enum FeatureSeparation {
    public struct Line: Sendable {
        public var species: String
        public var attacks: Int
        public var bonaFide: Int
        /// One AUC per feature, in `AttackFeatures.names` order.
        public var areas: [Double]
    }

    public static func lines(_ rows: [FeatureRow], region: PipelineRegion) -> [Line] {
        let measured = rows.filter { $0.region == region && $0.values != nil }
        let bonaFide = measured.filter { !$0.isAttack }.map { $0.values! }
        let species = Array(Set(measured.filter(\.isAttack).map(\.species))).sorted()
        return species.compactMap { name in
            let attacks = measured.filter { $0.isAttack && $0.species == name }.map { $0.values! }
            guard !attacks.isEmpty, !bonaFide.isEmpty else { return nil }
            let areas = AttackFeatures.names.indices.map { j in area(attacks.map { $0[j] }, bonaFide.map { $0[j] }) }
            return Line(species: name, attacks: attacks.count, bonaFide: bonaFide.count, areas: areas)
        }
    }

    /// P(a > b) + P(a = b) / 2 over all pairs (Mann-Whitney): `ErrorRates`' area under the
    /// curve with `a` in the role of the higher-scoring class.
    public static func area(_ a: [Double], _ b: [Double]) -> Double {
        ErrorRates(bonaFide: a, attacks: b).areaUnderCurve
    }
}
