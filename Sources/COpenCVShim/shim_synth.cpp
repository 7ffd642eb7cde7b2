// Rendering and camera simulation for the synthetic data generator (`liveness synth`).
#include "shim_internal.hpp"
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <cmath>
#include <map>
#include <string>
#if defined(__linux__)
#include <malloc.h>
#endif

using namespace lv;

/// A matrix filled with `value`: the first row set element by element, then copied down (OpenCV's
/// own fill with a non-zero scalar copies 12 bytes at a time, slow on the tens of megabytes a
/// screen or a sensor-sized surface takes).
static cv::Mat filled(int rows, int cols, int type, const cv::Scalar &value) {
    cv::Mat result(rows, cols, type);
    if (rows == 0 || cols == 0) return result;
    result.row(0) = value;
    const size_t bytes = result.cols * result.elemSize();
    for (int y = 1; y < rows; ++y) std::memcpy(result.ptr(y), result.ptr(0), bytes);
    return result;
}


extern "C" int lv_synth_fill_poly(lv_mat *mat, const float *points, int count, const double color[3], double alpha,
                                  lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !points || count < 3) return fail(error, LV_ERR_ARGUMENT, "nothing to fill");
        std::vector<cv::Point> polygon;
        for (int i = 0; i < count; ++i) polygon.emplace_back(cvRound(points[2 * i] * 16), cvRound(points[2 * i + 1] * 16));
        cv::Rect box = cv::boundingRect(polygon);
        box = cv::Rect(box.x / 16 - 2, box.y / 16 - 2, box.width / 16 + 5, box.height / 16 + 5) & cv::Rect(0, 0, mat->mat.cols, mat->mat.rows);
        if (box.empty()) return LV_OK;
        cv::Scalar colour(color[0], color[1], color[2]);
        if (alpha >= 1) {
            cv::fillPoly(mat->mat, std::vector<std::vector<cv::Point>>{polygon}, colour, cv::LINE_AA, 4);
            return LV_OK;
        }
        cv::Mat region = mat->mat(box);
        cv::Mat overlay = region.clone();
        for (auto &point : polygon) point -= cv::Point(box.x * 16, box.y * 16);
        cv::fillPoly(overlay, std::vector<std::vector<cv::Point>>{polygon}, colour, cv::LINE_AA, 4);
        cv::addWeighted(overlay, alpha, region, 1 - alpha, 0, region);
        return LV_OK;
    });
}

extern "C" int lv_synth_polyline(lv_mat *mat, const float *points, int count, int closed, const double color[3],
                                 int thickness, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !points || count < 2) return fail(error, LV_ERR_ARGUMENT, "nothing to draw");
        std::vector<cv::Point> line;
        for (int i = 0; i < count; ++i) line.emplace_back(cvRound(points[2 * i] * 16), cvRound(points[2 * i + 1] * 16));
        cv::polylines(mat->mat, std::vector<std::vector<cv::Point>>{line}, closed != 0, cv::Scalar(color[0], color[1], color[2]),
                      thickness, cv::LINE_AA, 4);
        return LV_OK;
    });
}

/// One FreeType face per font file and thread (FreeType2 objects are not thread-safe).
static cv::Ptr<cv::freetype::FreeType2> font_for(const std::string &path) {
    thread_local std::map<std::string, cv::Ptr<cv::freetype::FreeType2>> fonts;
    auto found = fonts.find(path);
    if (found != fonts.end()) return found->second;
    auto font = cv::freetype::createFreeType2();
    font->loadFontData(path, 0);
    fonts[path] = font;
    return font;
}

extern "C" int lv_synth_text(lv_mat *mat, const char *font_path, const char *text, int x, int y, int height,
                             const double color[3], int *width, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !font_path || !text || height <= 0) return fail(error, LV_ERR_ARGUMENT, "nothing to write");
        auto font = font_for(font_path);
        int baseline = 0;
        cv::Size size = font->getTextSize(text, height, -1, &baseline);
        if (width) *width = size.width;
        font->putText(mat->mat, text, cv::Point(x, y), height, cv::Scalar(color[0], color[1], color[2]), -1, cv::LINE_AA, true);
        return LV_OK;
    });
}

extern "C" int lv_synth_paste(lv_mat *destination, const lv_mat *source, int x, int y, double alpha, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(destination) || !valid(source)) return fail(error, LV_ERR_ARGUMENT, "nothing to paste");
        cv::Rect target = cv::Rect(x, y, source->mat.cols, source->mat.rows) & cv::Rect(0, 0, destination->mat.cols, destination->mat.rows);
        if (target.empty()) return LV_OK;
        cv::Mat from = source->mat(cv::Rect(target.x - x, target.y - y, target.width, target.height));
        cv::Mat to = destination->mat(target);
        if (alpha >= 1) from.copyTo(to); else cv::addWeighted(from, alpha, to, 1 - alpha, 0, to);
        return LV_OK;
    });
}

/// Where `source` lands on `destination` under a row-major homography: the bounding box (2 px
/// margin, clipped to the destination), the homography into that box, and the anti-aliased
/// coverage mask there. False when it misses the destination.
struct Placement {
    cv::Rect box;
    cv::Mat local;
    cv::Mat mask;
};

static bool place(const cv::Mat &source, const cv::Mat &destination, const double homography[9], Placement &out) {
    cv::Mat h(3, 3, CV_64F);
    for (int i = 0; i < 9; ++i) h.at<double>(i / 3, i % 3) = homography[i];
    std::vector<cv::Point2f> corners = {{0, 0}, {float(source.cols), 0}, {float(source.cols), float(source.rows)}, {0, float(source.rows)}},
                             mapped;
    cv::perspectiveTransform(corners, mapped, h);
    cv::Rect box = cv::boundingRect(mapped);
    out.box = cv::Rect(box.x - 2, box.y - 2, box.width + 4, box.height + 4) & cv::Rect(0, 0, destination.cols, destination.rows);
    if (out.box.empty()) return false;
    cv::Mat shift = (cv::Mat_<double>(3, 3) << 1, 0, -out.box.x, 0, 1, -out.box.y, 0, 0, 1);
    out.local = shift * h;
    cv::Mat full = filled(source.rows, source.cols, CV_8UC1, cv::Scalar(255));
    cv::warpPerspective(full, out.mask, out.local, out.box.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
    return true;
}

extern "C" int lv_synth_warp_onto(lv_mat *destination, const lv_mat *source, const double homography[9], double prefilter,
                                  lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(destination) || !valid(source)) return fail(error, LV_ERR_ARGUMENT, "nothing to warp");
        // Work only inside the object's bounding box in the destination.
        Placement placed;
        if (!place(source->mat, destination->mat, homography, placed)) return LV_OK;
        const cv::Rect box = placed.box;
        if (source->mat.type() != destination->mat.type() || destination->mat.depth() != CV_8U)
            return fail(error, LV_ERR_ARGUMENT, "8-bit images of one type are needed");
        // Integrated over a destination pixel where the source is shrunk: into a buffer of its own
        // (blurring into `source`'s own pixels made OpenCV copy them first, and changed them).
        cv::Mat input = source->mat;
        if (prefilter > 0.3) {
            cv::Mat blurred;
            cv::GaussianBlur(source->mat, blurred, cv::Size(), prefilter);
            input = blurred;
        }
        // Alpha mask: where the source lands (anti-aliased edges), so the background shows around it.
        const cv::Mat &warpedMask = placed.mask;
        cv::Mat warped;
        cv::warpPerspective(input, warped, placed.local, box.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        // Blended in one pass: top x alpha + base x (1 - alpha) in float, rounded to 8 bits, alpha
        // the mask's level / 255 (a table made by the same conversion OpenCV would make).
        cv::Mat levels(1, 256, CV_8U), alphaTable;
        for (int i = 0; i < 256; ++i) levels.at<uchar>(i) = uchar(i);
        levels.convertTo(alphaTable, CV_32F, 1.0 / 255);
        const float *alphaOf = alphaTable.ptr<float>();
        const int channels = destination->mat.channels();
        cv::Mat region = destination->mat(box);
        for (int y = 0; y < box.height; ++y) {
            const uchar *m = warpedMask.ptr<uchar>(y), *t = warped.ptr<uchar>(y);
            uchar *d = region.ptr<uchar>(y);
            for (int x = 0; x < box.width; ++x) {
                if (m[x] == 0) continue;  // base x 1 + 0: the base as it was
                const float a = alphaOf[m[x]], b = 1.0f - a;
                for (int c = 0; c < channels; ++c) {
                    const int i = x * channels + c;
                    d[i] = cv::saturate_cast<uchar>(float(t[i]) * a + float(d[i]) * b);
                }
            }
        }
        return LV_OK;
    });
}

