/// The face crops the signals read, as Silent-Face-Anti-Spoofing defines them: the face box
/// scaled about its centre (by less when the image is too small for the full scale) and
/// shifted, not clipped, to stay inside the image, so every crop has the same proportions.
public enum FaceCrops {
    /// Side of the square the face box is resized to for the sharpness measure.
    public static let normalisedFaceSide = 128

    public static func box(around face: Rect, scale requested: Double, imageWidth: Int, imageHeight: Int) -> Rect {
        let width = Double(imageWidth), height = Double(imageHeight)
        let scale = min(requested, (height - 1) / max(1, face.height), (width - 1) / max(1, face.width))
        let cropWidth = face.width * scale, cropHeight = face.height * scale
        var left = face.center.x - cropWidth / 2, top = face.center.y - cropHeight / 2
        left = min(max(0, left), width - 1 - cropWidth)
        top = min(max(0, top), height - 1 - cropHeight)
        return Rect(x: max(0, left), y: max(0, top), width: cropWidth, height: cropHeight)
    }

    public static func crop(_ image: Mat, around face: Rect, scale: Double) throws -> Mat {
        try image.cropped(box(around: face, scale: scale, imageWidth: image.cols, imageHeight: image.rows))
    }
}
