// Geometry, colour, filters, contours, lines and the DFT.
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>

using namespace lv;

static std::vector<cv::Point2f> points_from(const float *xy, int count) {
    std::vector<cv::Point2f> points(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) points[i] = cv::Point2f(xy[2 * i], xy[2 * i + 1]);
    return points;
}

extern "C" int lv_resize(const lv_mat *mat, int width, int height, int interpolation, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || width <= 0 || height <= 0) return fail(error, LV_ERR_ARGUMENT, "invalid resize");
        cv::Mat result;
        cv::resize(mat->mat, result, cv::Size(width, height), 0, 0, interpolation);
        return emit(result, out);
    });
}

extern "C" int lv_orient(const lv_mat *mat, int orientation, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat result;
        switch (orientation) {
        case 2: cv::flip(mat->mat, result, 1); break;
        case 3: cv::rotate(mat->mat, result, cv::ROTATE_180); break;
        case 4: cv::flip(mat->mat, result, 0); break;
        case 5: cv::transpose(mat->mat, result); break;
        case 6: cv::rotate(mat->mat, result, cv::ROTATE_90_CLOCKWISE); break;
        case 7: cv::transpose(mat->mat, result); cv::rotate(result, result, cv::ROTATE_180); break;
        case 8: cv::rotate(mat->mat, result, cv::ROTATE_90_COUNTERCLOCKWISE); break;
        default: result = mat->mat; break;
        }
        return emit(result, out);
    });
}

extern "C" int lv_extract_channel(const lv_mat *mat, int index, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || index < 0 || index >= mat->mat.channels()) return fail(error, LV_ERR_ARGUMENT, "invalid channel");
        cv::Mat channel;
        cv::extractChannel(mat->mat, channel, index);
        return emit(channel, out);
    });
}

extern "C" int lv_cvt_color(const lv_mat *mat, int code, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat result;
        cv::cvtColor(mat->mat, result, code);
        return emit(result, out);
    });
}

extern "C" int lv_homography(const float from[8], const float to[8], double out[9], lv_error *error) {
    return guarded(error, [&]() -> int {
        cv::Mat h = cv::getPerspectiveTransform(points_from(from, 4), points_from(to, 4));
        for (int i = 0; i < 9; ++i) out[i] = h.at<double>(i / 3, i % 3);
        return LV_OK;
    });
}

extern "C" int lv_warp_quad(const lv_mat *mat, const float quad[8], int width, int height, lv_mat **out,
                            lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || width <= 0 || height <= 0) return fail(error, LV_ERR_ARGUMENT, "invalid warp");
        std::vector<cv::Point2f> to = {{0, 0}, {float(width), 0}, {float(width), float(height)}, {0, float(height)}};
        cv::Mat h = cv::getPerspectiveTransform(points_from(quad, 4), to);
        cv::Mat result;
        cv::warpPerspective(mat->mat, result, h, cv::Size(width, height), cv::INTER_AREA, cv::BORDER_REPLICATE);
        return emit(result, out);
    });
}

extern "C" int lv_warp_perspective(const lv_mat *mat, const double homography[9], int width, int height, int border,
                                   const double fill[4], lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || width <= 0 || height <= 0) return fail(error, LV_ERR_ARGUMENT, "invalid warp");
        cv::Mat h(3, 3, CV_64F);
        for (int i = 0; i < 9; ++i) h.at<double>(i / 3, i % 3) = homography[i];
        cv::Mat result;
        cv::Scalar value = fill ? cv::Scalar(fill[0], fill[1], fill[2], fill[3]) : cv::Scalar();
        cv::warpPerspective(mat->mat, result, h, cv::Size(width, height), cv::INTER_LINEAR,
                            border ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT, value);
        return emit(result, out);
    });
}

extern "C" int lv_gaussian_blur(const lv_mat *mat, int kernel, double sigma, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat result;
        cv::GaussianBlur(mat->mat, result, cv::Size(kernel, kernel), sigma);
        return emit(result, out);
    });
}

