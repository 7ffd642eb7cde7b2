// The shadow a flat object of some thickness (a card, a sheet) casts on the surface it lies on.
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <climits>
#include <cmath>

using namespace lv;

namespace {

/// A convex quadrilateral's outward signed distances: `outside(x, y)` is the distance from the
/// outline for a point outside (the largest of the four edges' signed distances, exact along the
/// edges), <= 0 inside.
struct ConvexQuad {
    double nx[4], ny[4], c[4];

    explicit ConvexQuad(const float *points) {
        double area = 0;
        for (int i = 0; i < 4; ++i) {
            const int j = (i + 1) % 4;
            area += double(points[2 * i]) * points[2 * j + 1] - double(points[2 * j]) * points[2 * i + 1];
        }
        const double orientation = area >= 0 ? 1 : -1;  // outward normals whichever way the corners run
        for (int i = 0; i < 4; ++i) {
            const int j = (i + 1) % 4;
            const double dx = points[2 * j] - points[2 * i], dy = points[2 * j + 1] - points[2 * i + 1];
            const double length = std::max(1e-9, std::hypot(dx, dy));
            nx[i] = orientation * dy / length;
            ny[i] = -orientation * dx / length;
            c[i] = -(nx[i] * points[2 * i] + ny[i] * points[2 * i + 1]);
        }
    }

    /// The columns of row `y` that lie inside the quad at least a pixel from its outline
    /// ([first, last]; first > last when none): nothing there is shadowed, so they are skipped.
    void interior(double y, int &first, int &last) const {
        double lo = -1e300, hi = 1e300;
        for (int i = 0; i < 4; ++i) {
            const double rest = ny[i] * y + c[i];  // nx x + rest <= 0 inside this edge
            if (nx[i] > 1e-12) hi = std::min(hi, -rest / nx[i]);
            else if (nx[i] < -1e-12) lo = std::max(lo, -rest / nx[i]);
            else if (rest > 0) { first = 1; last = 0; return; }
        }
        first = lo < -1e9 ? INT_MIN / 2 : int(std::ceil(lo)) + 1;
        last = hi > 1e9 ? INT_MAX / 2 : int(std::floor(hi)) - 1;
    }

    double outside(double x, double y) const {
        double d = -1e300;
        for (int i = 0; i < 4; ++i) d = std::max(d, nx[i] * x + ny[i] * y + c[i]);
        return d;
    }
};

}  // namespace

extern "C" int lv_synth_contact_shadow(lv_mat *mat, const float *quad, double thickness, double ambient, double cast_x, double cast_y,
                                       lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !quad || mat->mat.type() != CV_8UC3) return fail(error, LV_ERR_ARGUMENT, "contact shadow needs a BGR image and 4 corners");
        if (!(thickness > 0) || !(ambient >= 0 && ambient <= 1)) return fail(error, LV_ERR_ARGUMENT, "contact shadow: thickness > 0, ambient 0-1");
        const ConvexQuad object(quad);
        // The cast shadow's penumbra: a lamp is not a point (about 0.4 of the cast length, at
        // least a pixel).
        const double cast = std::hypot(cast_x, cast_y), penumbra = std::max(1.0, 0.4 * cast);
        // Beyond 12 thicknesses the occlusion is below 0.2 %: only a band around the object.
        const double reach = std::max(12 * thickness, cast + 2 * penumbra);
        float left = quad[0], right = quad[0], top = quad[1], bottom = quad[1];
        for (int i = 1; i < 4; ++i) {
            left = std::min(left, quad[2 * i]); right = std::max(right, quad[2 * i]);
            top = std::min(top, quad[2 * i + 1]); bottom = std::max(bottom, quad[2 * i + 1]);
        }
        const cv::Rect box = cv::Rect(cv::Point(int(std::floor(left - reach)), int(std::floor(top - reach))),
                                      cv::Point(int(std::ceil(right + reach)) + 1, int(std::ceil(bottom + reach)) + 1))
                             & cv::Rect(0, 0, mat->mat.cols, mat->mat.rows);
        for (int y = box.y; y < box.y + box.height; ++y) {
            cv::Vec3b *row = mat->mat.ptr<cv::Vec3b>(y);
            int first, last;
            object.interior(y, first, last);
            for (int x = box.x; x < box.x + box.width; ++x) {
                if (x >= first && x <= last) { x = last; continue; }  // under the object
                const double d = object.outside(x, y);
                if (d <= 0 || d > reach) continue;
                // Diffuse light: at distance d from an edge of height t, the object hides the part
                // of the sky below elevation atan(t / d): a cosine-weighted share of
                // (1 - cos) / 2 = (1 - d / sqrt(d^2 + t^2)) / 2 (half the sky at the foot).
                const double occluded = 0.5 * (1 - d / std::hypot(d, thickness));
                // Direct light: blocked where the point, moved back along the light, falls on the
                // object (a soft step across the penumbra).
                const double behind = object.outside(x - cast_x, y - cast_y);
                const double shadowed = cast > 0 ? std::clamp(0.5 - behind / penumbra, 0.0, 1.0) : 0.0;
                const double gain = ambient * (1 - occluded) + (1 - ambient) * (1 - shadowed);
                if (gain > 0.999) continue;
                // The scene holds gamma-2.2 codes: a gain on light is gain^(1/2.2) on codes.
                const double encoded = std::pow(gain, 1 / 2.2);
                for (int c = 0; c < 3; ++c) row[x][c] = cv::saturate_cast<uchar>(row[x][c] * encoded);
            }
        }
        return LV_OK;
    });
}
