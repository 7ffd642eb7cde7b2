/// Validation of where the document lies in the frame (no pixels needed).
struct GeometryChecks {
    let thresholds: ValidationThresholds

    func statuses(for document: LocatedDocument, frameWidth: Int, frameHeight: Int) -> [ValidationStatus] {
        let width = Double(frameWidth), height = Double(frameHeight)
        let quad = document.quad
        var statuses: [ValidationStatus] = []
        let shortSide = min(quad.sideLengths.horizontal, quad.sideLengths.vertical)
        let tolerance = thresholds.croppedToleranceFraction * shortSide
        let outside = quad.corners.contains { $0.x < -tolerance || $0.y < -tolerance || $0.x > width + tolerance || $0.y > height + tolerance }
        if document.isCropped || outside {
            statuses.append(.documentCropped)
        } else {
            let margin = thresholds.borderMarginFraction * min(width, height)
            let nearest = quad.corners.map { min($0.x, $0.y, width - $0.x, height - $0.y) }.min()!
            if nearest < margin { statuses.append(.documentTooCloseToBorder) }
        }
        let visibleArea = Polygon.area(Polygon.clip(quad.normalised().corners, to: [
            Point(x: 0, y: 0), Point(x: width, y: 0), Point(x: width, y: height), Point(x: 0, y: height),
        ]))
        if visibleArea / (width * height) > thresholds.maximumAreaFraction { statuses.append(.documentTooCloseToCamera) }
        if max(quad.sideLengths.horizontal, quad.sideLengths.vertical) < thresholds.minimumLongSidePixels {
            statuses.append(.documentTooSmall)
        }
        return statuses
    }

    func warnings(for document: LocatedDocument, frameWidth: Int, frameHeight: Int) -> [QualityWarning] {
        document.quad.area / Double(frameWidth * frameHeight) < thresholds.relativeSizeWarningFraction
            ? [.relativeDocumentSizeLowerThan10Percent] : []
    }
}
