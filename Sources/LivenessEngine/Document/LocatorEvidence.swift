/// What the locator reads from a photo: the photo at its working size, the colour gradient of
/// it (lightly blurred) and its faint and firm Canny edges.
struct LocatorEvidence {
    /// The photo at the working size, and working pixels per photo pixel.
    let image: Mat
    let scale: Double
    let field: GradientField
    /// Canny edges at faint (15/45) and firm (30/90) thresholds, and both dilated by 3 x 3: a
    /// grey copy's border on paper is often only in the faint map, a card on busy texture only
    /// stands out in the firm one.
    let faint: Mat
    let firm: Mat
    let faintDilated: Mat
    let firmDilated: Mat
    /// The faint edges, to probe point by point.
    let edges: EdgeMap

    init(photo: Mat, workingSize: Int) throws {
        (image, scale) = try photo.fitting(maxSide: workingSize)
        // Edges of the colour image follow the strongest channel's gradient: a blue card on brown
        // wood has an edge even where both are equally bright.
        field = try GradientField(image: image.gaussianBlurred(kernel: 5))
        faint = try field.cannyEdges(low: 15, high: 45)
        firm = try field.cannyEdges(low: 30, high: 90)
        faintDilated = try faint.morphology(.dilate, kernelWidth: 3, kernelHeight: 3)
        firmDilated = try firm.morphology(.dilate, kernelWidth: 3, kernelHeight: 3)
        edges = EdgeMap(faintDilated)
    }
}
