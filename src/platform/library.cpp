// Shared libraries opened on first use (see platform/library.hpp), with
// dlopen; built where CMake links them so (Linux and the other POSIX systems).
#include <cchc/base/error.hpp>
#include <cchc/platform/library.hpp>

#include <fmt/format.h>

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <string>

namespace cchc::platform {

namespace {

std::mutex g_mutex; // files are read on several threads
std::map<std::string, void *> &opened() {
    static std::map<std::string, void *> libraries;
    return libraries;
}

void *open_locked(const char *soname, const char *package, Lang lang, const char *purpose_vi, const char *purpose_en) {
    auto found = opened().find(soname);
    if (found != opened().end()) return found->second;
    void *handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char *why = ::dlerror();
        throw Error(fmt::format(
            fmt::runtime(pick(lang, "không mở được thư viện {} để {} ({}); hãy cài gói {}: apt-get install {}",
                              "cannot open the library {} to {} ({}); install the package {}: apt-get install {}")),
            soname, pick(lang, purpose_vi, purpose_en), why != nullptr ? why : "?", package, package));
    }
    opened().emplace(soname, handle);
    return handle;
}

} // namespace

void open_library(const char *soname, const char *package, Lang lang, const char *purpose_vi, const char *purpose_en) {
    const std::lock_guard lock(g_mutex);
    open_locked(soname, package, lang, purpose_vi, purpose_en);
}

void *library_function(const char *soname, const char *package, const char *symbol) {
    const std::lock_guard lock(g_mutex);
    void *handle = open_locked(soname, package, Lang::vi, "đọc hay ghi sổ tính", "read or write a workbook");
    void *function = ::dlsym(handle, symbol);
    if (function == nullptr)
        throw Error(fmt::format("thư viện {} không có hàm {}; hãy cài lại gói {} / the library {} has no function {}; "
                                "reinstall the package {}",
                                soname, symbol, package, soname, symbol, package));
    return function;
}

} // namespace cchc::platform
