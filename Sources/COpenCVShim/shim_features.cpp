// Pixel statistics behind the screen-replay and printed-copy features. The loops are here, not in
// Swift, because they run over every pixel of a photo at its native resolution.
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>

using namespace lv;

namespace {

/// The part of a tile's spectrum where periodic structure is looked for: radii above 0.04
/// cycles/pixel up to the corners (a display grid at 2 px lands there), without the rows and
/// columns at multiples of 1/8 cycles/pixel (JPEG's 8x8
/// block grid puts its own peaks there, in every compressed photo) and without the axes (the
/// window's residual edges). Only one half-plane: a real signal's spectrum is symmetric.
cv::Mat band_mask(int size) {
    cv::Mat mask(size, size / 2 + 1, CV_8U, cv::Scalar(0));
    for (int v = 0; v < size; ++v) {
        double fy = (v <= size / 2 ? v : v - size) / double(size);
        for (int u = 0; u <= size / 2; ++u) {
            double fx = u / double(size);
            double r = std::sqrt(fx * fx + fy * fy);
            if (r < 0.04) continue;
            bool grid = false;
            for (int k = 0; k <= 4; ++k) {
                double f = k / 8.0;
                if (std::fabs(std::fabs(fx) - f) * size < 1.6 || std::fabs(std::fabs(fy) - f) * size < 1.6) grid = true;
            }
            if (!grid) mask.at<uint8_t>(v, u) = 1;
        }
    }
    return mask;
}

struct Peak {
    float ratio;    // log of the strongest bin over the median of its frequency ring
    float lattice;  // the same for the strongest bin at least 30 degrees from the first
};

/// Spectral rings of a tile: for each bin of the band, its ring (integer radius in bins), so a
/// bin can be compared with others at the same frequency. Natural images fall off as 1/f, so
/// comparing a bin with the whole band's median measures the slope, not periodicity; a periodic
/// pattern stands out of its own ring.
struct Rings {
    std::vector<int> ring;       // per masked bin, in scan order
    std::vector<float> angle;    // per masked bin: direction of its frequency (radians, -pi/2..pi/2)
    int count = 0;
};

Rings band_rings(const cv::Mat &mask) {
    Rings rings;
    const int size = mask.rows;
    for (int v = 0; v < size; ++v) {
        const uint8_t *m = mask.ptr<uint8_t>(v);
        for (int u = 0; u <= size / 2; ++u) {
            if (!m[u]) continue;
            const int fv = v <= size / 2 ? v : v - size;
            const int r = int(std::lround(std::sqrt(double(u * u + fv * fv))));
            rings.ring.push_back(r);
            rings.angle.push_back(float(std::atan2(double(fv), double(u))));
            rings.count = std::max(rings.count, r + 1);
        }
    }
    return rings;
}

/// The strongest periodic components of a windowed tile (its mean removed), each bin measured
/// against the median of its frequency ring, which also takes away the 1/f fall-off that a
/// high-pass filter would otherwise have to. A display's pixel grid is a lattice (two
/// directions); printed fine lines are locally one direction: with `lattice`, the strongest bin
/// at least 30 degrees from the first is measured too.
Peak spectral_peak(const cv::Mat &tile, const cv::Mat &window, const cv::Mat &mask, const Rings &rings, bool lattice,
                   std::vector<std::vector<float>> &scratch, std::vector<float> &magnitudes) {
    cv::Mat centred, spectrum;
    cv::subtract(tile, cv::mean(tile), centred);
    cv::multiply(centred, window, centred);
    cv::dft(centred, spectrum, cv::DFT_COMPLEX_OUTPUT);
    const int size = tile.rows;
    for (auto &values : scratch) values.clear();
    scratch.resize(rings.count);
    magnitudes.clear();
    for (int v = 0; v < size; ++v) {
        const cv::Vec2f *row = spectrum.ptr<cv::Vec2f>(v);
        const uint8_t *m = mask.ptr<uint8_t>(v);
        for (int u = 0; u <= size / 2; ++u) {
            if (!m[u]) continue;
            const float magnitude = std::sqrt(row[u][0] * row[u][0] + row[u][1] * row[u][1]);
            scratch[rings.ring[magnitudes.size()]].push_back(magnitude);
            magnitudes.push_back(magnitude);
        }
    }
    std::vector<float> medians(rings.count, 0);
    for (int r = 0; r < rings.count; ++r) {
        auto &values = scratch[r];
        if (values.size() < 8) continue;  // too few bins to know the ring's level
        auto middle = values.begin() + values.size() / 2;
        std::nth_element(values.begin(), middle, values.end());
        medians[r] = std::max(*middle, 1e-6f);
    }
    // Ratios in place of the magnitudes.
    size_t best = 0;
    for (size_t i = 0; i < magnitudes.size(); ++i) {
        const float median = medians[rings.ring[i]];
        magnitudes[i] = median > 0 ? magnitudes[i] / median : 0;
        if (magnitudes[i] > magnitudes[best]) best = i;
    }
    if (magnitudes.empty() || magnitudes[best] <= 0) return {0, 0};
    float second = 1;
    if (lattice) {
        const float angle = rings.angle[best];
        for (size_t i = 0; i < magnitudes.size(); ++i) {
            float difference = std::fabs(rings.angle[i] - angle);
            difference = std::min(difference, float(CV_PI) - difference);
            if (difference >= float(CV_PI / 6) && magnitudes[i] > second) second = magnitudes[i];
        }
    }
    return {float(std::log(magnitudes[best])), float(std::log(second))};
}

/// Standard deviation of what a Gaussian of `sigma` removes: the finest detail and noise.
double fine_detail(const cv::Mat &channel, double sigma) {
    cv::Mat smooth, residual;
    cv::GaussianBlur(channel, smooth, cv::Size(0, 0), sigma);
    cv::subtract(channel, smooth, residual);
    cv::Scalar mean, deviation;
    cv::meanStdDev(residual, mean, deviation);
    return deviation[0];
}

double quantile_of_histogram(const std::vector<int> &histogram, long total, double q) {
    long target = long(q * double(total)), seen = 0;
    for (size_t i = 0; i < histogram.size(); ++i) {
        seen += histogram[i];
        if (seen > target) return double(i);
    }
    return double(histogram.size() - 1);
}

}  // namespace

