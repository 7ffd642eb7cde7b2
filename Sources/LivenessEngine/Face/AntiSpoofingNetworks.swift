import COpenCVShim
import Foundation

/// The MiniFASNet pair of Silent-Face-Anti-Spoofing (model pack files `minifasnet-v2.onnx`,
/// crop scale 2.7, and `minifasnet-v1se.onnx`, crop scale 4.0): CNNs trained on real print and
/// replay attacks, reading the face at two amounts of context. Input: the crop resized to 80x80,
/// raw BGR 0-255, NCHW; output: three logits, softmax index 1 = real. Not thread-safe: one
/// instance per worker.
public final class AntiSpoofingNetworks {
    public struct Network: Sendable {
        public var fileName: String
        public var cropScale: Double
    }

    public static let networks = [Network(fileName: "minifasnet-v2.onnx", cropScale: 2.7),
                                  Network(fileName: "minifasnet-v1se.onnx", cropScale: 4.0)]
    static let inputSide = 80

    private let nets: [OpaquePointer]

    /// Loads both networks from `modelDirectory`; nil when either file is missing (the pack is
    /// installed whole or not at all).
    public init?(modelDirectory: String?) throws {
        guard let modelDirectory,
              Self.networks.allSatisfy({ FileManager.default.fileExists(atPath: modelDirectory + "/" + $0.fileName) }) else { return nil }
        OpenCV.configure()
        var loaded: [OpaquePointer] = []
        for network in Self.networks {
            var handle: OpaquePointer?
            do {
                try shimCall { lv_net_load_onnx(modelDirectory + "/" + network.fileName, &handle, $0) }
            } catch {
                loaded.forEach(lv_net_release)
                throw error
            }
            if let handle { loaded.append(handle) }
        }
        nets = loaded
    }

    deinit { nets.forEach(lv_net_release) }

    /// Each network's probability that the face is real, in `networks`' order.
    public func realProbabilities(_ image: Mat, face: Rect) throws -> [Double] {
        try zip(nets, Self.networks).map { net, network in
            let crop = try FaceCrops.crop(image, around: face, scale: network.cropScale)
                .resized(width: Self.inputSide, height: Self.inputSide, interpolation: .linear)
            let blob = Self.planarBlob(crop)
            let shape: [Int32] = [1, 3, Int32(Self.inputSide), Int32(Self.inputSide)]
            var output: UnsafeMutablePointer<Float>?, count: Int32 = 0
            try blob.withUnsafeBufferPointer { input in
                try shimCall { lv_net_forward(net, input.baseAddress, shape, 4, &output, &count, $0) }
            }
            let logits = takeBuffer(output, count: Int(count)).map(Double.init)
            guard logits.count == 3 else { throw ModelError("\(network.fileName) gave \(logits.count) outputs, expected 3") }
            let top = logits.max()!
            let exponentials = logits.map { exp($0 - top) }
            return exponentials[1] / exponentials.reduce(0, +)
        }
    }

    /// BGR pixels as a planar float blob (channel, row, column), unnormalised.
    private static func planarBlob(_ bgr: Mat) -> [Float] {
        let side = bgr.cols * bgr.rows
        var blob = [Float](repeating: 0, count: 3 * side)
        bgr.withBytes { bytes, stride in
            for y in 0..<bgr.rows {
                for x in 0..<bgr.cols {
                    for c in 0..<3 { blob[c * side + y * bgr.cols + x] = Float(bytes[y * stride + 3 * x + c]) }
                }
            }
        }
        return blob
    }
}