extern "C" int lv_synth_screen(const lv_mat *image, int layout, double fill, double gamma, const double white[3],
                               double black, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.type() != CV_8UC3) return fail(error, LV_ERR_ARGUMENT, "a BGR image is needed");
        const int k = 3;  // render pixels per display pixel and side
        // Per channel: the 8-bit value a subpixel emits for each input value (display gamma,
        // white point, black level), re-encoded for the scene (which the camera linearises).
        uchar encoded[3][256];
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 256; ++i)
                encoded[c][i] = cv::saturate_cast<uchar>(255 * std::pow(black + (1 - black) * std::pow(i / 255.0, gamma) * white[c], 1 / 2.2));
        cv::Mat emitted(image->mat.rows * k, image->mat.cols * k, CV_8UC3);  // every pixel is written below
        // Stripe (RGB or BGR order): each display pixel is three vertical subpixel columns, the
        // last row of each pixel is the black matrix. PenTile/diamond: G in every pixel's centre,
        // R and B on alternate pixels (a checkerboard), on the diagonal, so each colour covers
        // the same share of the panel.
        // Written a render row at a time: each subpixel row is zeros but for the lit subpixels.
        int rows = image->mat.rows, cols = image->mat.cols;
        std::vector<cv::Vec3b> levels(cols);
        for (int y = 0; y < rows; ++y) {
            const cv::Vec3b *source = image->mat.ptr<cv::Vec3b>(y);
            for (int x = 0; x < cols; ++x) levels[x] = cv::Vec3b(encoded[0][source[x][0]], encoded[1][source[x][1]], encoded[2][source[x][2]]);
            for (int dy = 0; dy < k; ++dy) {
                uchar *row = emitted.ptr<uchar>(y * k + dy);
                std::memset(row, 0, size_t(cols) * k * 3);
                if (layout != 2 && dy == k - 1 && fill < 0.9) continue;  // the black matrix
                for (int x = 0; x < cols; ++x) {
                    uchar *pixel = row + 3 * k * x;  // its k subpixels' B G R
                    if (layout == 0 || layout == 1) {  // RGB / BGR stripe
                        for (int dx = 0; dx < k; ++dx) {
                            const int channel = layout == 0 ? 2 - dx : dx;  // stored B G R
                            pixel[3 * dx + channel] = levels[x][channel];
                        }
                    } else {  // PenTile diamond: G in the centre, R or B (alternating) on the diagonal
                        const int channel = ((x + y) & 1) == 0 ? 2 : 0;
                        if (dy == 1) pixel[3 * 1 + 1] = levels[x][1];
                        else pixel[3 * dy + channel] = levels[x][channel];  // (0, 0) or (2, 2)
                    }
                }
            }
        }
        return emit(emitted, out);
    });
}

/// Index `i` reflected into [0, size) as OpenCV's default border does (BORDER_REFLECT_101).
static int reflect101(int i, int size) {
    if (size == 1) return 0;
    while (i < 0 || i >= size) i = i < 0 ? -i : 2 * size - 2 - i;
    return i;
}

/// The camera's motion during the exposure: the scene's light averaged along the path, `kernel`
/// (n x n, odd, a line of ~n taps) correlated with `sensor` (3 channels, float) in place, the
/// frame's edges reflected. OpenCV turns a kernel of 130 entries or more (n >= 13) into a DFT of
/// the whole frame (~0.6 s at 3840 x 2160), blind to the line's having only ~n taps; those are
/// summed here directly, a row at a time. Smaller kernels go through OpenCV as before.
static void motion_blur(cv::Mat &sensor, const cv::Mat &kernel) {
    const int n = kernel.rows, centre = n / 2;
    if (n * n < 130) {
        cv::filter2D(sensor, sensor, -1, kernel);
        return;
    }
    struct Tap { int dy, dx; float weight; };
    std::vector<Tap> taps;
    for (int ky = 0; ky < n; ++ky)
        for (int kx = 0; kx < n; ++kx)
            if (const float w = kernel.at<float>(ky, kx); w != 0) taps.push_back({ky - centre, kx - centre, w});
    const int rows = sensor.rows, cols = sensor.cols, values = 3 * cols;
    cv::Mat blurred(rows, cols, CV_32FC3);
    for (int y = 0; y < rows; ++y) {
        float *__restrict out = blurred.ptr<float>(y);
        std::fill(out, out + values, 0.0f);
        for (const Tap &tap : taps) {
            // Columns whose source lies inside the frame...
            const float *__restrict shifted = sensor.ptr<float>(reflect101(y + tap.dy, rows)) + 3 * tap.dx;
            const int from = 3 * std::max(0, -tap.dx), to = 3 * std::min(cols, cols - tap.dx);
            for (int i = from; i < to; ++i) out[i] += tap.weight * shifted[i];
        }
        // ...then those whose source is reflected at either end.
        for (const Tap &tap : taps) {
            const float *in = sensor.ptr<float>(reflect101(y + tap.dy, rows));
            const int first = std::min(cols, std::max(0, -tap.dx)), last = std::max(first, cols - std::max(0, tap.dx));
            auto add = [&](int x) {
                const float *source = in + 3 * reflect101(x + tap.dx, cols);
                for (int c = 0; c < 3; ++c) out[3 * x + c] += tap.weight * source[c];
            };
            for (int x = 0; x < first; ++x) add(x);
            for (int x = last; x < cols; ++x) add(x);
        }
    }
    sensor = blurred;
}

