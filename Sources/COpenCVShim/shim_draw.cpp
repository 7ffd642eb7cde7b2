// Drawing for debug images.
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>

using namespace lv;

extern "C" int lv_mat_clone(const lv_mat *mat, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat)) return fail(error, LV_ERR_ARGUMENT, "empty matrix");
        return emit(mat->mat.clone(), out);
    });
}

extern "C" int lv_draw_polyline(lv_mat *mat, const float *points, int count, int closed, const double color[3],
                                int thickness, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !points || count < 2) return fail(error, LV_ERR_ARGUMENT, "nothing to draw");
        std::vector<cv::Point> polyline;
        for (int i = 0; i < count; ++i) polyline.emplace_back(cvRound(points[2 * i]), cvRound(points[2 * i + 1]));
        cv::polylines(mat->mat, std::vector<std::vector<cv::Point>>{polyline}, closed != 0,
                      cv::Scalar(color[0], color[1], color[2]), thickness, cv::LINE_AA);
        return LV_OK;
    });
}

extern "C" int lv_draw_text(lv_mat *mat, const char *text, int x, int y, double scale, const double color[3],
                            int thickness, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !text) return fail(error, LV_ERR_ARGUMENT, "nothing to draw");
        cv::putText(mat->mat, text, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), thickness + 3,
                    cv::LINE_AA);
        cv::putText(mat->mat, text, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale,
                    cv::Scalar(color[0], color[1], color[2]), thickness, cv::LINE_AA);
        return LV_OK;
    });
}
