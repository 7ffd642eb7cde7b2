// Digital edits of a rendered document for the synthetic data generator (`digital_manipulation`).
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

using namespace lv;

extern "C" int lv_synth_erase_difference(lv_mat *image, const lv_mat *reference, const int box[4], int threshold, double radius,
                                         lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(image) || !valid(reference) || !box || image->mat.type() != CV_8UC3 || reference->mat.type() != CV_8UC3
            || image->mat.size() != reference->mat.size())
            return fail(error, LV_ERR_ARGUMENT, "two BGR images of one size are needed");
        const cv::Rect bounds(0, 0, image->mat.cols, image->mat.rows);
        const cv::Rect target = cv::Rect(box[0], box[1], box[2], box[3]) & bounds;
        if (target.empty()) return LV_OK;
        // The forger's brush: every pixel where the two differ (the text's ink and its
        // anti-aliased rim), widened by two pixels, inside the box only.
        cv::Mat difference, strongest, mask = cv::Mat::zeros(target.size(), CV_8U);
        cv::absdiff(image->mat(target), reference->mat(target), difference);
        cv::Mat planes[3];
        cv::split(difference, planes);
        strongest = cv::max(cv::max(planes[0], planes[1]), planes[2]);
        mask.setTo(255, strongest > threshold);
        cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
        // Inpainting (Telea's fast marching) sees a margin of context around the box but writes
        // only inside it.
        const int margin = int(std::ceil(radius)) + 4;
        const cv::Rect context = cv::Rect(target.x - margin, target.y - margin, target.width + 2 * margin, target.height + 2 * margin) & bounds;
        cv::Mat contextMask = cv::Mat::zeros(context.size(), CV_8U), filled;
        mask.copyTo(contextMask(cv::Rect(target.x - context.x, target.y - context.y, target.width, target.height)));
        cv::inpaint(image->mat(context), contextMask, filled, radius, cv::INPAINT_TELEA);
        filled(cv::Rect(target.x - context.x, target.y - context.y, target.width, target.height)).copyTo(image->mat(target));
        return LV_OK;
    });
}
