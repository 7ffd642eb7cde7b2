// A small C API over OpenCV 4.6 for Swift. Every function catches every C++ exception and
// reports it through `lv_error`; nothing C++ crosses this boundary. Images are opaque `lv_mat`
// handles owning a continuous cv::Mat (8-bit unless a function says otherwise).
#ifndef LV_SHIM_H
#define LV_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by every fallible call.
enum {
    LV_OK = 0,
    LV_ERR_OPENCV = 1,      ///< cv::Exception (message holds OpenCV's text)
    LV_ERR_ARGUMENT = 2,    ///< invalid argument detected by the shim
    LV_ERR_DECODE = 3,      ///< the codec could not decode the bytes
    LV_ERR_MEMORY = 4,      ///< std::bad_alloc
    LV_ERR_UNKNOWN = 5      ///< any other exception
};

typedef struct lv_error {
    int code;
    char message[512];
} lv_error;

typedef struct lv_mat lv_mat;
typedef struct lv_cascade lv_cascade;
typedef struct lv_net lv_net;
typedef struct lv_face_detector lv_face_detector;

/// Sets OpenCV to one thread (parallelism comes from concurrent requests).
void lv_init(void);
const char *lv_opencv_version(void);
void lv_free(void *pointer);

// MARK: Matrices
void lv_mat_release(lv_mat *mat);
/// rows, cols, channels, and depth (0 = 8U, 2 = 16U, 5 = 32F as in OpenCV).
void lv_mat_info(const lv_mat *mat, int *rows, int *cols, int *channels, int *depth);
/// Pointer to the first byte and the row stride in bytes (the matrix is continuous).
const uint8_t *lv_mat_data(const lv_mat *mat, size_t *step);
/// Copies `rows x cols x channels` elements of `depth` from `data` (row stride `step`).
int lv_mat_from_pixels(int rows, int cols, int channels, int depth, const void *data, size_t step,
                       lv_mat **out, lv_error *error);

// MARK: Codecs
/// Decodes to 8-bit BGR (or grey when `grey` != 0), ignoring EXIF orientation (the caller applies it).
int lv_decode(const uint8_t *bytes, size_t length, int grey, lv_mat **out, lv_error *error);
/// Encodes with the extension's codec (".png", ".jpg", ".webp", ".bmp", ".tiff"); `quality` for JPEG/WebP.
int lv_encode(const lv_mat *mat, const char *extension, int quality, uint8_t **out, size_t *length,
              lv_error *error);

// MARK: Geometry and colour
/// Copies channel `index` of a multi-channel matrix into a one-channel matrix.
int lv_extract_channel(const lv_mat *mat, int index, lv_mat **out, lv_error *error);
/// interpolation: 0 nearest, 1 linear, 3 area.
int lv_resize(const lv_mat *mat, int width, int height, int interpolation, lv_mat **out, lv_error *error);
/// Applies EXIF orientation 1...8.
int lv_orient(const lv_mat *mat, int orientation, lv_mat **out, lv_error *error);
/// `code` is an OpenCV cv::ColorConversionCodes value.
int lv_cvt_color(const lv_mat *mat, int code, lv_mat **out, lv_error *error);
/// Warps the quadrilateral `quad` (4 points, x y pairs, in order TL TR BR BL) to a width x height image.
int lv_warp_quad(const lv_mat *mat, const float quad[8], int width, int height, lv_mat **out, lv_error *error);
/// Warps with a 3x3 row-major homography into a width x height image; border: 0 constant (fill), 1 replicate.
int lv_warp_perspective(const lv_mat *mat, const double homography[9], int width, int height, int border,
                        const double fill[4], lv_mat **out, lv_error *error);
/// 3x3 homography mapping `from` (4 points) onto `to` (4 points).
int lv_homography(const float from[8], const float to[8], double out[9], lv_error *error);