/// The ISP's white balance and its downscaling by two in one pass: each output pixel the mean of
/// a 2 x 2 block of `demosaiced` (16-bit BGR) after `balanced` (code, channel) -> linear light.
/// The mean is computed as OpenCV's INTER_AREA resize computes it for floats at a scale of two
/// (((a + b) + c) + d) x 0.25, left to right, top row first), so the result is the same, without
/// the full-size float frame between the two.
template <typename Balance>
static cv::Mat balanced_halved(const cv::Mat &demosaiced, const Balance &balanced) {
    cv::Mat half(demosaiced.rows / 2, demosaiced.cols / 2, CV_32FC3);
    for (int y = 0; y < half.rows; ++y) {
        const cv::Vec3w *top = demosaiced.ptr<cv::Vec3w>(2 * y), *bottom = demosaiced.ptr<cv::Vec3w>(2 * y + 1);
        cv::Vec3f *out = half.ptr<cv::Vec3f>(y);
        for (int x = 0; x < half.cols; ++x)
            for (int c = 0; c < 3; ++c) {
                const float sum = balanced(top[2 * x][c], c) + balanced(top[2 * x + 1][c], c) + balanced(bottom[2 * x][c], c) +
                                  balanced(bottom[2 * x + 1][c], c);
                out[x][c] = sum * 0.25f;
            }
    }
    return half;
}

extern "C" int lv_synth_capture(const lv_mat *scene, const lv_capture_params *params, lv_mat **out, lv_error *error) {
    return lv_synth_capture_glare(scene, params, nullptr, out, error);
}

extern "C" int lv_synth_capture_glare(const lv_mat *scene, const lv_capture_params *params, const lv_synth_glare *glare, lv_mat **out,
                                      lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(scene) || !params || params->width <= 0 || params->height <= 0) return fail(error, LV_ERR_ARGUMENT, "invalid capture");
        cv::RNG rng(params->seed);
        // 1. Optics: the lens's point-spread function on the scene, which is drawn on the sensor's
        //    own pixel grid (the sensor has more pixels than the output image, as in phones).
        //    No optical low-pass filter, as in phone cameras, so detail finer than the pixel
        //    pitch aliases here, and the moire it makes survives the later downscaling.
        cv::Mat sensor, linearise(1, 256, CV_32F);
        for (int i = 0; i < 256; ++i) linearise.at<float>(i) = float(std::pow(i / 255.0, 2.2));
        cv::LUT(scene->mat, linearise, sensor);
        if (glare) add_glare(sensor, *glare);
        if (params->lens_blur > 0.2) cv::GaussianBlur(sensor, sensor, cv::Size(), params->lens_blur);
        if (params->motion_length > 1) {
            int n = int(std::ceil(params->motion_length)) | 1;
            cv::Mat kernel = cv::Mat::zeros(n, n, CV_32F);
            double a = params->motion_angle;
            for (int i = 0; i < n * 4; ++i) {
                double t = (i / double(n * 4 - 1) - 0.5) * params->motion_length;
                int kx = cvRound(n / 2 + t * std::cos(a)), ky = cvRound(n / 2 + t * std::sin(a));
                if (kx >= 0 && ky >= 0 && kx < n && ky < n) kernel.at<float>(ky, kx) += 1;
            }
            kernel /= cv::sum(kernel)[0];
            motion_blur(sensor, kernel);
        }
        // 2. Light: a smooth gradient of illumination and the light's colour (per-channel gains);
        //    auto-exposure scales the mean to 0.2 (linear) times `exposure` (its metering error).
        cv::Scalar mean = cv::mean(sensor);
        double level = std::max(1e-4, (mean[0] + mean[1] + mean[2]) / 3);
        //    Face-priority or centre-weighted metering: the middle 40 % of the frame (where the
        //    subject is) weighs `centre_weight`, so a bright screen in a dark room, or a dark
        //    print against a bright window, is exposed for itself and not for the room.
        if (params->centre_weight > 0) {
            cv::Rect middle(int(sensor.cols * 0.3), int(sensor.rows * 0.3), std::max(1, int(sensor.cols * 0.4)), std::max(1, int(sensor.rows * 0.4)));
            cv::Scalar inner = cv::mean(sensor(middle));
            double centre = std::max(1e-4, (inner[0] + inner[1] + inner[2]) / 3);
            level = (1 - params->centre_weight) * level + params->centre_weight * centre;
        }
        double exposure = params->exposure * 0.2 / level;
        // 3. Bayer mosaic (RGGB): each photosite records one colour, lit by the gradient and the
        //    light's colour; signal-dependent (shot) and read noise, then 10-bit quantisation. One
        //    pass, row by row (the noise drawn a row at a time continues one sequence).
        const float shot = float(params->shot_noise), read2 = float(params->read_noise * params->read_noise);
        cv::Mat raw16(sensor.rows, sensor.cols, CV_16U), noise(1, sensor.cols, CV_32F);
        // The 1024 quantised levels as 16-bit codes, converted as OpenCV converts them.
        cv::Mat quantisedLevels(1, 1024, CV_32F), codes;
        for (int k = 0; k < 1024; ++k) quantisedLevels.at<float>(k) = float(k) / 1023;
        quantisedLevels.convertTo(codes, CV_16U, 65535);
        const ushort *code = codes.ptr<ushort>();
        // The gradient's horizontal part, 1 + gx u, once per column.
        std::vector<double> across(sensor.cols);
        for (int x = 0; x < sensor.cols; ++x) across[x] = 1 + params->gradient_x * (x / double(sensor.cols) - 0.5);
        // Per row, in passes the compiler can vectorise: the gain across the row, each
        // photosite's signal in its colour, then noise and rounding to a level, then its code.
        const int cols = sensor.cols;
        std::vector<float> gain(cols), signal(cols);
        std::vector<int> quantised(cols);
        for (int y = 0; y < sensor.rows; ++y) {
            rng.fill(noise, cv::RNG::NORMAL, 0, 1);
            const float *n = noise.ptr<float>();
            const float *s = sensor.ptr<float>(y);
            ushort *row = raw16.ptr<ushort>(y);
            const double down = params->gradient_y * (y / double(sensor.rows) - 0.5);
            for (int x = 0; x < cols; ++x) gain[x] = float(std::max(0.05, exposure * (across[x] + down)));
            // RGGB: even rows R G R G..., odd rows G B G B... (stored B G R). As cv::multiply with
            // a scale computes it for floats: in double, rounded once.
            const int first = y % 2 == 0 ? 2 : 1, second = y % 2 == 0 ? 1 : 0;
            const double lightFirst = params->light[first], lightSecond = params->light[second];
            for (int x = 0; x < cols; x += 2) signal[x] = float(lightFirst * s[3 * x + first] * gain[x]);
            for (int x = 1; x < cols; x += 2) signal[x] = float(lightSecond * s[3 * x + second] * gain[x]);
            for (int x = 0; x < cols; ++x) {
                float value = std::min(1.0f, std::max(0.0f, signal[x]));
                value += n[x] * std::sqrt(shot * value + read2);
                // Rounded half away from zero (std::round, without the library call): t >= 0.
                const float t = std::min(1.0f, std::max(0.0f, value)) * 1023;
                const int whole = int(t);
                quantised[x] = whole + (t - float(whole) >= 0.5f ? 1 : 0);
            }
            for (int x = 0; x < cols; ++x) row[x] = code[quantised[x]];
        }
        cv::Mat demosaiced;
        // OpenCV names Bayer patterns by the second row's first two pixels: RGGB is "BG".
        cv::cvtColor(raw16, demosaiced, cv::COLOR_BayerBG2BGR);
        // 4. White balance back towards neutral (imperfectly), in the same pass as the return to
        //    linear light (the 16-bit codes' values by table, as OpenCV converts them; the gains
        //    applied as cv::multiply applies them, in double, rounded once); the ISP's downscaling
        //    to the output size (in linear light), tone curve (gamma), sharpening.
        cv::Mat codeLevels(1, 65536, CV_16U), unit;
        for (int i = 0; i < 65536; ++i) codeLevels.at<ushort>(i) = ushort(i);
        codeLevels.convertTo(unit, CV_32F, 1.0 / 65535);
        const float *toUnit = unit.ptr<float>();
        const double *balance = params->white_balance;
        auto balanced = [&](ushort code, int c) { return std::max(0.0f, float(toUnit[code] * balance[c])); };
        cv::Mat linear;
        if (demosaiced.cols == 2 * params->width && demosaiced.rows == 2 * params->height) {
            linear = balanced_halved(demosaiced, balanced);
        } else {
            linear.create(demosaiced.size(), CV_32FC3);
            for (int y = 0; y < demosaiced.rows; ++y) {
                const cv::Vec3w *d = demosaiced.ptr<cv::Vec3w>(y);
                cv::Vec3f *l = linear.ptr<cv::Vec3f>(y);
                for (int x = 0; x < demosaiced.cols; ++x)
                    for (int c = 0; c < 3; ++c) l[x][c] = balanced(d[x][c], c);
            }
            if (linear.cols != params->width || linear.rows != params->height)
                cv::resize(linear, linear, cv::Size(params->width, params->height), 0, 0, cv::INTER_AREA);
        }
        // Tone curve by table (4096 levels are finer than the 8-bit output needs).
        static thread_local std::vector<float> encode;
        if (encode.empty()) {
            encode.resize(4096);
            for (int i = 0; i < 4096; ++i) encode[i] = float(std::pow(i / 4095.0, 1 / 2.2));
        }
        for (int y = 0; y < linear.rows; ++y) {
            float *row = linear.ptr<float>(y);
            for (int x = 0; x < linear.cols * 3; ++x) row[x] = encode[std::min(4095, int(row[x] * 4095 + 0.5f))];
        }
        // 5. Noise reduction, as every webcam and phone ISP applies it: an edge-preserving
        //    (bilateral) filter on luma, which smooths what differs from its neighbours by less than
        //    the noise and keeps edges and texture above it. Fine detail survives only where the
        //    scene had it; chroma is left as it is.
        if (params->denoise > 0) {
            cv::Mat ycc, smoothed;
            cv::cvtColor(linear, ycc, cv::COLOR_BGR2YCrCb);
            std::vector<cv::Mat> planes;
            cv::split(ycc, planes);
            cv::bilateralFilter(planes[0], smoothed, 5, params->denoise, 1.5);
            planes[0] = smoothed;
            cv::merge(planes, ycc);
            cv::cvtColor(ycc, linear, cv::COLOR_YCrCb2BGR);
        }
        if (params->sharpen > 0) {
            cv::Mat blurred;
            cv::GaussianBlur(linear, blurred, cv::Size(), 1.0);
            linear = linear * (1 + params->sharpen) - blurred * params->sharpen;
        }
        cv::Mat result;
        linear.convertTo(result, CV_8UC3, 255);
        return emit(result, out);
    });
}