extern "C" int lv_tile_spectra(const lv_mat *bgr, int tile, int max_tiles, float *out, int *count, lv_error *error) {
    return guarded(error, [&]() -> int {
        *count = 0;
        if (!valid(bgr) || bgr->mat.channels() != 3 || bgr->mat.depth() != CV_8U)
            return fail(error, LV_ERR_ARGUMENT, "needs an 8-bit BGR image");
        if (tile < 32 || (tile & (tile - 1)) != 0 || max_tiles < 1)
            return fail(error, LV_ERR_ARGUMENT, "tile must be a power of two >= 32 and max_tiles positive");
        const cv::Mat &image = bgr->mat;
        const int across = image.cols / tile, down = image.rows / tile;
        if (across == 0 || down == 0) return LV_OK;
        // Evenly spread tiles when there are more than wanted; the grid is centred.
        const int offsetX = (image.cols - across * tile) / 2, offsetY = (image.rows - down * tile) / 2;
        const int available = across * down;
        const int used = std::min(available, max_tiles);
        cv::Mat window, halfWindow;
        cv::createHanningWindow(window, cv::Size(tile, tile), CV_32F);
        cv::createHanningWindow(halfWindow, cv::Size(tile / 2, tile / 2), CV_32F);
        const cv::Mat mask = band_mask(tile), halfMask = band_mask(tile / 2);
        const Rings rings = band_rings(mask), halfRings = band_rings(halfMask);
        std::vector<std::vector<float>> scratch;
        std::vector<float> magnitudes;
        for (int i = 0; i < used; ++i) {
            const int index = int((long(i) * available) / used + (available / used) / 2);
            const int x = offsetX + (index % across) * tile, y = offsetY + (index / across) * tile;
            cv::Mat ycrcb, planes[3];
            cv::cvtColor(image(cv::Rect(x, y, tile, tile)), ycrcb, cv::COLOR_BGR2YCrCb);
            ycrcb.convertTo(ycrcb, CV_32F);
            cv::split(ycrcb, planes);
            cv::Scalar mean, deviation;
            cv::meanStdDev(planes[0], mean, deviation);
            const Peak luma = spectral_peak(planes[0], window, mask, rings, true, scratch, magnitudes);
            // Chroma at half resolution: phone JPEGs subsample it 2x2 (4:2:0), so it holds
            // nothing finer, and a quarter of the pixels costs a quarter of the time.
            cv::Mat red, blue;
            cv::resize(planes[1], red, cv::Size(tile / 2, tile / 2), 0, 0, cv::INTER_AREA);
            cv::resize(planes[2], blue, cv::Size(tile / 2, tile / 2), 0, 0, cv::INTER_AREA);
            const Peak redPeak = spectral_peak(red, halfWindow, halfMask, halfRings, false, scratch, magnitudes);
            const Peak bluePeak = spectral_peak(blue, halfWindow, halfMask, halfRings, false, scratch, magnitudes);
            const double lumaFine = fine_detail(planes[0], 1.0);
            const double chromaFine = 0.5 * (fine_detail(planes[1], 1.0) + fine_detail(planes[2], 1.0));
            float *row = out + size_t(i) * LV_TILE_STATS;
            row[0] = float(x);
            row[1] = float(y);
            row[2] = float(deviation[0]);
            row[3] = luma.ratio;
            row[4] = std::max(redPeak.ratio, bluePeak.ratio);
            row[5] = float(lumaFine);
            row[6] = float(chromaFine);
            row[7] = luma.lattice;
        }
        *count = used;
        return LV_OK;
    });
}