// MARK: Filters and edges
int lv_gaussian_blur(const lv_mat *mat, int kernel, double sigma, lv_mat **out, lv_error *error);
int lv_canny(const lv_mat *mat, double low, double high, int l2gradient, lv_mat **out, lv_error *error);
/// Colour gradient of an 8-bit image (1 or 3 channels): per pixel the 3x3 Sobel derivatives of the
/// channel that changes most, signed to agree with the luminance gradient, written into `dx`, `dy`
/// (rows x cols, packed rows; replicated border, as Canny's own).
int lv_colour_gradient(const lv_mat *mat, int16_t *dx, int16_t *dy, lv_error *error);
/// Canny edges from 16-bit derivatives `dx`, `dy` (rows x cols, packed rows).
int lv_canny_derivatives(int rows, int cols, const int16_t *dx, const int16_t *dy, double low, double high, int l2gradient,
                         lv_mat **out, lv_error *error);
/// op: 0 erode, 1 dilate, 2 open, 3 close, 4 gradient; rectangular kernel.
int lv_morphology(const lv_mat *mat, int op, int kernel_width, int kernel_height, int iterations, lv_mat **out,
                  lv_error *error);
/// Sobel derivative (dx, dy) as 32-bit float, one channel.
int lv_sobel(const lv_mat *mat, int dx, int dy, int kernel, lv_mat **out, lv_error *error);
/// Variance of the 3x3 Laplacian of a grey image (a focus measure).
int lv_laplacian_variance(const lv_mat *mat, double *variance, lv_error *error);

// MARK: Contours and lines
/// External contours (`mode` 0) or all (`mode` 1) of a binary image; returns flattened x y points,
/// one length per contour (in points). Free `points` and `lengths` with lv_free.
int lv_find_contours(const lv_mat *mat, int mode, int **points, int **lengths, int *count, lv_error *error);
/// Convex hull of points (x y pairs); writes hull point indices (free with lv_free).
int lv_convex_hull(const int *points, int count, int **hull, int *hull_count, lv_error *error);
/// Douglas-Peucker simplification of a closed polygon; free `out` with lv_free.
int lv_approx_poly(const float *points, int count, double epsilon, float **out, int *out_count, lv_error *error);
/// Minimum-area rotated rectangle of points; writes its 4 corners (x y pairs).
int lv_min_area_rect(const float *points, int count, float corners[8], lv_error *error);
/// Probabilistic Hough transform; lines as x1 y1 x2 y2 (free with lv_free).
int lv_hough_lines(const lv_mat *edges, double rho, double theta, int threshold, double min_length, double max_gap,
                   int **lines, int *count, lv_error *error);

// MARK: Drawing (in place, on a matrix the caller owns exclusively)
int lv_mat_clone(const lv_mat *mat, lv_mat **out, lv_error *error);
/// Draws a polyline of `count` points (x y pairs) in BGR `color`.
int lv_draw_polyline(lv_mat *mat, const float *points, int count, int closed, const double color[3], int thickness,
                     lv_error *error);
/// Draws text with its baseline starting at (x, y).
int lv_draw_text(lv_mat *mat, const char *text, int x, int y, double scale, const double color[3], int thickness,
                 lv_error *error);

// MARK: Frequency
/// Magnitude of the 2-D DFT of a one-channel image (any depth), as 32-bit float, unshifted.
int lv_dft_magnitude(const lv_mat *mat, lv_mat **out, lv_error *error);