namespace {
/// Newsprint at its physical size: columns of body type (9-10 pt on a 3.6-4.4 mm pitch, 45-60 mm
/// columns with 4 mm gutters), words of 2-9 letters, each letter a few strokes of ~0.25 mm within
/// its x-height (some with an ascender or descender), ragged paragraph ends — ink covering a
/// fifth or so of a text line, as real text does, rather than solid bars. Returns the ink cover
/// (0-1) at (u, v) in millimetres.
struct Newsprint {
    double pitch, advance, stroke, column, gutter;
    uint64_t salt;

    static uint64_t hash(uint64_t a, uint64_t b, uint64_t c) {
        uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xBF58476D1CE4E5B9ull ^ (c + 0x94D049BB133111EBull);
        h ^= h >> 31; h *= 0xD6E8FEB86659FD93ull; h ^= h >> 32;
        return h;
    }

    /// The last samples' column, line and letter cell, which the next sample most often shares.
    mutable long lastColumn = 0, lastLine = 0, lastCell = 0;

    /// long(a / b) for a >= 0, b > 0 (and a / b far below 2^40): `last` when the remainder
    /// a - last x b lies inside (0, b) by a margin no rounding can cross, so the division would
    /// give it too; the division otherwise (which `last` then becomes).
    static long quotient(double a, double b, long &last) {
        const double remainder = a - last * b;
        if (remainder > b * 1e-9 && remainder < b * (1 - 1e-9)) return last;
        return last = long(a / b);
    }

    double ink(double u, double v) const {
        if (u < 0 || v < 0) return 0;
        const double period = column + gutter;
        const long columnIndex = quotient(u, period, lastColumn);
        const double inColumn = u - columnIndex * period;
        if (inColumn >= column) return 0;
        const long line = quotient(v, pitch, lastLine);
        const double inLine = v - line * pitch;
        // Letter body between the baseline (at 0.7 pitch) and the x-height above it; nothing
        // above the tallest ascender or below the longest descender (tested first: it needs no
        // hash, and most of a line is blank there).
        const double baseline = 0.7 * pitch, xHeight = 0.42 * pitch;
        const double ascender = baseline - 0.68 * pitch, descender = baseline + 0.22 * pitch;
        if (inLine < ascender || inLine > descender) return 0;
        // Paragraph ends: every so often a line stops short.
        const uint64_t lineHash = hash(salt, uint64_t(columnIndex), uint64_t(line));
        const double lineLength = (lineHash % 7 == 0) ? column * (0.2 + 0.6 * double((lineHash >> 8) % 100) / 100) : column;
        if (inColumn >= lineLength) return 0;
        const long cell = quotient(inColumn, advance, lastCell);
        const double inCell = inColumn - cell * advance;
        const uint64_t h = hash(lineHash, uint64_t(cell), 17);
        if (h % 6 == 0) return 0;  // a space between words
        double top = baseline - xHeight, bottom = baseline;
        if ((h >> 3) % 5 == 0) top = ascender;
        else if ((h >> 3) % 9 == 1) bottom = descender;
        if (inLine < top || inLine > bottom) return 0;
        const double left = 0.12 * advance, right = 0.78 * advance;
        const bool stem = std::abs(inCell - left) < stroke / 2 || ((h >> 7) % 3 != 0 && std::abs(inCell - right) < stroke / 2);
        const bool bar = inCell > left && inCell < right && inLine >= baseline - xHeight &&
                         (std::abs(inLine - (baseline - xHeight)) < stroke / 2 || ((h >> 11) % 2 == 0 && std::abs(inLine - baseline) < stroke / 2));
        return (stem || bar) ? 1 : 0;
    }
};
}  // namespace

