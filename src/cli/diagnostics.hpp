#pragma once
// Standard error: every message cchc prints there for a person (a file
// that could not be read, an output that could not be written, a refused
// command line, the progress of a long run) goes through here. --quiet
// silences notes, never the reason for exit status 2: a cron job must
// still learn why it failed, as grep -q and rg -q say "No such file".
// CLI11's own messages are translated here too, so a clerk reads one
// language and is told what to do. The results go to standard output or
// --output.

#include <cchc/base/lang.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace CLI {
class App;
class Error;
} // namespace CLI

namespace cchc::cli {

class Diagnostics {
public:
    explicit Diagnostics(bool quiet) : m_quiet(quiet) {}
    /// Writes `text` (whole lines, each ending in '\n') unless quiet.
    void say(std::string_view text) const;
    /// Writes why the run ends with exit status 2 (whole lines), quiet or not.
    static void error(std::string_view text);

private:
    bool m_quiet;
};

/// The line (a line per unknown word) that says, in `lang`, why CLI11 refused the command line and
/// what to do, e.g. "cchc: --formt: không có tùy chọn này; có phải ý bạn là
/// --format? (xem cchc report --help)". Translated by the error's class.
std::string usage_error(const CLI::Error &error, const CLI::App &app, Lang lang);

/// The one of `names` nearest to `word` by edits (a letter added, dropped,
/// changed, or two swapped), when at most `most` edits and fewer edits
/// than `word` has letters; else empty.
std::string nearest(std::string_view word, const std::vector<std::string> &names, std::size_t most);

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