// MARK: Attack features (shim_features.cpp)
/// Values per tile written by lv_tile_spectra.
#define LV_TILE_STATS 8
/// Spectral statistics of up to `max_tiles` square tiles (`tile` px, a power of two) spread evenly
/// over an 8-bit BGR image at its own resolution. Per tile, LV_TILE_STATS floats: x, y (origin),
/// luma standard deviation, luma peak and chroma peak (chroma at half resolution, as 4:2:0 JPEG
/// stores it; log of the strongest spectral bin over the
/// median of its frequency ring, mean removed, windowed, JPEG grid frequencies excluded), luma and
/// chroma fine detail (standard deviation below a 1 px Gaussian), the luma lattice peak (the
/// same for the strongest bin at least 30 degrees from the first). `out` holds max_tiles * LV_TILE_STATS floats; `count` receives the tiles used.
int lv_tile_spectra(const lv_mat *bgr, int tile, int max_tiles, float *out, int *count, lv_error *error);
/// Values written by lv_colour_stats.
#define LV_COLOUR_STATS 8
/// Colour statistics of an 8-bit BGR image: saturation median and 99th percentile (pixels with
/// value >= 40), value 1st, 50th and 99th percentiles, the blue-minus-red tint of the brightest
/// 2 %, the fraction of clipped pixels (a channel >= 250), colourfulness (Hasler-Suesstrunk).
int lv_colour_stats(const lv_mat *bgr, float out[LV_COLOUR_STATS], lv_error *error);
/// Copies the part of `rect` inside the image.
int lv_crop(const lv_mat *mat, int x, int y, int width, int height, lv_mat **out, lv_error *error);

// MARK: Detectors
int lv_cascade_load(const char *path, lv_cascade **out, lv_error *error);
void lv_cascade_release(lv_cascade *cascade);
/// Rectangles as x y w h (free with lv_free).
int lv_cascade_detect(lv_cascade *cascade, const lv_mat *grey, double scale_factor, int min_neighbours,
                      int min_size, int **rects, int *count, lv_error *error);

int lv_net_load_onnx(const char *path, lv_net **out, lv_error *error);
void lv_net_release(lv_net *net);
/// Runs a forward pass on an NCHW float blob; the output is copied to a malloc'd buffer (free with lv_free).
int lv_net_forward(lv_net *net, const float *input, const int *shape, int dims, float **output,
                   int *output_count, lv_error *error);

int lv_face_detector_create(const char *model_path, float score_threshold, float nms_threshold, int top_k,
                            lv_face_detector **out, lv_error *error);
void lv_face_detector_release(lv_face_detector *detector);
/// Faces as 15 floats each: x y w h, five landmarks (x y: right eye, left eye, nose, mouth right,
/// mouth left), score. Free with lv_free.
int lv_face_detect(lv_face_detector *detector, const lv_mat *bgr, float **faces, int *count, lv_error *error);


// ---- Synthetic data (shim_synth.cpp) ----
/// Fills a polygon (anti-aliased, sub-pixel points) blended with `alpha` (1 = opaque).
int lv_synth_fill_poly(lv_mat *mat, const float *points, int count, const double color[3], double alpha, lv_error *error);
/// Draws an anti-aliased polyline with sub-pixel points.
int lv_synth_polyline(lv_mat *mat, const float *points, int count, int closed, const double color[3], int thickness,
                      lv_error *error);
/// Writes `text` (UTF-8) in a TrueType/OpenType font, `height` px tall, baseline-left at (x, y);
/// `width` (may be NULL) receives the text's width.
int lv_synth_text(lv_mat *mat, const char *font_path, const char *text, int x, int y, int height, const double color[3],
                  int *width, lv_error *error);
/// Copies `source` into `destination` at (x, y), blended with `alpha`.
int lv_synth_paste(lv_mat *destination, const lv_mat *source, int x, int y, double alpha, lv_error *error);
/// Warps `source` by `homography` over `destination` (anti-aliased edges); `prefilter` is the
/// Gaussian sigma (source pixels) that integrates the source over a destination pixel (0 = none).
int lv_synth_warp_onto(lv_mat *destination, const lv_mat *source, const double homography[9], double prefilter,
                       lv_error *error);
/// A display's emitted light: each pixel of `image` becomes 3x3 render pixels of subpixels
/// (`layout` 0 RGB stripe, 1 BGR stripe, 2 PenTile diamond), with a black matrix when `fill` < 0.9,
/// display `gamma`, white point gains `white` and raised black level `black` (0-1).
int lv_synth_screen(const lv_mat *image, int layout, double fill, double gamma, const double white[3], double black,
                    lv_mat **out, lv_error *error);