extern "C" int lv_synth_background(int kind, int width, int height, const double base[3], uint64_t seed, double pixels_per_mm,
                                   lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (width <= 0 || height <= 0) return fail(error, LV_ERR_ARGUMENT, "invalid size");
        if (kind == 3 && !(pixels_per_mm > 0)) return fail(error, LV_ERR_ARGUMENT, "newspaper needs its scale");
        if (kind == 4) return emit(filled(height, width, CV_8UC3, cv::Scalar(base[0], base[1], base[2])), out);  // uniform
        cv::RNG rng(seed);
        // Smooth random field (low-frequency variation), made at 1/16 size and scaled up.
        cv::Mat coarse(std::max(2, height / 16), std::max(2, width / 16), CV_32F), field;
        rng.fill(coarse, cv::RNG::NORMAL, 0, 1);
        cv::GaussianBlur(coarse, coarse, cv::Size(), 3);
        cv::resize(coarse, field, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
        cv::Mat fine(height, width, CV_32F);
        rng.fill(fine, cv::RNG::NORMAL, 0, 1);
        cv::Mat result(height, width, CV_8UC3);
        double phase = rng.uniform(0.0, 6.28), frequency = rng.uniform(0.01, 0.04), angle = rng.uniform(-0.4, 0.4);
        int period = rng.uniform(3, 7);
        const double ca = std::cos(angle), sa = std::sin(angle);
        Newsprint print{rng.uniform(3.6, 4.4), 0, 0, rng.uniform(45.0, 60.0), 4, uint64_t(rng.next())};
        print.advance = 0.5 * print.pitch;
        print.stroke = 0.07 * print.pitch;
        // Turned coordinates reach this far below zero (millimetres): shift them all positive.
        const double reach = kind == 3 ? (width + height) / pixels_per_mm : 0;
        const int inkSamples = kind == 3 && print.stroke * pixels_per_mm >= 1.5 ? 1 : 4;
        // Per row: the relative brightness v of each pixel (one loop per kind), then the surface's
        // colour times 1 + v, rounded to 8 bits.
        std::vector<double> relative(width);
        for (int y = 0; y < height; ++y) {
            const float *f = field.ptr<float>(y), *n = fine.ptr<float>(y);
            double *v = relative.data();
            switch (kind) {
            case 0:  // wood: grain lines bent by the smooth field
                for (int x = 0; x < width; ++x) {
                    double u = x * ca + y * sa;
                    v[x] = 0.18 * std::sin(u * frequency + 6 * f[x] + phase) + 0.05 * n[x] + 0.06 * f[x];
                }
                break;
            case 1:  // fabric: a weave
                for (int x = 0; x < width; ++x) v[x] = (((x / period) + (y / period)) % 2 == 0 ? 0.1 : -0.1) + 0.06 * n[x] + 0.05 * f[x];
                break;
            case 2:  // paper or a plain desk: smooth shading and grain
                for (int x = 0; x < width; ++x) v[x] = 0.04 * f[x] + 0.025 * n[x];
                break;
            default:  // newspaper: body type at its physical size, turned by `angle`
                for (int x = 0; x < width; ++x) {
                    // Four points a pixel (a 2 x 2 grid) where strokes are thinner than 1.5 pixels, so
                    // that they grey it; one where they are wider.
                    double cover = 0;
                    for (int s = 0; s < inkSamples; ++s) {
                        const double px = x + (inkSamples == 1 ? 0.5 : 0.25 + 0.5 * (s % 2)), py = y + (inkSamples == 1 ? 0.5 : 0.25 + 0.5 * (s / 2));
                        cover += print.ink((px * ca + py * sa) / pixels_per_mm + reach, (py * ca - px * sa) / pixels_per_mm + reach);
                    }
                    v[x] = -0.8 * cover / inkSamples + 0.03 * n[x] + 0.03 * f[x];
                }
                break;
            }
            uchar *row = result.ptr<uchar>(y);
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c) row[3 * x + c] = cv::saturate_cast<uchar>(base[c] * (1 + v[x]));
        }
        return emit(result, out);
    });
}

extern "C" int lv_synth_shade(lv_mat *mat, const float *points, int count, double strength, double softness, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !points || count < 3) return fail(error, LV_ERR_ARGUMENT, "nothing to shade");
        std::vector<cv::Point> polygon;
        for (int i = 0; i < count; ++i) polygon.emplace_back(cvRound(points[2 * i]), cvRound(points[2 * i + 1]));
        // The penumbra: the shadow's mask blurred by `softness`, computed at 1/8 size (it is smooth).
        cv::Mat small(std::max(1, mat->mat.rows / 8), std::max(1, mat->mat.cols / 8), CV_32F, cv::Scalar(0)), mask;
        for (auto &point : polygon) point = cv::Point(point.x / 8, point.y / 8);
        cv::fillPoly(small, std::vector<std::vector<cv::Point>>{polygon}, cv::Scalar(1));
        cv::GaussianBlur(small, small, cv::Size(), std::max(0.5, softness / 8));
        cv::resize(small, mask, mat->mat.size(), 0, 0, cv::INTER_LINEAR);
        cv::Mat gain = 1 - strength * mask;
        if (mat->mat.type() == CV_8UC3) {
            // Each pixel times its gain, in float, rounded to 8 bits: as the float frame's product
            // with the gain's three copies, then converted, computes it, in one pass.
            for (int y = 0; y < mat->mat.rows; ++y) {
                const float *g = gain.ptr<float>(y);
                cv::Vec3b *p = mat->mat.ptr<cv::Vec3b>(y);
                for (int x = 0; x < mat->mat.cols; ++x)
                    for (int c = 0; c < 3; ++c) p[x][c] = cv::saturate_cast<uchar>(float(p[x][c]) * g[x]);
            }
            return LV_OK;
        }
        cv::Mat gain3, image;
        cv::cvtColor(gain, gain3, cv::COLOR_GRAY2BGR);
        mat->mat.convertTo(image, CV_32FC3);
        image = image.mul(gain3);
        image.convertTo(mat->mat, CV_8UC3);
        return LV_OK;
    });
}

/// The ink coverage (0-1) each process ink lays down for an RGB colour: CMY from the complement,
/// grey component replacement by black (K = min(C, M, Y) x `black_generation`).
static void separate(const cv::Vec3b &bgr, double black_generation, double ink[4]) {
    double c = 1 - bgr[2] / 255.0, m = 1 - bgr[1] / 255.0, y = 1 - bgr[0] / 255.0;
    double k = std::min(c, std::min(m, y)) * black_generation;
    ink[0] = (c - k) / std::max(1e-6, 1 - k);
    ink[1] = (m - k) / std::max(1e-6, 1 - k);
    ink[2] = (y - k) / std::max(1e-6, 1 - k);
    ink[3] = k;
}

