import Foundation

/// Candidate document quadrilaterals from closed edge contours: a card against a background that
/// differs from it all around (a desk, a sheet of paper) leaves a closed ring of edges whose convex
/// hull simplifies to four corners. Borders broken by texture or glare are left to `LineQuads`.
struct QuadCandidates {
    /// Smallest candidate, as a fraction of the working image's area.
    var minimumAreaFraction = 0.01
    /// Contours with fewer points are text or texture.
    var minimumContourPoints = 20

    /// Quads from the contours of (already dilated) edge maps.
    func generate(from edgeMaps: [Mat]) throws -> [Quad] {
        var quads: [Quad] = []
        for edges in edgeMaps {
            let minimumArea = minimumAreaFraction * Double(edges.cols * edges.rows)
            for contour in try Geometry.contours(of: edges, externalOnly: false) where contour.count >= minimumContourPoints {
                let hull = try Geometry.convexHull(contour)
                guard hull.count >= 3, Polygon.area(hull) >= minimumArea else { continue }
                quads.append(try quadrilateral(fitting: hull))
            }
        }
        return quads
    }

    /// A copy of a binary edge map with its one-pixel frame set: the open contour of a document
    /// running off the photo closes along the frame, so it still yields a (cropped) quad.
    static func closedAtFrame(_ edges: Mat) throws -> Mat {
        let width = edges.cols, height = edges.rows
        var bytes = edges.packedBytes()
        for x in 0..<width { bytes[x] = 255; bytes[(height - 1) * width + x] = 255 }
        for y in 0..<height { bytes[y * width] = 255; bytes[y * width + width - 1] = 255 }
        return try Mat(width: width, height: height, channels: 1, bytes: bytes)
    }

    /// Simplifies a hull to four corners, or falls back to its minimum-area rectangle.
    private func quadrilateral(fitting hull: [Point]) throws -> Quad {
        let perimeter = (0..<hull.count).reduce(0.0) { $0 + hull[$1].distance(to: hull[($1 + 1) % hull.count]) }
        for epsilon in [0.02, 0.04, 0.06] {
            let simplified = try Geometry.simplify(hull, epsilon: epsilon * perimeter)
            if simplified.count == 4 { return Quad(simplified).normalised() }
        }
        return Quad(try Geometry.minAreaRectangle(hull)).normalised()
    }
}