extern "C" int lv_canny(const lv_mat *mat, double low, double high, int l2gradient, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat result;
        cv::Canny(mat->mat, result, low, high, 3, l2gradient != 0);
        return emit(result, out);
    });
}

extern "C" int lv_colour_gradient(const lv_mat *mat, int16_t *dx, int16_t *dy, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || mat->mat.depth() != CV_8U || (mat->mat.channels() != 1 && mat->mat.channels() != 3) || !dx || !dy)
            return fail(error, LV_ERR_ARGUMENT, "expected an 8-bit grey or BGR matrix and output buffers");
        cv::Mat sx, sy;
        cv::Sobel(mat->mat, sx, CV_16S, 1, 0, 3, 1, 0, cv::BORDER_REPLICATE);
        cv::Sobel(mat->mat, sy, CV_16S, 0, 1, 3, 1, 0, cv::BORDER_REPLICATE);
        const int rows = mat->mat.rows, cols = mat->mat.cols, cn = mat->mat.channels();
        for (int y = 0; y < rows; ++y) {
            const int16_t *px = sx.ptr<int16_t>(y), *py = sy.ptr<int16_t>(y);
            int16_t *ox = dx + (size_t)y * cols, *oy = dy + (size_t)y * cols;
            for (int x = 0; x < cols; ++x) {
                const int16_t *vx = px + x * cn, *vy = py + x * cn;
                int best = 0, bestMagnitude = vx[0] * vx[0] + vy[0] * vy[0];
                for (int c = 1; c < cn; ++c) {
                    const int magnitude = vx[c] * vx[c] + vy[c] * vy[c];
                    if (magnitude > bestMagnitude) { bestMagnitude = magnitude; best = c; }
                }
                int bx = vx[best], by = vy[best];
                if (cn == 3) {
                    // BT.601 luma weights in B, G, R order.
                    const float lx = 0.114f * vx[0] + 0.587f * vx[1] + 0.299f * vx[2];
                    const float ly = 0.114f * vy[0] + 0.587f * vy[1] + 0.299f * vy[2];
                    if (bx * lx + by * ly < 0) { bx = -bx; by = -by; }
                }
                ox[x] = (int16_t)bx;
                oy[x] = (int16_t)by;
            }
        }
        return LV_OK;
    });
}

extern "C" int lv_canny_derivatives(int rows, int cols, const int16_t *dx, const int16_t *dy, double low, double high,
                                    int l2gradient, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (rows <= 0 || cols <= 0 || !dx || !dy) return fail(error, LV_ERR_ARGUMENT, "invalid derivative buffers");
        const cv::Mat gx(rows, cols, CV_16SC1, const_cast<int16_t *>(dx)), gy(rows, cols, CV_16SC1, const_cast<int16_t *>(dy));
        cv::Mat result;
        cv::Canny(gx, gy, result, low, high, l2gradient != 0);
        return emit(result, out);
    });
}

extern "C" int lv_morphology(const lv_mat *mat, int op, int kernel_width, int kernel_height, int iterations,
                             lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || kernel_width < 1 || kernel_height < 1) return fail(error, LV_ERR_ARGUMENT, "invalid kernel");
        static const int ops[] = {cv::MORPH_ERODE, cv::MORPH_DILATE, cv::MORPH_OPEN, cv::MORPH_CLOSE, cv::MORPH_GRADIENT};
        if (op < 0 || op > 4) return fail(error, LV_ERR_ARGUMENT, "invalid morphology op");
        cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kernel_width, kernel_height));
        cv::Mat result;
        cv::morphologyEx(mat->mat, result, ops[op], kernel, cv::Point(-1, -1), iterations);
        return emit(result, out);
    });
}

extern "C" int lv_sobel(const lv_mat *mat, int dx, int dy, int kernel, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat result;
        cv::Sobel(mat->mat, result, CV_32F, dx, dy, kernel);
        return emit(result, out);
    });
}