extern "C" int lv_synth_print(const lv_mat *image, int mode, double cell, const double angles[4], double dot_gain,
                              const double paper[3], double black_generation, uint64_t seed, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.type() != CV_8UC3 || cell < 2) return fail(error, LV_ERR_ARGUMENT, "invalid print");
        const int rows = image->mat.rows, cols = image->mat.cols;
        cv::RNG rng(seed);
        // 1. Separation into C, M, Y, K coverage, one float plane per ink.
        std::vector<cv::Mat> coverage(4);
        for (auto &plane : coverage) plane.create(rows, cols, CV_32F);
        for (int y = 0; y < rows; ++y) {
            const cv::Vec3b *source = image->mat.ptr<cv::Vec3b>(y);
            for (int x = 0; x < cols; ++x) {
                double ink[4];
                separate(source[x], black_generation, ink);
                for (int i = 0; i < 4; ++i) coverage[i].at<float>(y, x) = float(ink[i]);
            }
        }
        // 2. Screening: clustered dots (a threshold function per screen cell, rotated to the ink's
        //    angle) or error diffusion (Floyd-Steinberg, as inkjets do). Dots are binary.
        std::vector<cv::Mat> dots(4);
        for (int i = 0; i < 4; ++i) {
            dots[i].create(rows, cols, CV_8U);  // every pixel is written below
            if (mode == 2) {
                // Continuous tone (dye sublimation, silver-halide lab prints, photo inkjets whose
                // droplets are far below any camera's resolution): each ink's density varies
                // smoothly, no screen.
                coverage[i].convertTo(dots[i], CV_8U, 255);
            } else if (mode == 0) {
                double a = angles[i] * CV_PI / 180, ca = std::cos(a), sa = std::sin(a);
                // cos(2 pi u) and cos(2 pi v) along a row, u and v growing linearly with x: from
                // each 256-pixel block's start by the angle-sum formula, with the steps' cosines
                // and sines tabulated once (independent per pixel, and exact to rounding).
                const double stepU = 2 * CV_PI * ca / cell, stepV = -2 * CV_PI * sa / cell;
                double cosU[256], sinU[256], cosV[256], sinV[256];
                for (int k = 0; k < 256; ++k) {
                    cosU[k] = std::cos(k * stepU); sinU[k] = std::sin(k * stepU);
                    cosV[k] = std::cos(k * stepV); sinV[k] = std::sin(k * stepV);
                }
                for (int y = 0; y < rows; ++y) {
                    const float *c = coverage[i].ptr<float>(y);
                    uchar *d = dots[i].ptr<uchar>(y);
                    for (int start = 0; start < cols; start += 256) {
                        double u = (start * ca + y * sa) / cell, v = (-start * sa + y * ca) / cell;
                        const double cu = std::cos(2 * CV_PI * u), su = std::sin(2 * CV_PI * u), cv_ = std::cos(2 * CV_PI * v), sv = std::sin(2 * CV_PI * v);
                        const int count = std::min(cols - start, 256);
                        for (int k = 0; k < count; ++k) {
                            const double spot = 0.5 - 0.25 * ((cu * cosU[k] - su * sinU[k]) + (cv_ * cosV[k] - sv * sinV[k]));  // 0 at dot centres
                            d[start + k] = c[start + k] > spot ? 255 : 0;
                        }
                    }
                }
            } else {
                cv::Mat error = coverage[i].clone();
                for (int y = 0; y < rows; ++y) {
                    float *e = error.ptr<float>(y), *below = y + 1 < rows ? error.ptr<float>(y + 1) : nullptr;
                    uchar *d = dots[i].ptr<uchar>(y);
                    for (int x = 0; x < cols; ++x) {
                        float value = e[x] + float(rng.uniform(-0.02, 0.02));
                        float printed = value > 0.5f ? 1.f : 0.f;
                        d[x] = printed > 0 ? 255 : 0;
                        float residual = value - printed;
                        if (x + 1 < cols) e[x + 1] += residual * 7 / 16;
                        if (below) {
                            if (x > 0) below[x - 1] += residual * 3 / 16;
                            below[x] += residual * 5 / 16;
                            if (x + 1 < cols) below[x + 1] += residual / 16;
                        }
                    }
                }
            }
        }
        // 3. Dot gain: ink spreads into the paper (a blur of the dots, then a soft threshold).
        // 4. Subtractive mixing on the paper: each ink's transmission per channel (B, G, R).
        const double transmission[4][3] = {{0.95, 0.55, 0.12}, {0.45, 0.10, 0.92}, {0.08, 0.90, 0.98}, {0.10, 0.10, 0.10}};
        std::vector<cv::Mat> spread(4);
        for (int i = 0; i < 4; ++i) {
            dots[i].convertTo(spread[i], CV_32F, 1.0 / 255);
            cv::GaussianBlur(spread[i], spread[i], cv::Size(), 0.4 + dot_gain * cell * 0.15);
        }
        // The spread's gain and its cap at full coverage, as OpenCV's scaling (convertTo) and
        // cv::min compute them, in the mixing pass.
        const float spreadGain = float(1 + dot_gain);
        cv::Mat printed(rows, cols, CV_8UC3);
        for (int y = 0; y < rows; ++y) {
            cv::Vec3b *p = printed.ptr<cv::Vec3b>(y);
            const float *s0 = spread[0].ptr<float>(y), *s1 = spread[1].ptr<float>(y), *s2 = spread[2].ptr<float>(y), *s3 = spread[3].ptr<float>(y);
            for (int x = 0; x < cols; ++x) {
                const float s[4] = {std::min(1.0f, s0[x] * spreadGain), std::min(1.0f, s1[x] * spreadGain), std::min(1.0f, s2[x] * spreadGain),
                                    std::min(1.0f, s3[x] * spreadGain)};
                for (int channel = 0; channel < 3; ++channel) {
                    double light = paper[channel];
                    for (int i = 0; i < 4; ++i) light *= 1 - s[i] * (1 - transmission[i][channel]);
                    p[x][channel] = cv::saturate_cast<uchar>(light);
                }
            }
        }
        // 5. Paper: fibre texture (fine, slightly anisotropic noise).
        cv::Mat fibre(rows, cols, CV_32F);
        rng.fill(fibre, cv::RNG::NORMAL, 0, 1);
        cv::GaussianBlur(fibre, fibre, cv::Size(5, 1), 0);
        for (int y = 0; y < rows; ++y) {
            cv::Vec3b *p = printed.ptr<cv::Vec3b>(y);
            const float *f = fibre.ptr<float>(y);
            for (int x = 0; x < cols; ++x)
                for (int channel = 0; channel < 3; ++channel) p[x][channel] = cv::saturate_cast<uchar>(p[x][channel] * (1 + 0.025 * f[x]));
        }
        return emit(printed, out);
    });
}

extern "C" int lv_synth_photocopy(const lv_mat *image, double contrast, double toner, double speckle, double banding,
                                  double paper, uint64_t seed, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.type() != CV_8UC3) return fail(error, LV_ERR_ARGUMENT, "invalid photocopy");
        cv::RNG rng(seed);
        cv::Mat grey;
        cv::cvtColor(image->mat, grey, cv::COLOR_BGR2GRAY);
        // A copier scans at its optical resolution (softening), then prints toner with a steep
        // tone curve: light tints drop to paper white, mid-tones darken, blacks saturate.
        cv::GaussianBlur(grey, grey, cv::Size(), 0.8);
        cv::Mat copy(grey.rows, grey.cols, CV_8UC3);
        double phase = rng.uniform(0.0, 6.28), period = rng.uniform(40.0, 160.0);
        for (int y = 0; y < grey.rows; ++y) {
            const uchar *g = grey.ptr<uchar>(y);
            cv::Vec3b *c = copy.ptr<cv::Vec3b>(y);
            double band = 1 + banding * std::sin(2 * CV_PI * y / period + phase);  // drum and lamp unevenness
            // The toner each grey level gets on this row, and the level it prints, once a row.
            double inkOf[256];
            uchar printed[256];
            for (int level = 0; level < 256; ++level) {
                double density = 1 - level / 255.0;
                double t = 1 / (1 + std::exp(-contrast * (density * band - 0.45)));
                inkOf[level] = toner * t;
                printed[level] = cv::saturate_cast<uchar>(paper * (1 - inkOf[level]));
            }
            for (int x = 0; x < grey.cols; ++x) {
                uchar value = printed[g[x]];
                if (rng.uniform(0.0, 1.0) < speckle)  // stray toner
                    value = cv::saturate_cast<uchar>(paper * (1 - std::min(1.0, inkOf[g[x]] + rng.uniform(0.3, 0.9))));
                c[x] = cv::Vec3b(value, value, value);
            }
        }
        return emit(copy, out);
    });
}

