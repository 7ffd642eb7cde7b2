// Cascade classifiers, ONNX networks and the YuNet face detector. Handles are not thread-safe:
// the Swift side keeps one per worker.
#include "shim_internal.hpp"
#include <opencv2/dnn.hpp>
#include <opencv2/objdetect.hpp>

using namespace lv;

struct lv_cascade { cv::CascadeClassifier classifier; };
struct lv_net { cv::dnn::Net net; };
struct lv_face_detector {
    cv::Ptr<cv::FaceDetectorYN> detector;
    std::string path;
    float score, nms;
    int top_k;
};

extern "C" int lv_cascade_load(const char *path, lv_cascade **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        auto *cascade = new lv_cascade();
        if (!path || !cascade->classifier.load(path)) {
            delete cascade;
            return fail(error, LV_ERR_ARGUMENT, "could not load the cascade file");
        }
        *out = cascade;
        return LV_OK;
    });
}

extern "C" void lv_cascade_release(lv_cascade *cascade) { delete cascade; }

extern "C" int lv_cascade_detect(lv_cascade *cascade, const lv_mat *grey, double scale_factor, int min_neighbours,
                                 int min_size, int **rects, int *count, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!cascade || !valid(grey)) return fail(error, LV_ERR_ARGUMENT, "missing cascade or image");
        std::vector<cv::Rect> found;
        cascade->classifier.detectMultiScale(grey->mat, found, scale_factor, min_neighbours, 0,
                                             cv::Size(min_size, min_size));
        std::vector<int> flat;
        for (const auto &r : found) { flat.push_back(r.x); flat.push_back(r.y); flat.push_back(r.width); flat.push_back(r.height); }
        *count = static_cast<int>(found.size());
        *rects = copy_out(flat);
        return LV_OK;
    });
}

extern "C" int lv_net_load_onnx(const char *path, lv_net **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!path) return fail(error, LV_ERR_ARGUMENT, "no path");
        auto *net = new lv_net();
        net->net = cv::dnn::readNetFromONNX(path);
        if (net->net.empty()) {
            delete net;
            return fail(error, LV_ERR_ARGUMENT, "the ONNX file holds no network");
        }
        *out = net;
        return LV_OK;
    });
}

extern "C" void lv_net_release(lv_net *net) { delete net; }

extern "C" int lv_net_forward(lv_net *net, const float *input, const int *shape, int dims, float **output,
                              int *output_count, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!net || !input || !shape || dims < 1 || dims > 6) return fail(error, LV_ERR_ARGUMENT, "invalid blob");
        cv::Mat blob(dims, shape, CV_32F, const_cast<float *>(input));
        net->net.setInput(blob);
        cv::Mat result = net->net.forward();
        cv::Mat flat = result.isContinuous() ? result : result.clone();
        std::vector<float> values(flat.ptr<float>(), flat.ptr<float>() + flat.total());
        *output_count = static_cast<int>(values.size());
        *output = copy_out(values);
        return LV_OK;
    });
}

extern "C" int lv_face_detector_create(const char *model_path, float score_threshold, float nms_threshold, int top_k,
                                       lv_face_detector **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!model_path) return fail(error, LV_ERR_ARGUMENT, "no model path");
        auto *detector = new lv_face_detector();
        detector->path = model_path;
        detector->score = score_threshold;
        detector->nms = nms_threshold;
        detector->top_k = top_k;
        try {
            detector->detector = cv::FaceDetectorYN::create(model_path, "", cv::Size(320, 320), score_threshold,
                                                            nms_threshold, top_k);
        } catch (...) {
            delete detector;
            throw;
        }
        *out = detector;
        return LV_OK;
    });
}

extern "C" void lv_face_detector_release(lv_face_detector *detector) { delete detector; }

extern "C" int lv_face_detect(lv_face_detector *detector, const lv_mat *bgr, float **faces, int *count,
                              lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!detector || !valid(bgr) || bgr->mat.channels() != 3)
            return fail(error, LV_ERR_ARGUMENT, "needs a detector and a BGR image");
        detector->detector->setInputSize(bgr->mat.size());
        cv::Mat found;
        detector->detector->detect(bgr->mat, found);
        std::vector<float> flat;
        for (int r = 0; r < found.rows; ++r)
            for (int c = 0; c < 15 && c < found.cols; ++c) flat.push_back(found.at<float>(r, c));
        *count = found.rows;
        *faces = copy_out(flat);
        return LV_OK;
    });
}