extern "C" int lv_laplacian_variance(const lv_mat *mat, double *variance, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        cv::Mat laplacian;
        cv::Laplacian(mat->mat, laplacian, CV_32F, 3);
        cv::Scalar mean, deviation;
        cv::meanStdDev(laplacian, mean, deviation);
        *variance = deviation[0] * deviation[0];
        return LV_OK;
    });
}

extern "C" int lv_find_contours(const lv_mat *mat, int mode, int **points, int **lengths, int *count,
                                lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || mat->mat.type() != CV_8UC1) return fail(error, LV_ERR_ARGUMENT, "needs an 8-bit binary image");
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mat->mat, contours, mode == 0 ? cv::RETR_EXTERNAL : cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
        std::vector<int> flat, sizes;
        for (const auto &contour : contours) {
            sizes.push_back(static_cast<int>(contour.size()));
            for (const auto &p : contour) { flat.push_back(p.x); flat.push_back(p.y); }
        }
        *count = static_cast<int>(sizes.size());
        *points = copy_out(flat);
        *lengths = copy_out(sizes);
        return LV_OK;
    });
}

extern "C" int lv_convex_hull(const int *points, int count, int **hull, int *hull_count, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!points || count < 1) return fail(error, LV_ERR_ARGUMENT, "no points");
        std::vector<cv::Point> input(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) input[i] = cv::Point(points[2 * i], points[2 * i + 1]);
        std::vector<int> indices;
        cv::convexHull(input, indices, true, false);
        *hull_count = static_cast<int>(indices.size());
        *hull = copy_out(indices);
        return LV_OK;
    });
}

extern "C" int lv_approx_poly(const float *points, int count, double epsilon, float **out, int *out_count,
                              lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!points || count < 1) return fail(error, LV_ERR_ARGUMENT, "no points");
        std::vector<cv::Point2f> approx;
        cv::approxPolyDP(points_from(points, count), approx, epsilon, true);
        std::vector<float> flat;
        for (const auto &p : approx) { flat.push_back(p.x); flat.push_back(p.y); }
        *out_count = static_cast<int>(approx.size());
        *out = copy_out(flat);
        return LV_OK;
    });
}

extern "C" int lv_min_area_rect(const float *points, int count, float corners[8], lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!points || count < 1) return fail(error, LV_ERR_ARGUMENT, "no points");
        cv::RotatedRect box = cv::minAreaRect(points_from(points, count));
        cv::Point2f vertices[4];
        box.points(vertices);
        for (int i = 0; i < 4; ++i) { corners[2 * i] = vertices[i].x; corners[2 * i + 1] = vertices[i].y; }
        return LV_OK;
    });
}

extern "C" int lv_hough_lines(const lv_mat *edges, double rho, double theta, int threshold, double min_length,
                              double max_gap, int **lines, int *count, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(edges) || edges->mat.type() != CV_8UC1) return fail(error, LV_ERR_ARGUMENT, "needs an 8-bit edge image");
        std::vector<cv::Vec4i> found;
        cv::HoughLinesP(edges->mat, found, rho, theta, threshold, min_length, max_gap);
        std::vector<int> flat;
        for (const auto &l : found) { flat.push_back(l[0]); flat.push_back(l[1]); flat.push_back(l[2]); flat.push_back(l[3]); }
        *count = static_cast<int>(found.size());
        *lines = copy_out(flat);
        return LV_OK;
    });
}

extern "C" int lv_dft_magnitude(const lv_mat *mat, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || mat->mat.channels() != 1) return fail(error, LV_ERR_ARGUMENT, "needs a one-channel image");
        cv::Mat input, spectrum, planes[2], magnitude;
        mat->mat.convertTo(input, CV_32F);
        cv::dft(input, spectrum, cv::DFT_COMPLEX_OUTPUT);
        cv::split(spectrum, planes);
        cv::magnitude(planes[0], planes[1], magnitude);
        return emit(magnitude, out);
    });
}