extern "C" void lv_synth_keep_heap(void) {
#if defined(__linux__)
    // Buffers of tens of MB come and go per image: keep them in the heap rather than mapping and
    // unmapping (and zeroing) fresh pages each time. One arena for all threads: a worker thread's
    // own arena cannot hold a chunk over 64 MB (a sensor-sized float frame is 100 MB), so those
    // were mapped and unmapped afresh each time whatever the threshold (~2 s of system time in
    // 40 images, and more memory held).
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 256 << 20);
#endif
}


// Gamma 2.2 tables between the scene's 8-bit codes and linear light.
static const std::vector<float> &decodeTable() {
    static const std::vector<float> table = [] {
        std::vector<float> t(256);
        for (int i = 0; i < 256; ++i) t[i] = float(std::pow(i / 255.0, 2.2));
        return t;
    }();
    return table;
}

static const std::vector<float> &encodeTable() {
    static const std::vector<float> table = [] {
        std::vector<float> t(4096);
        for (int i = 0; i < 4096; ++i) t[i] = float(std::pow(i / 4095.0, 1 / 2.2));
        return t;
    }();
    return table;
}

// An 8-bit BGR image as linear light (float, 3 channels).
static cv::Mat linearised(const cv::Mat &image) {
    const std::vector<float> &decode = decodeTable();
    cv::Mat result(image.size(), CV_32FC3);
    for (int y = 0; y < image.rows; ++y) {
        const uchar *s = image.ptr<uchar>(y);
        float *d = result.ptr<float>(y);
        for (int x = 0; x < image.cols * 3; ++x) d[x] = decode[s[x]];
    }
    return result;
}

extern "C" int lv_synth_warp_linear_onto(lv_mat *destination, const lv_mat *source, const double homography[9], double prefilter,
                                         lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(destination) || !valid(source) || source->mat.type() != CV_8UC3 || destination->mat.type() != CV_8UC3)
            return fail(error, LV_ERR_ARGUMENT, "BGR images are needed");
        Placement placed;
        if (!place(source->mat, destination->mat, homography, placed)) return LV_OK;
        const cv::Rect box = placed.box;
        const cv::Mat &warpedMask = placed.mask;
        cv::Mat input = linearised(source->mat), warped;
        if (prefilter > 0.3) cv::GaussianBlur(input, input, cv::Size(), prefilter);
        cv::warpPerspective(input, warped, placed.local, box.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        const std::vector<float> &decode = decodeTable(), &encode = encodeTable();
        cv::Mat region = destination->mat(box);
        for (int y = 0; y < box.height; ++y) {
            const cv::Vec3f *s = warped.ptr<cv::Vec3f>(y);
            const uchar *a = warpedMask.ptr<uchar>(y);
            cv::Vec3b *d = region.ptr<cv::Vec3b>(y);
            for (int x = 0; x < box.width; ++x) {
                if (a[x] == 0) continue;
                float alpha = a[x] / 255.0f;
                for (int c = 0; c < 3; ++c) {
                    float blended = std::min(1.0f, s[x][c]) * alpha + decode[d[x][c]] * (1 - alpha);
                    d[x][c] = cv::saturate_cast<uchar>(encode[std::min(4095, int(blended * 4095 + 0.5f))] * 255);
                }
            }
        }
        return LV_OK;
    });
}

extern "C" int lv_synth_print_onto(lv_mat *destination, const lv_mat *source, const double homography[9],
                                   const lv_print_lighting *lighting, double prefilter, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(destination) || !valid(source) || !lighting) return fail(error, LV_ERR_ARGUMENT, "nothing to warp");
        if (source->mat.type() != CV_8UC3 || destination->mat.type() != CV_8UC3) return fail(error, LV_ERR_ARGUMENT, "BGR images are needed");
        // The sheet's size; the source is an inset on it (a photo printed on a larger sheet).
        const bool inset = lighting->sheet_width > 0;
        const double W = inset ? lighting->sheet_width : source->mat.cols, H = inset ? lighting->sheet_height : source->mat.rows, cx = W / 2, cy = H / 2;
        const double ox = inset ? lighting->inset_x : 0, oy = inset ? lighting->inset_y : 0, is = inset ? lighting->inset_scale : 1;
        // The bend: the sheet's arc length u - cx becomes the angle theta = (u - cx) / R on a cylinder
        // of radius R = W / curvature whose axis is the sheet's vertical; it then lies at lateral
        // position R sin(theta) and depth R (1 - cos(theta)) towards the camera, which is `distance`
        // sheet widths away, so nearer parts look larger (magnification D / (D - depth)).
        const double curvature = std::fabs(lighting->curvature) < 1e-4 ? 0 : lighting->curvature;
        const double R = curvature == 0 ? 0 : W / curvature, D = std::max(0.5, lighting->distance) * W;
        auto theta = [&](double u) { return curvature == 0 ? 0.0 : (u - cx) / R; };
        auto depth = [&](double u) { return curvature == 0 ? 0.0 : R * (1 - std::cos(theta(u))); };
        auto lateral = [&](double u) { return curvature == 0 ? u - cx : R * std::sin(theta(u)); };
        auto magnification = [&](double u) { return D / (D - depth(u)); };
        auto flatX = [&](double u) { return cx + lateral(u) * magnification(u); };
        // Inverse of flatX by table (it is monotone for bends under about 120 degrees).
        const int samples = int(W) * 2 + 2;
        std::vector<double> us(samples), xs(samples);
        for (int i = 0; i < samples; ++i) { us[i] = -1 + (W + 2) * i / double(samples - 1); xs[i] = flatX(us[i]); }
        for (int i = 1; i < samples; ++i)
            if (xs[i] <= xs[i - 1]) return fail(error, LV_ERR_ARGUMENT, "bend too strong");
        const double xMin = xs.front(), xMax = xs.back();
        const int tableSize = int(std::ceil(xMax - xMin)) * 4 + 2;
        std::vector<float> inverse(tableSize);
        for (int i = 0, j = 0; i < tableSize; ++i) {
            double x = xMin + (xMax - xMin) * i / double(tableSize - 1);
            while (j < samples - 2 && xs[j + 1] < x) ++j;
            double t = (x - xs[j]) / (xs[j + 1] - xs[j]);
            inverse[i] = float(us[j] + t * (us[j + 1] - us[j]));
        }
        cv::Mat h(3, 3, CV_64F);
        for (int i = 0; i < 9; ++i) h.at<double>(i / 3, i % 3) = homography[i];
        // Where the sheet lands: its outline, bent, through the homography.
        std::vector<cv::Point2f> outline, mapped;
        const double left = ox, right = ox + source->mat.cols * is, top = oy, bottom = oy + source->mat.rows * is;
        for (int i = 0; i <= 32; ++i) {
            double u = left + (right - left) * i / 32.0;
            for (double v : {top, bottom}) outline.emplace_back(float(flatX(u)), float(cy + (v - cy) * magnification(u)));
        }
        cv::perspectiveTransform(outline, mapped, h);
        cv::Rect box = cv::boundingRect(mapped);
        box = cv::Rect(box.x - 2, box.y - 2, box.width + 4, box.height + 4) & cv::Rect(0, 0, destination->mat.cols, destination->mat.rows);
        if (box.empty()) return LV_OK;
        cv::Mat inv = h.inv();
        const double *m = inv.ptr<double>();
        cv::Mat mapX(box.size(), CV_32F), mapY(box.size(), CV_32F), shading(box.size(), CV_32F), glare(box.size(), CV_32F);
        const double light = lighting->light_angle, cosLight = std::cos(light);
        for (int y = 0; y < box.height; ++y) {
            float *mx = mapX.ptr<float>(y), *my = mapY.ptr<float>(y), *sh = shading.ptr<float>(y), *gl = glare.ptr<float>(y);
            for (int x = 0; x < box.width; ++x) {
                double X = x + box.x, Y = y + box.y;
                double w = m[6] * X + m[7] * Y + m[8];
                double fx = (m[0] * X + m[1] * Y + m[2]) / w, fy = (m[3] * X + m[4] * Y + m[5]) / w;
                double position = (fx - xMin) / (xMax - xMin) * (tableSize - 1);
                if (position < 0 || position > tableSize - 1) { mx[x] = -10; my[x] = -10; sh[x] = 0; gl[x] = 0; continue; }
                int i = std::min(tableSize - 2, int(position));
                double u = inverse[i] + (position - i) * (inverse[i + 1] - inverse[i]);
                double v = cy + (fy - cy) / magnification(u);
                mx[x] = float((u - ox) / is - 0.5);
                my[x] = float((v - oy) / is - 0.5);
                // Irradiance on a Lambertian sheet: the cosine between its normal (turned by the
                // bend) and the light, relative to a flat sheet.
                double t = theta(u);
                sh[x] = float(std::min(1.5, std::max(0.25, std::cos(t - light) / cosLight)));
                // Mirror reflection off a glossy coating: the reflected view ray turns by twice the
                // normal's angle and by the view ray's own angle across the sheet; the light's
                // reflection is seen where that matches its direction (a lobe of `specular_width`).
                double reflected = 2 * t - (fx - cx) / D, away = (reflected - lighting->specular_angle) / lighting->specular_width;
                double along = (v - lighting->specular_centre * H) / (lighting->specular_length * H);
                gl[x] = float(lighting->specular * std::exp(-away * away - along * along));
            }
        }
        // Integrated in linear light (the dots' light adds, their 8-bit codes do not).
        cv::Mat input = linearised(source->mat);
        if (prefilter > 0.3) cv::GaussianBlur(input, input, cv::Size(), prefilter);
        cv::Mat warped, mask(source->mat.rows, source->mat.cols, CV_8UC1, cv::Scalar(255)), warpedMask;
        cv::remap(input, warped, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        cv::remap(mask, warpedMask, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
        // Reflected light in linear units: reflectance x irradiance, plus the coating's mirror
        // reflection of the light; blended with the scene in linear light, then back to its
        // 8-bit encoding (gamma 2.2).
        const std::vector<float> &decode = decodeTable(), &encode = encodeTable();
        const float illumination = float(lighting->illumination);
        cv::Mat region = destination->mat(box);
        for (int y = 0; y < box.height; ++y) {
            const cv::Vec3f *s = warped.ptr<cv::Vec3f>(y);
            const uchar *a = warpedMask.ptr<uchar>(y);
            const float *sh = shading.ptr<float>(y), *gl = glare.ptr<float>(y);
            cv::Vec3b *d = region.ptr<cv::Vec3b>(y);
            for (int x = 0; x < box.width; ++x) {
                if (a[x] == 0) continue;
                float alpha = a[x] / 255.0f;
                for (int c = 0; c < 3; ++c) {
                    float linear = std::min(1.0f, s[x][c] * illumination * sh[x] + gl[x]);
                    float blended = linear * alpha + decode[d[x][c]] * (1 - alpha);
                    d[x][c] = cv::saturate_cast<uchar>(encode[std::min(4095, int(blended * 4095 + 0.5f))] * 255);
                }
            }
        }
        return LV_OK;
    });
}

