// Standard error (see diagnostics.hpp).
#include "diagnostics.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

namespace cchc::cli {

void Diagnostics::say(std::string_view text) const {
    if (!m_quiet) std::cerr << text << std::flush;
}

void Progress::loop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopped; })) return;
    bool shown = false;
    while (!m_stopped) {
        std::cerr << fmt::format(fmt::runtime(pick(m_lang, "\rcchc: đã đọc {}/{} tệp", "\rcchc: read {}/{} files")),
                                 m_done.load(), m_total)
                  << std::flush;
        shown = true;
        m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopped; });
    }
    if (shown) std::cerr << "\r\x1b[K" << std::flush;
}

} // namespace cchc::cli
