#pragma once
// Standard error: every message cchc prints there for a person (a file
// that could not be read, an output that could not be written, a warning,
// the progress of a long run) goes through here, so that --quiet silences
// all of them. The results themselves go to standard output or --output.

#include <cchc/base/lang.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string_view>
#include <thread>

namespace cchc::cli {

class Diagnostics {
public:
    explicit Diagnostics(bool quiet) : m_quiet(quiet) {}
    /// Writes `text` (whole lines, each ending in '\n') unless quiet.
    void say(std::string_view text) const;

private:
    bool m_quiet;
};

/// A progress line on standard error ("đã đọc 120/10000 tệp") for a run
/// that takes more than a second on a terminal; erased when the run ends.
class Progress {
public:
    Progress(std::size_t total, const std::atomic<std::size_t> &done, bool enabled, Lang lang)
        : m_total(total), m_done(done), m_lang(lang) {
        if (enabled) m_thread = std::thread([this] { loop(); });
    }
    ~Progress() { stop(); }
    Progress(const Progress &) = delete;
    Progress &operator=(const Progress &) = delete;

    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void loop();

    std::size_t m_total;
    const std::atomic<std::size_t> &m_done;
    Lang m_lang;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopped = false;
    std::thread m_thread;
};

} // namespace cchc::cli
