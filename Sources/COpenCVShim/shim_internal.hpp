// Internal helpers shared by the shim's translation units.
#pragma once
#include "lv_shim.h"
#include <opencv2/core.hpp>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

struct lv_mat {
    cv::Mat mat;
};

namespace lv {

inline void set_error(lv_error *error, int code, const char *message) {
    if (!error) return;
    error->code = code;
    std::strncpy(error->message, message ? message : "", sizeof(error->message) - 1);
    error->message[sizeof(error->message) - 1] = '\0';
}

/// Runs `body`, turning every exception into an error code and message.
template <typename Body> int guarded(lv_error *error, Body body) {
    try {
        return body();
    } catch (const cv::Exception &e) {
        set_error(error, LV_ERR_OPENCV, e.what());
        return LV_ERR_OPENCV;
    } catch (const std::bad_alloc &) {
        set_error(error, LV_ERR_MEMORY, "out of memory");
        return LV_ERR_MEMORY;
    } catch (const std::exception &e) {
        set_error(error, LV_ERR_UNKNOWN, e.what());
        return LV_ERR_UNKNOWN;
    } catch (...) {
        set_error(error, LV_ERR_UNKNOWN, "unknown C++ exception");
        return LV_ERR_UNKNOWN;
    }
}

inline int fail(lv_error *error, int code, const char *message) {
    set_error(error, code, message);
    return code;
}

/// Hands a matrix to Swift, making it continuous.
inline int emit(const cv::Mat &mat, lv_mat **out) {
    auto *handle = new lv_mat();
    handle->mat = mat.isContinuous() ? mat : mat.clone();
    *out = handle;
    return LV_OK;
}

/// Copies a vector into a malloc'd buffer the Swift side frees with lv_free.
template <typename T> T *copy_out(const std::vector<T> &values) {
    if (values.empty()) return nullptr;
    T *buffer = static_cast<T *>(std::malloc(values.size() * sizeof(T)));
    if (!buffer) throw std::bad_alloc();
    std::memcpy(buffer, values.data(), values.size() * sizeof(T));
    return buffer;
}

inline bool valid(const lv_mat *mat) { return mat && !mat->mat.empty(); }

/// Adds a laminate's glare (shim_synth_glare.cpp) to a linear-light float BGR scene.
void add_glare(cv::Mat &sensor, const lv_synth_glare &glare);

} // namespace lv