typedef struct lv_capture_params {
    int width, height;          // output size (the scene is drawn on the sensor's finer grid)
    double lens_blur;           // Gaussian PSF sigma in sensor pixels
    double motion_length;       // motion blur length in sensor pixels (0 = none)
    double motion_angle;        // radians
    double exposure;            // auto-exposure's metering error (1 = mean at 0.2 linear)
    double gradient_x, gradient_y;  // illumination slope across the frame
    double light[3];            // light colour gains (B, G, R)
    double white_balance[3];    // camera white-balance gains (B, G, R)
    double shot_noise;          // variance per unit signal
    double read_noise;          // standard deviation
    double sharpen;             // unsharp-mask amount
    uint64_t seed;
    double denoise;             // the ISP's edge-preserving luma noise reduction: range sigma (0-1 scale; 0 = none)
    double centre_weight;       // auto-exposure's weight on the frame's middle (face-priority / centre-weighted metering; 0 = whole-frame mean)
} lv_capture_params;

/// Darkens the inside of a polygon by `strength` (0-1), with a penumbra `softness` pixels wide.
int lv_synth_shade(lv_mat *mat, const float *points, int count, double strength, double softness, lv_error *error);
/// The shadow an object of `thickness` pixels lying on the surface casts around its outline
/// `quad` (4 corners, scene pixels): diffuse light occluded near its edges (an `ambient` share of
/// the light, 0-1) and the rest, a lamp, blocked over the offset (`cast_x`, `cast_y`) away from it.
/// Darkens only outside the quad (the object is drawn over it afterwards).
int lv_synth_contact_shadow(lv_mat *mat, const float *quad, double thickness, double ambient, double cast_x, double cast_y,
                            lv_error *error);
/// A colour print of `image` (already at the printer's resolution): CMYK separation with grey
/// component replacement, screening (`mode` 0: clustered dots in cells `cell` px wide at the
/// inks' `angles` (C, M, Y, K degrees); 1: error diffusion), dot gain, subtractive mixing of
/// the inks on `paper` (B, G, R), paper fibre.
int lv_synth_print(const lv_mat *image, int mode, double cell, const double angles[4], double dot_gain, const double paper[3],
                   double black_generation, uint64_t seed, lv_mat **out, lv_error *error);
/// A grey photocopy of `image`: scan softening, a steep toner curve (`contrast`, `toner`
/// density 0-1), stray toner `speckle` (probability per pixel), `banding` (relative density
/// variation), on `paper` (grey level).
int lv_synth_photocopy(const lv_mat *image, double contrast, double toner, double speckle, double banding, double paper,
                       uint64_t seed, lv_mat **out, lv_error *error);
/// Tunes the C allocator for the generator's large, short-lived buffers (Linux; no-op elsewhere).
void lv_synth_keep_heap(void);
/// A procedural surface: `kind` 0 wood, 1 fabric, 2 paper or plain desk, 3 newspaper, 4 uniform; `base` BGR.
/// `pixels_per_mm` sets the newspaper's print to its physical size (body type on a ~4 mm pitch).
int lv_synth_background(int kind, int width, int height, const double base[3], uint64_t seed, double pixels_per_mm,
                        lv_mat **out, lv_error *error);

/// A camera capture of a scene drawn at the sensor's resolution: lens PSF, light, RGGB Bayer
/// mosaic with shot and read noise, demosaicing, white balance, gamma, the ISP's downscaling to
/// the output size, sharpening.
int lv_synth_capture(const lv_mat *scene, const lv_capture_params *params, lv_mat **out, lv_error *error);


