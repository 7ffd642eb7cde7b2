// Matrices, codecs and library set-up.
#include "shim_internal.hpp"
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace lv;

extern "C" void lv_init(void) {
    try {
        cv::setNumThreads(1);
    } catch (...) {
    }
}

extern "C" const char *lv_opencv_version(void) { return CV_VERSION; }

extern "C" void lv_free(void *pointer) { std::free(pointer); }

extern "C" void lv_mat_release(lv_mat *mat) { delete mat; }

extern "C" void lv_mat_info(const lv_mat *mat, int *rows, int *cols, int *channels, int *depth) {
    *rows = mat ? mat->mat.rows : 0;
    *cols = mat ? mat->mat.cols : 0;
    *channels = mat ? mat->mat.channels() : 0;
    *depth = mat ? mat->mat.depth() : 0;
}

extern "C" const uint8_t *lv_mat_data(const lv_mat *mat, size_t *step) {
    *step = mat ? mat->mat.step[0] : 0;
    return mat ? mat->mat.data : nullptr;
}

extern "C" int lv_mat_from_pixels(int rows, int cols, int channels, int depth, const void *data, size_t step,
                                  lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (rows <= 0 || cols <= 0 || channels < 1 || channels > 4 || !data)
            return fail(error, LV_ERR_ARGUMENT, "invalid matrix shape");
        cv::Mat view(rows, cols, CV_MAKETYPE(depth, channels), const_cast<void *>(data), step);
        return emit(view.clone(), out);
    });
}

extern "C" int lv_decode(const uint8_t *bytes, size_t length, int grey, lv_mat **out, lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!bytes || length == 0) return fail(error, LV_ERR_ARGUMENT, "empty input");
        cv::Mat buffer(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t *>(bytes));
        int flags = (grey ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR) | cv::IMREAD_IGNORE_ORIENTATION;
        cv::Mat image = cv::imdecode(buffer, flags);
        if (image.empty()) return fail(error, LV_ERR_DECODE, "the codec could not decode the image data");
        if (image.depth() != CV_8U) {
            cv::Mat eight;
            image.convertTo(eight, CV_8U, image.depth() == CV_16U ? 1.0 / 257.0 : 1.0);
            image = eight;
        }
        return emit(image, out);
    });
}

extern "C" int lv_encode(const lv_mat *mat, const char *extension, int quality, uint8_t **out, size_t *length,
                         lv_error *error) {
    return guarded(error, [&]() -> int {
        if (!valid(mat) || !extension) return fail(error, LV_ERR_ARGUMENT, "empty matrix or extension");
        std::vector<int> params;
        if (quality > 0) {
            params = {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_WEBP_QUALITY, quality};
        }
        std::vector<uchar> encoded;
        if (!cv::imencode(extension, mat->mat, encoded, params))
            return fail(error, LV_ERR_ARGUMENT, "the encoder refused the image");
        *length = encoded.size();
        *out = copy_out(encoded);
        return LV_OK;
    });
}
