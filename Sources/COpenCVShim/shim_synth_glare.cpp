// A laminate's specular reflection of the light source, added to the sensor's linear light.
#include "shim_internal.hpp"
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>

namespace lv {

void add_glare(cv::Mat &sensor, const lv_synth_glare &glare) {
    CV_Assert(sensor.type() == CV_32FC3);
    cv::Mat h(3, 3, CV_64F);
    for (int i = 0; i < 9; ++i) h.at<double>(i / 3, i % 3) = glare.homography[i];
    // The lobe's bounding box in the scene: its 4-sigma box on the object, clipped to the object,
    // projected.
    const double ca = std::cos(glare.angle), sa = std::sin(glare.angle);
    const double reachX = 4 * std::hypot(glare.axes[0] * ca, glare.axes[1] * sa), reachY = 4 * std::hypot(glare.axes[0] * sa, glare.axes[1] * ca);
    const double left = std::max(0.0, glare.centre[0] - reachX), right = std::min(glare.size[0], glare.centre[0] + reachX);
    const double top = std::max(0.0, glare.centre[1] - reachY), bottom = std::min(glare.size[1], glare.centre[1] + reachY);
    if (left >= right || top >= bottom) return;
    std::vector<cv::Point2f> corners = {{float(left), float(top)}, {float(right), float(top)}, {float(right), float(bottom)}, {float(left), float(bottom)}}, mapped;
    cv::perspectiveTransform(corners, mapped, h);
    const cv::Rect box = (cv::boundingRect(mapped) + cv::Size(2, 2)) & cv::Rect(0, 0, sensor.cols, sensor.rows);
    if (box.empty()) return;
    cv::Mat inverse = h.inv();
    const double *m = inverse.ptr<double>();
    for (int y = box.y; y < box.y + box.height; ++y) {
        cv::Vec3f *row = sensor.ptr<cv::Vec3f>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            const double X = x, Y = y, w = m[6] * X + m[7] * Y + m[8];
            const double u = (m[0] * X + m[1] * Y + m[2]) / w, v = (m[3] * X + m[4] * Y + m[5]) / w;
            // Only the laminate reflects: nothing off the object.
            if (u < 0 || v < 0 || u > glare.size[0] || v > glare.size[1]) continue;
            const double du = u - glare.centre[0], dv = v - glare.centre[1];
            const double along = (du * ca + dv * sa) / glare.axes[0], across = (-du * sa + dv * ca) / glare.axes[1];
            const float light = float(glare.peak * std::exp(-0.5 * (along * along + across * across)));
            row[x] += cv::Vec3f(light, light, light);
        }
    }
}

}  // namespace lv