/// A print (a sheet of paper) as the room lights it, for `lv_synth_print_onto`.
typedef struct lv_print_lighting {
    double curvature;           // total bend across the sheet's width, radians (0 = flat; > 0 edges towards the camera)
    double distance;            // camera distance in sheet widths (perspective of the bend)
    double illumination;        // the room's light on the sheet (linear gain)
    double light_angle;         // the light's direction off the sheet's normal, radians, across the bend
    double specular;            // glossy coating: peak of the light's mirror reflection (linear, 0 = matte)
    double specular_angle;      // where the reflection lies: angle of the reflected ray, radians
    double specular_width;      // angular width of the reflection, radians
    double specular_centre;     // its centre along the sheet's height (0-1)
    double specular_length;     // its extent along the height (fraction of it)
    double sheet_width, sheet_height;   // the sheet, when the source is only an inset on it (0: the source is the sheet)
    double inset_x, inset_y, inset_scale;  // the source's top-left on the sheet and sheet pixels per source pixel
} lv_print_lighting;

/// Lays a print (`source`, 8-bit BGR at the printer's resolution) into `destination`: bent on a
/// cylinder, projected by `homography` (from the bent sheet's flattened pixels), lit (Lambertian
/// irradiance by the bend, the room's `illumination`, a glossy coating's mirror reflection),
/// anti-aliased at its edges. `prefilter` as in `lv_synth_warp_onto`.
int lv_synth_print_onto(lv_mat *destination, const lv_mat *source, const double homography[9],
                        const lv_print_lighting *lighting, double prefilter, lv_error *error);
/// Where the sheet point (u, v) (sheet pixels) of a `size` (width, height) sheet lands under the same bend and homography.
int lv_synth_print_point(const double size[2], const double homography[9], const lv_print_lighting *lighting,
                         double u, double v, double *x, double *y);

/// `image` under `gain` times the light, in linear light (8-bit values decoded with gamma 2.2), clipped.
int lv_synth_light(const lv_mat *image, double gain, lv_mat **out, lv_error *error);
/// `image` (BGR, 8-bit sRGB-like, gamma 2.2) through a 3x3 matrix on linear R, G, B (row-major), clipped.
int lv_synth_colour_matrix(const lv_mat *image, const double matrix[9], lv_mat **out, lv_error *error);

/// Per-channel tone curves: `table` holds 256 output values for B, then G, then R.
int lv_synth_curves(const lv_mat *image, const uint8_t table[768], lv_mat **out, lv_error *error);

/// As `lv_synth_warp_onto`, but integrating and blending in linear light (gamma 2.2 decoded):
/// fine bright-and-dark structure (a display's subpixels) keeps its mean light when averaged.
int lv_synth_warp_linear_onto(lv_mat *destination, const lv_mat *source, const double homography[9], double prefilter,
                              lv_error *error);

/// A laminate's specular reflection of the light source: a Gaussian lobe on the object's plane
/// (its mirror image of a lamp or window), added to the scene's linear light before the sensor.
typedef struct lv_synth_glare {
    double homography[9];       // object pixels -> scene (sensor) pixels, row-major
    double size[2];             // the object's width and height (pixels): the laminate's extent
    double centre[2];           // the lobe's centre (object pixels)
    double axes[2];             // its Gaussian sigma along and across its long axis (object pixels)
    double angle;               // the long axis's direction on the object, radians
    double peak;                // its peak radiance relative to a white diffuse surface (linear)
} lv_synth_glare;

/// As `lv_synth_capture`, with the laminate's `glare` (may be NULL: none) in the scene's light,
/// so that it is blurred by the lens, metered, tinted by the light and clipped by the sensor.
int lv_synth_capture_glare(const lv_mat *scene, const lv_capture_params *params, const lv_synth_glare *glare, lv_mat **out,
                           lv_error *error);
/// Erases what differs between `image` and `reference` inside `box` (x, y, width, height) by
/// more than `threshold` in any channel (widened by 2 px): inpainted (Telea, `radius` px) from
/// the surrounding pixels of `image`, as a forger's healing brush does. In place.
int lv_synth_erase_difference(lv_mat *image, const lv_mat *reference, const int box[4], int threshold, double radius,
                              lv_error *error);

#ifdef __cplusplus
}
#endif

#endif
