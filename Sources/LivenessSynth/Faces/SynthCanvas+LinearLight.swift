import COpenCVShim
import LivenessEngine

extension SynthCanvas {
    /// As `warp`, but integrating and blending in linear light: a display's lit subpixels and
    /// dark gaps average to the light they emit, not to the mean of their 8-bit codes (which
    /// would dim a screen about threefold).
    func warpInLinearLight(_ source: Mat, homography: [Double], prefilter: Double) throws {
        try shimCall { lv_synth_warp_linear_onto(image.handle, source.handle, homography, prefilter, $0) }
    }
}