extern "C" int lv_synth_print_point(const double size[2], const double homography[9], const lv_print_lighting *lighting,
                                    double u, double v, double *x, double *y) {
    const double W = size[0], H = size[1], cx = W / 2, cy = H / 2;
    const double curvature = std::fabs(lighting->curvature) < 1e-4 ? 0 : lighting->curvature;
    const double R = curvature == 0 ? 0 : W / curvature, D = std::max(0.5, lighting->distance) * W;
    double t = curvature == 0 ? 0 : (u - cx) / R;
    double lateral = curvature == 0 ? u - cx : R * std::sin(t), depth = curvature == 0 ? 0 : R * (1 - std::cos(t));
    double magnification = D / (D - depth);
    double fx = cx + lateral * magnification, fy = cy + (v - cy) * magnification;
    const double *m = homography;
    double w = m[6] * fx + m[7] * fy + m[8];
    if (std::fabs(w) < 1e-12) return LV_ERR_ARGUMENT;
    *x = (m[0] * fx + m[1] * fy + m[2]) / w;
    *y = (m[3] * fx + m[4] * fy + m[5]) / w;
    return LV_OK;
}

extern "C" int lv_synth_light(const lv_mat *image, double gain, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.depth() != CV_8U) return fail(error, LV_ERR_ARGUMENT, "an 8-bit image is needed");
        cv::Mat table(1, 256, CV_8U), result;
        for (int i = 0; i < 256; ++i) table.at<uchar>(i) = cv::saturate_cast<uchar>(255 * std::pow(std::pow(i / 255.0, 2.2) * gain, 1 / 2.2));
        cv::LUT(image->mat, table, result);
        return emit(result, out);
    });
}

extern "C" int lv_synth_curves(const lv_mat *image, const uint8_t table[768], lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.type() != CV_8UC3 || !table) return fail(error, LV_ERR_ARGUMENT, "a BGR image is needed");
        cv::Mat lut(1, 256, CV_8UC3), result;
        for (int i = 0; i < 256; ++i) lut.at<cv::Vec3b>(i) = cv::Vec3b(table[i], table[256 + i], table[512 + i]);
        cv::LUT(image->mat, lut, result);
        return emit(result, out);
    });
}

extern "C" int lv_synth_colour_matrix(const lv_mat *image, const double matrix[9], lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || image->mat.type() != CV_8UC3 || !matrix) return fail(error, LV_ERR_ARGUMENT, "a BGR image is needed");
        // In linear light (gamma 2.2), on R, G, B (the matrix's order), clipped to the 8-bit range.
        const std::vector<float> &decode = decodeTable();
        cv::Mat result(image->mat.size(), CV_8UC3);
        for (int y = 0; y < image->mat.rows; ++y) {
            const cv::Vec3b *s = image->mat.ptr<cv::Vec3b>(y);
            cv::Vec3b *d = result.ptr<cv::Vec3b>(y);
            for (int x = 0; x < image->mat.cols; ++x) {
                const double rgb[3] = {decode[s[x][2]], decode[s[x][1]], decode[s[x][0]]};
                for (int c = 0; c < 3; ++c) {
                    double v = matrix[c * 3] * rgb[0] + matrix[c * 3 + 1] * rgb[1] + matrix[c * 3 + 2] * rgb[2];
                    d[x][2 - c] = cv::saturate_cast<uchar>(255 * std::pow(std::min(1.0, std::max(0.0, v)), 1 / 2.2));
                }
            }
        }
        return emit(result, out);
    });
}