extern "C" int lv_colour_stats(const lv_mat *bgr, float out[LV_COLOUR_STATS], lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(bgr) || bgr->mat.channels() != 3 || bgr->mat.depth() != CV_8U)
            return fail(error, LV_ERR_ARGUMENT, "needs an 8-bit BGR image");
        const cv::Mat &image = bgr->mat;
        std::vector<int> saturation(256, 0), value(256, 0);
        long total = 0, lit = 0, clipped = 0;
        double rg = 0, yb = 0, rg2 = 0, yb2 = 0;
        // Colour statistics do not need every pixel: every second row and column.
        for (int y = 0; y < image.rows; y += 2) {
            const uint8_t *row = image.ptr<uint8_t>(y);
            for (int x = 0; x < image.cols; x += 2) {
                const int b = row[3 * x], g = row[3 * x + 1], r = row[3 * x + 2];
                const int high = std::max(b, std::max(g, r)), low = std::min(b, std::min(g, r));
                value[high] += 1;
                ++total;
                if (high >= 250) ++clipped;
                if (high >= 40) {
                    saturation[(255 * (high - low)) / high] += 1;
                    ++lit;
                }
                const double a = r - g, c = 0.5 * (r + g) - b;
                rg += a; yb += c; rg2 += a * a; yb2 += c * c;
            }
        }
        if (total == 0) return fail(error, LV_ERR_ARGUMENT, "empty image");
        const double white = quantile_of_histogram(value, total, 0.98);
        // The tint of the brightest pixels: a display's white point, or paper under the light.
        double tint = 0;
        long whites = 0;
        for (int y = 0; y < image.rows; y += 2) {
            const uint8_t *row = image.ptr<uint8_t>(y);
            for (int x = 0; x < image.cols; x += 2) {
                const int b = row[3 * x], g = row[3 * x + 1], r = row[3 * x + 2];
                if (std::max(b, std::max(g, r)) < white) continue;
                tint += double(b - r) / double(b + g + r + 1);
                ++whites;
            }
        }
        const double n = double(total);
        const double sdRG = std::sqrt(std::max(0.0, rg2 / n - (rg / n) * (rg / n)));
        const double sdYB = std::sqrt(std::max(0.0, yb2 / n - (yb / n) * (yb / n)));
        const double meanRG = rg / n, meanYB = yb / n;
        out[0] = float(lit ? quantile_of_histogram(saturation, lit, 0.5) : 0);
        out[1] = float(lit ? quantile_of_histogram(saturation, lit, 0.99) : 0);
        out[2] = float(quantile_of_histogram(value, total, 0.01));
        out[3] = float(quantile_of_histogram(value, total, 0.5));
        out[4] = float(quantile_of_histogram(value, total, 0.99));
        out[5] = float(whites ? tint / double(whites) : 0);
        out[6] = float(double(clipped) / n);
        // Hasler and Suesstrunk's colourfulness.
        out[7] = float(std::sqrt(sdRG * sdRG + sdYB * sdYB) + 0.3 * std::sqrt(meanRG * meanRG + meanYB * meanYB));
        return LV_OK;
    });
}

extern "C" int lv_crop(const lv_mat *mat, int x, int y, int width, int height, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty image");
        cv::Rect rect = cv::Rect(x, y, width, height) & cv::Rect(0, 0, mat->mat.cols, mat->mat.rows);
        if (rect.width <= 0 || rect.height <= 0) return fail(error, LV_ERR_ARGUMENT, "the crop lies outside the image");
        return emit(mat->mat(rect).clone(), out);
    });
}
